import type { browser as extensionApi } from 'wxt/browser';
import type { ImmyBotConnection } from '../../immybot/connection';
import type { LookupResult } from '../../immybot/lookups';
import type { Done, Request, Responses } from '../../messaging/protocol';
import type { SenderInfo, SenderRole } from '../../messaging/sender';
import type { SettingsChange } from '../../settings/changes';

export type Api = typeof extensionApi;
export type Sender = SenderInfo & { tab?: { id?: number; windowId?: number; url?: string } };

/** What every handler may use: the browser, who asked and from which page, and the background's services. */
export interface HandlerContext {
  browser: Api;
  sender: Sender;
  /** The HaloPSA page the asking pane is framed in (`framingPageUrl`); undefined for a top-level extension page. */
  pageUrl: string | undefined;
  /** That page's origin: the site a pane's request is about. */
  siteOrigin: string | undefined;
  /** Ticket lookups, cached in storage.session. */
  lookup: (connection: ImmyBotConnection, faultId: number) => Promise<LookupResult>;
  /** The settings' single writer. */
  apply: (change: SettingsChange) => Promise<Done>;
  /** Whether ImmyBot has a session on this instance (the default connection's when none is named). */
  isSignedIn: (instanceOrigin?: string) => Promise<boolean>;
}

/** One request type's row: who may ask it, and how it is answered, in the shape the protocol promises senders. */
export interface Handler<T extends Request['type']> {
  roles: readonly SenderRole[];
  handle: (request: Extract<Request, { type: T }>, context: HandlerContext) => Promise<Responses[T]> | Responses[T];
}

/**
 * Who may ask what, and the answer: exactly one row per request type. A page script cannot send at all; our
 * content script, living in the page's DOM, may only say a ticket closed: everything that shows ImmyBot's data
 * or changes trust belongs to extension pages.
 */
export type HandlerTable = { [T in Request['type']]: Handler<T> };

/** Our pages at the top of a tab or window: only they change settings, trust or connections. */
export const PAGES = ['extension-page'] as const;
/** The pane's page framed into a HaloPSA tab: it shows a ticket and asks, never grants. */
export const FRAMED = ['framed-page'] as const;
/** Both: what the pane and the side panel share (the ticket, settings page, sign-in). */
export const ANY_PAGE = ['extension-page', 'framed-page'] as const;
export const LISTED = ['listed-site'] as const;

export const refused = (request: Request) => new Error(`Message refused: ${request.type} is not for this sender.`);

/**
 * The HaloPSA site a request is about: a framed pane's own tab, never what it said; a top-level page's `site`, if
 * it named one. Its connection (lib/settings/site-connections) is the one the request uses.
 */
export const askedSite = (request: { site?: string }, { pageUrl, siteOrigin }: HandlerContext): string | undefined =>
  pageUrl !== undefined ? siteOrigin : request.site;
