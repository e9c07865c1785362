import { browser } from 'wxt/browser';
import type { CookieSettingsApi } from './cookie-access';

const PERMISSION = { permissions: ['contentSettings'] } as const;

/**
 * Whether this build can ask for cookie exceptions at all: the Chrome manifest declares the optional
 * permission, Firefox's cannot. (The API object itself only appears once the permission is granted.)
 */
export function cookieSettingsSupported(): boolean {
  const manifest = browser.runtime.getManifest() as { optional_permissions?: string[]; permissions?: string[] };
  return [...(manifest.optional_permissions ?? []), ...(manifest.permissions ?? [])].includes('contentSettings');
}

/** Chrome's contentSettings.cookies once permitted; undefined before that, and always in Firefox. */
export function cookieSettingsApi(): CookieSettingsApi | undefined {
  return (globalThis as { chrome?: { contentSettings?: { cookies?: CookieSettingsApi } } }).chrome?.contentSettings
    ?.cookies;
}

export function hasCookiePermission(): Promise<boolean> {
  return browser.permissions.contains(PERMISSION as never).catch(() => false);
}

/** Call first thing in a click handler: the prompt needs the user's gesture. */
export function requestCookiePermission(): Promise<boolean> {
  return browser.permissions.request(PERMISSION as never).catch(() => false);
}
