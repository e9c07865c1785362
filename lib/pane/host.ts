import { watchTheme } from './theme';
import { trusted } from './trusted';

/** The custom element that holds the pane; one per document, whichever extension instance made it. */
export const PANE_TAG = 'immybot-technician-tools';
/** The "Skip to Technician Tools" link's host: first in HaloPSA's tab order, out of sight until focused. */
export const SKIP_TAG = `${PANE_TAG}-skip`;
/** Marks the style element that makes room for the pane in HaloPSA's page. */
export const PUSH_STYLE_ATTRIBUTE = 'data-immybot-technician-tools-push';

// Inline !important declarations beat any HaloPSA stylesheet rule aimed at our host element.
const HOST_STYLE = [
  'all: initial !important',
  'display: block !important',
  'position: fixed !important',
  'top: 0 !important',
  'right: 0 !important',
  'width: 0 !important',
  'height: 0 !important',
  'z-index: 2147483646 !important',
  'pointer-events: none !important',
].join(';');

const SKIP_CSS =
  'button{position:fixed;left:8px;top:-60px;z-index:2147483647;padding:8px 14px;border:2px solid #fff;border-radius:6px;' +
  'background:#1a5fd0;color:#fff;font:600 14px system-ui,sans-serif;cursor:pointer}' +
  'button:focus{top:8px;outline:3px solid #1a5fd0;outline-offset:2px}';

export interface PaneHost {
  /** The root inside the shadow root; the dock's section goes here. */
  container: HTMLElement;
  /** Narrows HaloPSA's page so the docked pane sits beside its content instead of over it (0 = release). */
  push(widthPx: number): void;
  /** Whether the keyboard focus is inside the pane (the page sees only the host as its active element). */
  hasFocus(): boolean;
  /** Removes this host and the room it made, and nothing that belongs to another instance. */
  remove(): void;
}

/**
 * Creates the pane's host with a shadow root (HaloPSA's CSS cannot reach in, ours cannot leak out). Removes any
 * pane a previous extension instance left. Open, not closed: it holds nothing but two frames of other origins
 * (ImmyBot's, and the pane's own extension page with every control and answer), and tests can reach it.
 * `onTheme` hears HaloPSA's (or the system's) theme, now and on every change.
 */
export function createPaneHost(
  doc: Document,
  css: string,
  onSkip: () => void = () => undefined,
  onTheme: (dark: boolean) => void = () => undefined,
): PaneHost {
  removePanes(doc);
  const host = doc.createElement(PANE_TAG);
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  const stopTheme = watchTheme(doc, onTheme);
  const skip = createSkipLink(doc, onSkip);
  root.append(style, container);
  doc.documentElement.append(host);

  // Owned by this instance: an orphaned older instance cleaning up can never remove a newer one's.
  let pushStyle: HTMLStyleElement | null = null;
  const release = () => {
    pushStyle?.remove();
    pushStyle = null;
  };
  return {
    container,
    push(widthPx) {
      if (widthPx <= 0) return release();
      if (!pushStyle) {
        pushStyle = doc.createElement('style');
        pushStyle.setAttribute(PUSH_STYLE_ATTRIBUTE, '');
        doc.documentElement.append(pushStyle);
      }
      pushStyle.textContent = `html{margin-right:${Math.round(widthPx)}px !important;}`;
    },
    hasFocus: () => doc.activeElement === host,
    remove() {
      stopTheme();
      host.remove();
      skip.remove();
      release();
    },
  };
}

/** First in the page, so the first Tab on a ticket offers the way past HaloPSA's controls to the pane. */
function createSkipLink(doc: Document, onSkip: () => void): HTMLElement {
  const skip = doc.createElement(SKIP_TAG);
  skip.setAttribute('style', HOST_STYLE.replace('right: 0', 'left: 0'));
  const root = skip.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = SKIP_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Skip to Technician Tools';
  button.style.pointerEvents = 'auto';
  button.addEventListener('click', trusted(onSkip));
  root.append(style, button);
  doc.documentElement.prepend(skip);
  return skip;
}

/** Removes every pane and page push in the document, e.g. those of an extension instance that was replaced. */
export function removePanes(doc: Document): void {
  for (const stale of doc.querySelectorAll(`${PANE_TAG}, ${SKIP_TAG}, style[${PUSH_STYLE_ATTRIBUTE}]`)) stale.remove();
}
