// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { probeHaloPage, tabState, type TabState } from '../../../lib/halo/tab-state';

const PSA = 'https://psa.example.com';
const SERVICE = 'https://service.example.net:8443';
const LOCAL = 'http://localhost:3000';
const HOSTED = 'https://acme.halopsa.com';
/** Listed by the user; the browser holds permission for PSA, LOCAL and the listed hosted tenant only. */
const ADDED = [PSA, SERVICE, LOCAL, HOSTED];
const ACCESS = new Set([PSA, LOCAL, HOSTED]);

describe('tabState', () => {
  it.each<[string | undefined, TabState]>([
    // A listed hosted tenant is enabled like any listed site.
    ['https://acme.halopsa.com/ticket?id=2152', { kind: 'enabled', origin: HOSTED }],
    ['https://ACME.HaloPSA.com/', { kind: 'enabled', origin: HOSTED }],
    // Hosted tenants nobody listed are off: being hosted earns nothing, one click lists them.
    ['https://stranger.halopsa.com/ticket?id=2152', { kind: 'hosted-off', origin: 'https://stranger.halopsa.com' }],
    ['https://acme.haloitsm.com/tickets?id=1', { kind: 'hosted-off', origin: 'https://acme.haloitsm.com' }],
    ['https://acme.haloservicedesk.com/', { kind: 'hosted-off', origin: 'https://acme.haloservicedesk.com' }],
    ['https://acme.trial.usehalo.com/', { kind: 'hosted-off', origin: 'https://acme.trial.usehalo.com' }],
    ['https://STRANGER.HaloPSA.com:443/', { kind: 'hosted-off', origin: 'https://stranger.halopsa.com' }],
    // Listed, with access.
    ['https://psa.example.com/ticket?id=2152', { kind: 'enabled', origin: PSA }],
    ['https://PSA.example.com:443/tickets?id=1', { kind: 'enabled', origin: PSA }],
    ['http://localhost:3000/ticket?id=1', { kind: 'enabled', origin: LOCAL }],
    // Listed, without access.
    ['https://service.example.net:8443/ticket?id=1', { kind: 'needs-access', origin: SERVICE }],
    // Not added: a probe decides.
    ['https://other.example.org/', { kind: 'candidate', origin: 'https://other.example.org' }],
    ['https://psa.example.com:9000/ticket?id=1', { kind: 'candidate', origin: 'https://psa.example.com:9000' }],
    ['https://service.example.net/', { kind: 'candidate', origin: 'https://service.example.net' }],
    ['http://localhost:4000/', { kind: 'candidate', origin: 'http://localhost:4000' }],
    ['https://10.1.2.3/ticket?id=1', { kind: 'candidate', origin: 'https://10.1.2.3' }],
    // Never HaloPSA for us.
    ['http://other.example.org/', { kind: 'other' }],
    ['http://psa.example.com/ticket?id=1', { kind: 'other' }],
    ['https://acme.halopsa.com:8443/', { kind: 'other' }],
    ['https://stranger.halopsa.com:8443/ticket?id=1', { kind: 'other' }],
    ['http://acme.halopsa.com/ticket?id=1', { kind: 'other' }],
    ['http://stranger.halopsa.com/ticket?id=1', { kind: 'other' }],
    ['https://acme.immy.bot/technician-pod/psa/619/ticket/1', { kind: 'other' }],
    ['https://intranet/', { kind: 'other' }],
    ['chrome://extensions/', { kind: 'other' }],
    ['chrome-extension://abcdefghijklmnop/options.html', { kind: 'other' }],
    ['moz-extension://0b0e7c1e/options.html', { kind: 'other' }],
    ['about:blank', { kind: 'other' }],
    ['about:newtab', { kind: 'other' }],
    ['file:///home/me/ticket.html', { kind: 'other' }],
    ['view-source:https://psa.example.com/', { kind: 'other' }],
    ['not a url', { kind: 'other' }],
    ['', { kind: 'other' }],
    [undefined, { kind: 'other' }],
  ])('%s → %j', (url, expected) => {
    expect(tabState(url, ADDED, (origin) => ACCESS.has(origin))).toEqual(expected);
  });

  it('asks about access only for a listed origin, by its canonical origin', () => {
    const hasAccess = vi.fn((origin: string) => ACCESS.has(origin));
    tabState('https://stranger.halopsa.com/ticket?id=1', ADDED, hasAccess);
    tabState('https://other.example.org/', ADDED, hasAccess);
    tabState('about:blank', ADDED, hasAccess);
    expect(hasAccess).not.toHaveBeenCalled();
    tabState('https://PSA.example.com/ticket?id=1', ADDED, hasAccess);
    tabState('https://ACME.halopsa.com/ticket?id=1', ADDED, hasAccess);
    expect(hasAccess.mock.calls).toEqual([[PSA], [HOSTED]]);
  });

  it('with nothing listed, a self-hosted page is a candidate and a hosted one is off', () => {
    const noAccess = () => false;
    expect(tabState('https://psa.example.com/ticket?id=1', [], noAccess)).toEqual({ kind: 'candidate', origin: PSA });
    expect(tabState('https://acme.halopsa.com/ticket?id=1', [], noAccess)).toEqual({
      kind: 'hosted-off',
      origin: HOSTED,
    });
  });

  it('a listed hosted tenant whose access the browser took away needs access, like a self-hosted site', () => {
    expect(tabState('https://acme.halopsa.com/ticket?id=1', [HOSTED], () => false)).toEqual({
      kind: 'needs-access',
      origin: HOSTED,
    });
  });

  it('listing one hosted tenant leaves its neighbours off', () => {
    const all = () => true;
    expect(tabState('https://acme.halopsa.com/', [HOSTED], all)).toEqual({ kind: 'enabled', origin: HOSTED });
    expect(tabState('https://acme2.halopsa.com/', [HOSTED], all)).toEqual({
      kind: 'hosted-off',
      origin: 'https://acme2.halopsa.com',
    });
    expect(tabState('https://x.acme.halopsa.com/', [HOSTED], all)).toEqual({
      kind: 'hosted-off',
      origin: 'https://x.acme.halopsa.com',
    });
  });

  // Halo's marketing and documentation sites are not tenants; offering "Use Technician Tools on
  // https://halopsa.com" there would treat the docs site as a tenant.
  it.each(['https://halopsa.com/', 'https://www.halopsa.com/guides'])('Halo’s own website %s → other', (url) => {
    expect(tabState(url, ADDED, () => true)).toEqual({ kind: 'other' });
  });
});

