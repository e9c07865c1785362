import { originPattern } from '../match-pattern';

/** The slice of Chrome's contentSettings API we use; Firefox has none. */
export interface CookieSettingsApi {
  clear(details: object): Promise<void>;
  set(details: { primaryPattern: string; secondaryPattern: string; setting: 'allow' }): Promise<void>;
}

export type CookieAccess = 'applied' | 'no-permission' | 'unsupported';

/**
 * Lets exactly the ImmyBot instance use its cookies when framed by exactly the enabled HaloPSA
 * origins, so Technician Tools stays signed in where third-party cookies are blocked. Starts from
 * a clean slate each time, so a changed instance or a removed address leaves no exception behind.
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
  for (const secondaryPattern of new Set(haloOrigins.map(originPattern))) {
    await cookies.set({ primaryPattern: `${instanceOrigin}/*`, secondaryPattern, setting: 'allow' });
  }
  return 'applied';
}
