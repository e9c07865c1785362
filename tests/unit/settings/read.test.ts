import fc from 'fast-check';
import { SHOW_PLACES } from '../../../lib/show-places';
import { describe, expect, it } from 'vitest';
import { isHaloOrigin } from '../../../lib/halo/address';
import { SETTINGS_VERSION } from '../../../lib/settings/migrations';
import { readSettings } from '../../../lib/settings/read';
import type { ImmyBotConnection } from '../../../lib/immybot/connection';
import {
  DEFAULT_SETTINGS,
  HaloOriginsSchema,
  SettingsSchema,
  SiteConnectionsSchema,
} from '../../../lib/settings/schema';
import { ACME, brokenExamples, DECLINED, exampleOf, HOSTED, PSA, SERVICE } from './examples';

const REJECTED = Symbol('rejected by the schema');

/**
 * The writer's rule for the connection alone: SettingsSchema, with every other field made valid. The
 * reader deliberately keeps the connection even when another field is broken, so the whole schema
 * (which rejects such a value outright) is not the right yardstick for the connection.
 */
function schemaConnection(stored: unknown): ImmyBotConnection | null | typeof REJECTED {
  if (typeof stored !== 'object' || stored === null) return REJECTED;
  const parsed = SettingsSchema.safeParse({
    ...stored,
    haloOrigins: [],
    declinedOrigins: [],
    show: null,
    siteConnections: {},
  });
  return parsed.success ? parsed.data.immybot : REJECTED;
}

/** What the reader must see when the schema has the final word. */
function schemaView(stored: unknown): ImmyBotConnection | null {
  const connection = schemaConnection(stored);
  return connection === REJECTED ? null : connection;
}

const fieldsOf = (stored: unknown) => readSettings(stored).problems.map((p) => p.field);

describe('readSettings: the connection', () => {
  it.each([
    [{ immybot: ACME }, ACME],
    [{ immybot: ACME, haloOrigins: [PSA] }, ACME],
    // Another field being broken does not hide a valid connection.
    [{ immybot: ACME, haloOrigins: 'garbage' }, ACME],
    [{ immybot: ACME, haloOrigins: [PSA, PSA] }, ACME],
    [{ immybot: ACME, declinedOrigins: null }, ACME],
    [{ immybot: { ...ACME, extra: 'dropped' }, other: 1 }, ACME],
    [
      { immybot: { instanceOrigin: 'https://a.immy.bot', integrationId: 2147483647 } },
      { instanceOrigin: 'https://a.immy.bot', integrationId: 2147483647 },
    ],
  ])('reads %j', (stored, expected) => {
    expect(readSettings(stored).settings.immybot).toEqual(expected);
    expect(schemaView(stored)).toEqual(expected);
    expect(fieldsOf(stored)).not.toContain('immybot');
  });

  it.each([undefined, null, {}, { immybot: null }, { immybot: null, haloOrigins: [PSA] }, { immybot: undefined }])(
    'reads no connection, and no problem, from %j',
    (stored) => {
      expect(readSettings(stored).settings.immybot).toBeNull();
      expect(fieldsOf(stored)).not.toContain('immybot');
    },
  );

  it.each([
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
    { immybot: 0 },
    { immybot: false },
  ])('rejects %j, as the schema does, and reports the connection', (stored) => {
    expect(readSettings(stored).settings.immybot).toBeNull();
    expect(schemaView(stored)).toBeNull();
    expect(fieldsOf(stored)).toEqual(['immybot']);
  });

  it.each(['settings', 42, true, [], [ACME]])('reads nothing from the non-object %j and reports it', (stored) => {
    const read = readSettings(stored);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0].message).toMatch(/unreadable/);
  });
});

