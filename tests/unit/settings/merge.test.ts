import { describe, expect, it } from 'vitest';
import { effectiveSettings, isLocked, mergeSettings } from '../../../lib/settings/merge';
import type { ManagedPolicy } from '../../../lib/settings/policy';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { connectionForSite } from '../../../lib/settings/site-connections';
import { ACME, DECLINED, HOSTED, PSA } from './examples';

const settings = (partial: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...partial });
const SANDBOX = 'https://sandbox.halopsa.com';
const ON_620 = { instanceOrigin: ACME.instanceOrigin, integrationId: 620 };
const LOCAL = settings({
  immybot: ACME,
  haloOrigins: [HOSTED, SANDBOX],
  declinedOrigins: [DECLINED],
  show: 'both',
  siteConnections: { [SANDBOX]: ON_620 },
});
const OTHER_INSTANCE = 'https://other.immy.bot';

describe('mergeSettings: the connections of single sites', () => {
  it('keeps the user’s connection of a listed site, and the site alone uses it', () => {
    const { settings: merged } = mergeSettings(LOCAL, {});
    expect(merged.siteConnections).toEqual({ [SANDBOX]: ON_620 });
    expect(connectionForSite(merged, SANDBOX)).toEqual(ON_620);
    expect(connectionForSite(merged, HOSTED)).toEqual(ACME);
  });

  it('drops a connection whose site is not listed in effect (a managed list replaced the user’s)', () => {
    const merged = mergeSettings(LOCAL, { haloOrigins: [HOSTED] });
    expect(merged.settings.siteConnections).toEqual({});
    expect(merged.sources.siteConnections).toBe('local');
  });

  it('keeps the user’s connection of a site the organization lists, while the policy sets no connections', () => {
    const merged = mergeSettings(LOCAL, { haloOrigins: [HOSTED, SANDBOX] });
    expect(merged.settings.siteConnections).toEqual({ [SANDBOX]: ON_620 });
  });

  it('a managed map replaces the user’s whole, even an empty one: the sites all use the default', () => {
    const merged = mergeSettings(LOCAL, { siteConnections: {} });
    expect(merged.settings.siteConnections).toEqual({});
    expect(merged.sources.siteConnections).toBe('managed');
    expect(connectionForSite(merged.settings, SANDBOX)).toEqual(ACME);
  });

  it('a managed connection applies only where the site is listed in effect', () => {
    const policy: ManagedPolicy = { siteConnections: { [PSA]: ON_620, [SANDBOX]: { ...ON_620, integrationId: 9 } } };
    const merged = mergeSettings(LOCAL, policy);
    expect(merged.settings.siteConnections).toEqual({ [SANDBOX]: { ...ON_620, integrationId: 9 } });
  });

  it('a site with its own connection works while the default is not set yet', () => {
    const merged = mergeSettings({ ...LOCAL, immybot: null }, {});
    expect(connectionForSite(merged.settings, SANDBOX)).toEqual(ON_620);
    expect(connectionForSite(merged.settings, HOSTED)).toBeNull();
  });

  it('no own connection: default source; only keys of Object.prototype never answer', () => {
    const merged = mergeSettings(DEFAULT_SETTINGS, {});
    expect(merged.sources.siteConnections).toBe('default');
    for (const key of ['constructor', '__proto__', 'toString', '', null, undefined])
      expect(connectionForSite({ immybot: ACME, siteConnections: {} }, key)).toEqual(ACME);
  });
});

