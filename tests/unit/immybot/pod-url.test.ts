import { describe, expect, it } from 'vitest';
import { podUrl } from '../../../lib/immybot/pod-url';

const ORIGIN = 'https://acme.immy.bot';

describe('podUrl', () => {
  it('builds the Technician Tools URL', () => {
    expect(podUrl(ORIGIN, 619, 2152)).toBe('https://acme.immy.bot/technician-pod/psa/619/ticket/2152');
    expect(podUrl('https://my-shop.immy.bot', 1, 2147483647)).toBe(
      'https://my-shop.immy.bot/technician-pod/psa/1/ticket/2147483647',
    );
  });

  it.each([0, -1, 1.5, NaN, Infinity, 2147483648, Number.MAX_SAFE_INTEGER])('throws for integration id %s', (id) => {
    expect(() => podUrl(ORIGIN, id, 2152)).toThrow(TypeError);
  });

  it.each([0, -5, 2.5, NaN, -Infinity, 2147483648])('throws for ticket id %s', (id) => {
    expect(() => podUrl(ORIGIN, 619, id)).toThrow(TypeError);
  });

  it.each([
    'https://acme.immy.bot/',
    'https://ACME.immy.bot',
    'http://acme.immy.bot',
    'https://acme.immy.bot:8443',
    'https://acme.immy.bot.evil.test',
    'https://evil.test/https://acme.immy.bot',
    'https://immy.bot',
    'https://user@acme.immy.bot',
    'acme.immy.bot',
    'acme',
    'javascript:alert(1)//.immy.bot',
    '',
    // Label-shaped, but not a hostname any URL parser accepts (invalid punycode).
    'https://xn--a.immy.bot',
  ])('throws for origin %j', (origin) => {
    expect(() => podUrl(origin, 619, 2152)).toThrow(TypeError);
  });
});
