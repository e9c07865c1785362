import { isListedSite } from '../../halo/sites';
import { cookieSettingsSupported, hasCookiePermission } from '../../immybot/cookie-permission';
import { forManagedSetting, problemFor } from '../../immybot/problems';
import { ticketBadge } from '../../immybot/ticket-view';
import { loadSettings } from '../../settings/settings';
import { connectionForSite, ownConnection } from '../../settings/site-connections';
import { showTicketBadge } from '../badge';
import { lateLookupRefusal } from '../late-lookup';
import { ANY_PAGE, askedSite, FRAMED, type HandlerTable, LISTED, refused } from './handler';

/** The ticket a pane shows: its lookup, its close, and the tab it sits in. */
export const ticketHandlers = {
  lookupTicket: {
    // ImmyBot's answers go only to extension pages (the pane's frame, the side panel), never into a page's DOM.
    roles: ANY_PAGE,
    handle: async (request, context) => {
      const { browser, sender, lookup } = context;
      const before = await loadSettings();
      const site = askedSite(request, context);
      // Answers only for a listed site's ticket, whatever the page around the pane does; the side panel and the
      // popup name their tab's site, which must be listed too.
      const framed = context.pageUrl !== undefined;
      if ((framed || site !== undefined) && !isListedSite(site, before.haloOrigins)) throw refused(request);
      const connection = connectionForSite(before, site);
      if (!connection)
        return { ok: false, problem: problemFor('no-integration', { integrationId: 0, faultId: request.faultId }) };
      const looked = await lookup(connection, request.faultId);
      // A fix in a field the organization locked is the IT admin's, not the technician's.
      const managed = ownConnection(before, site) ? 'siteConnections' : 'integrationId';
      const result =
        looked.ok || before.sources[managed] !== 'managed'
          ? looked
          : { ...looked, problem: forManagedSetting(looked.problem) };
      const refusal = lateLookupRefusal(before, await loadSettings(), site ?? null);
      if (refusal) return { ok: false, problem: refusal };
      showTicketBadge(browser, sender.tab?.id, ticketBadge(result.ok ? result.ticket : null, request.faultId));
      const cookieAccess = !cookieSettingsSupported()
        ? 'unsupported'
        : (await hasCookiePermission())
          ? 'applied'
          : 'no-permission';
      return { ...result, cookieAccess };
    },
  },
  ticketClosed: {
    // The one thing our content script, in the page's DOM, may say.
    roles: LISTED,
    handle: (_, { browser, sender }) => {
      showTicketBadge(browser, sender.tab?.id, null);
      return { ok: true };
    },
  },
  paneTab: {
    roles: FRAMED,
    handle: (_, { sender: { tab }, pageUrl }) => {
      if (!pageUrl || tab?.id === undefined || tab.windowId === undefined) return null;
      return { tabId: tab.id, windowId: tab.windowId, url: tab.url };
    },
  },
} satisfies Partial<HandlerTable>;
