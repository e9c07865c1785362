import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ImmyBotError, type ImmyBotClient, type ImmyBotFailure } from '../../../lib/immybot/client';
import { createLookups, LOOKUP_TTL_MS, type LookupCache, type LookupResult } from '../../../lib/immybot/lookups';
import { problemFor } from '../../../lib/immybot/problems';
import type { ProviderLink, TicketInfo } from '../../../lib/immybot/schemas';
import type { ImmyBotConnection } from '../../../lib/immybot/connection';
import { createStorageLookupCache } from '../../../lib/immybot/lookup-cache';

const ACME: ImmyBotConnection = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };
const ACME_OTHER_LINK: ImmyBotConnection = { instanceOrigin: 'https://acme.immy.bot', integrationId: 620 };
const GLOBEX: ImmyBotConnection = { instanceOrigin: 'https://globex.immy.bot', integrationId: 619 };

const info = (personName: string, computerName = 'DESKTOP-CH4L46D'): TicketInfo => ({
  computers: [{ computerId: 12, computerName, isOnline: true }],
  personId: 40,
  personName,
  tenantId: 3,
  tenantName: 'Acorn Construction',
  ticketClientId: '27',
  ticketEmailAddress: 'Ben.Castle@contoso.com',
});
const BEN = info('Ben Castle');
const BEN_VIEW = {
  faultId: 2152,
  person: { name: 'Ben Castle', email: 'Ben.Castle@contoso.com' },
  tenant: 'Acorn Construction',
  computers: [{ name: 'DESKTOP-CH4L46D', online: true }],
  moreComputers: 0,
  onlineComputers: 1,
  unmatched: [],
};
const LINK: ProviderLink = {
  id: 619,
  name: 'HaloPSA',
  disabled: false,
  healthStatus: 'Healthy',
  healthStatusMessage: null,
  providerTypeId: null,
  providerCapabilities: null,
};

const fail = (failure: ImmyBotFailure, status?: number) => Promise.reject(new ImmyBotError(failure, status));

function fakeClient() {
  return {
    auth: vi.fn<ImmyBotClient['auth']>(() => fail('signed-out', 401)),
    providerLink: vi.fn<ImmyBotClient['providerLink']>(async () => LINK),
    ticket: vi.fn<ImmyBotClient['ticket']>(async () => BEN),
  };
}
type FakeClient = ReturnType<typeof fakeClient>;

function memoryCache(): LookupCache & { entries: Map<string, { at: number; ticket: unknown }> } {
  const entries = new Map<string, { at: number; ticket: never }>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, entry) => void entries.set(key, entry as never),
  };
}

/** The background's cache: storage.session outlives a service-worker restart. */
const sessionCache: LookupCache = createStorageLookupCache(fakeBrowser.storage.session, () => clock);

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let clock: number;
const now = () => clock;
let client: FakeClient;
let clientFor: ReturnType<typeof vi.fn<(instanceOrigin: string) => ImmyBotClient>>;

function setUp(cache: LookupCache = memoryCache()) {
  return createLookups(clientFor, cache, now);
}

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_700_000_000_000;
  client = fakeClient();
  clientFor = vi.fn((_instanceOrigin: string) => client as ImmyBotClient);
});

describe('lookup: answers', () => {
  it('asks the configured instance for the ticket and returns its view', async () => {
    const lookup = setUp();
    await expect(lookup(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: BEN_VIEW });
    expect(clientFor).toHaveBeenCalledWith('https://acme.immy.bot');
    expect(client.ticket.mock.calls).toEqual([[619, 2152]]);
    expect(client.providerLink).not.toHaveBeenCalled();
  });

  it('stores the answer with the time it was fetched', async () => {
    const cache = memoryCache();
    await setUp(cache)(ACME, 2152);
    expect([...cache.entries.values()]).toStrictEqual([{ at: clock, ticket: BEN_VIEW }]);
  });
});

