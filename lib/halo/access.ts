import { browser } from 'wxt/browser';
import { originPattern } from '../match-pattern';

/**
 * Asks the browser for one HaloPSA origin. Call it first thing in a click handler (before any
 * await): browsers only show the prompt during the user's gesture.
 */
export function requestHaloAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
}

export function hasHaloAccess(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(origin)] });
}

/** Gives the permission back; a no-op where the browser will not (e.g. a permission the manifest requires). */
export function releaseHaloAccess(origin: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}

/** Calls back whenever the extension gains or loses a permission; returns the unwatch function. */
export function watchAccess(onChange: () => void): () => void {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  return () => {
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
  };
}

/** Asks for several HaloPSA origins in one prompt (an imported site list); the same gesture rule applies. */
export function requestHaloSitesAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...new Set(origins.map(originPattern))] }).catch(() => false);
}
