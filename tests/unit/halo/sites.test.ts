import { describe, expect, it } from 'vitest';
import { hostedOrigins, isListedSite, selfHostedOrigins } from '../../../lib/halo/sites';

const HOSTED = 'https://acme.halopsa.com';
const TRIAL = 'https://acme.trial.usehalo.com';
const PSA = 'https://psa.example.com';
const PSA_8443 = 'https://psa.example.com:8443';
const LOCAL = 'http://localhost:3000';
const LISTED = [HOSTED, PSA_8443, LOCAL];

describe('isListedSite', () => {
  it.each([
    // The exact origin of a listed site, whatever the page.
    'https://acme.halopsa.com/ticket?id=2152',
    'https://acme.halopsa.com/',
    'https://acme.halopsa.com',
    'https://psa.example.com:8443/tickets?id=2820&mainview=all',
    'http://localhost:3000/ticket?id=1',
    // URL spells the origin canonically: case and the default port do not matter.
    'https://ACME.HaloPSA.com/ticket?id=2152',
    'HTTPS://acme.halopsa.com:443/ticket?id=2152',
    'https://PSA.Example.COM:8443/',
  ])('%s is listed', (url) => {
    expect(isListedSite(url, LISTED)).toBe(true);
    expect(isListedSite(new URL(url), LISTED)).toBe(true);
  });

  it.each([
    // Another tenant on the same hosted domain earns nothing.
    ['another hosted tenant', 'https://stranger.halopsa.com/ticket?id=2152'],
    ['a trial tenant of the same name', 'https://acme.trial.usehalo.com/ticket?id=1'],
    ['the same tenant on another hosted domain', 'https://acme.haloitsm.com/ticket?id=1'],
    ['a subdomain of a listed tenant', 'https://evil.acme.halopsa.com/ticket?id=1'],
    ['a lookalike host', 'https://acme.halopsa.com.evil.test/ticket?id=1'],
    // The port is part of the origin.
    ['the listed host without its port', 'https://psa.example.com/ticket?id=1'],
    ['the listed host on another port', 'https://psa.example.com:9443/ticket?id=1'],
    ['a listed hosted tenant on a port', 'https://acme.halopsa.com:8443/ticket?id=1'],
    ['localhost on another port', 'http://localhost:4000/ticket?id=1'],
    // So is the scheme.
    ['a listed hosted tenant over http', 'http://acme.halopsa.com/ticket?id=1'],
    ['a listed https site over http', 'http://psa.example.com:8443/ticket?id=1'],
    ['listed http localhost over https', 'https://localhost:3000/ticket?id=1'],
    // Halo's own sites.
    ['halopsa.com', 'https://halopsa.com/'],
    ['www.halopsa.com', 'https://www.halopsa.com/'],
    // Not a web page at all.
    ['an extension page', 'chrome-extension://abc/options.html'],
    ['view-source of a listed site', 'view-source:https://acme.halopsa.com/ticket?id=1'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<p>https://acme.halopsa.com</p>'],
    ['a javascript: URL', 'javascript:alert("https://acme.halopsa.com")'],
    ['a bare host', 'acme.halopsa.com'],
    ['a relative path', '/ticket?id=1'],
    ['text', 'not a url'],
    ['an empty string', ''],
  ])('%s (%s) is not listed', (_, url) => {
    expect(isListedSite(url, LISTED)).toBe(false);
  });

  it('is not listed when the url is undefined', () => {
    expect(isListedSite(undefined, LISTED)).toBe(false);
  });

  it('nothing is listed when the list is empty, not even a hosted tenant', () => {
    expect(isListedSite('https://acme.halopsa.com/ticket?id=1', [])).toBe(false);
    expect(isListedSite('https://psa.example.com/ticket?id=1', [])).toBe(false);
  });

  it('compares with the list as stored: a non-canonical entry lists nothing', () => {
    // Stored origins are canonical (the schema checks); an entry spelled otherwise never matches by accident.
    expect(isListedSite('https://acme.halopsa.com/ticket?id=1', ['https://ACME.halopsa.com'])).toBe(false);
    expect(isListedSite('https://acme.halopsa.com/ticket?id=1', ['https://acme.halopsa.com/'])).toBe(false);
    expect(isListedSite('https://acme.halopsa.com/ticket?id=1', ['acme.halopsa.com'])).toBe(false);
  });
});

describe('selfHostedOrigins and hostedOrigins', () => {
  const ALL = [HOSTED, PSA, TRIAL, PSA_8443, LOCAL, 'https://contoso.haloitsm.com'];

  it('split the list into the two kinds, keeping its order', () => {
    expect(selfHostedOrigins(ALL)).toEqual([PSA, PSA_8443, LOCAL]);
    expect(hostedOrigins(ALL)).toEqual([HOSTED, TRIAL, 'https://contoso.haloitsm.com']);
  });

  it('every origin lands in exactly one of them', () => {
    const self = selfHostedOrigins(ALL);
    const hosted = hostedOrigins(ALL);
    expect([...self, ...hosted].sort()).toEqual([...ALL].sort());
    expect(self.filter((origin) => hosted.includes(origin))).toEqual([]);
  });

  it('a self-hosted site whose name merely contains a hosted domain is self-hosted', () => {
    const lookalikes = ['https://halopsa.com.example.net', 'https://acme-halopsa.com', 'https://psa.usehalo.com'];
    expect(selfHostedOrigins(lookalikes)).toEqual(lookalikes);
    expect(hostedOrigins(lookalikes)).toEqual([]);
  });

  it('empty in, empty out', () => {
    expect(selfHostedOrigins([])).toEqual([]);
    expect(hostedOrigins([])).toEqual([]);
  });
});