describe.each(['haloOrigins', 'declinedOrigins'] as const)('readSettings: %s', (field) => {
  it.each([
    [
      [PSA, SERVICE],
      [PSA, SERVICE],
    ],
    [
      ['http://localhost:3000', 'https://10.1.2.3'],
      ['http://localhost:3000', 'https://10.1.2.3'],
    ],
    [[], []],
    // Hosted tenants are sites like any other now.
    [
      [HOSTED, DECLINED, 'https://x.trial.usehalo.com', 'https://y.haloitsm.com'],
      [HOSTED, DECLINED, 'https://x.trial.usehalo.com', 'https://y.haloitsm.com'],
    ],
  ])('keeps %j whole, without a problem', (origins, expected) => {
    const read = readSettings({ immybot: ACME, [field]: origins });
    expect(read.settings[field]).toEqual(expected);
    expect(read.problems).toEqual([]);
  });

  it.each([
    // One bad entry does not disable the rest, and the order is kept.
    [[SERVICE, 'psa.example.com', PSA], [SERVICE, PSA], 1],
    [['https://psa.example.com/', PSA, 'http://psa.example.com', 42, null, { origin: PSA }, [PSA]], [PSA], 6],
    [[HOSTED, 'https://PSA.example.com', 'https://psa.example.com:443', SERVICE], [HOSTED, SERVICE], 2],
    [
      [
        'http://acme.halopsa.com',
        'https://acme.halopsa.com:8443',
        'https://www.halopsa.com',
        'https://halopsa.com',
        HOSTED,
      ],
      [HOSTED],
      4,
    ],
    [
      ['javascript:alert(1)', 'file:///etc/passwd', '', 'https://user:pw@psa.example.com', 'https://acme.immy.bot'],
      [],
      5,
    ],
  ])('keeps only the valid addresses of %j and reports each bad one', (origins, expected, bad) => {
    const read = readSettings({ immybot: ACME, [field]: origins });
    expect(read.settings[field]).toEqual(expected);
    expect(read.settings.immybot).toEqual(ACME);
    expect(read.problems).toHaveLength(bad);
    expect(read.problems.every((p) => p.field === field)).toBe(true);
  });

  it.each([null, PSA, 42, { 0: PSA, length: 1 }, {}, true])(
    'drops the non-list %j and reports it, keeping the connection',
    (value) => {
      const read = readSettings({ immybot: ACME, [field]: value });
      expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, immybot: ACME });
      expect(read.problems.map((p) => p.field)).toEqual([field]);
    },
  );

  it.each([undefined, null, 'settings', 42, [], [PSA], {}, { [field]: undefined }])(
    'reads no addresses from %j',
    (stored) => {
      expect(readSettings(stored).settings[field]).toEqual([]);
    },
  );
});

describe('readSettings: broken stored examples (tests/unit/settings/examples/broken)', () => {
  it('has the broken shapes the reader must survive', () => {
    expect(brokenExamples.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'duplicated-address',
        'bad-connection',
        'bad-origin',
        'non-array-list',
        'non-object-value',
        'null-list',
      ]),
    );
    for (const { stored, repaired } of brokenExamples) {
      // Each is broken, and its repair is valid current settings.
      expect(SettingsSchema.safeParse(stored).success).toBe(false);
      expect(SettingsSchema.safeParse(repaired).success).toBe(true);
    }
  });

  it.each(brokenExamples)('$name: keeps every valid field and drops the bad one', ({ stored, repaired }) => {
    const input = structuredClone(stored);
    expect(readSettings(input).settings).toEqual(repaired);
    // Nothing is written back into the stored value.
    expect(input).toEqual(stored);
  });

  it.each(brokenExamples)('$name: reports a problem naming each dropped thing', ({ stored, problems }) => {
    const read = readSettings(stored);
    expect(read.problems.map((p) => p.field)).toEqual(problems.map((p) => p.field));
    for (const [i, problem] of read.problems.entries()) expect(problem.message).toContain(problems[i].names);
  });
});

