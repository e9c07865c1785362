import { browser } from 'wxt/browser';
import { SETUP_DISMISSED_KEY } from '../storage';

/** Whether the setup prompt was dismissed; remembered across tickets, tabs and restarts. */
export async function loadSetupDismissed(): Promise<boolean> {
  const stored = await browser.storage.local.get(SETUP_DISMISSED_KEY);
  return stored[SETUP_DISMISSED_KEY] === true;
}

export function saveSetupDismissed(): Promise<void> {
  return browser.storage.local.set({ [SETUP_DISMISSED_KEY]: true });
}
