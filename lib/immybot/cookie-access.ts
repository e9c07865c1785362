import { cookieSitePattern } from '../match-pattern';

/** The slice of Chrome's contentSettings API we use; Firefox has none. */
export interface CookieSettingsApi {
  clear(details: object): Promise<void>;
  set(details: { primaryPattern: string; secondaryPattern: string; setting: 'allow' }): Promise<void>;
}

export type CookieAccess = 'applied' | 'no-permission' | 'unsupported';

/**
 * Lets the ImmyBot instance use its cookies on exactly the enabled HaloPSA origins (scheme, host and
 * port), so Technician Tools framed there stays signed in where third-party cookies are blocked. It
 * covers every request to ImmyBot from those sites, not only the frame. Starts from a clean slate each
 * time, so a changed instance or a removed address leaves no exception behind.
 */
export async function syncCookieExceptions(
  cookies: CookieSettingsApi | undefined,
  permitted: boolean,
  instanceOrigin: string | null,
  haloOrigins: readonly string[],
): Promise<CookieAccess> {
  if (!cookies) return 'unsupported';
  if (!permitted) return 'no-permission';
  await cookies.clear({});
  if (!instanceOrigin) return 'applied';
  for (const secondaryPattern of new Set(haloOrigins.map(cookieSitePattern))) {
    await cookies.set({ primaryPattern: `${instanceOrigin}/*`, secondaryPattern, setting: 'allow' });
  }
  return 'applied';
}
