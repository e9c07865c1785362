/**
 * The match pattern for an origin's host permission and content script. Without the port: Firefox
 * rejects ports in patterns, and a port-less pattern matches every port in both browsers. Whoever
 * uses it checks the exact origin.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Chrome's content-setting pattern for exactly one origin: scheme, host and port. Unlike match
 * patterns these take a port, and one without a port matches every port, so a default-port origin
 * names its port too (`https://acme.halopsa.com:443/*` matches `https://acme.halopsa.com/`, not `:8443`).
 */
export function cookieSitePattern(origin: string): string {
  const url = new URL(origin);
  const port = url.port || DEFAULT_PORTS[url.protocol];
  if (!port) throw new TypeError(`No port for ${origin}`);
  return `${url.protocol}//${url.hostname}:${port}/*`;
}
