import { isHostedHaloUrl } from '../halo/hosts';

/** The parts of runtime.MessageSender we check; the same in Chrome and Firefox. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Only our own extension pages, and our content script in a HaloPSA tab, may talk to the background.
 * `ownBaseUrl` is `runtime.getURL('')`, e.g. `chrome-extension://<id>/`.
 */
export function isTrustedSender(
  sender: SenderInfo,
  ownId: string,
  ownBaseUrl: string,
  isHaloPage: (url: string) => boolean = isHostedHaloUrl,
  /** False for requests only extension pages may make (options, popup). */
  contentScriptMayAsk = true,
): boolean {
  if (sender.id !== ownId || !sender.url) return false;
  if (sender.url.startsWith(ownBaseUrl)) return true;
  return contentScriptMayAsk && sender.tab !== undefined && isHaloPage(sender.url);
}
