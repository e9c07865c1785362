import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../lib/messaging/client';
import type { PaneTab } from '../lib/messaging/protocol';

async function currentTab(): Promise<PaneTab | null> {
  const tab = await browser.tabs.getCurrent();
  return tab?.id !== undefined && tab.windowId !== undefined
    ? { tabId: tab.id, windowId: tab.windowId, url: tab.url }
    : null;
}

/**
 * The HaloPSA tab this framed page serves, as the browser (through the background) reports it, followed through
 * HaloPSA's own navigations: the page that framed us never tells us which ticket to show. Undefined until known,
 * null when this page is not framed in a tab the extension may read.
 */
export function usePaneTab(): PaneTab | null | undefined {
  const [tab, setTab] = useState<PaneTab | null | undefined>(undefined);
  useEffect(() => {
    let tabId: number | undefined;
    const onUpdated = (id: number, change: { url?: string }) => {
      if (id === tabId && change.url) setTab((previous) => previous && { ...previous, url: change.url });
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    void sendToBackground({ type: 'paneTab' })
      // Firefox names no tab for a framed extension page's messages; it does answer the page itself.
      .then((answer) => answer ?? currentTab())
      .then(
        (answer) => {
          tabId = answer?.tabId;
          setTab(answer ?? null);
        },
        () => setTab(null),
      );
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, []);
  return tab;
}
