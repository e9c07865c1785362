import type { BrowserContext, Page } from '@playwright/test';
import { attachExtensionTarget, closeExtensionTarget, type ExtensionTarget } from '../sandbox/extension-target';

/** The toolbar popup, opened the way a click does (action.openPopup) and driven over CDP. */
export async function openToolbarPopup(context: BrowserContext, activeTab: Page): Promise<ExtensionTarget> {
  // One at a time, as a click elsewhere closes it first: Chromium 150 refuses openPopup while the popup is open.
  await closeExtensionTarget(context, activeTab, 'popup.html');
  await activeTab.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => (globalThis as any).chrome.action.openPopup());
  return attachExtensionTarget(context, activeTab, 'popup.html');
}
