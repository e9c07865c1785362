import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ImmyBotClient } from '../../../lib/immybot/client';
import { createStorageLookupCache, type CacheStorage } from '../../../lib/immybot/lookup-cache';
import { createLookups, LOOKUP_TTL_MS } from '../../../lib/immybot/lookups';
import type { TicketView } from '../../../lib/immybot/ticket-view';
import { LOOKUP_KEY_PREFIX, SIGN_IN_WINDOW_KEY } from '../../../lib/storage';
import { TICKET_EXAMPLE } from './examples';

const ACME = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };
const VIEW: TicketView = {
  faultId: 2152,
  person: { name: 'Ben Castle', email: 'Ben.Castle@contoso.com' },
  tenant: 'Acorn Construction',
  computers: [{ name: 'DESKTOP-CH4L46D', online: true }],
  moreComputers: 0,
  onlineComputers: 1,
  unmatched: [],
};
const keyOf = (faultId: number) => `${LOOKUP_KEY_PREFIX}${ACME.instanceOrigin}|${ACME.integrationId}|${faultId}`;

let clock: number;
const now = () => clock;

/**
 * A storage area like storage.session, whose quota runs out at `maxKeys` keys: a write that would
 * leave more keys than that throws, as the browser's quota error does, and stores nothing.
 */
function smallArea(maxKeys: number, initial: Record<string, unknown> = {}) {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  const area = {
    data,
    get: vi.fn(async (keys: string | null) =>
      keys === null ? Object.fromEntries(data) : data.has(keys) ? { [keys]: structuredClone(data.get(keys)) } : {},
    ),
    set: vi.fn(async (items: Record<string, unknown>) => {
      const after = new Set([...data.keys(), ...Object.keys(items)]);
      if (after.size > maxKeys) throw new Error('Resource::kQuotaBytes quota exceeded');
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    }),
    remove: vi.fn(async (keys: string[]) => {
      for (const key of keys) data.delete(key);
    }),
  } satisfies CacheStorage & { data: Map<string, unknown> };
  return area;
}

const entry = (at: number, faultId = 2152) => ({ at, ticket: { ...VIEW, faultId } });

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_700_000_000_000;
});

describe('createStorageLookupCache', () => {
  it('stores each answer under lookup:<key> and reads it back', async () => {
    const area = smallArea(10);
    const cache = createStorageLookupCache(area, now);
    await cache.set('a|1|2', entry(clock));
    expect(Object.fromEntries(area.data)).toEqual({ 'lookup:a|1|2': entry(clock) });
    await expect(cache.get('a|1|2')).resolves.toEqual(entry(clock));
    await expect(cache.get('a|1|3')).resolves.toBeUndefined();
  });

  it('works over storage.session (the background’s area)', async () => {
    const cache = createStorageLookupCache(fakeBrowser.storage.session, now);
    await cache.set('k', entry(clock));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'lookup:k': entry(clock) });
    await expect(cache.get('k')).resolves.toEqual(entry(clock));
  });

  it('on each write, prunes the answers past their minute and keeps the fresh ones', async () => {
    const area = smallArea(100, {
      'lookup:old': entry(clock - LOOKUP_TTL_MS),
      'lookup:older': entry(clock - 10 * LOOKUP_TTL_MS),
      'lookup:almost': entry(clock - LOOKUP_TTL_MS + 1),
      'lookup:fresh': entry(clock),
    });
    await createStorageLookupCache(area, now).set('new', entry(clock));
    expect([...area.data.keys()].sort()).toEqual(['lookup:almost', 'lookup:fresh', 'lookup:new']);
  });

  it('prunes by the clock it was given, at the time of the write', async () => {
    const area = smallArea(100);
    const cache = createStorageLookupCache(area, now);
    await cache.set('first', entry(clock));
    clock += LOOKUP_TTL_MS - 1;
    await cache.set('second', entry(clock));
    expect([...area.data.keys()].sort()).toEqual(['lookup:first', 'lookup:second']);
    clock += 1;
    await cache.set('third', entry(clock));
    expect([...area.data.keys()].sort()).toEqual(['lookup:second', 'lookup:third']);
  });

  it('prunes entries that are not answers at all (no time, or not an object)', async () => {
    const area = smallArea(100, {
      'lookup:no-time': { ticket: VIEW },
      'lookup:text': 'x',
      'lookup:string-time': { at: String(clock), ticket: VIEW },
    });
    await createStorageLookupCache(area, now).set('new', entry(clock));
    expect([...area.data.keys()]).toEqual(['lookup:new']);
  });

  it('never touches keys that are not cached answers, however old they look', async () => {
    const signIn = { windowId: 4, startedAt: clock - 10 * LOOKUP_TTL_MS };
    const area = smallArea(100, { [SIGN_IN_WINDOW_KEY]: signIn, other: { at: 0 }, 'lookup:old': entry(0) });
    await createStorageLookupCache(area, now).set('new', entry(clock));
    expect(Object.fromEntries(area.data)).toEqual({
      [SIGN_IN_WINDOW_KEY]: signIn,
      other: { at: 0 },
      'lookup:new': entry(clock),
    });
  });

  it('a write that does not fit clears every cached answer and is tried once more', async () => {
    const area = smallArea(3, {
      [SIGN_IN_WINDOW_KEY]: { windowId: 4, startedAt: clock },
      'lookup:a': entry(clock),
      'lookup:b': entry(clock),
    });
    await createStorageLookupCache(area, now).set('c', entry(clock));
    expect(Object.fromEntries(area.data)).toEqual({
      [SIGN_IN_WINDOW_KEY]: { windowId: 4, startedAt: clock },
      'lookup:c': entry(clock),
    });
    expect(area.set).toHaveBeenCalledTimes(2);
  });

  it('a write that still does not fit is given up without throwing, and keeps what is not a cached answer', async () => {
    const area = smallArea(2, {
      [SIGN_IN_WINDOW_KEY]: { windowId: 4, startedAt: clock },
      other: 1,
      'lookup:a': entry(clock),
    });
    await expect(createStorageLookupCache(area, now).set('b', entry(clock))).resolves.toBeUndefined();
    expect(Object.fromEntries(area.data)).toEqual({
      [SIGN_IN_WINDOW_KEY]: { windowId: 4, startedAt: clock },
      other: 1,
    });
    expect(area.set).toHaveBeenCalledTimes(2);
  });

  it.each<[string, (area: ReturnType<typeof smallArea>) => void]>([
    ['set always throws', (area) => area.set.mockRejectedValue(new Error('quota'))],
    ['get(null) throws', (area) => area.get.mockRejectedValue(new Error('gone'))],
    ['remove throws', (area) => area.remove.mockRejectedValue(new Error('gone'))],
    [
      'everything throws',
      (area) => {
        for (const fn of [area.get, area.set, area.remove]) fn.mockRejectedValue(new Error('gone'));
      },
    ],
  ])('a write never throws: %s', async (_, breakIt) => {
    const area = smallArea(100, { 'lookup:old': entry(0) });
    breakIt(area);
    await expect(createStorageLookupCache(area, now).set('new', entry(clock))).resolves.toBeUndefined();
  });
});

