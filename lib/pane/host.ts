/** The custom element that holds the pane; one per document, whichever extension instance made it. */
export const PANE_TAG = 'immybot-technician-tools';
const PUSH_STYLE_ID = 'immybot-technician-tools-push';

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

export interface PaneHost {
  /** Where the UI renders, inside the closed shadow root. */
  container: HTMLElement;
  remove(): void;
}

/**
 * Creates the pane's host with a shadow root (HaloPSA's CSS cannot reach in, ours cannot leak
 * out). Removes any pane a previous extension instance left. Open, not closed: it holds no secret
 * (a page script could frame the same URL itself), and tests and assistive tools can reach it.
 */
export function createPaneHost(doc: Document, css: string): PaneHost {
  removePanes(doc);
  const host = doc.createElement(PANE_TAG);
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.className = isDarkHalo(doc) ? 'theme theme-dark' : 'theme';
  root.append(style, container);
  doc.documentElement.append(host);
  return {
    container,
    remove() {
      host.remove();
      releasePage(doc);
    },
  };
}

/** HaloPSA marks its dark theme with `.theme-dark` on a top-level element. */
function isDarkHalo(doc: Document): boolean {
  return doc.documentElement.classList.contains('theme-dark') || doc.body?.classList.contains('theme-dark') === true;
}

export function removePanes(doc: Document): void {
  for (const stale of doc.querySelectorAll(PANE_TAG)) stale.remove();
  releasePage(doc);
}

/** Narrows HaloPSA's page so the docked pane sits beside its content instead of over it. */
export function pushPage(doc: Document, widthPx: number): void {
  let style = doc.getElementById(PUSH_STYLE_ID);
  if (!style) {
    style = doc.createElement('style');
    style.id = PUSH_STYLE_ID;
    doc.documentElement.append(style);
  }
  style.textContent = widthPx > 0 ? `html{margin-right:${Math.round(widthPx)}px !important;}` : '';
}

export function releasePage(doc: Document): void {
  doc.getElementById(PUSH_STYLE_ID)?.remove();
}
