import type { browser as extensionApi } from 'wxt/browser';
import type { HaloOriginAccess } from '../halo/registration';
import type { TicketBadge } from '../immybot/ticket-view';

type Api = typeof extensionApi;

/** A count is information, not an alarm: neutral grey. Red stays for "!" (needs your action). */
export const COUNT_COLOR = '#4b5563';
export const ACTION_COLOR = '#c62828';

/** The toolbar badge for one tab: online computers for its ticket and a tooltip in words; none clears both. */
export function showTicketBadge(browser: Api, tabId: number | undefined, badge: TicketBadge | null): void {
  if (tabId === undefined) return;
  const { action } = browser;
  // Cleared (null): the tab shows the window-wide badge again, a "!" included, in its red.
  const text = badge?.text || (null as unknown as string);
  void Promise.all([
    action.setBadgeText({ tabId, text }),
    action.setBadgeBackgroundColor({ tabId, color: badge?.text ? COUNT_COLOR : ACTION_COLOR }),
    // Likewise the tooltip; Chrome has no "unset" for a tab's title, so it takes the window-wide one's words.
    (badge ? Promise.resolve(badge.title) : action.getTitle({})).then((title) => action.setTitle({ tabId, title })),
  ]).catch(() => undefined);
}

/** The toolbar says when a listed HaloPSA site has lost its access (browsers drop it on some updates). */
export function showAccess(browser: Api, { needAccess }: HaloOriginAccess): void {
  void browser.action.setBadgeText({ text: needAccess.length ? '!' : '' });
  void browser.action.setBadgeBackgroundColor({ color: ACTION_COLOR });
  void browser.action.setTitle({
    title: needAccess.length
      ? `ImmyBot Technician Tools — ${needAccess.join(', ')} needs access again`
      : 'ImmyBot Technician Tools',
  });
}
