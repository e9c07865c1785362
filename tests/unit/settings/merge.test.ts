import { describe, expect, it } from 'vitest';
import { effectiveSettings, isLocked, mergeSettings } from '../../../lib/settings/merge';
import type { ManagedPolicy } from '../../../lib/settings/policy';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { ACME, DECLINED, HOSTED, PSA } from './examples';

const settings = (partial: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...partial });
const LOCAL = settings({ immybot: ACME, haloOrigins: [HOSTED], declinedOrigins: [DECLINED], show: 'both' });
const OTHER_INSTANCE = 'https://other.immy.bot';

describe('mergeSettings: precedence', () => {
  it('uses the defaults when nothing is set anywhere', () => {
    expect(mergeSettings(DEFAULT_SETTINGS, {})).toEqual({
      settings: DEFAULT_SETTINGS,
      sources: { instanceOrigin: 'default', integrationId: 'default', haloOrigins: 'default', show: 'default' },
    });
  });

  it('uses the local settings when there is no policy', () => {
    expect(mergeSettings(LOCAL, {})).toEqual({
      settings: LOCAL,
      sources: { instanceOrigin: 'local', integrationId: 'local', haloOrigins: 'local', show: 'local' },
    });
  });

  it('lets every managed value win over the local one', () => {
    const policy: ManagedPolicy = {
      instanceOrigin: OTHER_INSTANCE,
      integrationId: 7,
      haloOrigins: [PSA],
      show: 'page',
    };
    expect(mergeSettings(LOCAL, policy)).toEqual({
      settings: {
        immybot: { instanceOrigin: OTHER_INSTANCE, integrationId: 7 },
        haloOrigins: [PSA],
        declinedOrigins: [DECLINED],
        show: 'page',
      },
      sources: { instanceOrigin: 'managed', integrationId: 'managed', haloOrigins: 'managed', show: 'managed' },
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
