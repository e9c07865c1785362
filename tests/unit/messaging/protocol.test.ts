import { describe, expect, it } from 'vitest';
import { contentScriptMayAsk, parseRequest } from '../../../lib/messaging/protocol';

describe('parseRequest', () => {
  it('accepts openOptions', () => {
    expect(parseRequest({ type: 'openOptions' })).toEqual({ type: 'openOptions' });
  });

  it('passes on only the known fields', () => {
    expect(parseRequest({ type: 'openOptions', url: 'https://evil.test', extra: 1 })).toEqual({ type: 'openOptions' });
  });

  it.each([
    null,
    undefined,
    'openOptions',
    '{"type":"openOptions"}',
    42,
    true,
    [],
    ['openOptions'],
    [{ type: 'openOptions' }],
    {},
    { type: 'OpenOptions' },
    { type: 'openOptions ' },
    { type: 'openoptions' },
    { type: 'executeScript' },
    { type: 'fetch', url: 'https://evil.test' },
    { type: '' },
    { type: null },
    { type: 1 },
    { type: ['openOptions'] },
    { kind: 'openOptions' },
  ])('rejects %j', (message) => {
    expect(parseRequest(message)).toBeNull();
  });
});

describe('parseRequest: checkHaloAddress', () => {
  it.each(['https://psa.example.com', 'https://psa.example.com:8443', 'https://10.1.2.3', 'http://localhost:3000'])('accepts origin %s', (origin) => {
    expect(parseRequest({ type: 'checkHaloAddress', origin })).toEqual({ type: 'checkHaloAddress', origin });
  });

  it('passes on only the known fields', () => {
    expect(parseRequest({ type: 'checkHaloAddress', origin: 'https://psa.example.com', url: 'https://evil.test', credentials: 'include' })).toEqual({
      type: 'checkHaloAddress',
      origin: 'https://psa.example.com',
    });
  });

  it.each([
    ['no origin', { type: 'checkHaloAddress' }],
    ['a null origin', { type: 'checkHaloAddress', origin: null }],
    ['a number', { type: 'checkHaloAddress', origin: 443 }],
    ['an array', { type: 'checkHaloAddress', origin: ['https://psa.example.com'] }],
    ['the origin under another name', { type: 'checkHaloAddress', url: 'https://psa.example.com' }],
    ['a hosted tenant', { type: 'checkHaloAddress', origin: 'https://acme.halopsa.com' }],
    ['a hosted trial tenant', { type: 'checkHaloAddress', origin: 'https://acme.trial.usehalo.com' }],
    ['a URL with a path', { type: 'checkHaloAddress', origin: 'https://psa.example.com/api/instanceinfo' }],
    ['a trailing slash', { type: 'checkHaloAddress', origin: 'https://psa.example.com/' }],
    ['a query', { type: 'checkHaloAddress', origin: 'https://psa.example.com?x=1' }],
    ['a bare host', { type: 'checkHaloAddress', origin: 'psa.example.com' }],
    ['upper case', { type: 'checkHaloAddress', origin: 'https://PSA.example.com' }],
    ['plain http', { type: 'checkHaloAddress', origin: 'http://psa.example.com' }],
    ['credentials', { type: 'checkHaloAddress', origin: 'https://user:pw@psa.example.com' }],
    ['javascript:', { type: 'checkHaloAddress', origin: 'javascript:alert(1)' }],
    ['file:', { type: 'checkHaloAddress', origin: 'file:///etc/passwd' }],
    ['an empty origin', { type: 'checkHaloAddress', origin: '' }],
    ['another type', { type: 'checkhaloaddress', origin: 'https://psa.example.com' }],
  ])('rejects %s', (_, message) => {
    expect(parseRequest(message)).toBeNull();
  });
});

describe('contentScriptMayAsk', () => {
  it.each([
    [{ type: 'openOptions' }, true],
    [{ type: 'lookupTicket', faultId: 2152 }, true],
    [{ type: 'ticketClosed' }, true],
    [{ type: 'signIn' }, true],
    // A HaloPSA page must not make the background probe other sites or test connections.
    [{ type: 'checkHaloAddress', origin: 'https://psa.example.com' }, false],
    [{ type: 'testConnection', instanceOrigin: 'https://acme.immy.bot', integrationId: 619 }, false],
    // Only the sign-in window itself says it has handed over to ImmyBot.
    [{ type: 'watchSignIn' }, false],
  ])('%j → %s', (message, allowed) => {
    const request = parseRequest(message);
    expect(request).not.toBeNull();
    expect(contentScriptMayAsk(request!)).toBe(allowed);
  });
});
