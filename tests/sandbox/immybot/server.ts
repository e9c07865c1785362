import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from '../halo/server';
import { podPage, signInPage, signedInPage } from './pages';

export interface ImmyBotRequest {
  method: string;
  host: string;
  path: string;
  /** performance.now() in this process when the request arrived. */
  at: number;
  /** Whether the request carried a valid ImmyBot session cookie. */
  signedIn: boolean;
  /** Its Sec-Fetch-Dest (`iframe` for a frame, `document` top-level, `empty` for fetch), if sent. */
  dest?: string;
}

/** How the stand-in answers one ticket lookup instead of the default. */
export interface TicketAnswer {
  status?: number;
  /** Raw body (so malformed JSON can be sent); default: the usual ticket JSON. */
  body?: string;
  delayMs?: number;
  /** Sent in 64 KB chunks without a Content-Length (the default sends one). */
  chunked?: boolean;
}

export const SESSION_COOKIE = 'immybot_session';
export const INTEGRATIONS: Record<number, { name: string; healthStatus: string }> = {
  619: { name: 'HaloPSA', healthStatus: 'Healthy' },
  42: { name: 'HaloPSA (contoso)', healthStatus: 'Healthy' },
  77: { name: 'HaloPSA (lab)', healthStatus: 'Unhealthy' },
  // A sandbox HaloPSA tenant's own integration: its tickets are other people's (SANDBOX_PEOPLE).
  620: { name: 'HaloPSA (sandbox)', healthStatus: 'Healthy' },
};
export const USER = {
  userId: 7,
  email: 'jane.tech@msp.example',
  displayName: 'Jane Tech',
  firstName: 'Jane',
  lastName: 'Tech',
  isAdmin: true,
  isMSP: true,
  tenantId: 1,
  personId: 2,
};
const PEOPLE: Record<number, string> = { 2152: 'Ben Castle', 2820: 'Dana Ruiz', 3001: 'Eli Park', 3002: 'Fay Moss' };
/** Integration 620 (the sandbox tenant's): the same ticket numbers are other tickets, about other people. */
export const SANDBOX_INTEGRATION_ID = 620;
const SANDBOX_PEOPLE: Record<number, string> = { 2152: 'Sandy Beach' };

/** What ImmyBot resolves for a ticket of an integration (DOMAIN.md's documented shape). */
export function ticketJson(faultId: number, integrationId = 619) {
  const sandbox = integrationId === SANDBOX_INTEGRATION_ID;
  const name = (sandbox ? SANDBOX_PEOPLE : PEOPLE)[faultId] ?? `Person ${faultId}`;
  return {
    computers: [
      { computerId: 12, computerName: `DESKTOP-${faultId}`, isOnline: true },
      { computerId: 13, computerName: `LAPTOP-${faultId}`, isOnline: false },
    ],
    personId: 40,
    personName: name,
    tenantId: sandbox ? 4 : 3,
    tenantName: sandbox ? 'Sandbox Testing Co' : 'Acorn Construction',
    ticketClientId: '27',
    ticketEmailAddress: `${name.replace(' ', '.')}@contoso.com`,
  };
}

const POD_PATH = /^\/technician-pod\/psa\/(\d+)\/ticket\/(\d+)$/;
const LINK_PATH = /^\/api\/v1\/provider-links\/(\d+)$/;
const TICKET_PATH = /^\/api\/v1\/provider-links\/(\d+)\/tickets\/(\d+)$/;

/**
 * An ImmyBot stand-in: a top-level sign-in that sets a `SameSite=None; Secure` session cookie, the
 * API the background calls (401 without that cookie), and the Technician Tools page, which says
 * whether it got the cookie. Every request is recorded.
 */
