import { browser } from 'wxt/browser';
import { isValidId } from '../ids';
import { isInstanceOrigin } from '../immybot/instance';
import { SETTINGS_KEY } from './keys';
import type { ImmyBotConnection } from './schema';

/**
 * The content script's zod-free view of the stored settings: the same guards SettingsSchema refines
 * with (a unit test holds the two in agreement), at a fraction of the bytes on every HaloPSA page.
 */
export function readConnection(stored: unknown): ImmyBotConnection | null {
  const immybot = (stored as { immybot?: Partial<ImmyBotConnection> } | null)?.immybot;
  return immybot && isInstanceOrigin(immybot.instanceOrigin) && isValidId(immybot.integrationId)
    ? { instanceOrigin: immybot.instanceOrigin, integrationId: immybot.integrationId }
    : null;
}

export async function loadConnection(): Promise<ImmyBotConnection | null> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return readConnection(stored[SETTINGS_KEY]);
}

/** Calls back whenever the saved connection changes in any context; returns the unwatch function. */
export function watchConnection(onChange: (connection: ImmyBotConnection | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) onChange(readConnection(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
