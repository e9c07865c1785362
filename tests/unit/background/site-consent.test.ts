import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupMessages } from '../../../lib/background/messages';
import {
  answerSiteConsent,
  askSiteConsent,
  readSiteConsent,
  SITE_CONSENT_TTL_MS,
} from '../../../lib/background/site-consent';
import type { Done } from '../../../lib/messaging/protocol';
import type { SettingsChange } from '../../../lib/settings/changes';
import type { Settings } from '../../../lib/settings/schema';
import { SITE_CONSENT_KEY } from '../../../lib/storage';

type Api = Parameters<typeof askSiteConsent>[0];
const api = fakeBrowser as unknown as Api;

const STRANGER = 'https://stranger.halopsa.com';
const TRIAL = 'https://other.trial.usehalo.com';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Entry {
  token: string;
  origin: string;
  at: number;
  windowId: number;
}
const pending = async (): Promise<Entry[]> =>
  ((await fakeBrowser.storage.session.get(SITE_CONSENT_KEY))[SITE_CONSENT_KEY] as Entry[] | undefined) ?? [];

/** fakeBrowser keeps windows in memory; these spies watch it. */
function spyOnWindows() {
  return {
    create: vi.spyOn(fakeBrowser.windows, 'create'),
    update: vi.spyOn(fakeBrowser.windows, 'update'),
    remove: vi.spyOn(fakeBrowser.windows, 'remove'),
  };
}
const isOpen = async (windowId: number) => (await fakeBrowser.windows.get(windowId)) !== undefined;

/** Asks for `origin` and answers the entry it stored (the token, and the window it opened). */
async function ask(origin = STRANGER): Promise<Entry> {
  expect(await askSiteConsent(api, origin)).toEqual({ ok: true });
  const entry = (await pending()).find((e) => e.origin === origin);
  if (!entry) throw new Error(`nothing pending for ${origin}`);
  return entry;
}

const applied = () => vi.fn(async (_change: SettingsChange): Promise<Done> => ({ ok: true }));

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('askSiteConsent', () => {
  it('opens our consent page in a small focused popup window, with a fresh one-time token', async () => {
    const windows = spyOnWindows();
    const entry = await ask();
    expect(entry.token).toMatch(UUID);
    expect(windows.create).toHaveBeenCalledExactlyOnceWith({
      url: `chrome-extension://test-extension-id/consent.html?token=${entry.token}`,
      type: 'popup',
      focused: true,
      width: 440,
      height: 360,
    });
    const created = await windows.create.mock.results[0].value;
    expect(entry).toEqual({ token: entry.token, origin: STRANGER, at: expect.any(Number), windowId: created.id });
  });

  it('a second ask for the same site focuses the open window, with the same token', async () => {
    const windows = spyOnWindows();
    const first = await ask();
    const second = await ask();
    expect(windows.create).toHaveBeenCalledTimes(1);
    expect(windows.update).toHaveBeenCalledExactlyOnceWith(first.windowId, { focused: true });
    expect(second).toEqual(first);
    expect(await pending()).toHaveLength(1);
  });

  it('asks at once (two clicks in two tabs) open one window', async () => {
    const windows = spyOnWindows();
    await Promise.all([askSiteConsent(api, STRANGER), askSiteConsent(api, STRANGER), askSiteConsent(api, STRANGER)]);
    expect(windows.create).toHaveBeenCalledTimes(1);
    expect(windows.update).toHaveBeenCalledTimes(2);
  });

  it('once the window was closed, the next ask opens a new one with a new token', async () => {
    const windows = spyOnWindows();
    const first = await ask();
    await fakeBrowser.windows.remove(first.windowId);
    const second = await ask();
    expect(windows.create).toHaveBeenCalledTimes(2);
    expect(second.token).not.toBe(first.token);
    expect(second.windowId).not.toBe(first.windowId);
    expect(await pending()).toEqual([second]);
    // The first window's token is gone with it.
    expect(await readSiteConsent(api, first.token, first.windowId)).toBeNull();
  });

  it('an expired window for the site is closed and replaced', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = await ask();
    vi.setSystemTime(Date.now() + SITE_CONSENT_TTL_MS);
    const second = await ask();
    expect(second.token).not.toBe(first.token);
    expect(await isOpen(first.windowId)).toBe(false);
    expect(await isOpen(second.windowId)).toBe(true);
  });

  it('two sites get two windows, each with its own token', async () => {
    const a = await ask(STRANGER);
    const b = await ask(TRIAL);
    expect(a.windowId).not.toBe(b.windowId);
    expect(a.token).not.toBe(b.token);
    expect(await readSiteConsent(api, a.token, a.windowId)).toBe(STRANGER);
    expect(await readSiteConsent(api, b.token, b.windowId)).toBe(TRIAL);
  });

  it.each([
    'https://psa.example.com',
    'https://halopsa.com',
    'https://www.halopsa.com',
    'http://acme.halopsa.com',
    'https://acme.halopsa.com:8443',
    'https://acme.halopsa.com/ticket?id=1',
    'https://ACME.halopsa.com',
    'https://acme.halopsa.com.evil.test',
    'chrome-extension://test-extension-id',
    'null',
    '',
  ])('refuses %j (not a hosted tenant’s origin): no window, nothing stored', async (origin) => {
    const windows = spyOnWindows();
    expect(await askSiteConsent(api, origin)).toEqual({ ok: false, error: expect.any(String) });
    expect(windows.create).not.toHaveBeenCalled();
    expect(await pending()).toEqual([]);
  });

  it('a window the browser fails to open leaves nothing pending', async () => {
    vi.spyOn(fakeBrowser.windows, 'create').mockRejectedValue(new Error('No current window'));
    expect(await askSiteConsent(api, STRANGER)).toEqual({ ok: false, error: 'No current window' });
    expect(await pending()).toEqual([]);
  });
});

