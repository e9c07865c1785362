import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applySettingsChange,
  isStaleImport,
  lockedField,
  lockedMessage,
  SettingsChangeSchema,
  type SettingsChange,
  unlistedSiteRefusal,
} from '../../../lib/settings/changes';
import { mergeSettings } from '../../../lib/settings/merge';
import { readPolicy } from '../../../lib/settings/policy';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { connectionForSite, ownConnection, signInInstance } from '../../../lib/settings/site-connections';
import { readStoredPolicy } from '../../../lib/settings/stored-policy';
import { exportSettings, parseImport, planImport } from '../../../lib/settings/transfer';
import { POLICY_KEY } from '../../../lib/storage';
import { ACME, HOSTED, PSA } from './examples';
import { withReads } from './reads';

/** The example: production on the default (integration 619), a sandbox tenant on integration 620. */
const SANDBOX = 'https://sandbox.halopsa.com';
const ON_620 = { instanceOrigin: ACME.instanceOrigin, integrationId: 620 };
const LAB = { instanceOrigin: 'https://lab.immy.bot', integrationId: 77 };
const settings = (partial: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...partial });
const BOTH = settings({ immybot: ACME, haloOrigins: [HOSTED, SANDBOX], siteConnections: { [SANDBOX]: ON_620 } });
const file = (values: Record<string, unknown>) =>
  JSON.stringify({ format: 'immybot-technician-tools-settings', version: 1, ...values });

describe('connectionForSite: the one answer to “which connection does this site use”', () => {
  it('a site with its own connection uses it; every other site, listed or not, the default', () => {
    expect(connectionForSite(BOTH, SANDBOX)).toEqual(ON_620);
    expect(connectionForSite(BOTH, HOSTED)).toEqual(ACME);
    expect(connectionForSite(BOTH, PSA)).toEqual(ACME);
    expect(connectionForSite(BOTH, undefined)).toEqual(ACME);
  });

  it('knows the site by its exact origin, as the list does', () => {
    for (const spelling of ['https://SANDBOX.halopsa.com', `${SANDBOX}/`, 'sandbox.halopsa.com', `${SANDBOX}:443`])
      expect(connectionForSite(BOTH, spelling)).toEqual(ACME);
  });

  it('ownConnection says whether the site has one of its own', () => {
    expect(ownConnection(BOTH, SANDBOX)).toEqual(ON_620);
    expect(ownConnection(BOTH, HOSTED)).toBeNull();
  });
});

