import { isHostedHaloUrl } from '../../halo/hosts';
import { loadSettings } from '../../settings/settings';
import { answerSiteConsent, askSiteConsent, readSiteConsent } from '../site-consent';
import { FRAMED, type HandlerTable, PAGES } from './handler';

/**
 * The offer on a hosted tenant nobody listed, in the pane's own page: "Not here", or the consent window
 * (consent.html?token=…), which reads its question and answers it. The site is always the asking tab's own.
 */
export const consentHandlers = {
  declineSite: {
    // No content script says "Not here": the offer lives in the pane's own page.
    roles: FRAMED,
    handle: async (_, { siteOrigin, apply }) => {
      // Only a hosted tenant nobody listed is offered, so only such a site can be declined.
      const { haloOrigins } = await loadSettings();
      if (!siteOrigin || !isHostedHaloUrl(siteOrigin) || haloOrigins.includes(siteOrigin))
        return { ok: false, error: 'No site here to turn down.' };
      return apply({ kind: 'declineSite', origin: siteOrigin });
    },
  },
  askSiteConsent: {
    // The offer lives in the pane's own page: our content script, in the page's DOM, may not ask.
    roles: FRAMED,
    handle: async (_, { browser, siteOrigin }) => {
      // The site is the tab the offer's page sits in; only a hosted tenant nobody listed is offered.
      const { haloOrigins } = await loadSettings();
      if (!siteOrigin || haloOrigins.includes(siteOrigin)) return { ok: false, error: 'No site here to ask about.' };
      return askSiteConsent(browser, siteOrigin);
    },
  },
  readSiteConsent: {
    // Extension pages only; the token and its window tie the question to our consent window.
    roles: PAGES,
    handle: async (request, { browser, sender }) => ({
      origin: await readSiteConsent(browser, request.token, sender.tab?.windowId),
    }),
  },
  answerSiteConsent: {
    roles: PAGES,
    handle: (request, { browser, sender, apply }) =>
      answerSiteConsent(browser, request.token, request.answer, { windowId: sender.tab?.windowId, apply }),
  },
} satisfies Partial<HandlerTable>;
