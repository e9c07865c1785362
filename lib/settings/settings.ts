import { browser } from 'wxt/browser';
import { POLICY_KEY, SETTINGS_KEY, SIGNED_IN_AT_KEY } from '../storage';
import { effectiveSettings, type EffectiveSettings } from './merge';
import { readStoredPolicy } from './stored-policy';
import { readSettings } from './read';
import type { Settings } from './schema';

/**
 * The one read of the settings, for every context (content script, extension pages, background): the settings in
 * effect (policy over stored over defaults) at the top level, where each value came from, what could not be used,
 * and the last sign-in. Changes go through the background (`changeSettings` in lib/messaging, lib/settings/store).
 */
export interface CurrentSettings extends Settings, Omit<EffectiveSettings, 'settings'> {
  /** Changes whenever an ImmyBot sign-in completes, so panes refresh their header and frame. */
  signedInAt: number;
}

const KEYS = [SETTINGS_KEY, POLICY_KEY, SIGNED_IN_AT_KEY];

/** Pure: the stored keys to the settings in effect. No WXT storage and no zod: this runs on every HaloPSA page. */
export function readCurrentSettings(stored: Record<string, unknown>): CurrentSettings {
  const { settings, ...rest } = effectiveSettings(
    readSettings(stored[SETTINGS_KEY]),
    readStoredPolicy(stored[POLICY_KEY]),
  );
  const signedInAt = stored[SIGNED_IN_AT_KEY];
  return { ...settings, ...rest, signedInAt: typeof signedInAt === 'number' ? signedInAt : 0 };
}

/** Reads storage raw, never running a migration: the background stays the only writer. */
export async function loadSettings(): Promise<CurrentSettings> {
  return readCurrentSettings(await browser.storage.local.get(KEYS));
}

/** True for a storage change that can change the settings in effect (the policy's copy included). */
export const changesSettings = (changes: Record<string, unknown>, area: string): boolean =>
  area === 'local' && (SETTINGS_KEY in changes || POLICY_KEY in changes);

/** Calls back whenever the settings or the last sign-in change, in any context or by policy; returns the unwatch. */
export function watchSettings(onChange: (settings: CurrentSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (changesSettings(changes, area) || (area === 'local' && SIGNED_IN_AT_KEY in changes))
      void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