describe('readPolicy: siteConnections', () => {
  it('reads sites as haloSites does and connections as the main one does, a pasted URL included', () => {
    expect(
      readPolicy({
        haloSites: ['acme.halopsa.com', 'sandbox.halopsa.com', 'psa.example.com'],
        siteConnections: {
          'sandbox.halopsa.com': { immybotInstance: 'acme', integrationId: 620 },
          'https://psa.example.com/': { immybotInstance: 'https://lab.immy.bot/technician-pod/psa/77/ticket/1' },
        },
      }),
    ).toEqual({
      policy: { haloOrigins: [HOSTED, SANDBOX, PSA], siteConnections: { [SANDBOX]: ON_620, [PSA]: LAB } },
      problems: [],
    });
  });

  it('reads an empty object as the organization’s choice: every site on the default', () => {
    expect(readPolicy({ siteConnections: {} }).policy).toEqual({ siteConnections: {} });
  });

  it.each<[string, unknown, string]>([
    ['not an object', ['sandbox.halopsa.com'], 'it must be an object whose keys are HaloPSA sites'],
    ['a site that is not one', { '*.halopsa.com': { immybotInstance: 'acme', integrationId: 620 } }, 'Wildcards'],
    ['a connection that is text', { 'sandbox.halopsa.com': 'acme' }, 'must be an object with "immybotInstance"'],
    ['no Integration ID', { 'sandbox.halopsa.com': { immybotInstance: 'acme' } }, 'needs "integrationId"'],
    ['no instance', { 'sandbox.halopsa.com': { integrationId: 620 } }, 'needs "immybotInstance"'],
    [
      'a wrong instance',
      { 'sandbox.halopsa.com': { immybotInstance: 'acme.example.com', integrationId: 620 } },
      'ImmyBot instance: acme.example.com is not an ImmyBot instance',
    ],
    [
      'a wrong id',
      { 'sandbox.halopsa.com': { immybotInstance: 'acme', integrationId: 0 } },
      'Integration ID: The Integration ID is a whole number',
    ],
    [
      'a key it does not know',
      { 'sandbox.halopsa.com': { immybotInstance: 'acme', integrationID: 620 } },
      'holds only "immybotInstance" and "integrationId", not "integrationID"',
    ],
  ])('ignores %s and says why, naming the site', (_, siteConnections, reason) => {
    const read = readPolicy({ siteConnections });
    expect(read.policy.siteConnections ?? {}).toEqual({});
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0].field).toBe('siteConnections');
    expect(read.problems[0].message).toContain('Your organization’s setting for Site connections is not valid');
    expect(read.problems[0].message).toContain(reason);
  });

  it('leaves out a site the policy’s haloSites does not list, names it, and keeps the rest', () => {
    const read = readPolicy({
      haloSites: ['sandbox.halopsa.com'],
      siteConnections: {
        'sandbox.halopsa.com': { immybotInstance: 'acme', integrationId: 620 },
        'other.halopsa.com': { immybotInstance: 'acme', integrationId: 621 },
      },
    });
    expect(read.policy.siteConnections).toEqual({ [SANDBOX]: ON_620 });
    expect(read.problems.map((p) => p.message)).toEqual([
      'Your organization’s setting for Site connections is not valid: https://other.halopsa.com was left out. It is not one of the HaloPSA sites the policy lists (haloSites).',
    ]);
  });

  it('without a managed haloSites, keeps every valid site: it applies once the technician lists it', () => {
    const read = readPolicy({
      siteConnections: { 'sandbox.halopsa.com': { immybotInstance: 'acme', integrationId: 620 } },
    });
    expect(read).toEqual({ policy: { siteConnections: { [SANDBOX]: ON_620 } }, problems: [] });
    expect(mergeSettings(settings({ immybot: ACME }), read.policy).settings.siteConnections).toEqual({});
    expect(mergeSettings(BOTH, read.policy).settings.siteConnections).toEqual({ [SANDBOX]: ON_620 });
  });

  it('ignores a map whose every entry is wrong rather than locking every row', () => {
    const read = readPolicy({ siteConnections: { 'sandbox.halopsa.com': { integrationId: 620 } } });
    expect(read.policy).toEqual({});
    expect(read.problems).toHaveLength(1);
  });

  it('the background’s copy reads back the same, and nothing that is not canonical', () => {
    const read = readPolicy({
      haloSites: ['sandbox.halopsa.com'],
      siteConnections: { 'sandbox.halopsa.com': { immybotInstance: 'acme', integrationId: 620 } },
    });
    expect(readStoredPolicy(read)).toEqual(read);
    const edited = {
      policy: { siteConnections: { 'sandbox.halopsa.com': ON_620, [SANDBOX]: { integrationId: 620 } } },
    };
    expect(readStoredPolicy(edited).policy).toEqual({ siteConnections: {} });
  });
});

describe('applySettingsChange: setSiteConnection', () => {
  it('sets a site’s own connection, replaces it, and null takes the site back to the default', () => {
    const listed = settings({ immybot: ACME, haloOrigins: [HOSTED, SANDBOX] });
    const set = applySettingsChange(listed, { kind: 'setSiteConnection', origin: SANDBOX, connection: ON_620 });
    expect(set).toEqual({ ...listed, siteConnections: { [SANDBOX]: ON_620 } });
    const replaced = applySettingsChange(set, { kind: 'setSiteConnection', origin: SANDBOX, connection: LAB });
    expect(replaced.siteConnections).toEqual({ [SANDBOX]: LAB });
    expect(applySettingsChange(replaced, { kind: 'setSiteConnection', origin: SANDBOX, connection: null })).toEqual(
      listed,
    );
  });

  it('a site’s connection goes when the site is removed; another site’s stays', () => {
    const two = settings({
      ...BOTH,
      haloOrigins: [HOSTED, SANDBOX, PSA],
      siteConnections: { [SANDBOX]: ON_620, [PSA]: LAB },
    });
    expect(applySettingsChange(two, { kind: 'removeSite', origin: SANDBOX }).siteConnections).toEqual({ [PSA]: LAB });
    // Listed again later: on the default until given its own connection again.
    const back = applySettingsChange(applySettingsChange(two, { kind: 'removeSite', origin: SANDBOX }), {
      kind: 'addSite',
      origin: SANDBOX,
    });
    expect(connectionForSite(back, SANDBOX)).toEqual(ACME);
  });

  it('the change is validated: a site and a connection, or null', () => {
    const parse = (change: unknown) => SettingsChangeSchema.safeParse(change).success;
    expect(parse({ kind: 'setSiteConnection', origin: SANDBOX, connection: ON_620 })).toBe(true);
    expect(parse({ kind: 'setSiteConnection', origin: SANDBOX, connection: null })).toBe(true);
    expect(parse({ kind: 'setSiteConnection', origin: 'sandbox.halopsa.com', connection: ON_620 })).toBe(false);
    expect(parse({ kind: 'setSiteConnection', origin: SANDBOX })).toBe(false);
    expect(parse({ kind: 'setSiteConnection', origin: SANDBOX, connection: { ...ON_620, integrationId: 0 } })).toBe(
      false,
    );
    expect(
      parse({
        kind: 'setSiteConnection',
        origin: SANDBOX,
        connection: { instanceOrigin: 'https://evil.example', integrationId: 1 },
      }),
    ).toBe(false);
  });

  it('refuses a connection for a site that is not listed in effect, but lets one go back to the default', () => {
    const set: SettingsChange = { kind: 'setSiteConnection', origin: PSA, connection: ON_620 };
    expect(unlistedSiteRefusal(set, BOTH)).toBe(
      'https://psa.example.com is not one of your HaloPSA sites: add the site first.',
    );
    expect(unlistedSiteRefusal({ ...set, origin: SANDBOX }, BOTH)).toBeNull();
    expect(unlistedSiteRefusal({ ...set, connection: null }, BOTH)).toBeNull();
  });

  it('is locked where the organization sets the site connections, even to an empty map', () => {
    const change: SettingsChange = { kind: 'setSiteConnection', origin: SANDBOX, connection: ON_620 };
    expect(lockedField(change, {})).toBeNull();
    expect(lockedField(change, { haloOrigins: [SANDBOX] })).toBeNull();
    expect(lockedField(change, { siteConnections: {} })).toBe('siteConnections');
    expect(lockedMessage('siteConnections')).toBe(
      'Site connections is set by your organization and cannot be changed here.',
    );
  });
});

