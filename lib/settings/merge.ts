import type { ManagedPolicy, PolicyField, PolicyProblem, ReadPolicy } from './policy';
import type { ReadSettings, SettingsProblem } from './read';
import type { Settings } from './schema';
import { listedConnections } from './site-connections';

/** Where a setting's value comes from: the organization's policy, this browser's options page, or the default. */
export type SettingSource = 'managed' | 'local' | 'default';
export type SettingSources = Record<PolicyField, SettingSource>;

export interface MergedSettings {
  settings: Settings;
  sources: SettingSources;
}

const sourceOf = (managed: unknown, local: unknown): SettingSource =>
  managed !== undefined ? 'managed' : local !== undefined && local !== null ? 'local' : 'default';

/**
 * The one place policy meets the user's own settings: a managed value wins, field by field. A managed site
 * list replaces the user's, so no one adds a site the organization did not list.
 */
export function mergeSettings(local: Settings, policy: ManagedPolicy): MergedSettings {
  const instanceOrigin = policy.instanceOrigin ?? local.immybot?.instanceOrigin;
  const integrationId = policy.integrationId ?? local.immybot?.integrationId;
  const haloOrigins = policy.haloOrigins ?? local.haloOrigins;
  return {
    settings: {
      immybot: instanceOrigin && integrationId ? { instanceOrigin, integrationId } : null,
      haloOrigins,
      declinedOrigins: local.declinedOrigins.filter((origin) => !haloOrigins.includes(origin)),
      show: policy.show ?? local.show,
      // A managed map replaces the user's, as a managed site list does.
      siteConnections: listedConnections(policy.siteConnections ?? local.siteConnections, haloOrigins),
    },
    sources: {
      instanceOrigin: sourceOf(policy.instanceOrigin, local.immybot?.instanceOrigin),
      integrationId: sourceOf(policy.integrationId, local.immybot?.integrationId),
      haloOrigins: sourceOf(policy.haloOrigins, local.haloOrigins.length > 0 ? local.haloOrigins : undefined),
      show: sourceOf(policy.show, local.show),
      // A site of this browser's own with a connection (its first key) makes the field local.
      siteConnections: sourceOf(policy.siteConnections, Object.keys(local.siteConnections)[0]),
    },
  };
}

/** True when the organization set this field: the options page locks it and no page offers to change it. */
export const isLocked = (sources: SettingSources, field: PolicyField): boolean => sources[field] === 'managed';

/** The merged settings with what could not be used: stored values set aside, managed values ignored. */
export interface EffectiveSettings extends MergedSettings {
  /** The managed values themselves: a managed half of the connection shows even while the other half is missing. */
  policy: ManagedPolicy;
  problems: SettingsProblem[];
  policyProblems: PolicyProblem[];
}

export const effectiveSettings = (local: ReadSettings, policy: ReadPolicy): EffectiveSettings => ({
  ...mergeSettings(local.settings, policy.policy),
  policy: policy.policy,
  problems: local.problems,
  policyProblems: policy.problems,
});

/** True when the policy alone makes Technician Tools work: nobody needs the first-run steps. */
export const isConfiguredByPolicy = (sources: SettingSources): boolean =>
  isLocked(sources, 'instanceOrigin') && isLocked(sources, 'integrationId') && isLocked(sources, 'haloOrigins');
