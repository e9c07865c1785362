import { browser } from 'wxt/browser';
import { POLICY_KEY, SETTINGS_KEY, SIGNED_IN_AT_KEY } from '../storage';
import { effectiveSettings, type EffectiveSettings, type SettingSources } from './merge';
import { readPolicyCopy } from './policy-copy';
import { readSettings } from './read';
import type { Settings } from './schema';

/** What the content script and the extension pages watch: the settings in effect, and the last sign-in. */
export interface PageSettings extends Settings {
  /** Changes whenever an ImmyBot sign-in completes, so panes refresh their header and frame. */
  signedInAt: number;
  /** Which values the organization set: pages never offer to change those. */
  sources: SettingSources;
}

/**
 * The settings in effect (policy over stored over defaults) with every problem, for pages that only read
 * (options, popup, sign-in): reading raw never runs a migration, so the background stays the only writer.
 */
export async function loadStoredSettings(): Promise<EffectiveSettings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, POLICY_KEY]);
  return effectiveSettings(readSettings(stored[SETTINGS_KEY]), readPolicyCopy(stored[POLICY_KEY]));
}

/** Reads storage directly (no WXT storage, no zod): this runs on every HaloPSA page. */
export async function loadPageSettings(): Promise<PageSettings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, POLICY_KEY, SIGNED_IN_AT_KEY]);
  const policy = readPolicyCopy(stored[POLICY_KEY]);
  const { settings, sources } = effectiveSettings(readSettings(stored[SETTINGS_KEY]), policy);
  const signedInAt = stored[SIGNED_IN_AT_KEY];
  return { ...settings, sources, signedInAt: typeof signedInAt === 'number' ? signedInAt : 0 };
}

/** True for a storage change that can change the settings in effect (the policy's copy included). */
export const changesSettings = (changes: Record<string, unknown>, area: string): boolean =>
  area === 'local' && (SETTINGS_KEY in changes || POLICY_KEY in changes);

/** Calls back whenever the settings change in any context or by policy; returns the unwatch function. */
export function watchPageSettings(onChange: (settings: PageSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (changesSettings(changes, area) || (area === 'local' && SIGNED_IN_AT_KEY in changes))
      void loadPageSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
