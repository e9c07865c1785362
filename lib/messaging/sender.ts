import { isHostedHaloUrl } from '../halo/hosts';
import { isListedSite } from '../halo/sites';

/** The parts of runtime.MessageSender we check; the same in Chrome and Firefox. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Who sent a message: one of our extension pages, our content script on a listed HaloPSA site, our
 * content script on a hosted tenant nobody listed (it may only offer to be turned on), or anyone else.
 */
export type SenderRole = 'extension-page' | 'listed-site' | 'unlisted-hosted' | 'untrusted';

export interface SenderContext {
  ownId: string;
  /** `runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  ownBaseUrl: string;
  haloOrigins: readonly string[];
}

export function senderRole(sender: SenderInfo, { ownId, ownBaseUrl, haloOrigins }: SenderContext): SenderRole {
  if (sender.id !== ownId || !sender.url) return 'untrusted';
  if (sender.url.startsWith(ownBaseUrl)) return 'extension-page';
  if (sender.tab === undefined) return 'untrusted';
  if (isListedSite(sender.url, haloOrigins)) return 'listed-site';
  return isHostedHaloUrl(sender.url) ? 'unlisted-hosted' : 'untrusted';
}
