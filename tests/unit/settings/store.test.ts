import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ImmyBotConnection } from '../../../lib/immybot/connection';
import { IMPORT_PLAN_STALE, type SettingsChange } from '../../../lib/settings/changes';
import { SETTINGS_VERSION } from '../../../lib/settings/migrations';
import { readPolicy } from '../../../lib/settings/policy';
import { POLICY_KEY } from '../../../lib/storage';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../lib/settings/schema';
import { withReads } from './reads';
import { ACME, brokenExamples, DECLINED, exampleOf, HOSTED, PSA, SERVICE } from './examples';

const V5 = { v: 5 };
const FABRIKAM = 'https://fabrikam.haloitsm.com';
const NEW_SITE = 'https://new.example.org';

const settings = (partial: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...partial });

/** store.ts defines its storage item once per module instance: import a fresh one. */
async function freshStore() {
  vi.resetModules();
  return withReads(await import('../../../lib/settings/store'));
}

async function everything() {
  return fakeBrowser.storage.local.get(null);
}

/** Records every value written under "settings" (the store writes through storage.local.set). */
function recordSettingsWrites(): unknown[] {
  const writes: unknown[] = [];
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    if ('settings' in items) writes.push(structuredClone(items.settings));
    return set(items);
  });
  return writes;
}

beforeEach(() => {
  fakeBrowser.reset();
});

/** The organization's policy as the background copies it (lib/background/policy-sync.ts). */
const setPolicy = (raw: Record<string, unknown>) => fakeBrowser.storage.local.set({ [POLICY_KEY]: readPolicy(raw) });

