import { isImmyBotHost } from '../domains';
import { parseUrl } from '../url';
import { hostedHaloSuffix, isHaloWebsiteHost, isHostedHaloUrl } from './hosts';

export type HaloAddressResult = { ok: true; origin: string } | { ok: false; error: string };

const EXAMPLE = 'Enter your HaloPSA site, like acme.halopsa.com or https://psa.example.com.';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A real, specific host: `localhost`, or two or more DNS labels (no wildcards, no empty labels). */
function isSpecificHost(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  const labels = hostname.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

/**
 * A canonical HaloPSA site origin, as `URL.origin` spells it: a hosted tenant (`https://acme.halopsa.com`,
 * no port) or a self-hosted instance (https, or http on localhost). Never Halo's own sites or ImmyBot.
 */
export function isHaloOrigin(value: unknown): value is string {
  const url = typeof value === 'string' ? parseUrl(value) : null;
  if (!url || url.origin !== value) return false;
  if (hostedHaloSuffix(url.hostname) !== null) return isHostedHaloUrl(url);
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost');
  return schemeOk && isSpecificHost(url.hostname) && !isHaloWebsiteHost(url.hostname) && !isImmyBotHost(url.hostname);
}

/**
 * Reads a HaloPSA site as people paste it (`acme.halopsa.com`, `psa.example.com`,
 * `https://psa.example.com:8443/`, a ticket URL) and keeps only the origin.
 */
export function parseHaloAddress(input: string): HaloAddressResult {
  const text = input.trim();
  if (text === '') return fail(EXAMPLE);
  if (/\s/.test(text)) return fail('The address cannot contain spaces.');
  if (text.includes('*')) return fail('Wildcards are not allowed: add each HaloPSA site on its own.');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text);
  const candidate = hasScheme ? text : `https://${text}`;
  const url = parseUrl(candidate);
  if (!url) return fail(`That is not a web address. ${EXAMPLE}`);
  if (url.protocol === 'http:' && url.hostname !== 'localhost') {
    return fail('HaloPSA must be reached over https:// (plain http:// is only accepted for localhost).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return fail(`Only https:// addresses can be added. ${EXAMPLE}`);
  if (url.username || url.password) return fail('Leave out user names and passwords.');
  if (!isSpecificHost(url.hostname)) return fail(`That is not a full host name. ${EXAMPLE}`);
  if (isHaloWebsiteHost(url.hostname)) return fail(`${url.hostname} is Halo’s own website, not a HaloPSA instance.`);
  const suffix = hostedHaloSuffix(url.hostname);
  if (suffix && (url.protocol !== 'https:' || url.port !== '')) {
    return fail(`Hosted HaloPSA (${suffix}) is reached at https://${url.hostname}, without a port.`);
  }
  if (isImmyBotHost(url.hostname)) {
    return fail('That is an ImmyBot address. Enter it as the ImmyBot instance above; here goes HaloPSA’s address.');
  }
  return isHaloOrigin(url.origin) ? { ok: true, origin: url.origin } : fail(EXAMPLE);
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
