import { sameConnection } from '../immybot/connection';
import type { Problem } from '../immybot/problems';
import type { Settings } from '../settings/schema';
import { connectionForSite } from '../settings/site-connections';

export const SITE_REMOVED: Problem = { kind: 'site-removed', message: 'This site is no longer on your list.' };
export const SETTINGS_CHANGED: Problem = {
  kind: 'settings-changed',
  message: 'The ImmyBot connection changed while this ticket was being looked up.',
  action: 'retry',
};

/**
 * Whether a lookup started under `before` may still be shown and counted now that the settings are
 * `after`; if not, the refusal to answer with instead. A lookup is out for up to ten seconds, long
 * enough for its site to leave the list or its connection (its own, or the default) to change. `siteOrigin` is
 * the HaloPSA site the lookup is for, worked out by the caller; null for an asker that named none.
 */
export function lateLookupRefusal(before: Settings, after: Settings, siteOrigin: string | null): Problem | null {
  if (siteOrigin !== null && !after.haloOrigins.includes(siteOrigin)) return SITE_REMOVED;
  // The connection this site's lookup used: its own, or the default.
  const [used, now] = [connectionForSite(before, siteOrigin), connectionForSite(after, siteOrigin)];
  return used && now && sameConnection(used, now) ? null : SETTINGS_CHANGED;
}
