import { IMMYBOT_DOMAIN } from '../domains';
import { parseId } from '../ids';
import { parseUrl } from '../url';

export const IMMYBOT_MATCH = `https://*.${IMMYBOT_DOMAIN}/*`;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const INSTANCE_ORIGIN = new RegExp(`^https://${LABEL}\\.immy\\.bot$`);
const INSTANCE_HOST = new RegExp(`^${LABEL}\\.immy\\.bot$`);
const TENANT = new RegExp(`^${LABEL}$`);
// Pages whose URL names the integration: the Technician Tools template and the integration settings.
const INTEGRATION_IN_PATH = /^\/(?:technician-pod\/psa\/([^/]+)(?:\/|$)|settings\/integrations\/([^/]+)\/?$)/;

/** True for a canonical instance origin such as `https://acme.immy.bot`. */
export function isInstanceOrigin(value: unknown): value is string {
  // The URL round trip rejects labels that look right but no browser loads (e.g. bad punycode `xn--a`).
  return typeof value === 'string' && INSTANCE_ORIGIN.test(value) && parseUrl(value)?.origin === value;
}

export type InstanceResult =
  | { ok: true; instanceOrigin: string; integrationId?: number }
  | { ok: false; error: string };

const EXAMPLE = 'Enter your ImmyBot address, like acme or https://acme.immy.bot.';

/**
 * Reads what people type for their instance: `acme`, `acme.immy.bot`, `https://ACME.immy.bot/`,
 * or a pasted Technician Tools URL (which also yields the integration id).
 */
export function parseInstance(input: string): InstanceResult {
  const text = input.trim();
  if (text === '') return fail(EXAMPLE);
  if (/\s/.test(text)) return fail('The address cannot contain spaces.');
  if (TENANT.test(text.toLowerCase())) {
    const instanceOrigin = `https://${text.toLowerCase()}.${IMMYBOT_DOMAIN}`;
    return isInstanceOrigin(instanceOrigin)
      ? { ok: true, instanceOrigin }
      : fail(`${text} is not a valid ImmyBot name.`);
  }

  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  const url = parseUrl(hasScheme ? text : `https://${text}`);
  if (!url) return fail(EXAMPLE);
  if (url.protocol === 'http:') return fail(`ImmyBot only answers on https:// — use https://${url.hostname}.`);
  if (url.protocol !== 'https:') return fail(EXAMPLE);
  if (url.username || url.password || url.port) return fail(`Leave out user names, passwords and ports: ${EXAMPLE}`);
  if (!INSTANCE_HOST.test(url.hostname)) {
    return fail(`${url.hostname} is not an ImmyBot instance: the address must be <name>.immy.bot.`);
  }

  const instanceOrigin = `https://${url.hostname}`;
  if (!isInstanceOrigin(instanceOrigin)) return fail(`${url.hostname} is not a valid ImmyBot address.`);
  const match = INTEGRATION_IN_PATH.exec(url.pathname);
  const idText = match?.[1] ?? match?.[2];
  if (idText === undefined) return { ok: true, instanceOrigin };
  // Digits only, never decoded: `%36` is not how anyone writes an id, and a stray `%` must not throw.
  const integrationId = parseId(idText);
  return integrationId === null
    ? fail('The integration number in that URL is not a valid Integration ID.')
    : { ok: true, instanceOrigin, integrationId };
}

export type IntegrationIdResult = { ok: true; integrationId: number } | { ok: false; error: string };

/** The integration ("provider link") id: a whole number from 1 to 2147483647. */
export function parseIntegrationId(input: string): IntegrationIdResult {
  if (input.trim() === '') return fail('Enter the Integration ID (the number in ImmyBot’s integration URL, e.g. 619).');
  const integrationId = parseId(input);
  return integrationId === null
    ? fail('The Integration ID is a whole number from 1 to 2147483647.')
    : { ok: true, integrationId };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