describe('loadSettings', () => {
  it('returns the defaults and writes nothing when storage is empty', async () => {
    const { loadSettings, loadSettingsWithProblems } = await freshStore();
    expect(DEFAULT_SETTINGS).toEqual({
      immybot: null,
      haloOrigins: [],
      declinedOrigins: [],
      show: null,
      siteConnections: {},
    });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await loadSettingsWithProblems()).toMatchObject({
      settings: DEFAULT_SETTINGS,
      problems: [],
      policyProblems: [],
    });
    expect(await everything()).toEqual({});
  });

  it('is at version 5', () => {
    expect(SETTINGS_VERSION).toBe(5);
  });

  it.each<[string, Settings]>([
    ['a connection and two origins', settings({ immybot: ACME, haloOrigins: [PSA, SERVICE] })],
    ['origins without a connection', settings({ haloOrigins: [PSA] })],
    ['a connection without origins', settings({ immybot: ACME })],
    ['hosted and self-hosted sites', settings({ immybot: ACME, haloOrigins: [HOSTED, PSA, 'http://localhost:3000'] })],
    ['a declined tenant', settings({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED, FABRIKAM] })],
    ['a “Show Technician Tools” choice', settings({ immybot: ACME, haloOrigins: [HOSTED], show: 'sidePanel' })],
    ['the v5 example', exampleOf(SETTINGS_VERSION) as Settings],
  ])('returns stored v5 settings as they are: %s', async (_, stored) => {
    await fakeBrowser.storage.local.set({ settings: stored, settings$: V5 });
    const { loadSettings, loadSettingsWithProblems } = await freshStore();
    expect(await loadSettings()).toEqual(stored);
    expect(await loadSettingsWithProblems()).toMatchObject({ settings: stored, problems: [], policyProblems: [] });
    expect(await everything()).toEqual({ settings: stored, settings$: V5 });
  });

  it('drops unknown fields', async () => {
    await fakeBrowser.storage.local.set({
      settings: { immybot: { ...ACME, x: 1 }, haloOrigins: [PSA], declinedOrigins: [], y: 2 },
      settings$: V5,
    });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(settings({ immybot: ACME, haloOrigins: [PSA] }));
  });

  it('migrates a v1 value stored without version metadata, adding empty lists', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(settings({ immybot: ACME }));
    expect(await everything()).toEqual({ settings: settings({ immybot: ACME }), settings$: V5 });
  });

  // Field by field: one bad field no longer makes everything look missing. `null` problems: see read.test.ts.
  it.each<[string, unknown, Settings, (keyof Settings)[] | null]>([
    ['a string', 'garbage', DEFAULT_SETTINGS, ['immybot']],
    ['a number', 42, DEFAULT_SETTINGS, ['immybot']],
    ['an array', [ACME], DEFAULT_SETTINGS, ['immybot']],
    ['an empty object', {}, DEFAULT_SETTINGS, []],
    [
      'a string connection',
      { immybot: 'https://acme.immy.bot', haloOrigins: [PSA] },
      settings({ haloOrigins: [PSA] }),
      ['immybot'],
    ],
    [
      'an http origin',
      { immybot: { ...ACME, instanceOrigin: 'http://acme.immy.bot' }, haloOrigins: [PSA] },
      settings({ haloOrigins: [PSA] }),
      ['immybot'],
    ],
    [
      'a foreign origin',
      { immybot: { ...ACME, instanceOrigin: 'https://acme.immy.bot.evil.test' } },
      DEFAULT_SETTINGS,
      ['immybot'],
    ],
    [
      'id 0',
      { immybot: { ...ACME, integrationId: 0 }, declinedOrigins: [DECLINED] },
      settings({ declinedOrigins: [DECLINED] }),
      ['immybot'],
    ],
    ['id 1.5', { immybot: { ...ACME, integrationId: 1.5 } }, DEFAULT_SETTINGS, ['immybot']],
    ['a string id', { immybot: { ...ACME, integrationId: '619' } }, DEFAULT_SETTINGS, ['immybot']],
    ['no haloOrigins', { immybot: ACME }, settings({ immybot: ACME }), []],
    ['a null haloOrigins', { immybot: ACME, haloOrigins: null }, settings({ immybot: ACME }), ['haloOrigins']],
    ['a string haloOrigins', { immybot: ACME, haloOrigins: PSA }, settings({ immybot: ACME }), ['haloOrigins']],
    [
      'a non-canonical origin',
      { immybot: ACME, haloOrigins: ['psa.example.com', SERVICE] },
      settings({ immybot: ACME, haloOrigins: [SERVICE] }),
      ['haloOrigins'],
    ],
    [
      'an origin with a path',
      { immybot: ACME, haloOrigins: ['https://psa.example.com/'] },
      settings({ immybot: ACME }),
      ['haloOrigins'],
    ],
    [
      'an http HaloPSA origin',
      { immybot: ACME, haloOrigins: ['http://psa.example.com'] },
      settings({ immybot: ACME }),
      ['haloOrigins'],
    ],
    [
      'an http hosted origin',
      { immybot: ACME, haloOrigins: ['http://acme.halopsa.com', HOSTED] },
      settings({ immybot: ACME, haloOrigins: [HOSTED] }),
      ['haloOrigins'],
    ],
    [
      'a hosted origin (valid now)',
      { immybot: ACME, haloOrigins: [HOSTED] },
      settings({ immybot: ACME, haloOrigins: [HOSTED] }),
      [],
    ],
    [
      'a duplicate origin',
      { immybot: ACME, haloOrigins: [PSA, PSA] },
      settings({ immybot: ACME, haloOrigins: [PSA] }),
      null,
    ],
    ['no immybot', { haloOrigins: [PSA] }, settings({ haloOrigins: [PSA] }), []],
    [
      'a bad declined origin',
      { immybot: ACME, declinedOrigins: ['https://contoso.halopsa.com/', DECLINED] },
      settings({ immybot: ACME, declinedOrigins: [DECLINED] }),
      ['declinedOrigins'],
    ],
  ])('repairs %s stored as v5 field by field, leaving it stored', async (_, stored, expected, problemFields) => {
    await fakeBrowser.storage.local.set({ settings: stored, settings$: V5 });
    const before = await everything();
    const { loadSettings, loadSettingsWithProblems } = await freshStore();
    expect(await loadSettings()).toEqual(expected);
    const read = await loadSettingsWithProblems();
    expect(read.settings).toEqual(expected);
    if (problemFields) expect(read.problems.map((p) => p.field)).toEqual(problemFields);
    expect(await everything()).toEqual(before);
  });

  it.each<[string, unknown, Settings]>([
    ['a string', 'garbage', DEFAULT_SETTINGS],
    ['a number', 42, DEFAULT_SETTINGS],
    ['an array', [ACME], DEFAULT_SETTINGS],
    ['an empty object', {}, DEFAULT_SETTINGS],
    ['an invalid connection', { immybot: { ...ACME, integrationId: 0 } }, DEFAULT_SETTINGS],
    [
      'an invalid connection with sites',
      { immybot: { ...ACME, integrationId: 0 }, haloOrigins: [HOSTED, PSA] },
      settings({ haloOrigins: [HOSTED, PSA] }),
    ],
  ])('reads %s stored without version metadata field by field', async (_, stored, expected) => {
    await fakeBrowser.storage.local.set({ settings: stored });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(expected);
  });
});

