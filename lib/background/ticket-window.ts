import type { browser as extensionApi } from 'wxt/browser';
import { createSerialQueue } from '../serial';
import { TICKET_WINDOW_BOUNDS_KEY, TICKET_WINDOW_KEY } from '../storage';
import { DEFAULT_WINDOW_SIZE, TICKET_WINDOW_PATH, ticketWindowPath, windowBounds } from '../ticket-window';

type Api = typeof extensionApi;

/**
 * "Open in a window": focuses the Technician Tools window if one is open, else opens it where it was last, following
 * `openerWindowId` (the browser window the technician asked from). Two clicks at once still make one window.
 */
export function openTicketWindow(browser: Api, openerWindowId: number | undefined): Promise<void> {
  return oneAtATime(() => openOrFocus(browser, openerWindowId));
}

const oneAtATime = createSerialQueue();

async function openOrFocus(browser: Api, openerWindowId: number | undefined): Promise<void> {
  const open = await openTicketWindowId(browser);
  if (open !== undefined) {
    await browser.windows.update(open, { focused: true });
    return;
  }
  // The popup and the side panel have no tab: the window they belong to is the one focused last.
  const opener =
    openerWindowId ??
    (await browser.windows.getLastFocused({ windowTypes: ['normal'] }).then(
      (window) => window.id,
      () => undefined,
    ));
  const bounds = windowBounds((await browser.storage.local.get(TICKET_WINDOW_BOUNDS_KEY))[TICKET_WINDOW_BOUNDS_KEY]);
  const created = await browser.windows.create({
    url: browser.runtime.getURL(ticketWindowPath(opener) as `${typeof TICKET_WINDOW_PATH}${string}`),
    type: 'popup',
    focused: true,
    ...(bounds ?? DEFAULT_WINDOW_SIZE),
  });
  if (created?.id !== undefined) await browser.storage.session.set({ [TICKET_WINDOW_KEY]: created.id });
}

/**
 * The open Technician Tools window: the stored id, if that window still shows our page (ids are not trusted blind).
 * Asked of runtime.getContexts: without the "tabs" permission, Chromium 150 hides even our own pages' tab URLs. A
 * browser without it (Chrome < 116) gets a new window each time rather than none.
 */
async function openTicketWindowId(browser: Api): Promise<number | undefined> {
  const windowId = (await browser.storage.session.get(TICKET_WINDOW_KEY))[TICKET_WINDOW_KEY];
  if (typeof windowId !== 'number') return undefined;
  const page = browser.runtime.getURL(TICKET_WINDOW_PATH);
  const contexts =
    (await browser.runtime.getContexts?.({ contextTypes: ['TAB'], windowIds: [windowId] }).catch(() => undefined)) ??
    [];
  return contexts.some((context) => context.documentUrl?.startsWith(page)) ? windowId : undefined;
}
