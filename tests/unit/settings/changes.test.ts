import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySettingsChange,
  checkSettings,
  isStaleImport,
  lockedField,
  lockedMessage,
  SettingsChangeSchema,
  type SettingsChange,
} from '../../../lib/settings/changes';
import type { ManagedPolicy, PolicyField } from '../../../lib/settings/policy';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../lib/settings/schema';
import { SHOW_PLACES } from '../../../lib/show-places';
import { ACME, DECLINED, HOSTED, PSA, SERVICE } from './examples';

const OTHER = { instanceOrigin: 'https://other.immy.bot', integrationId: 7 };
const FABRIKAM = 'https://fabrikam.haloitsm.com';

const settings = (partial: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...partial });

/** Deep-freezes a value, so a change that mutates its input throws instead of passing. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

const apply = (before: Settings, change: SettingsChange) =>
  applySettingsChange(frozen(structuredClone(before)), change);

describe('applySettingsChange: saveConnection', () => {
  it.each<[string, Settings, Settings]>([
    ['into empty settings', DEFAULT_SETTINGS, settings({ immybot: ACME })],
    [
      'keeping sites and answers',
      settings({ haloOrigins: [HOSTED, PSA], declinedOrigins: [DECLINED] }),
      settings({ immybot: ACME, haloOrigins: [HOSTED, PSA], declinedOrigins: [DECLINED] }),
    ],
    [
      'replacing an earlier connection',
      settings({ immybot: OTHER, haloOrigins: [PSA] }),
      settings({ immybot: ACME, haloOrigins: [PSA] }),
    ],
  ])('without a site: sets the connection %s', (_, before, after) => {
    expect(apply(before, { kind: 'saveConnection', connection: ACME })).toEqual(after);
  });

  it.each<[string, Settings, string, Settings]>([
    [
      'lists a hosted site',
      settings({ haloOrigins: [PSA] }),
      HOSTED,
      settings({ immybot: ACME, haloOrigins: [PSA, HOSTED] }),
    ],
    ['lists a self-hosted site', DEFAULT_SETTINGS, SERVICE, settings({ immybot: ACME, haloOrigins: [SERVICE] })],
    [
      'does not list a listed site twice',
      settings({ haloOrigins: [HOSTED, PSA] }),
      HOSTED,
      settings({ immybot: ACME, haloOrigins: [HOSTED, PSA] }),
    ],
    [
      'takes back a “Not here” for that site, and only that one',
      settings({ haloOrigins: [PSA], declinedOrigins: [FABRIKAM, DECLINED] }),
      DECLINED,
      settings({ immybot: ACME, haloOrigins: [PSA, DECLINED], declinedOrigins: [FABRIKAM] }),
    ],
  ])('with a site: %s', (_, before, site, after) => {
    expect(apply(before, { kind: 'saveConnection', connection: ACME, site })).toEqual(after);
  });
});

describe('applySettingsChange: addSite', () => {
  it.each<[string, Settings, string, Settings]>([
    ['adds to empty settings', DEFAULT_SETTINGS, PSA, settings({ haloOrigins: [PSA] })],
    [
      'appends in order and keeps the connection',
      settings({ immybot: ACME, haloOrigins: [SERVICE, PSA] }),
      HOSTED,
      settings({ immybot: ACME, haloOrigins: [SERVICE, PSA, HOSTED] }),
    ],
    [
      'adds the same host on another port as another site',
      settings({ haloOrigins: [PSA] }),
      `${PSA}:8443`,
      settings({ haloOrigins: [PSA, `${PSA}:8443`] }),
    ],
    [
      'adds localhost over http',
      DEFAULT_SETTINGS,
      'http://localhost:3000',
      settings({ haloOrigins: ['http://localhost:3000'] }),
    ],
    [
      'takes back a “Not here”',
      settings({ declinedOrigins: [DECLINED, FABRIKAM] }),
      DECLINED,
      settings({ haloOrigins: [DECLINED], declinedOrigins: [FABRIKAM] }),
    ],
    [
      'changes nothing for a listed site',
      settings({ immybot: ACME, haloOrigins: [PSA, HOSTED], declinedOrigins: [DECLINED] }),
      PSA,
      settings({ immybot: ACME, haloOrigins: [PSA, HOSTED], declinedOrigins: [DECLINED] }),
    ],
  ])('%s', (_, before, origin, after) => {
    expect(apply(before, { kind: 'addSite', origin })).toEqual(after);
  });

  it('is idempotent: adding a site twice is adding it once', () => {
    const before = settings({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED] });
    for (const origin of [PSA, SERVICE, HOSTED, DECLINED]) {
      const once = apply(before, { kind: 'addSite', origin });
      expect(apply(once, { kind: 'addSite', origin })).toEqual(once);
      expect(once.haloOrigins.filter((o) => o === origin)).toEqual([origin]);
    }
  });
});

describe('applySettingsChange: removeSite', () => {
  it.each<[string, Settings, string, Settings]>([
    [
      'removes only that site, keeping the order of the rest',
      settings({ immybot: ACME, haloOrigins: [SERVICE, PSA, `${PSA}:8443`] }),
      PSA,
      settings({ immybot: ACME, haloOrigins: [SERVICE, `${PSA}:8443`] }),
    ],
    ['removes a hosted site', settings({ haloOrigins: [HOSTED, PSA] }), HOSTED, settings({ haloOrigins: [PSA] })],
    ['leaves an empty list after the last site', settings({ haloOrigins: [PSA] }), PSA, DEFAULT_SETTINGS],
    [
      'leaves “Not here” answers alone',
      settings({ haloOrigins: [PSA], declinedOrigins: [DECLINED] }),
      DECLINED,
      settings({ haloOrigins: [PSA], declinedOrigins: [DECLINED] }),
    ],
    [
      'changes nothing for an unlisted site',
      settings({ immybot: ACME, haloOrigins: [PSA] }),
      SERVICE,
      settings({ immybot: ACME, haloOrigins: [PSA] }),
    ],
    [
      'changes nothing for another spelling of a listed site',
      settings({ haloOrigins: [PSA] }),
      'https://PSA.example.com',
      settings({ haloOrigins: [PSA] }),
    ],
    [
      'changes nothing for a pattern',
      settings({ haloOrigins: [PSA] }),
      'https://psa.example.com/*',
      settings({ haloOrigins: [PSA] }),
    ],
  ])('%s', (_, before, origin, after) => {
    expect(apply(before, { kind: 'removeSite', origin })).toEqual(after);
  });

  it('a removed site can be added again', () => {
    const removed = apply(settings({ haloOrigins: [PSA, HOSTED] }), { kind: 'removeSite', origin: PSA });
    expect(apply(removed, { kind: 'addSite', origin: PSA })).toEqual(settings({ haloOrigins: [HOSTED, PSA] }));
  });
});

describe('applySettingsChange: declineSite', () => {
  it.each<[string, Settings, string, Settings]>([
    [
      'remembers an unlisted hosted tenant',
      settings({ immybot: ACME, haloOrigins: [PSA] }),
      DECLINED,
      settings({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED] }),
    ],
    [
      'appends to earlier answers',
      settings({ declinedOrigins: [FABRIKAM] }),
      DECLINED,
      settings({ declinedOrigins: [FABRIKAM, DECLINED] }),
    ],
    [
      'remembers each tenant once',
      settings({ declinedOrigins: [DECLINED] }),
      DECLINED,
      settings({ declinedOrigins: [DECLINED] }),
    ],
    [
      'ignores a listed hosted site (it is removed, not declined)',
      settings({ haloOrigins: [HOSTED] }),
      HOSTED,
      settings({ haloOrigins: [HOSTED] }),
    ],
    ['ignores a self-hosted site', settings({ haloOrigins: [PSA] }), SERVICE, settings({ haloOrigins: [PSA] })],
    ['ignores a listed self-hosted site', settings({ haloOrigins: [PSA] }), PSA, settings({ haloOrigins: [PSA] })],
    ['ignores localhost', DEFAULT_SETTINGS, 'http://localhost:3000', DEFAULT_SETTINGS],
  ])('%s', (_, before, origin, after) => {
    expect(apply(before, { kind: 'declineSite', origin })).toEqual(after);
  });
});

describe('applySettingsChange: undeclineSite (Undo of "Not here")', () => {
  it('forgets the answer and no other, without turning the site on', () => {
    const before = settings({ haloOrigins: [PSA], declinedOrigins: [FABRIKAM, DECLINED] });
    expect(apply(before, { kind: 'undeclineSite', origin: DECLINED })).toEqual(
      settings({ haloOrigins: [PSA], declinedOrigins: [FABRIKAM] }),
    );
  });

  it('a site never declined changes nothing', () => {
    const before = settings({ declinedOrigins: [FABRIKAM] });
    expect(apply(before, { kind: 'undeclineSite', origin: DECLINED })).toEqual(before);
  });
});

// ----- Every change keeps valid settings valid -----

const VALID_ORIGINS = [PSA, SERVICE, `${PSA}:8443`, 'http://localhost:3000', HOSTED, DECLINED, FABRIKAM];
const origin = fc.constantFrom(...VALID_ORIGINS);
const validSettings = fc.record({
  immybot: fc.constantFrom(null, ACME, OTHER),
  haloOrigins: fc.uniqueArray(origin, { maxLength: 4 }),
  declinedOrigins: fc.uniqueArray(origin, { maxLength: 3 }),
  show: fc.constantFrom(null, ...SHOW_PLACES),
  siteConnections: fc.dictionary(origin, fc.constantFrom(ACME, OTHER), { maxKeys: 3 }),
});
const validChange: fc.Arbitrary<SettingsChange> = fc.oneof(
  fc.record({ kind: fc.constant('saveConnection' as const), connection: fc.constantFrom(ACME, OTHER) }),
  fc.record({ kind: fc.constant('saveConnection' as const), connection: fc.constantFrom(ACME, OTHER), site: origin }),
  fc.record({
    kind: fc.constantFrom('addSite' as const, 'removeSite' as const, 'declineSite' as const, 'undeclineSite' as const),
    origin,
  }),
  fc.record({
    kind: fc.constant('setShow' as const),
    show: fc.constantFrom(...SHOW_PLACES),
  }),
  fc.record({
    kind: fc.constant('setSiteConnection' as const),
    origin,
    connection: fc.constantFrom(null, ACME, OTHER),
  }),
  fc
    .record(
      {
        kind: fc.constant('importSettings' as const),
        connection: fc.record({ from: fc.constantFrom(null, ACME, OTHER), to: fc.constantFrom(ACME, OTHER) }),
        addSites: fc.uniqueArray(origin, { maxLength: 4 }),
        removeSites: fc.uniqueArray(origin, { maxLength: 4 }),
        show: fc.record({ from: fc.constantFrom(null, ...SHOW_PLACES), to: fc.constantFrom(...SHOW_PLACES) }),
        siteConnections: fc.record({
          from: fc.dictionary(origin, fc.constantFrom(ACME, OTHER), { maxKeys: 2 }),
          to: fc.dictionary(origin, fc.constantFrom(ACME, OTHER), { maxKeys: 2 }),
        }),
      },
      { requiredKeys: ['kind'] },
    )
    .map(({ addSites, removeSites, ...rest }) => ({
      ...rest,
      ...(addSites && { addSites }),
      ...(removeSites && { removeSites: removeSites.filter((o) => !addSites?.includes(o)) }),
    })),
);

describe('applySettingsChange: setShow', () => {
  it.each(SHOW_PLACES)('sets %s and changes nothing else', (show) => {
    const before = settings({ immybot: ACME, haloOrigins: [HOSTED, PSA], declinedOrigins: [DECLINED] });
    expect(applySettingsChange(before, { kind: 'setShow', show })).toEqual({ ...before, show });
  });

  it('replaces an earlier choice', () => {
    expect(applySettingsChange(settings({ show: 'page' }), { kind: 'setShow', show: 'both' })).toEqual(
      settings({ show: 'both' }),
    );
  });
});

describe('applySettingsChange: importSettings', () => {
  const before = settings({ immybot: OTHER, haloOrigins: [PSA, HOSTED], declinedOrigins: [DECLINED, FABRIKAM] });

  it('sets everything the plan changes in one change: the sites it adds and removes', () => {
    expect(
      apply(before, {
        kind: 'importSettings',
        connection: { from: OTHER, to: ACME },
        addSites: [SERVICE, DECLINED],
        removeSites: [PSA, HOSTED],
        show: { from: null, to: 'sidePanel' },
      }),
    ).toEqual(
      settings({ immybot: ACME, haloOrigins: [SERVICE, DECLINED], declinedOrigins: [FABRIKAM], show: 'sidePanel' }),
    );
  });

  it('keeps what the plan leaves out', () => {
    expect(apply(before, { kind: 'importSettings', show: { from: null, to: 'both' } })).toEqual({
      ...before,
      show: 'both',
    });
    expect(apply(before, { kind: 'importSettings', connection: { from: OTHER, to: ACME } })).toEqual({
      ...before,
      immybot: ACME,
    });
    expect(apply(before, { kind: 'importSettings' })).toEqual(before);
  });

  it('keeps a site listed after the plan, and removes only what the plan removes', () => {
    // Planned over [PSA, HOSTED] (adds SERVICE, removes PSA); FABRIKAM was listed from the popup since.
    const since = settings({ ...before, haloOrigins: [PSA, HOSTED, FABRIKAM], declinedOrigins: [DECLINED] });
    expect(apply(since, { kind: 'importSettings', addSites: [SERVICE], removeSites: [PSA] })).toEqual({
      ...since,
      haloOrigins: [HOSTED, FABRIKAM, SERVICE],
    });
  });

  it('adding a site listed meanwhile, or removing one removed meanwhile, changes nothing more', () => {
    expect(apply(before, { kind: 'importSettings', addSites: [PSA], removeSites: [SERVICE] })).toEqual(before);
  });

  it('removing every site clears the list but keeps the “Not here” answers', () => {
    expect(apply(before, { kind: 'importSettings', removeSites: [PSA, HOSTED] })).toEqual({
      ...before,
      haloOrigins: [],
    });
  });
});

describe('isStaleImport', () => {
  const current = settings({ immybot: OTHER, haloOrigins: [PSA], show: 'page' });

  it.each<[string, SettingsChange, boolean]>([
    ['a connection as the plan showed it', { kind: 'importSettings', connection: { from: OTHER, to: ACME } }, false],
    [
      'an instance changed since the plan',
      { kind: 'importSettings', connection: { from: { ...OTHER, instanceOrigin: 'https://x.immy.bot' }, to: ACME } },
      true,
    ],
    [
      'an id changed since the plan',
      { kind: 'importSettings', connection: { from: { ...OTHER, integrationId: 8 }, to: ACME } },
      true,
    ],
    [
      'a connection set since a plan that had none',
      { kind: 'importSettings', connection: { from: null, to: ACME } },
      true,
    ],
    ['a place as the plan showed it', { kind: 'importSettings', show: { from: 'page', to: 'both' } }, false],
    ['a place changed since the plan', { kind: 'importSettings', show: { from: null, to: 'both' } }, true],
    // Sites are a difference: a site listed or removed since the plan never makes it stale.
    ['sites', { kind: 'importSettings', addSites: [HOSTED], removeSites: [SERVICE] }, false],
    ['nothing', { kind: 'importSettings' }, false],
    ['another kind of change', { kind: 'setShow', show: 'both' }, false],
  ])('%s', (_, change, stale) => {
    expect(isStaleImport(change, current)).toBe(stale);
  });

  it('a plan made with no connection is current while there is none', () => {
    expect(isStaleImport({ kind: 'importSettings', connection: { from: null, to: ACME } }, DEFAULT_SETTINGS)).toBe(
      false,
    );
  });
});

describe('lockedField', () => {
  const POLICY = { instanceOrigin: ACME.instanceOrigin, integrationId: 619, show: 'sidePanel' as const };

  it.each<[string, SettingsChange, string | null]>([
    [
      'another instance',
      { kind: 'importSettings', connection: { from: null, to: { ...OTHER, integrationId: 619 } } },
      'instanceOrigin',
    ],
    [
      'another id',
      { kind: 'importSettings', connection: { from: ACME, to: { ...ACME, integrationId: 7 } } },
      'integrationId',
    ],
    ['the managed connection itself', { kind: 'importSettings', connection: { from: null, to: ACME } }, null],
    ['another place', { kind: 'importSettings', show: { from: 'sidePanel', to: 'both' } }, 'show'],
    ['the managed place itself', { kind: 'importSettings', show: { from: null, to: 'sidePanel' } }, null],
    [
      'sites, which the policy leaves to the user',
      { kind: 'importSettings', addSites: [PSA], removeSites: [HOSTED] },
      null,
    ],
    ['nothing', { kind: 'importSettings' }, null],
  ])('importSettings with %s', (_, change, field) => {
    expect(lockedField(change, POLICY)).toBe(field);
  });

  it('refuses an import of sites, even the same ones, where the organization listed them', () => {
    const policy = { haloOrigins: [PSA] };
    expect(lockedField({ kind: 'importSettings', addSites: [HOSTED] }, policy)).toBe('haloOrigins');
    expect(lockedField({ kind: 'importSettings', removeSites: [PSA] }, policy)).toBe('haloOrigins');
    expect(lockedField({ kind: 'importSettings', addSites: [] }, policy)).toBe('haloOrigins');
    expect(
      lockedField(
        { kind: 'importSettings', connection: { from: null, to: OTHER }, show: { from: null, to: 'both' } },
        policy,
      ),
    ).toBeNull();
  });

  it('allows any import where there is no policy', () => {
    const change: SettingsChange = {
      kind: 'importSettings',
      connection: { from: ACME, to: OTHER },
      addSites: [PSA],
      removeSites: [HOSTED],
      show: { from: 'page', to: 'both' },
    };
    expect(lockedField(change, {})).toBeNull();
  });
});

describe('applySettingsChange on valid settings and valid changes', () => {
  it('always gives settings the schema accepts, without changing its input', () => {
    fc.assert(
      fc.property(validSettings, fc.array(validChange, { maxLength: 8 }), (start, changes) => {
        let current = start;
        for (const change of changes) {
          expect(SettingsChangeSchema.safeParse(change).success).toBe(true);
          current = apply(current, change);
          expect(checkSettings(current)).toEqual(current);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('an added site is listed and not declined, whatever the settings were', () => {
    fc.assert(
      fc.property(validSettings, validChange, (start, change) => {
        const after = apply(start, change);
        const site =
          change.kind === 'saveConnection'
            ? change.site
            : change.kind === 'setShow' || change.kind === 'importSettings' || change.kind === 'setSiteConnection'
              ? undefined
              : change.origin;
        if (change.kind === 'addSite' || (change.kind === 'saveConnection' && site)) {
          expect(after.haloOrigins).toContain(site);
          expect(after.declinedOrigins).not.toContain(site);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('from the defaults, no sequence of changes leaves a site both listed and declined', () => {
    fc.assert(
      fc.property(fc.array(validChange, { maxLength: 12 }), (changes) => {
        const end = changes.reduce(apply, DEFAULT_SETTINGS);
        expect(end.haloOrigins.filter((o) => end.declinedOrigins.includes(o))).toEqual([]);
        // Only hosted tenants are ever declined.
        for (const o of end.declinedOrigins) expect([HOSTED, DECLINED, FABRIKAM]).toContain(o);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('SettingsChangeSchema', () => {
  it.each<[string, SettingsChange]>([
    ['saveConnection', { kind: 'saveConnection', connection: ACME }],
    ['saveConnection with a hosted site', { kind: 'saveConnection', connection: ACME, site: HOSTED }],
    ['saveConnection with a self-hosted site', { kind: 'saveConnection', connection: ACME, site: SERVICE }],
    ['addSite (hosted)', { kind: 'addSite', origin: HOSTED }],
    ['addSite (self-hosted)', { kind: 'addSite', origin: PSA }],
    ['addSite (localhost)', { kind: 'addSite', origin: 'http://localhost:3000' }],
    ['removeSite', { kind: 'removeSite', origin: PSA }],
    ['declineSite', { kind: 'declineSite', origin: DECLINED }],
    ['undeclineSite', { kind: 'undeclineSite', origin: DECLINED }],
    ['setShow page', { kind: 'setShow', show: 'page' }],
    ['setShow sidePanel', { kind: 'setShow', show: 'sidePanel' }],
    ['setShow both', { kind: 'setShow', show: 'both' }],
    [
      'importSettings with everything',
      {
        kind: 'importSettings',
        connection: { from: OTHER, to: ACME },
        addSites: [PSA],
        removeSites: [HOSTED],
        show: { from: 'page', to: 'both' },
      },
    ],
    [
      'importSettings from nothing set',
      { kind: 'importSettings', connection: { from: null, to: ACME }, show: { from: null, to: 'page' } },
    ],
    ['importSettings with empty lists', { kind: 'importSettings', addSites: [], removeSites: [] }],
    ['importSettings with nothing', { kind: 'importSettings' }],
  ])('accepts %s as it is', (_, change) => {
    expect(SettingsChangeSchema.parse(change)).toEqual(change);
  });

  it('drops unknown fields, so nothing extra reaches the settings', () => {
    expect(
      SettingsChangeSchema.parse({ kind: 'saveConnection', connection: { ...ACME, token: 'secret' }, extra: 1 }),
    ).toEqual({ kind: 'saveConnection', connection: ACME });
    // An import sets no “Not here” answers, reads no file keys, and never replaces the whole site list.
    expect(
      SettingsChangeSchema.parse({
        kind: 'importSettings',
        declinedOrigins: [DECLINED],
        immybotInstance: 'acme',
        haloOrigins: [PSA],
        show: { from: null, to: 'both', extra: 1 },
      }),
    ).toEqual({ kind: 'importSettings', show: { from: null, to: 'both' } });
    expect(SettingsChangeSchema.parse({ kind: 'addSite', origin: PSA, haloOrigins: [] })).toEqual({
      kind: 'addSite',
      origin: PSA,
    });
  });

  const BAD_ORIGINS: [string, unknown][] = [
    ['http:// on a real host', 'http://psa.example.com'],
    ['http:// on a hosted tenant', 'http://acme.halopsa.com'],
    ['a hosted tenant with a port', 'https://acme.halopsa.com:8443'],
    ['Halo’s own website', 'https://halopsa.com'],
    ['Halo’s own www', 'https://www.halopsa.com'],
    ['an ImmyBot address', 'https://acme.immy.bot'],
    ['a bare host', 'psa.example.com'],
    ['a trailing slash', 'https://psa.example.com/'],
    ['a path', 'https://psa.example.com/ticket?id=5'],
    ['upper case', 'https://PSA.example.com'],
    ['the default port spelled out', 'https://psa.example.com:443'],
    ['a wildcard', 'https://*.example.com'],
    ['a single-label host', 'https://intranet'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['credentials', 'https://user:pw@psa.example.com'],
    ['an empty string', ''],
    ['a number', 42],
    ['null', null],
    ['an array', [PSA]],
    ['an object', { origin: PSA }],
  ];

  it.each(BAD_ORIGINS)('rejects %s as the site of every kind of change', (_, bad) => {
    for (const kind of ['addSite', 'removeSite', 'declineSite', 'undeclineSite']) {
      expect(SettingsChangeSchema.safeParse({ kind, origin: bad }).success, kind).toBe(false);
    }
    expect(SettingsChangeSchema.safeParse({ kind: 'saveConnection', connection: ACME, site: bad }).success).toBe(false);
  });

  it.each<[string, unknown]>([
    ['an http instance', { ...ACME, instanceOrigin: 'http://acme.immy.bot' }],
    ['a foreign instance', { ...ACME, instanceOrigin: 'https://acme.immy.bot.evil.test' }],
    ['a HaloPSA site as instance', { ...ACME, instanceOrigin: PSA }],
    ['id 0', { ...ACME, integrationId: 0 }],
    ['id 1.5', { ...ACME, integrationId: 1.5 }],
    ['id 2147483648', { ...ACME, integrationId: 2147483648 }],
    ['a string id', { ...ACME, integrationId: '619' }],
    ['no id', { instanceOrigin: ACME.instanceOrigin }],
    ['null', null],
    ['a string', 'https://acme.immy.bot'],
  ])('rejects saveConnection with %s', (_, connection) => {
    expect(SettingsChangeSchema.safeParse({ kind: 'saveConnection', connection }).success).toBe(false);
    expect(SettingsChangeSchema.safeParse({ kind: 'saveConnection', connection, site: PSA }).success).toBe(false);
  });

  it.each<[string, unknown]>([
    ['an unknown kind', { kind: 'wipeSettings' }],
    ['an unknown kind with an origin', { kind: 'addOrigin', origin: PSA }],
    ['a kind in another case', { kind: 'AddSite', origin: PSA }],
    ['no kind', { origin: PSA }],
    ['a numeric kind', { kind: 1, origin: PSA }],
    ['addSite without an origin', { kind: 'addSite' }],
    ['setShow without a place', { kind: 'setShow' }],
    ['setShow with null (only a stored value may be “not chosen”)', { kind: 'setShow', show: null }],
    ['setShow with an unknown place', { kind: 'setShow', show: 'sidebar' }],
    ['setShow with a place in another case', { kind: 'setShow', show: 'SidePanel' }],
    ['importSettings adding a bad site', { kind: 'importSettings', addSites: [PSA, 'http://psa.example.com'] }],
    ['importSettings removing a bad site', { kind: 'importSettings', removeSites: ['javascript:alert(1)'] }],
    ['importSettings adding a site twice', { kind: 'importSettings', addSites: [PSA, PSA] }],
    ['importSettings adding and removing one site', { kind: 'importSettings', addSites: [PSA], removeSites: [PSA] }],
    [
      'importSettings adding 501 sites',
      { kind: 'importSettings', addSites: Array.from({ length: 501 }, (_, i) => `https://t${i}.halopsa.com`) },
    ],
    ['importSettings with a bare connection', { kind: 'importSettings', connection: ACME }],
    [
      'importSettings with half a connection',
      { kind: 'importSettings', connection: { from: null, to: { integrationId: 619 } } },
    ],
    ['importSettings with a null connection', { kind: 'importSettings', connection: { from: ACME, to: null } }],
    ['importSettings without the connection it replaces', { kind: 'importSettings', connection: { to: ACME } }],
    ['importSettings with a bare place', { kind: 'importSettings', show: 'both' }],
    ['importSettings with a null place', { kind: 'importSettings', show: { from: 'page', to: null } }],
    ['importSettings without the place it replaces', { kind: 'importSettings', show: { to: 'page' } }],
    ['saveConnection without a connection', { kind: 'saveConnection', site: PSA }],
    ['a whole settings value', { immybot: ACME, haloOrigins: [PSA], declinedOrigins: [] }],
    ['undefined', undefined],
    ['null', null],
    ['a string', 'addSite'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [{ kind: 'addSite', origin: PSA }]],
    ['a function', () => ({ kind: 'addSite', origin: PSA })],
  ])('rejects %s', (_, change) => {
    expect(SettingsChangeSchema.safeParse(change).success).toBe(false);
  });
});

describe('checkSettings', () => {
  it('returns valid settings, without unknown fields', () => {
    const valid = settings({ immybot: ACME, haloOrigins: [PSA, HOSTED], declinedOrigins: [DECLINED] });
    expect(checkSettings({ ...valid, extra: 1 } as Settings)).toEqual(valid);
    expect(SettingsSchema.parse(valid)).toEqual(valid);
  });

  it.each<[string, unknown]>([
    ['a duplicate site', settings({ haloOrigins: [PSA, PSA] })],
    ['a bad site', settings({ haloOrigins: ['http://psa.example.com'] })],
    ['a bad answer', settings({ declinedOrigins: ['contoso.halopsa.com'] })],
    ['a bad connection', settings({ immybot: { ...ACME, integrationId: 0 } })],
    ['no settings at all', undefined],
  ])('throws on %s', (_, bad) => {
    expect(() => checkSettings(bad as Settings)).toThrow();
  });
});

describe('lockedField: what the organization set cannot be changed', () => {
  const MANAGED: ManagedPolicy = {
    instanceOrigin: ACME.instanceOrigin,
    integrationId: 619,
    haloOrigins: [HOSTED],
    show: 'page',
  };
  const policyOf = (partial: ManagedPolicy): ManagedPolicy => partial;

  it.each<[string, SettingsChange, ManagedPolicy, PolicyField | null]>([
    ['any change without a policy', { kind: 'saveConnection', connection: OTHER }, {}, null],
    [
      'another instance',
      { kind: 'saveConnection', connection: OTHER },
      policyOf({ instanceOrigin: ACME.instanceOrigin }),
      'instanceOrigin',
    ],
    [
      'another Integration ID',
      { kind: 'saveConnection', connection: { ...ACME, integrationId: 7 } },
      policyOf({ integrationId: 619 }),
      'integrationId',
    ],
    ['the managed connection itself', { kind: 'saveConnection', connection: ACME }, policyOf(MANAGED), null],
    [
      'a local Integration ID beside a managed instance',
      { kind: 'saveConnection', connection: { ...ACME, integrationId: 7 } },
      policyOf({ instanceOrigin: ACME.instanceOrigin }),
      null,
    ],
    [
      'a save that would list a site off the managed list',
      { kind: 'saveConnection', connection: ACME, site: PSA },
      policyOf(MANAGED),
      'haloOrigins',
    ],
    ['a save from a managed site', { kind: 'saveConnection', connection: ACME, site: HOSTED }, policyOf(MANAGED), null],
    [
      'adding a site to a managed list',
      { kind: 'addSite', origin: PSA },
      policyOf({ haloOrigins: [HOSTED] }),
      'haloOrigins',
    ],
    [
      'removing a managed site',
      { kind: 'removeSite', origin: HOSTED },
      policyOf({ haloOrigins: [HOSTED] }),
      'haloOrigins',
    ],
    [
      'declining a tenant under a managed list',
      { kind: 'declineSite', origin: DECLINED },
      policyOf({ haloOrigins: [HOSTED] }),
      'haloOrigins',
    ],
    [
      'undoing a "Not here" under a managed list',
      { kind: 'undeclineSite', origin: DECLINED },
      policyOf({ haloOrigins: [HOSTED] }),
      'haloOrigins',
    ],
    [
      'adding a site when only the connection is managed',
      { kind: 'addSite', origin: PSA },
      policyOf({ instanceOrigin: ACME.instanceOrigin }),
      null,
    ],
    ['another place to show', { kind: 'setShow', show: 'both' }, policyOf({ show: 'page' }), 'show'],
    ['the managed place itself', { kind: 'setShow', show: 'page' }, policyOf({ show: 'page' }), null],
  ])('%s', (_name, change, policy, field) => {
    expect(lockedField(change, policy)).toBe(field);
  });

  it('says who set it', () => {
    expect(lockedMessage('integrationId')).toBe(
      'Integration ID is set by your organization and cannot be changed here.',
    );
  });
});
