import { cookieSitePattern } from '../match-pattern';

/** The slice of Chrome's contentSettings API we use; Firefox has none. */
export interface CookieSettingsApi {
  clear(details: object): Promise<void>;
  set(details: { primaryPattern: string; secondaryPattern: string; setting: 'allow' }): Promise<void>;
}

export type CookieAccess = 'applied' | 'no-permission' | 'unsupported';

/**
 * Lets each enabled HaloPSA origin (scheme, host and port) use the cookies of the ImmyBot instance it frames
 * (`instanceFor`: the instance of the site's connection, null for none), so Technician Tools there stays signed
 * in where third-party cookies are blocked. It covers every request to that instance from the site, not only the
 * frame, and no other instance. Starts from a clean slate each time, so a changed instance or a removed address
 * leaves no exception behind.
 */
export async function syncCookieExceptions(
  cookies: CookieSettingsApi | undefined,
  permitted: boolean,
  instanceFor: (siteOrigin: string) => string | null,
  haloOrigins: readonly string[],
): Promise<CookieAccess> {
  if (!cookies) return 'unsupported';
  if (!permitted) return 'no-permission';
  await cookies.clear({});
  const pairs = new Map<string, { primaryPattern: string; secondaryPattern: string }>();
  for (const site of haloOrigins) {
    const instanceOrigin = instanceFor(site);
    const pair = instanceOrigin && { primaryPattern: `${instanceOrigin}/*`, secondaryPattern: cookieSitePattern(site) };
    if (pair) pairs.set(`${pair.primaryPattern} ${pair.secondaryPattern}`, pair);
  }
  for (const pair of pairs.values()) await cookies.set({ ...pair, setting: 'allow' });
  return 'applied';
}
