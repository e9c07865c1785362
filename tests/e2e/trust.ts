import type { BrowserContext, Page, Worker } from '@playwright/test';
import { configureThroughStorage } from '../sandbox/configure';
import type { Sandbox } from '../sandbox/sandbox';
import { expect, signInToImmyBot } from './fixtures';

// Runs in the service worker, where `chrome` is the extension API.
declare const chrome: {
  contentSettings: {
    cookies: { get(details: { primaryUrl: string; secondaryUrl: string }): Promise<{ setting: string }> };
  };
  storage: { local: { get(key: string): Promise<Record<string, any>> } };
};

/** A hosted tenant nobody listed: anyone can open a HaloPSA trial on this domain. */
export const STRANGER = 'https://other.trial.usehalo.com';

export const worker = async (context: BrowserContext): Promise<Worker> =>
  context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

/** The listed HaloPSA sites, read from the extension's own storage. */
export const listedSites = async (context: BrowserContext): Promise<string[]> =>
  (await (await worker(context)).evaluate(() => chrome.storage.local.get('settings'))).settings?.haloOrigins ?? [];

/** Chrome's cookie setting for ImmyBot framed by `site`, read back from the browser itself. */
export const cookieSetting = async (context: BrowserContext, site: string, instance = 'https://acme.immy.bot') =>
  (await worker(context)).evaluate(
    ({ primaryUrl, secondaryUrl }) =>
      chrome.contentSettings.cookies.get({ primaryUrl, secondaryUrl }).then((s) => s.setting),
    { primaryUrl: `${instance}/`, secondaryUrl: `${site}/` },
  );

/**
 * Configures acme.halopsa.com and signs in to ImmyBot, in a browser whose extension holds the cookie permission
 * (`test.use({ granted: COOKIE_PERMISSION })`): ImmyBot's frame is signed in there, as after the consent click.
 */
export async function signIn(context: BrowserContext, sandbox: Sandbox): Promise<void> {
  await configureThroughStorage(context, 'acme', 619);
  await signInToImmyBot(context, sandbox);
  await expect.poll(() => cookieSetting(context, 'https://acme.halopsa.com')).toBe('allow');
}

export const navigate = (page: Page, href: string) => page.evaluate((h) => (window as any).haloNavigate(h), href);
