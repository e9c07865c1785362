import { browser } from 'wxt/browser';

/**
 * Claims `item` under `key` for this browser session (storage.session): true the first time, false after, so a
 * note shows once per session however many tickets and tabs open. Storage that fails answers true: the note shows.
 */
export async function claimOncePerSession(key: string, item: string): Promise<boolean> {
  try {
    const stored = (await browser.storage.session.get(key))[key];
    const claimed = Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : [];
    if (claimed.includes(item)) return false;
    await browser.storage.session.set({ [key]: [...claimed, item] });
  } catch {
    // No session storage (an old browser): better told every time than never.
  }
  return true;
}
