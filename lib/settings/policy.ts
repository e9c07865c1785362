import { parseHaloAddress } from '../halo/address';
import type { ImmyBotConnection } from '../immybot/connection';
import { parseInstance, parseIntegrationId } from '../immybot/instance';
import { describeValue } from './read';
import { SHOW_PLACES } from '../show-places';
import { isShowPlace, type ShowPlace } from './show';

/** The accepted values, as an admin would type them: "page, sidePanel, both or window". */
const SHOW_PLACES_TEXT = `${SHOW_PLACES.slice(0, -1).join(', ')} or ${SHOW_PLACES.at(-1)}`;

/** The settings an organization can set by policy, by the name the options page shows them under. */
export const POLICY_FIELDS = {
  instanceOrigin: 'ImmyBot instance',
  integrationId: 'Integration ID',
  haloOrigins: 'HaloPSA sites',
  show: 'Show Technician Tools',
  siteConnections: 'Site connections',
} as const;
export type PolicyField = keyof typeof POLICY_FIELDS;

/** What the organization's policy sets, already read into the settings' own canonical shape. */
export interface ManagedPolicy {
  instanceOrigin?: string;
  integrationId?: number;
  haloOrigins?: string[];
  show?: ShowPlace;
  /** Sites that use another connection than the default, by site origin. */
  siteConnections?: Record<string, ImmyBotConnection>;
}

/** A managed value that was ignored, said for the options page. */
export interface PolicyProblem {
  field: PolicyField;
  message: string;
}

export interface ReadPolicy {
  policy: ManagedPolicy;
  problems: PolicyProblem[];
}

/** The keys an admin writes (a policy, or a settings file), each with the setting it holds. */
export const ADMIN_KEYS = {
  immybotInstance: 'instanceOrigin',
  integrationId: 'integrationId',
  haloSites: 'haloOrigins',
  show: 'show',
  siteConnections: 'siteConnections',
} as const satisfies Record<string, PolicyField>;

/** A value that could not be used; `site` is the list entry, shortly, when one HaloPSA site was the trouble. */
export interface ValueProblem {
  field: PolicyField;
  reason: string;
  site?: string;
}

/**
 * Reads the admin keys (see public/managed_schema.json) field by field into the settings' canonical shape,
 * with the same parsers as the options page; every value is checked whatever its type. A site list keeps
 * its good entries. The policy reader reports each problem; an imported file is refused on any.
 */
export function readAdminValues(record: Record<string, unknown>): { values: ManagedPolicy; problems: ValueProblem[] } {
  const problems: ValueProblem[] = [];
  const values: ManagedPolicy = {};
  const problem: Report = (field, reason, site) => problems.push({ field, reason, site });

  const { immybotInstance, integrationId, haloSites, show, siteConnections } = record;
  Object.assign(values, readAdminConnection(immybotInstance, integrationId, problem));

  if (haloSites !== undefined) {
    if (!Array.isArray(haloSites)) problem('haloOrigins', 'it must be a list of HaloPSA sites.');
    else {
      const origins: string[] = [];
      for (const site of haloSites) {
        const address = typeof site === 'string' ? parseHaloAddress(site) : null;
        if (address?.ok) {
          if (!origins.includes(address.origin)) origins.push(address.origin);
        } else
          problem(
            'haloOrigins',
            address?.error ?? 'Each address must be text, like acme.halopsa.com.',
            describeValue(site),
          );
      }
      values.haloOrigins = origins;
    }
  }

  if (show !== undefined) {
    if (isShowPlace(show)) values.show = show;
    else problem('show', `${describeValue(show)} is not one of ${SHOW_PLACES_TEXT}.`);
  }
  if (siteConnections !== undefined) values.siteConnections = readAdminSiteConnections(siteConnections, problem);
  return { values, problems };
}

/** The sites with a connection of their own that `haloOrigins` does not list (none when there is no list). */
export const unlistedSiteConnections = (
  connections: Record<string, ImmyBotConnection> | undefined,
  haloOrigins: readonly string[] | undefined,
): string[] =>
  connections && haloOrigins ? Object.keys(connections).filter((site) => !haloOrigins.includes(site)) : [];

type Report = (field: PolicyField, reason: string, site?: string) => void;

/**
 * One connection as an admin writes it (`immybotInstance`, `integrationId`), with the options page's parsers: a
 * pasted Technician Tools URL names the integration too. Each half is left out, and reported, when it is wrong.
 */