describe('mergeSettings: precedence', () => {
  it('uses the defaults when nothing is set anywhere', () => {
    expect(mergeSettings(DEFAULT_SETTINGS, {})).toEqual({
      settings: DEFAULT_SETTINGS,
      sources: {
        instanceOrigin: 'default',
        integrationId: 'default',
        haloOrigins: 'default',
        show: 'default',
        siteConnections: 'default',
      },
    });
  });

  it('uses the local settings when there is no policy', () => {
    expect(mergeSettings(LOCAL, {})).toEqual({
      settings: LOCAL,
      sources: {
        instanceOrigin: 'local',
        integrationId: 'local',
        haloOrigins: 'local',
        show: 'local',
        siteConnections: 'local',
      },
    });
  });

  it('lets every managed value win over the local one', () => {
    const policy: ManagedPolicy = {
      instanceOrigin: OTHER_INSTANCE,
      integrationId: 7,
      haloOrigins: [PSA],
      show: 'page',
      siteConnections: { [PSA]: { instanceOrigin: OTHER_INSTANCE, integrationId: 8 } },
    };
    expect(mergeSettings(LOCAL, policy)).toEqual({
      settings: {
        immybot: { instanceOrigin: OTHER_INSTANCE, integrationId: 7 },
        haloOrigins: [PSA],
        declinedOrigins: [DECLINED],
        show: 'page',
        siteConnections: { [PSA]: { instanceOrigin: OTHER_INSTANCE, integrationId: 8 } },
      },
      sources: {
        instanceOrigin: 'managed',
        integrationId: 'managed',
        haloOrigins: 'managed',
        show: 'managed',
        siteConnections: 'managed',
      },
    });
  });

  it('configures a browser with no local settings from the policy alone', () => {
    const policy: ManagedPolicy = { instanceOrigin: ACME.instanceOrigin, integrationId: 619, haloOrigins: [HOSTED] };
    expect(mergeSettings(DEFAULT_SETTINGS, policy).settings).toEqual(
      settings({ immybot: ACME, haloOrigins: [HOSTED] }),
    );
  });

  it('merges a connection half by half: a managed instance with the technician’s own Integration ID', () => {
    const merged = mergeSettings(LOCAL, { instanceOrigin: OTHER_INSTANCE });
    expect(merged.settings.immybot).toEqual({ instanceOrigin: OTHER_INSTANCE, integrationId: 619 });
    expect(merged.sources).toMatchObject({ instanceOrigin: 'managed', integrationId: 'local' });
  });

  it('leaves the connection unset while a half is missing everywhere', () => {
    const merged = mergeSettings(DEFAULT_SETTINGS, { integrationId: 7 });
    expect(merged.settings.immybot).toBeNull();
    expect(merged.sources).toMatchObject({ instanceOrigin: 'default', integrationId: 'managed' });
  });

  it('replaces the technician’s site list with a managed one, and drops “Not here” answers for managed sites', () => {
    const local = settings({ haloOrigins: [HOSTED, PSA], declinedOrigins: [DECLINED, 'https://b.halopsa.com'] });
    const merged = mergeSettings(local, { haloOrigins: [DECLINED] });
    expect(merged.settings.haloOrigins).toEqual([DECLINED]);
    expect(merged.settings.declinedOrigins).toEqual(['https://b.halopsa.com']);
  });

  it('keeps an empty managed site list (locked, not a default)', () => {
    const merged = mergeSettings(LOCAL, { haloOrigins: [] });
    expect(merged.settings.haloOrigins).toEqual([]);
    expect(isLocked(merged.sources, 'haloOrigins')).toBe(true);
  });

  it('does not change its inputs', () => {
    const local = structuredClone(LOCAL);
    const policy: ManagedPolicy = { haloOrigins: [PSA], show: 'page' };
    mergeSettings(local, policy);
    expect(local).toEqual(LOCAL);
    expect(policy).toEqual({ haloOrigins: [PSA], show: 'page' });
  });
});

describe('effectiveSettings', () => {
  it('carries both kinds of problem beside the merged settings', () => {
    const local = { settings: LOCAL, problems: [{ field: 'show' as const, message: 'stored' }] };
    const policy = {
      policy: { show: 'page' as const },
      problems: [{ field: 'integrationId' as const, message: 'managed' }],
    };
    expect(effectiveSettings(local, policy)).toMatchObject({
      settings: { ...LOCAL, show: 'page' },
      problems: local.problems,
      policyProblems: policy.problems,
    });
  });
});
