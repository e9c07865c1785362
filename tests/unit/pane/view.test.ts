import { describe, expect, it } from 'vitest';
import { paneView, paneViewPodUrl, type PaneView } from '../../../lib/pane/view';
import { applySettingsChange, type SettingsChange } from '../../../lib/settings/changes';
import type { Settings } from '../../../lib/settings/schema';

const ACME = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };
const HOSTED = 'https://acme.halopsa.com';
const PSA_8443 = 'https://psa.example.com:8443';
const DECLINED = 'https://contoso.halopsa.com';

/** ImmyBot configured; one hosted tenant and one self-hosted site listed; one tenant answered "Not here". */
const CONFIGURED: Settings = {
  immybot: ACME,
  haloOrigins: [HOSTED, PSA_8443],
  declinedOrigins: [DECLINED],
  show: null,
  siteConnections: {},
};
/** The same lists, before anyone saved the ImmyBot connection. */
const UNCONFIGURED: Settings = { ...CONFIGURED, immybot: null };

const pane = (faultId: number): PaneView => ({ kind: 'pane', faultId, connection: ACME });
const offer = (faultId: number, host: string): PaneView => ({ kind: 'offer', faultId, host });
const setup = (faultId: number): PaneView => ({ kind: 'setup', faultId });
const NONE: PaneView = { kind: 'none' };

/** Pages as HaloPSA's agent app shows them, on the sites above and around them. */
const PAGES: [string, string, PaneView, PaneView][] = [
  // [what, url, configured, unconfigured]
  ['a listed tenant’s ticket', 'https://acme.halopsa.com/ticket?id=2152', pane(2152), setup(2152)],
  [
    'a listed tenant’s ticket from the list view',
    'https://acme.halopsa.com/tickets?showalltickettypes=1&mainview=all&id=2820',
    pane(2820),
    setup(2820),
  ],
  ['a listed tenant’s ticket, host in capitals', 'https://ACME.HaloPSA.com/Ticket?id=2152', pane(2152), setup(2152)],
  [
    'a listed tenant’s ticket on the default port',
    'https://acme.halopsa.com:443/ticket?id=2152#details',
    pane(2152),
    setup(2152),
  ],
  ['a listed self-hosted ticket', 'https://psa.example.com:8443/ticket?id=5', pane(5), setup(5)],
  [
    'a listed self-hosted ticket from the list view',
    'https://psa.example.com:8443/tickets?area=1&id=5',
    pane(5),
    setup(5),
  ],

  // A hosted tenant nobody listed: the offer (or, before setup, the setup prompt), never ImmyBot data.
  [
    'an unlisted tenant’s ticket',
    'https://stranger.halopsa.com/ticket?id=2152',
    offer(2152, 'stranger.halopsa.com'),
    setup(2152),
  ],
  [
    'an unlisted tenant’s ticket, host in capitals',
    'https://STRANGER.halopsa.com/ticket?id=7',
    offer(7, 'stranger.halopsa.com'),
    setup(7),
  ],
  [
    'an unlisted ITSM tenant’s ticket',
    'https://acme.haloitsm.com/tickets?id=3',
    offer(3, 'acme.haloitsm.com'),
    setup(3),
  ],
  [
    'an unlisted service-desk tenant’s ticket',
    'https://acme.haloservicedesk.com/ticket?id=3',
    offer(3, 'acme.haloservicedesk.com'),
    setup(3),
  ],
  [
    'an unlisted trial tenant’s ticket',
    'https://acme.trial.usehalo.com/ticket?id=9',
    offer(9, 'acme.trial.usehalo.com'),
    setup(9),
  ],
  [
    'a subdomain of a listed tenant',
    'https://eu.acme.halopsa.com/ticket?id=1',
    offer(1, 'eu.acme.halopsa.com'),
    setup(1),
  ],

  // "Not here": nothing at all, configured or not.
  ['a declined tenant’s ticket', 'https://contoso.halopsa.com/ticket?id=2152', NONE, NONE],
  ['a declined tenant’s ticket, host in capitals', 'https://Contoso.HaloPSA.com/tickets?id=1', NONE, NONE],

  // Self-hosted sites off the list show nothing (a registration outliving its removal).
  ['an unlisted self-hosted ticket', 'https://service.example.net/ticket?id=1', NONE, NONE],
  ['the listed self-hosted host on another port', 'https://psa.example.com/ticket?id=5', NONE, NONE],
  ['the listed self-hosted site over http', 'http://psa.example.com:8443/ticket?id=5', NONE, NONE],
  ['localhost', 'http://localhost:3000/ticket?id=1', NONE, NONE],

  // Never a HaloPSA tenant.
  ['a listed tenant over http', 'http://acme.halopsa.com/ticket?id=2152', NONE, NONE],
  ['a hosted tenant on a port', 'https://acme.halopsa.com:8443/ticket?id=2152', NONE, NONE],
  ['an unlisted tenant on a port', 'https://stranger.halopsa.com:8443/ticket?id=2152', NONE, NONE],
  ['Halo’s own site', 'https://halopsa.com/ticket?id=1', NONE, NONE],
  ['Halo’s own www site', 'https://www.halopsa.com/ticket?id=1', NONE, NONE],
  ['a lookalike host', 'https://acme.halopsa.com.evil.test/ticket?id=1', NONE, NONE],
  ['ImmyBot', 'https://acme.immy.bot/ticket?id=1', NONE, NONE],

  // Not a saved ticket's page, even on a listed site.
  ['a listed tenant’s ticket list', 'https://acme.halopsa.com/tickets?area=1&viewid=0', NONE, NONE],
  ['a listed tenant’s new ticket', 'https://acme.halopsa.com/ticket?id=0', NONE, NONE],
  ['a listed tenant’s new ticket form', 'https://acme.halopsa.com/ticket/new', NONE, NONE],
  ['a listed tenant’s portal ticket', 'https://acme.halopsa.com/portal/ticket?id=2152', NONE, NONE],
  ['a listed tenant’s config page', 'https://acme.halopsa.com/config/tickets/tickettype?id=1', NONE, NONE],
  ['a listed tenant’s ticket with two ids', 'https://acme.halopsa.com/ticket?id=1&id=2', NONE, NONE],
  ['a listed tenant’s ticket without an id', 'https://acme.halopsa.com/ticket', NONE, NONE],
  ['an unlisted tenant’s ticket list', 'https://stranger.halopsa.com/tickets?area=1', NONE, NONE],
  ['an unlisted tenant’s home page', 'https://stranger.halopsa.com/', NONE, NONE],
  ['a listed self-hosted dashboard', 'https://psa.example.com:8443/dashboard', NONE, NONE],
  ['about:blank', 'about:blank', NONE, NONE],
  ['not a URL', 'ticket?id=2152', NONE, NONE],
  ['an empty string', '', NONE, NONE],
];

