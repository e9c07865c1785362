import { isHostedHaloUrl } from '../halo/hosts';
import { isListedSite } from '../halo/sites';

/** The parts of runtime.MessageSender we check; the same in Chrome and Firefox. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Who sent a message: one of our extension pages at the top of its tab or window (options, popup, side panel,
 * sign-in and consent windows), our pane's page framed into a HaloPSA tab (a page there can steer a real click onto
 * it, so it never grants trust), our content script on a listed HaloPSA site, our content script on a hosted tenant
 * nobody listed, or anyone else.
 */
export type SenderRole = 'extension-page' | 'framed-page' | 'listed-site' | 'unlisted-hosted' | 'untrusted';

export interface SenderContext {
  ownId: string;
  /** `runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  ownBaseUrl: string;
  haloOrigins: readonly string[];
}

export function senderRole(sender: SenderInfo, { ownId, ownBaseUrl, haloOrigins }: SenderContext): SenderRole {
  if (sender.id !== ownId || !sender.url) return 'untrusted';
  // A web-accessible page opened by its per-session URL (Chrome's use_dynamic_url) has another host than the id.
  if (sender.url.startsWith(ownBaseUrl) || DYNAMIC_URL.test(sender.url))
    return framingPageUrl(sender) === undefined ? 'extension-page' : 'framed-page';
  if (sender.tab === undefined) return 'untrusted';
  if (isListedSite(sender.url, haloOrigins)) return 'listed-site';
  return isHostedHaloUrl(sender.url) ? 'unlisted-hosted' : 'untrusted';
}

/** Chrome's per-session address of a web-accessible page (use_dynamic_url): a GUID where the extension id stands. */
const DYNAMIC_URL = /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//;

/**
 * The HaloPSA page an extension page is framed in (the pane's own page): its tab's top-level URL, as the browser
 * reports it. Undefined for a top-level extension page or anything else; only meaningful for a 'framed-page' sender.
 */
export function framingPageUrl(sender: SenderInfo): string | undefined {
  return sender.frameId !== undefined && sender.frameId > 0 ? sender.tab?.url : undefined;
}
