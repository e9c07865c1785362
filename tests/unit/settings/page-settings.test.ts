import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isHaloOrigin } from '../../../lib/halo/address';
import { SIGNED_IN_AT_KEY } from '../../../lib/settings/keys';
import { loadPageSettings, readConnection, readHaloOrigins, watchPageSettings } from '../../../lib/settings/page-settings';
import { HaloOriginsSchema, SettingsSchema, type ImmyBotConnection } from '../../../lib/settings/schema';

const ACME = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };
const PSA = 'https://psa.example.com';
const SERVICE = 'https://service.example.net:8443';

const REJECTED = Symbol('rejected by the schema');

/**
 * The writer's rule for the connection alone: SettingsSchema, with every other field made valid. The
 * content script deliberately reads the connection even when another field is broken, so the whole
 * schema (which rejects such a value outright) is not the right yardstick for readConnection.
 */
function schemaConnection(stored: unknown): ImmyBotConnection | null | typeof REJECTED {
  if (typeof stored !== 'object' || stored === null) return REJECTED;
  const parsed = SettingsSchema.safeParse({ ...stored, haloOrigins: [] });
  return parsed.success ? parsed.data.immybot : REJECTED;
}

/** What the content script must see when the schema has the final word. */
function schemaView(stored: unknown): ImmyBotConnection | null {
  const connection = schemaConnection(stored);
  return connection === REJECTED ? null : connection;
}

describe('readConnection', () => {
  it.each([
    [{ immybot: ACME }, ACME],
    [{ immybot: ACME, haloOrigins: [PSA] }, ACME],
    // Another field being broken does not hide a valid connection.
    [{ immybot: ACME, haloOrigins: 'garbage' }, ACME],
    [{ immybot: ACME, haloOrigins: [PSA, PSA] }, ACME],
    [{ immybot: { ...ACME, extra: 'dropped' }, other: 1 }, ACME],
    [{ immybot: { instanceOrigin: 'https://a.immy.bot', integrationId: 2147483647 } }, { instanceOrigin: 'https://a.immy.bot', integrationId: 2147483647 }],
  ])('reads %j', (stored, expected) => {
    expect(readConnection(stored)).toEqual(expected);
    expect(schemaView(stored)).toEqual(expected);
  });

  it.each([
    undefined,
    null,
    'settings',
    42,
    [],
    {},
    { immybot: null },
    { immybot: null, haloOrigins: [PSA] },
    { immybot: undefined },
    { immybot: 'https://acme.immy.bot' },
    { immybot: {} },
    { immybot: { instanceOrigin: 'https://acme.immy.bot' } },
    { immybot: { integrationId: 619 } },
    { immybot: { ...ACME, instanceOrigin: 'https://acme.immy.bot/' } },
    { immybot: { ...ACME, instanceOrigin: 'http://acme.immy.bot' } },
    { immybot: { ...ACME, instanceOrigin: 'https://acme.immy.bot.evil.test' } },
    { immybot: { ...ACME, instanceOrigin: 'https://ACME.immy.bot' } },
    { immybot: { ...ACME, instanceOrigin: PSA } },
    { immybot: { ...ACME, integrationId: 0 } },
    { immybot: { ...ACME, integrationId: 1.5 } },
    { immybot: { ...ACME, integrationId: -1 } },
    { immybot: { ...ACME, integrationId: 2147483648 } },
    { immybot: { ...ACME, integrationId: '619' } },
    { immybot: { ...ACME, integrationId: NaN } },
    { immybot: [ACME] },
  ])('rejects %j, as the schema does', (stored) => {
    expect(readConnection(stored)).toBeNull();
    expect(schemaView(stored)).toBeNull();
  });
});

describe('readHaloOrigins', () => {
  it.each([
    [{ immybot: ACME, haloOrigins: [PSA, SERVICE] }, [PSA, SERVICE]],
    [{ haloOrigins: ['http://localhost:3000', 'https://10.1.2.3'] }, ['http://localhost:3000', 'https://10.1.2.3']],
    [{ haloOrigins: [] }, []],
    // One bad entry does not disable the rest, and the order is kept.
    [{ haloOrigins: [SERVICE, 'psa.example.com', PSA] }, [SERVICE, PSA]],
    [{ haloOrigins: ['https://psa.example.com/', PSA, 'http://psa.example.com', 42, null, { origin: PSA }, [PSA]] }, [PSA]],
    [{ haloOrigins: ['https://acme.halopsa.com', 'https://PSA.example.com', 'https://psa.example.com:443', SERVICE] }, [SERVICE]],
    [{ haloOrigins: ['javascript:alert(1)', 'file:///etc/passwd', '', 'https://user:pw@psa.example.com'] }, []],
  ])('reads %j', (stored, expected) => {
    expect(readHaloOrigins(stored)).toEqual(expected);
  });

  it.each([undefined, null, 'settings', 42, [], [PSA], {}, { haloOrigins: null }, { haloOrigins: PSA }, { haloOrigins: { 0: PSA, length: 1 } }, { haloOrigins: new Set([PSA]) }])(
    'reads no origins from %j',
    (stored) => {
      expect(readHaloOrigins(stored)).toEqual([]);
    },
  );
});