describe('paneView', () => {
  it.each(PAGES)('configured: %s (%s)', (_, url, configured) => {
    expect(paneView(url, CONFIGURED)).toStrictEqual(configured);
  });

  it.each(PAGES)('unconfigured: %s (%s)', (_, url, __, unconfigured) => {
    expect(paneView(url, UNCONFIGURED)).toStrictEqual(unconfigured);
  });

  it('with nothing listed and nothing configured, any hosted ticket gets the setup prompt and self-hosted ones nothing', () => {
    const empty: Settings = { immybot: null, haloOrigins: [], declinedOrigins: [], show: null, siteConnections: {} };
    expect(paneView('https://acme.halopsa.com/ticket?id=2152', empty)).toStrictEqual(setup(2152));
    expect(paneView('https://psa.example.com:8443/ticket?id=5', empty)).toStrictEqual(NONE);
  });

  it('with ImmyBot configured and nothing listed, every hosted ticket gets the offer, none the pane', () => {
    const nothingListed: Settings = {
      immybot: ACME,
      haloOrigins: [],
      declinedOrigins: [],
      show: null,
      siteConnections: {},
    };
    expect(paneView('https://acme.halopsa.com/ticket?id=2152', nothingListed)).toStrictEqual(
      offer(2152, 'acme.halopsa.com'),
    );
    expect(paneView('https://psa.example.com:8443/ticket?id=5', nothingListed)).toStrictEqual(NONE);
  });

  it('only the pane carries the connection', () => {
    for (const [, url] of PAGES) {
      for (const settings of [CONFIGURED, UNCONFIGURED]) {
        const view = paneView(url, settings);
        expect('connection' in view).toBe(view.kind === 'pane');
      }
    }
  });

  it('reads only the three site fields (page settings carry more)', () => {
    const pageSettings = { ...CONFIGURED, signedInAt: 123 };
    expect(paneView('https://acme.halopsa.com/ticket?id=2152', pageSettings)).toStrictEqual(pane(2152));
  });
});

