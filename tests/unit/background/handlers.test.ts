import { describe, expect, expectTypeOf, it } from 'vitest';
import { HANDLERS, mayAsk } from '../../../lib/background/messages';
import { consentHandlers } from '../../../lib/background/handlers/consent';
import { type HandlerTable, LISTED, PAGES } from '../../../lib/background/handlers/handler';
import { settingsHandlers } from '../../../lib/background/handlers/settings';
import { signInHandlers } from '../../../lib/background/handlers/sign-in';
import { ticketHandlers } from '../../../lib/background/handlers/tickets';
import { windowHandlers } from '../../../lib/background/handlers/window';
import type { HaloCheck } from '../../../lib/halo/instance-info';
import { parseRequest, type Request, type Responses } from '../../../lib/messaging/protocol';
import type { SenderRole } from '../../../lib/messaging/sender';

const TOKEN = '0b6f6c1e-3a4d-4c2b-9f1e-8d7a6b5c4d3e';

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
  openTicketWindow: { type: 'openTicketWindow' },
  takePendingSite: { type: 'takePendingSite' },
  askSiteConsent: { type: 'askSiteConsent' },
  readSiteConsent: { type: 'readSiteConsent', token: TOKEN },
  answerSiteConsent: { type: 'answerSiteConsent', token: TOKEN, answer: 'allow' },
};

/**
 * Who may ask what, spelled out: E our page at the top of its tab or window, F the pane's page framed into a HaloPSA
 * tab, L our content script on a listed site, U on an unlisted hosted tenant. Nobody else, ever.
 */
const POLICY: Record<Request['type'], string> = {
  openOptions: 'EF',
  // A HaloPSA page must not make the background probe other sites or test connections.
  checkHaloAddress: 'E',
  // ImmyBot data and its sign-in only for extension pages (the pane's own page, the side panel): never a page's DOM.
  lookupTicket: 'EF',
  // The one thing our content script, in the page's DOM, may say.
  ticketClosed: 'L',
  signIn: 'EF',
  // Only the sign-in window itself says it has handed over to ImmyBot.
  watchSignIn: 'E',
  testConnection: 'E',
  // Only a page a HaloPSA page cannot click into writes settings; no content script says "Not here": the pane's page does.
  changeSettings: 'E',
  declineSite: 'F',
  paneTab: 'F',
  // Opens (or focuses) one window showing the technician's own tab: from the pane, the side panel and the popup.
  openTicketWindow: 'EF',
  // The ticket's site for the options page's first save: a HaloPSA page must not read (and so spend) it.
  takePendingSite: 'E',
  // The offer in the pane's page asks (for the tab it sits in); only our consent window reads and answers.
  askSiteConsent: 'F',
  readSiteConsent: 'E',
  answerSiteConsent: 'E',
};

const ROLES: [SenderRole, string][] = [
  ['extension-page', 'E'],
  ['framed-page', 'F'],
  ['listed-site', 'L'],
  ['unlisted-hosted', 'U'],
  ['untrusted', '-'],
];

describe('mayAsk: the handler table’s roles', () => {
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

describe('the handler table', () => {
  it('has one row per request type, each from exactly one group', () => {
    const rows = [ticketHandlers, settingsHandlers, consentHandlers, signInHandlers, windowHandlers]
      .flatMap(Object.keys)
      .sort();
    expect(rows).toEqual(Object.keys(ONE_OF_EACH).sort());
    expect(Object.keys(HANDLERS).sort()).toEqual(rows);
  });
});

/** Checked by `tsc --noEmit -p .`: each `@ts-expect-error` fails the build if its line ever compiles. */
describe('the handler table’s types', () => {
  const notHalo: HaloCheck = { looksLikeHalo: false, reason: 'Not a HaloPSA site.' };

  it('a handler answers in its own type’s shape: ticketClosed may not answer with a HaloCheck', () => {
    expectTypeOf<Awaited<ReturnType<HandlerTable['ticketClosed']['handle']>>>().toEqualTypeOf<
      Responses['ticketClosed']
    >();
    const table: HandlerTable = {
      ...HANDLERS,
      ticketClosed: {
        roles: LISTED,
        // @ts-expect-error checkHaloAddress's answer, not ticketClosed's
        handle: () => notHalo,
      },
    };
    expect(table.ticketClosed.handle({ type: 'ticketClosed' }, {} as never)).toBe(notHalo);
  });

  it('an async handler too', () => {
    const table: HandlerTable = {
      ...HANDLERS,
      ticketClosed: {
        roles: LISTED,
        // @ts-expect-error checkHaloAddress's answer, not ticketClosed's
        handle: async () => notHalo,
      },
    };
    expect(table.ticketClosed.roles).toBe(LISTED);
  });

  it('every request type has a row', () => {
    const { ticketClosed: _, ...rest } = HANDLERS;
    // @ts-expect-error ticketClosed has no row
    const table: HandlerTable = rest;
    expect(Object.keys(table)).not.toContain('ticketClosed');
  });

  it('a type the protocol does not have has no row', () => {
    const table: HandlerTable = {
      ...HANDLERS,
      // @ts-expect-error enableSite was retired from the protocol
      enableSite: { roles: PAGES, handle: () => ({ ok: true }) },
    };
    expect(Object.keys(table)).toContain('enableSite');
  });
});
