import { parseHaloAddress } from '../halo/address';
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
} as const;
export type PolicyField = keyof typeof POLICY_FIELDS;

/** What the organization's policy sets, already read into the settings' own canonical shape. */
export interface ManagedPolicy {
  instanceOrigin?: string;
  integrationId?: number;
  haloOrigins?: string[];
  show?: ShowPlace;
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
  const problem = (field: PolicyField, reason: string, site?: string) => problems.push({ field, reason, site });

  const { immybotInstance, integrationId, haloSites, show } = record;
  let idFromInstanceUrl: number | undefined;
  if (immybotInstance !== undefined) {
    const instance = typeof immybotInstance === 'string' ? parseInstance(immybotInstance) : null;
    if (!instance) problem('instanceOrigin', 'it must be text, like acme or https://acme.immy.bot.');
    else if (!instance.ok) problem('instanceOrigin', instance.error);
    else {
      values.instanceOrigin = instance.instanceOrigin;
      // A pasted Technician Tools URL names the integration too, as on the options page.
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
  return { values, problems };
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
