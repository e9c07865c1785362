import type { BrowserContext, Page } from '@playwright/test';
import { attachExtensionTarget, type ExtensionTarget } from '../sandbox/extension-target';

/** The toolbar popup, opened the way a click does (action.openPopup) and driven over CDP. */
export async function openToolbarPopup(context: BrowserContext, activeTab: Page): Promise<ExtensionTarget> {
  await activeTab.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => (globalThis as any).chrome.action.openPopup());
  return attachExtensionTarget(context, activeTab, 'popup.html');
}
