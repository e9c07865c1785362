/**
 * Which tab a Technician Tools page shows, as pure steps (the side panel and the Technician Tools window share them;
 * `useActiveTab` feeds in the browser's events and runs the queries asked for).
 * - `ownWindow`: the side panel belongs to one browser window and shows that window's active tab.
 * - `lastFocused`: the Technician Tools window is a window of its own, so it follows the normal browser window the
 *   technician used last, through focus changes, and never itself.
 */
export type Follow = 'ownWindow' | 'lastFocused';

export interface ShownTab {
  id?: number;
  /** Only for sites the extension may run on (its host permissions); undefined elsewhere. */
  url?: string;
}

export interface Followed {
  follow: Follow;
  /** The page's own window: a side panel's browser window, or the Technician Tools window. */
  ownWindowId?: number;
  /** The window whose active tab is shown; undefined while the last-focused one is asked for. */
  windowId?: number;
  /** Null until the first answer; the previous tab stays shown while a newly focused window is asked. */
  tab: ShownTab | null;
}

export type TabEvent =
  | { kind: 'started'; ownWindowId: number | undefined; openerWindowId?: number }
  /** The browser's answer to a query: the active tab of `windowId` (none: no tab, or the window is gone). */
  | { kind: 'answered'; windowId: number | undefined; tab: ShownTab }
  | { kind: 'activated'; tabId: number; windowId: number }
  | { kind: 'updated'; tabId: number; url: string | undefined }
  /** `normal`: an ordinary browser window (not a popup, devtools or our own window). */
  | { kind: 'focused'; windowId: number; normal: boolean }
  | { kind: 'windowClosed'; windowId: number };

/** A query for the page to run: one window's active tab, or the last-focused normal window's. */
export type TabQuery = { windowId: number } | { lastFocused: true };

export interface FollowStep {
  followed: Followed;
  query?: TabQuery;
}

export const startFollowing = (follow: Follow): Followed => ({ follow, tab: null });

const ask = (followed: Followed): FollowStep => ({
  followed,
  query: followed.windowId === undefined ? { lastFocused: true } : { windowId: followed.windowId },
});

export function followStep(followed: Followed, event: TabEvent): FollowStep {
  switch (event.kind) {
    case 'started': {
      const windowId = followed.follow === 'ownWindow' ? event.ownWindowId : event.openerWindowId;
      return ask({ ...followed, ownWindowId: event.ownWindowId, windowId });
    }
    case 'answered':
      // An answer for a window no longer followed is stale: a focus change overtook it.
      if (followed.windowId !== undefined && event.windowId !== followed.windowId) return { followed };
      return { followed: { ...followed, windowId: event.windowId, tab: sameTab(followed.tab, event.tab) } };
    case 'activated':
      return event.windowId === followed.windowId ? ask(followed) : { followed };
    case 'updated': {
      if (event.tabId !== followed.tab?.id) return { followed };
      return { followed: { ...followed, tab: sameTab(followed.tab, { id: event.tabId, url: event.url }) } };
    }
    case 'focused':
      // The side panel asks its own window again (a missed event cannot leave it stale for long).
      if (followed.follow === 'ownWindow') return ask(followed);
      if (!event.normal || event.windowId === followed.ownWindowId || event.windowId === followed.windowId)
        return { followed };
      return ask({ ...followed, windowId: event.windowId });
    case 'windowClosed':
      if (followed.follow === 'ownWindow' || event.windowId !== followed.windowId) return { followed };
      return ask({ ...followed, windowId: undefined });
  }
}

/** The same tab at the same URL is no change: the previous object is kept, so nothing re-renders. */
const sameTab = (previous: ShownTab | null, next: ShownTab): ShownTab =>
  previous && previous.id === next.id && previous.url === next.url ? previous : next;
