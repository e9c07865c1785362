import { openTicketWindow } from '../ticket-window';
import { ANY_PAGE, type HandlerTable } from './handler';

/** "Open in a window", from the pane's header, the side panel or the toolbar popup. */
export const windowHandlers = {
  openTicketWindow: {
    // Harmless from any of our pages: it opens (or focuses) one window that shows what the technician's tab shows.
    roles: ANY_PAGE,
    handle: async (_, { browser, sender }) => {
      await openTicketWindow(browser, sender.tab?.windowId);
      return { ok: true };
    },
  },
} satisfies Partial<HandlerTable>;
