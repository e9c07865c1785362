import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHaloOrigin, parseHaloAddress } from '../../../lib/halo/address';
import { hostedHaloSuffix, isHaloWebsiteHost, isHostedHaloUrl } from '../../../lib/halo/hosts';
import { isImmyBotHost } from '../../../lib/domains';
import { originPattern } from '../../../lib/match-pattern';

describe('parseHaloAddress accepts', () => {
  it.each([
    ['https://psa.example.com', 'https://psa.example.com'],
    ['psa.example.com', 'https://psa.example.com'],
    ['  psa.example.com\t', 'https://psa.example.com'],
    ['https://psa.example.com/', 'https://psa.example.com'],
    ['https://psa.example.com:8443/', 'https://psa.example.com:8443'],
    ['psa.example.com:8443', 'https://psa.example.com:8443'],
    ['https://psa.example.com:443', 'https://psa.example.com'],
    ['https://psa.example.com/ticket?id=5', 'https://psa.example.com'],
    [
      'https://psa.example.com:8443/tickets?showalltickettypes=1&mainview=all&id=2820#top',
      'https://psa.example.com:8443',
    ],
    ['psa.example.com/ticket?id=5', 'https://psa.example.com'],
    ['https://PSA.Example.com', 'https://psa.example.com'],
    ['HTTPS://PSA.EXAMPLE.COM/', 'https://psa.example.com'],
    ['https://service.example.net', 'https://service.example.net'],
    ['https://halo.eu.example.co.uk', 'https://halo.eu.example.co.uk'],
    ['https://münchen.example.com', 'https://xn--mnchen-3ya.example.com'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://localhost', 'http://localhost'],
    ['http://LOCALHOST:3000/ticket?id=1', 'http://localhost:3000'],
    ['https://localhost', 'https://localhost'],
    // Without a scheme every address is taken as https, localhost too: a local http instance needs http:// typed out.
    ['localhost:8080', 'https://localhost:8080'],
    ['localhost', 'https://localhost'],
    ['https://10.1.2.3', 'https://10.1.2.3'],
    ['10.1.2.3', 'https://10.1.2.3'],
    ['https://192.168.0.10:8443/ticket?id=1', 'https://192.168.0.10:8443'],
    // Hosted tenants are listed like any other site: only listed sites get Technician Tools.
    ['https://acme.halopsa.com', 'https://acme.halopsa.com'],
    ['acme.halopsa.com', 'https://acme.halopsa.com'],
    ['https://acme.halopsa.com/ticket?id=2152', 'https://acme.halopsa.com'],
    ['https://acme.halopsa.com/tickets?showalltickettypes=1&mainview=all&id=2820#top', 'https://acme.halopsa.com'],
    ['ACME.HaloPSA.com', 'https://acme.halopsa.com'],
    ['https://acme.halopsa.com:443/', 'https://acme.halopsa.com'],
    ['acme.haloitsm.com', 'https://acme.haloitsm.com'],
    ['x.haloservicedesk.com', 'https://x.haloservicedesk.com'],
    ['x.trial.usehalo.com', 'https://x.trial.usehalo.com'],
    ['eu.acme.halopsa.com', 'https://eu.acme.halopsa.com'],
  ])('%j → %s', (input, origin) => {
    expect(parseHaloAddress(input)).toEqual({ ok: true, origin });
    expect(isHaloOrigin(origin)).toBe(true);
  });
});

describe('parseHaloAddress rejects, with a message', () => {
  it.each([
    ['https://*.example.com', /wildcard/i],
    ['*.example.com', /wildcard/i],
    ['psa.*.com', /wildcard/i],
    ['https://psa.example.com/*', /wildcard/i],
    ['http://psa.example.com', /https:\/\/.*only.*localhost/i],
    ['http://psa.example.com:8080/ticket?id=1', /https:\/\/.*only.*localhost/i],
    ['http://10.1.2.3', /https:\/\/.*only.*localhost/i],
    ['http://127.0.0.1:3000', /https:\/\/.*only.*localhost/i],
    ['javascript:alert(1)', /only https:\/\//i],
    ['JavaScript:alert(document.cookie)', /only https:\/\//i],
    ['file:///etc/passwd', /only https:\/\//i],
    ['ftp://x.example.com', /only https:\/\//i],
    ['data:text/html,<script>alert(1)</script>', /only https:\/\//i],
    ['mailto:psa@example.com', /only https:\/\//i],
    ['chrome://extensions', /only https:\/\//i],
    ['', /Enter your HaloPSA site/],
    ['   ', /Enter your HaloPSA site/],
    ['\t\n', /Enter your HaloPSA site/],
    ['not a url', /spaces/],
    ['psa .example.com', /spaces/],
    ['https://', /not a web address/],
    ['https://psa.example.com:99999', /not a web address/],
    ['https://999.1.1.1', /not a web address/],
    ['https://user:pw@psa.example.com', /user names and passwords/],
    ['user@psa.example.com', /user names and passwords/],
    // Hosted HaloPSA answers on https without a port; a port there is a typo, not a site.
    ['acme.halopsa.com:8443', /Hosted HaloPSA \(halopsa\.com\).*https:\/\/acme\.halopsa\.com, without a port/],
    ['https://acme.halopsa.com:8443/ticket?id=1', /https:\/\/acme\.halopsa\.com, without a port/],
    [
      'https://ACME.HaloITSM.com:444',
      /Hosted HaloPSA \(haloitsm\.com\).*https:\/\/acme\.haloitsm\.com, without a port/,
    ],
    ['x.trial.usehalo.com:8080', /Hosted HaloPSA \(trial\.usehalo\.com\).*without a port/],
    ['http://acme.halopsa.com', /https:\/\/.*only.*localhost/i],
    ['http://acme.halopsa.com/ticket?id=2152', /https:\/\/.*only.*localhost/i],
    ['http://acme.halopsa.com:8080', /https:\/\/.*only.*localhost/i],
    ['acme.immy.bot', /ImmyBot address/],
    ['https://acme.immy.bot/technician-pod/psa/619/ticket/2152', /ImmyBot address/],
    ['immy.bot', /ImmyBot address/],
    ['intranet', /not a full host name/],
    ['https://intranet:8443', /not a full host name/],
  ])('%j', (input, message) => {
    const result = parseHaloAddress(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/\S/);
    expect(result.error).toMatch(message);
  });

  // The bare sites are Halo's marketing and documentation, not a tenant: the pane must never run there
  // (the hosted content script excludes them too).
  it.each([
    'halopsa.com',
    'https://www.halopsa.com/',
    'www.halopsa.com',
    'WWW.HaloPSA.com',
    'https://halopsa.com/guides',
    'haloitsm.com',
    'www.haloitsm.com',
    'haloservicedesk.com',
    'trial.usehalo.com',
    'www.trial.usehalo.com',
  ])('Halo’s own website %j', (input) => {
    const result = parseHaloAddress(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/Halo’s own website/);
  });

  // DNS has no empty labels: such an address can never be reached.
  it.each(['.example.com', 'https://psa..example.com'])('a host name with an empty label %j', (input) => {
    expect(parseHaloAddress(input).ok).toBe(false);
  });
});

describe('isHaloOrigin', () => {
  it.each([
    'https://psa.example.com',
    'https://psa.example.com:8443',
    'https://service.example.net',
    'https://10.1.2.3',
    'https://xn--mnchen-3ya.example.com',
    'http://localhost',
    'http://localhost:3000',
    'https://localhost:8080',
    // Hosted tenants, as URL.origin spells them.
    'https://acme.halopsa.com',
    'https://acme.haloitsm.com',
    'https://acme.haloservicedesk.com',
    'https://acme.trial.usehalo.com',
    'https://eu.acme.halopsa.com',
  ])('%s → true', (value) => {
    expect(isHaloOrigin(value)).toBe(true);
  });

  it.each([
    // Not canonical: URL.origin spells it differently.
    'psa.example.com',
    'https://psa.example.com/',
    'https://psa.example.com/ticket?id=5',
    'https://PSA.example.com',
    'https://psa.example.com:443',
    'http://localhost:80',
    'https://user:pw@psa.example.com',
    'https://münchen.example.com',
    ' https://psa.example.com',
    // Not https (http only on localhost).
    'http://psa.example.com',
    'http://127.0.0.1:3000',
    'ftp://x.example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    // Hosted tenants only on https without a port, and never in capitals.
    'https://acme.halopsa.com:8443',
    'https://acme.trial.usehalo.com:444',
    'http://acme.halopsa.com',
    'http://acme.halopsa.com:8080',
    'https://ACME.halopsa.com',
    'https://acme.halopsa.com/',
    // Halo's own sites.
    'https://halopsa.com',
    'https://www.halopsa.com',
    'https://haloitsm.com',
    'https://www.haloitsm.com',
    'https://haloservicedesk.com',
    'https://trial.usehalo.com',
    'https://www.trial.usehalo.com',
    // ImmyBot.
    'https://acme.immy.bot',
    'https://immy.bot',
    '',
    'https://',
  ])('%j → false', (value) => {
    expect(isHaloOrigin(value)).toBe(false);
  });

  it.each([undefined, null, 42, true, {}, ['https://psa.example.com'], new URL('https://psa.example.com')])(
    'non-string %j → false',
    (value) => {
      expect(isHaloOrigin(value)).toBe(false);
    },
  );

  // The schema, the message protocol and the page reader trust isHaloOrigin; originPattern turns a
  // wildcard host into a wildcard match pattern ('https://*' → 'https://*/*', every https site).
  it.each(['https://*.example.com', 'https://*'])('a wildcard host %j → false', (value) => {
    expect(isHaloOrigin(value)).toBe(false);
  });
});

describe('originPattern', () => {
  it.each([
    ['https://psa.example.com', 'https://psa.example.com/*'],
    ['https://psa.example.com:8443', 'https://psa.example.com/*'],
    ['https://10.1.2.3:8443', 'https://10.1.2.3/*'],
    ['https://xn--mnchen-3ya.example.com', 'https://xn--mnchen-3ya.example.com/*'],
    ['http://localhost:3000', 'http://localhost/*'],
    ['http://localhost', 'http://localhost/*'],
  ])('%s → %s', (origin, pattern) => {
    expect(originPattern(origin)).toBe(pattern);
  });

  it('gives every port of one host the same pattern', () => {
    const ports = ['https://psa.example.com', 'https://psa.example.com:8443', 'https://psa.example.com:9000'];
    expect(new Set(ports.map(originPattern))).toEqual(new Set(['https://psa.example.com/*']));
  });
});

/** Pieces people (and attackers) paste into the address field. */
const piece = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  'javascript:',
  'file://',
  'ftp://',
  '//',
  'https:',
  'psa',
  'PSA',
  'example',
  '.com',
  '.example.com',
  'localhost',
  'intranet',
  '10.1.2.3',
  '[::1]',
  'acme.halopsa.com',
  '.halopsa.com',
  'halopsa.com',
  '.trial.usehalo.com',
  'acme.immy.bot',
  '.immy.bot',
  '*',
  '*.',
  '@',
  'user:pw@',
  '/',
  '\\',
  ':',
  ':443',
  ':8443',
  ':0',
  ':99999',
  '?id=5',
  '#',
  '%',
  '%2e',
  '%2F',
  ' ',
  '\t',
  '-',
  '.',
  'é',
  'ｐｓａ',
  'xn--',
  '\u200b',
  '\u0000',
  '\u{1F600}',
);
const addressInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.domain(),
  fc.domain().map((domain) => `https://${domain}:8443/ticket?id=1`),
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
  fc
    .tuple(fc.array(piece, { maxLength: 4 }), fc.string(), fc.array(piece, { maxLength: 4 }))
    .map(([a, s, b]) => a.join('') + s + b.join('')),
);

describe('parseHaloAddress (property)', () => {
  it('never throws; an accepted address is a canonical HaloPSA origin, a rejected one has a message', () => {
    fc.assert(
      fc.property(addressInput, (input) => {
        const result = parseHaloAddress(input);
        if (!result.ok) {
          expect(result.error).toMatch(/\S/);
          return;
        }
        expect(isHaloOrigin(result.origin)).toBe(true);
        expect(new URL(result.origin).origin).toBe(result.origin);
        expect(result.origin).toMatch(/^(https:\/\/|http:\/\/localhost(:\d+)?$)/);
        // Reading its own answer gives the same origin back.
        expect(parseHaloAddress(result.origin)).toEqual(result);
        expect(originPattern(result.origin)).toMatch(/^https?:\/\/[^/:*]+\/\*$/);
        // A hosted tenant only as https://<tenant>.<suffix>; never Halo's own sites, never ImmyBot.
        const { hostname } = new URL(result.origin);
        if (hostedHaloSuffix(hostname) !== null) expect(isHostedHaloUrl(result.origin)).toBe(true);
        expect(isHaloWebsiteHost(hostname)).toBe(false);
        expect(isImmyBotHost(hostname)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('generates both outcomes (the property is not vacuous)', () => {
    const samples = fc.sample(addressInput, { numRuns: 5000, seed: 42 });
    const accepted = samples.filter((s) => parseHaloAddress(s).ok).length;
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(samples.length - 500);
  });
});