// ----- Properties: the content script's zod-free reader agrees with the writer's schema -----

const instanceOrigin = fc.oneof(
  { arbitrary: fc.constantFrom('https://acme.immy.bot', 'https://my-shop.immy.bot'), weight: 2 },
  fc.constantFrom('https://acme.immy.bot', 'https://a.immy.bot', 'http://acme.immy.bot', 'https://acme.immy.bot/', 'https://immy.bot', ''),
  fc.stringMatching(/^[a-z0-9-]{1,12}$/).map((label) => `https://${label}.immy.bot`),
  fc.string(),
  fc.anything(),
);
const integrationId = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 2147483647 }), weight: 3 },
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2147483648, NaN, '619'),
  fc.anything(),
);
const connectionLike = fc.record({ instanceOrigin, integrationId, extra: fc.anything() }, { requiredKeys: [] });

const VALID_HALO_ORIGINS = [PSA, SERVICE, 'http://localhost:3000', 'https://10.1.2.3', 'https://xn--mnchen-3ya.example.com'];
const haloOriginLike = fc.oneof(
  { arbitrary: fc.constantFrom(...VALID_HALO_ORIGINS), weight: 4 },
  fc.constantFrom(
    'https://acme.halopsa.com',
    'http://psa.example.com',
    'https://psa.example.com/',
    'psa.example.com',
    'https://PSA.example.com',
    'https://psa.example.com:443',
    'http://localhost:3000/',
    'javascript:alert(1)',
    '',
  ),
  fc.webUrl().map((url) => new URL(url).origin),
  fc.webUrl(),
  fc.string(),
  fc.anything(),
);
const haloOriginsLike = fc.oneof(
  { arbitrary: fc.uniqueArray(fc.constantFrom(...VALID_HALO_ORIGINS), { maxLength: 4 }), weight: 3 },
  fc.array(haloOriginLike, { maxLength: 6 }),
  fc.anything(),
);

const storedLike = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true }),
  fc.record(
    { immybot: fc.oneof(connectionLike, fc.constant(null), fc.anything()), haloOrigins: haloOriginsLike, other: fc.anything() },
    { requiredKeys: [] },
  ),
  fc.record({ immybot: fc.oneof(fc.record({ instanceOrigin, integrationId }), fc.constant(null)), haloOrigins: haloOriginsLike }),
);

describe('readConnection agrees with the schema’s rule for the connection', () => {
  it('returns a connection exactly when the schema accepts a non-null one, and the same connection', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        const read = readConnection(stored);
        const schema = schemaConnection(stored);
        if (schema === REJECTED) expect(read).toBeNull();
        else expect(read).toEqual(schema);
      }),
      { numRuns: 3000 },
    );
  });

  it('generates accepted connections, null connections and rejected values (the property is not vacuous)', () => {
    const samples = fc.sample(storedLike, { numRuns: 3000, seed: 42 });
    const outcomes = samples.map(schemaConnection);
    const connections = outcomes.filter((o) => o !== REJECTED && o !== null).length;
    const nulls = outcomes.filter((o) => o === null).length;
    const rejected = outcomes.filter((o) => o === REJECTED).length;
    // Near misses: an immybot object whose origin is right but which the schema still rejects.
    const nearMisses = samples.filter(
      (s, i) => outcomes[i] === REJECTED && (s as { immybot?: { instanceOrigin?: unknown } })?.immybot?.instanceOrigin === 'https://acme.immy.bot',
    ).length;
    expect(connections).toBeGreaterThan(100);
    expect(nulls).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(100);
    expect(nearMisses).toBeGreaterThan(20);
  });
});

describe('the page reader agrees with SettingsSchema on valid settings', () => {
  it('reads the same connection and origins as loadSettings whenever the whole schema accepts the value', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        const parsed = SettingsSchema.safeParse(stored);
        if (!parsed.success) return;
        expect(readConnection(stored)).toEqual(parsed.data.immybot);
        expect(readHaloOrigins(stored)).toEqual(parsed.data.haloOrigins);
      }),
      { numRuns: 3000 },
    );
  });

  it('generates values the whole schema accepts, with and without origins (not vacuous)', () => {
    const accepted = fc
      .sample(storedLike, { numRuns: 3000, seed: 7 })
      .map((s) => SettingsSchema.safeParse(s))
      .filter((p) => p.success);
    expect(accepted.length).toBeGreaterThan(100);
    expect(accepted.filter((p) => p.data!.haloOrigins.length > 0).length).toBeGreaterThan(50);
    expect(accepted.filter((p) => p.data!.immybot !== null).length).toBeGreaterThan(50);
  });
});

