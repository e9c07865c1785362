import { describe, expect, it } from 'vitest';
import { lateLookupRefusal, SETTINGS_CHANGED, SITE_REMOVED } from '../../../lib/background/late-lookup';
import type { Settings } from '../../../lib/settings/schema';

const ACME = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };
const HOSTED = 'https://acme.halopsa.com';
const PSA = 'https://psa.example.com';
const PSA_8443 = 'https://psa.example.com:8443';
const BEFORE: Settings = {
  immybot: ACME,
  haloOrigins: [HOSTED, PSA_8443],
  declinedOrigins: [],
  show: null,
  siteConnections: {},
};

describe('lateLookupRefusal', () => {
  it.each<[string, Partial<Settings>, string | null]>([
    ['nothing changed', {}, HOSTED],
    ['another site removed', { haloOrigins: [HOSTED] }, HOSTED],
    ['a site added', { haloOrigins: [HOSTED, PSA_8443, PSA] }, PSA_8443],
    ['the sites reordered', { haloOrigins: [PSA_8443, HOSTED] }, HOSTED],
    ['where it shows changed', { show: 'sidePanel' }, HOSTED],
    ['a site declined', { declinedOrigins: ['https://other.halopsa.com'] }, HOSTED],
    ['no site to check (the side panel), every site removed', { haloOrigins: [] }, null],
    ['the same connection written again (a new object)', { immybot: { ...ACME } }, HOSTED],
  ])('%s → the answer still applies', (_, change, site) => {
    expect(lateLookupRefusal(BEFORE, { ...BEFORE, ...change }, site)).toBeNull();
  });

  it.each<[string, Partial<Settings>, string | null]>([
    ['its site removed', { haloOrigins: [PSA_8443] }, HOSTED],
    ['every site removed', { haloOrigins: [] }, PSA_8443],
    ['its port removed, another port on the host listed', { haloOrigins: [HOSTED, PSA] }, PSA_8443],
    ['its site removed and the connection changed too', { haloOrigins: [], immybot: null }, HOSTED],
  ])('%s → no longer listed', (_, change, site) => {
    expect(lateLookupRefusal(BEFORE, { ...BEFORE, ...change }, site)).toBe(SITE_REMOVED);
  });

  it.each<[string, Settings['immybot'], string | null]>([
    ['another instance', { ...ACME, instanceOrigin: 'https://globex.immy.bot' }, HOSTED],
    ['another integration', { ...ACME, integrationId: 620 }, HOSTED],
    ['no connection any more', null, HOSTED],
    ['another instance, for the side panel', { ...ACME, instanceOrigin: 'https://globex.immy.bot' }, null],
  ])('%s → settings changed', (_, immybot, site) => {
    expect(lateLookupRefusal(BEFORE, { ...BEFORE, immybot }, site)).toBe(SETTINGS_CHANGED);
  });

  it('a site’s own connection: its change refuses that site’s answer only; the default’s change does not touch it', () => {
    const own = { ...ACME, integrationId: 620 };
    const withOwn: Settings = { ...BEFORE, siteConnections: { [PSA_8443]: own } };
    const changed = { ...withOwn, siteConnections: { [PSA_8443]: { ...own, integrationId: 621 } } };
    expect(lateLookupRefusal(withOwn, changed, PSA_8443)).toBe(SETTINGS_CHANGED);
    expect(lateLookupRefusal(withOwn, changed, HOSTED)).toBeNull();
    expect(lateLookupRefusal(withOwn, { ...withOwn, siteConnections: {} }, PSA_8443)).toBe(SETTINGS_CHANGED);
    expect(lateLookupRefusal(withOwn, { ...withOwn, immybot: { ...ACME, integrationId: 7 } }, PSA_8443)).toBeNull();
  });

  it('a lookup begun without a connection never applies', () => {
    expect(lateLookupRefusal({ ...BEFORE, immybot: null }, { ...BEFORE, immybot: null }, HOSTED)).toBe(
      SETTINGS_CHANGED,
    );
  });

  it('the refusals say what happened; only a changed connection offers to look again', () => {
    expect(SITE_REMOVED).toStrictEqual({ kind: 'site-removed', message: 'This site is no longer on your list.' });
    expect(SETTINGS_CHANGED).toMatchObject({ kind: 'settings-changed', action: 'retry' });
  });

  it('does not change the settings it was given', () => {
    const after = structuredClone({ ...BEFORE, haloOrigins: [] });
    lateLookupRefusal(BEFORE, after, HOSTED);
    expect(after).toStrictEqual({ ...BEFORE, haloOrigins: [] });
  });
});
