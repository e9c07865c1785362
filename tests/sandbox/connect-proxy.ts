import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

/** A hostname pattern (`*.halopsa.com` or an exact host) and the loopback port serving it. */
export type ProxyRoute = [pattern: string, port: number];

const matches = (pattern: string, host: string) =>
  pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;

/**
 * An HTTP CONNECT proxy on loopback: Firefox has no --host-resolver-rules, so its PAC sends every host
 * here and the sandbox hostnames reach their ports; anything else is refused, so no test reaches the internet.
 */
export async function startConnectProxy(
  routes: readonly ProxyRoute[],
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => res.writeHead(403).end('Only CONNECT to sandbox hosts.'));
  // Tunnels leave the HTTP server's bookkeeping once CONNECT succeeds: keep them to end them on close.
  const tunnels = new Set<{ destroy(): void }>();
  server.on('connect', (req, client, head) => {
    // Any port, as Chromium's resolver rules map a host whatever its port (self-hosted addresses may carry one).
    const host = (req.url ?? '').replace(/:\d+$/, '');
    const route = routes.find(([pattern]) => matches(pattern, host));
    if (!route) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(route[1], '127.0.0.1', () => {
      tunnels.add(client).add(upstream);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    // A closed tab or a closing browser resets sockets: end the other side quietly.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const socket of tunnels) socket.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
