import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

const asset = (name: string) => readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8');
const APP_JS = asset('./app.js');
const APP_CSS = asset('./app.css');
const HOSTILE_CSS = asset('./hostile.css');

/**
 * Tenants with special behaviour, chosen by the first label of the host so every test still uses
 * a real-looking HaloPSA URL: `strict.halopsa.com` sends a strict CSP, `hostile.halopsa.com` ships
 * CSS that attacks injected UI, `dark.halopsa.com` uses Halo's dark theme, `hidden.example.test`
 * hides /api/instanceinfo like a locked-down self-hosted instance.
 */
function variant(host: string) {
  const tenant = host.split('.')[0];
  return {
    strict: tenant === 'strict',
    hostile: tenant === 'hostile',
    dark: tenant === 'dark',
    hidesInfo: tenant === 'hidden',
  };
}

function shell(host: string): string {
  const v = variant(host);
  return `<!doctype html>
<html lang="en"${v.dark ? ' class="theme-dark"' : ''}>
<head>
<meta charset="utf-8"><title>HaloPSA</title>
<link rel="stylesheet" href="/app.css">${v.hostile ? '\n<link rel="stylesheet" href="/hostile.css">' : ''}
</head>
<body>
<div id="halo-nav">HaloPSA <span id="tenant">${host}</span></div>
<div class="app-container">
  <nav><a href="/tickets?area=1">Tickets</a><a href="/ticket?id=2152">Ticket 2152</a><a href="/customers?clientid=12">Customers</a></nav>
  <div id="maincontent"><h1 id="page-title"></h1><main id="main"></main></div>
</div>
<script src="/app.js"></script>
</body>
</html>`;
}

/** Serves the HaloPSA-like agent app for every path, as HaloPSA's SPA does. */
export function haloHandler(req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? 'unknown').split(':')[0];
  const url = new URL(req.url ?? '/', `https://${host}`);
  const v = variant(host);
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (v.strict) {
    headers['content-security-policy'] =
      "default-src 'self'; script-src 'self'; style-src 'self'; frame-src 'self'; img-src 'self'";
  }
  if (url.pathname === '/app.js') return send(res, 200, 'text/javascript', APP_JS, headers);
  if (url.pathname === '/app.css') return send(res, 200, 'text/css', APP_CSS, headers);
  if (url.pathname === '/hostile.css') return send(res, 200, 'text/css', HOSTILE_CSS, headers);
  if (url.pathname === '/favicon.ico') return send(res, 404, 'text/plain', '', headers);
  if (url.pathname === '/api/instanceinfo') {
    if (v.hidesInfo) return send(res, 404, 'application/json', '{"error":"Not found"}', headers);
    const info = {
      tenant_id: `${host.split('.')[0]}-tenant`,
      agent_url: `https://${req.headers.host}`,
      version: '2.190.1',
    };
    return send(res, 200, 'application/json', JSON.stringify(info), headers);
  }
  send(res, 200, 'text/html; charset=utf-8', shell(host), headers);
}

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}
