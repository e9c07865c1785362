import { describe, expect, it } from 'vitest';
import {
  HOSTED_HALO_EXCLUDES,
  HOSTED_HALO_MATCHES,
  HOSTED_HALO_SUFFIXES,
  hostedHaloSuffix,
  isHostedHaloUrl,
} from '../../../lib/halo/hosts';

describe('isHostedHaloUrl', () => {
  it.each([
    'https://acme.halopsa.com',
    'https://acme.halopsa.com/ticket?id=2152',
    'https://acme.haloitsm.com/',
    'https://acme.haloservicedesk.com/tickets?id=1',
    'https://acme.trial.usehalo.com/',
    'https://ACME.HaloPSA.com/',
    'https://acme.halopsa.com:443/',
    'https://my-tenant2.halopsa.com/',
    'https://eu.acme.halopsa.com/',
  ])('%s → true', (url) => {
    expect(isHostedHaloUrl(url)).toBe(true);
    expect(isHostedHaloUrl(new URL(url))).toBe(true);
  });

  it.each([
    'https://halopsa.com/',
    'https://haloitsm.com/',
    'https://haloservicedesk.com/',
    'https://trial.usehalo.com/',
    'https://usehalo.com/',
    'https://www.halopsa.com/',
    'https://www.haloitsm.com/',
    'https://www.trial.usehalo.com/',
    'http://acme.halopsa.com/',
    'https://acme.halopsa.com:8443/',
    'https://acme.halopsa.com.evil.test/',
    'https://evilhalopsa.com/',
    'https://acme.usehalo.com/',
    'https://-acme.halopsa.com/',
    'https://acme-.halopsa.com/',
    'https://psa.example.com/',
    'wss://acme.halopsa.com/',
    'not a url',
    '',
  ])('%s → false', (url) => {
    expect(isHostedHaloUrl(url)).toBe(false);
  });
});

describe('hostedHaloSuffix', () => {
  it.each([
    ['acme.halopsa.com', 'halopsa.com'],
    ['acme.haloitsm.com', 'haloitsm.com'],
    ['acme.haloservicedesk.com', 'haloservicedesk.com'],
    ['acme.trial.usehalo.com', 'trial.usehalo.com'],
    ['ACME.HALOPSA.COM', 'halopsa.com'],
  ])('%s → %s', (host, suffix) => {
    expect(hostedHaloSuffix(host)).toBe(suffix);
  });

  it.each([
    'halopsa.com',
    'www.halopsa.com',
    'evilhalopsa.com',
    'acme.usehalo.com',
    '.halopsa.com',
    'a..b.halopsa.com',
    'acme.halopsa.com.',
  ])('%s → null', (host) => {
    expect(hostedHaloSuffix(host)).toBeNull();
  });
});

describe('manifest patterns', () => {
  it('lists exactly the four hosted suffixes', () => {
    expect([...HOSTED_HALO_SUFFIXES].sort()).toEqual([
      'haloitsm.com',
      'halopsa.com',
      'haloservicedesk.com',
      'trial.usehalo.com',
    ]);
  });

  it('matches every tenant of every suffix', () => {
    expect([...HOSTED_HALO_MATCHES].sort()).toEqual(
      [
        'https://*.halopsa.com/*',
        'https://*.haloitsm.com/*',
        'https://*.haloservicedesk.com/*',
        'https://*.trial.usehalo.com/*',
      ].sort(),
    );
  });

  it('excludes the bare and www sites of every suffix', () => {
    expect([...HOSTED_HALO_EXCLUDES].sort()).toEqual(
      HOSTED_HALO_SUFFIXES.flatMap((s) => [`https://${s}/*`, `https://www.${s}/*`]).sort(),
    );
    expect(HOSTED_HALO_EXCLUDES).toContain('https://halopsa.com/*');
    expect(HOSTED_HALO_EXCLUDES).toContain('https://www.trial.usehalo.com/*');
    expect(HOSTED_HALO_EXCLUDES).toHaveLength(8);
  });
});
