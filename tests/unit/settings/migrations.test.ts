import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION, settingsMigrations } from '../../../lib/settings/migrations';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../../lib/settings/schema';

/** tests/unit/settings/examples/v<N>.json: settings as version N stored them. */
const EXAMPLES_DIR = fileURLToPath(new URL('./examples/', import.meta.url));
const examples = readdirSync(EXAMPLES_DIR)
  .map((file) => /^v([1-9][0-9]*)\.json$/.exec(file))
  .filter((match) => match !== null)
  .map((match) => ({ version: Number(match[1]), value: JSON.parse(readFileSync(EXAMPLES_DIR + match[0], 'utf8')) as unknown }))
  .sort((a, b) => a.version - b.version);

async function freshStore() {
  vi.resetModules();
  return import('../../../lib/settings/store');
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings versions', () => {
  it('has an example for every version up to SETTINGS_VERSION, and none beyond', () => {
    expect(examples.map((e) => e.version)).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
    expect(Math.max(...examples.map((e) => e.version))).toBe(SETTINGS_VERSION);
  });

  it('has a migration only for versions 2..SETTINGS_VERSION', () => {
    for (const key of Object.keys(settingsMigrations).map(Number)) {
      expect(Number.isInteger(key) && key >= 2 && key <= SETTINGS_VERSION).toBe(true);
    }
  });

  it('the current example is valid current settings, not the defaults', () => {
    const current = examples.at(-1)?.value;
    expect(SettingsSchema.safeParse(current).success).toBe(true);
    expect(current).not.toEqual(DEFAULT_SETTINGS);
  });

  it.each(examples)('v$version example migrates to settings the schema accepts', async ({ version, value }) => {
    await fakeBrowser.storage.local.set({ settings: value, settings$: { v: version } });
    const { loadSettings } = await freshStore();
    const loaded = await loadSettings();

    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
    const parsed = SettingsSchema.safeParse(stored.settings);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // loadSettings hands out the migrated value, not the fallback.
    expect(loaded).toEqual(parsed.data);
    if (version === SETTINGS_VERSION) expect(stored.settings).toEqual(value);
  });

  it('treats a value stored without version metadata as v1', async () => {
    await fakeBrowser.storage.local.set({ settings: examples[0].value });
    const { loadSettings } = await freshStore();
    const loaded = await loadSettings();
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(SettingsSchema.safeParse(stored.settings).success).toBe(true);
    expect(loaded).toEqual(SettingsSchema.parse(stored.settings));
    expect(loaded).toEqual({ immybot: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 }, haloOrigins: [] });
    expect(stored.settings$).toEqual({ v: 2 });
  });
});

describe('v1 → v2: self-hosted HaloPSA addresses', () => {
  const v1 = examples.find((e) => e.version === 1)!.value as { immybot: unknown };
  const v2 = examples.find((e) => e.version === 2)!.value as { haloOrigins: string[] };

  it('the examples are what they claim: v1 has no haloOrigins, v2 has some', () => {
    expect(v1).not.toHaveProperty('haloOrigins');
    expect(v1.immybot).toEqual({ instanceOrigin: 'https://acme.immy.bot', integrationId: 619 });
    expect(v2.haloOrigins.length).toBeGreaterThan(0);
  });

  it('the migration keeps the connection, adds an empty haloOrigins and leaves its input alone', () => {
    const input = structuredClone(v1);
    expect(settingsMigrations[2](input)).toEqual({ immybot: v1.immybot, haloOrigins: [] });
    expect(input).toEqual(v1);
  });

  it.each([
    ['the v1 example', () => v1],
    ['a v1 value without a connection', () => ({ immybot: null })],
  ])('%s stored as v1 is rewritten as v2 with haloOrigins []', async (_, value) => {
    await fakeBrowser.storage.local.set({ settings: value(), settings$: { v: 1 } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual({ ...value(), haloOrigins: [] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { ...value(), haloOrigins: [] }, settings$: { v: 2 } });
  });

  it('a v2 value is not migrated again', async () => {
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(v2);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: v2, settings$: { v: 2 } });
  });
});
