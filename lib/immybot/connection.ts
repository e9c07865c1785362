import * as z from 'zod/mini';
import { isValidId } from '../ids';
import { isInstanceOrigin } from './instance';

/** Where Technician Tools lives: an ImmyBot instance and its HaloPSA integration ("provider link"). */
export const ImmyBotConnectionSchema = z.object({
  instanceOrigin: z.string().check(z.refine(isInstanceOrigin, 'Not an ImmyBot instance origin')),
  integrationId: z.number().check(z.refine(isValidId, 'Not an integration id')),
});

export type ImmyBotConnection = z.infer<typeof ImmyBotConnectionSchema>;
