import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from '../halo/server';

export interface ImmyBotRequest {
  method: string;
  host: string;
  path: string;
  /** performance.now() in this process when the request arrived. */
  at: number;
  /** The Referer header: which page (or extension) asked. */
  referer?: string;
}

const POD_PATH = /^\/technician-pod\/psa\/(\d+)\/ticket\/(\d+)$/;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function podPage(tenant: string, integrationId: string, faultId: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Technician Tools</title>
<style>body{font:14px system-ui;margin:0;padding:12px;background:#fafbfc}h1{font-size:16px;margin:0 0 8px}</style></head>
<body><h1 id="pod-title">Technician Tools — ticket <span id="pod-fault-id">${escape(faultId)}</span></h1>
<p>Showing actions for Ben Castle (Ben.Castle@contoso.com) at ${escape(tenant)}</p>
<p id="pod-integration">HaloPSA integration ${escape(integrationId)}</p>
<h2>Tenant Tasks</h2><h2>Person Tasks</h2><h2>Computers</h2></body></html>`;
}

/** An ImmyBot stand-in: the Technician Tools page for any tenant, with every request recorded. */
export function createImmyBot() {
  const requests: ImmyBotRequest[] = [];
  let podDelayMs = 0;
  const waiters = new Set<{ match: (r: ImmyBotRequest) => boolean; resolve: (r: ImmyBotRequest) => void }>();

  function handler(req: IncomingMessage, res: ServerResponse): void {
    const host = (req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url ?? '/', `https://${host}`);
    const request: ImmyBotRequest = { method: req.method ?? 'GET', host, path: url.pathname, at: performance.now(), referer: req.headers.referer };
    requests.push(request);
    for (const waiter of waiters) if (waiter.match(request)) (waiters.delete(waiter), waiter.resolve(request));

    const pod = POD_PATH.exec(url.pathname);
    if (pod) {
      const page = podPage(host.split('.')[0], pod[1], pod[2]);
      if (podDelayMs === 0) return send(res, 200, 'text/html; charset=utf-8', page, { 'cache-control': 'no-store' });
      // Headers and the first half now, the rest later: the frame commits and then sits loading.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.write(page.slice(0, page.length / 2));
      setTimeout(() => res.end(page.slice(page.length / 2)), podDelayMs);
      return;
    }
    send(res, 404, 'text/plain', 'Not found');
  }

  return {
    handler,
    requests,
    /** Requests for Technician Tools pages, as `<host><path>` strings, in arrival order. */
    podRequests: () => requests.filter((r) => POD_PATH.test(r.path)).map((r) => `https://${r.host}${r.path}`),
    /** Resolves with the first request (from now on) that matches. */
    nextRequest(match: (r: ImmyBotRequest) => boolean, timeoutMs = 10_000): Promise<ImmyBotRequest> {
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (r: ImmyBotRequest) => (clearTimeout(timer), resolve(r)) };
        const timer = setTimeout(() => (waiters.delete(waiter), reject(new Error('No matching ImmyBot request in time'))), timeoutMs);
        waiters.add(waiter);
      });
    },
    /** Makes Technician Tools pages answer slowly, as a busy ImmyBot does. */
    setPodDelay: (ms: number) => void (podDelayMs = ms),
    reset: () => {
      requests.splice(0);
      podDelayMs = 0;
    },
  };
}

export type ImmyBotStandIn = ReturnType<typeof createImmyBot>;
