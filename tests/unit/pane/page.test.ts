// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONNECT } from '../../../lib/pane/channel';
import { PANE_TAG, SKIP_TAG } from '../../../lib/pane/host';
import { type PageContext, type PanePageEnv, startPanePage } from '../../../lib/pane/page';
import { TOGGLE_PANE } from '../../../lib/shortcut';
import { NATIVE_TAB_SITES_KEY, PANE_LAYOUT_KEY, SETTINGS_KEY, SETUP_DISMISSED_KEY } from '../../../lib/storage';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
/** Chrome's per-session address for the pane's page (use_dynamic_url), unlike the origin the page runs at. */
const UI_URL = 'chrome-extension://4557dec3-993a-448b-b219-b8abc776b28f/pane.html';
const LISTED = {
  immybot: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 },
  haloOrigins: ['https://acme.halopsa.com'],
  declinedOrigins: [],
  show: null,
};
const pod = (faultId: number) => `https://acme.immy.bot/technician-pod/psa/619/ticket/${faultId}`;
const ticket = (faultId: number, origin = 'https://acme.halopsa.com') => `${origin}/ticket?id=${faultId}`;
const TICKETS = 'https://acme.halopsa.com/tickets?area=1';
/** The background, as the shortcut's sender: our id, no tab. */
const BACKGROUND = { id: EXTENSION_ID };

type Listener = (message: unknown, sender: { id?: string; tab?: unknown }) => void;

/** WXT's ContentScriptContext in miniature: one abort ends every listener added through it. */
function fakeContext() {
  const life = new AbortController();
  const ctx: PageContext = {
    get isInvalid() {
      return life.signal.aborted;
    },
    onInvalidated: (cb) => life.signal.addEventListener('abort', cb),
    addEventListener: (target: EventTarget, type: string, handler: (event: never) => void) =>
      target.addEventListener(type, handler as EventListener, { signal: life.signal }),
  };
  return { ctx, invalidate: () => life.abort() };
}

let listeners: Set<Listener>;
let sendToBackground: Mock<PanePageEnv['sendToBackground']>;
let invalidate: () => void;

/** Starts the page controller as the content script would, on a page at `href`. */
function start(href: string, overrides: Partial<PanePageEnv> = {}) {
  const life = fakeContext();
  invalidate = life.invalidate;
  startPanePage({
    ctx: life.ctx,
    document,
    window,
    href,
    runtime: {
      id: EXTENSION_ID,
      getURL: (path) => new URL(path, UI_URL).href,
      onMessage: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    },
    sendToBackground,
    ...overrides,
  });
}

/** HaloPSA's single-page app moved on (WXT's `wxt:locationchange`). */
const navigate = (href: string) =>
  window.dispatchEvent(Object.assign(new Event('wxt:locationchange'), { newUrl: new URL(href) }));
const message = (data: unknown, sender: { id?: string; tab?: unknown }) => {
  for (const listener of listeners) listener(data, sender);
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

const root = () => document.querySelector(PANE_TAG)?.shadowRoot ?? null;
const podFrame = () => root()?.querySelector<HTMLIFrameElement>('iframe.frame') ?? null;
const uiFrame = () => root()?.querySelector<HTMLIFrameElement>('iframe.ui') as HTMLIFrameElement;

/** What the dock posted to the pane's page, and the page's side of the port. */
let posted: unknown[];
let framePort: MessagePort | null;
/** The pane's page loads (happy-dom loads no frames): the dock hands it a port, captured here. */
function loadUi() {
  const postMessage = vi.fn((_message: unknown, _origin: string, ports: MessagePort[]) => {
    framePort = ports[0];
    framePort.onmessage = (event) => posted.push(event.data);
  });
  Object.defineProperty(uiFrame(), 'contentWindow', { value: { postMessage }, configurable: true });
  uiFrame().dispatchEvent(new Event('load'));
  return postMessage;
}
/** The pane's page says something to the dock. */
const fromUi = async (data: unknown) => {
  framePort?.postMessage(data);
  await settle();
};

beforeEach(async () => {
  fakeBrowser.reset();
  document.documentElement.innerHTML = '<head></head><body><main><button id="reply">Reply</button></main></body>';
  Object.defineProperty(window, 'innerWidth', { value: 1400, configurable: true });
  listeners = new Set();
  sendToBackground = vi.fn(async () => ({ ok: true }));
  posted = [];
  framePort = null;
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: LISTED });
});
afterEach(() => invalidate());