describe('readSettings: valid values', () => {
  it('reads the current example as it is, without problems', () => {
    const current = exampleOf(SETTINGS_VERSION);
    expect(readSettings(current)).toEqual({ settings: current, problems: [] });
  });

  it.each([undefined, null, {}])('reads %j as the defaults, without problems (nothing saved yet)', (stored) => {
    expect(readSettings(stored)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('hands out its own copy: changing the result does not change the stored value', () => {
    const stored = { immybot: { ...ACME }, haloOrigins: [PSA], declinedOrigins: [DECLINED] };
    const { settings } = readSettings(stored);
    settings.haloOrigins.push(SERVICE);
    settings.declinedOrigins.length = 0;
    (settings.immybot as ImmyBotConnection).integrationId = 1;
    expect(stored).toEqual({ immybot: ACME, haloOrigins: [PSA], declinedOrigins: [DECLINED] });
  });
});

// ----- Properties: the zod-free reader agrees with the writer's schema -----

const instanceOrigin = fc.oneof(
  { arbitrary: fc.constantFrom('https://acme.immy.bot', 'https://my-shop.immy.bot'), weight: 2 },
  fc.constantFrom(
    'https://acme.immy.bot',
    'https://a.immy.bot',
    'http://acme.immy.bot',
    'https://acme.immy.bot/',
    'https://immy.bot',
    '',
  ),
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

const VALID_SELF_HOSTED = [
  PSA,
  SERVICE,
  'http://localhost:3000',
  'https://10.1.2.3',
  'https://xn--mnchen-3ya.example.com',
];
const VALID_HOSTED = [
  HOSTED,
  DECLINED,
  'https://fabrikam.haloitsm.com',
  'https://x.trial.usehalo.com',
  'https://a.b.haloservicedesk.com',
];
const VALID_HALO_ORIGINS = [...VALID_SELF_HOSTED, ...VALID_HOSTED];
const validOrigin = fc.constantFrom(...VALID_HALO_ORIGINS);
const haloOriginLike = fc.oneof(
  { arbitrary: validOrigin, weight: 4 },
  fc.constantFrom(
    'http://acme.halopsa.com',
    'https://acme.halopsa.com:8443',
    'https://acme.halopsa.com/',
    'https://ACME.halopsa.com',
    'https://halopsa.com',
    'https://www.halopsa.com',
    'http://psa.example.com',
    'https://psa.example.com/',
    'psa.example.com',
    'https://PSA.example.com',
    'https://psa.example.com:443',
    'http://localhost:3000/',
    'https://acme.immy.bot',
    'javascript:alert(1)',
    '',
  ),
  fc.webUrl().map((url) => new URL(url).origin),
  fc.webUrl(),
  fc.string(),
  fc.anything(),
);
const originsLike = fc.oneof(
  { arbitrary: fc.uniqueArray(validOrigin, { maxLength: 4 }), weight: 3 },
  // Duplicates of valid addresses: broken, though every element is fine.
  fc.array(validOrigin, { minLength: 2, maxLength: 5 }),
  fc.array(haloOriginLike, { maxLength: 6 }),
  fc.anything(),
);

const siteConnectionsLike = fc.oneof(
  { arbitrary: fc.dictionary(validOrigin, connectionLike, { maxKeys: 3 }), weight: 3 },
  fc.dictionary(fc.oneof(validOrigin, fc.string(), fc.constant('acme.halopsa.com')), connectionLike, {
    maxKeys: 3,
  }),
  fc.anything(),
);

const showLike = fc.oneof(
  { arbitrary: fc.constantFrom(...SHOW_PLACES, null), weight: 3 },
  fc.constantFrom('sidebar', 'Page', '', 0),
  fc.anything(),
);

const storedLike = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true }),
  fc.record(
    {
      immybot: fc.oneof(connectionLike, fc.constant(null), fc.anything()),
      haloOrigins: originsLike,
      declinedOrigins: originsLike,
      show: showLike,
      siteConnections: siteConnectionsLike,
      other: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  {
    arbitrary: fc.record({
      immybot: fc.oneof(fc.record({ instanceOrigin, integrationId }), fc.constant(null)),
      haloOrigins: originsLike,
      declinedOrigins: originsLike,
      show: showLike,
      siteConnections: fc.dictionary(validOrigin, fc.constantFrom(ACME, { ...ACME, integrationId: 620 }), {
        maxKeys: 2,
      }),
    }),
    weight: 2,
  },
);

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const unique = <T>(values: T[]) => [...new Set(values)];

describe('readSettings always yields settings the schema accepts, and agrees with it on valid ones', () => {
  it('its settings always pass SettingsSchema', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        const { settings } = readSettings(stored);
        const parsed = SettingsSchema.safeParse(settings);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        // …and exactly as they are (nothing for the schema to strip or fix).
        expect(parsed.data).toEqual(settings);
      }),
      { numRuns: 3000 },
    );
  });

  it('whenever SettingsSchema accepts a value, reads the same value with no problems', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        const parsed = SettingsSchema.safeParse(stored);
        if (!parsed.success) return;
        expect(readSettings(stored)).toEqual({ settings: parsed.data, problems: [] });
      }),
      { numRuns: 3000 },
    );
  });

  it('reading its own result again changes nothing and finds no problem', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        const { settings } = readSettings(stored);
        expect(readSettings(settings)).toEqual({ settings, problems: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('generates values the schema accepts and values it rejects, in both kinds of field (not vacuous)', () => {
    const samples = fc.sample(storedLike, { numRuns: 3000, seed: 7 });
    const parsed = samples.map((s) => SettingsSchema.safeParse(s));
    const accepted = parsed.flatMap((p) => (p.success ? [p.data] : []));
    const rejected = samples.filter((_, i) => !parsed[i].success);
    expect(accepted.length).toBeGreaterThan(150);
    expect(rejected.length).toBeGreaterThan(1000);
    expect(accepted.filter((s) => s.immybot !== null).length).toBeGreaterThan(30);
    expect(accepted.filter((s) => s.immybot === null).length).toBeGreaterThan(30);
    expect(accepted.filter((s) => s.haloOrigins.length > 1).length).toBeGreaterThan(30);
    expect(accepted.filter((s) => s.declinedOrigins.length > 1).length).toBeGreaterThan(30);
    expect(accepted.filter((s) => s.haloOrigins.some((o) => VALID_HOSTED.includes(o))).length).toBeGreaterThan(30);
    // Rejected values the reader still gets something out of (a repair, not a reset), with a problem said.
    const repaired = rejected
      .map(readSettings)
      .filter((r) => r.problems.length > 0 && (r.settings.immybot !== null || r.settings.haloOrigins.length > 0));
    expect(repaired.length).toBeGreaterThan(200);
    // Rejected only for a duplicate: every element fine.
    const duplicates = rejected.filter(
      (s) =>
        isPlainRecord(s) &&
        Array.isArray(s.haloOrigins) &&
        s.haloOrigins.every(isHaloOrigin) &&
        unique(s.haloOrigins).length < s.haloOrigins.length,
    );
    expect(duplicates.length).toBeGreaterThan(50);
  });
});

describe('the connection agrees with the schema’s rule for the connection', () => {
  it('is kept exactly when the schema accepts a non-null one, the same connection; a problem is said exactly when one is set aside', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        const read = readSettings(stored);
        const schema = schemaConnection(stored);
        if (schema === REJECTED) expect(read.settings.immybot).toBeNull();
        else expect(read.settings.immybot).toEqual(schema);
        if (isPlainRecord(stored)) {
          const setAside = stored.immybot !== null && stored.immybot !== undefined && schema === REJECTED;
          expect(read.problems.some((p) => p.field === 'immybot')).toBe(setAside);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('generates accepted connections, null connections and rejected values (not vacuous)', () => {
    const samples = fc.sample(storedLike, { numRuns: 3000, seed: 42 });
    const outcomes = samples.map(schemaConnection);
    expect(outcomes.filter((o) => o !== REJECTED && o !== null).length).toBeGreaterThan(100);
    expect(outcomes.filter((o) => o === null).length).toBeGreaterThan(50);
    expect(outcomes.filter((o) => o === REJECTED).length).toBeGreaterThan(100);
    // Near misses: an immybot object whose origin is right but which the schema still rejects.
    const nearMisses = samples.filter(
      (s, i) =>
        outcomes[i] === REJECTED &&
        (s as { immybot?: { instanceOrigin?: unknown } })?.immybot?.instanceOrigin === 'https://acme.immy.bot',
    ).length;
    expect(nearMisses).toBeGreaterThan(20);
  });
});

describe.each(['haloOrigins', 'declinedOrigins'] as const)(
  '%s keeps exactly what HaloOriginsSchema accepts element-wise',
  (field) => {
    /** The schema's rule for one element, taken from the schema itself. */
    const elementAccepted = (value: unknown) => HaloOriginsSchema.safeParse([value]).success;
    const rawOf = (stored: unknown) => (isPlainRecord(stored) ? stored[field] : undefined);

    it('returns, in order and once each, every element the schema accepts, and reports every other one', () => {
      fc.assert(
        fc.property(storedLike, (stored) => {
          const read = readSettings(stored);
          for (const origin of read.settings[field]) expect(elementAccepted(origin)).toBe(true);
          const raw = rawOf(stored);
          expect(read.settings[field]).toEqual(Array.isArray(raw) ? unique(raw.filter(elementAccepted)) : []);
          const reported = read.problems.filter((p) => p.field === field).length;
          if (Array.isArray(raw)) {
            // Every invalid element is reported, and so is every repeat of a valid one.
            const invalid = raw.filter((o) => !elementAccepted(o)).length;
            const repeats = raw.length - invalid - read.settings[field].length;
            expect(reported).toBe(invalid + repeats);
          } else expect(reported).toBe(raw === undefined ? 0 : 1);
        }),
        { numRuns: 3000 },
      );
    });

    it('an array the schema accepts as a whole comes back unchanged', () => {
      fc.assert(
        fc.property(originsLike, (origins) => {
          if (!HaloOriginsSchema.safeParse(origins).success) return;
          expect(readSettings({ [field]: origins })).toEqual({
            settings: { ...DEFAULT_SETTINGS, [field]: origins },
            problems: [],
          });
        }),
        { numRuns: 2000 },
      );
    });

    it('generates arrays where some elements are kept and some dropped (not vacuous)', () => {
      const arrays = fc
        .sample(originsLike, { numRuns: 3000, seed: 11 })
        .filter((a): a is unknown[] => Array.isArray(a));
      const keptOf = (a: unknown[]) => readSettings({ [field]: a }).settings[field].length;
      expect(arrays.filter((a) => keptOf(a) > 0 && keptOf(a) < a.length).length).toBeGreaterThan(100);
      expect(arrays.filter((a) => a.length > 0 && keptOf(a) === a.length).length).toBeGreaterThan(100);
      // The generator's own pool agrees with isHaloOrigin.
      for (const origin of VALID_HALO_ORIGINS) expect(isHaloOrigin(origin)).toBe(true);
    });
  },
);

describe('readSettings: values JSON cannot say', () => {
  it('reports a BigInt or a value that holds itself instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const read = readSettings({ haloOrigins: [1n, cyclic, 'https://psa.example.com'] });
    expect(read.settings.haloOrigins).toEqual(['https://psa.example.com']);
    expect(read.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('a bigint'),
      expect.stringContaining('an object that holds itself'),
    ]);
  });
});

describe('readSettings: “Show Technician Tools”', () => {
  it.each(SHOW_PLACES)('keeps the choice %s', (show) => {
    expect(readSettings({ immybot: ACME, show })).toEqual({
      settings: { ...DEFAULT_SETTINGS, immybot: ACME, show },
      problems: [],
    });
  });

  it.each([undefined, null])('reads %j as not chosen yet (the browser’s default), without a problem', (show) => {
    expect(readSettings({ immybot: ACME, show })).toEqual({
      settings: { ...DEFAULT_SETTINGS, immybot: ACME },
      problems: [],
    });
  });

  it.each(['sidebar', 'Page', '', 1, { place: 'page' }])('resets %j, says so, and keeps everything else', (show) => {
    const read = readSettings({ immybot: ACME, haloOrigins: [HOSTED], show });
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, immybot: ACME, haloOrigins: [HOSTED] });
    expect(read.problems).toEqual([{ field: 'show', message: expect.stringContaining('Show Technician Tools') }]);
  });
});

