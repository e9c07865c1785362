import * as z from 'zod/mini';
import { isHaloOrigin } from '../halo/address';
import type { HaloCheck } from '../halo/instance-info';
import { isValidId } from '../ids';
import { isInstanceOrigin } from '../immybot/instance';
import type { CookieAccess } from '../immybot/cookie-access';
import type { LookupResult } from '../immybot/lookups';
import type { ConnectionTest } from '../immybot/connection-test';
import { SettingsChangeSchema } from '../settings/changes';
import type { SenderRole } from './sender';

const id = z.number().check(z.refine(isValidId));

/** The consent window's answers: list the site, remember "never here", or close without a change. */
export const SITE_CONSENT_ANSWERS = ['allow', 'decline', 'dismiss'] as const;
export type SiteConsentAnswer = (typeof SITE_CONSENT_ANSWERS)[number];

/** Every message a context may send the background. Anything else is dropped on receipt. */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openOptions') }),
  z.object({ type: z.literal('checkHaloAddress'), origin: z.string().check(z.refine(isHaloOrigin)) }),
  z.object({ type: z.literal('lookupTicket'), faultId: id }),
  z.object({ type: z.literal('ticketClosed') }),
  z.object({ type: z.literal('signIn') }),
  z.object({ type: z.literal('watchSignIn') }),
  z.object({
    type: z.literal('testConnection'),
    instanceOrigin: z.string().check(z.refine(isInstanceOrigin)),
    integrationId: id,
  }),
  z.object({ type: z.literal('changeSettings'), change: SettingsChangeSchema }),
  // From the offer on a hosted tenant's ticket: the site is the sender's own, never named in the message.
  z.object({ type: z.literal('enableSite') }),
  z.object({ type: z.literal('declineSite') }),
  // The pane's controls (lib/pane/ui): injected only into tabs that show a pane or a prompt.
  z.object({ type: z.literal('loadPaneUi') }),
  // "Open in side panel" on the pane: the side panel of the sender's own window.
  z.object({ type: z.literal('openSidePanel') }),
  // The offer on a hosted tenant asks; our consent window (consent.html?token=…) reads and answers.
  z.object({ type: z.literal('askSiteConsent') }),
  z.object({ type: z.literal('readSiteConsent'), token: z.uuid() }),
  z.object({
    type: z.literal('answerSiteConsent'),
    token: z.uuid(),
    answer: z.enum(SITE_CONSENT_ANSWERS),
  }),
]);

export type Request = z.infer<typeof RequestSchema>;

const PAGES = ['extension-page'] as const;
const LISTED = ['listed-site'] as const;

/** Who may ask what. A page script cannot send at all; this limits what our own content script may ask where. */
const ALLOWED: Record<Request['type'], readonly SenderRole[]> = {
  openOptions: ['extension-page', 'listed-site', 'unlisted-hosted'],
  checkHaloAddress: PAGES,
  // The side panel is an extension page that shows the active tab's ticket.
  lookupTicket: ['listed-site', 'extension-page'],
  ticketClosed: LISTED,
  signIn: ['listed-site', 'extension-page'],
  watchSignIn: PAGES,
  testConnection: PAGES,
  changeSettings: PAGES,
  enableSite: ['unlisted-hosted', 'listed-site'],
  declineSite: ['unlisted-hosted'],
  loadPaneUi: ['listed-site', 'unlisted-hosted'],
  openSidePanel: LISTED,
  askSiteConsent: ['unlisted-hosted'],
  readSiteConsent: PAGES,
  answerSiteConsent: PAGES,
};

export const mayAsk = (role: SenderRole, request: Request): boolean => ALLOWED[request.type].includes(role);

export type Done = { ok: true } | { ok: false; error: string };

/** What the background answers to each request type. */
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
  enableSite: Done;
  declineSite: Done;
  loadPaneUi: { ok: true };
  openSidePanel: Done;
  askSiteConsent: Done;
  /** origin: the site the window's token asks about; null for an unknown, used or expired token. */
  readSiteConsent: { origin: string | null };
  answerSiteConsent: Done;
}

export function parseRequest(message: unknown): Request | null {
  const parsed = RequestSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
