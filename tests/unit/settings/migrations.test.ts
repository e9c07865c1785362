import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION, settingsMigrations } from '../../../lib/settings/migrations';
import { readSettings } from '../../../lib/settings/read';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../../lib/settings/schema';
import { connectionForSite } from '../../../lib/settings/site-connections';
import { withReads } from './reads';
import { ACME, brokenExamples, DECLINED, exampleOf, HOSTED, versionedExamples as examples } from './examples';

async function freshStore() {
  vi.resetModules();
  return withReads(await import('../../../lib/settings/store'));
}

/** The whole chain, as WXT runs it: every migration after `from`, in order. */
function migrateFrom(from: number, value: unknown): unknown {
  let migrated = value;
  for (let version = from + 1; version <= SETTINGS_VERSION; version++) migrated = settingsMigrations[version](migrated);
  return migrated;
}

const MIGRATIONS = Object.keys(settingsMigrations).map(Number);
const CURRENT = exampleOf(SETTINGS_VERSION);

/** Values no version ever stored, which the migrations must leave for the reader to deal with. */
const ODD_VALUES: [string, unknown][] = [
  ['a string', 'garbage'],
  ['a number', 42],
  ['a boolean', false],
  ['an array', [ACME]],
  ['an empty object', {}],
  ...brokenExamples.map(({ name, stored }): [string, unknown] => [`the broken example ${name}`, stored]),
];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings versions', () => {
  it('is at version 5', () => {
    expect(SETTINGS_VERSION).toBe(5);
  });

  it('has an example for every version up to SETTINGS_VERSION, and none beyond', () => {
    expect(examples.map((e) => e.version)).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
    expect(Math.max(...examples.map((e) => e.version))).toBe(SETTINGS_VERSION);
  });

  it('has a migration for every version 2..SETTINGS_VERSION, and no other', () => {
    expect(MIGRATIONS.sort((a, b) => a - b)).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2));
  });

  it('the current example is valid current settings, not the defaults: a connection, hosted and self-hosted sites, a declined tenant', () => {
    const parsed = SettingsSchema.safeParse(CURRENT);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(CURRENT);
    expect(CURRENT).not.toEqual(DEFAULT_SETTINGS);
    const { immybot, haloOrigins, declinedOrigins } = SettingsSchema.parse(CURRENT);
    expect(immybot).toEqual(ACME);
    expect(haloOrigins).toContain(HOSTED);
    expect(haloOrigins.some((o) => !o.endsWith('.halopsa.com'))).toBe(true);
    expect(declinedOrigins).toEqual([DECLINED]);
  });

  it.each(examples)('v$version example migrates to settings the schema accepts', async ({ version, value }) => {
    await fakeBrowser.storage.local.set({ settings: value, settings$: { v: version } });
    const { loadSettings } = await freshStore();
    const loaded = await loadSettings();

    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
    const parsed = SettingsSchema.safeParse(stored.settings);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // loadSettings hands out the migrated value, not the fallback, and nothing needed repair.
    expect(loaded).toEqual(parsed.data);
    expect(readSettings(stored.settings).problems).toEqual([]);
    // Migrating forward keeps everything the example had.
    expect(stored.settings).toMatchObject(value as object);
    if (version === SETTINGS_VERSION) expect(stored.settings).toEqual(value);
  });

  it.each(examples)('v$version example migrated by the chain is what the store stores', async ({ version, value }) => {
    await fakeBrowser.storage.local.set({ settings: value, settings$: { v: version } });
    await (await freshStore()).loadSettings();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(migrateFrom(version, value));
  });

  it('treats a value stored without version metadata as v1', async () => {
    await fakeBrowser.storage.local.set({ settings: examples[0].value });
    const { loadSettings } = await freshStore();
    const loaded = await loadSettings();
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(SettingsSchema.safeParse(stored.settings).success).toBe(true);
    expect(loaded).toEqual(SettingsSchema.parse(stored.settings));
    expect(loaded).toEqual({ immybot: ACME, haloOrigins: [], declinedOrigins: [], show: null, siteConnections: {} });
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
  });
});

