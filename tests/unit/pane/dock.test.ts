// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { CONNECT } from '../../../lib/pane/channel';
import { createDock, type Dock } from '../../../lib/pane/dock';
import { PANE_TAG, PUSH_STYLE_ATTRIBUTE } from '../../../lib/pane/host';
import type { PaneLayout } from '../../../lib/pane/layout';

const UI_URL = 'chrome-extension://4557dec3-993a-448b-b219-b8abc776b28f/pane.html';
const UI_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const POD = 'https://acme.immy.bot/technician-pod/psa/619/ticket/2152';

let dock: Dock;
let onLayout: Mock<(layout: PaneLayout) => void>;
let onOpenHere: Mock<() => void>;
let onDismissSetup: Mock<() => void>;
/** What the dock posted on the pane page's port, and the page's side of it. */
let posted: unknown[];
let framePort: MessagePort | null;

const root = () => document.querySelector(PANE_TAG)?.shadowRoot as ShadowRoot;
const ui = () => root().querySelector('iframe.ui') as HTMLIFrameElement;
const pod = () => root().querySelector('iframe.frame') as HTMLIFrameElement | null;
const section = () => root().querySelector('section') as HTMLElement;
const pushed = () => document.querySelector(`style[${PUSH_STYLE_ATTRIBUTE}]`)?.textContent ?? '';

/** The pane's page loads: the dock hands it a port (captured here as the page would receive it). */
function loadUi() {
  // happy-dom loads no frames: the page's window is a stand-in that receives the dock's hand-over.
  const postMessage = vi.fn((message: unknown, origin: string, ports: MessagePort[]) => {
    expect(message).toEqual({ t: CONNECT });
    expect(origin).toBe(UI_ORIGIN);
    framePort = ports[0];
    framePort.onmessage = (event) => posted.push(event.data);
  });
  Object.defineProperty(ui(), 'contentWindow', { value: { postMessage }, configurable: true });
  ui().dispatchEvent(new Event('load'));
  return postMessage;
}
const fromFrame = async (message: unknown) => {
  framePort?.postMessage(message);
  await new Promise((resolve) => setTimeout(resolve, 10));
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body><main id="maincontent">ticket</main></body>';
  Object.defineProperty(window, 'innerWidth', { value: 1400, configurable: true });
  posted = [];
  framePort = null;
  onLayout = vi.fn<(layout: PaneLayout) => void>();
  onOpenHere = vi.fn<() => void>();
  onDismissSetup = vi.fn<() => void>();
  dock = makeDock();
});

const makeDock = () =>
  createDock(document, {
    uiUrl: UI_URL,
    uiOrigin: UI_ORIGIN,
    layout: { width: 440, collapsed: false },
    onLayout,
    onOpenHere,
    onDismissSetup,
  });

afterEach(() => dock.remove());

describe('createDock', () => {
  it('shows a pane: the Technician Tools frame first, the pane’s own page beside it, HaloPSA pushed aside', () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    const frames = [...root().querySelectorAll('iframe')];
    expect(frames.map((f) => f.className)).toEqual(['frame', 'ui']);
    expect(pod()?.getAttribute('src')).toBe(POD);
    expect(pod()?.title).toBe('ImmyBot Technician Tools for ticket 2152');
    expect(ui().getAttribute('src')).toBe(UI_URL);
    expect(section().className).toBe('dock column');
    expect(section().style.width).toBe('440px');
    expect(pushed()).toContain('margin-right:440px');
    // Nothing of ImmyBot's and no control in the page's DOM: two frames in a box.
    expect(root().textContent).not.toMatch(/Ticket|Sign in|Collapse/);
  });

  it('hands the pane’s page a port on load, by its origin only, and says the layout over it', async () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    loadUi();
    await settle();
    expect(posted).toEqual([
      { t: 'state', mode: 'pane', collapsed: false, noRoom: false, width: 440, min: 320, max: 630, dark: false },
    ]);
  });

  it('follows the page’s measured header: ImmyBot’s frame starts below it and right of the grip', async () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    loadUi();
    await fromFrame({ t: 'size', height: 78 });
    expect(pod()?.style.top).toBe('78px');
    expect(pod()?.style.left).toBe('6px');
  });

  it('resizes from the grip, remembers only when the technician lets go, and keeps HaloPSA its room', async () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    loadUi();
    await fromFrame({ t: 'layout', width: 520 });
    expect(section().style.width).toBe('520px');
    expect(onLayout).not.toHaveBeenCalled();
    await fromFrame({ t: 'layout', width: 5000, end: true });
    expect(section().style.width).toBe('630px');
    expect(onLayout).toHaveBeenCalledExactlyOnceWith({ width: 630, collapsed: false });
  });

  it('collapses to the handle: the frame hides, HaloPSA gets its room back but 36 px', async () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    loadUi();
    await fromFrame({ t: 'layout', collapsed: true, end: true });
    expect(section().style.width).toBe('36px');
    expect(pod()?.hidden).toBe(true);
    expect(pushed()).toContain('margin-right:36px');
    expect(posted.at(-1)).toMatchObject({ t: 'state', collapsed: true });
  });

  it('Reload loads the Technician Tools frame again; the prompts’ answers reach the content script', async () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    loadUi();
    const before = pod();
    await fromFrame({ t: 'reload' });
    // Not committed in this test document, so the frame is swapped for a fresh one at the same address.
    expect(pod()).not.toBe(before);
    expect(pod()?.getAttribute('src')).toBe(POD);
    await fromFrame({ t: 'openHere' });
    await fromFrame({ t: 'dismissSetup' });
    expect(onOpenHere).toHaveBeenCalledOnce();
    expect(onDismissSetup).toHaveBeenCalledOnce();
  });

  it('ignores what it does not understand', async () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    loadUi();
    await fromFrame({ t: 'navigate', url: 'https://evil.example' });
    await fromFrame({ t: 'layout', width: 'wide' });
    expect(section().style.width).toBe('440px');
    expect(pod()?.getAttribute('src')).toBe(POD);
  });

  it('a prompt has no Technician Tools frame; an offer floats as a card at its page’s measured height', async () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    dock.show('offer');
    loadUi();
    expect(pod()).toBeNull();
    expect(section().className).toBe('dock card');
    expect(pushed()).toBe('');
    await fromFrame({ t: 'size', height: 131 });
    expect(section().style.height).toBe('131px');
  });

  it('a focus asked for before the pane’s page connected is given to it once it does', async () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    dock.enter();
    loadUi();
    await settle();
    expect(posted.at(-1)).toEqual({ t: 'focus' });
  });

  it('entering a collapsed pane expands it first, and remembers that', async () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    loadUi();
    await fromFrame({ t: 'layout', collapsed: true, end: true });
    dock.enter();
    await settle();
    expect(section().style.width).toBe('440px');
    expect(onLayout).toHaveBeenLastCalledWith({ width: 440, collapsed: false });
    expect(posted.slice(-2)).toEqual([expect.objectContaining({ t: 'state', collapsed: false }), { t: 'focus' }]);
  });

  it('remove takes the box, the frames and the push away', () => {
    dock.show('pane', { url: POD, faultId: 2152, reload: false });
    dock.remove();
    expect(document.querySelector(PANE_TAG)).toBeNull();
    expect(pushed()).toBe('');
    dock = makeDock();
  });
});
