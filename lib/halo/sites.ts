import { isHostedHaloUrl, toUrl } from './hosts';

/**
 * The one trust decision, shared by the background and the content script: Technician Tools acts on
 * a page only when its exact origin is a HaloPSA site the user (or the admin's policy) listed. Hosted
 * domains are shared by every HaloPSA customer, so being hosted earns nothing by itself.
 */
export function isListedSite(url: string | URL | undefined, haloOrigins: readonly string[]): boolean {
  const parsed = url === undefined ? null : toUrl(url);
  return parsed !== null && haloOrigins.includes(parsed.origin);
}

/** Listed sites that are not hosted tenants: they need a host permission and a registered content script. */
export const selfHostedOrigins = (haloOrigins: readonly string[]): string[] =>
  haloOrigins.filter((origin) => !isHostedHaloUrl(origin));

/** Listed hosted tenants: the manifest already grants and scripts them. */
export const hostedOrigins = (haloOrigins: readonly string[]): string[] =>
  haloOrigins.filter((origin) => isHostedHaloUrl(origin));
