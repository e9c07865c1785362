import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openTicketWindow } from '../../../lib/background/ticket-window';
import { TICKET_WINDOW_BOUNDS_KEY, TICKET_WINDOW_KEY } from '../../../lib/storage';

type Api = Parameters<typeof openTicketWindow>[0];
const api = fakeBrowser as unknown as Api;
const PAGE = 'chrome-extension://test-extension-id/ticket-window.html';

const createWindow = fakeBrowser.windows.create.bind(fakeBrowser.windows);
/** fakeBrowser's windows hold no tabs: this one gets its page's tab, as a real browser's would. */
const spy = () => ({
  create: vi.spyOn(fakeBrowser.windows, 'create').mockImplementation(async (options = {}) => {
    const created = await createWindow(options);
    await fakeBrowser.tabs.create({ windowId: created.id, url: String(options.url) });
    return created;
  }),
  update: vi.spyOn(fakeBrowser.windows, 'update'),
});
const stored = async () => (await fakeBrowser.storage.session.get(TICKET_WINDOW_KEY))[TICKET_WINDOW_KEY];

/** runtime.getContexts, which fakeBrowser lacks: our own pages among its tabs, as a real browser lists them. */
const getContexts = async ({ windowIds }: { windowIds?: number[] }) => {
  // fakeBrowser keeps a removed window's tabs: only those of open windows count.
  const open = (await fakeBrowser.windows.getAll()).map((window) => window.id);
  return (await fakeBrowser.tabs.query({}))
    .filter((tab) => tab.url?.startsWith('chrome-extension://test-extension-id/') && open.includes(tab.windowId))
    .filter((tab) => !windowIds || windowIds.includes(tab.windowId as number))
    .map((tab) => ({ contextType: 'TAB', documentUrl: tab.url, windowId: tab.windowId, tabId: tab.id }));
};

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.runtime, { getContexts });
});

describe('openTicketWindow', () => {
  it('opens our window page in a popup window, following the window it was asked from, and remembers it', async () => {
    const windows = spy();
    await openTicketWindow(api, 7);
    expect(windows.create).toHaveBeenCalledExactlyOnceWith({
      url: `${PAGE}?opener=7`,
      type: 'popup',
      focused: true,
      width: 480,
      height: 800,
    });
    const created = await windows.create.mock.results[0]?.value;
    expect(await stored()).toBe(created.id);
  });

  it('reopens where the last one was, at its size', async () => {
    const bounds = { left: 1920, top: 40, width: 600, height: 1000 };
    await fakeBrowser.storage.local.set({ [TICKET_WINDOW_BOUNDS_KEY]: bounds });
    const windows = spy();
    await openTicketWindow(api, 7);
    expect(windows.create).toHaveBeenCalledWith(expect.objectContaining(bounds));
  });

  it.each([
    ['too small', { left: 0, top: 0, width: 100, height: 100 }],
    ['not numbers', { left: '0', top: 0, width: 600, height: 800 }],
    ['a fraction', { left: 0.5, top: 0, width: 600, height: 800 }],
    ['far off any screen', { left: 10_000_000, top: 0, width: 600, height: 800 }],
    ['not an object', 'big'],
  ])('stored bounds that are %s are not used: the default size', async (_, bounds) => {
    await fakeBrowser.storage.local.set({ [TICKET_WINDOW_BOUNDS_KEY]: bounds });
    const windows = spy();
    await openTicketWindow(api, 7);
    const options = windows.create.mock.calls[0]?.[0];
    expect(options).toMatchObject({ width: 480, height: 800 });
    expect(options).not.toHaveProperty('left');
  });

  it('a second click focuses the open window instead of opening another', async () => {
    const windows = spy();
    await openTicketWindow(api, 7);
    await openTicketWindow(api, 8);
    expect(windows.create).toHaveBeenCalledTimes(1);
    const created = await windows.create.mock.results[0]?.value;
    expect(windows.update).toHaveBeenCalledExactlyOnceWith(created.id, { focused: true });
  });

  it('five clicks at once open one window', async () => {
    const windows = spy();
    await Promise.all([1, 2, 3, 4, 5].map(() => openTicketWindow(api, 7)));
    expect(windows.create).toHaveBeenCalledTimes(1);
    expect(windows.update).toHaveBeenCalledTimes(4);
  });

  it('a browser without runtime.getContexts still opens a window on each click, never none', async () => {
    Object.assign(fakeBrowser.runtime, { getContexts: undefined });
    const windows = spy();
    await openTicketWindow(api, 7);
    await openTicketWindow(api, 7);
    expect(windows.create).toHaveBeenCalledTimes(2);
    expect(windows.update).not.toHaveBeenCalled();
  });

  it('once the window was closed, the next click opens a new one', async () => {
    const windows = spy();
    await openTicketWindow(api, 7);
    const first = await windows.create.mock.results[0]?.value;
    await fakeBrowser.windows.remove(first.id);
    await openTicketWindow(api, 7);
    expect(windows.create).toHaveBeenCalledTimes(2);
    expect(windows.update).not.toHaveBeenCalled();
  });

  it('a stored id whose window shows another page (an id reused, a stale value) is not focused', async () => {
    const other = await fakeBrowser.windows.create({});
    await fakeBrowser.tabs.create({ windowId: other.id, url: 'https://example.com/' });
    await fakeBrowser.storage.session.set({ [TICKET_WINDOW_KEY]: other.id });
    const windows = spy();
    await openTicketWindow(api, 7);
    expect(windows.update).not.toHaveBeenCalled();
    expect(windows.create).toHaveBeenCalledTimes(1);
  });

  it('asked from a page with no tab (popup, side panel): follows the last-focused normal window', async () => {
    const browserWindow = await fakeBrowser.windows.create({ url: 'https://acme.halopsa.com/tickets?id=1' });
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue(browserWindow);
    const windows = spy();
    await openTicketWindow(api, undefined);
    expect(windows.create).toHaveBeenCalledWith(expect.objectContaining({ url: `${PAGE}?opener=${browserWindow.id}` }));
  });
});
