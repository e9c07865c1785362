import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface ActiveTab {
  id?: number;
  /** Only for sites the extension may run on (its host permissions); undefined elsewhere. */
  url?: string;
}

/**
 * The active tab of the window this page lives in (the side panel's), followed through tab switches and
 * navigations in the tab, SPA ones included (the browser reports a pushState as a URL change).
 */
export function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => {
    let windowId: number | undefined;
    let activeId: number | undefined;
    const show = (next: ActiveTab) => {
      activeId = next.id;
      // The same tab at the same URL is no change: nothing re-renders, the frame stays as it is.
      setTab((previous) => (previous?.id === next.id && previous?.url === next.url ? previous : next));
    };
    const refresh = () =>
      browser.tabs
        .query({ active: true, windowId })
        .then(([active]) => show({ id: active?.id, url: active?.url }))
        .catch(() => show({}));
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) void refresh();
    };
    const onUpdated = (tabId: number, _change: unknown, updated: { url?: string; active?: boolean }) => {
      if (tabId === activeId) show({ id: tabId, url: updated.url });
    };
    const onFocusChanged = () => void refresh();
    void browser.windows.getCurrent().then((current) => {
      windowId = current.id;
      return refresh();
    });
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows.onFocusChanged.addListener(onFocusChanged);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows.onFocusChanged.removeListener(onFocusChanged);
    };
  }, []);
  return tab;
}