describe('lookup: cache', () => {
  it('answers the same ticket from the cache within a minute', async () => {
    const lookup = setUp();
    const first = await lookup(ACME, 2152);
    clock += LOOKUP_TTL_MS - 1;
    expect(await lookup(ACME, 2152)).toStrictEqual(first);
    expect(client.ticket).toHaveBeenCalledTimes(1);
  });

  it('keeps answers for a minute', () => {
    expect(LOOKUP_TTL_MS).toBe(60_000);
  });

  it.each([LOOKUP_TTL_MS, LOOKUP_TTL_MS + 1, 10 * LOOKUP_TTL_MS])(
    'refetches an answer %d ms old, and returns the new data',
    async (age) => {
      const lookup = setUp();
      await lookup(ACME, 2152);
      client.ticket.mockResolvedValueOnce(info('Ben Castle', 'NEW-PC'));
      clock += age;
      const again = await lookup(ACME, 2152);
      expect(client.ticket).toHaveBeenCalledTimes(2);
      expect(again).toStrictEqual({ ok: true, ticket: { ...BEN_VIEW, computers: [{ name: 'NEW-PC', online: true }] } });
    },
  );

  it('a refetched answer starts a new minute', async () => {
    const lookup = setUp();
    await lookup(ACME, 2152);
    clock += LOOKUP_TTL_MS;
    await lookup(ACME, 2152);
    clock += LOOKUP_TTL_MS - 1;
    await lookup(ACME, 2152);
    expect(client.ticket).toHaveBeenCalledTimes(2);
  });

  it.each<[string, ImmyBotConnection, number]>([
    ['another ticket', ACME, 2153],
    ['another integration', ACME_OTHER_LINK, 2152],
    ['another instance', GLOBEX, 2152],
  ])('does not reuse the answer for %s', async (_, connection, faultId) => {
    const lookup = setUp();
    await lookup(ACME, 2152);
    await lookup(connection, faultId);
    expect(client.ticket.mock.calls).toEqual([
      [619, 2152],
      [connection.integrationId, faultId],
    ]);
    expect(clientFor.mock.calls.map(([origin]) => origin)).toEqual([
      'https://acme.immy.bot',
      connection.instanceOrigin,
    ]);
  });

  it.each<[string, () => Promise<TicketInfo>]>([
    ['an ImmyBot error', () => fail('unavailable', 503)],
    ['a signed-out answer', () => fail('signed-out', 401)],
    ['a 404 (ticket-unresolved)', () => fail('not-found', 404)],
    ['a malformed answer', () => fail('malformed', 200)],
  ])('does not cache %s: the retry asks again and gets the data', async (_, failure) => {
    const cache = memoryCache();
    const lookup = setUp(cache);
    client.ticket.mockImplementationOnce(failure);
    expect((await lookup(ACME, 2152)).ok).toBe(false);
    expect(cache.entries.size).toBe(0);
    await expect(lookup(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: BEN_VIEW });
    expect(client.ticket).toHaveBeenCalledTimes(2);
  });

  it('does not cache a non-ImmyBot error either: it rejects, and the next lookup asks again', async () => {
    const lookup = setUp();
    client.ticket.mockRejectedValueOnce(new RangeError('bug'));
    await expect(lookup(ACME, 2152)).rejects.toThrow(RangeError);
    await expect(lookup(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: BEN_VIEW });
    expect(client.ticket).toHaveBeenCalledTimes(2);
  });
});

describe('lookup: a cache that fails', () => {
  it('a cache that cannot be read: the lookup asks ImmyBot and answers', async () => {
    const cache = memoryCache();
    cache.get = () => Promise.reject(new Error('storage.session is not available'));
    await expect(setUp(cache)(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: BEN_VIEW });
    expect(client.ticket).toHaveBeenCalledTimes(1);
  });

  it('a cache that cannot be written: the lookup still answers, and the next one asks again', async () => {
    const cache = memoryCache();
    cache.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    const lookup = setUp(cache);
    await expect(lookup(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: BEN_VIEW });
    await expect(lookup(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: BEN_VIEW });
    expect(client.ticket).toHaveBeenCalledTimes(2);
  });

  it('concurrent lookups over a broken cache still share one request', async () => {
    const cache: LookupCache = {
      get: () => Promise.reject(new Error('gone')),
      set: () => Promise.reject(new Error('gone')),
    };
    const lookup = setUp(cache);
    const results = await Promise.all([lookup(ACME, 2152), lookup(ACME, 2152)]);
    expect(results).toStrictEqual([
      { ok: true, ticket: BEN_VIEW },
      { ok: true, ticket: BEN_VIEW },
    ]);
    expect(client.ticket).toHaveBeenCalledTimes(1);
  });
});

