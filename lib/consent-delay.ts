/** How long a consent window must have been shown and focused before its confirm button works. */
export const CONSENT_DELAY_MS = 750;

/** The parts of `window` the delay watches; a test passes a stand-in. */
export interface ConsentView {
  document: Pick<Document, 'visibilityState' | 'hasFocus' | 'addEventListener' | 'removeEventListener'>;
  addEventListener(type: 'focus' | 'blur', listener: () => void): void;
  removeEventListener(type: 'focus' | 'blur', listener: () => void): void;
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

/**
 * Calls `onReady(true)` once `view` has been visible and focused for `delayMs` without a break, and
 * `onReady(false)` whenever it loses focus or visibility (the wait then starts over), as Firefox's
 * permission prompts do: a double-click or a held Enter aimed at the page beneath cannot confirm.
 * Returns a function that stops watching.
 */
export function watchConsentDelay(
  view: ConsentView,
  onReady: (ready: boolean) => void,
  delayMs = CONSENT_DELAY_MS,
): () => void {
  let timer: number | undefined;
  const restart = (shown: boolean) => {
    view.clearTimeout(timer);
    timer = undefined;
    onReady(false);
    if (shown) timer = view.setTimeout(() => onReady(true), delayMs);
  };
  const shownNow = () => view.document.visibilityState === 'visible' && view.document.hasFocus();
  // During a blur event the document may still report focus: a blur always stops the wait.
  const blur = () => restart(false);
  const update = () => restart(shownNow());
  view.addEventListener('focus', update);
  view.addEventListener('blur', blur);
  view.document.addEventListener('visibilitychange', update);
  update();
  return () => {
    view.clearTimeout(timer);
    view.removeEventListener('focus', update);
    view.removeEventListener('blur', blur);
    view.document.removeEventListener('visibilitychange', update);
  };
}
