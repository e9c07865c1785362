/**
 * The match pattern for an origin's host permission, content script and cookie exception. Without
 * the port: Firefox rejects ports in patterns, and a port-less pattern matches every port in both
 * browsers. Whoever uses it checks the exact origin.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
