import type { browser as extensionApi } from 'wxt/browser';
import { originPattern } from '../match-pattern';
import { isHostedHaloUrl } from '../halo/hosts';
import { checkHaloInstance } from '../halo/instance-info';
import { createImmyBotClient } from '../immybot/client';
import { testConnection } from '../immybot/connection-test';
import { cookieSettingsSupported, hasCookiePermission } from '../immybot/cookie-permission';
import { createStorageLookupCache } from '../immybot/lookup-cache';
import { createLookups } from '../immybot/lookups';
import { problemFor } from '../immybot/problems';
import { openSignIn, resumeSignIn, watchSignInWindow } from '../immybot/sign-in-window';
import { onlineCount } from '../immybot/ticket-view';
import { mayAsk, parseRequest, type Done, type Request, type Responses } from '../messaging/protocol';
import { senderRole, type SenderInfo } from '../messaging/sender';
import { openSidePanel } from '../side-panel';
import type { SettingsChange } from '../settings/changes';
import { changeSettings, loadSettings } from '../settings/store';
import { showOnlineComputers } from './badge';
import { answerSiteConsent, askSiteConsent, readSiteConsent } from './site-consent';

type Api = typeof extensionApi;
type Sender = SenderInfo & { tab?: { id?: number; windowId?: number }; frameId?: number };

/** The pane's controls, built from entrypoints/pane-ui.ts. */
const PANE_UI_SCRIPT = '/pane-ui.js';

/** Answers every validated request from a sender allowed to make it; drops or refuses the rest. */
export function setupMessages(browser: Api): void {
  // Answers live in storage.session: they outlive a worker restart, never reach a page, and die with the browser.
  const lookup = createLookups(
    (instanceOrigin) => createImmyBotClient(instanceOrigin),
    createStorageLookupCache(browser.storage.session),
  );

  const isSignedIn = async (): Promise<boolean> => {
    const { immybot } = await loadSettings();
    return (
      immybot !== null &&
      createImmyBotClient(immybot.instanceOrigin)
        .auth()
        .then(
          () => true,
          () => false,
        )
    );
  };

  /** `opening`: the side panel this message already opened, within its gesture. */
  const handle = async (
    request: Request,
    sender: Sender,
    opening?: Promise<Done>,
  ): Promise<Responses[Request['type']]> => {
    const siteOrigin = sender.url ? new URL(sender.url).origin : undefined;
    switch (request.type) {
      case 'openOptions':
        // From a ticket: the options page offers to turn that ticket's site on with the first save.
        if (siteOrigin && sender.tab)
          await browser.tabs.create({
            url: browser.runtime.getURL(`/options.html?site=${encodeURIComponent(siteOrigin)}`),
          });
        else await browser.runtime.openOptionsPage();
        return { ok: true };
      case 'checkHaloAddress':
        return checkHaloInstance(request.origin);
      case 'lookupTicket': {
        const { immybot } = await loadSettings();
        if (!immybot)
          return { ok: false, problem: problemFor('no-integration', { integrationId: 0, faultId: request.faultId }) };
        const result = await lookup(immybot, request.faultId);
        showOnlineComputers(browser, sender.tab?.id, result.ok ? String(onlineCount(result.ticket)) : '');
        const cookieAccess = !cookieSettingsSupported()
          ? 'unsupported'
          : (await hasCookiePermission())
            ? 'applied'
            : 'no-permission';
        return { ...result, cookieAccess };
      }
      case 'ticketClosed':
        showOnlineComputers(browser, sender.tab?.id, '');
        return { ok: true };
      case 'signIn':
        await openSignIn(browser);
        return { ok: true };
      case 'watchSignIn':
        // Answer at once; the watch goes on for up to five minutes.
        void watchSignInWindow(browser, sender.tab?.windowId, isSignedIn);
        return { ok: true };
      case 'testConnection':
        return testConnection(createImmyBotClient(request.instanceOrigin), request.integrationId);
      case 'changeSettings':
        return apply(browser, request.change);
      case 'enableSite':
      case 'declineSite':
        // Content-script roles always come with the sender's URL (senderRole checked it).
        if (!siteOrigin) return { ok: false, error: 'No site to change.' };
        return apply(browser, { kind: request.type === 'enableSite' ? 'addSite' : 'declineSite', origin: siteOrigin });
      case 'openSidePanel':
        // Opened by the listener itself, inside the click's gesture; this only reports how it went.
        return opening ?? { ok: false, error: 'No window to open the side panel in.' };
      case 'askSiteConsent':
        // The site is the asking tab's own (mayAsk let only 'unlisted-hosted' senders, which have a URL, through).
        return siteOrigin ? askSiteConsent(browser, siteOrigin) : { ok: false, error: 'No site to ask about.' };
      case 'readSiteConsent':
        return { origin: await readSiteConsent(browser, request.token, sender.tab?.windowId) };
      case 'answerSiteConsent':
        return answerSiteConsent(browser, request.token, request.answer, {
          windowId: sender.tab?.windowId,
          apply: (change) => apply(browser, change),
        });
      case 'loadPaneUi': {
        const tabId = sender.tab?.id;
        // Into the asking frame only, in the isolated world our content scripts share.
        if (tabId !== undefined) {
          await browser.scripting.executeScript({
            target: { tabId, frameIds: [sender.frameId ?? 0] },
            files: [PANE_UI_SCRIPT],
          });
        }
        return { ok: true };
      }
    }
  };

  browser.runtime.onMessage.addListener((message, sender) => {
    const request = parseRequest(message);
    if (!request) return undefined;
    // sidePanel.open needs the click's gesture, which the first await below would lose: open it now for
    // our own content script in a tab (only those on HaloPSA sites exist), and check the role after.
    const opening =
      request.type === 'openSidePanel' && sender.id === browser.runtime.id && sender.tab
        ? openSidePanel(sender.tab.windowId).then(
            (): Done => ({ ok: true }),
            (error: unknown): Done => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
          )
        : undefined;
    return loadSettings().then(({ haloOrigins }) => {
      const role = senderRole(sender, {
        ownId: browser.runtime.id,
        ownBaseUrl: browser.runtime.getURL('/'),
        haloOrigins,
      });
      if (!mayAsk(role, request)) throw new Error(`Message refused: ${request.type} is not for this sender.`);
      return handle(request, sender, opening);
    });
  });

  void resumeSignIn(browser, isSignedIn);
}

/** The single writer's door: one change, applied in order; a self-hosted site leaving the list gives its permission back. */
async function apply(browser: Api, change: SettingsChange): Promise<Done> {
  try {
    // Only these two kinds can take sites off the list (an import replaces it).
    const before =
      change.kind === 'removeSite' || change.kind === 'importSettings' ? (await loadSettings()).haloOrigins : [];
    const settings = await changeSettings(change);
    const left = before.filter((origin) => !settings.haloOrigins.includes(origin) && !isHostedHaloUrl(origin));
    // Two listed sites on one host (other ports) share one permission: keep it while either is listed.
    const unused = new Set(left.map(originPattern));
    for (const origin of settings.haloOrigins) unused.delete(originPattern(origin));
    if (unused.size > 0) await browser.permissions.remove({ origins: [...unused] }).catch(() => false);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
