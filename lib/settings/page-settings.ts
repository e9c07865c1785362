import { browser } from 'wxt/browser';
import { isHaloOrigin } from '../halo/address';
import { isValidId } from '../ids';
import { isInstanceOrigin } from '../immybot/instance';
import { SETTINGS_KEY, SIGNED_IN_AT_KEY } from './keys';
import type { ImmyBotConnection } from './schema';

/** What the content script needs of the settings. */
export interface PageSettings {
  connection: ImmyBotConnection | null;
  haloOrigins: string[];
  /** Changes whenever an ImmyBot sign-in completes, so panes refresh their header and frame. */
  signedInAt: number;
}

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

/** The added HaloPSA origins; only valid ones count, so one bad entry cannot disable the rest. */
export function readHaloOrigins(stored: unknown): string[] {
  const origins = (stored as { haloOrigins?: unknown } | null)?.haloOrigins;
  return Array.isArray(origins) ? origins.filter(isHaloOrigin) : [];
}

function readPageSettings(stored: Record<string, unknown>): PageSettings {
  const settings = stored[SETTINGS_KEY];
  const signedInAt = stored[SIGNED_IN_AT_KEY];
  return {
    connection: readConnection(settings),
    haloOrigins: readHaloOrigins(settings),
    signedInAt: typeof signedInAt === 'number' ? signedInAt : 0,
  };
}

export async function loadPageSettings(): Promise<PageSettings> {
  return readPageSettings(await browser.storage.local.get([SETTINGS_KEY, SIGNED_IN_AT_KEY]));
}

/** Calls back whenever the settings change in any context; returns the unwatch function. */
export function watchPageSettings(onChange: (settings: PageSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (SETTINGS_KEY in changes || SIGNED_IN_AT_KEY in changes)) void loadPageSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
