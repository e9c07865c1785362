import { parseUrl } from '../url';

/** Domains under which Halo hosts tenants (`<tenant>.halopsa.com`, ...). */
export const HOSTED_HALO_SUFFIXES = [
  'halopsa.com',
  'haloitsm.com',
  'haloservicedesk.com',
  'trial.usehalo.com',
] as const;

/** Match patterns for the content script and host permissions. */
export const HOSTED_HALO_MATCHES = HOSTED_HALO_SUFFIXES.map((suffix) => `https://*.${suffix}/*`);

/** `*.halopsa.com` also matches the bare marketing/docs sites; never inject there. */
export const HOSTED_HALO_EXCLUDES = HOSTED_HALO_SUFFIXES.flatMap((suffix) => [
  `https://${suffix}/*`,
  `https://www.${suffix}/*`,
]);

const TENANT_PREFIX = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/** The hosted suffix a hostname sits under, or null. */
export function hostedHaloSuffix(hostname: string): string | null {
  const host = hostname.toLowerCase();
  for (const suffix of HOSTED_HALO_SUFFIXES) {
    if (!host.endsWith(`.${suffix}`)) continue;
    const tenant = host.slice(0, -suffix.length - 1);
    return TENANT_PREFIX.test(tenant) && tenant !== 'www' ? suffix : null;
  }
  return null;
}

/** Halo's own marketing and documentation sites: a hosted suffix itself, or its `www.`. */
export function isHaloWebsiteHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return HOSTED_HALO_SUFFIXES.some((suffix) => host === suffix || host === `www.${suffix}`);
}

/** True for `https://<tenant>.<hosted suffix>` origins, false for the bare sites and anything else. */
export function isHostedHaloUrl(url: string | URL): boolean {
  const parsed = toUrl(url);
  return parsed?.protocol === 'https:' && parsed.port === '' && hostedHaloSuffix(parsed.hostname) !== null;
}

export function toUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  return parseUrl(url);
}