describe('startPanePage', () => {
  it('docks nothing off tickets; a ticket gets the dock with its Technician Tools and the pane’s own page', async () => {
    start(TICKETS);
    await settle();
    expect(root()).toBeNull();
    navigate(ticket(2152));
    await settle();
    expect(podFrame()?.getAttribute('src')).toBe(pod(2152));
    expect(uiFrame().getAttribute('src')).toBe(UI_URL);
    navigate(ticket(2820));
    expect(podFrame()?.getAttribute('src')).toBe(pod(2820));
  });

  it('leaving the ticket removes the dock and tells the background the ticket closed', async () => {
    start(ticket(2152));
    await settle();
    expect(sendToBackground).not.toHaveBeenCalled();
    navigate(TICKETS);
    expect(root()).toBeNull();
    expect(sendToBackground).toHaveBeenCalledExactlyOnceWith({ type: 'ticketClosed' });
  });

  it('a background that cannot be reached about the closed ticket changes nothing', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    // Not a vi.fn: a mock handles the promises it returns (to record how they settled).
    start(ticket(2152), { sendToBackground: () => Promise.reject(new Error('Extension context invalidated.')) });
    await settle();
    navigate(TICKETS);
    await settle();
    process.off('unhandledRejection', unhandled);
    expect(root()).toBeNull();
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('hands the pane’s page its port at the extension id’s origin, not Chrome’s per-session address', async () => {
    start(ticket(2152));
    await settle();
    expect(loadUi()).toHaveBeenCalledWith({ t: CONNECT }, `chrome-extension://${EXTENSION_ID}`, expect.any(Array));
  });

  it('a settings change reaches the page: listing this tenant turns its offer into the pane', async () => {
    start(ticket(2152, 'https://beta.halopsa.com'));
    await settle();
    expect(root()).not.toBeNull();
    expect(podFrame()).toBeNull();
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...LISTED, haloOrigins: [...LISTED.haloOrigins, 'https://beta.halopsa.com'] },
    });
    await vi.waitFor(() => expect(podFrame()?.getAttribute('src')).toBe(pod(2152)));
  });

  it('opens at the stored width; a resize the technician finishes is saved and kept for the next dock', async () => {
    await fakeBrowser.storage.local.set({ [PANE_LAYOUT_KEY]: { width: 500, collapsed: false } });
    start(ticket(2152));
    await settle();
    const width = () => root()?.querySelector('section')?.style.width;
    expect(width()).toBe('500px');
    loadUi();
    await fromUi({ t: 'layout', width: 560, end: true });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(PANE_LAYOUT_KEY))[PANE_LAYOUT_KEY]).toEqual({
        width: 560,
        collapsed: false,
      }),
    );
    navigate(TICKETS);
    navigate(ticket(2820));
    expect(width()).toBe('560px');
  });

  it('a dismissed setup prompt goes, is remembered, and no later ticket shows it', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...LISTED, immybot: null } });
    start(ticket(2152));
    await settle();
    expect(root()).not.toBeNull();
    expect(podFrame()).toBeNull();
    loadUi();
    await fromUi({ t: 'dismissSetup' });
    expect(root()).toBeNull();
    expect((await fakeBrowser.storage.local.get(SETUP_DISMISSED_KEY))[SETUP_DISMISSED_KEY]).toBe(true);
    navigate(ticket(2820));
    expect(root()).toBeNull();
  });

  it('a setup prompt dismissed before never shows', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...LISTED, immybot: null }, [SETUP_DISMISSED_KEY]: true });
    start(ticket(2152));
    await settle();
    expect(root()).toBeNull();
  });

  it('beside HaloPSA’s own Technician Tools only the handle; “Open it here anyway” docks the ticket’s pane', async () => {
    const native = document.createElement('iframe');
    native.src = pod(2152);
    document.body.append(native);
    start(ticket(2152));
    await settle();
    expect(root()).not.toBeNull();
    expect(podFrame()).toBeNull();
    loadUi();
    await settle();
    expect(posted.at(-1)).toMatchObject({ t: 'state', mode: 'native' });
    await fromUi({ t: 'openHere' });
    expect(podFrame()?.getAttribute('src')).toBe(pod(2152));
  });

  it('a site seen showing its own Technician Tools is remembered: its next page starts as the handle, with no frame', async () => {
    const native = document.createElement('iframe');
    native.src = pod(2152);
    document.body.append(native);
    start(ticket(2152));
    await settle();
    expect((await fakeBrowser.storage.local.get(NATIVE_TAB_SITES_KEY))[NATIVE_TAB_SITES_KEY]).toEqual([
      'https://acme.halopsa.com',
    ]);
    invalidate();
    native.remove();

    start(ticket(2820));
    await settle();
    loadUi();
    await settle();
    expect(posted.at(-1)).toMatchObject({ t: 'state', mode: 'native' });
    expect(podFrame()).toBeNull();
    // Another site is not this one.
    invalidate();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...LISTED, haloOrigins: ['https://beta.halopsa.com'] } });
    start(ticket(2820, 'https://beta.halopsa.com'));
    await settle();
    expect(podFrame()?.getAttribute('src')).toBe(pod(2820));
  });

  describe('the keyboard shortcut', () => {
    const reply = () => document.getElementById('reply') as HTMLButtonElement;
    const paneHost = () => document.querySelector(PANE_TAG);
    const press = () => message({ type: TOGGLE_PANE }, BACKGROUND);
    let retarget: AbortController;

    beforeEach(async () => {
      // Browsers show focus inside a shadow root to the page as its host; happy-dom's focusin does not: do it here.
      retarget = new AbortController();
      window.addEventListener(
        'focusin',
        (event) => {
          const root = (event.target as Node).getRootNode();
          if (!(root instanceof ShadowRoot)) return;
          event.stopImmediatePropagation();
          root.host.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
        },
        { capture: true, signal: retarget.signal },
      );
      start(ticket(2152));
      await settle();
      loadUi();
      await settle();
      posted = [];
    });
    afterEach(() => retarget.abort());

    it('from our background, enters the pane', async () => {
      reply().focus();
      press();
      await settle();
      expect(document.activeElement).toBe(paneHost());
      expect(posted).toEqual([{ t: 'focus' }]);
    });

    it('pressed again in the pane, returns to where HaloPSA had the focus, never to our own hosts', () => {
      reply().focus();
      // The skip link, HaloPSA's first Tab stop on a ticket, is ours: no place to come back to.
      document.querySelector(SKIP_TAG)?.shadowRoot?.querySelector('button')?.focus();
      press();
      expect(document.activeElement).toBe(paneHost());
      press();
      expect(document.activeElement).toBe(reply());
    });

    it('pressed again in the pane, with that place gone from HaloPSA’s page, takes the focus out of the pane', () => {
      reply().focus();
      press();
      reply().remove();
      const blur = vi.spyOn(paneHost() as HTMLElement, 'blur');
      press();
      expect(blur).toHaveBeenCalledOnce();
    });

    it.each([
      ['another extension', { type: TOGGLE_PANE }, { id: 'someoneelse' }],
      ['one of our pages in a tab', { type: TOGGLE_PANE }, { id: EXTENSION_ID, tab: { id: 7 } }],
      ['our background, about something else', { type: 'ticketClosed' }, BACKGROUND],
      ['our background, with no message', undefined, BACKGROUND],
    ])('ignores a message from %s', async (_who, data, sender) => {
      message(data, sender);
      await settle();
      expect(posted).toEqual([]);
    });
  });

  it('when the content script ends, it takes the dock away and stops listening to the page, settings and shortcut', async () => {
    start(ticket(2152));
    await settle();
    invalidate();
    expect(root()).toBeNull();
    expect(listeners.size).toBe(0);
    // Any of these, still heard, would close the ticket the pane showed and tell the background.
    navigate(TICKETS);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...LISTED, haloOrigins: [] } });
    const native = document.createElement('iframe');
    native.src = pod(2152);
    document.body.append(native);
    await settle();
    expect(root()).toBeNull();
    expect(sendToBackground).not.toHaveBeenCalled();
  });

  it.each([
    ['the pane', LISTED],
    ['the setup prompt', { ...LISTED, immybot: null }],
  ])('settings that arrive after the content script ended dock nothing, not even %s', async (_view, settings) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
    start(ticket(2152));
    invalidate();
    await settle();
    expect(root()).toBeNull();
  });
});