describe('lookup: concurrency', () => {
  it('concurrent lookups of one ticket share ONE request and the same answer', async () => {
    const lookup = setUp();
    const answer = deferred<TicketInfo>();
    client.ticket.mockReturnValueOnce(answer.promise);
    const pending = [lookup(ACME, 2152), lookup(ACME, 2152), lookup(ACME, 2152)];
    await vi.waitFor(() => expect(client.ticket).toHaveBeenCalledTimes(1));
    answer.resolve(BEN);
    const results = await Promise.all(pending);
    expect(results).toStrictEqual([1, 2, 3].map(() => ({ ok: true, ticket: BEN_VIEW })));
    expect(client.ticket).toHaveBeenCalledTimes(1);
  });

  it('concurrent lookups of one ticket share one failure, and a later lookup asks again', async () => {
    const lookup = setUp();
    const answer = deferred<TicketInfo>();
    client.ticket.mockReturnValueOnce(answer.promise);
    const pending = [lookup(ACME, 2152), lookup(ACME, 2152)];
    await vi.waitFor(() => expect(client.ticket).toHaveBeenCalledTimes(1));
    answer.reject(new ImmyBotError('unavailable', 502));
    const expected: LookupResult = {
      ok: false,
      problem: problemFor('unavailable', { integrationId: 619, faultId: 2152, status: 502 }),
    };
    expect(await Promise.all(pending)).toStrictEqual([expected, expected]);
    await lookup(ACME, 2152);
    expect(client.ticket).toHaveBeenCalledTimes(2);
  });

  it('concurrent lookups of different tickets make one request each', async () => {
    const lookup = setUp();
    await Promise.all([lookup(ACME, 2152), lookup(ACME, 2153), lookup(GLOBEX, 2152), lookup(ACME_OTHER_LINK, 2152)]);
    expect(client.ticket.mock.calls).toEqual([
      [619, 2152],
      [619, 2153],
      [619, 2152],
      [620, 2152],
    ]);
  });

  it('two tickets resolve independently, each with its own data, even when the first answers last', async () => {
    const lookup = setUp();
    const first = deferred<TicketInfo>();
    const second = deferred<TicketInfo>();
    client.ticket.mockImplementation((_, faultId) => (faultId === 100 ? first.promise : second.promise));
    const a = lookup(ACME, 100);
    const b = lookup(ACME, 200);
    await vi.waitFor(() => expect(client.ticket).toHaveBeenCalledTimes(2));

    second.resolve(info('Second Person', 'PC-200'));
    const bResult = await b;
    expect(bResult).toMatchObject({
      ok: true,
      ticket: { faultId: 200, person: { name: 'Second Person' }, computers: [{ name: 'PC-200' }] },
    });

    first.resolve(info('First Person', 'PC-100'));
    expect(await a).toMatchObject({
      ok: true,
      ticket: { faultId: 100, person: { name: 'First Person' }, computers: [{ name: 'PC-100' }] },
    });
    // The late first answer did not overwrite the second ticket's cached answer.
    expect(await lookup(ACME, 200)).toStrictEqual(bResult);
    expect(client.ticket).toHaveBeenCalledTimes(2);
  });
});

