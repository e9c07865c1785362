import * as z from 'zod/mini';
import { isValidId } from '../ids';
import { isInstanceOrigin } from '../immybot/instance';

// zod/mini keeps the content script small; the rules themselves live in lib/ids and lib/immybot.
export const ImmyBotConnectionSchema = z.object({
  instanceOrigin: z.string().check(z.refine(isInstanceOrigin, 'Not an ImmyBot instance origin')),
  integrationId: z.number().check(z.refine(isValidId, 'Not an integration id')),
});

export const SettingsSchema = z.object({
  /** Where Technician Tools lives; null until an admin saves the options page. */
  immybot: z.nullable(ImmyBotConnectionSchema),
});

export type ImmyBotConnection = z.infer<typeof ImmyBotConnectionSchema>;
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { immybot: null };
