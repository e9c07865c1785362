import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadConnection, readConnection, watchConnection } from '../../../lib/settings/read-connection';
import { SettingsSchema } from '../../../lib/settings/schema';

const ACME = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };

/** What the schema (the writer's rule) says the content script should see. */
function schemaView(value: unknown) {
  const parsed = SettingsSchema.safeParse(value);
  return parsed.success ? parsed.data.immybot : null;
}

describe('readConnection', () => {
  it.each([
    [{ immybot: ACME }, ACME],
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
    { immybot: undefined },
    { immybot: 'https://acme.immy.bot' },
    { immybot: {} },
    { immybot: { instanceOrigin: 'https://acme.immy.bot' } },
    { immybot: { integrationId: 619 } },
    { immybot: { ...ACME, instanceOrigin: 'https://acme.immy.bot/' } },
    { immybot: { ...ACME, instanceOrigin: 'http://acme.immy.bot' } },
    { immybot: { ...ACME, instanceOrigin: 'https://acme.immy.bot.evil.test' } },
    { immybot: { ...ACME, instanceOrigin: 'https://ACME.immy.bot' } },
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

const origin = fc.oneof(
  { arbitrary: fc.constantFrom('https://acme.immy.bot', 'https://my-shop.immy.bot'), weight: 2 },
  fc.constantFrom('https://acme.immy.bot', 'https://a.immy.bot', 'http://acme.immy.bot', 'https://acme.immy.bot/', 'https://immy.bot', ''),
  fc.stringMatching(/^[a-z0-9-]{1,12}$/).map((label) => `https://${label}.immy.bot`),
  fc.string(),
  fc.anything(),
);
const id = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 2147483647 }), weight: 3 },
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2147483648, NaN, '619'),
  fc.anything(),
);
const connectionLike = fc.record(
  { instanceOrigin: origin, integrationId: id, extra: fc.anything() },
  { requiredKeys: [] },
);
const storedLike = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true }),
  fc.record({ immybot: fc.oneof(connectionLike, fc.constant(null), fc.anything()), other: fc.anything() }, { requiredKeys: [] }),
  fc.record({ immybot: fc.record({ instanceOrigin: origin, integrationId: id }) }),
);

describe('readConnection agrees with SettingsSchema', () => {
  it('returns a connection exactly when the schema accepts a non-null one, and the same connection', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        const read = readConnection(stored);
        const parsed = SettingsSchema.safeParse(stored);
        const schemaHasConnection = parsed.success && (stored as { immybot: unknown }).immybot !== null;
        expect(read !== null).toBe(schemaHasConnection);
        if (parsed.success) expect(read).toEqual(parsed.data.immybot);
      }),
      { numRuns: 3000 },
    );
  });

  it('generates both outcomes (the property is not vacuous)', () => {
    const samples = fc.sample(storedLike, { numRuns: 3000, seed: 42 });
    const accepted = samples.filter((s) => readConnection(s) !== null).length;
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(samples.length - 100);
  });
});

describe('loadConnection / watchConnection', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('loads null when nothing is stored', async () => {
    expect(await loadConnection()).toBeNull();
  });

  it('loads the stored connection from storage.local "settings"', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME } });
    expect(await loadConnection()).toEqual(ACME);
  });

  it('ignores the same value in another area or key', async () => {
    await fakeBrowser.storage.sync.set({ settings: { immybot: ACME } });
    await fakeBrowser.storage.local.set({ other: { immybot: ACME } });
    expect(await loadConnection()).toBeNull();
  });

  it('loads null for an invalid stored connection', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: { ...ACME, integrationId: 0 } } });
    expect(await loadConnection()).toBeNull();
  });

  it('fires on local "settings" changes only, with the new connection, until unwatched', async () => {
    const onChange = vi.fn();
    const unwatch = watchConnection(onChange);

    await fakeBrowser.storage.local.set({ paneLayout: { width: 500, collapsed: false } });
    await fakeBrowser.storage.sync.set({ settings: { immybot: ACME } });
    await fakeBrowser.storage.session.set({ settings: { immybot: ACME } });
    expect(onChange).not.toHaveBeenCalled();

    await fakeBrowser.storage.local.set({ settings: { immybot: ACME } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(ACME);

    await fakeBrowser.storage.local.set({ settings: { immybot: { ...ACME, instanceOrigin: 'http://acme.immy.bot' } } });
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenLastCalledWith(null);

    await fakeBrowser.storage.local.remove('settings');
    expect(onChange).toHaveBeenCalledTimes(3);
    expect(onChange).toHaveBeenLastCalledWith(null);

    unwatch();
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME } });
    expect(onChange).toHaveBeenCalledTimes(3);
  });
});