describe('export and import', () => {
  it('exports siteConnections with the keys written as in haloSites and the policy’s own value keys', () => {
    expect(JSON.parse(exportSettings(BOTH))).toEqual({
      format: 'immybot-technician-tools-settings',
      version: 1,
      immybotInstance: ACME.instanceOrigin,
      integrationId: 619,
      haloSites: [HOSTED, SANDBOX],
      siteConnections: { [SANDBOX]: { immybotInstance: ACME.instanceOrigin, integrationId: 620 } },
    });
    expect(JSON.parse(exportSettings(settings({ immybot: ACME }))).siteConnections).toBeUndefined();
  });

  it('refuses a file with one wrong connection whole, naming the site and what is wrong', () => {
    const read = parseImport(
      file({
        haloSites: [SANDBOX],
        siteConnections: { 'sandbox.halopsa.com': { immybotInstance: 'acme', integrationId: 'x' } },
      }),
    );
    expect(read).toEqual({
      ok: false,
      error:
        'Site connections: "sandbox.halopsa.com" cannot be used. Integration ID: The Integration ID is a whole number from 1 to 2147483647.',
    });
  });

  const plan = (current: Settings, values: Record<string, unknown>, sources = mergeSettings(current, {}).sources) => {
    const read = parseImport(file(values));
    if (!read.ok) throw new Error(read.error);
    return planImport(current, sources, read.imported);
  };

  it('plans one line per site whose connection changes, and the change Apply sends', () => {
    const current = settings({ immybot: ACME, haloOrigins: [HOSTED, SANDBOX, PSA], siteConnections: { [PSA]: LAB } });
    const planned = plan(current, { siteConnections: { [SANDBOX]: { immybotInstance: 'acme', integrationId: 620 } } });
    expect(planned).toEqual({
      ok: true,
      plan: {
        change: { kind: 'importSettings', siteConnections: { from: { [PSA]: LAB }, to: { [SANDBOX]: ON_620 } } },
        changes: [
          'Site connections: psa.example.com goes back to the default connection',
          'Site connections: sandbox.halopsa.com uses acme.immy.bot · integration 620',
        ],
        locked: [],
      },
    });
    if (!planned.ok || !planned.plan.change) throw new Error('no plan');
    const after = applySettingsChange(current, planned.plan.change);
    expect(after.siteConnections).toEqual({ [SANDBOX]: ON_620 });
  });

  it('the same connections in another spelling are no change', () => {
    expect(
      plan(BOTH, { siteConnections: { 'SANDBOX.halopsa.com': { immybotInstance: 'acme', integrationId: '620' } } }),
    ).toEqual({
      ok: true,
      plan: { change: null, changes: [], locked: [] },
    });
  });

  it('refuses a connection whose site will not be listed, with nothing changed (the stricter choice)', () => {
    const connections = { siteConnections: { 'psa.example.com': { immybotInstance: 'acme', integrationId: 620 } } };
    expect(plan(BOTH, connections)).toEqual({
      ok: false,
      error: 'Site connections: https://psa.example.com is not among the HaloPSA sites. List it in "haloSites" too.',
    });
    // Its own haloSites may list it; a list that leaves it out refuses it too.
    expect(plan(BOTH, { ...connections, haloSites: [HOSTED, PSA] }).ok).toBe(true);
    expect(plan(BOTH, { ...connections, haloSites: [HOSTED] }).ok).toBe(false);
  });

  it('a file that takes a site off the list takes its connection with it, in one write', () => {
    const planned = plan(BOTH, { haloSites: [HOSTED], siteConnections: {} });
    expect(planned.ok && planned.plan.changes).toEqual(['HaloPSA sites: removes https://sandbox.halopsa.com']);
    const change = planned.ok ? planned.plan.change : null;
    expect(change && applySettingsChange(BOTH, change)).toEqual({
      ...BOTH,
      haloOrigins: [HOSTED],
      siteConnections: {},
    });
  });

  it('where the organization sets them, keeps the managed connections and says so', () => {
    const sources = { ...mergeSettings(BOTH, {}).sources, siteConnections: 'managed' as const };
    expect(plan(BOTH, { siteConnections: {} }, sources)).toEqual({
      ok: true,
      plan: {
        change: null,
        changes: [],
        locked: ['Site connections: stays the connections your organization set, as your organization set it.'],
      },
    });
  });

  it('Apply refuses when the connections changed since the plan, or the organization set them meanwhile', () => {
    const change: SettingsChange = { kind: 'importSettings', siteConnections: { from: {}, to: { [SANDBOX]: ON_620 } } };
    expect(isStaleImport(change, settings({ haloOrigins: [SANDBOX] }))).toBe(false);
    expect(isStaleImport(change, BOTH)).toBe(true);
    expect(lockedField(change, { siteConnections: {} })).toBe('siteConnections');
    expect(unlistedSiteRefusal(change, settings({ haloOrigins: [HOSTED] }))).toMatch(
      /sandbox\.halopsa\.com is not one/,
    );
    expect(unlistedSiteRefusal({ ...change, addSites: [SANDBOX] }, settings({ haloOrigins: [HOSTED] }))).toBeNull();
  });
});

