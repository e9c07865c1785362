import type { browser as extensionApi } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/**
 * Runs each manifest content script in the open tabs it matches. Used after install/update, when
 * the browser does not do it; the script itself replaces whatever pane an older instance left.
 */
export async function injectIntoOpenTabs(browser: typeof extensionApi): Promise<number> {
  let injected = 0;
  for (const script of browser.runtime.getManifest().content_scripts ?? []) {
    if (!script.js?.length || !script.matches?.length) continue;
    const tabs = await browser.tabs.query({ url: script.matches });
    const excluded = new Set(
      script.exclude_matches?.length ? (await browser.tabs.query({ url: script.exclude_matches })).map((tab) => tab.id) : [],
    );
    for (const tab of tabs) {
      if (tab.id === undefined || excluded.has(tab.id) || tab.discarded) continue;
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: script.js as ScriptPublicPath[] });
        injected++;
      } catch {
        // The tab navigated away or is a page we may not script; it gets the script on its next load.
      }
    }
  }
  return injected;
}