function readAdminConnection(
  immybotInstance: unknown,
  integrationId: unknown,
  problem: (field: 'instanceOrigin' | 'integrationId', reason: string) => void,
): Partial<ImmyBotConnection> {
  const values: Partial<ImmyBotConnection> = {};
  let idFromInstanceUrl: number | undefined;
  if (immybotInstance !== undefined) {
    const instance = typeof immybotInstance === 'string' ? parseInstance(immybotInstance) : null;
    if (!instance) problem('instanceOrigin', 'it must be text, like acme or https://acme.immy.bot.');
    else if (!instance.ok) problem('instanceOrigin', instance.error);
    else {
      values.instanceOrigin = instance.instanceOrigin;
      idFromInstanceUrl = instance.integrationId;
    }
  }
  if (integrationId !== undefined) {
    const id =
      typeof integrationId === 'number' || typeof integrationId === 'string'
        ? parseIntegrationId(String(integrationId))
        : null;
    if (!id) problem('integrationId', 'it must be a whole number, like 619.');
    else if (!id.ok) problem('integrationId', id.error);
    else values.integrationId = id.integrationId;
  } else if (idFromInstanceUrl !== undefined) values.integrationId = idFromInstanceUrl;
  return values;
}

const SITE_CONNECTION_KEYS = ['immybotInstance', 'integrationId'];

/**
 * `siteConnections`: HaloPSA site → `{ "immybotInstance": "…", "integrationId": 620 }`. Sites are read as in
 * `haloSites` and connections as the main one; an entry with anything wrong is left out, with its site named.
 */
function readAdminSiteConnections(value: unknown, problem: Report): Record<string, ImmyBotConnection> {
  const connections: Record<string, ImmyBotConnection> = {};
  const field = 'siteConnections';
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problem(field, 'it must be an object whose keys are HaloPSA sites, like {"sandbox.halopsa.com": {…}}.');
    return connections;
  }
  for (const [site, entry] of Object.entries(value)) {
    const address = parseHaloAddress(site);
    const name = describeValue(site);
    if (!address.ok) {
      problem(field, address.error, name);
      continue;
    }
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problem(field, 'Its connection must be an object with "immybotInstance" and "integrationId".', name);
      continue;
    }
    const fields = entry as Record<string, unknown>;
    const unknown = Object.keys(fields).filter((key) => !SITE_CONNECTION_KEYS.includes(key));
    const reasons: string[] = unknown.length
      ? [
          `Its connection holds only "immybotInstance" and "integrationId", not ${unknown.map(describeValue).join(', ')}.`,
        ]
      : [];
    const { instanceOrigin, integrationId } = readAdminConnection(
      fields.immybotInstance,
      fields.integrationId,
      (half, reason) => reasons.push(`${POLICY_FIELDS[half]}: ${reason}`),
    );
    if (!reasons.length && instanceOrigin === undefined) reasons.push('Its connection needs "immybotInstance".');
    if (!reasons.length && integrationId === undefined) reasons.push('Its connection needs "integrationId".');
    if (reasons.length || !instanceOrigin || !integrationId) problem(field, reasons.join(' '), name);
    else if (address.origin in connections) problem(field, 'The site is named twice; the first is kept.', name);
    else connections[address.origin] = { instanceOrigin, integrationId };
  }
  return connections;
}

/**
 * Reads `storage.managed` field by field: a bad field is ignored and reported, the rest still apply.
 * Firefox does not enforce the schema, so every value is checked here whatever its type.
 */
export function readPolicy(raw: unknown): ReadPolicy {
  const record = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const { values: policy, problems } = readAdminValues(record);
  // A list whose every entry was wrong is ignored whole: locking the user out of all sites helps nobody.
  if (policy.haloOrigins?.length === 0 && Array.isArray(record.haloSites) && record.haloSites.length > 0)
    delete policy.haloOrigins;
  const unlisted = unlistedSiteConnections(policy.siteConnections, policy.haloOrigins);
  for (const site of unlisted) {
    delete policy.siteConnections?.[site];
    problems.push({
      field: 'siteConnections',
      reason: 'It is not one of the HaloPSA sites the policy lists (haloSites).',
      site,
    });
  }
  // Likewise connections of which none could be used.
  const connections = record.siteConnections;
  const entries = connections && typeof connections === 'object' ? Object.keys(connections).length : 0;
  if (policy.siteConnections && Object.keys(policy.siteConnections).length === 0 && entries > 0)
    delete policy.siteConnections;
  return {
    policy,
    problems: problems.map(({ field, reason, site }) => ({
      field,
      message: `Your organization’s setting for ${POLICY_FIELDS[field]} is not valid: ${site ? `${site} was left out. ${reason}` : reason}`,
    })),
  };
}

type ManagedArea = { get(): Promise<Record<string, unknown>> };

/**
 * Reads the organization's policy in this browser; none when there is no managed storage (Firefox without
 * a policy rejects the read, test fakes have no area). Only the background calls this: see lib/background/policy-sync.ts.
 */
export async function loadPolicy(storage: { managed?: ManagedArea }): Promise<ReadPolicy> {
  const raw = await Promise.resolve()
    .then(() => storage.managed?.get())
    .catch(() => ({}));
  return readPolicy(raw);
}