describe('v1 → v2: self-hosted HaloPSA sites', () => {
  const v1 = exampleOf(1) as { immybot: unknown };
  const v2 = exampleOf(2) as { haloOrigins: string[] };

  it('the examples are what they claim: v1 has no haloOrigins, v2 has some', () => {
    expect(v1).not.toHaveProperty('haloOrigins');
    expect(v1.immybot).toEqual(ACME);
    expect(v2.haloOrigins.length).toBeGreaterThan(0);
    expect(v2).not.toHaveProperty('declinedOrigins');
  });

  it('the migration keeps the connection, adds an empty haloOrigins and leaves its input alone', () => {
    const input = structuredClone(v1);
    expect(settingsMigrations[2](input)).toEqual({ immybot: v1.immybot, haloOrigins: [] });
    expect(input).toEqual(v1);
  });

  it('the migration keeps haloOrigins that are already there', () => {
    expect(settingsMigrations[2](structuredClone(v2))).toEqual(v2);
    expect(settingsMigrations[2](structuredClone(CURRENT))).toEqual(CURRENT);
  });

  it.each([
    ['the v1 example', () => v1],
    ['a v1 value without a connection', () => ({ immybot: null })],
  ])('%s stored as v1 is rewritten as current settings with no sites', async (_, value) => {
    await fakeBrowser.storage.local.set({ settings: value(), settings$: { v: 1 } });
    const { loadSettings } = await freshStore();
    const expected = { ...value(), haloOrigins: [], declinedOrigins: [], show: null, siteConnections: {} };
    expect(await loadSettings()).toEqual(expected);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: expected,
      settings$: { v: SETTINGS_VERSION },
    });
  });
});

describe('v2 → v3: hosted tenants in haloOrigins, and “Not here” answers', () => {
  const v2 = exampleOf(2) as { immybot: unknown; haloOrigins: string[] };

  it('the migration keeps the connection and every address, adds an empty declinedOrigins and leaves its input alone', () => {
    const input = structuredClone(v2);
    expect(settingsMigrations[3](input)).toEqual({
      immybot: v2.immybot,
      haloOrigins: v2.haloOrigins,
      declinedOrigins: [],
    });
    expect(input).toEqual(v2);
  });

  it('a v2 value stored as v2 keeps its addresses', async () => {
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual({ ...v2, declinedOrigins: [], show: null, siteConnections: {} });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { ...v2, declinedOrigins: [], show: null, siteConnections: {} },
      settings$: { v: SETTINGS_VERSION },
    });
  });

  it('v0.1’s own list of hosted tenants is not carried into the settings', async () => {
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 }, hostedTenants: [HOSTED] });
    const { loadSettings } = await freshStore();
    expect((await loadSettings()).haloOrigins).not.toContain(HOSTED);
  });
});

describe('v3 → v4: “Show Technician Tools”', () => {
  const v3 = exampleOf(3) as Record<string, unknown>;

  it('the examples are what they claim: v3 has no choice, v4 has one', () => {
    expect(v3).not.toHaveProperty('show');
    expect((CURRENT as { show: unknown }).show).toBe('both');
  });

  it('the migration adds “not chosen yet” (null: the browser’s default) and keeps everything else', () => {
    const input = structuredClone(v3);
    expect(settingsMigrations[4](input)).toEqual({ ...v3, show: null });
    expect(input).toEqual(v3);
  });

  it('the migration keeps a choice already there', () => {
    expect(settingsMigrations[4](structuredClone(CURRENT))).toEqual(CURRENT);
  });

  it('the v3 example stored as v3 loads with every site and answer, not chosen yet', async () => {
    await fakeBrowser.storage.local.set({ settings: v3, settings$: { v: 3 } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual({ ...v3, show: null, siteConnections: {} });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { ...v3, show: null, siteConnections: {} },
      settings$: { v: SETTINGS_VERSION },
    });
  });
});

describe('v4 → v5: a connection of its own for a site', () => {
  const v4 = exampleOf(4) as Record<string, unknown>;

  it('the examples are what they claim: v4 has no site connections, v5 one on integration 620', () => {
    expect(v4).not.toHaveProperty('siteConnections');
    expect(Object.values((CURRENT as { siteConnections: object }).siteConnections)).toEqual([
      { instanceOrigin: 'https://acme.immy.bot', integrationId: 620 },
    ]);
  });

  it('the migration leaves every existing site on the default connection and keeps everything else', () => {
    const input = structuredClone(v4);
    expect(settingsMigrations[5](input)).toEqual({ ...v4, siteConnections: {} });
    expect(input).toEqual(v4);
  });

  it('the migration keeps connections already there', () => {
    expect(settingsMigrations[5](structuredClone(CURRENT))).toEqual(CURRENT);
  });

  it('the v4 example stored as v4 loads with every site on the default connection', async () => {
    await fakeBrowser.storage.local.set({ settings: v4, settings$: { v: 4 } });
    const { loadSettings } = await freshStore();
    const loaded = await loadSettings();
    expect(loaded).toEqual({ ...v4, siteConnections: {} });
    for (const site of loaded.haloOrigins) expect(connectionForSite(loaded, site)).toEqual(ACME);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { ...v4, siteConnections: {} },
      settings$: { v: SETTINGS_VERSION },
    });
  });

  it('a v5 value is not migrated again', async () => {
    await fakeBrowser.storage.local.set({ settings: CURRENT, settings$: { v: 5 } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(CURRENT);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: CURRENT, settings$: { v: 5 } });
  });
});

