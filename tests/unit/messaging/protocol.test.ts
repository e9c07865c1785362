import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../lib/messaging/protocol';

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
  it.each([
    'https://psa.example.com',
    'https://psa.example.com:8443',
    'https://10.1.2.3',
    'http://localhost:3000',
    // Hosted tenants are listed like any other site now.
    'https://acme.halopsa.com',
    'https://acme.trial.usehalo.com',
  ])('accepts origin %s', (origin) => {
    expect(parseRequest({ type: 'checkHaloAddress', origin })).toEqual({ type: 'checkHaloAddress', origin });
  });

  it('passes on only the known fields', () => {
    expect(
      parseRequest({
        type: 'checkHaloAddress',
        origin: 'https://psa.example.com',
        url: 'https://evil.test',
        credentials: 'include',
      }),
    ).toEqual({
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
    ['a hosted tenant on a port', { type: 'checkHaloAddress', origin: 'https://acme.halopsa.com:8443' }],
    ['a hosted tenant over http', { type: 'checkHaloAddress', origin: 'http://acme.halopsa.com' }],
    ['Halo’s own site', { type: 'checkHaloAddress', origin: 'https://halopsa.com' }],
    ['Halo’s own www site', { type: 'checkHaloAddress', origin: 'https://www.halopsa.com' }],
    ['an ImmyBot instance', { type: 'checkHaloAddress', origin: 'https://acme.immy.bot' }],
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

const CONNECTION = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };

describe('parseRequest: changeSettings', () => {
  it.each([
    { kind: 'saveConnection', connection: CONNECTION },
    { kind: 'saveConnection', connection: CONNECTION, site: 'https://acme.halopsa.com' },
    { kind: 'saveConnection', connection: CONNECTION, site: 'https://psa.example.com:8443' },
    { kind: 'addSite', origin: 'https://acme.halopsa.com' },
    { kind: 'addSite', origin: 'http://localhost:3000' },
    { kind: 'removeSite', origin: 'https://psa.example.com' },
    { kind: 'removeSite', origin: 'https://acme.trial.usehalo.com' },
    { kind: 'declineSite', origin: 'https://stranger.halopsa.com' },
  ])('accepts %j', (change) => {
    expect(parseRequest({ type: 'changeSettings', change })).toEqual({ type: 'changeSettings', change });
  });

  it('passes on only the known fields, of the message and of the change', () => {
    const message = {
      type: 'changeSettings',
      change: { kind: 'addSite', origin: 'https://acme.halopsa.com', haloOrigins: ['https://evil.test'] },
      settings: { haloOrigins: ['https://evil.test'] },
    };
    expect(parseRequest(message)).toEqual({
      type: 'changeSettings',
      change: { kind: 'addSite', origin: 'https://acme.halopsa.com' },
    });
  });

  it.each([
    ['no change', { type: 'changeSettings' }],
    ['a null change', { type: 'changeSettings', change: null }],
    [
      'a whole settings value',
      { type: 'changeSettings', change: { immybot: CONNECTION, haloOrigins: [], declinedOrigins: [] } },
    ],
    [
      'an unknown kind',
      { type: 'changeSettings', change: { kind: 'replaceSettings', origin: 'https://psa.example.com' } },
    ],
    [
      'a kind in other case',
      { type: 'changeSettings', change: { kind: 'AddSite', origin: 'https://psa.example.com' } },
    ],
    ['addSite without an origin', { type: 'changeSettings', change: { kind: 'addSite' } }],
    [
      'addSite of a non-canonical origin',
      { type: 'changeSettings', change: { kind: 'addSite', origin: 'https://psa.example.com/' } },
    ],
    [
      'addSite of plain http',
      { type: 'changeSettings', change: { kind: 'addSite', origin: 'http://psa.example.com' } },
    ],
    ['addSite of a wildcard', { type: 'changeSettings', change: { kind: 'addSite', origin: 'https://*.halopsa.com' } }],
    [
      'addSite of Halo’s own site',
      { type: 'changeSettings', change: { kind: 'addSite', origin: 'https://www.halopsa.com' } },
    ],
    [
      'addSite of a hosted tenant on a port',
      { type: 'changeSettings', change: { kind: 'addSite', origin: 'https://acme.halopsa.com:8443' } },
    ],
    ['addSite of ImmyBot', { type: 'changeSettings', change: { kind: 'addSite', origin: 'https://acme.immy.bot' } }],
    [
      'removeSite of a list',
      { type: 'changeSettings', change: { kind: 'removeSite', origin: ['https://psa.example.com'] } },
    ],
    [
      'declineSite of javascript:',
      { type: 'changeSettings', change: { kind: 'declineSite', origin: 'javascript:alert(1)' } },
    ],
    ['saveConnection without a connection', { type: 'changeSettings', change: { kind: 'saveConnection' } }],
    [
      'saveConnection to another host',
      {
        type: 'changeSettings',
        change: { kind: 'saveConnection', connection: { ...CONNECTION, instanceOrigin: 'https://evil.test' } },
      },
    ],
    [
      'saveConnection with a bad id',
      { type: 'changeSettings', change: { kind: 'saveConnection', connection: { ...CONNECTION, integrationId: 0 } } },
    ],
    [
      'saveConnection with a bad site',
      {
        type: 'changeSettings',
        change: { kind: 'saveConnection', connection: CONNECTION, site: 'chrome-extension://abc' },
      },
    ],
  ])('rejects %s', (_, message) => {
    expect(parseRequest(message)).toBeNull();
  });
});

describe('parseRequest: declineSite and paneTab', () => {
  // The site is always the tab the asking pane sits in: a message naming another one names nothing.
  it.each(['declineSite', 'paneTab'])('%s carries no site or tab, whatever the message adds', (type) => {
    expect(parseRequest({ type, origin: 'https://evil.example.com', tabId: 3 })).toEqual({ type });
  });

  it.each(['enableSite', 'loadPaneUi', 'openSidePanel'])('the retired %s is not understood', (type) => {
    expect(parseRequest({ type })).toBeNull();
  });
});

const TOKEN = '0b6f6c1e-3a4d-4c2b-9f1e-8d7a6b5c4d3e';

describe('parseRequest: site consent', () => {
  // The site is the asking tab's own; the consent window names nothing but its token.
  it('askSiteConsent carries no site, whatever the message adds', () => {
    expect(parseRequest({ type: 'askSiteConsent', origin: 'https://evil.halopsa.com' })).toEqual({
      type: 'askSiteConsent',
    });
  });

  it('answerSiteConsent carries only its token and answer', () => {
    expect(
      parseRequest({ type: 'answerSiteConsent', token: TOKEN, answer: 'allow', origin: 'https://evil.halopsa.com' }),
    ).toEqual({ type: 'answerSiteConsent', token: TOKEN, answer: 'allow' });
  });

  it.each([
    { type: 'readSiteConsent' },
    { type: 'readSiteConsent', token: '' },
    { type: 'readSiteConsent', token: 'not-a-uuid' },
    { type: 'readSiteConsent', token: `${TOKEN} ` },
    { type: 'readSiteConsent', token: 42 },
    { type: 'answerSiteConsent', token: TOKEN },
    { type: 'answerSiteConsent', token: TOKEN, answer: 'yes' },
    { type: 'answerSiteConsent', token: 'x', answer: 'allow' },
  ])('rejects %j', (message) => {
    expect(parseRequest(message)).toBeNull();
  });
});
