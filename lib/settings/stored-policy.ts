import { isHaloOrigin } from '../halo/address';
import { isValidId } from '../ids';
import { isInstanceOrigin } from '../immybot/instance';
import { POLICY_FIELDS, type ManagedPolicy, type PolicyField, type PolicyProblem, type ReadPolicy } from './policy';
import { storedSiteConnections } from './read';
import { isShowPlace } from './show';

/**
 * The background copies the organization's policy, already read and checked, into storage.local under
 * POLICY_KEY (lib/storage). Every context reads that copy: the content script then needs neither the
 * address parsers nor a second storage area, and one storage change tells every page the policy changed.
 */

const isPolicyField = (value: unknown): value is PolicyField => typeof value === 'string' && value in POLICY_FIELDS;

/** Reads the copy with the settings' own canonical checks; anything off is left out (the policy is re-read). */
export function readStoredPolicy(stored: unknown): ReadPolicy {
  const record = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof ReadPolicy, unknown>>;
  const raw = (record.policy && typeof record.policy === 'object' ? record.policy : {}) as Record<string, unknown>;
  const policy: ManagedPolicy = {};
  if (isInstanceOrigin(raw.instanceOrigin)) policy.instanceOrigin = raw.instanceOrigin;
  if (isValidId(raw.integrationId)) policy.integrationId = raw.integrationId;
  if (Array.isArray(raw.haloOrigins) && raw.haloOrigins.every(isHaloOrigin)) policy.haloOrigins = raw.haloOrigins;
  if (isShowPlace(raw.show)) policy.show = raw.show;
  if (raw.siteConnections) policy.siteConnections = storedSiteConnections(raw.siteConnections);
  const problems = Array.isArray(record.problems)
    ? record.problems.filter((p): p is PolicyProblem => !!p && isPolicyField(p.field) && typeof p.message === 'string')
    : [];
  return { policy, problems };
}