describe('broken stored settings (tests/unit/settings/examples/broken)', () => {
  it.each(brokenExamples)(
    '$name: loads the repaired settings and names each problem, writing nothing',
    async ({ name, stored, repaired, problems }) => {
      await fakeBrowser.storage.local.set({ settings: stored, settings$: V5 });
      const before = await everything();
      const { loadSettings, loadSettingsWithProblems } = await freshStore();
      expect(await loadSettings()).toEqual(repaired);
      const read = await loadSettingsWithProblems();
      expect(read.settings).toEqual(repaired);
      // A duplicate is not reported yet: see the known bug in read.test.ts.
      if (name !== 'duplicated-address') {
        expect(read.problems.map((p) => p.field)).toEqual(problems.map((p) => p.field));
        for (const [i, problem] of read.problems.entries()) expect(problem.message).toContain(problems[i].names);
      }
      expect(await everything()).toEqual(before);
      // The content script sees the same repaired settings.
      const { loadSettings: loadCurrent } = await import('../../../lib/settings/settings');
      expect(await loadCurrent()).toMatchObject({ ...repaired, signedInAt: 0, policy: {}, policyProblems: [] });
    },
  );

  it.each(brokenExamples)(
    '$name: adding a site stores the repaired settings plus the new site',
    async ({ stored, repaired }) => {
      await fakeBrowser.storage.local.set({ settings: stored, settings$: V5 });
      const { changeSettings, loadSettingsWithProblems } = await freshStore();
      await loadSettingsWithProblems();
      const expected = { ...repaired, haloOrigins: [...repaired.haloOrigins, NEW_SITE] };
      expect(await changeSettings({ kind: 'addSite', origin: NEW_SITE })).toEqual(expected);
      expect(await everything()).toEqual({ settings: expected, settings$: V5 });
      expect(await loadSettingsWithProblems()).toMatchObject({ settings: expected, problems: [], policyProblems: [] });
    },
  );

  it.each(brokenExamples)(
    '$name: saving a connection keeps every valid address and answer',
    async ({ stored, repaired }) => {
      await fakeBrowser.storage.local.set({ settings: stored, settings$: V5 });
      const { changeSettings } = await freshStore();
      const other = { instanceOrigin: 'https://other.immy.bot', integrationId: 7 };
      expect(await changeSettings({ kind: 'saveConnection', connection: other })).toEqual({
        ...repaired,
        immybot: other,
      });
      expect((await everything()).settings).toEqual({ ...repaired, immybot: other });
    },
  );
});

