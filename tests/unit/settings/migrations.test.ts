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
    const stored = await fakeBrowser.storage.local.get('settings');
    expect(SettingsSchema.safeParse(stored.settings).success).toBe(true);
    expect(loaded).toEqual(SettingsSchema.parse(stored.settings));
  });
});
