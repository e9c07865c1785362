import type { browser as extensionApi } from 'wxt/browser';
import type { HaloOriginAccess } from '../halo/registration';

type Api = typeof extensionApi;

/** The toolbar badge: online computers for the ticket in that tab, nothing elsewhere. */
export function showOnlineComputers(browser: Api, tabId: number | undefined, text: string): void {
  if (tabId !== undefined) void browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
}

/** The toolbar says when a listed HaloPSA site has lost its access (browsers drop it on some updates). */
export function showAccess(browser: Api, { needAccess }: HaloOriginAccess): void {
  void browser.action.setBadgeText({ text: needAccess.length ? '!' : '' });
  void browser.action.setBadgeBackgroundColor({ color: '#c62828' });
  void browser.action.setTitle({
    title: needAccess.length
      ? `ImmyBot Technician Tools — ${needAccess.join(', ')} needs access again`
      : 'ImmyBot Technician Tools',
  });
}
