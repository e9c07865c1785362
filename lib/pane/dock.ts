import { CONNECT, type DockMessage, type DockMode, readFrameMessage } from './channel';
import { createPodFrame, type PodFrame } from './frame';
import { createPaneHost, type PaneHost } from './host';
import {
  clampWidth,
  DEFAULT_HEADER_HEIGHT,
  dockBox,
  GRIP_WIDTH,
  hasRoomForPane,
  maxPaneWidth,
  MIN_PANE_WIDTH,
  type PaneLayout,
} from './layout';

/** Lives in the host's shadow root: only boxes and frames, every control is the pane page's. */
const DOCK_CSS =
  '.dock{position:fixed;top:0;right:0;bottom:0;pointer-events:auto;background:transparent}' +
  '.dock.column{box-shadow:-2px 0 8px rgb(0 0 0/8%)}' +
  '.dock.card{top:auto;right:16px;bottom:16px;border-radius:10px;overflow:hidden;box-shadow:0 6px 20px rgb(0 0 0/15%)}' +
  '.dock.edge{top:45vh;bottom:auto;border-radius:8px 0 0 8px;overflow:hidden;box-shadow:-2px 0 8px rgb(0 0 0/10%)}' +
  'iframe{position:absolute;display:block;border:0;margin:0;padding:0}' +
  '.ui{inset:0;width:100%;height:100%}' +
  '.frame{right:0;bottom:0;z-index:1}.frame[hidden]{display:none}.dragging .frame{pointer-events:none}' +
  '.drag{position:fixed;inset:0;z-index:2;cursor:col-resize;pointer-events:auto}';

/** What the dock shows of a ticket: Technician Tools (a pane) or one of the prompts. */
export interface DockPod {
  url: string;
  faultId: number;
  reload: boolean;
}

export interface DockOptions {
  /** The pane's own page (`pane.html`), by the URL the browser lets this page frame. */
  uiUrl: string;
  /** The origin that page runs at: with Chrome's per-session URL it is still the extension id's. */
  uiOrigin: string;
  layout: PaneLayout;
  /** The technician resized, collapsed or expanded the pane: remember it. */
  onLayout(layout: PaneLayout): void;
  onOpenHere(): void;
  onDismissSetup(): void;
}

export interface Dock {
  /** Shows `mode`; a pane also shows (or moves) the Technician Tools frame, which always starts first. */
  show(mode: DockMode, pod?: DockPod): void;
  /** Into the pane's controls, expanding a collapsed pane (skip link, shortcut). */
  enter(): void;
  hasFocus(): boolean;
  remove(): void;
}

/**
 * The pane in HaloPSA's page: a box beside (or over) HaloPSA holding ImmyBot's Technician Tools frame and the
 * pane's own extension page, which draws the header, the prompts and every control. The page sees two frames
 * of other origins; this side only places them and keeps the technician's layout.
 */
