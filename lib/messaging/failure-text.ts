/** What a page says when the extension's own background could not be reached or did not answer. */
export const NO_ANSWER = 'The extension did not answer. Reload this page and try again.';

// The browser's own wording when a page outlives its extension or background: no use to a technician.
const BROWSER_MESSAGE = /receiving end|context invalidated|message port|could not establish/i;

/**
 * A failure as one sentence for the page: the extension's own messages (whole sentences) as they are,
 * anything else (a bare `Error: …`, the browser's wording) as `fallback`.
 */
export function failureText(error: unknown, fallback = NO_ANSWER): string {
  const message = error instanceof Error ? error.message.trim() : '';
  return /\s.*[.!?]$/s.test(message) && !BROWSER_MESSAGE.test(message) ? message : fallback;
}
