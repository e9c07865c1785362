import { parseUrl } from '../../../lib/url';

/**
 * Chrome match-pattern semantics, enough for these tests: `*.x` also matches `x`; a pattern without
 * a port matches every port (Chrome and Firefox both do this; Firefox rejects ports in patterns).
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (scheme === '*' ? !/^https?:$/.test(parsed.protocol) : parsed.protocol !== `${scheme}:`) return false;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.')
      ? parsed.hostname === host.slice(2) || parsed.hostname.endsWith(host.slice(1))
      : parsed.hostname === host);
  const pathRegex = new RegExp(
    `^${path
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return hostOk && pathRegex.test(parsed.pathname + parsed.search);
}
