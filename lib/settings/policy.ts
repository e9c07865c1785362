import { parseHaloAddress } from '../halo/address';
import { parseInstance, parseIntegrationId } from '../immybot/instance';
import { describeValue } from './read';
import { isShowPlace, type ShowPlace } from './show';

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

/**
 * Reads `storage.managed` (keys `immybotInstance`, `integrationId`, `haloSites`, `show`; see
 * public/managed_schema.json) field by field: a bad field is ignored and reported, the rest still apply.
 * Firefox does not enforce the schema, so every value is checked here whatever its type.
 */
export function readPolicy(raw: unknown): ReadPolicy {
  const problems: PolicyProblem[] = [];
  const policy: ManagedPolicy = {};
  const record = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const problem = (field: PolicyField, reason: string) =>
    problems.push({
      field,
      message: `Your organization’s setting for ${POLICY_FIELDS[field]} is not valid: ${reason}`,
    });

  const { immybotInstance, integrationId, haloSites, show } = record;
  let idFromInstanceUrl: number | undefined;
  if (immybotInstance !== undefined) {
    const instance = typeof immybotInstance === 'string' ? parseInstance(immybotInstance) : null;
    if (!instance) problem('instanceOrigin', 'it must be text, like acme or https://acme.immy.bot.');
    else if (!instance.ok) problem('instanceOrigin', instance.error);
    else {
      policy.instanceOrigin = instance.instanceOrigin;
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
    else policy.integrationId = id.integrationId;
  } else if (idFromInstanceUrl !== undefined) policy.integrationId = idFromInstanceUrl;

  if (haloSites !== undefined) {
    if (!Array.isArray(haloSites)) problem('haloOrigins', 'it must be a list of HaloPSA addresses.');
    else {
      const origins: string[] = [];
      for (const site of haloSites) {
        const address = typeof site === 'string' ? parseHaloAddress(site) : null;
        if (address?.ok) {
          if (!origins.includes(address.origin)) origins.push(address.origin);
        } else problem('haloOrigins', `${describeValue(site)} was left out. ${address?.error ?? ''}`.trim());
      }
      // A list whose every entry was wrong is ignored whole: locking the user out of all sites helps nobody.
      if (origins.length > 0 || haloSites.length === 0) policy.haloOrigins = origins;
    }
  }

  if (show !== undefined) {
    if (isShowPlace(show)) policy.show = show;
    else problem('show', `${describeValue(show)} is not one of page, sidePanel or both.`);
  }
  return { policy, problems };
}

type ManagedArea = { get(): Promise<Record<string, unknown>> };

/**
 * Reads the organization's policy in this browser; none when there is no managed storage (Firefox without
 * a policy rejects the read, test fakes have no area). Only the background calls this: see policy-copy.ts.
 */
export async function loadPolicy(storage: { managed?: ManagedArea }): Promise<ReadPolicy> {
  const raw = await Promise.resolve()
    .then(() => storage.managed?.get())
    .catch(() => ({}));
  return readPolicy(raw);
}
