import type { browser as extensionApi } from 'wxt/browser';
import { isHostedHaloUrl } from '../halo/hosts';
import type { Done, SiteConsentAnswer } from '../messaging/protocol';
import type { SettingsChange } from '../settings/changes';
import { createSerialQueue } from '../serial';
import { parseUrl } from '../url';
import { SITE_CONSENT_KEY } from '../storage';

type Api = typeof extensionApi;

/** How long a consent window's token stays good. */
export const SITE_CONSENT_TTL_MS = 10 * 60_000;
/** The consent window's outer size (frame, title and URL bar included): the question fits at 100% zoom. */
export const SITE_CONSENT_WINDOW = { width: 440, height: 360 } as const;

/** One open question: which site, asked when, in which window. The token is the window's only key to it. */
interface PendingConsent {
  token: string;
  origin: string;
  at: number;
  windowId: number;
}

const NO_LONGER_VALID = 'This request has expired or was already answered.';

/**
 * Consent to list a hosted tenant happens in our own window, never in the page: a page can restyle
 * anything in its DOM and steer the user's real click onto it. Reads and answers wait for a pending
 * ask, so a window's page never asks before its entry is stored.
 */
const oneAtATime = createSerialQueue();

/** Opens the consent window for `origin` (a hosted tenant), or focuses the one already open for it. */
export function askSiteConsent(browser: Api, origin: string): Promise<Done> {
  if (!isHostedTenantOrigin(origin)) return Promise.resolve({ ok: false, error: 'Not a hosted HaloPSA site.' });
  return oneAtATime(async () => {
    const stored = await storedPending(browser);
    const pending = stored.filter(isLive);
    const open = pending.find((entry) => entry.origin === origin);
    if (open && (await windowOpen(browser, open.windowId))) {
      await browser.windows.update(open.windowId, { focused: true });
      return { ok: true };
    }
    // An expired window for this site would only answer "expired": the new one replaces it.
    for (const entry of stored)
      if (entry.origin === origin && !isLive(entry))
        await browser.windows.remove(entry.windowId).catch(() => undefined);
    const others = pending.filter((entry) => entry.origin !== origin);
    const token = crypto.randomUUID();
    try {
      const created = await browser.windows.create({
        url: browser.runtime.getURL(`/consent.html?token=${token}`),
        type: 'popup',
        focused: true,
        ...SITE_CONSENT_WINDOW,
      });
      if (created?.id === undefined) throw new Error('The browser opened no window.');
      await save(browser, [...others, { token, origin, at: Date.now(), windowId: created.id }]);
      return { ok: true };
    } catch (error) {
      await save(browser, others);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** The site a consent window asks about, for its own still-valid token; null for anything else. */
export function readSiteConsent(browser: Api, token: string, windowId: number | undefined): Promise<string | null> {
  return oneAtATime(async () => (await find(browser, token, windowId))?.origin ?? null);
}

/**
 * The consent window's answer. The token is used up whatever the answer; 'allow' lists the site and
 * 'decline' remembers "never here", both through the settings' single writer (`apply`).
 */
export function answerSiteConsent(
  browser: Api,
  token: string,
  answer: SiteConsentAnswer,
  { windowId, apply }: { windowId: number | undefined; apply: (change: SettingsChange) => Promise<Done> },
): Promise<Done> {
  return oneAtATime(async () => {
    const entry = await find(browser, token, windowId);
    if (!entry) return { ok: false, error: NO_LONGER_VALID };
    await save(
      browser,
      (await livePending(browser)).filter((other) => other.token !== token),
    );
    const done: Done =
      answer === 'allow'
        ? await apply({ kind: 'addSite', origin: entry.origin })
        : answer === 'decline'
          ? await apply({ kind: 'declineSite', origin: entry.origin })
          : { ok: true };
    // On failure the window stays to show why.
    if (done.ok) await browser.windows.remove(entry.windowId).catch(() => undefined);
    return done;
  });
}

/** Exactly `https://<tenant>.<hosted suffix>`: only hosted tenants nobody listed get an offer. */
function isHostedTenantOrigin(origin: string): boolean {
  const url = parseUrl(origin);
  return url?.origin === origin && isHostedHaloUrl(url);
}

async function find(browser: Api, token: string, windowId: number | undefined): Promise<PendingConsent | undefined> {
  if (windowId === undefined) return undefined;
  return (await livePending(browser)).find((entry) => entry.token === token && entry.windowId === windowId);
}

/** The stored entries that have not expired. */
const livePending = async (browser: Api) => (await storedPending(browser)).filter(isLive);

async function storedPending(browser: Api): Promise<PendingConsent[]> {
  const stored: unknown = (await browser.storage.session.get(SITE_CONSENT_KEY))[SITE_CONSENT_KEY];
  return (Array.isArray(stored) ? stored : []).filter(
    (entry): entry is PendingConsent =>
      typeof entry?.token === 'string' &&
      typeof entry.origin === 'string' &&
      typeof entry.windowId === 'number' &&
      typeof entry.at === 'number',
  );
}

function isLive(entry: PendingConsent): boolean {
  const age = Date.now() - entry.at;
  return age >= 0 && age < SITE_CONSENT_TTL_MS;
}

const save = (browser: Api, pending: PendingConsent[]) => browser.storage.session.set({ [SITE_CONSENT_KEY]: pending });

/** windows.get rejects for a closed window in the browsers (fakeBrowser answers undefined). */
const windowOpen = (browser: Api, windowId: number) =>
  browser.windows.get(windowId).then(
    (window) => window !== undefined,
    () => false,
  );
