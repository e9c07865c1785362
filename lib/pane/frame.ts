/** The Technician Tools frame: created and navigated by the content script, never re-rendered by Preact. */
export interface PodFrame {
  element: HTMLIFrameElement;
  /** Shows `url` (again, with `reload`); never adds an entry to HaloPSA's Back/Forward history. */
  show(url: string, options?: { reload?: boolean }): void;
}

// No allow-top-navigation: ImmyBot inside the pane can never navigate the HaloPSA tab away.
const SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals';

/**
 * True once the frame holds ImmyBot's (cross-origin) document rather than its initial about:blank, which
 * is same-origin. contentDocument answers without throwing (a cross-origin access check would also log).
 */
const hasCommitted = (frame: HTMLIFrameElement): boolean => frame.contentDocument === null;

export function makeFrame(doc: Document, url: string, title: string): HTMLIFrameElement {
  const element = doc.createElement('iframe');
  element.className = 'frame';
  element.title = title;
  element.allow = 'clipboard-read; clipboard-write';
  element.setAttribute('sandbox', SANDBOX);
  element.src = url;
  return element;
}

/**
 * One frame element per page as a rule: once it holds an ImmyBot document, a switch moves it on with
 * location.replace, which adds no history entry and costs no new frame (measured: a new element per
 * switch is 2.5-3x slower to reach ImmyBot). Only while its very first load has not committed yet is
 * the element replaced: a new `src` or a replace() aimed at it then is sometimes dropped (measured here:
 * 2 to 8 of 30 quick switches lost, with the page's load event already fired).
 */
export function createPodFrame(doc: Document, parent: Element, url: string, title: string): PodFrame {
  let element = makeFrame(doc, url, title);
  parent.append(element);
  let current = url;
  const frame: PodFrame = {
    element,
    show(next, { reload = false } = {}) {
      if (next === current && !reload) return;
      current = next;
      const win = element.contentWindow;
      if (win && hasCommitted(element)) return win.location.replace(next);
      const fresh = makeFrame(doc, next, element.title);
      fresh.hidden = element.hidden;
      element.replaceWith(fresh);
      element = frame.element = fresh;
    },
  };
  return frame;
}
