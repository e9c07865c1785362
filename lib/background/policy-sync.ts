import type { browser as extensionApi } from 'wxt/browser';
import { createSerialQueue } from '../serial';
import { loadPolicy } from '../settings/policy';
import { readStoredPolicy } from '../settings/stored-policy';
import { POLICY_KEY } from '../storage';

type Api = typeof extensionApi;

/**
 * Keeps storage.local's copy of the organization's policy equal to storage.managed: on every worker start
 * (Firefox loads policy only at browser start) and on every policy change (Chrome and Edge apply them live).
 */
export function setupPolicySync(browser: Api): Promise<void> {
  const enqueue = createSerialQueue();
  const copy = () =>
    enqueue(async () => {
      const read = await loadPolicy(browser.storage);
      const stored = (await browser.storage.local.get(POLICY_KEY))[POLICY_KEY];
      if (JSON.stringify(readStoredPolicy(stored)) === JSON.stringify(read)) return;
      // No policy at all leaves no copy behind.
      if (Object.keys(read.policy).length === 0 && read.problems.length === 0)
        await browser.storage.local.remove(POLICY_KEY);
      else await browser.storage.local.set({ [POLICY_KEY]: read });
    }).catch((error: unknown) => console.error('Could not read the organization’s policy', error));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void copy();
  });
  return copy();
}
