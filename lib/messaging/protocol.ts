import * as z from 'zod/mini';
import { isHaloOrigin } from '../halo/address';
import type { HaloCheck } from '../halo/instance-info';
import { isValidId } from '../ids';
import { isInstanceOrigin } from '../immybot/instance';
import type { CookieAccess } from '../immybot/cookie-access';
import type { LookupResult } from '../immybot/lookups';
import type { ConnectionTest } from '../immybot/connection-test';
import { SettingsChangeSchema } from '../settings/changes';

const id = z.number().check(z.refine(isValidId));
/**
 * The HaloPSA site a top-level page (side panel, popup, options) asks about, for the site's own connection. A
 * framed pane never names it: its site is the tab it sits in, as the browser reports it.
 */
const site = z.optional(z.string().check(z.refine(isHaloOrigin)));

/** The consent window's answers: list the site, remember "never here", or close without a change. */
export const SITE_CONSENT_ANSWERS = ['allow', 'decline', 'dismiss'] as const;
export type SiteConsentAnswer = (typeof SITE_CONSENT_ANSWERS)[number];

/** Every message a context may send the background. Anything else is dropped on receipt. */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openOptions') }),
  z.object({ type: z.literal('checkHaloAddress'), origin: z.string().check(z.refine(isHaloOrigin)) }),
  z.object({ type: z.literal('lookupTicket'), faultId: id, site }),
  z.object({ type: z.literal('ticketClosed') }),
  // askCookies: the technician asked for the cookie exception, so the window asks even after an earlier "no".
  z.object({ type: z.literal('signIn'), askCookies: z.optional(z.boolean()), site }),
  z.object({ type: z.literal('watchSignIn') }),
  z.object({
    type: z.literal('testConnection'),
    instanceOrigin: z.string().check(z.refine(isInstanceOrigin)),
    integrationId: id,
  }),
  z.object({ type: z.literal('changeSettings'), change: SettingsChangeSchema }),
  // "Not here" on the offer: the site is the tab the pane's frame sits in, never named in the message.
  z.object({ type: z.literal('declineSite') }),
  // "Open in a window": opens or focuses the one Technician Tools window.
  z.object({ type: z.literal('openTicketWindow') }),
  // The pane's own page, framed in a HaloPSA tab, asks which tab and window it serves.
  z.object({ type: z.literal('paneTab') }),
  // The options page, once on load: the ticket's site its setup prompt opened it for (lib/background/pending-site).
  z.object({ type: z.literal('takePendingSite') }),
  // The offer in the pane's page asks; our consent window (consent.html?token=…) reads and answers.
  z.object({ type: z.literal('askSiteConsent') }),
  z.object({ type: z.literal('readSiteConsent'), token: z.uuid() }),
  z.object({
    type: z.literal('answerSiteConsent'),
    token: z.uuid(),
    answer: z.enum(SITE_CONSENT_ANSWERS),
  }),
]);

export type Request = z.infer<typeof RequestSchema>;

export type Done = { ok: true } | { ok: false; error: string };

/** What the background answers to each request type; every handler's answer is checked against it. */
export interface Responses {
  openOptions: { ok: true };
  checkHaloAddress: HaloCheck;
  /** cookieAccess: whether the frame can be vouched for where third-party cookies are blocked. */
  lookupTicket: LookupResult & { cookieAccess?: CookieAccess };
  ticketClosed: { ok: true };
  signIn: { ok: boolean };
  watchSignIn: { ok: true };
  testConnection: ConnectionTest;
  changeSettings: Done;
  declineSite: Done;
  openTicketWindow: { ok: true };
  takePendingSite: { site: string | null };
  /** Null for a page that is not framed in a tab (the options page, the side panel). */
  paneTab: PaneTab | null;
  askSiteConsent: Done;
  /** origin: the site the window's token asks about; null for an unknown, used or expired token. */
  readSiteConsent: { origin: string | null };
  answerSiteConsent: Done;
}

/** The tab (and its window) that a framed pane page serves; `url` only where the extension may read it. */
export interface PaneTab {
  tabId: number;
  windowId: number;
  url?: string;
}

export function parseRequest(message: unknown): Request | null {
  const parsed = RequestSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