describe('lookup: problems', () => {
  /** The problem for a failure, with the status the client saw (only 'unavailable' words it differently). */
  const problem = (failure: Parameters<typeof problemFor>[0], status?: number, faultId = 2152): LookupResult => ({
    ok: false,
    problem: problemFor(failure, { integrationId: 619, faultId, status }),
  });

  it.each<[ImmyBotFailure, number | undefined]>([
    ['signed-out', 401],
    ['forbidden', 403],
    ['unavailable', 500],
    ['unavailable', undefined],
    ['malformed', 200],
    ['too-large', 200],
  ])('a %s ticket answer (%s) becomes that problem, without asking for the integration', async (failure, status) => {
    client.ticket.mockImplementationOnce(() => fail(failure, status));
    expect(await setUp()(ACME, 2152)).toStrictEqual(problem(failure, status));
    expect(client.providerLink).not.toHaveBeenCalled();
  });

  it('a 404 for the ticket when the integration exists → ticket-unresolved', async () => {
    client.ticket.mockImplementationOnce(() => fail('not-found', 404));
    expect(await setUp()(ACME, 2152)).toStrictEqual(problem('ticket-unresolved'));
    expect(client.providerLink.mock.calls).toEqual([[619]]);
    expect(problem('ticket-unresolved')).toMatchObject({ problem: { kind: 'ticket-unresolved' } });
  });

  it('a 404 for the ticket and a 404 for the integration → no-integration (go to settings)', async () => {
    client.ticket.mockImplementationOnce(() => fail('not-found', 404));
    client.providerLink.mockImplementationOnce(() => fail('not-found', 404));
    const result = await setUp()(ACME, 2152);
    expect(result).toStrictEqual(problem('no-integration'));
    expect(result).toMatchObject({ problem: { kind: 'no-integration', action: 'settings' } });
    expect(client.providerLink.mock.calls).toEqual([[619]]);
  });

  // Only a working integration makes a ticket 404 "unresolved"; otherwise its own failure is the truth.
  it.each<[string, () => Promise<ProviderLink>, string]>([
    ['500 (unavailable)', () => fail('unavailable', 500), 'unavailable'],
    ['a network failure', () => fail('unavailable'), 'unavailable'],
    ['403 (forbidden)', () => fail('forbidden', 403), 'forbidden'],
    ['401 (signed-out)', () => fail('signed-out', 401), 'signed-out'],
    ['a malformed answer', () => fail('malformed', 200), 'malformed'],
  ])('a 404 for the ticket and %s for the integration → that problem', async (_, linkAnswer, kind) => {
    client.ticket.mockImplementationOnce(() => fail('not-found', 404));
    client.providerLink.mockImplementationOnce(linkAnswer);
    const linkStatus = await linkAnswer().catch((e: ImmyBotError) => e.status);
    expect(await setUp()(ACME, 2152)).toStrictEqual(problem(kind as never, linkStatus as number | undefined));
  });

  it('a 404 for the ticket and a non-ImmyBot error for the integration propagates', async () => {
    client.ticket.mockImplementationOnce(() => fail('not-found', 404));
    client.providerLink.mockRejectedValueOnce(new TypeError('boom'));
    await expect(setUp()(ACME, 2152)).rejects.toThrow('boom');
  });

  it('a non-ImmyBot error from the ticket request propagates', async () => {
    client.ticket.mockRejectedValueOnce(new TypeError('Not an id: 0'));
    await expect(setUp()(ACME, 2152)).rejects.toThrow('Not an id: 0');
  });
});

describe('lookup over storage.session (the background cache)', () => {
  it('stores answers under lookup:<instance>|<integration>|<ticket>', async () => {
    await setUp(sessionCache)(ACME, 2152);
    expect(await fakeBrowser.storage.session.get(null)).toStrictEqual({
      'lookup:https://acme.immy.bot|619|2152': { at: clock, ticket: BEN_VIEW },
    });
  });

  it('a new lookups instance (a restarted service worker) answers from the stored answer without fetching', async () => {
    await setUp(sessionCache)(ACME, 2152);
    expect(client.ticket).toHaveBeenCalledTimes(1);

    const restartedClient = fakeClient();
    const restartedClientFor = vi.fn((_origin: string) => restartedClient as ImmyBotClient);
    const restarted = createLookups(restartedClientFor, sessionCache, now);
    clock += LOOKUP_TTL_MS - 1;
    await expect(restarted(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: BEN_VIEW });
    expect(restartedClient.ticket).not.toHaveBeenCalled();
    expect(client.ticket).toHaveBeenCalledTimes(1);
  });

  it('after a restart, an answer older than a minute is refetched', async () => {
    await setUp(sessionCache)(ACME, 2152);
    const restartedClient = fakeClient();
    restartedClient.ticket.mockResolvedValueOnce(info('Ben Castle', 'NEW-PC'));
    const restarted = createLookups(() => restartedClient as ImmyBotClient, sessionCache, now);
    clock += LOOKUP_TTL_MS;
    await expect(restarted(ACME, 2152)).resolves.toMatchObject({
      ok: true,
      ticket: { computers: [{ name: 'NEW-PC' }] },
    });
    expect(restartedClient.ticket).toHaveBeenCalledTimes(1);
  });

  it('concurrent lookups of one ticket share one request over storage.session too', async () => {
    const lookup = setUp(sessionCache);
    const results = await Promise.all([lookup(ACME, 2152), lookup(ACME, 2152)]);
    expect(results).toStrictEqual([
      { ok: true, ticket: BEN_VIEW },
      { ok: true, ticket: BEN_VIEW },
    ]);
    expect(client.ticket).toHaveBeenCalledTimes(1);
  });

  it('nothing survives the browser session (storage.session cleared)', async () => {
    await setUp(sessionCache)(ACME, 2152);
    await fakeBrowser.storage.session.clear();
    await setUp(sessionCache)(ACME, 2152);
    expect(client.ticket).toHaveBeenCalledTimes(2);
  });
});
