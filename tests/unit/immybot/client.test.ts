import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createImmyBotClient,
  ImmyBotError,
  type ImmyBotClient,
  type ImmyBotFailure,
  MAX_ANSWER_BYTES,
} from '../../../lib/immybot/client';
import { AUTH_USER, TICKET_EXAMPLE } from './examples';

const ORIGIN = 'https://acme.immy.bot';

const LINK_JSON = {
  id: 619,
  name: 'HaloPSA',
  disabled: false,
  healthStatus: 'Healthy',
  healthStatusMessage: null,
  providerTypeId: '6e2fbd6e-7f8a-4a3d-9d8e-3b1b5f0e6a11',
  providerCapabilities: ['ISupportsTicketing'],
};

type FetchFn = typeof fetch;
type FakeFetch = ReturnType<typeof vi.fn<FetchFn>>;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const networkError = () => Promise.reject(new TypeError('Failed to fetch'));

/**
 * What a browser's fetch gives for `redirect: 'manual'`: a filtered response of type
 * "opaqueredirect" with status 0 and no headers (Response cannot be built with status 0).
 */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(response, 'status', { value: 0 });
  Object.defineProperty(response, 'ok', { value: false });
  Object.defineProperty(response, 'statusText', { value: '' });
  return response;
}

/** A fetch that answers each call from the list in order (the last one repeats). */
function fakeFetch(...answers: Array<() => Promise<Response> | Response>): FakeFetch {
  let call = 0;
  return vi.fn<FetchFn>(async () => answers[Math.min(call++, answers.length - 1)]!());
}

/** A fetch that never answers, but rejects like a browser's when its signal aborts. */
function hangingFetch(rejectWith: (signal: AbortSignal) => unknown = (signal) => signal.reason): FakeFetch {
  return vi.fn<FetchFn>(
    (_input, init) =>
      new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        if (!signal) return; // no signal: hang forever (the test then times out, which is the failure)
        if (signal.aborted) reject(rejectWith(signal));
        signal.addEventListener('abort', () => reject(rejectWith(signal)));
      }),
  );
}

const urlOf = (input: Parameters<FetchFn>[0]) => (input instanceof Request ? input.url : String(input));
const requestedUrls = (fetch: FakeFetch) => fetch.mock.calls.map(([input]) => urlOf(input));

async function failureOf(promise: Promise<unknown>): Promise<ImmyBotError> {
  const error = await promise.then(
    () => expect.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImmyBotError);
  return error as ImmyBotError;
}

/**
 * The client under test with `fetch` injected. The same fake also stands in for the global fetch, so
 * these tests never reach the network and check the client's behaviour whichever fetch it ends up
 * calling; 'uses the injected fetch' below checks the injection itself.
 */
function clientWith(fetch: FakeFetch, timeoutMs?: number, origin = ORIGIN): ImmyBotClient {
  vi.stubGlobal('fetch', fetch);
  return createImmyBotClient(origin, { fetch, ...(timeoutMs !== undefined && { timeoutMs }) });
}