describe('changeSettings: saveConnection', () => {
  it('saves a valid connection with the version metadata and returns the settings', async () => {
    const { changeSettings, loadSettings } = await freshStore();
    expect(await changeSettings({ kind: 'saveConnection', connection: ACME })).toEqual(settings({ immybot: ACME }));
    expect(await everything()).toEqual({ settings: settings({ immybot: ACME }), settings$: V5 });
    expect(await loadSettings()).toEqual(settings({ immybot: ACME }));
    // A new context (another module instance) reads the same.
    expect(await (await freshStore()).loadSettings()).toEqual(settings({ immybot: ACME }));
  });

  it('keeps the listed sites and the “Not here” answers', async () => {
    await fakeBrowser.storage.local.set({
      settings: settings({ haloOrigins: [PSA, HOSTED, SERVICE], declinedOrigins: [DECLINED] }),
      settings$: V5,
    });
    const { changeSettings } = await freshStore();
    const expected = settings({ immybot: ACME, haloOrigins: [PSA, HOSTED, SERVICE], declinedOrigins: [DECLINED] });
    expect(await changeSettings({ kind: 'saveConnection', connection: ACME })).toEqual(expected);
    expect((await everything()).settings).toEqual(expected);
  });

  it('with the ticket’s site: lists it and takes back its “Not here”', async () => {
    await fakeBrowser.storage.local.set({
      settings: settings({ haloOrigins: [PSA], declinedOrigins: [DECLINED, FABRIKAM] }),
      settings$: V5,
    });
    const { changeSettings } = await freshStore();
    const expected = settings({ immybot: ACME, haloOrigins: [PSA, DECLINED], declinedOrigins: [FABRIKAM] });
    expect(await changeSettings({ kind: 'saveConnection', connection: ACME, site: DECLINED })).toEqual(expected);
    expect((await everything()).settings).toEqual(expected);
  });

  it('is read back by the content script reader', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: ACME });
    await changeSettings({ kind: 'addSite', origin: PSA });
    await changeSettings({ kind: 'declineSite', origin: DECLINED });
    await changeSettings({ kind: 'setShow', show: 'both' });
    await changeSettings({ kind: 'setSiteConnection', origin: PSA, connection: { ...ACME, integrationId: 620 } });
    const { loadSettings: loadCurrent } = await import('../../../lib/settings/settings');
    expect(await loadCurrent()).toEqual({
      immybot: ACME,
      haloOrigins: [PSA],
      declinedOrigins: [DECLINED],
      show: 'both',
      siteConnections: { [PSA]: { ...ACME, integrationId: 620 } },
      signedInAt: 0,
      sources: {
        instanceOrigin: 'local',
        integrationId: 'local',
        haloOrigins: 'local',
        show: 'local',
        siteConnections: 'local',
      },
      policy: {},
      problems: [],
      policyProblems: [],
    });
  });

  it('replaces an earlier connection and garbage alike', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    const { changeSettings } = await freshStore();
    await changeSettings({
      kind: 'saveConnection',
      connection: { instanceOrigin: 'https://old.immy.bot', integrationId: 1 },
    });
    await changeSettings({ kind: 'saveConnection', connection: ACME });
    expect((await everything()).settings).toEqual(settings({ immybot: ACME }));
  });

  it('stores only the known fields', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: { ...ACME, token: 'secret' } as ImmyBotConnection });
    expect((await everything()).settings).toEqual(settings({ immybot: ACME }));
  });

  const invalid: [string, unknown][] = [
    ['an http origin', { ...ACME, instanceOrigin: 'http://acme.immy.bot' }],
    ['a trailing slash', { ...ACME, instanceOrigin: 'https://acme.immy.bot/' }],
    ['a bare tenant', { ...ACME, instanceOrigin: 'acme' }],
    ['a foreign origin', { ...ACME, instanceOrigin: 'https://acme.immy.bot.evil.test' }],
    ['an origin with a port', { ...ACME, instanceOrigin: 'https://acme.immy.bot:8443' }],
    ['id 0', { ...ACME, integrationId: 0 }],
    ['id 1.5', { ...ACME, integrationId: 1.5 }],
    ['id -1', { ...ACME, integrationId: -1 }],
    ['id 2147483648', { ...ACME, integrationId: 2147483648 }],
    ['id NaN', { ...ACME, integrationId: NaN }],
    ['a string id', { ...ACME, integrationId: '619' }],
    ['no id', { instanceOrigin: ACME.instanceOrigin }],
  ];
  const saveConnection = (connection: unknown) => ({ kind: 'saveConnection', connection }) as SettingsChange;

  it.each(invalid)('rejects %s and leaves empty storage empty', async (_, connection) => {
    const { changeSettings } = await freshStore();
    await expect(changeSettings(saveConnection(connection))).rejects.toThrow();
    expect(await everything()).toEqual({});
  });

  it.each(invalid)('rejects %s and leaves saved settings exactly as they were', async (_, connection) => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: ACME, site: HOSTED });
    await changeSettings({ kind: 'declineSite', origin: DECLINED });
    await fakeBrowser.storage.local.set({ paneLayout: { width: 500, collapsed: true } });
    const before = await everything();
    await expect(changeSettings(saveConnection(connection))).rejects.toThrow();
    expect(await everything()).toEqual(before);
    expect(before.settings).toEqual(settings({ immybot: ACME, haloOrigins: [HOSTED], declinedOrigins: [DECLINED] }));
  });

  it('rejects a null connection and leaves the saved connection as it was', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: ACME });
    const before = await everything();
    await expect(changeSettings(saveConnection(null))).rejects.toThrow();
    expect(await everything()).toEqual(before);
  });

  it('rejects a bad site with a good connection, and stores neither', async () => {
    const { changeSettings } = await freshStore();
    await expect(
      changeSettings({ kind: 'saveConnection', connection: ACME, site: 'http://psa.example.com' }),
    ).rejects.toThrow();
    expect(await everything()).toEqual({});
  });
});

