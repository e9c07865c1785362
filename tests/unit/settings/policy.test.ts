import { describe, expect, it } from 'vitest';
import { loadPolicy, readPolicy, type PolicyField } from '../../../lib/settings/policy';
import { readStoredPolicy } from '../../../lib/settings/stored-policy';
import { HOSTED, PSA, SERVICE } from './examples';

const fieldsOf = (raw: unknown) => readPolicy(raw).problems.map((p) => p.field);

describe('readPolicy: absent', () => {
  it.each([undefined, null, {}, 'text', 42, [1, 2]])('reads %j as no policy and no problem', (raw) => {
    expect(readPolicy(raw)).toEqual({ policy: {}, problems: [] });
  });

  it('ignores keys the schema does not know', () => {
    expect(readPolicy({ somethingElse: 'x', instance: 'acme' })).toEqual({ policy: {}, problems: [] });
  });
});

describe('readPolicy: valid', () => {
  it('reads every key into the settings’ canonical shape', () => {
    expect(
      readPolicy({
        immybotInstance: 'ACME.immy.bot',
        integrationId: 619,
        haloSites: ['acme.halopsa.com', 'https://psa.example.com/', 'service.example.net:8443/ticket?id=3'],
        show: 'both',
      }),
    ).toEqual({
      policy: {
        instanceOrigin: 'https://acme.immy.bot',
        integrationId: 619,
        haloOrigins: [HOSTED, PSA, SERVICE],
        show: 'both',
      },
      problems: [],
    });
  });

  it.each([
    ['acme', 'https://acme.immy.bot'],
    ['https://acme.immy.bot', 'https://acme.immy.bot'],
    ['  https://Acme.Immy.Bot/  ', 'https://acme.immy.bot'],
  ])('accepts the instance spelt %j, as the options page does', (spelling, origin) => {
    expect(readPolicy({ immybotInstance: spelling }).policy).toEqual({ instanceOrigin: origin });
  });

  it('takes the Integration ID from a pasted Technician Tools URL when none is set', () => {
    const url = 'https://acme.immy.bot/technician-pod/psa/619/ticket/$FAULTID';
    expect(readPolicy({ immybotInstance: url }).policy).toEqual({
      instanceOrigin: 'https://acme.immy.bot',
      integrationId: 619,
    });
  });

  it('lets an explicit Integration ID win over the one in a pasted URL', () => {
    const url = 'https://acme.immy.bot/technician-pod/psa/619/ticket/$FAULTID';
    expect(readPolicy({ immybotInstance: url, integrationId: 7 }).policy.integrationId).toBe(7);
  });

  it('accepts the Integration ID as digits in a string (Firefox does not enforce the schema)', () => {
    expect(readPolicy({ integrationId: ' 619 ' }).policy).toEqual({ integrationId: 619 });
  });

  it('keeps each HaloPSA site once, however it was spelt', () => {
    expect(readPolicy({ haloSites: ['acme.halopsa.com', 'https://acme.halopsa.com/', HOSTED] }).policy).toEqual({
      haloOrigins: [HOSTED],
    });
  });

  it('reads an empty site list as the organization’s choice: no sites', () => {
    expect(readPolicy({ haloSites: [] })).toEqual({ policy: { haloOrigins: [] }, problems: [] });
  });

  it.each(['page', 'sidePanel', 'both', 'window'])('reads show %j', (show) => {
    expect(readPolicy({ show }).policy).toEqual({ show });
  });
});

