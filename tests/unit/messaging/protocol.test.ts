import { describe, expect, it } from 'vitest';
import { mayAsk, parseRequest, type Request } from '../../../lib/messaging/protocol';
import type { SenderRole } from '../../../lib/messaging/sender';

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

/** Every request type, valid, once. */
const ONE_OF_EACH: Record<Request['type'], unknown> = {
  openOptions: { type: 'openOptions' },
  checkHaloAddress: { type: 'checkHaloAddress', origin: 'https://psa.example.com' },
  lookupTicket: { type: 'lookupTicket', faultId: 2152 },
  ticketClosed: { type: 'ticketClosed' },
  signIn: { type: 'signIn' },
  watchSignIn: { type: 'watchSignIn' },
  testConnection: { type: 'testConnection', instanceOrigin: 'https://acme.immy.bot', integrationId: 619 },
  changeSettings: { type: 'changeSettings', change: { kind: 'addSite', origin: 'https://psa.example.com' } },
  declineSite: { type: 'declineSite' },
  paneTab: { type: 'paneTab' },
  takePendingSite: { type: 'takePendingSite' },
  askSiteConsent: { type: 'askSiteConsent' },
  readSiteConsent: { type: 'readSiteConsent', token: TOKEN },
  answerSiteConsent: { type: 'answerSiteConsent', token: TOKEN, answer: 'allow' },
};

/** Who may ask what, spelled out: E extension page, L listed site, U unlisted hosted tenant. Nobody else, ever. */
const POLICY: Record<Request['type'], string> = {
  openOptions: 'E',
  // A HaloPSA page must not make the background probe other sites or test connections.
  checkHaloAddress: 'E',
  // ImmyBot data and its sign-in only for extension pages (the pane's own page, the side panel): never a page's DOM.
  lookupTicket: 'E',
  // The one thing our content script, in the page's DOM, may say.
  ticketClosed: 'L',
  signIn: 'E',
  // Only the sign-in window itself says it has handed over to ImmyBot.
  watchSignIn: 'E',
  testConnection: 'E',
  // No content script writes settings or says "Not here": the offer lives in the pane's own page.
  changeSettings: 'E',
  declineSite: 'E',
  paneTab: 'E',
  // The ticket's site for the options page's first save: a HaloPSA page must not read (and so spend) it.
  takePendingSite: 'E',
  // The offer in the pane's page asks (for the tab it sits in); only our consent window reads and answers.
  askSiteConsent: 'E',
  readSiteConsent: 'E',
  answerSiteConsent: 'E',
};

const ROLES: [SenderRole, string][] = [
  ['extension-page', 'E'],
  ['listed-site', 'L'],
  ['unlisted-hosted', 'U'],
  ['untrusted', '-'],
];

describe('mayAsk', () => {
  it('the policy names every request type', () => {
    expect(Object.keys(POLICY).sort()).toEqual(Object.keys(ONE_OF_EACH).sort());
  });

  const cases = Object.entries(POLICY).flatMap(([type, letters]) =>
    ROLES.map(([role, letter]) => [type, role, letters.includes(letter)] as [Request['type'], SenderRole, boolean]),
  );
  it.each(cases)('%s from %s → %s', (type, role, allowed) => {
    const request = parseRequest(ONE_OF_EACH[type]);
    expect(request).not.toBeNull();
    expect(mayAsk(role, request!)).toBe(allowed);
  });

  it('an untrusted sender may ask nothing at all', () => {
    for (const message of Object.values(ONE_OF_EACH)) expect(mayAsk('untrusted', parseRequest(message)!)).toBe(false);
  });

  it('an unlisted hosted tenant’s content script may ask nothing at all', () => {
    const allowed = Object.values(ONE_OF_EACH)
      .map((message) => parseRequest(message)!)
      .filter((request) => mayAsk('unlisted-hosted', request))
      .map((request) => request.type)
      .sort();
    expect(allowed).toEqual([]);
  });
});