describe('changeSettings: addSite', () => {
  it('adds an origin to empty storage, with the version metadata, and returns the settings', async () => {
    const { changeSettings, loadSettings } = await freshStore();
    expect(await changeSettings({ kind: 'addSite', origin: PSA })).toEqual(settings({ haloOrigins: [PSA] }));
    expect(await everything()).toEqual({ settings: settings({ haloOrigins: [PSA] }), settings$: V5 });
    expect(await loadSettings()).toEqual(settings({ haloOrigins: [PSA] }));
  });

  it('appends in the order added and keeps the connection', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: ACME });
    for (const origin of [SERVICE, PSA, 'http://localhost:3000', HOSTED])
      await changeSettings({ kind: 'addSite', origin });
    expect((await everything()).settings).toEqual(
      settings({ immybot: ACME, haloOrigins: [SERVICE, PSA, 'http://localhost:3000', HOSTED] }),
    );
  });

  it('adds the same host on another port as a separate origin', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'addSite', origin: PSA });
    expect(await changeSettings({ kind: 'addSite', origin: `${PSA}:8443` })).toEqual(
      settings({ haloOrigins: [PSA, `${PSA}:8443`] }),
    );
  });

  it('adds a declined hosted tenant and takes back its “Not here”', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'declineSite', origin: DECLINED });
    await changeSettings({ kind: 'declineSite', origin: FABRIKAM });
    expect(await changeSettings({ kind: 'addSite', origin: DECLINED })).toEqual(
      settings({ haloOrigins: [DECLINED], declinedOrigins: [FABRIKAM] }),
    );
    expect((await everything()).settings).toEqual(settings({ haloOrigins: [DECLINED], declinedOrigins: [FABRIKAM] }));
  });

  it('adding a listed site again changes nothing (and does not fail)', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: ACME });
    await changeSettings({ kind: 'addSite', origin: PSA });
    await changeSettings({ kind: 'addSite', origin: SERVICE });
    const before = await everything();
    expect(await changeSettings({ kind: 'addSite', origin: PSA })).toEqual(
      settings({ immybot: ACME, haloOrigins: [PSA, SERVICE] }),
    );
    expect(await everything()).toEqual(before);
    expect(before.settings).toEqual(settings({ immybot: ACME, haloOrigins: [PSA, SERVICE] }));
  });

  const invalid: [string, unknown][] = [
    ['a bare host', 'psa.example.com'],
    ['a trailing slash', 'https://psa.example.com/'],
    ['a path', 'https://psa.example.com/ticket?id=5'],
    ['upper case', 'https://PSA.example.com'],
    ['the default port spelled out', 'https://psa.example.com:443'],
    ['http on a real host', 'http://psa.example.com'],
    ['http on a hosted tenant', 'http://acme.halopsa.com'],
    ['a hosted tenant with a port', 'https://acme.halopsa.com:8443'],
    ['Halo’s own website', 'https://www.halopsa.com'],
    ['an ImmyBot address', 'https://acme.immy.bot'],
    ['a wildcard', 'https://*.example.com'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['credentials', 'https://user:pw@psa.example.com'],
    ['an empty string', ''],
    ['a number', 42],
    ['null', null],
  ];
  const addSite = (origin: unknown) => ({ kind: 'addSite', origin }) as SettingsChange;

  it.each(invalid)('rejects %s and leaves empty storage empty', async (_, origin) => {
    const { changeSettings } = await freshStore();
    await expect(changeSettings(addSite(origin))).rejects.toThrow();
    expect(await everything()).toEqual({});
  });

  it.each(invalid)('rejects %s and leaves saved settings exactly as they were', async (_, origin) => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: ACME });
    await changeSettings({ kind: 'addSite', origin: PSA });
    await fakeBrowser.storage.local.set({ paneLayout: { width: 500, collapsed: true } });
    const before = await everything();
    await expect(changeSettings(addSite(origin))).rejects.toThrow();
    expect(await everything()).toEqual(before);
    expect(before.settings).toEqual(settings({ immybot: ACME, haloOrigins: [PSA] }));
  });

  it('keeps the valid parts of a corrupt stored value (the old bug stored an empty address list)', async () => {
    await fakeBrowser.storage.local.set({
      settings: { immybot: ACME, haloOrigins: ['http://evil.test', SERVICE], declinedOrigins: [DECLINED] },
      settings$: V5,
    });
    const { changeSettings } = await freshStore();
    const expected = settings({ immybot: ACME, haloOrigins: [SERVICE, PSA], declinedOrigins: [DECLINED] });
    expect(await changeSettings({ kind: 'addSite', origin: PSA })).toEqual(expected);
    expect((await everything()).settings).toEqual(expected);
  });
});

