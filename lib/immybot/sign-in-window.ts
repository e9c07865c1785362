import type { browser as extensionApi } from 'wxt/browser';
import { SIGN_IN_WINDOW_KEY, SIGNED_IN_AT_KEY } from '../storage';
import { createSerialQueue } from '../serial';
import { watchSignIn } from './sign-in';

type Api = typeof extensionApi;

interface PendingSignIn {
  windowId: number;
  startedAt: number;
  /** The instance signed in to, when not the default connection's (a site's own connection). */
  instanceOrigin?: string;
  /** Set once the window has left our consent page for ImmyBot: from then on, a session closes it. */
  watching?: boolean;
}

/**
 * Sign-in happens in a top-level popup window (Microsoft's sign-in refuses to be framed). The
 * window opens our own page first, which asks for cookie access where that helps, then goes to
 * ImmyBot and calls `watchSignInWindow`.
 */
export function openSignIn(browser: Api, askCookies = false, instanceOrigin?: string): Promise<void> {
  // Two clicks in two tabs at once: the second waits for the first window, then focuses it.
  return oneAtATime(() => openOrFocus(browser, askCookies, instanceOrigin));
}

const oneAtATime = createSerialQueue();

/**
 * The sign-in window's page; `cookies` asks for the cookie exception even after an earlier "no", `instance` names
 * another instance than the default connection's (the page checks it is one a site uses).
 */
export function signInPagePath(askCookies: boolean, instanceOrigin?: string): `/signin.html${string}` {
  const query = [instanceOrigin && `instance=${encodeURIComponent(instanceOrigin)}`, askCookies && 'cookies']
    .filter(Boolean)
    .join('&');
  return `/signin.html${query ? `?${query}` : ''}`;
}

async function openOrFocus(browser: Api, askCookies: boolean, instanceOrigin?: string): Promise<void> {
  const pending = await pendingSignIn(browser);
  if (pending && (await windowOpen(browser, pending.windowId))) {
    await browser.windows.update(pending.windowId, { focused: true });
    return;
  }
  const created = await browser.windows.create({
    url: browser.runtime.getURL(signInPagePath(askCookies, instanceOrigin)),
    type: 'popup',
    width: 520,
    height: 720,
  });
  if (created?.id === undefined) return;
  await browser.storage.session.set({
    [SIGN_IN_WINDOW_KEY]: { windowId: created.id, startedAt: Date.now(), instanceOrigin } satisfies PendingSignIn,
  });
}

/** The sign-in window went on to ImmyBot: close it, and refresh the panes, once a session exists. */
export async function watchSignInWindow(
  browser: Api,
  windowId: number | undefined,
  isSignedIn: (instanceOrigin?: string) => Promise<boolean>,
): Promise<void> {
  const pending = await pendingSignIn(browser);
  if (!pending || pending.windowId !== windowId) return;
  await browser.storage.session.set({ [SIGN_IN_WINDOW_KEY]: { ...pending, watching: true } satisfies PendingSignIn });
  await watch(browser, pending, isSignedIn);
}

/** After a service-worker restart: go on watching a sign-in window that is still open. */
export async function resumeSignIn(
  browser: Api,
  isSignedIn: (instanceOrigin?: string) => Promise<boolean>,
): Promise<void> {
  const pending = await pendingSignIn(browser);
  if (pending?.watching) await watch(browser, pending, isSignedIn);
}

async function watch(
  browser: Api,
  { windowId, startedAt, instanceOrigin }: PendingSignIn,
  isSignedIn: (instanceOrigin?: string) => Promise<boolean>,
): Promise<void> {
  const outcome = await watchSignIn({
    // The instance this window signs in to, not whatever the default is by now.
    isSignedIn: () => isSignedIn(instanceOrigin),
    isWindowOpen: () => windowOpen(browser, windowId),
    deadlineMs: Math.max(0, 5 * 60_000 - (Date.now() - startedAt)),
  });
  await browser.storage.session.remove(SIGN_IN_WINDOW_KEY);
  if (outcome !== 'signed-in') return;
  await browser.windows.remove(windowId).catch(() => undefined);
  // Every open pane watches this key and refreshes its header and frame.
  await browser.storage.local.set({ [SIGNED_IN_AT_KEY]: Date.now() });
}

async function pendingSignIn(browser: Api): Promise<PendingSignIn | undefined> {
  const value = (await browser.storage.session.get(SIGN_IN_WINDOW_KEY))[SIGN_IN_WINDOW_KEY] as
    | Partial<PendingSignIn>
    | undefined;
  return typeof value?.windowId === 'number' && typeof value.startedAt === 'number'
    ? (value as PendingSignIn)
    : undefined;
}

const windowOpen = (browser: Api, windowId: number) =>
  browser.windows.get(windowId).then(
    () => true,
    () => false,
  );
