import type { browser as extensionApi } from 'wxt/browser';
import { originPattern } from '../match-pattern';
import { isHostedHaloUrl, toUrl } from '../halo/hosts';
import { isListedSite } from '../halo/sites';
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
import { framingPageUrl, senderRole, type SenderInfo } from '../messaging/sender';
import type { SettingsChange } from '../settings/changes';
import { loadSettings } from '../settings/settings';
import { changeSettings } from '../settings/store';
import { showOnlineComputers } from './badge';
import { openOptionsForSite, takePendingSite } from './pending-site';
import { lateLookupRefusal } from './late-lookup';
import { answerSiteConsent, askSiteConsent, readSiteConsent } from './site-consent';

type Api = typeof extensionApi;
type Sender = SenderInfo & { tab?: { id?: number; windowId?: number; url?: string } };

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

  const handle = async (request: Request, sender: Sender): Promise<Responses[Request['type']]> => {
    // The HaloPSA site behind the asking pane: the top-level page its frame sits in, never anything the page said.
    const pageUrl = framingPageUrl(sender);
    const siteOrigin = pageUrl ? toUrl(pageUrl)?.origin : undefined;
    switch (request.type) {
      case 'openOptions':
        // From a ticket: the options page offers to turn that ticket's site on with the first save.
        return openOptionsForSite(browser, siteOrigin);
      case 'takePendingSite':
        return { site: await takePendingSite(browser) };
      case 'checkHaloAddress':
        return checkHaloInstance(request.origin);
      case 'lookupTicket': {
        const before = await loadSettings();
        const { immybot, haloOrigins } = before;
        // The pane's page answers only for a listed site's ticket, whatever the page around it does.
        if (pageUrl !== undefined && !isListedSite(pageUrl, haloOrigins)) throw refused(request);
        if (!immybot)
          return { ok: false, problem: problemFor('no-integration', { integrationId: 0, faultId: request.faultId }) };
        const result = await lookup(immybot, request.faultId);
        // The site the ticket is on: the tab the pane's page sits in; the side panel has none.
        const refusal = lateLookupRefusal(before, await loadSettings(), siteOrigin ?? null);
        if (refusal) return { ok: false, problem: refusal };
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
      case 'declineSite': {
        // Only a hosted tenant nobody listed is offered, so only such a site can be declined.
        const { haloOrigins } = await loadSettings();
        if (!siteOrigin || !isHostedHaloUrl(siteOrigin) || haloOrigins.includes(siteOrigin))
          return { ok: false, error: 'No site here to turn down.' };
        return apply(browser, { kind: 'declineSite', origin: siteOrigin });
      }
      case 'paneTab': {
        const { tab } = sender;
        if (!pageUrl || tab?.id === undefined || tab.windowId === undefined) return null;
        return { tabId: tab.id, windowId: tab.windowId, url: tab.url };
      }
      case 'askSiteConsent': {
        // The site is the tab the offer's page sits in; only a hosted tenant nobody listed is offered.
        const { haloOrigins } = await loadSettings();
        if (!siteOrigin || haloOrigins.includes(siteOrigin)) return { ok: false, error: 'No site here to ask about.' };
        return askSiteConsent(browser, siteOrigin);
      }
      case 'readSiteConsent':
        return { origin: await readSiteConsent(browser, request.token, sender.tab?.windowId) };
      case 'answerSiteConsent':
        return answerSiteConsent(browser, request.token, request.answer, {
          windowId: sender.tab?.windowId,
          apply: (change) => apply(browser, change),
        });
    }
  };

  browser.runtime.onMessage.addListener((message, sender) => {
    const request = parseRequest(message);
    if (!request) return undefined;
    return loadSettings().then(({ haloOrigins }) => {
      const role = senderRole(sender, {
        ownId: browser.runtime.id,
        ownBaseUrl: browser.runtime.getURL('/'),
        haloOrigins,
      });
      if (!mayAsk(role, request)) throw refused(request);
      return handle(request, sender);
    });
  });

  void resumeSignIn(browser, isSignedIn);
}

const refused = (request: Request) => new Error(`Message refused: ${request.type} is not for this sender.`);

/** The single writer's door: one change, applied in order; a self-hosted site leaving the list gives its permission back. */
async function apply(browser: Api, change: SettingsChange): Promise<Done> {
  try {
    // Only these two kinds can take sites off the list (an import removes the ones its list showed).
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