describe('readSiteConsent', () => {
  it('answers the site for its own window’s token', async () => {
    const { token, windowId } = await ask();
    expect(await readSiteConsent(api, token, windowId)).toBe(STRANGER);
    // Reading uses nothing up.
    expect(await readSiteConsent(api, token, windowId)).toBe(STRANGER);
  });

  it('answers null for an unknown token, another window, or no window', async () => {
    const { token, windowId } = await ask();
    expect(await readSiteConsent(api, crypto.randomUUID(), windowId)).toBeNull();
    expect(await readSiteConsent(api, token, windowId + 1)).toBeNull();
    expect(await readSiteConsent(api, token, undefined)).toBeNull();
  });

  it('answers null once the token is ten minutes old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token, windowId } = await ask();
    vi.setSystemTime(Date.now() + SITE_CONSENT_TTL_MS - 1);
    expect(await readSiteConsent(api, token, windowId)).toBe(STRANGER);
    vi.setSystemTime(Date.now() + 1);
    expect(await readSiteConsent(api, token, windowId)).toBeNull();
  });
});

describe('answerSiteConsent', () => {
  it('allow lists the site through the single writer, uses the token up and closes the window', async () => {
    const { token, windowId } = await ask();
    const apply = applied();
    expect(await answerSiteConsent(api, token, 'allow', { windowId, apply })).toEqual({ ok: true });
    expect(apply).toHaveBeenCalledExactlyOnceWith({ kind: 'addSite', origin: STRANGER });
    expect(await pending()).toEqual([]);
    expect(await isOpen(windowId)).toBe(false);
  });

  it('decline remembers "never on this site"', async () => {
    const { token, windowId } = await ask();
    const apply = applied();
    expect(await answerSiteConsent(api, token, 'decline', { windowId, apply })).toEqual({ ok: true });
    expect(apply).toHaveBeenCalledExactlyOnceWith({ kind: 'declineSite', origin: STRANGER });
    expect(await isOpen(windowId)).toBe(false);
  });

  it('dismiss changes no setting, and still uses the token up and closes the window', async () => {
    const { token, windowId } = await ask();
    const apply = applied();
    expect(await answerSiteConsent(api, token, 'dismiss', { windowId, apply })).toEqual({ ok: true });
    expect(apply).not.toHaveBeenCalled();
    expect(await pending()).toEqual([]);
    expect(await isOpen(windowId)).toBe(false);
  });

  it('a token works once: a second answer (or a read) after it changes nothing', async () => {
    const { token, windowId } = await ask();
    const apply = applied();
    await answerSiteConsent(api, token, 'dismiss', { windowId, apply });
    expect(await answerSiteConsent(api, token, 'allow', { windowId, apply })).toEqual({
      ok: false,
      error: expect.stringMatching(/expired or was already answered/),
    });
    expect(apply).not.toHaveBeenCalled();
    expect(await readSiteConsent(api, token, windowId)).toBeNull();
  });

  it('two answers at once (a double click): only one applies', async () => {
    const { token, windowId } = await ask();
    const apply = applied();
    const answers = await Promise.all([
      answerSiteConsent(api, token, 'allow', { windowId, apply }),
      answerSiteConsent(api, token, 'allow', { windowId, apply }),
    ]);
    expect(answers.map((a) => a.ok)).toEqual([true, false]);
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it.each<[string, (entry: Entry) => [string, number | undefined]]>([
    ['an unknown token', ({ windowId }) => [crypto.randomUUID(), windowId]],
    ['the right token from another window', ({ token, windowId }) => [token, windowId + 1]],
    ['the right token from no window', ({ token }) => [token, undefined]],
  ])('%s changes nothing and answers an error', async (_, wrong) => {
    const entry = await ask();
    const [token, windowId] = wrong(entry);
    const apply = applied();
    expect(await answerSiteConsent(api, token, 'allow', { windowId, apply })).toEqual({
      ok: false,
      error: expect.any(String),
    });
    expect(apply).not.toHaveBeenCalled();
    expect(await pending()).toEqual([entry]);
    expect(await isOpen(entry.windowId)).toBe(true);
  });

  it('an expired token changes nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token, windowId } = await ask();
    vi.setSystemTime(Date.now() + SITE_CONSENT_TTL_MS);
    const apply = applied();
    expect(await answerSiteConsent(api, token, 'allow', { windowId, apply })).toMatchObject({ ok: false });
    expect(apply).not.toHaveBeenCalled();
  });

  it('a change the writer refuses keeps the window open to show why; the token is still used up', async () => {
    const { token, windowId } = await ask();
    const apply = vi.fn(async (): Promise<Done> => ({ ok: false, error: 'Set by your organization.' }));
    expect(await answerSiteConsent(api, token, 'allow', { windowId, apply })).toEqual({
      ok: false,
      error: 'Set by your organization.',
    });
    expect(await isOpen(windowId)).toBe(true);
    expect(await readSiteConsent(api, token, windowId)).toBeNull();
  });
});

describe('site consent through the message listener', () => {
  const OWN_ID = fakeBrowser.runtime.id;
  const LISTED = 'https://acme.halopsa.com';
  const SETTINGS: Settings = {
    immybot: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 },
    haloOrigins: [LISTED],
    declinedOrigins: [],
    show: null,
    siteConnections: {},
  };
  /** The offer's page: the pane's own extension page, framed into the tab of `url`. */
  const tabOn = (url: string) => ({
    id: OWN_ID,
    url: `chrome-extension://${OWN_ID}/pane.html`,
    tab: { id: 8, windowId: 1, url },
    frameId: 3,
  });
  /** Our content script in that tab's page: it may ask nothing of the kind. */
  const contentScriptOn = (url: string) => ({ id: OWN_ID, url, tab: { id: 8, windowId: 1, url }, frameId: 0 });
  /** The consent page, as the browser describes it: a tab of the window it was opened in. */
  const consentPage = (windowId: number, token: string) => ({
    id: OWN_ID,
    url: `chrome-extension://${OWN_ID}/consent.html?token=${token}`,
    tab: { id: 20, windowId },
  });
  const send = async (message: unknown, sender: object) =>
    (await fakeBrowser.runtime.onMessage.trigger(message, sender as never))[0];
  const settings = async () => (await fakeBrowser.storage.local.get('settings')).settings as Settings;

  beforeEach(async () => {
    await fakeBrowser.storage.local.set({ settings: SETTINGS, settings$: { v: 5 } });
    setupMessages(fakeBrowser as never);
  });

  it('an unlisted hosted tenant’s tab asks about its own origin, whatever the message names; allow lists it', async () => {
    const windows = spyOnWindows();
    expect(
      await send({ type: 'askSiteConsent', origin: 'https://evil.halopsa.com' }, tabOn(`${STRANGER}/ticket?id=2152`)),
    ).toEqual({ ok: true });
    expect(windows.create).toHaveBeenCalledTimes(1);
    const [{ token, windowId, origin }] = await pending();
    expect(origin).toBe(STRANGER);

    const page = consentPage(windowId, token);
    expect(await send({ type: 'readSiteConsent', token }, page)).toEqual({ origin: STRANGER });
    expect(await send({ type: 'answerSiteConsent', token, answer: 'allow' }, page)).toEqual({ ok: true });
    expect((await settings()).haloOrigins).toEqual([LISTED, STRANGER]);
    expect(await isOpen(windowId)).toBe(false);
    // Used up: the same page (or a copy of it) can neither read nor answer again.
    expect(await send({ type: 'readSiteConsent', token }, page)).toEqual({ origin: null });
    expect(await send({ type: 'answerSiteConsent', token, answer: 'decline' }, page)).toMatchObject({ ok: false });
    expect((await settings()).declinedOrigins).toEqual([]);
  });

  it('decline from the consent window remembers the tenant', async () => {
    await send({ type: 'askSiteConsent' }, tabOn(`${STRANGER}/ticket?id=2152`));
    const [{ token, windowId }] = await pending();
    await send({ type: 'answerSiteConsent', token, answer: 'decline' }, consentPage(windowId, token));
    expect(await settings()).toEqual({ ...SETTINGS, declinedOrigins: [STRANGER] });
  });

  it('an unknown token read or answered from an extension page changes nothing', async () => {
    const token = crypto.randomUUID();
    expect(await send({ type: 'readSiteConsent', token }, consentPage(1, token))).toEqual({ origin: null });
    expect(await send({ type: 'answerSiteConsent', token, answer: 'allow' }, consentPage(1, token))).toMatchObject({
      ok: false,
    });
    expect(await settings()).toEqual(SETTINGS);
  });

  it.each([
    ['the pane on a listed site', tabOn(`${LISTED}/ticket?id=2152`)],
    ['the pane on a self-hosted page', tabOn('https://psa.example.com/ticket?id=2152')],
  ])('askSiteConsent from %s opens nothing', async (_, sender) => {
    const windows = spyOnWindows();
    await expect(send({ type: 'askSiteConsent' }, sender)).resolves.toMatchObject({ ok: false });
    expect(windows.create).not.toHaveBeenCalled();
  });

  it('a top-level extension page (in no ticket tab) is refused and opens nothing: only the pane’s page asks', async () => {
    const windows = spyOnWindows();
    await expect(send({ type: 'askSiteConsent' }, consentPage(1, crypto.randomUUID()))).rejects.toThrow(
      'Message refused: askSiteConsent is not for this sender.',
    );
    expect(windows.create).not.toHaveBeenCalled();
  });

  it('our content script in the stranger’s page (its DOM is the page’s) is refused and opens nothing', async () => {
    const windows = spyOnWindows();
    await expect(send({ type: 'askSiteConsent' }, contentScriptOn(`${STRANGER}/ticket?id=2152`))).rejects.toThrow(
      /Message refused/,
    );
    expect(windows.create).not.toHaveBeenCalled();
  });

  it('a content script may neither read nor answer a consent window’s token', async () => {
    await send({ type: 'askSiteConsent' }, tabOn(`${STRANGER}/ticket?id=2152`));
    const [{ token }] = await pending();
    const tab = contentScriptOn(`${STRANGER}/ticket?id=2152`);
    await expect(send({ type: 'readSiteConsent', token }, tab)).rejects.toThrow(/Message refused/);
    await expect(send({ type: 'answerSiteConsent', token, answer: 'allow' }, tab)).rejects.toThrow(/Message refused/);
    expect(await settings()).toEqual(SETTINGS);
    expect(await pending()).toHaveLength(1);
  });
});