describe('changeSettings: removeSite', () => {
  it('removes only that origin and keeps the connection, the answers and the order of the rest', async () => {
    const stored = settings({
      immybot: ACME,
      haloOrigins: [SERVICE, PSA, `${PSA}:8443`, HOSTED],
      declinedOrigins: [DECLINED],
    });
    await fakeBrowser.storage.local.set({ settings: stored, settings$: V5 });
    const { changeSettings, loadSettings } = await freshStore();
    const expected = { ...stored, haloOrigins: [SERVICE, `${PSA}:8443`, HOSTED] };
    expect(await changeSettings({ kind: 'removeSite', origin: PSA })).toEqual(expected);
    expect(await everything()).toEqual({ settings: expected, settings$: V5 });
    expect(await loadSettings()).toEqual(expected);
  });

  it('removes a hosted site', async () => {
    await fakeBrowser.storage.local.set({ settings: settings({ haloOrigins: [HOSTED, PSA] }), settings$: V5 });
    const { changeSettings } = await freshStore();
    expect(await changeSettings({ kind: 'removeSite', origin: HOSTED })).toEqual(settings({ haloOrigins: [PSA] }));
  });

  it('removing the last origin leaves an empty list', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'addSite', origin: PSA });
    expect(await changeSettings({ kind: 'removeSite', origin: PSA })).toEqual(DEFAULT_SETTINGS);
    expect((await everything()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['an origin not in the list', SERVICE],
    ['a declined tenant', DECLINED],
  ])('leaves the settings alone for %s', async (_, origin) => {
    const stored = settings({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED] });
    await fakeBrowser.storage.local.set({ settings: stored, settings$: V5 });
    const { changeSettings } = await freshStore();
    expect(await changeSettings({ kind: 'removeSite', origin })).toEqual(stored);
    expect((await everything()).settings).toEqual(stored);
  });

  it.each([
    ['another spelling of a listed origin', 'https://PSA.example.com'],
    ['a pattern', 'https://psa.example.com/*'],
  ])('leaves the settings alone for %s (whether it ignores or refuses the change)', async (_, origin) => {
    const stored = settings({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED] });
    await fakeBrowser.storage.local.set({ settings: stored, settings$: V5 });
    const { changeSettings } = await freshStore();
    expect(await changeSettings({ kind: 'removeSite', origin }).catch(() => stored)).toEqual(stored);
    expect(await everything()).toEqual({ settings: stored, settings$: V5 });
  });

  it('can add an origin again after removing it', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'addSite', origin: PSA });
    await changeSettings({ kind: 'removeSite', origin: PSA });
    expect(await changeSettings({ kind: 'addSite', origin: PSA })).toEqual(settings({ haloOrigins: [PSA] }));
  });
});

describe('changeSettings: declineSite', () => {
  it('remembers an unlisted hosted tenant once', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: ACME, site: PSA });
    await changeSettings({ kind: 'declineSite', origin: DECLINED });
    expect(await changeSettings({ kind: 'declineSite', origin: DECLINED })).toEqual(
      settings({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED] }),
    );
    expect((await everything()).settings).toEqual(
      settings({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED] }),
    );
  });

  it.each([
    ['a listed hosted tenant', HOSTED],
    ['a self-hosted site', SERVICE],
    ['a listed self-hosted site', PSA],
  ])('ignores %s', async (_, origin) => {
    const stored = settings({ immybot: ACME, haloOrigins: [PSA, HOSTED] });
    await fakeBrowser.storage.local.set({ settings: stored, settings$: V5 });
    const { changeSettings } = await freshStore();
    expect(await changeSettings({ kind: 'declineSite', origin })).toEqual(stored);
    expect((await everything()).settings).toEqual(stored);
  });
});