describe('siteConnections keeps exactly the entries SiteConnectionsSchema accepts, each on its own', () => {
  /** The schema's rule for one entry, taken from the schema itself. */
  // fromEntries, not a literal: `{ ["__proto__"]: v }` would set the prototype, not an entry.
  const one = (site: string, value: unknown) => Object.fromEntries([[site, value]]);
  // Accepted means kept: zod accepts a "__proto__" entry by leaving it out, which is dropping it.
  const entryAccepted = (site: string, value: unknown) => {
    const parsed = SiteConnectionsSchema.safeParse(one(site, value));
    return parsed.success && Object.hasOwn(parsed.data, site);
  };
  const rawOf = (stored: unknown) => (isPlainRecord(stored) ? stored.siteConnections : undefined);

  it('keeps every accepted entry (extra fields dropped), drops every other, and says so for each', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        const raw = rawOf(stored);
        const read = readSettings(stored);
        const problems = read.problems.filter((p) => p.field === 'siteConnections');
        if (!isPlainRecord(raw)) {
          expect(read.settings.siteConnections).toEqual({});
          expect(problems.length).toBe(raw === undefined || raw === null ? 0 : 1);
          return;
        }
        const entries = Object.entries(raw);
        const kept = entries.filter(([site, value]) => entryAccepted(site, value));
        expect(Object.keys(read.settings.siteConnections)).toEqual(kept.map(([site]) => site));
        for (const [site, value] of kept)
          expect(read.settings.siteConnections[site]).toEqual(SiteConnectionsSchema.parse(one(site, value))[site]);
        expect(problems.length).toBe(entries.length - kept.length);
      }),
      // fast-check found it (seed 1044030048): an own "__proto__" entry, which the oracle took for kept.
      { numRuns: 3000, examples: [[JSON.parse('{"siteConnections": {"__proto__": ""}}')]] },
    );
  });

  it('generates kept and dropped entries (not vacuous)', () => {
    const raws = fc.sample(storedLike, { numRuns: 3000, seed: 11 }).map(rawOf).filter(isPlainRecord);
    const entries = raws.flatMap((raw) => Object.entries(raw));
    expect(entries.filter(([site, value]) => entryAccepted(site, value)).length).toBeGreaterThan(100);
    expect(entries.filter(([site, value]) => !entryAccepted(site, value)).length).toBeGreaterThan(100);
  });

  it('drops a "__proto__" key and says so (zod drops it without a word; nothing reaches the prototype)', () => {
    const stored = JSON.parse(
      '{"siteConnections": {"__proto__": {"instanceOrigin": "https://acme.immy.bot", "integrationId": 620}}}',
    );
    const read = readSettings(stored);
    expect(read.settings.siteConnections).toEqual({});
    expect(Object.getPrototypeOf(read.settings.siteConnections)).toBe(Object.prototype);
    expect(read.problems.map((p) => p.field)).toEqual(['siteConnections']);
  });

  it('reads the current example’s sandbox site on its own integration, and a missing field as none, without a problem', () => {
    expect(readSettings(exampleOf(SETTINGS_VERSION)).settings.siteConnections).toEqual({
      'https://sandbox.halopsa.com': { instanceOrigin: 'https://acme.immy.bot', integrationId: 620 },
    });
    expect(readSettings({ immybot: ACME })).toEqual({
      settings: { ...DEFAULT_SETTINGS, immybot: ACME },
      problems: [],
    });
  });
});
