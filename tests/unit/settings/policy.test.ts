import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../../lib/settings/policy';
import { HOSTED, PSA } from './examples';

// readPolicy and settings import share readAdminValues: the policy keeps every good field, the import none.
describe('readPolicy', () => {
  it('reads every key into the settings’ canonical form', () => {
    expect(
      readPolicy({ immybotInstance: 'ACME', integrationId: '619', haloSites: ['acme.halopsa.com', PSA], show: 'both' }),
    ).toEqual({
      policy: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619, haloOrigins: [HOSTED, PSA], show: 'both' },
      problems: [],
    });
  });

  it('takes the Integration ID from a Technician Tools URL unless the policy names one', () => {
    const url = 'https://acme.immy.bot/technician-pod/psa/42/ticket/$FAULTID';
    expect(readPolicy({ immybotInstance: url }).policy).toEqual({
      instanceOrigin: 'https://acme.immy.bot',
      integrationId: 42,
    });
    expect(readPolicy({ immybotInstance: url, integrationId: 619 }).policy.integrationId).toBe(619);
  });

  it('ignores each bad field, says why, and keeps the rest', () => {
    expect(readPolicy({ immybotInstance: 42, integrationId: 'abc', show: 'sidebar', haloSites: [PSA] })).toEqual({
      policy: { haloOrigins: [PSA] },
      problems: [
        {
          field: 'instanceOrigin',
          message:
            'Your organization’s setting for ImmyBot instance is not valid: it must be text, like acme or https://acme.immy.bot.',
        },
        {
          field: 'integrationId',
          message:
            'Your organization’s setting for Integration ID is not valid: The Integration ID is a whole number from 1 to 2147483647.',
        },
        {
          field: 'show',
          message:
            'Your organization’s setting for Show Technician Tools is not valid: "sidebar" is not one of page, sidePanel or both.',
        },
      ],
    });
  });

  it('leaves a bad site out of the list, and ignores a list with no good site', () => {
    const partial = readPolicy({ haloSites: [PSA, 'http://psa.example.com', 42] });
    expect(partial.policy).toEqual({ haloOrigins: [PSA] });
    expect(partial.problems.map((p) => p.message)).toEqual([
      'Your organization’s setting for HaloPSA sites is not valid: "http://psa.example.com" was left out. HaloPSA must be reached over https:// (plain http:// is only accepted for localhost).',
      'Your organization’s setting for HaloPSA sites is not valid: 42 was left out. Each address must be text, like acme.halopsa.com.',
    ]);
    expect(readPolicy({ haloSites: ['http://psa.example.com'] }).policy).toEqual({});
    // An empty list is a real policy: no sites at all.
    expect(readPolicy({ haloSites: [] }).policy).toEqual({ haloOrigins: [] });
  });

  it.each([undefined, null, 'policy', [], 42])('reads %o as no policy', (raw) => {
    expect(readPolicy(raw)).toEqual({ policy: {}, problems: [] });
  });
});
