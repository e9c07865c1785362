import * as z from 'zod/mini';
import { isHaloOrigin } from '../halo/address';
import { isHostedHaloUrl } from '../halo/hosts';
import { ImmyBotConnectionSchema, sameConnection, sameConnections } from '../immybot/connection';
import { POLICY_FIELDS, type ManagedPolicy, type PolicyField } from './policy';
import { HaloOriginsSchema, MAX_IMPORTED_SITES, SettingsSchema, type Settings, SiteConnectionsSchema } from './schema';
import { SHOW_PLACES } from '../show-places';

const origin = z.string().check(z.refine(isHaloOrigin, 'Not a HaloPSA site'));

/** Every change a page may ask the background (the only writer) to make to the settings. */
export const SettingsChangeSchema = z.discriminatedUnion('kind', [
  /** From the options page; `site` is the ticket's site when the options page was opened from a ticket. */
  z.object({ kind: z.literal('saveConnection'), connection: ImmyBotConnectionSchema, site: z.optional(origin) }),
  z.object({ kind: z.literal('addSite'), origin }),
  z.object({ kind: z.literal('removeSite'), origin }),
  z.object({ kind: z.literal('declineSite'), origin }),
  // Undo of "Not here": the tenant's offer may show again (it is not turned on).
  z.object({ kind: z.literal('undeclineSite'), origin }),
  z.object({ kind: z.literal('setShow'), show: z.enum(SHOW_PLACES) }),
  /** A listed site's own ImmyBot connection; null takes the site back to the default connection. */
  z.object({ kind: z.literal('setSiteConnection'), origin, connection: z.nullable(ImmyBotConnectionSchema) }),
  /**
   * A settings file as the options page planned it (lib/settings/transfer): only what its list said changes.
   * `from` is the value the list showed; the writer refuses the change when the value is no longer that.
   * Sites are the list's difference, so a site listed meanwhile (from the popup, say) stays listed.
   */
  z
    .object({
      kind: z.literal('importSettings'),
      connection: z.optional(z.object({ from: z.nullable(ImmyBotConnectionSchema), to: ImmyBotConnectionSchema })),
      addSites: z.optional(HaloOriginsSchema.check(z.maxLength(MAX_IMPORTED_SITES))),
      removeSites: z.optional(HaloOriginsSchema),
      show: z.optional(z.object({ from: z.nullable(z.enum(SHOW_PLACES)), to: z.enum(SHOW_PLACES) })),
      siteConnections: z.optional(z.object({ from: SiteConnectionsSchema, to: SiteConnectionsSchema })),
    })
    .check(
      z.refine(
        ({ addSites = [], removeSites = [] }) => !addSites.some((site) => removeSites.includes(site)),
        'A site both added and removed',
      ),
    ),
]);

export type SettingsChange = z.infer<typeof SettingsChangeSchema>;

const withSite = (origins: string[], site: string) => (origins.includes(site) ? origins : [...origins, site]);
const without = (origins: string[], site: string) => origins.filter((o) => o !== site);
/** The connections without those of `sites`: a site's own connection goes when the site does. */
const withoutConnections = (connections: Settings['siteConnections'], sites: readonly string[]) =>
  Object.fromEntries(Object.entries(connections).filter(([site]) => !sites.includes(site)));

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
      return {
        ...settings,
        haloOrigins: without(settings.haloOrigins, change.origin),
        siteConnections: withoutConnections(settings.siteConnections, [change.origin]),
      };
    case 'declineSite':
      // Only hosted tenants get an offer to decline; a listed site is removed, not declined.
      if (!isHostedHaloUrl(change.origin) || settings.haloOrigins.includes(change.origin)) return settings;
      return { ...settings, declinedOrigins: withSite(settings.declinedOrigins, change.origin) };
    case 'undeclineSite':
      return { ...settings, declinedOrigins: without(settings.declinedOrigins, change.origin) };
    case 'setShow':
      return { ...settings, show: change.show };
    case 'setSiteConnection': {
      const siteConnections = withoutConnections(settings.siteConnections, [change.origin]);
      if (change.connection) siteConnections[change.origin] = change.connection;
      return { ...settings, siteConnections };
    }
    case 'importSettings': {
      // One write for the whole file: the confirmed sites come off and on, and a listed site is no longer declined.
      const { addSites = [], removeSites = [] } = change;
      const kept = settings.haloOrigins.filter((o) => !removeSites.includes(o));
      const haloOrigins = [...kept, ...addSites.filter((o) => !kept.includes(o))];
      return {
        immybot: change.connection?.to ?? settings.immybot,
        haloOrigins,
        declinedOrigins: settings.declinedOrigins.filter((o) => !haloOrigins.includes(o)),
        show: change.show?.to ?? settings.show,
        siteConnections: withoutConnections(change.siteConnections?.to ?? settings.siteConnections, removeSites),
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

/** What the writer says when an import's list no longer matches the settings; the options page plans again. */
export const IMPORT_PLAN_STALE = 'Your settings changed since this file was read.';

/** True when an import's list showed a value (“7 → 619”) that the settings in effect no longer hold. */
export const isStaleImport = (change: SettingsChange, current: Settings): boolean =>
  change.kind === 'importSettings' &&
  ((change.connection !== undefined && !sameConnection(change.connection.from, current.immybot)) ||
    (change.show !== undefined && change.show.from !== current.show) ||
    (change.siteConnections !== undefined && !sameConnections(change.siteConnections.from, current.siteConnections)));

/**
 * Why a change would give a site that is not listed a connection of its own (checked against the settings in
 * effect, where the organization may list the sites), or null. The connection belongs to a listed site.
 */
export function unlistedSiteRefusal(change: SettingsChange, current: Settings): string | null {
  let sites: string[] = [];
  let listed = current.haloOrigins;
  if (change.kind === 'setSiteConnection' && change.connection) sites = [change.origin];
  if (change.kind === 'importSettings' && change.siteConnections) {
    const { addSites = [], removeSites = [] } = change;
    listed = [...listed.filter((site) => !removeSites.includes(site)), ...addSites];
    sites = Object.keys(change.siteConnections.to);
  }
  const unlisted = sites.filter((site) => !listed.includes(site));
  return unlisted.length ? `${unlisted.join(', ')} is not one of your HaloPSA sites: add the site first.` : null;
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
    case 'undeclineSite':
      return policy.haloOrigins ? 'haloOrigins' : null;
    case 'setShow':
      return policy.show !== undefined && policy.show !== change.show ? 'show' : null;
    case 'setSiteConnection':
      return policy.siteConnections ? 'siteConnections' : null;
    case 'importSettings': {
      // The page leaves out what the organization set; a file that still carries a different value is refused.
      const connection = change.connection?.to;
      const show = change.show?.to;
      if (connection && policy.instanceOrigin !== undefined && policy.instanceOrigin !== connection.instanceOrigin)
        return 'instanceOrigin';
      if (connection && policy.integrationId !== undefined && policy.integrationId !== connection.integrationId)
        return 'integrationId';
      if ((change.addSites || change.removeSites) && policy.haloOrigins) return 'haloOrigins';
      if (change.siteConnections && policy.siteConnections) return 'siteConnections';
      return show !== undefined && policy.show !== undefined && policy.show !== show ? 'show' : null;
    }
  }
}

/** What a refused change says: who set the value, and that this page cannot change it. */
export const lockedMessage = (field: PolicyField): string =>
  `${POLICY_FIELDS[field]} is set by your organization and cannot be changed here.`;