/** Anything that slips past the fakes fails loudly instead of going to the network. */
const unexpectedFetch = vi.fn<FetchFn>(() => Promise.reject(new Error('unexpected global fetch')));
beforeEach(() => {
  unexpectedFetch.mockClear();
  vi.stubGlobal('fetch', unexpectedFetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

interface Call {
  name: string;
  call: (client: ImmyBotClient) => Promise<unknown>;
  url: string;
  body: unknown;
}
const CALLS: Call[] = [
  { name: 'auth()', call: (c) => c.auth(), url: `${ORIGIN}/api/v1/auth`, body: AUTH_USER },
  {
    name: 'providerLink(619)',
    call: (c) => c.providerLink(619),
    url: `${ORIGIN}/api/v1/provider-links/619`,
    body: LINK_JSON,
  },
  {
    name: 'ticket(619, 2152)',
    call: (c) => c.ticket(619, 2152),
    url: `${ORIGIN}/api/v1/provider-links/619/tickets/2152`,
    body: TICKET_EXAMPLE,
  },
];

describe('createImmyBotClient', () => {
  it.each([
    'https://acme.immy.bot/',
    'https://ACME.immy.bot',
    'http://acme.immy.bot',
    'https://acme.immy.bot:8443',
    'https://immy.bot',
    'https://acme.immy.bot.evil.test',
    'https://evil.test',
    'acme',
    'acme.immy.bot',
    '',
  ])('throws a TypeError for the non-instance origin %j', (origin) => {
    expect(() => createImmyBotClient(origin, { fetch: fakeFetch(() => json({})) })).toThrow(TypeError);
  });

  it('accepts a canonical instance origin without fetching anything', () => {
    const fetch = fakeFetch(() => json({}));
    expect(() => createImmyBotClient('https://my-shop2.immy.bot', { fetch })).not.toThrow();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('requests', () => {
  it('uses the injected fetch, not the global one', async () => {
    // ClientOptions.fetch is the client's documented injection point; the global fetch stays a rejecting spy here.
    const fetch = fakeFetch(() => json(AUTH_USER));
    const client = createImmyBotClient(ORIGIN, { fetch });
    const outcome = await client.auth().then(
      (user) => ({ user }),
      (error: unknown) => ({ error: error instanceof ImmyBotError ? error.failure : String(error) }),
    );
    expect({ injected: fetch.mock.calls.length, global: unexpectedFetch.mock.calls.length }).toEqual({
      injected: 1,
      global: 0,
    });
    expect(outcome).toEqual({ user: AUTH_USER });
  });

  it.each(CALLS)(
    '$name requests exactly $url once, with the browser cookies and a JSON accept header',
    async ({ call, url, body }) => {
      const fetch = fakeFetch(() => json(body));
      await call(clientWith(fetch));

      expect(requestedUrls(fetch)).toEqual([url]);
      const init = fetch.mock.calls[0]![1];
      expect(init?.credentials).toBe('include');
      expect(init?.method ?? 'GET').toBe('GET');
      expect(new Headers(init?.headers).get('accept')).toBe('application/json');
    },
  );

  it('uses the instance the client was made for', async () => {
    const fetch = fakeFetch(() => json(TICKET_EXAMPLE));
    await clientWith(fetch, undefined, 'https://other-msp.immy.bot').ticket(1, 2147483647);
    expect(requestedUrls(fetch)).toEqual(['https://other-msp.immy.bot/api/v1/provider-links/1/tickets/2147483647']);
  });

  it.each(CALLS)('$name asks fetch not to follow redirects (redirect: manual)', async ({ call, body }) => {
    const fetch = fakeFetch(() => json(body));
    await call(clientWith(fetch));
    expect(fetch.mock.calls[0]![1]?.redirect).toBe('manual');
  });

  it('passes a signal so the request can time out', async () => {
    const fetch = fakeFetch(() => json(AUTH_USER));
    await clientWith(fetch, 5_000).auth();
    expect(fetch.mock.calls[0]![1]?.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('answers', () => {
  it('auth() returns the validated user', async () => {
    const client = clientWith(fakeFetch(() => json({ ...AUTH_USER, secret: 'x' })));
    await expect(client.auth()).resolves.toEqual(AUTH_USER);
  });

  it('providerLink() returns the validated integration', async () => {
    const client = clientWith(fakeFetch(() => json(LINK_JSON)));
    await expect(client.providerLink(619)).resolves.toEqual(LINK_JSON);
  });

  it('ticket() returns the validated ticket info', async () => {
    const client = clientWith(fakeFetch(() => json(TICKET_EXAMPLE)));
    await expect(client.ticket(619, 2152)).resolves.toEqual(TICKET_EXAMPLE);
  });

  it('reads JSON whatever content type the server claims', async () => {
    const fetch = fakeFetch(
      () => new Response(JSON.stringify(TICKET_EXAMPLE), { headers: { 'content-type': 'text/plain' } }),
    );
    await expect(clientWith(fetch).ticket(619, 2152)).resolves.toEqual(TICKET_EXAMPLE);
  });
});

describe('failures', () => {
  it.each<[number, ImmyBotFailure]>([
    [401, 'signed-out'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [418, 'unavailable'],
    [429, 'unavailable'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [504, 'unavailable'],
  ])('HTTP %d → %s, after exactly one request', async (status, failure) => {
    const fetch = fakeFetch(() => json({ title: 'nope' }, status));
    const error = await failureOf(clientWith(fetch).ticket(619, 2152));
    expect(error.failure).toBe(failure);
    expect(error.status).toBe(status);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([301, 302, 303, 307, 308])(
    'a same-origin redirect to the login page (HTTP %d) → signed-out, after one request, not followed',
    async (status) => {
      const fetch = fakeFetch(
        () => new Response(null, { status, headers: { location: `${ORIGIN}/login?returnUrl=%2Fapi%2Fv1%2Fauth` } }),
        () => expect.fail('the redirect was followed'),
      );
      const error = await failureOf(clientWith(fetch).auth());
      expect(error.failure).toBe('signed-out');
      expect(error.status).toBe(status);
      expect(fetch).toHaveBeenCalledTimes(1);
    },
  );

  it.each(CALLS)(
    '$name: an opaque redirect (to Microsoft’s sign-in, status 0) → signed-out without a status',
    async ({ call }) => {
      const fetch = fakeFetch(opaqueRedirect);
      const error = await failureOf(call(clientWith(fetch)));
      expect(error.failure).toBe('signed-out');
      expect(error.status).toBeUndefined();
      expect(error.message).toBe('ImmyBot: signed-out');
      expect(fetch).toHaveBeenCalledTimes(1);
    },
  );

  it.each<[string, string]>([
    ['text/html', '<!doctype html><title>Sign in</title><form action="/login"></form>'],
    [
      'text/html; charset=utf-8',
      '<!DOCTYPE html><html><head><title>ImmyBot</title></head><body>Sign in with Microsoft</body></html>',
    ],
    ['TEXT/HTML', '<html></html>'],
    // A login page is a login page whatever its body looks like.
    ['text/html', JSON.stringify(TICKET_EXAMPLE)],
  ])('an HTTP 200 %s page where JSON was asked for → signed-out', async (contentType, body) => {
    const fetch = fakeFetch(() => new Response(body, { status: 200, headers: { 'content-type': contentType } }));
    const error = await failureOf(clientWith(fetch).ticket(619, 2152));
    expect(error.failure).toBe('signed-out');
    expect(error.status).toBe(200);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  // Only a 2xx HTML answer is a login page; an HTML error page keeps the meaning of its status.
  it.each<[number, ImmyBotFailure]>([
    [401, 'signed-out'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
  ])('an HTML error page with HTTP %d → %s', async (status, failure) => {
    const fetch = fakeFetch(
      () => new Response('<html><body>Bad gateway</body></html>', { status, headers: { 'content-type': 'text/html' } }),
    );
    const error = await failureOf(clientWith(fetch).auth());
    expect(error.failure).toBe(failure);
    expect(error.status).toBe(status);
  });

  it.each(CALLS)('$name: a real JSON 200 still parses, next to the redirect handling', async ({ call, body }) => {
    const fetch = fakeFetch(() => json(body));
    await expect(call(clientWith(fetch))).resolves.toEqual(body);
  });

  it.each<[string, () => Response]>([
    ['truncated JSON', () => new Response('{"computers": [', { headers: { 'content-type': 'application/json' } })],
    ['an empty body', () => new Response('', { status: 200 })],
    ['no content (204)', () => new Response(null, { status: 204 })],
    ['JSON null', () => json(null)],
    ['a JSON array', () => json([TICKET_EXAMPLE])],
    ['a JSON string', () => json('ok')],
    ['a JSON number', () => json(42)],
  ])('ticket(): %s → malformed', async (_, answer) => {
    const fetch = fakeFetch(answer);
    const error = await failureOf(clientWith(fetch).ticket(619, 2152));
    expect(error.failure).toBe('malformed');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each<[string, unknown]>([
    ['no id', { name: 'HaloPSA' }],
    ['a string id', { ...LINK_JSON, id: '619' }],
    ['a fractional id', { ...LINK_JSON, id: 6.19 }],
  ])('providerLink(): an integration with %s → malformed', async (_, body) => {
    const error = await failureOf(clientWith(fakeFetch(() => json(body))).providerLink(619));
    expect(error.failure).toBe('malformed');
    expect(error.status).toBe(200);
  });

  it('a network error is retried once and then reported as unavailable (2 requests to the same URL)', async () => {
    const fetch = fakeFetch(networkError);
    const error = await failureOf(clientWith(fetch).ticket(619, 2152));
    expect(error.failure).toBe('unavailable');
    expect(error.status).toBeUndefined();
    expect(error.timedOut).toBe(false);
    expect(requestedUrls(fetch)).toEqual([
      `${ORIGIN}/api/v1/provider-links/619/tickets/2152`,
      `${ORIGIN}/api/v1/provider-links/619/tickets/2152`,
    ]);
    expect(fetch.mock.calls.every(([, init]) => init?.credentials === 'include')).toBe(true);
  });

  it.each(CALLS)('$name: a network error followed by an answer returns the answer', async ({ call, url, body }) => {
    const fetch = fakeFetch(networkError, () => json(body));
    await expect(call(clientWith(fetch))).resolves.toEqual(body);
    expect(requestedUrls(fetch)).toEqual([url, url]);
  });

  it('a network error followed by an HTTP error reports the HTTP error', async () => {
    const fetch = fakeFetch(networkError, () => json({}, 401));
    const error = await failureOf(clientWith(fetch).auth());
    expect(error.failure).toBe('signed-out');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each<[string, (signal: AbortSignal) => unknown]>([
    ["the signal's reason (Chrome)", (signal) => signal.reason],
    ['an AbortError DOMException', () => new DOMException('The operation was aborted.', 'AbortError')],
  ])('a timeout rejected with %s → unavailable WITHOUT a retry', async (_, rejectWith) => {
    const fetch = hangingFetch(rejectWith);
    const started = Date.now();
    const error = await failureOf(clientWith(fetch, 30).ticket(619, 2152));
    expect(error.failure).toBe('unavailable');
    expect(error.status).toBeUndefined();
    expect(error.timedOut).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('a network error and then a timeout → unavailable after 2 requests', async () => {
    const hang = hangingFetch();
    let calls = 0;
    const fetch = vi.fn<FetchFn>((input, init) => (++calls === 1 ? networkError() : hang(input, init)));
    const error = await failureOf(clientWith(fetch, 30).auth());
    expect(error.failure).toBe('unavailable');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('every failure is an ImmyBotError named ImmyBotError whose message names the failure', async () => {
    const error = await failureOf(clientWith(fakeFetch(() => json({}, 403))).auth());
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ImmyBotError');
    expect(error.message).toBe('ImmyBot: forbidden (403)');
  });
});

describe('ids', () => {
  const BAD_IDS = [0, -1, 1.5, 2147483648, NaN, Infinity];
  /** Sync throw or rejection: both count, as long as nothing was fetched. */
  const attempt = (run: () => Promise<unknown>) => (async () => run())();

  it.each(BAD_IDS)('providerLink(%s) fails with a TypeError without fetching', async (id) => {
    const fetch = fakeFetch(() => json(LINK_JSON));
    const client = clientWith(fetch);
    await expect(attempt(() => client.providerLink(id))).rejects.toThrow(TypeError);
    expect(fetch).not.toHaveBeenCalled();
    expect(unexpectedFetch).not.toHaveBeenCalled();
  });

  it.each(BAD_IDS)('ticket() fails with a TypeError without fetching when either id is %s', async (id) => {
    const fetch = fakeFetch(() => json(TICKET_EXAMPLE));
    const client = clientWith(fetch);
    await expect(attempt(() => client.ticket(619, id))).rejects.toThrow(TypeError);
    await expect(attempt(() => client.ticket(id, 2152))).rejects.toThrow(TypeError);
    expect(fetch).not.toHaveBeenCalled();
    expect(unexpectedFetch).not.toHaveBeenCalled();
  });

  it('accepts the largest id, 2147483647', async () => {
    const fetch = fakeFetch(() => json({ ...LINK_JSON, id: 2147483647 }));
    await expect(clientWith(fetch).providerLink(2147483647)).resolves.toMatchObject({ id: 2147483647 });
    expect(requestedUrls(fetch)).toEqual([`${ORIGIN}/api/v1/provider-links/2147483647`]);
  });
});

/**
 * A body served in chunks only as they are read (nothing is queued ahead), counting what was pulled
 * and whether the reader cancelled it. `bytes` are the body's first bytes; the rest are spaces (still valid JSON).
 */
function trickle(totalBytes: number, { bytes = '', chunkBytes = 64 * 1024 } = {}) {
  const head = new TextEncoder().encode(bytes);
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.pulled >= totalBytes) return controller.close();
        const chunk = new Uint8Array(Math.min(chunkBytes, totalBytes - stats.pulled)).fill(0x20);
        chunk.set(head.subarray(stats.pulled, stats.pulled + chunk.length));
        stats.pulled += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

describe('answer size', () => {
  const MB = 1_048_576;

  it('the cap is 1 MB', () => {
    expect(MAX_ANSWER_BYTES).toBe(MB);
  });

  it('a 20 MB answer without Content-Length → too-large, after reading no more than the cap and one chunk, stream cancelled', async () => {
    const { stream, stats } = trickle(20 * MB, { bytes: '{"computers": [' });
    const fetch = fakeFetch(() => new Response(stream, { headers: { 'content-type': 'application/json' } }));
    const error = await failureOf(clientWith(fetch).ticket(619, 2152));
    expect(error.failure).toBe('too-large');
    expect(error.status).toBe(200);
    expect(error.message).toBe('ImmyBot: too-large (200)');
    expect(stats.cancelled).toBe(true);
    expect(stats.pulled).toBeLessThanOrEqual(MB + 64 * 1024);
    expect(stats.pulled).toBeGreaterThan(MB);
    // Not retried: the same ticket answers the same.
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a Content-Length over the cap → too-large without reading the body', async () => {
    const { stream, stats } = trickle(20 * MB);
    const fetch = fakeFetch(
      () =>
        new Response(stream, { headers: { 'content-type': 'application/json', 'content-length': String(20 * MB) } }),
    );
    const error = await failureOf(clientWith(fetch).ticket(619, 2152));
    expect(error.failure).toBe('too-large');
    expect(stats.pulled).toBe(0);
    expect(stats.cancelled).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each<[string, Record<string, string>]>([
    ['without Content-Length', {}],
    ['with Content-Length', { 'content-length': String(MB) }],
  ])('an answer of exactly the cap is read whole and parsed (%s)', async (_, headers) => {
    const { stream, stats } = trickle(MB, { bytes: JSON.stringify(TICKET_EXAMPLE) });
    const fetch = fakeFetch(
      () => new Response(stream, { headers: { 'content-type': 'application/json', ...headers } }),
    );
    await expect(clientWith(fetch).ticket(619, 2152)).resolves.toEqual(TICKET_EXAMPLE);
    expect(stats).toEqual({ pulled: MB, cancelled: false });
  });

  it('one byte over the cap → too-large', async () => {
    const { stream } = trickle(MB + 1, { bytes: JSON.stringify(TICKET_EXAMPLE) });
    const error = await failureOf(clientWith(fakeFetch(() => new Response(stream))).ticket(619, 2152));
    expect(error.failure).toBe('too-large');
  });

  it('a multi-byte character split across chunks is decoded whole', async () => {
    const body = JSON.stringify({ ...TICKET_EXAMPLE, personName: 'Zoë Ångström 😀' });
    const { stream } = trickle(new TextEncoder().encode(body).length, { bytes: body, chunkBytes: 3 });
    await expect(clientWith(fakeFetch(() => new Response(stream))).ticket(619, 2152)).resolves.toMatchObject({
      personName: 'Zoë Ångström 😀',
    });
  });

  it('an error status is not read at all (its body is cancelled)', async () => {
    const { stream, stats } = trickle(20 * MB);
    const error = await failureOf(clientWith(fakeFetch(() => new Response(stream, { status: 503 }))).auth());
    expect(error.failure).toBe('unavailable');
    expect(stats.pulled).toBe(0);
  });

  it('a body that stops coming is cut by the same timeout → unavailable, not retried', async () => {
    const fetch = vi.fn<FetchFn>(async (_input, init) => {
      const signal = init!.signal!;
      // Like a browser: aborting the request's signal errors its body stream.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"computers": ['));
          signal.addEventListener('abort', () => controller.error(signal.reason));
        },
      });
      return new Response(stream);
    });
    const started = Date.now();
    const error = await failureOf(clientWith(fetch, 30).ticket(619, 2152));
    expect(error.failure).toBe('unavailable');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('a connection lost halfway through the body is retried once, like a network error', async () => {
    const broken = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"computers": ['));
            controller.error(new TypeError('network error'));
          },
        }),
      );
    const fetch = fakeFetch(broken, () => json(TICKET_EXAMPLE));
    await expect(clientWith(fetch).ticket(619, 2152)).resolves.toEqual(TICKET_EXAMPLE);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
