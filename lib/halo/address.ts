import { IMMYBOT_DOMAIN } from '../immybot/instance';
import { hostedHaloSuffix, isHaloWebsiteHost } from './hosts';

export type HaloAddressResult = { ok: true; origin: string } | { ok: false; error: string };

const EXAMPLE = 'Enter your HaloPSA address, like https://psa.example.com.';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A real, specific host: `localhost`, or two or more DNS labels (no wildcards, no empty labels). */
function isSpecificHost(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  const labels = hostname.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

/** Hosts that are never a self-hosted HaloPSA: hosted tenants (already on), Halo's sites, ImmyBot. */
function isExcludedHost(hostname: string): boolean {
  return hostedHaloSuffix(hostname) !== null || isHaloWebsiteHost(hostname) || hostname === IMMYBOT_DOMAIN || hostname.endsWith(`.${IMMYBOT_DOMAIN}`);
}

/** A canonical self-hosted HaloPSA origin: https (or http on localhost), as `URL.origin` spells it. */
export function isHaloOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const url = new URL(value);
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost');
  return schemeOk && url.origin === value && isSpecificHost(url.hostname) && !isExcludedHost(url.hostname);
}

/**
 * Reads a self-hosted or custom-domain HaloPSA address as people paste it (`psa.example.com`,
 * `https://psa.example.com:8443/`, a ticket URL) and keeps only the origin.
 */
export function parseHaloAddress(input: string): HaloAddressResult {
  const text = input.trim();
  if (text === '') return fail(EXAMPLE);
  if (/\s/.test(text)) return fail('The address cannot contain spaces.');
  if (text.includes('*')) return fail('Wildcards are not allowed: add each HaloPSA address on its own.');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text);
  const candidate = hasScheme ? text : `https://${text}`;
  if (!URL.canParse(candidate)) return fail(`That is not a web address. ${EXAMPLE}`);
  const url = new URL(candidate);
  if (url.protocol === 'http:' && url.hostname !== 'localhost') {
    return fail('HaloPSA must be reached over https:// (plain http:// is only accepted for localhost).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`Only https:// addresses can be added. ${EXAMPLE}`);
  if (url.username || url.password) return fail('Leave out user names and passwords.');
  if (!isSpecificHost(url.hostname)) return fail(`That is not a full host name. ${EXAMPLE}`);
  if (isHaloWebsiteHost(url.hostname)) return fail(`${url.hostname} is Halo’s own website, not a HaloPSA instance.`);
  const suffix = hostedHaloSuffix(url.hostname);
  if (suffix) return fail(`${url.hostname} is a hosted HaloPSA address (${suffix}): it already works without adding it.`);
  if (url.hostname === IMMYBOT_DOMAIN || url.hostname.endsWith(`.${IMMYBOT_DOMAIN}`)) {
    return fail('That is an ImmyBot address. Enter it as the ImmyBot instance above; here goes HaloPSA’s address.');
  }
  return isHaloOrigin(url.origin) ? { ok: true, origin: url.origin } : fail(EXAMPLE);
}

/**
 * The match pattern for an origin's host permission and content script. Without the port: Firefox
 * rejects ports in patterns, and a port-less pattern matches every port in both browsers. The
 * content script then checks the exact origin.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