describe('paneView through the changes a tenant’s ticket goes through', () => {
  const TICKET = 'https://stranger.halopsa.com/ticket?id=2152';
  const STRANGER = 'https://stranger.halopsa.com';

  it('unlisted → listed → removed → declined → listed → removed', () => {
    const steps: [string, SettingsChange | null, PaneView['kind']][] = [
      ['unlisted, ImmyBot configured: the offer', null, 'offer'],
      ['Use Technician Tools here (enableSite → addSite): the pane', { kind: 'addSite', origin: STRANGER }, 'pane'],
      ['removed on the options page: the offer again', { kind: 'removeSite', origin: STRANGER }, 'offer'],
      ['Not here: nothing', { kind: 'declineSite', origin: STRANGER }, 'none'],
      ['listed after all: the pane (the "Not here" is forgotten)', { kind: 'addSite', origin: STRANGER }, 'pane'],
      ['declining a listed site changes nothing: still the pane', { kind: 'declineSite', origin: STRANGER }, 'pane'],
      ['removed again: the offer, not the earlier "Not here"', { kind: 'removeSite', origin: STRANGER }, 'offer'],
    ];
    // Each step applies its change to the settings the step before left.
    let settings: Settings = {
      immybot: ACME,
      haloOrigins: [HOSTED],
      declinedOrigins: [],
      show: null,
      siteConnections: {},
    };
    for (const [step, change, kind] of steps) {
      if (change) settings = applySettingsChange(settings, change);
      expect(paneView(TICKET, settings).kind, step).toBe(kind);
      // The other listed tenant is never affected.
      expect(paneView('https://acme.halopsa.com/ticket?id=1', settings).kind, step).toBe('pane');
    }
  });

  it('setup first, then the connection saved from that ticket: the pane', () => {
    const before: Settings = { immybot: null, haloOrigins: [], declinedOrigins: [], show: null, siteConnections: {} };
    expect(paneView(TICKET, before)).toStrictEqual(setup(2152));
    const after = applySettingsChange(before, { kind: 'saveConnection', connection: ACME, site: STRANGER });
    expect(paneView(TICKET, after)).toStrictEqual(pane(2152));
  });

  it('a connection saved without the site: the offer on that ticket', () => {
    const after = applySettingsChange(
      { immybot: null, haloOrigins: [], declinedOrigins: [], show: null, siteConnections: {} },
      { kind: 'saveConnection', connection: ACME },
    );
    expect(paneView(TICKET, after)).toStrictEqual(offer(2152, 'stranger.halopsa.com'));
  });
});

describe('paneView under an organization’s site list', () => {
  const MANAGED = { haloOrigins: 'managed' } as const;

  it('still shows the pane (or setup) on a managed site', () => {
    expect(paneView(`${HOSTED}/ticket?id=5`, { ...CONFIGURED, sources: MANAGED })).toEqual(pane(5));
    expect(paneView(`${HOSTED}/ticket?id=5`, { ...UNCONFIGURED, sources: MANAGED })).toEqual(setup(5));
  });

  it('offers nothing on a tenant off the managed list: nobody here may add it', () => {
    expect(paneView('https://stranger.halopsa.com/ticket?id=5', { ...CONFIGURED, sources: MANAGED })).toEqual(NONE);
    expect(paneView('https://stranger.halopsa.com/ticket?id=5', { ...UNCONFIGURED, sources: MANAGED })).toEqual(NONE);
  });

  it('keeps the offer where the list is the technician’s own', () => {
    expect(
      paneView('https://stranger.halopsa.com/ticket?id=5', { ...CONFIGURED, sources: { haloOrigins: 'local' } }),
    ).toEqual(offer(5, 'stranger.halopsa.com'));
  });
});

describe('paneView: a site with its own ImmyBot connection', () => {
  const SANDBOX = 'https://sandbox.halopsa.com';
  const ON_620 = { ...ACME, integrationId: 620 };
  const TWO: Settings = { ...CONFIGURED, haloOrigins: [HOSTED, SANDBOX], siteConnections: { [SANDBOX]: ON_620 } };

  it('the sandbox ticket loads its own integration, production’s the default: same ticket number, two pages', () => {
    const sandbox = paneView(`${SANDBOX}/ticket?id=2152`, TWO);
    const production = paneView(`${HOSTED}/ticket?id=2152`, TWO);
    expect(sandbox).toStrictEqual({ kind: 'pane', faultId: 2152, connection: ON_620 });
    expect(production).toStrictEqual(pane(2152));
    if (sandbox.kind !== 'pane' || production.kind !== 'pane') throw new Error('not panes');
    expect(paneViewPodUrl(sandbox)).toBe('https://acme.immy.bot/technician-pod/psa/620/ticket/2152');
    expect(paneViewPodUrl(production)).toBe('https://acme.immy.bot/technician-pod/psa/619/ticket/2152');
  });

  it('a site with its own connection shows the pane while the default is not set yet; the others the setup prompt', () => {
    const noDefault: Settings = { ...TWO, immybot: null };
    expect(paneView(`${SANDBOX}/ticket?id=5`, noDefault)).toStrictEqual({
      kind: 'pane',
      faultId: 5,
      connection: ON_620,
    });
    expect(paneView(`${HOSTED}/ticket?id=5`, noDefault)).toStrictEqual(setup(5));
  });

  it('a connection without its site listed gives nothing of it: the offer, on the default', () => {
    const unlisted: Settings = { ...TWO, haloOrigins: [HOSTED] };
    expect(paneView(`${SANDBOX}/ticket?id=5`, unlisted)).toStrictEqual(offer(5, 'sandbox.halopsa.com'));
  });
});
