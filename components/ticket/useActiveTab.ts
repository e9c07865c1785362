import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  type Follow,
  type FollowStep,
  followStep,
  type ShownTab,
  startFollowing,
  type TabEvent,
  type TabQuery,
} from '../../lib/active-tab';

export type { ShownTab as ActiveTab } from '../../lib/active-tab';

/**
 * The tab a Technician Tools page shows (see lib/active-tab): followed through tab switches, window focus and
 * navigations in the tab, SPA ones included (the browser reports a pushState as a URL change).
 * `openerWindowId`: for `lastFocused`, the window to start with (the one the technician opened it from).
 */
export function useActiveTab(follow: Follow, openerWindowId?: number): ShownTab | null {
  const [tab, setTab] = useState<ShownTab | null>(null);
  useEffect(() => {
    let followed = startFollowing(follow);
    const dispatch = (event: TabEvent) => {
      const step: FollowStep = followStep(followed, event);
      followed = step.followed;
      setTab(followed.tab);
      if (step.query) void run(step.query).then(dispatch);
    };
    const onActivated = ({ tabId, windowId }: { tabId: number; windowId: number }) =>
      dispatch({ kind: 'activated', tabId, windowId });
    const onUpdated = (tabId: number, _change: unknown, updated: { url?: string }) =>
      dispatch({ kind: 'updated', tabId, url: updated.url });
    const onFocusChanged = (windowId: number) => {
      if (windowId === browser.windows.WINDOW_ID_NONE) return;
      void browser.windows.get(windowId).then(
        ({ type }) => dispatch({ kind: 'focused', windowId, normal: type === 'normal' }),
        () => undefined,
      );
    };
    const onRemoved = (windowId: number) => dispatch({ kind: 'windowClosed', windowId });
    void browser.windows.getCurrent().then(
      (current) => dispatch({ kind: 'started', ownWindowId: current.id, openerWindowId }),
      () => dispatch({ kind: 'started', ownWindowId: undefined, openerWindowId }),
    );
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows.onFocusChanged.addListener(onFocusChanged);
    browser.windows.onRemoved.addListener(onRemoved);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows.onFocusChanged.removeListener(onFocusChanged);
      browser.windows.onRemoved.removeListener(onRemoved);
    };
  }, [follow, openerWindowId]);
  return tab;
}

/** Runs a query; its answer (or none, when the window is gone) goes back in as an event. */
async function run(query: TabQuery): Promise<TabEvent> {
  try {
    const window =
      'windowId' in query
        ? await browser.windows.get(query.windowId, { populate: true })
        : await browser.windows.getLastFocused({ populate: true, windowTypes: ['normal'] });
    const active = window.tabs?.find((tab) => tab.active);
    return { kind: 'answered', windowId: window.id, tab: { id: active?.id, url: active?.url } };
  } catch {
    return { kind: 'answered', windowId: 'windowId' in query ? query.windowId : undefined, tab: {} };
  }
}
