import { describe, expect, it } from 'vitest';
import { type Follow, type Followed, followStep, startFollowing, type TabEvent } from '../../lib/active-tab';

const TICKET = 'https://acme.halopsa.com/tickets?id=2152';
const OTHER = 'https://acme.halopsa.com/tickets?id=3002';

/** Runs events in order, answering each query from `windows` (window id → its active tab), as the hook would. */
function run(follow: Follow, events: TabEvent[], windows: Record<number, { id: number; url?: string }>) {
  let followed: Followed = startFollowing(follow);
  const queries: unknown[] = [];
  const apply = (event: TabEvent) => {
    const step = followStep(followed, event);
    followed = step.followed;
    if (!step.query) return;
    queries.push(step.query);
    const windowId = 'windowId' in step.query ? step.query.windowId : LAST_FOCUSED;
    apply({ kind: 'answered', windowId, tab: windows[windowId] ?? {} });
  };
  for (const event of events) apply(event);
  return { followed, queries };
}
/** The normal window the browser calls last focused, in these tests. */
const LAST_FOCUSED = 1;

describe('the side panel (ownWindow) shows its own window’s active tab', () => {
  const windows = { 1: { id: 11, url: TICKET }, 2: { id: 21, url: OTHER } };

  it('starts on its own window', () => {
    const { followed } = run('ownWindow', [{ kind: 'started', ownWindowId: 2 }], windows);
    expect(followed.tab).toEqual({ id: 21, url: OTHER });
  });

  it('ignores another window’s tab switches and focus: it belongs to its window', () => {
    const { followed } = run(
      'ownWindow',
      [
        { kind: 'started', ownWindowId: 2 },
        { kind: 'activated', tabId: 11, windowId: 1 },
        { kind: 'focused', windowId: 1, normal: true },
        { kind: 'windowClosed', windowId: 1 },
      ],
      windows,
    );
    expect(followed.tab).toEqual({ id: 21, url: OTHER });
    expect(followed.windowId).toBe(2);
  });

  it('follows an SPA switch or navigation in its active tab, and ignores other tabs’', () => {
    const { followed } = run(
      'ownWindow',
      [
        { kind: 'started', ownWindowId: 2 },
        { kind: 'updated', tabId: 11, url: 'https://elsewhere.example/' },
        { kind: 'updated', tabId: 21, url: TICKET },
      ],
      windows,
    );
    expect(followed.tab).toEqual({ id: 21, url: TICKET });
  });
});

describe('the Technician Tools window (lastFocused) follows the browser window used last', () => {
  const windows = {
    1: { id: 11, url: TICKET },
    2: { id: 21, url: OTHER },
    // The Technician Tools window itself.
    9: { id: 91, url: 'chrome-extension://id/ticket-window.html' },
  };
  const started: TabEvent = { kind: 'started', ownWindowId: 9, openerWindowId: 2 };

  it('starts on the window it was opened from', () => {
    const { followed } = run('lastFocused', [started], windows);
    expect(followed.tab).toEqual({ id: 21, url: OTHER });
  });

  it('with no opener named, starts on the last-focused normal window', () => {
    const { followed, queries } = run('lastFocused', [{ kind: 'started', ownWindowId: 9 }], windows);
    expect(queries).toEqual([{ lastFocused: true }]);
    expect(followed.tab).toEqual({ id: 11, url: TICKET });
  });

  it('moves to another normal window when the technician focuses it', () => {
    const { followed } = run('lastFocused', [started, { kind: 'focused', windowId: 1, normal: true }], windows);
    expect(followed.tab).toEqual({ id: 11, url: TICKET });
  });

  it('stays on its ticket when itself, a popup or devtools takes the focus', () => {
    const { followed, queries } = run(
      'lastFocused',
      [started, { kind: 'focused', windowId: 9, normal: false }, { kind: 'focused', windowId: 5, normal: false }],
      windows,
    );
    expect(followed.tab).toEqual({ id: 21, url: OTHER });
    expect(queries).toHaveLength(1);
  });

  it('follows a tab switch in the followed window only', () => {
    const switched = { ...windows, 2: { id: 22, url: TICKET } };
    const { followed } = run(
      'lastFocused',
      [started, { kind: 'activated', tabId: 12, windowId: 1 }, { kind: 'activated', tabId: 22, windowId: 2 }],
      switched,
    );
    expect(followed.tab).toEqual({ id: 22, url: TICKET });
  });

  it('follows the last-focused window when the followed one closes', () => {
    const { followed } = run('lastFocused', [started, { kind: 'windowClosed', windowId: 2 }], windows);
    expect(followed.tab).toEqual({ id: 11, url: TICKET });
  });

  it('drops an answer that a focus change overtook', () => {
    let followed = followStep(startFollowing('lastFocused'), started).followed;
    followed = followStep(followed, { kind: 'focused', windowId: 1, normal: true }).followed;
    // The answer for window 2 arrives late, after the focus moved to window 1.
    followed = followStep(followed, { kind: 'answered', windowId: 2, tab: { id: 21, url: OTHER } }).followed;
    expect(followed.tab).toBeNull();
    followed = followStep(followed, { kind: 'answered', windowId: 1, tab: { id: 11, url: TICKET } }).followed;
    expect(followed.tab).toEqual({ id: 11, url: TICKET });
  });

  it('keeps showing the previous tab while a newly focused window is asked (no flash of “no ticket”)', () => {
    let followed = followStep(startFollowing('lastFocused'), started).followed;
    followed = followStep(followed, { kind: 'answered', windowId: 2, tab: { id: 21, url: OTHER } }).followed;
    const step = followStep(followed, { kind: 'focused', windowId: 1, normal: true });
    expect(step.query).toEqual({ windowId: 1 });
    expect(step.followed.tab).toEqual({ id: 21, url: OTHER });
  });
});

describe('no change, no render', () => {
  it('the same tab at the same URL keeps the same object', () => {
    let followed = followStep(startFollowing('ownWindow'), { kind: 'started', ownWindowId: 1 }).followed;
    followed = followStep(followed, { kind: 'answered', windowId: 1, tab: { id: 11, url: TICKET } }).followed;
    const before = followed.tab;
    followed = followStep(followed, { kind: 'updated', tabId: 11, url: TICKET }).followed;
    followed = followStep(followed, { kind: 'answered', windowId: 1, tab: { id: 11, url: TICKET } }).followed;
    expect(followed.tab).toBe(before);
  });
});
