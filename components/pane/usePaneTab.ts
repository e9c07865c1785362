import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../lib/messaging/client';
import type { PaneTab } from '../../lib/messaging/protocol';

/**
 * The HaloPSA tab this framed page serves, as the browser (through the background) reports it, followed through
 * HaloPSA's own navigations: the page that framed us never tells us which ticket to show. Undefined until known,
 * null when this page is not framed in a tab the extension may read.
 *
 * Chrome gives a framed extension page the tabs API, so the tab's own updates move it. Firefox gives an extension
 * page framed in a web page only what a content script gets (runtime, storage, i18n, extension: no `tabs`), so
 * there the page asks the background again each time the dock says it showed something new (`moves`). That word
 * carries nothing a page could forge into data: the answer is always the background's, from the message's sender.
 */
export function usePaneTab(moves: number): PaneTab | null | undefined {
  const [tab, setTab] = useState<PaneTab | null | undefined>(undefined);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  // Counts the tab's own address updates: an answer asked for before the latest one may carry the older address
  // (a worker waking from sleep answers late), so that update's address wins over the answer's.
  const updates = useRef(0);

  useEffect(() => {
    let current = true;
    const asked = updates.current;
    void sendToBackground({ type: 'paneTab' }).then(
      (answer) => {
        if (!current) return;
        setTabId(answer?.tabId);
        const stale = answer && updates.current !== asked;
        setTab((previous) => (stale && previous ? { ...answer, url: previous.url } : (answer ?? null)));
      },
      // A later ask that fails keeps what the browser said before.
      () => current && setTab((previous) => (previous === undefined ? null : previous)),
    );
    return () => {
      current = false;
    };
  }, [moves]);

  useEffect(() => {
    const tabs = (browser as { tabs?: typeof browser.tabs }).tabs;
    if (!tabs || tabId === undefined) return;
    const onUpdated = (id: number, change: { url?: string }) => {
      if (id !== tabId || !change.url) return;
      updates.current++;
      setTab((previous) => previous && { ...previous, url: change.url });
    };
    tabs.onUpdated.addListener(onUpdated);
    return () => tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);

  return tab;
}
