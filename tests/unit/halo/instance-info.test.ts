import { describe, expect, it, vi } from 'vitest';
import { checkHaloInstance } from '../../../lib/halo/instance-info';

const ORIGIN = 'https://psa.example.com:8443';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const text = (body: string, status = 200, type = 'text/html') =>
  new Response(body, { status, headers: { 'content-type': type } });

/** A fetch stand-in that answers every request with `answer()`. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  return vi.fn<typeof fetch>(async () => answer());
}

/** A fetch that never answers, but rejects the way fetch does when its signal aborts. */
function hangingFetch() {
  return vi.fn<typeof fetch>(
    (_input, init) =>
      new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        if (!signal) return; // Without a signal it hangs for good, and the test times out.
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  );
}

describe('checkHaloInstance', () => {
  it('asks exactly <origin>/api/instanceinfo, once, without credentials, with an abort signal', async () => {
    const fetchImpl = fakeFetch(() => json({ tenant_id: 'acme' }));
    await checkHaloInstance(ORIGIN, fetchImpl, 1000);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0];
    expect(url).toBe('https://psa.example.com:8443/api/instanceinfo');
    expect(init?.credentials).toBe('omit');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it.each([
    ['tenant_id and agent_url', { tenant_id: 'acme', agent_url: 'https://psa.example.com/' }, 'acme'],
    ['a numeric tenant_id', { tenant_id: 42 }, '42'],
    ['tenant_id 0', { tenant_id: 0 }, '0'],
    ['extra fields', { tenant_id: 'acme', version: '2.190.1', whatever: [1, 2] }, 'acme'],
  ])('200 with %s → looks like HaloPSA, tenant %j', async (_, body, tenant) => {
    await expect(
      checkHaloInstance(
        ORIGIN,
        fakeFetch(() => json(body)),
        1000,
      ),
    ).resolves.toEqual({ looksLikeHalo: true, tenant });
  });

  it('200 with agent_url only → looks like HaloPSA, no tenant', async () => {
    const result = await checkHaloInstance(
      ORIGIN,
      fakeFetch(() => json({ agent_url: 'https://psa.example.com/' })),
      1000,
    );
    expect(result).toEqual({ looksLikeHalo: true });
    expect(result.looksLikeHalo && result.tenant).toBeUndefined();
  });

  it.each<[string, () => Response]>([
    ['an empty object', () => json({})],
    ['unrelated JSON', () => json({ status: 'ok', name: 'nginx' })],
    ['JSON null', () => json(null)],
    ['a JSON array', () => json([{ tenant_id: 'acme' }])],
    ['a JSON string', () => json('tenant_id')],
    ['tenant_id null', () => json({ tenant_id: null })],
    ['tenant_id an object', () => json({ tenant_id: { id: 'acme' } })],
    ['agent_url a number', () => json({ agent_url: 1 })],
    ['an HTML page', () => text('<!doctype html><html><head><title>Sign in</title></head><body>Login</body></html>')],
    ['not JSON at all', () => text('tenant_id=acme', 200, 'text/plain')],
    ['an empty body', () => text('', 200, 'application/json')],
  ])('200 with %s → does not look like HaloPSA, with a reason', async (_, answer) => {
    const result = await checkHaloInstance(ORIGIN, fakeFetch(answer), 1000);
    expect(result.looksLikeHalo).toBe(false);
    if (!result.looksLikeHalo) expect(result.reason).toMatch(/\S/);
  });

  it.each([401, 403, 404, 500, 502, 503])('status %s → false, and the reason names the status', async (status) => {
    const result = await checkHaloInstance(
      ORIGIN,
      fakeFetch(() => json({ tenant_id: 'acme' }, status)),
      1000,
    );
    expect(result).toEqual({ looksLikeHalo: false, reason: expect.stringContaining(String(status)) });
  });

  it.each([
    ['a network error', new TypeError('Failed to fetch')],
    ['a CORS refusal', new TypeError('NetworkError when attempting to fetch resource.')],
    ['an abort', new DOMException('The operation was aborted.', 'AbortError')],
    ['a non-Error', 'boom'],
  ])('a fetch that rejects with %s → false, with a reason', async (_, error) => {
    const fetchImpl = vi.fn<typeof fetch>().mockRejectedValue(error);
    const result = await checkHaloInstance(ORIGIN, fetchImpl, 1000);
    expect(result).toEqual({ looksLikeHalo: false, reason: expect.stringMatching(/could not be reached/) });
  });

  it('a fetch that throws synchronously → false', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => {
      throw new TypeError('Invalid URL');
    });
    await expect(checkHaloInstance(ORIGIN, fetchImpl, 1000)).resolves.toMatchObject({ looksLikeHalo: false });
  });

  it('a fetch that never answers → false after timeoutMs, saying it did not answer in time', async () => {
    const fetchImpl = hangingFetch();
    const started = performance.now();
    const result = await checkHaloInstance(ORIGIN, fetchImpl, 50);
    const elapsed = performance.now() - started;
    expect(result).toEqual({ looksLikeHalo: false, reason: expect.stringMatching(/in time/) });
    expect(elapsed).toBeGreaterThanOrEqual(40);
    expect(elapsed).toBeLessThan(2000);
    expect(fetchImpl.mock.calls[0][1]?.signal?.aborted).toBe(true);
  });

  it('an answer that arrives before the timeout is used', async () => {
    const fetchImpl = fakeFetch(
      () => new Promise((resolve) => setTimeout(() => resolve(json({ tenant_id: 'acme' })), 10)),
    );
    await expect(checkHaloInstance(ORIGIN, fetchImpl, 500)).resolves.toEqual({ looksLikeHalo: true, tenant: 'acme' });
  });
});
