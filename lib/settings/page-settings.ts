import { browser } from 'wxt/browser';
import { SETTINGS_KEY, SIGNED_IN_AT_KEY } from '../storage';
import { readSettings, type ReadSettings } from './read';
import type { Settings } from './schema';

/** What the content script and the extension pages watch: the settings, and when a sign-in last completed. */
export interface PageSettings extends Settings {
  /** Changes whenever an ImmyBot sign-in completes, so panes refresh their header and frame. */
  signedInAt: number;
}

function readPageSettings(stored: Record<string, unknown>): PageSettings {
  const signedInAt = stored[SIGNED_IN_AT_KEY];
  return {
    ...readSettings(stored[SETTINGS_KEY]).settings,
    signedInAt: typeof signedInAt === 'number' ? signedInAt : 0,
  };
}

/**
 * The settings as stored, repaired field by field, for pages that only read (options, popup, sign-in):
 * reading raw never runs a migration, so the background stays the only writer.
 */
export async function loadStoredSettings(): Promise<ReadSettings> {
  return readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Reads storage directly (no WXT storage, no zod): this runs on every HaloPSA page. */
export async function loadPageSettings(): Promise<PageSettings> {
  return readPageSettings(await browser.storage.local.get([SETTINGS_KEY, SIGNED_IN_AT_KEY]));
}

/** Calls back whenever the settings change in any context; returns the unwatch function. */
export function watchPageSettings(onChange: (settings: PageSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (SETTINGS_KEY in changes || SIGNED_IN_AT_KEY in changes))
      void loadPageSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
