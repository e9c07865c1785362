import type { browser as extensionApi } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

type Api = typeof extensionApi;

/** The content script files the manifest runs on hosted HaloPSA; registered scripts reuse them. */
export function haloContentScriptFiles(browser: Api): string[] {
  return browser.runtime.getManifest().content_scripts?.find((script) => script.js?.length)?.js ?? [];
}

/**
 * Runs `files` in the open tabs matching `matches` (minus `excludeMatches`): the browser does not put
 * content scripts into tabs that were open before the script existed. The script itself replaces
 * whatever pane an older instance left.
 */
export async function injectIntoTabs(
  browser: Api,
  matches: string[],
  excludeMatches: string[],
  files: string[],
): Promise<number> {
  if (!matches.length || !files.length) return 0;
  const tabs = await browser.tabs.query({ url: matches });
  const excluded = new Set(
    excludeMatches.length ? (await browser.tabs.query({ url: excludeMatches })).map((tab) => tab.id) : [],
  );
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined || excluded.has(tab.id) || tab.discarded) continue;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: files as ScriptPublicPath[] });
      injected++;
    } catch {
      // The tab navigated away or is a page we may not script; it gets the script on its next load.
    }
  }
  return injected;
}

/** After install or update: each manifest content script into the open tabs it matches. */
export async function injectIntoOpenTabs(browser: Api): Promise<number> {
  let injected = 0;
  for (const script of browser.runtime.getManifest().content_scripts ?? []) {
    injected += await injectIntoTabs(browser, script.matches ?? [], script.exclude_matches ?? [], script.js ?? []);
  }
  return injected;
}