export function createDock(doc: Document, options: DockOptions): Dock {
  const win = doc.defaultView as Window;
  let layout = options.layout;
  let mode: DockMode = 'pane';
  let dark = false;
  let content: { width?: number; height?: number } = {};
  let pod: { frame: PodFrame; url: string } | null = null;
  let port: MessagePort | null = null;
  /** A focus request made before the pane's page was there to take it. */
  let focusWanted = false;
  /** Over the whole window while the grip is dragged: the pointer leaves the pane's page as it widens it. */
  let dragLayer: HTMLElement | null = null;

  const host: PaneHost = createPaneHost(
    doc,
    DOCK_CSS,
    () => dock.enter(),
    (next) => {
      dark = next;
      post();
    },
  );
  const section = doc.createElement('section');
  host.container.append(section);
  const ui = doc.createElement('iframe');
  ui.className = 'ui';
  ui.title = 'ImmyBot Technician Tools';
  ui.src = options.uiUrl;
  // A fresh port on every load of our page; a page that points the frame elsewhere gets nothing (targetOrigin).
  ui.addEventListener('load', () => {
    port?.close();
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (event) => receive(event.data);
    ui.contentWindow?.postMessage({ t: CONNECT }, options.uiOrigin, [channel.port2]);
    post();
    if (focusWanted) post({ t: 'focus' });
    focusWanted = false;
  });

  function post(message?: DockMessage): void {
    if (!port) return;
    const width = clampWidth(layout.width, win.innerWidth);
    const noRoom = !hasRoomForPane(win.innerWidth);
    port.postMessage(
      message ?? {
        t: 'state',
        mode,
        collapsed: layout.collapsed || noRoom,
        noRoom,
        width,
        min: MIN_PANE_WIDTH,
        max: Math.max(MIN_PANE_WIDTH, maxPaneWidth(win.innerWidth)),
        dark,
      },
    );
  }

  function place(): void {
    const box = dockBox(mode, layout, win.innerWidth, content);
    section.className = `dock ${box.shape}${section.classList.contains('dragging') ? ' dragging' : ''}`;
    section.style.width = `${box.width}px`;
    section.style.height = box.height === undefined ? '' : `${box.height}px`;
    host.push(box.push);
    if (!pod) return;
    const open = mode === 'pane' && box.width > GRIP_WIDTH * 10;
    pod.frame.element.hidden = !open;
    pod.frame.element.style.cssText = `top:${content.height ?? DEFAULT_HEADER_HEIGHT}px;left:${GRIP_WIDTH}px;width:calc(100% - ${GRIP_WIDTH}px);height:calc(100% - ${content.height ?? DEFAULT_HEADER_HEIGHT}px)`;
  }

  function relayout(next: PaneLayout, remember: boolean): void {
    // A width never chosen stays the window's default, so a wider window later gets the wider default.
    layout = { width: next.width === null ? null : clampWidth(next.width, win.innerWidth), collapsed: next.collapsed };
    place();
    post();
    if (remember) options.onLayout(layout);
  }

  function receive(data: unknown) {
    const message = readFrameMessage(data);
    if (!message) return;
    switch (message.t) {
      case 'size':
        content = { height: message.height, width: message.width };
        return place();
      case 'layout':
        return relayout(
          { width: message.width ?? layout.width, collapsed: message.collapsed ?? layout.collapsed },
          message.end === true,
        );
      case 'dragging':
        return drag(message.on);
      case 'reload':
        if (pod) pod.frame.show(pod.url, { reload: true });
        return;
      case 'openHere':
        return options.onOpenHere();
      case 'dismissSetup':
        return options.onDismissSetup();
    }
  }

  function drag(on: boolean): void {
    section.classList.toggle('dragging', on);
    dragLayer?.remove();
    dragLayer = null;
    if (!on) return;
    dragLayer = doc.createElement('div');
    dragLayer.className = 'drag';
    dragLayer.addEventListener('pointermove', (event) =>
      relayout({ ...layout, width: win.innerWidth - event.clientX }, false),
    );
    const end = () => {
      drag(false);
      relayout(layout, true);
    };
    dragLayer.addEventListener('pointerup', end);
    dragLayer.addEventListener('pointercancel', end);
    host.container.append(dragLayer);
  }

  const onResize = () => {
    place();
    post();
  };
  win.addEventListener('resize', onResize);

  const dock: Dock = {
    show(next, nextPod) {
      if (next !== mode) content = {};
      mode = next;
      if (nextPod) {
        const title = `ImmyBot Technician Tools for ticket ${nextPod.faultId}`;
        // The frame first: its request is out before our own page even starts.
        if (pod) pod.frame.show(nextPod.url, { reload: nextPod.reload });
        else pod = { frame: createPodFrame(doc, section, nextPod.url, title), url: nextPod.url };
        pod.url = nextPod.url;
        pod.frame.element.title = title;
      } else if (pod) {
        pod.frame.element.remove();
        pod = null;
      }
      if (!ui.isConnected) section.append(ui);
      place();
      post();
      // Where Firefox gives the frame no tabs API, this is how it learns to look at the tab's address again.
      post({ t: 'moved' });
    },
    enter() {
      if (mode === 'pane' && layout.collapsed) relayout({ ...layout, collapsed: false }, true);
      ui.focus();
      if (port) post({ t: 'focus' });
      else focusWanted = true;
    },
    hasFocus: () => host.hasFocus(),
    remove() {
      win.removeEventListener('resize', onResize);
      port?.close();
      host.remove();
    },
  };
  return dock;
}
