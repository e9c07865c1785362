import type { browser as extensionApi } from 'wxt/browser';
import { reconcileHaloOrigins } from '../halo/registration';
import { syncCookieExceptions } from '../immybot/cookie-access';
import { cookieSettingsApi, hasCookiePermission } from '../immybot/cookie-permission';
import { injectIntoOpenTabs } from '../reinject';
import { createSerialQueue } from '../serial';
import { UNTRUSTED_V01_TENANTS_KEY } from '../storage';
import { changesSettings } from '../settings/settings';
import { loadSettings } from '../settings/settings';
import { connectionForSite } from '../settings/site-connections';
import { showAccess } from './badge';

type Api = typeof extensionApi;

/**
 * Registered content scripts and ImmyBot's cookie exceptions follow the listed sites and the
 * permissions held, on every event that can change either.
 */
export function setupReconciliation(browser: Api): void {
  const enqueue = createSerialQueue();
  // One reconciliation at a time: events arrive in bursts (install + startup + a settings write).
  const schedule = (options: { injectAll?: boolean } = {}) => void enqueue(() => reconcile(browser, options));

  // An installed or updated extension gets no content script in tabs that were already open.
  browser.runtime.onInstalled.addListener(() => {
    // v0.1 remembered every hosted tenant that opened a ticket; such a list is not trusted, so it goes.
    void browser.storage.local.remove(UNTRUSTED_V01_TENANTS_KEY);
    void injectIntoOpenTabs(browser);
    schedule({ injectAll: true });
  });
  browser.runtime.onStartup.addListener(() => schedule());
  browser.permissions.onAdded.addListener(() => schedule());
  browser.permissions.onRemoved.addListener(() => schedule());
  browser.storage.onChanged.addListener((changes, area) => {
    // A policy update too (its copy): a managed site list registers (or drops) self-hosted content scripts.
    if (changesSettings(changes, area)) schedule();
  });
  schedule();
}

async function reconcile(browser: Api, options: { injectAll?: boolean }): Promise<void> {
  try {
    const settings = await loadSettings();
    const { haloOrigins } = settings;
    const access = await reconcileHaloOrigins(browser, haloOrigins, options);
    showAccess(browser, access);
    // Exactly the listed sites the pane can run on, hosted and self-hosted, each with the instance of its own
    // connection: nothing else may frame ImmyBot signed in.
    await syncCookieExceptions(
      cookieSettingsApi(),
      await hasCookiePermission(),
      (site) => connectionForSite(settings, site)?.instanceOrigin ?? null,
      access.active,
    );
  } catch (error) {
    console.error('Could not bring content scripts and cookie exceptions up to date', error);
  }
}