describe('readPolicy: invalid values are ignored field by field, each named', () => {
  it.each<[string, Record<string, unknown>, PolicyField]>([
    ['a number as instance', { immybotInstance: 5 }, 'instanceOrigin'],
    ['another domain', { immybotInstance: 'https://acme.example.com' }, 'instanceOrigin'],
    ['http', { immybotInstance: 'http://acme.immy.bot' }, 'instanceOrigin'],
    ['an empty instance', { immybotInstance: '' }, 'instanceOrigin'],
    ['id 0', { integrationId: 0 }, 'integrationId'],
    ['id 1.5', { integrationId: 1.5 }, 'integrationId'],
    ['id too large', { integrationId: 2_147_483_648 }, 'integrationId'],
    ['id as words', { integrationId: 'six' }, 'integrationId'],
    ['id as an object', { integrationId: { id: 619 } }, 'integrationId'],
    ['sites as a string', { haloSites: 'acme.halopsa.com' }, 'haloOrigins'],
    ['show unknown', { show: 'sideways' }, 'show'],
    ['show as a number', { show: 1 }, 'show'],
    [
      'an id in a bad pasted URL',
      { immybotInstance: 'https://acme.immy.bot/technician-pod/psa/x0/ticket/1' },
      'instanceOrigin',
    ],
  ])('%s', (_name, raw, field) => {
    const { policy, problems } = readPolicy(raw);
    expect(policy).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toMatch(/^Your organization’s setting for .+ is not valid: .+/);
  });

  it('names the field as the options page does', () => {
    expect(readPolicy({ integrationId: 'x' }).problems[0]?.message).toMatch(
      /^Your organization’s setting for Integration ID is not valid: /,
    );
  });

  it('keeps the valid fields when others are wrong', () => {
    const read = readPolicy({ immybotInstance: 'acme', integrationId: -1, haloSites: [HOSTED], show: 'nope' });
    expect(read.policy).toEqual({ instanceOrigin: 'https://acme.immy.bot', haloOrigins: [HOSTED] });
    expect(read.problems.map((p) => p.field)).toEqual(['integrationId', 'show']);
  });

  it('drops bad sites one by one and keeps the rest', () => {
    const read = readPolicy({ haloSites: [HOSTED, 'http://psa.example.com', 7, '*.halopsa.com', PSA] });
    expect(read.policy).toEqual({ haloOrigins: [HOSTED, PSA] });
    expect(read.problems).toHaveLength(3);
    expect(read.problems.every((p) => p.field === 'haloOrigins')).toBe(true);
    expect(read.problems[0]?.message).toContain('"http://psa.example.com" was left out');
  });

  it('ignores a site list whose every entry is wrong, rather than locking every site out', () => {
    const read = readPolicy({ haloSites: ['halopsa.com', 'ftp://x.example.com'] });
    expect(read.policy).toEqual({});
    expect(fieldsOf({ haloSites: ['halopsa.com', 'ftp://x.example.com'] })).toEqual(['haloOrigins', 'haloOrigins']);
  });

  it('never throws, whatever the values hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() =>
      readPolicy({ immybotInstance: cyclic, integrationId: cyclic, haloSites: [cyclic], show: cyclic }),
    ).not.toThrow();
    expect(() => readPolicy({ haloSites: [10n] })).not.toThrow();
  });
});

describe('loadPolicy', () => {
  it('reads managed storage', async () => {
    const storage = { managed: { get: async () => ({ immybotInstance: 'acme' }) } };
    expect((await loadPolicy(storage)).policy).toEqual({ instanceOrigin: 'https://acme.immy.bot' });
  });

  it('reads no policy when the browser refuses (Firefox without a policy) or has no managed area', async () => {
    const refusing = { managed: { get: () => Promise.reject(new Error('Managed storage manifest not found')) } };
    expect(await loadPolicy(refusing)).toEqual({ policy: {}, problems: [] });
    expect(await loadPolicy({})).toEqual({ policy: {}, problems: [] });
  });
});

describe('readStoredPolicy', () => {
  const read = readPolicy({ immybotInstance: 'acme', integrationId: 619, haloSites: [HOSTED, PSA], show: 'x' });

  it('reads back exactly what the background copied', () => {
    expect(readStoredPolicy(structuredClone(read))).toEqual(read);
  });

  it.each([undefined, null, 'text', [], { policy: 'x', problems: 'y' }])('reads %j as no policy', (stored) => {
    expect(readStoredPolicy(stored)).toEqual({ policy: {}, problems: [] });
  });

  it('leaves out anything that is not canonical (a copy edited by hand)', () => {
    expect(
      readStoredPolicy({
        policy: { instanceOrigin: 'acme', integrationId: '619', haloOrigins: [HOSTED, 'psa.example.com'], show: 'x' },
        problems: [{ field: 'nope', message: 'x' }, { field: 'show', message: 7 }, null],
      }),
    ).toEqual({ policy: {}, problems: [] });
  });
});