export function createImmyBot() {
  const requests: ImmyBotRequest[] = [];
  const sessions = new Set<string>();
  const ticketAnswers = new Map<number, TicketAnswer>();
  let podDelayMs = 0;
  const waiters = new Set<{ match: (r: ImmyBotRequest) => boolean; resolve: (r: ImmyBotRequest) => void }>();

  function handler(req: IncomingMessage, res: ServerResponse): void {
    // Nothing of the stand-in's is cached: every test sees its own answers (resetToFreshInstall clears no cache).
    res.setHeader('cache-control', 'no-store');
    const host = (req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url ?? '/', `https://${host}`);
    const token = /(?:^|;\s*)immybot_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const signedIn = token !== undefined && sessions.has(token);
    const request: ImmyBotRequest = {
      method: req.method ?? 'GET',
      host,
      path: url.pathname,
      at: performance.now(),
      signedIn,
      dest: req.headers['sec-fetch-dest'] as string | undefined,
    };
    requests.push(request);
    for (const waiter of waiters) if (waiter.match(request)) waiters.delete(waiter), waiter.resolve(request);
    const json = (status: number, body: unknown) =>
      send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

    const pod = POD_PATH.exec(url.pathname);
    if (pod) {
      const page = podPage(host.split('.')[0], pod[1], pod[2], signedIn ? USER.displayName : null);
      if (podDelayMs === 0) return send(res, 200, 'text/html; charset=utf-8', page, { 'cache-control': 'no-store' });
      // Headers and the first half now, the rest later: the frame commits and then sits loading.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.write(page.slice(0, page.length / 2));
      setTimeout(() => res.end(page.slice(page.length / 2)), podDelayMs);
      return;
    }
    if ((url.pathname === '/' || url.pathname === '/login') && req.method === 'GET') {
      return send(res, 200, 'text/html; charset=utf-8', signedIn ? signedInPage(USER.displayName) : signInPage());
    }
    if (url.pathname === '/login' && req.method === 'POST') {
      const session = issueSession();
      res.writeHead(303, {
        location: '/',
        'set-cookie': `${SESSION_COOKIE}=${session}; Path=/; Secure; HttpOnly; SameSite=None`,
      });
      return void res.end();
    }
    if (url.pathname.startsWith('/api/')) {
      // `sso.immy.bot` and `entra.immy.bot` answer a signed-out API call as some deployments do: with a
      // redirect to a login page on the same origin, or to Microsoft's sign-in.
      if (!signedIn && host.startsWith('sso.'))
        return void res.writeHead(302, { location: '/login?returnUrl=%2F' }).end();
      if (!signedIn && host.startsWith('entra.')) {
        return void res
          .writeHead(302, { location: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize' })
          .end();
      }
      if (!signedIn) return json(401, { message: 'Unauthorized' });
      if (url.pathname === '/api/v1/auth') return json(200, USER);
      const link = LINK_PATH.exec(url.pathname);
      if (link) {
        const integration = INTEGRATIONS[Number(link[1])];
        return integration
          ? json(200, { id: Number(link[1]), ...integration, disabled: false, providerTypeId: 'halo' })
          : json(404, {});
      }
      const ticket = TICKET_PATH.exec(url.pathname);
      if (ticket) {
        if (!INTEGRATIONS[Number(ticket[1])]) return json(404, {});
        const faultId = Number(ticket[2]);
        const answer = ticketAnswers.get(faultId) ?? {};
        const body = answer.body ?? JSON.stringify(ticketJson(faultId, Number(ticket[1])));
        const respond = () =>
          answer.chunked
            ? sendChunked(res, answer.status ?? 200, body)
            : send(res, answer.status ?? 200, 'application/json; charset=utf-8', body);
        return void (answer.delayMs ? setTimeout(respond, answer.delayMs) : respond());
      }
    }
    send(res, 404, 'text/plain', 'Not found');
  }

  function issueSession(): string {
    const session = randomBytes(16).toString('hex');
    sessions.add(session);
    return session;
  }

  return {
    handler,
    requests,
    /** Technician Tools pages requested, as full URLs, in arrival order. */
    podRequests: () => requests.filter((r) => POD_PATH.test(r.path)).map((r) => `https://${r.host}${r.path}`),
    /** API requests for one ticket's lookup. */
    ticketLookups: (faultId: number) =>
      requests.filter((r) => r.path.endsWith(`/tickets/${faultId}`) && r.path.startsWith('/api/')),
    /** A valid session, for tests that start signed in (add it as the `immybot_session` cookie). */
    issueSession,
    /** Answers one ticket's lookup differently (status, raw body, delay). */
    answerTicket: (faultId: number, answer: TicketAnswer) => void ticketAnswers.set(faultId, answer),
    /** Resolves with the first request (from now on) that matches. */
    nextRequest(match: (r: ImmyBotRequest) => boolean, timeoutMs = 10_000): Promise<ImmyBotRequest> {
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (r: ImmyBotRequest) => (clearTimeout(timer), resolve(r)) };
        const timer = setTimeout(
          () => (waiters.delete(waiter), reject(new Error('No matching ImmyBot request in time'))),
          timeoutMs,
        );
        waiters.add(waiter);
      });
    },
    /** Makes Technician Tools pages answer slowly, as a busy ImmyBot does. */
    setPodDelay: (ms: number) => {
      podDelayMs = ms;
    },
    reset: () => {
      requests.splice(0);
      sessions.clear();
      ticketAnswers.clear();
      podDelayMs = 0;
    },
  };
}

export type ImmyBotStandIn = ReturnType<typeof createImmyBot>;

/** Writes the body in 64 KB chunks as the client reads them, with no Content-Length; stops if the client leaves. */
function sendChunked(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  const bytes = Buffer.from(body);
  let offset = 0;
  const next = () => {
    while (offset < bytes.length && !res.destroyed) {
      const chunk = bytes.subarray(offset, offset + 65_536);
      offset += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', next);
    }
    if (!res.destroyed) res.end();
  };
  next();
}