describe('migrations only fill in what is missing: running them again changes nothing', () => {
  const cases = examples.flatMap(({ version, value }) =>
    MIGRATIONS.map((migration) => ({ version, migration, value })),
  );

  it.each(cases)(
    'migration $migration applied twice to the v$version example is applied once',
    ({ migration, value }) => {
      const once = settingsMigrations[migration](structuredClone(value));
      expect(settingsMigrations[migration](structuredClone(once))).toEqual(once);
    },
  );

  it.each(cases.filter(({ version, migration }) => version >= migration))(
    'migration $migration leaves the v$version example (which it already has) as it is',
    ({ migration, value }) => {
      expect(settingsMigrations[migration](structuredClone(value))).toEqual(value);
    },
  );

  it.each(examples)(
    'the whole chain run over the v$version example once it is migrated changes nothing',
    ({ version, value }) => {
      const migrated = migrateFrom(version, structuredClone(value));
      expect(migrateFrom(1, structuredClone(migrated))).toEqual(migrated);
    },
  );

  it.each(ODD_VALUES)(
    'on %s every migration is idempotent, and the chain keeps all the reader would keep',
    (_, value) => {
      for (const migration of MIGRATIONS) {
        const once = settingsMigrations[migration](structuredClone(value));
        expect(settingsMigrations[migration](structuredClone(once))).toEqual(once);
      }
      // What the reader keeps is never less after the chain than before it.
      const kept = readSettings(value).settings;
      expect(readSettings(migrateFrom(1, structuredClone(value))).settings).toEqual(kept);
    },
  );

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [ACME]],
  ])('the migrations leave %s as it is', (_, value) => {
    for (const migration of MIGRATIONS) expect(settingsMigrations[migration](structuredClone(value))).toEqual(value);
  });
});

describe('losing the version record never re-runs a migration destructively', () => {
  it('the current example stored without settings$ loads with every site, answer and choice intact', async () => {
    await fakeBrowser.storage.local.set({ settings: CURRENT, settings$: { v: SETTINGS_VERSION } });
    await fakeBrowser.storage.local.remove('settings$');
    const { loadSettings, loadSettingsWithProblems } = await freshStore();
    expect(await loadSettings()).toEqual(CURRENT);
    expect((await loadSettingsWithProblems()).problems).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: CURRENT,
      settings$: { v: SETTINGS_VERSION },
    });
  });

  it.each([
    ['a stray version 1', { v: 1 }],
    ['a stray version 2', { v: 2 }],
    ['a stray version 3', { v: 3 }],
    ['unreadable metadata', 'v4'],
    ['metadata without a version', {}],
  ])('the current example with %s loads intact', async (_, meta) => {
    await fakeBrowser.storage.local.set({ settings: CURRENT, settings$: meta });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(CURRENT);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(CURRENT);
  });

  it.each(examples)(
    'the v$version example, migrated, then its settings$ lost, then loaded again: nothing lost',
    async ({ version, value }) => {
      await fakeBrowser.storage.local.set({ settings: value, settings$: { v: version } });
      const first = await (await freshStore()).loadSettings();
      await fakeBrowser.storage.local.remove('settings$');
      const second = await (await freshStore()).loadSettings();
      expect(second).toEqual(first);
      expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(first);
    },
  );

  it('a change stored after the version record was lost keeps every earlier site and answer', async () => {
    await fakeBrowser.storage.local.set({ settings: CURRENT });
    const { changeSettings } = await freshStore();
    const NEW = 'https://new.example.org';
    const after = await changeSettings({ kind: 'addSite', origin: NEW });
    const current = CURRENT as { haloOrigins: string[] };
    expect(after).toEqual({ ...current, haloOrigins: [...current.haloOrigins, NEW] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: after, settings$: { v: SETTINGS_VERSION } });
  });
});
