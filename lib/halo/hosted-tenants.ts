import type { browser as extensionApi } from 'wxt/browser';
import { HOSTED_TENANTS_KEY } from '../settings/keys';
import { isHostedHaloUrl } from './hosts';

type Api = typeof extensionApi;

/** Enough for an MSP's own tenant plus a few trials; the oldest drop out. */
const MAX_TENANTS = 20;

export async function hostedTenants(browser: Api): Promise<string[]> {
  const stored = (await browser.storage.local.get(HOSTED_TENANTS_KEY))[HOSTED_TENANTS_KEY];
  return Array.isArray(stored) ? stored.filter((origin): origin is string => typeof origin === 'string' && isHostedHaloUrl(origin)) : [];
}

// Read-modify-write one at a time: lookups from two tabs must not drop each other's tenant.
let remembering: Promise<unknown> = Promise.resolve();

/** Remembers a hosted tenant the pane ran on; true when it was new. */
export function rememberHostedTenant(browser: Api, url: string | undefined): Promise<boolean> {
  if (!url || !isHostedHaloUrl(url)) return Promise.resolve(false);
  const origin = new URL(url).origin;
  const run = async () => {
    const known = await hostedTenants(browser);
    if (known.includes(origin)) return false;
    await browser.storage.local.set({ [HOSTED_TENANTS_KEY]: [...known, origin].slice(-MAX_TENANTS) });
    return true;
  };
  const result = remembering.then(run, run);
  remembering = result.catch(() => undefined);
  return result;
}
