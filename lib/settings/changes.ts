import * as z from 'zod/mini';
import { isHaloOrigin } from '../halo/address';
import { isHostedHaloUrl } from '../halo/hosts';
import { ImmyBotConnectionSchema } from '../immybot/connection';
import { POLICY_FIELDS, type ManagedPolicy, type PolicyField } from './policy';
import { HaloOriginsSchema, SettingsSchema, type Settings } from './schema';
import { SHOW_PLACES } from './show';
import { MAX_IMPORTED_SITES } from './transfer';

const origin = z.string().check(z.refine(isHaloOrigin, 'Not a HaloPSA address'));

/** Every change a page may ask the background (the only writer) to make to the settings. */
export const SettingsChangeSchema = z.discriminatedUnion('kind', [
  /** From the options page; `site` is the ticket's site when the options page was opened from a ticket. */
  z.object({ kind: z.literal('saveConnection'), connection: ImmyBotConnectionSchema, site: z.optional(origin) }),
  z.object({ kind: z.literal('addSite'), origin }),
  z.object({ kind: z.literal('removeSite'), origin }),
  z.object({ kind: z.literal('declineSite'), origin }),
  z.object({ kind: z.literal('setShow'), show: z.enum(SHOW_PLACES) }),
  /** A settings file, already read and completed (lib/settings/transfer); what it leaves out stays as it is. */
  z.object({
    kind: z.literal('importSettings'),
    connection: z.optional(ImmyBotConnectionSchema),
    haloOrigins: z.optional(HaloOriginsSchema.check(z.maxLength(MAX_IMPORTED_SITES))),
    show: z.optional(z.enum(SHOW_PLACES)),
  }),
]);

export type SettingsChange = z.infer<typeof SettingsChangeSchema>;

const withSite = (origins: string[], site: string) => (origins.includes(site) ? origins : [...origins, site]);
const without = (origins: string[], site: string) => origins.filter((o) => o !== site);

/** The settings after one change. Adding a listed site or removing an unlisted one changes nothing. */
export function applySettingsChange(settings: Settings, change: SettingsChange): Settings {
  switch (change.kind) {
    case 'saveConnection': {
      const next = { ...settings, immybot: change.connection };
      return change.site ? addSite(next, change.site) : next;
    }
    case 'addSite':
      return addSite(settings, change.origin);
    case 'removeSite':
      return { ...settings, haloOrigins: without(settings.haloOrigins, change.origin) };
    case 'declineSite':
      // Only hosted tenants get an offer to decline; a listed site is removed, not declined.
      if (!isHostedHaloUrl(change.origin) || settings.haloOrigins.includes(change.origin)) return settings;
      return { ...settings, declinedOrigins: withSite(settings.declinedOrigins, change.origin) };
    case 'setShow':
      return { ...settings, show: change.show };
    case 'importSettings': {
      // One write for the whole file: the sites replace the list, and a listed site is no longer declined.
      const haloOrigins = change.haloOrigins ?? settings.haloOrigins;
      return {
        immybot: change.connection ?? settings.immybot,
        haloOrigins,
        declinedOrigins: settings.declinedOrigins.filter((o) => !haloOrigins.includes(o)),
        show: change.show ?? settings.show,
      };
    }
  }
}

function addSite(settings: Settings, site: string): Settings {
  return {
    ...settings,
    haloOrigins: withSite(settings.haloOrigins, site),
    declinedOrigins: without(settings.declinedOrigins, site),
  };
}

/** Validates a whole settings value before it is stored; throws on anything the schema rejects. */
export const checkSettings = (settings: Settings): Settings => SettingsSchema.parse(settings);

/**
 * The policy field a change would alter although the organization set it, or null when it may apply.
 * Saving the managed value itself (the options page sends both connection fields) is no change.
 */
export function lockedField(change: SettingsChange, policy: ManagedPolicy): PolicyField | null {
  switch (change.kind) {
    case 'saveConnection': {
      const { instanceOrigin, integrationId } = change.connection;
      if (policy.instanceOrigin !== undefined && policy.instanceOrigin !== instanceOrigin) return 'instanceOrigin';
      if (policy.integrationId !== undefined && policy.integrationId !== integrationId) return 'integrationId';
      return change.site && policy.haloOrigins && !policy.haloOrigins.includes(change.site) ? 'haloOrigins' : null;
    }
    case 'addSite':
    case 'removeSite':
    case 'declineSite':
      return policy.haloOrigins ? 'haloOrigins' : null;
    case 'setShow':
      return policy.show !== undefined && policy.show !== change.show ? 'show' : null;
    case 'importSettings': {
      // The page leaves out what the organization set; a file that still carries a different value is refused.
      const { connection, haloOrigins, show } = change;
      if (connection && policy.instanceOrigin !== undefined && policy.instanceOrigin !== connection.instanceOrigin)
        return 'instanceOrigin';
      if (connection && policy.integrationId !== undefined && policy.integrationId !== connection.integrationId)
        return 'integrationId';
      if (haloOrigins && policy.haloOrigins) return 'haloOrigins';
      return show !== undefined && policy.show !== undefined && policy.show !== show ? 'show' : null;
    }
  }
}

/** What a refused change says: who set the value, and that this page cannot change it. */
export const lockedMessage = (field: PolicyField): string =>
  `${POLICY_FIELDS[field]} is set by your organization and cannot be changed here.`;
