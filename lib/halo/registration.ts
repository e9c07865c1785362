import type { browser as extensionApi } from 'wxt/browser';
import { haloContentScriptFiles, injectIntoTabs } from '../reinject';
import { originPattern } from '../match-pattern';
import { selfHostedOrigins } from './sites';

type Api = typeof extensionApi;

/** One registered content script carries every listed self-hosted origin (the manifest covers hosted tenants). */
export const CUSTOM_HALO_SCRIPT_ID = 'halo-custom-origins';

export interface HaloOriginAccess {
  /** Listed and permitted (hosted tenants always are): the pane runs there. */
  active: string[];
  /** Added, but the browser holds no permission (declined, or taken away by the browser). */
  needAccess: string[];
}

export async function haloOriginAccess(browser: Api, haloOrigins: string[]): Promise<HaloOriginAccess> {
  const held = await Promise.all(
    haloOrigins.map((origin) => browser.permissions.contains({ origins: [originPattern(origin)] })),
  );
  return { active: haloOrigins.filter((_, i) => held[i]), needAccess: haloOrigins.filter((_, i) => !held[i]) };
}

/**
 * Makes the registered content script match exactly "origins the user added ∩ origins we hold
 * permission for", and puts the script into open tabs of origins that just became active (of all
 * active origins with `injectAll`, after an install or update replaced the running scripts).
 */
export async function reconcileHaloOrigins(
  browser: Api,
  haloOrigins: string[],
  { injectAll = false } = {},
): Promise<HaloOriginAccess> {
  const access = await haloOriginAccess(browser, haloOrigins);
  const patterns = [...new Set(selfHostedOrigins(access.active).map(originPattern))].sort();
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_HALO_SCRIPT_ID] });
  const before = new Set(registered?.matches ?? []);
  const js = haloContentScriptFiles(browser);

  if (patterns.length === 0) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [CUSTOM_HALO_SCRIPT_ID] });
  } else if (!registered) {
    await browser.scripting.registerContentScripts([
      { id: CUSTOM_HALO_SCRIPT_ID, matches: patterns, js, runAt: 'document_end', persistAcrossSessions: true },
    ]);
  } else if (patterns.join() !== [...before].sort().join()) {
    await browser.scripting.updateContentScripts([{ id: CUSTOM_HALO_SCRIPT_ID, matches: patterns, js }]);
  }

  await injectIntoTabs(browser, injectAll ? patterns : patterns.filter((pattern) => !before.has(pattern)), [], js);
  return access;
}