describe('changeSettings is the single writer: changes apply one after another', () => {
  const SITES = Array.from({ length: 20 }, (_, i) =>
    i % 2 ? `https://tenant${i}.halopsa.com` : `https://psa${i}.example.com`,
  );

  it('20 concurrent addSite changes are all stored, in the order they were asked', async () => {
    await fakeBrowser.storage.local.set({
      settings: settings({ immybot: ACME, declinedOrigins: [DECLINED] }),
      settings$: V5,
    });
    const { changeSettings, loadSettings } = await freshStore();
    const results = await Promise.all(SITES.map((origin) => changeSettings({ kind: 'addSite', origin })));
    const expected = settings({ immybot: ACME, haloOrigins: SITES, declinedOrigins: [DECLINED] });
    expect(await loadSettings()).toEqual(expected);
    expect(await everything()).toEqual({ settings: expected, settings$: V5 });
    // Each caller got the settings right after its own change: every earlier site, and its own.
    for (const [i, result] of results.entries()) expect(result.haloOrigins).toEqual(SITES.slice(0, i + 1));
  });

  it('20 concurrent changes into empty storage are all stored, with the version metadata', async () => {
    const { changeSettings } = await freshStore();
    await Promise.all(SITES.map((origin) => changeSettings({ kind: 'addSite', origin })));
    expect(await everything()).toEqual({ settings: settings({ haloOrigins: SITES }), settings$: V5 });
  });

  it('concurrent changes of every kind all apply, in order', async () => {
    await fakeBrowser.storage.local.set({ settings: settings({ haloOrigins: [PSA] }), settings$: V5 });
    const { changeSettings } = await freshStore();
    await Promise.all([
      changeSettings({ kind: 'addSite', origin: SERVICE }),
      changeSettings({ kind: 'declineSite', origin: DECLINED }),
      changeSettings({ kind: 'saveConnection', connection: ACME, site: HOSTED }),
      changeSettings({ kind: 'removeSite', origin: PSA }),
      changeSettings({ kind: 'declineSite', origin: FABRIKAM }),
      changeSettings({ kind: 'addSite', origin: FABRIKAM }),
    ]);
    expect((await everything()).settings).toEqual(
      settings({ immybot: ACME, haloOrigins: [SERVICE, HOSTED, FABRIKAM], declinedOrigins: [DECLINED] }),
    );
  });

  it.each<[string, SettingsChange]>([
    ['an address the schema rejects', { kind: 'addSite', origin: 'http://evil.test' }],
    ['a connection the schema rejects', { kind: 'saveConnection', connection: { ...ACME, integrationId: 0 } }],
    ['an unknown kind of change', { kind: 'wipeSettings' } as unknown as SettingsChange],
  ])('a rejected change (%s) writes nothing and does not stop the changes queued after it', async (_, bad) => {
    await fakeBrowser.storage.local.set({ settings: settings({ immybot: ACME }), settings$: V5 });
    const { changeSettings } = await freshStore();
    const writes = recordSettingsWrites();
    const before = SITES.slice(0, 10).map((origin) => changeSettings({ kind: 'addSite', origin }));
    const rejected = changeSettings(bad);
    const after = SITES.slice(10).map((origin) => changeSettings({ kind: 'addSite', origin }));
    await expect(rejected).rejects.toThrow();
    await Promise.all([...before, ...after]);
    expect((await everything()).settings).toEqual(settings({ immybot: ACME, haloOrigins: SITES }));
    // One write per accepted change, each of them valid settings: the rejected one wrote nothing.
    expect(writes).toHaveLength(SITES.length);
    for (const written of writes) expect(SettingsSchema.safeParse(written).success).toBe(true);
    expect(writes.map((w) => (w as Settings).haloOrigins.length)).toEqual(SITES.map((_, i) => i + 1));
  });

  it('a failed write rejects its own change only; the changes queued after it still apply', async () => {
    const { changeSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: ACME });
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set')
      .mockImplementationOnce(async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      })
      .mockImplementation(set);
    const [first, second, third] = await Promise.allSettled([
      changeSettings({ kind: 'addSite', origin: PSA }),
      changeSettings({ kind: 'addSite', origin: SERVICE }),
      changeSettings({ kind: 'addSite', origin: HOSTED }),
    ]);
    expect(first).toMatchObject({ status: 'rejected', reason: new Error('QUOTA_BYTES quota exceeded') });
    expect(second).toMatchObject({ status: 'fulfilled' });
    expect(third).toMatchObject({ status: 'fulfilled' });
    expect((await everything()).settings).toEqual(settings({ immybot: ACME, haloOrigins: [SERVICE, HOSTED] }));
  });
});

