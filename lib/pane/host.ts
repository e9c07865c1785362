/** The custom element that holds the pane; one per document, whichever extension instance made it. */
export const PANE_TAG = 'immybot-technician-tools';
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

export interface PaneHost {
  /** The themed root inside the shadow root; the pane's section goes here. */
  container: HTMLElement;
  /** Where the setup prompt or the offer renders (Preact), inside the container. */
  promptRoot: HTMLElement;
  /** Narrows HaloPSA's page so the docked pane sits beside its content instead of over it (0 = release). */
  push(widthPx: number): void;
  /** Removes this host and the room it made, and nothing that belongs to another instance. */
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
  const applyTheme = () => container.classList.toggle('theme-dark', isDarkHalo(doc));
  container.className = 'theme';
  applyTheme();
  // Made at document_start, before HaloPSA's body (and its theme class) exists: look again once it does.
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', applyTheme, { once: true });
  const promptRoot = doc.createElement('div');
  container.append(promptRoot);
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
    promptRoot,
    push(widthPx) {
      if (widthPx <= 0) return release();
      if (!pushStyle) {
        pushStyle = doc.createElement('style');
        pushStyle.setAttribute(PUSH_STYLE_ATTRIBUTE, '');
        doc.documentElement.append(pushStyle);
      }
      pushStyle.textContent = `html{margin-right:${Math.round(widthPx)}px !important;}`;
    },
    remove() {
      host.remove();
      release();
    },
  };
}

/** HaloPSA marks its dark theme with `.theme-dark` on a top-level element. */
function isDarkHalo(doc: Document): boolean {
  return doc.documentElement.classList.contains('theme-dark') || doc.body?.classList.contains('theme-dark') === true;
}

/** Removes every pane and page push in the document, e.g. those of an extension instance that was replaced. */
export function removePanes(doc: Document): void {
  for (const stale of doc.querySelectorAll(`${PANE_TAG}, style[${PUSH_STYLE_ATTRIBUTE}]`)) stale.remove();
}
