import * as z from 'zod/mini';
import { isHaloOrigin } from '../halo/address';
import { ImmyBotConnectionSchema } from '../immybot/connection';
import { SHOW_PLACES } from '../show-places';

// zod/mini keeps the bundles small; the rules themselves live in lib/ids, lib/immybot and lib/halo.

const HaloOriginSchema = z.string().check(z.refine(isHaloOrigin, 'Not a HaloPSA origin'));

/** A list of HaloPSA site origins (hosted tenants and self-hosted instances), each once. */
export const HaloOriginsSchema = z
  .array(HaloOriginSchema)
  .check(z.refine((origins) => new Set(origins).size === origins.length, 'Duplicate HaloPSA origin'));

/** An imported settings file lists at most this many sites (a real MSP has tens). */
export const MAX_IMPORTED_SITES = 500;

/** HaloPSA sites with an ImmyBot connection of their own (a sandbox tenant, another integration), by site origin. */
export const SiteConnectionsSchema = z.record(HaloOriginSchema, ImmyBotConnectionSchema);

export const SettingsSchema = z.object({
  /** Where Technician Tools lives; null until an admin saves the options page. */
  immybot: z.nullable(ImmyBotConnectionSchema),
  /** The HaloPSA sites Technician Tools works on; every other site gets nothing from ImmyBot. */
  haloOrigins: HaloOriginsSchema,
  /** Hosted tenants where the user answered "Not here": their tickets show no offer. */
  declinedOrigins: HaloOriginsSchema,
  /** "Show Technician Tools": beside the ticket, in the side panel, or both; null = this browser's default. */
  show: z.nullable(z.enum(SHOW_PLACES)),
  /** Sites that use another connection than `immybot`; every other site uses `immybot` (lib/settings/site-connections). */
  siteConnections: SiteConnectionsSchema,
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  immybot: null,
  haloOrigins: [],
  declinedOrigins: [],
  show: null,
  siteConnections: {},
};
