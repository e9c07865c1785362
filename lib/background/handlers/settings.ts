import { checkHaloInstance } from '../../halo/instance-info';
import { createImmyBotClient } from '../../immybot/client';
import { testConnection } from '../../immybot/connection-test';
import { openOptionsForSite, takePendingSite } from '../pending-site';
import { ANY_PAGE, type HandlerTable, PAGES } from './handler';

/** The options page's requests: open it, hand it a ticket's site, check addresses and connections, save. */
export const settingsHandlers = {
  openOptions: {
    roles: ANY_PAGE,
    // From a ticket: the options page offers to turn that ticket's site on with the first save.
    handle: (_, { browser, siteOrigin }) => openOptionsForSite(browser, siteOrigin),
  },
  takePendingSite: {
    // The ticket's site for the options page's first save: a HaloPSA page must not read (and so spend) it.
    roles: PAGES,
    handle: async (_, { browser }) => ({ site: await takePendingSite(browser) }),
  },
  checkHaloAddress: {
    // A HaloPSA page must not make the background probe other sites.
    roles: PAGES,
    handle: (request) => checkHaloInstance(request.origin),
  },
  testConnection: {
    // Nor make it call ImmyBot with the user's session.
    roles: PAGES,
    handle: (request) => testConnection(createImmyBotClient(request.instanceOrigin), request.integrationId),
  },
  changeSettings: {
    // No content script writes settings.
    roles: PAGES,
    handle: (request, { apply }) => apply(request.change),
  },
} satisfies Partial<HandlerTable>;