describe('changeSettings under an organization’s policy', () => {
  const OTHER = { instanceOrigin: 'https://other.immy.bot', integrationId: 7 };

  it('refuses to change a managed value, writes nothing, and says who set it', async () => {
    await setPolicy({ immybotInstance: 'acme', integrationId: 619, haloSites: [HOSTED] });
    const { changeSettings } = await freshStore();
    const writes = recordSettingsWrites();
    await expect(changeSettings({ kind: 'saveConnection', connection: OTHER })).rejects.toThrow(
      'ImmyBot instance is set by your organization and cannot be changed here.',
    );
    await expect(changeSettings({ kind: 'addSite', origin: PSA })).rejects.toThrow(
      /HaloPSA sites is set by your organization/,
    );
    expect(writes).toEqual([]);
  });

  it('stores what is not managed and answers with the settings in effect', async () => {
    await setPolicy({ immybotInstance: 'acme', haloSites: [HOSTED] });
    const { changeSettings, loadSettingsWithProblems } = await freshStore();
    expect(await changeSettings({ kind: 'saveConnection', connection: { ...ACME, integrationId: 7 } })).toEqual(
      settings({ immybot: { ...ACME, integrationId: 7 }, haloOrigins: [HOSTED] }),
    );
    expect(await changeSettings({ kind: 'setShow', show: 'both' })).toMatchObject({ show: 'both' });
    expect(await loadSettingsWithProblems()).toMatchObject({
      sources: {
        instanceOrigin: 'managed',
        integrationId: 'local',
        haloOrigins: 'managed',
        show: 'local',
        siteConnections: 'default',
      },
      policyProblems: [],
    });
  });

  it('reads the background’s copy of the policy and reports invalid managed values', async () => {
    const { loadSettings, loadSettingsWithProblems } = await freshStore();
    await fakeBrowser.storage.local.set({ settings: settings({ immybot: OTHER, haloOrigins: [PSA] }) });
    await setPolicy({ immybotInstance: 'acme', integrationId: 'abc' });
    expect(await loadSettings()).toEqual(
      settings({ immybot: { ...OTHER, instanceOrigin: ACME.instanceOrigin }, haloOrigins: [PSA] }),
    );
    expect((await loadSettingsWithProblems()).policyProblems.map((p) => p.field)).toEqual(['integrationId']);
  });
});

describe('changeSettings: importSettings', () => {
  const before = settings({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED, FABRIKAM] });
  const OTHER = { instanceOrigin: 'https://other.immy.bot', integrationId: 7 };
  const change: SettingsChange = {
    kind: 'importSettings',
    connection: { from: ACME, to: OTHER },
    addSites: [HOSTED, DECLINED],
    removeSites: [PSA],
    show: { from: null, to: 'both' },
  };

  it('stores the whole file in one write', async () => {
    await fakeBrowser.storage.local.set({ settings: before, settings$: V5 });
    const writes = recordSettingsWrites();
    const { changeSettings } = await freshStore();
    const after = settings({
      immybot: OTHER,
      haloOrigins: [HOSTED, DECLINED],
      declinedOrigins: [FABRIKAM],
      show: 'both',
    });
    expect(await changeSettings(change)).toEqual(after);
    expect(writes).toEqual([after]);
  });

  it('writes nothing when the organization set a value the file would change', async () => {
    await fakeBrowser.storage.local.set({ settings: before, settings$: V5 });
    await setPolicy({ show: 'page' });
    const { changeSettings } = await freshStore();
    // The list showed the managed place, yet the page asks to change it.
    await expect(changeSettings({ ...change, show: { from: 'page', to: 'both' } })).rejects.toThrow(
      'Show Technician Tools is set by your organization and cannot be changed here.',
    );
    // A list made before the organization set it is out of date: the page plans again, and then leaves it out.
    await expect(changeSettings(change)).rejects.toThrow(IMPORT_PLAN_STALE);
    expect(await everything()).toEqual({ settings: before, settings$: V5, [POLICY_KEY]: readPolicy({ show: 'page' }) });
    // Without the managed value, the import applies.
    await fakeBrowser.storage.local.remove(POLICY_KEY);
    expect((await changeSettings(change)).show).toBe('both');
  });

  it('writes nothing when a value the list showed changed since (another tab saved); the page plans again', async () => {
    const since = { ...before, immybot: { ...ACME, integrationId: 620 } };
    await fakeBrowser.storage.local.set({ settings: since, settings$: V5 });
    const { changeSettings } = await freshStore();
    await expect(changeSettings(change)).rejects.toThrow(IMPORT_PLAN_STALE);
    await expect(
      changeSettings({ ...change, connection: undefined, show: { from: 'page', to: 'both' } }),
    ).rejects.toThrow(IMPORT_PLAN_STALE);
    expect(await everything()).toEqual({ settings: since, settings$: V5 });
  });

  it('compares with the settings in effect: a managed value the list showed is not a change', async () => {
    await fakeBrowser.storage.local.set({ settings: before, settings$: V5 });
    await setPolicy({ integrationId: 7 });
    const { changeSettings } = await freshStore();
    const managed = { ...ACME, integrationId: 7 };
    const importing: SettingsChange = { kind: 'importSettings', connection: { from: managed, to: managed } };
    expect((await changeSettings(importing)).immybot).toEqual(managed);
  });

  it('keeps a site listed since the plan', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...before, haloOrigins: [PSA, SERVICE] }, settings$: V5 });
    const { changeSettings } = await freshStore();
    expect((await changeSettings(change)).haloOrigins).toEqual([SERVICE, HOSTED, DECLINED]);
  });
});