describe('probeHaloPage (runs in the page)', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    document.body.innerHTML = '<main><h1>Welcome</h1></main>';
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const html = (status: number) =>
    new Response('<!doctype html><title>Not found</title>', { status, headers: { 'content-type': 'text/html' } });

  it('asks the page’s own /api/instanceinfo without credentials', async () => {
    fetchMock.mockResolvedValue(json({ tenant_id: 'acme' }));
    await probeHaloPage();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/instanceinfo');
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ credentials: 'omit' });
  });

  it.each<[string, () => Response, string, boolean]>([
    ['instanceinfo with tenant_id', () => json({ tenant_id: 'acme', agent_url: 'https://psa.example.com' }), '', true],
    ['instanceinfo with a numeric tenant_id', () => json({ tenant_id: 7 }), '', true],
    ['instanceinfo with agent_url only', () => json({ agent_url: 'https://psa.example.com' }), '', true],
    ['a 404 on a page with #halo-nav', () => html(404), '<nav id="halo-nav"></nav>', true],
    ['a 404 on a ticket page', () => html(404), '<div id="ticketdetails-details"></div>', true],
    ['a 403 on a page with the ticket sidebar', () => html(403), '<aside class="details-sidebar"></aside>', true],
    ['a 404 on a plain page', () => html(404), '', false],
    ['a 500 on a plain page', () => json({ tenant_id: 'acme' }, 500), '', false],
    ['an HTML answer with 200 on a plain page', () => html(200), '', false],
    ['some other JSON on a plain page', () => json({ status: 'ok' }), '', false],
    ['JSON null on a plain page', () => json(null), '', false],
    ['a JSON string on a plain page', () => json('tenant_id'), '', false],
    [
      'a page naming halo-nav only in text',
      () => html(404),
      '<p>#halo-nav .details-sidebar</p><div class="halo-nav"></div>',
      false,
    ],
  ])('%s → %s', async (_, answer, body, expected) => {
    fetchMock.mockImplementation(async () => answer());
    document.body.innerHTML += body;
    await expect(probeHaloPage()).resolves.toBe(expected);
  });

  it.each([
    ['a plain page', '', false],
    ['a page with #halo-nav', '<nav id="halo-nav"></nav>', true],
  ])('when fetch throws, falls back to the page: %s', async (_, body, expected) => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    document.body.innerHTML += body;
    await expect(probeHaloPage()).resolves.toBe(expected);
  });
});