describe('readHaloOrigins keeps exactly what HaloOriginsSchema accepts element-wise', () => {
  /** The schema's rule for one element, taken from the schema itself. */
  const elementAccepted = (value: unknown) => HaloOriginsSchema.safeParse([value]).success;

  it('returns, in order, every element the schema accepts and nothing else', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        const read = readHaloOrigins(stored);
        for (const origin of read) expect(elementAccepted(origin)).toBe(true);
        const raw = (stored as { haloOrigins?: unknown } | null | undefined)?.haloOrigins;
        expect(read).toEqual(Array.isArray(raw) ? raw.filter(elementAccepted) : []);
      }),
      { numRuns: 3000 },
    );
  });

  it('an array the schema accepts as a whole comes back unchanged', () => {
    fc.assert(
      fc.property(haloOriginsLike, (haloOrigins) => {
        if (!HaloOriginsSchema.safeParse(haloOrigins).success) return;
        expect(readHaloOrigins({ haloOrigins })).toEqual(haloOrigins);
      }),
      { numRuns: 2000 },
    );
  });

  it('generates arrays where some elements are kept and some dropped (not vacuous)', () => {
    const arrays = fc
      .sample(haloOriginsLike, { numRuns: 3000, seed: 11 })
      .filter((a): a is unknown[] => Array.isArray(a));
    const mixed = arrays.filter((a) => {
      const kept = readHaloOrigins({ haloOrigins: a }).length;
      return kept > 0 && kept < a.length;
    });
    expect(mixed.length).toBeGreaterThan(100);
    expect(arrays.filter((a) => a.length > 0 && readHaloOrigins({ haloOrigins: a }).length === a.length).length).toBeGreaterThan(100);
    // The generator's own pool agrees with isHaloOrigin.
    for (const origin of VALID_HALO_ORIGINS) expect(isHaloOrigin(origin)).toBe(true);
  });
});

// ----- Reading from storage -----

/** watchPageSettings reads storage again before calling back: let that settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('loadPageSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('loads no connection and no origins when nothing is stored', async () => {
    expect(await loadPageSettings()).toMatchObject({ connection: null, haloOrigins: [] });
  });

  it('loads the connection and origins from storage.local "settings"', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: [PSA, SERVICE] } });
    expect(await loadPageSettings()).toMatchObject({ connection: ACME, haloOrigins: [PSA, SERVICE] });
  });

  it('ignores the same value in another area or key', async () => {
    await fakeBrowser.storage.sync.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await fakeBrowser.storage.local.set({ other: { immybot: ACME, haloOrigins: [PSA] } });
    expect(await loadPageSettings()).toMatchObject({ connection: null, haloOrigins: [] });
  });

  it('reads each part on its own: a bad connection keeps the origins, a bad origin keeps the rest', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: { ...ACME, integrationId: 0 }, haloOrigins: ['http://evil.test', PSA] } });
    expect(await loadPageSettings()).toMatchObject({ connection: null, haloOrigins: [PSA] });
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: 'garbage' } });
    expect(await loadPageSettings()).toMatchObject({ connection: ACME, haloOrigins: [] });
  });

  it.each([
    [undefined, 0],
    [1_700_000_000_000, 1_700_000_000_000],
    ['1700000000000', 0],
    [null, 0],
  ])('reads signedInAt %j as %j', async (value, expected) => {
    if (value !== undefined) await fakeBrowser.storage.local.set({ [SIGNED_IN_AT_KEY]: value });
    expect((await loadPageSettings()).signedInAt).toBe(expected);
  });
});

describe('watchPageSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('fires on local "settings" changes only, with the new settings, until unwatched', async () => {
    const onChange = vi.fn();
    const unwatch = watchPageSettings(onChange);

    await fakeBrowser.storage.local.set({ paneLayout: { width: 500, collapsed: false } });
    await fakeBrowser.storage.sync.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await fakeBrowser.storage.session.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await settle();
    expect(onChange).not.toHaveBeenCalled();

    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ connection: ACME, haloOrigins: [PSA] });

    await fakeBrowser.storage.local.set({
      settings: { immybot: { ...ACME, instanceOrigin: 'http://acme.immy.bot' }, haloOrigins: [PSA, 'https://acme.halopsa.com', SERVICE] },
    });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ connection: null, haloOrigins: [PSA, SERVICE] });

    await fakeBrowser.storage.local.remove('settings');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(3));
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ connection: null, haloOrigins: [] });

    unwatch();
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await settle();
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('fires when a sign-in completes, with the new signedInAt and the current settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    const onChange = vi.fn();
    const unwatch = watchPageSettings(onChange);
    await fakeBrowser.storage.local.set({ [SIGNED_IN_AT_KEY]: 1234 });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange).toHaveBeenLastCalledWith({ connection: ACME, haloOrigins: [PSA], signedInAt: 1234 });
    unwatch();
  });
});
