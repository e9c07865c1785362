import type { browser as extensionApi } from 'wxt/browser';
import { isHaloOrigin } from '../halo/address';
import { PENDING_SITE_KEY } from '../storage';

type Api = typeof extensionApi;

/** Long enough for the options page to load; a site left behind by a page that never asked expires. */
export const PENDING_SITE_MAX_AGE_MS = 10 * 60_000;

interface PendingSite {
  origin: string;
  at: number;
}

/**
 * Hands a ticket's site to the options page through the background, never through the page's address: any page
 * or extension can open `options.html?…`, but only extension contexts can read storage.session.
 */
export async function rememberPendingSite(browser: Api, origin: string, now = Date.now()): Promise<void> {
  if (!isHaloOrigin(origin)) return;
  const entry: PendingSite = { origin, at: now };
  await browser.storage.session.set({ [PENDING_SITE_KEY]: entry });
}

/** The site waiting for the options page, once: it is removed as it is read. Null when none, stale or not HaloPSA. */
export async function takePendingSite(browser: Api, now = Date.now()): Promise<string | null> {
  const entry: unknown = (await browser.storage.session.get(PENDING_SITE_KEY))[PENDING_SITE_KEY];
  if (entry === undefined) return null;
  await browser.storage.session.remove(PENDING_SITE_KEY);
  if (!entry || typeof entry !== 'object') return null;
  const { origin, at } = entry as Partial<PendingSite>;
  const fresh = typeof at === 'number' && at <= now && now - at <= PENDING_SITE_MAX_AGE_MS;
  return fresh && isHaloOrigin(origin) ? origin : null;
}

/** Opens the options page; for a ticket's site, a fresh one that offers to turn that site on with the first save. */
export async function openOptionsForSite(browser: Api, siteOrigin: string | undefined): Promise<{ ok: true }> {
  if (siteOrigin && isHaloOrigin(siteOrigin)) {
    await rememberPendingSite(browser, siteOrigin);
    await browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  } else await browser.runtime.openOptionsPage();
  return { ok: true };
}
