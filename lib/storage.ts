/**
 * Every storage key the extension uses, in one place. The content script reads storage.local raw (WXT's
 * storage module alone would cost it ~3.7 KB gzipped), so keys, not typed items, are what is shared.
 */

/** storage.local: the settings (versioned through WXT storage by lib/settings/store, read raw elsewhere). */
export const SETTINGS_KEY = 'settings';
/** storage.local: the organization's policy (storage.managed) as the background read it; see lib/background/policy-sync.ts. */
export const POLICY_KEY = 'managedPolicy';
/** storage.local: the pane's width and collapsed state. */
export const PANE_LAYOUT_KEY = 'paneLayout';
/** storage.local: true once the technician dismissed the setup prompt: no ticket shows it again. */
export const SETUP_DISMISSED_KEY = 'setupPromptDismissed';
/** storage.local: when the last ImmyBot sign-in completed: open panes refresh when it changes. No secret in it. */
export const SIGNED_IN_AT_KEY = 'immybotSignedInAt';
/** storage.local: true once the technician chose "Sign in without allowing": later sign-ins do not ask again. */
export const COOKIES_DECLINED_KEY = 'immybotCookiesDeclined';
/** storage.local: the HaloPSA sites seen showing their own Technician Tools (a Custom Tab): the pane gives way there. */
export const NATIVE_TAB_SITES_KEY = 'nativeTabSites';
/** storage.local: true once the side panel's offer to become the default place was answered either way. */
export const SIDE_PANEL_OFFER_DONE_KEY = 'sidePanelOfferDone';
/** storage.local: where the Technician Tools window was and how big, so it reopens there (a second monitor). */
export const TICKET_WINDOW_BOUNDS_KEY = 'ticketWindowBounds';
/** storage.local, v0.1 only: hosted tenants remembered without the user's say; deleted on update. */
export const UNTRUSTED_V01_TENANTS_KEY = 'hostedTenants';

/** storage.session: the open sign-in window, so its watch survives a service-worker restart. */
export const SIGN_IN_WINDOW_KEY = 'signInWindow';
/** storage.session: the open site-consent windows, each with its one-time token and the site it asks about. */
export const SITE_CONSENT_KEY = 'siteConsent';
/** storage.session: one cached ticket lookup per key with this prefix. */
export const LOOKUP_KEY_PREFIX = 'lookup:';
/** storage.session: the HaloPSA site a ticket's setup prompt opened the options page for; taken once by that page. */
export const PENDING_SITE_KEY = 'pendingSite';
/** storage.session: the open Technician Tools window's id: a second "Open in a window" focuses it. */
export const TICKET_WINDOW_KEY = 'ticketWindow';
/** storage.session: the HaloPSA sites whose pane has told, this session, that ImmyBot inside HaloPSA is signed out. */
export const SIGNED_OUT_NOTED_KEY = 'signedOutNoted';
