import { describe, expect, it } from 'vitest';
import { isInstanceOrigin, parseInstance, parseIntegrationId } from '../../../lib/immybot/instance';
import { parseUrl } from '../../../lib/url';

describe('parseInstance', () => {
  it.each([
    'acme',
    'ACME',
    'acme.immy.bot',
    'ACME.IMMY.BOT',
    'https://acme.immy.bot',
    'https://ACME.immy.bot/',
    'https://acme.immy.bot:443/',
    '  acme  ',
    '\tacme.immy.bot\n',
    'https://acme.immy.bot/dashboard?x=1#y',
  ])('%j → https://acme.immy.bot', (input) => {
    expect(parseInstance(input)).toEqual({ ok: true, instanceOrigin: 'https://acme.immy.bot' });
  });

  it.each([
    ['my-shop2', 'https://my-shop2.immy.bot'],
    ['0', 'https://0.immy.bot'],
    ['https://my-shop.immy.bot/', 'https://my-shop.immy.bot'],
  ])('%j → %s', (input, origin) => {
    expect(parseInstance(input)).toEqual({ ok: true, instanceOrigin: origin });
  });

  it.each([
    ['https://acme.immy.bot/technician-pod/psa/619/ticket/$FAULTID', 619],
    ['https://acme.immy.bot/technician-pod/psa/619/ticket/2152', 619],
    ['acme.immy.bot/technician-pod/psa/619/ticket/$FAULTID', 619],
    ['https://acme.immy.bot/technician-pod/psa/619', 619],
    ['https://acme.immy.bot/settings/integrations/619', 619],
    ['https://acme.immy.bot/settings/integrations/619/', 619],
  ])('%s → origin and integration %d', (input, integrationId) => {
    expect(parseInstance(input)).toEqual({ ok: true, instanceOrigin: 'https://acme.immy.bot', integrationId });
  });

  it.each([
    'http://acme.immy.bot',
    'acme.immy.bot.evil.test',
    'https://acme.immy.bot.evil.test',
    'https://acme.immy.bot.evil.test/technician-pod/psa/619/ticket/1',
    'javascript:alert(1)',
    'ac me',
    'https://acme .immy.bot',
    '',
    '   ',
    '\t\n',
    'https://user:pw@acme.immy.bot',
    'https://user@acme.immy.bot',
    'acme.immy.bot@evil.test',
    'https://evil.test@acme.immy.bot',
    'https://acme.immy.bot:8443',
    'https://immy.bot',
    'immy.bot',
    'https://www.evil.test/acme.immy.bot',
    'https://a.b.immy.bot',
    'ftp://acme.immy.bot',
    'data:text/html,acme.immy.bot',
    '-acme',
    'acme-',
    'a_b',
    `${'a'.repeat(64)}`,
    'https://acme.immy.bot/technician-pod/psa/abc/ticket/1',
    'https://acme.immy.bot/technician-pod/psa/0/ticket/1',
    'https://acme.immy.bot/settings/integrations/2147483648',
  ])('rejects %j with a message', (input) => {
    const result = parseInstance(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/\S/);
  });

  it('rejects a pasted URL whose integration segment is malformed percent-encoding (instead of throwing)', () => {
    // URL keeps a lone '%' in the path as is; decodeURIComponent('%') throws URIError.
    let result: ReturnType<typeof parseInstance> | undefined;
    expect(() => {
      result = parseInstance('https://acme.immy.bot/technician-pod/psa/%/ticket/1');
    }).not.toThrow();
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/\S/) });
  });

  it.each(['xn--a', 'xn--immy', 'XN--A'])(
    'rejects %j, a label no URL parser accepts, like <label>.immy.bot',
    (input) => {
      expect(parseUrl(`https://${input}.immy.bot`)).toBeNull();
      expect(parseInstance(`${input}.immy.bot`).ok).toBe(false);
      expect(parseInstance(input)).toEqual({ ok: false, error: expect.stringMatching(/\S/) });
    },
  );

  it('accepts a valid punycode label', () => {
    expect(parseInstance('xn--cme-dla')).toEqual({ ok: true, instanceOrigin: 'https://xn--cme-dla.immy.bot' });
    expect(parseInstance('https://ácme.immy.bot')).toEqual({
      ok: true,
      instanceOrigin: 'https://xn--cme-dla.immy.bot',
    });
  });

  it('accepts the longest DNS label (63) and rejects 64', () => {
    expect(parseInstance('a'.repeat(63))).toEqual({ ok: true, instanceOrigin: `https://${'a'.repeat(63)}.immy.bot` });
    expect(parseInstance(`https://${'a'.repeat(64)}.immy.bot`).ok).toBe(false);
  });

  it('names https:// when given http://', () => {
    const result = parseInstance('http://acme.immy.bot');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('https://acme.immy.bot') });
  });
});

describe('parseIntegrationId', () => {
  it.each([
    ['619', 619],
    [' 619 ', 619],
    ['0619', 619],
    ['1', 1],
    ['2147483647', 2147483647],
  ])('%j → %d', (input, integrationId) => {
    expect(parseIntegrationId(input)).toEqual({ ok: true, integrationId });
  });

  it.each([
    'abc',
    '-5',
    '0',
    '1e3',
    '619; x',
    '2147483648',
    '99999999999999999999',
    '1.5',
    '',
    '   ',
    '0x10',
    '+619',
    '6 19',
  ])('rejects %j with a message', (input) => {
    const result = parseIntegrationId(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/\S/);
  });
});

describe('isInstanceOrigin', () => {
  it.each(['https://acme.immy.bot', 'https://a.immy.bot', 'https://my-shop2.immy.bot'])('%s → true', (value) => {
    expect(isInstanceOrigin(value)).toBe(true);
  });

  it.each([
    'https://acme.immy.bot/',
    'https://ACME.immy.bot',
    'http://acme.immy.bot',
    'https://acme.immy.bot:443',
    'https://acme.immy.bot.evil.test',
    'https://immy.bot',
    'https://a.b.immy.bot',
    'https://-acme.immy.bot',
    'acme.immy.bot',
    'acme',
    '',
    null,
    undefined,
    42,
    { toString: () => 'https://acme.immy.bot' },
  ])('%j → false', (value) => {
    expect(isInstanceOrigin(value)).toBe(false);
  });
});
