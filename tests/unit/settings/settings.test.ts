import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SIGNED_IN_AT_KEY, POLICY_KEY } from '../../../lib/storage';
import { SETTINGS_VERSION } from '../../../lib/settings/migrations';
import { loadSettings, watchSettings } from '../../../lib/settings/settings';
import { readSettings } from '../../../lib/settings/read';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { ACME, brokenExamples, DECLINED, exampleOf, HOSTED, PSA, SERVICE } from './examples';

const CURRENT = exampleOf(SETTINGS_VERSION) as object;

/** watchSettings reads storage again before calling back: let that settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

/** No policy and no stored value set aside. */
const NOTHING_WRONG = { policy: {}, problems: [], policyProblems: [] };

describe('loadSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('loads no connection, no sites and no answers when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      signedInAt: 0,
      sources: expect.any(Object),
      ...NOTHING_WRONG,
    });
  });

  it('loads the connection, sites and answers from storage.local "settings"', async () => {
    await fakeBrowser.storage.local.set({
      settings: { immybot: ACME, haloOrigins: [PSA, HOSTED, SERVICE], declinedOrigins: [DECLINED] },
    });
    expect(await loadSettings()).toEqual({
      immybot: ACME,
      haloOrigins: [PSA, HOSTED, SERVICE],
      declinedOrigins: [DECLINED],
      show: null,
      siteConnections: {},
      signedInAt: 0,
      sources: {
        instanceOrigin: 'local',
        integrationId: 'local',
        haloOrigins: 'local',
        show: 'default',
        siteConnections: 'default',
      },
      ...NOTHING_WRONG,
    });
  });

  it('loads the current example as it is', async () => {
    await fakeBrowser.storage.local.set({ settings: CURRENT, settings$: { v: 3 } });
    expect(await loadSettings()).toEqual({ ...CURRENT, signedInAt: 0, sources: expect.any(Object), ...NOTHING_WRONG });
  });

  it('ignores the same value in another area or key', async () => {
    await fakeBrowser.storage.sync.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await fakeBrowser.storage.session.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await fakeBrowser.storage.local.set({ other: { immybot: ACME, haloOrigins: [PSA] } });
    expect(await loadSettings()).toMatchObject({ immybot: null, haloOrigins: [], declinedOrigins: [] });
  });

  it('reads each part on its own: a bad connection keeps the origins, a bad origin keeps the rest', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        immybot: { ...ACME, integrationId: 0 },
        haloOrigins: ['http://evil.test', PSA],
        declinedOrigins: [DECLINED],
      },
    });
    expect(await loadSettings()).toMatchObject({ immybot: null, haloOrigins: [PSA], declinedOrigins: [DECLINED] });
    await fakeBrowser.storage.local.set({
      settings: { immybot: ACME, haloOrigins: 'garbage', declinedOrigins: [DECLINED] },
    });
    expect(await loadSettings()).toMatchObject({ immybot: ACME, haloOrigins: [], declinedOrigins: [DECLINED] });
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: [HOSTED], declinedOrigins: null } });
    expect(await loadSettings()).toMatchObject({ immybot: ACME, haloOrigins: [HOSTED], declinedOrigins: [] });
  });

  it.each(brokenExamples)(
    'reads the broken example $name as readSettings repairs it, without writing',
    async ({ stored, repaired }) => {
      await fakeBrowser.storage.local.set({ settings: stored });
      expect(await loadSettings()).toMatchObject({ ...repaired, signedInAt: 0, policy: {}, policyProblems: [] });
      expect(readSettings(stored).settings).toEqual(repaired);
      expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: stored });
    },
  );

  it.each([
    [undefined, 0],
    [1_700_000_000_000, 1_700_000_000_000],
    ['1700000000000', 0],
    [null, 0],
  ])('reads signedInAt %j as %j', async (value, expected) => {
    if (value !== undefined) await fakeBrowser.storage.local.set({ [SIGNED_IN_AT_KEY]: value });
    expect((await loadSettings()).signedInAt).toBe(expected);
  });

  it('reads only its three keys from storage, in one call', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await loadSettings();
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith(['settings', POLICY_KEY, SIGNED_IN_AT_KEY]);
  });
});

describe('watchSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('fires on local "settings" changes only, with the new settings, until unwatched', async () => {
    const onChange = vi.fn();
    const unwatch = watchSettings(onChange);

    await fakeBrowser.storage.local.set({ paneLayout: { width: 500, collapsed: false } });
    await fakeBrowser.storage.sync.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await fakeBrowser.storage.session.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await settle();
    expect(onChange).not.toHaveBeenCalled();

    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [] });

    await fakeBrowser.storage.local.set({
      settings: {
        immybot: { ...ACME, instanceOrigin: 'http://acme.immy.bot' },
        haloOrigins: [PSA, 'http://acme.halopsa.com', HOSTED, SERVICE],
        declinedOrigins: [DECLINED],
      },
    });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    expect(onChange.mock.lastCall?.[0]).toMatchObject({
      immybot: null,
      haloOrigins: [PSA, HOSTED, SERVICE],
      declinedOrigins: [DECLINED],
    });

    await fakeBrowser.storage.local.remove('settings');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(3));
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ immybot: null, haloOrigins: [], declinedOrigins: [] });

    unwatch();
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: [PSA] } });
    await settle();
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('fires when a sign-in completes, with the new signedInAt and the current settings', async () => {
    await fakeBrowser.storage.local.set({
      settings: { immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED] },
    });
    const onChange = vi.fn();
    const unwatch = watchSettings(onChange);
    await fakeBrowser.storage.local.set({ [SIGNED_IN_AT_KEY]: 1234 });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange).toHaveBeenLastCalledWith({
      immybot: ACME,
      haloOrigins: [PSA],
      declinedOrigins: [DECLINED],
      show: null,
      siteConnections: {},
      signedInAt: 1234,
      sources: expect.any(Object),
      ...NOTHING_WRONG,
    });
    unwatch();
  });

  it('sees a change the single writer stores', async () => {
    const onChange = vi.fn();
    const unwatch = watchSettings(onChange);
    vi.resetModules();
    const { changeSettings } = await import('../../../lib/settings/store');
    await changeSettings({ kind: 'declineSite', origin: DECLINED });
    await vi.waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({
        ...DEFAULT_SETTINGS,
        declinedOrigins: [DECLINED],
        signedInAt: 0,
        sources: expect.any(Object),
        ...NOTHING_WRONG,
      }),
    );
    unwatch();
  });
});

describe('the content script’s settings reader stays small', () => {
  /** The runtime imports of a lib file and everything it imports, transitively (type-only imports are erased). */
  function runtimeImports(file: URL, seen = new Set<string>()): Set<string> {
    if (seen.has(file.href)) return seen;
    seen.add(file.href);
    const source = readFileSync(fileURLToPath(file), 'utf8');
    for (const [, specifier] of source.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm)) {
      if (specifier.startsWith('.')) runtimeImports(new URL(`${specifier}.ts`, file), seen);
      else seen.add(specifier);
    }
    return seen;
  }

  it('the one settings read pulls in neither zod nor WXT storage', () => {
    const imports = [...runtimeImports(new URL('../../../lib/settings/settings.ts', import.meta.url))];
    expect(imports.some((i) => i.endsWith('/lib/settings/read.ts'))).toBe(true);
    expect(imports.filter((i) => /zod|wxt\/utils\/storage|schema\.ts$|store\.ts$/.test(i))).toEqual([]);
  });
});