describe('the writer (lib/settings/store)', () => {
  beforeEach(() => fakeBrowser.reset());

  async function freshStore() {
    vi.resetModules();
    return withReads(await import('../../../lib/settings/store'));
  }

  it('stores a listed site’s connection and refuses one for a site not listed, writing nothing', async () => {
    const { changeSettings, loadSettings } = await freshStore();
    await changeSettings({ kind: 'saveConnection', connection: ACME });
    await changeSettings({ kind: 'addSite', origin: SANDBOX });
    await changeSettings({ kind: 'setSiteConnection', origin: SANDBOX, connection: ON_620 });
    const before = await fakeBrowser.storage.local.get(null);
    await expect(changeSettings({ kind: 'setSiteConnection', origin: PSA, connection: ON_620 })).rejects.toThrow(
      'https://psa.example.com is not one of your HaloPSA sites: add the site first.',
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect((await loadSettings()).siteConnections).toEqual({ [SANDBOX]: ON_620 });
  });

  it('accepts a connection for a site only the organization lists, and refuses any where it sets them', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_KEY]: readPolicy({ haloSites: ['sandbox.halopsa.com'] }) });
    const { changeSettings, loadSettings } = await freshStore();
    await changeSettings({ kind: 'setSiteConnection', origin: SANDBOX, connection: ON_620 });
    expect((await loadSettings()).siteConnections).toEqual({ [SANDBOX]: ON_620 });

    await fakeBrowser.storage.local.set({ [POLICY_KEY]: readPolicy({ siteConnections: {} }) });
    await expect(changeSettings({ kind: 'setSiteConnection', origin: SANDBOX, connection: null })).rejects.toThrow(
      'Site connections is set by your organization and cannot be changed here.',
    );
  });
});

describe('signInInstance: where a sign-in window goes', () => {
  it('to the instance it was opened for when a connection in effect uses it, else to the default', () => {
    const lab = settings({ ...BOTH, siteConnections: { [SANDBOX]: LAB } });
    expect(signInInstance(lab, LAB.instanceOrigin)).toBe(LAB.instanceOrigin);
    expect(signInInstance(lab, null)).toBe(ACME.instanceOrigin);
    expect(signInInstance(lab, 'https://evil.immy.bot')).toBe(ACME.instanceOrigin);
    expect(signInInstance({ ...lab, immybot: null }, LAB.instanceOrigin)).toBe(LAB.instanceOrigin);
    expect(signInInstance({ ...lab, immybot: null }, null)).toBeNull();
  });
});