describe('lookups over a full storage area', () => {
  const MAX_KEYS = 3;

  function setUp(initial: Record<string, unknown> = {}) {
    const area = smallArea(MAX_KEYS, initial);
    const ticket = vi.fn<ImmyBotClient['ticket']>(async () => TICKET_EXAMPLE);
    const client = { ticket } as unknown as ImmyBotClient;
    const lookup = createLookups(() => client, createStorageLookupCache(area, now), now);
    return { area, ticket, lookup };
  }

  it('answers every ticket while the area fills up, keeping at most its quota', async () => {
    const { area, ticket, lookup } = setUp();
    for (let faultId = 1; faultId <= 10; faultId++) {
      await expect(lookup(ACME, faultId)).resolves.toStrictEqual({ ok: true, ticket: { ...VIEW, faultId } });
      expect(area.data.size).toBeLessThanOrEqual(MAX_KEYS);
      expect(area.data.has(keyOf(faultId))).toBe(true);
    }
    expect(ticket).toHaveBeenCalledTimes(10);
  });

  it('after a full write, the new answer is cached and served from storage', async () => {
    const { area, ticket, lookup } = setUp({
      [keyOf(1)]: entry(clock, 1),
      [keyOf(2)]: entry(clock, 2),
      [keyOf(3)]: entry(clock, 3),
    });
    await lookup(ACME, 4);
    expect([...area.data.keys()]).toEqual([keyOf(4)]);
    await expect(lookup(ACME, 4)).resolves.toStrictEqual({ ok: true, ticket: { ...VIEW, faultId: 4 } });
    expect(ticket).toHaveBeenCalledTimes(1);
  });

  it('expired answers make room before anything fresh is dropped', async () => {
    const { area, lookup } = setUp({
      [keyOf(1)]: entry(clock - LOOKUP_TTL_MS, 1),
      [keyOf(2)]: entry(clock, 2),
      [keyOf(3)]: entry(clock - 1, 3),
    });
    await lookup(ACME, 4);
    expect([...area.data.keys()].sort()).toEqual([keyOf(2), keyOf(3), keyOf(4)].sort());
    expect(area.set).toHaveBeenCalledTimes(1);
  });

  it('an area with no room at all (other keys fill it) still answers, uncached, each time', async () => {
    const { area, ticket, lookup } = setUp({ a: 1, b: 2, c: 3 });
    await expect(lookup(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: VIEW });
    await expect(lookup(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: VIEW });
    expect(ticket).toHaveBeenCalledTimes(2);
    expect(Object.fromEntries(area.data)).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('a storage area that cannot even be read still answers', async () => {
    const { area, lookup } = setUp();
    area.get.mockRejectedValue(new Error('storage.session is not available'));
    area.set.mockRejectedValue(new Error('storage.session is not available'));
    await expect(lookup(ACME, 2152)).resolves.toStrictEqual({ ok: true, ticket: VIEW });
  });
});
