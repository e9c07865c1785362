import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { hostedTenants, rememberHostedTenant } from '../lib/halo/hosted-tenants';
import { isHostedHaloUrl } from '../lib/halo/hosts';
import { checkHaloInstance } from '../lib/halo/instance-info';
import { reconcileHaloOrigins, type HaloOriginAccess } from '../lib/halo/registration';
import { createImmyBotClient } from '../lib/immybot/client';
import { testConnection } from '../lib/immybot/connection-test';
import { syncCookieExceptions } from '../lib/immybot/cookie-access';
import { cookieSettingsApi, cookieSettingsSupported, hasCookiePermission } from '../lib/immybot/cookie-permission';
import { createLookups, type LookupCache } from '../lib/immybot/lookups';
import { problemFor } from '../lib/immybot/problems';
import { openSignIn, resumeSignIn, watchSignInWindow } from '../lib/immybot/sign-in-window';
import { onlineCount } from '../lib/immybot/ticket-view';
import { contentScriptMayAsk, parseRequest, type Request, type Responses } from '../lib/messaging/protocol';
import { isTrustedSender, type SenderInfo } from '../lib/messaging/sender';
import { injectIntoOpenTabs } from '../lib/reinject';
import { HOSTED_TENANTS_KEY, SETTINGS_KEY } from '../lib/settings/keys';
import { loadSettings } from '../lib/settings/store';

// Answers live in storage.session: they outlive a worker restart, never reach a page, and die with the browser.
const sessionCache: LookupCache = {
  get: async (key) => (await browser.storage.session.get(`lookup:${key}`))[`lookup:${key}`] as never,
  set: (key, entry) => browser.storage.session.set({ [`lookup:${key}`]: entry }),
};
const lookup = createLookups((instanceOrigin) => createImmyBotClient(instanceOrigin), sessionCache);

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    const request = parseRequest(message);
    if (!request) return undefined;
    return loadSettings().then(({ haloOrigins }) => {
      const isHaloPage = (url: string) => isHostedHaloUrl(url) || haloOrigins.includes(new URL(url).origin);
      if (!isTrustedSender(sender, browser.runtime.id, browser.runtime.getURL('/'), isHaloPage, contentScriptMayAsk(request))) {
        throw new Error('Message refused: not from this extension or an enabled HaloPSA page.');
      }
      return handle(request, sender);
    });
  });

  // An installed or updated extension gets no content script in tabs that were already open.
  browser.runtime.onInstalled.addListener(() => {
    void injectIntoOpenTabs(browser);
    scheduleReconcile({ injectAll: true });
  });
  browser.runtime.onStartup.addListener(() => scheduleReconcile());
  browser.permissions.onAdded.addListener(() => scheduleReconcile());
  browser.permissions.onRemoved.addListener(() => scheduleReconcile());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (SETTINGS_KEY in changes || HOSTED_TENANTS_KEY in changes)) scheduleReconcile();
  });
  scheduleReconcile();
  void resumeSignIn(browser, isSignedIn);
});

async function handle(request: Request, sender: SenderInfo & { tab?: { id?: number; windowId?: number } }): Promise<Responses[Request['type']]> {
  switch (request.type) {
    case 'openOptions':
      await browser.runtime.openOptionsPage();
      return { ok: true };
    case 'checkHaloAddress':
      return checkHaloInstance(request.origin);
    case 'lookupTicket': {
      const { immybot } = await loadSettings();
      if (!immybot) return { ok: false, problem: problemFor('no-integration', { integrationId: 0, faultId: request.faultId }) };
      void rememberHostedTenant(browser, sender.url);
      const result = await lookup(immybot, request.faultId);
      showOnlineComputers(sender.tab?.id, result.ok ? String(onlineCount(result.ticket)) : '');
      const cookieAccess = !cookieSettingsSupported() ? 'unsupported' : (await hasCookiePermission()) ? 'applied' : 'no-permission';
      return { ...result, cookieAccess };
    }
    case 'ticketClosed':
      showOnlineComputers(sender.tab?.id, '');
      return { ok: true };
    case 'signIn': {
      await rememberHostedTenant(browser, sender.url);
      await openSignIn(browser);
      return { ok: true };
    }
    case 'watchSignIn': {
      // Answer at once; the watch goes on for up to five minutes.
      void watchSignInWindow(browser, sender.tab?.windowId, isSignedIn);
      return { ok: true };
    }
    case 'testConnection':
      return testConnection(createImmyBotClient(request.instanceOrigin), request.integrationId);
  }
}

async function isSignedIn(): Promise<boolean> {
  const { immybot } = await loadSettings();
  return immybot !== null && createImmyBotClient(immybot.instanceOrigin).auth().then(() => true, () => false);
}

/** The toolbar badge: online computers for the ticket in that tab, nothing elsewhere. */
function showOnlineComputers(tabId: number | undefined, text: string): void {
  if (tabId !== undefined) void browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
}

// One reconciliation at a time: events arrive in bursts (install + startup + a settings write).
let reconciling: Promise<void> = Promise.resolve();
function scheduleReconcile(options: { injectAll?: boolean } = {}): void {
  const run = () => reconcile(options);
  reconciling = reconciling.then(run, run);
}

/** Content scripts for self-hosted origins, and ImmyBot's cookie exceptions, follow settings and permissions. */
async function reconcile(options: { injectAll?: boolean }): Promise<void> {
  try {
    const { immybot, haloOrigins } = await loadSettings();
    const access = await reconcileHaloOrigins(browser, haloOrigins, options);
    showAccess(access);
    const framedBy = [...access.active, ...(await hostedTenants(browser))];
    await syncCookieExceptions(cookieSettingsApi(), await hasCookiePermission(), immybot?.instanceOrigin ?? null, framedBy);
  } catch (error) {
    console.error('Could not bring content scripts and cookie exceptions up to date', error);
  }
}

/** The toolbar says when an added HaloPSA address has lost its access (browsers drop it on some updates). */
function showAccess({ needAccess }: HaloOriginAccess): void {
  void browser.action.setBadgeText({ text: needAccess.length ? '!' : '' });
  void browser.action.setBadgeBackgroundColor({ color: '#c62828' });
  void browser.action.setTitle({
    title: needAccess.length
      ? `ImmyBot Technician Tools — ${needAccess.join(', ')} needs access again`
      : 'ImmyBot Technician Tools',
  });
}
