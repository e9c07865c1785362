import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../lib/messaging/client';
import type { PaneTab } from '../lib/messaging/protocol';

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
    void sendToBackground({ type: 'paneTab' }).then(
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
