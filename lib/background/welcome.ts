import type { browser as extensionApi } from 'wxt/browser';
import { isConfiguredByPolicy } from '../settings/merge';
import { loadSettings } from '../settings/settings';

type Api = typeof extensionApi;

/** The options page's first-run steps, opened once on install unless the organization's policy already set everything. */
export const WELCOME_PATH = '/options.html?welcome';

/** `policyCopied`: the first copy of the organization's policy (setupPolicySync), which decides. */
export function setupWelcome(browser: Api, policyCopied: Promise<void>): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void policyCopied
      .then(loadSettings)
      .then(({ sources }) => {
        if (!isConfiguredByPolicy(sources)) return browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
      })
      .catch((error: unknown) => console.error('Could not open the first-run steps', error));
  });
}
