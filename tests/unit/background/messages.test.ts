import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupMessages } from '../../../lib/background/messages';
import type { Settings } from '../../../lib/settings/schema';
import { TICKET_EXAMPLE } from '../immybot/examples';
import { readPolicy } from '../../../lib/settings/policy';
import { POLICY_KEY } from '../../../lib/storage';

type Manifest = ReturnType<typeof fakeBrowser.runtime.getManifest>;

const OWN_ID = fakeBrowser.runtime.id;
const ACME = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };
const HOSTED = 'https://acme.halopsa.com';
const STRANGER = 'https://stranger.halopsa.com';
const PSA = 'https://psa.example.com';
const PSA_8443 = 'https://psa.example.com:8443';
const TICKET_URL = `${ACME.instanceOrigin}/api/v1/provider-links/619/tickets/2152`;

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number; url?: string };
  frameId?: number;
}

/** One sender of each role, as the browser describes them. */
const OPTIONS_PAGE: Sender = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/options.html` };
const POPUP: Sender = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/popup.html` };
const LISTED_HOSTED: Sender = { id: OWN_ID, url: `${HOSTED}/ticket?id=2152`, tab: { id: 7, windowId: 1 }, frameId: 0 };
const LISTED_SELF_HOSTED: Sender = {
  id: OWN_ID,
  url: `${PSA_8443}/ticket?id=2152`,
  tab: { id: 9, windowId: 1 },
  frameId: 0,
};
const UNLISTED_HOSTED: Sender = {
  id: OWN_ID,
  url: `${STRANGER}/ticket?id=2152`,
  tab: { id: 8, windowId: 1 },
  frameId: 0,
};
const UNLISTED_SELF_HOSTED: Sender = {
  id: OWN_ID,
  url: 'https://service.example.net/ticket?id=2152',
  tab: { id: 10 },
  frameId: 0,
};
const OTHER_EXTENSION: Sender = { id: 'someone-else', url: `${HOSTED}/ticket?id=2152`, tab: { id: 7 }, frameId: 0 };
const TABLESS_LISTED: Sender = { id: OWN_ID, url: `${HOSTED}/ticket?id=2152` };
/** The pane's own page, framed by the content script into a ticket tab: the browser names the tab it sits in. */
const paneIn = (tab: Sender['tab'], url = `chrome-extension://${OWN_ID}/pane.html`): Sender => ({
  id: OWN_ID,
  url,
  tab,
  frameId: 4,
});
const PANE_ON_LISTED = paneIn({ id: 7, windowId: 1, url: `${HOSTED}/ticket?id=2152` });
const PANE_ON_SELF_HOSTED = paneIn({ id: 9, windowId: 1, url: `${PSA_8443}/ticket?id=2152` });
const PANE_ON_STRANGER = paneIn({ id: 8, windowId: 1, url: `${STRANGER}/ticket?id=2152` });
/** Chrome frames it by a per-session address (use_dynamic_url), another host than the extension id. */
const PANE_BY_DYNAMIC_URL = paneIn(
  { id: 7, windowId: 1, url: `${HOSTED}/ticket?id=2152` },
  'chrome-extension://4557dec3-993a-448b-b219-b8abc776b28f/pane.html',
);
/** Our content scripts: in the page's DOM, they may say a ticket closed and nothing else. */
const CONTENT_SCRIPTS: [string, Sender][] = [
  ['a listed hosted tenant', LISTED_HOSTED],
  ['a listed self-hosted site', LISTED_SELF_HOSTED],
  ['an unlisted hosted tenant', UNLISTED_HOSTED],
];

const UNTRUSTED: [string, Sender][] = [
  ['an unlisted self-hosted page', UNLISTED_SELF_HOSTED],
  ['another extension on a listed site', OTHER_EXTENSION],
  ['a listed site’s URL without a tab', TABLESS_LISTED],
  ['Halo’s own website', { id: OWN_ID, url: 'https://www.halopsa.com/', tab: { id: 11 } }],
];

const SETTINGS: Settings = {
  immybot: ACME,
  haloOrigins: [HOSTED, PSA_8443],
  declinedOrigins: [],
  show: null,
  siteConnections: {},
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function store(settings: Settings) {
  await fakeBrowser.storage.local.set({ settings, settings$: { v: 5 } });
}
async function stored(): Promise<Settings> {
  return (await fakeBrowser.storage.local.get('settings')).settings as Settings;
}

/** Sends a message the way the browser does: to every onMessage listener, with the sender it saw. */
async function send(message: unknown, sender: Sender): Promise<unknown> {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return answer;
}
const REFUSED = /Message refused/;

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let permissionsRemove: MockInstance<typeof fakeBrowser.permissions.remove>;

beforeEach(async () => {
  fakeBrowser.reset();
  // No network: ImmyBot answers the one ticket; anything else fails the test through its answer.
  fetchMock = vi.fn<typeof fetch>(async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    return url === TICKET_URL ? json(TICKET_EXAMPLE) : json({ title: 'unexpected' }, 500);
  });
  vi.stubGlobal('fetch', fetchMock);
  // A manifest without contentSettings (as Firefox's): cookie access is 'unsupported', no permission asked.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'test',
    version: '1.0.0',
  } as Manifest);
  permissionsRemove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
  await store(SETTINGS);
  setupMessages(fakeBrowser as never);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('setupMessages: what it drops', () => {
  it.each([
    null,
    'lookupTicket',
    { type: 'fetch', url: 'https://evil.test' },
    { type: 'lookupTicket', faultId: 'all' },
    { type: 'changeSettings', change: { kind: 'addSite', origin: 'https://*' } },
  ])('an invalid message %j gets no answer at all, from any sender', async (message) => {
    await expect(send(message, OPTIONS_PAGE)).resolves.toBeUndefined();
    await expect(send(message, LISTED_HOSTED)).resolves.toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await stored()).toEqual(SETTINGS);
  });
});

describe('setupMessages: what it refuses', () => {
  it.each<[string, unknown, Sender]>([
    ['a role the table does not allow', { type: 'lookupTicket', faultId: 2152 }, LISTED_HOSTED],
    ['a content script’s one request from another role', { type: 'ticketClosed' }, OPTIONS_PAGE],
    [
      'the handler itself (a pane framed in an unlisted tab)',
      { type: 'lookupTicket', faultId: 2152 },
      PANE_ON_STRANGER,
    ],
  ])('refused by %s, the error names the request type', async (_, message, sender) => {
    const { type } = message as { type: string };
    await expect(send(message, sender)).rejects.toThrow(new Error(`Message refused: ${type} is not for this sender.`));
  });
});

describe('setupMessages: lookupTicket', () => {
  it('a missing integration the organization set sends the technician to the IT admin, not to a locked field', async () => {
    // Every request fails as 404: the ticket, then the integration itself.
    fetchMock.mockImplementation(async () => json({ title: 'not found' }, 404));
    await fakeBrowser.storage.local.set({ [POLICY_KEY]: readPolicy({ integrationId: 619 }) });
    const answer = await send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED);
    expect(answer).toMatchObject({
      ok: false,
      problem: {
        kind: 'no-integration',
        message:
          'ImmyBot has no integration 619. Your organization set this Integration ID: ask your IT admin to correct it.',
      },
    });
    expect((answer as { problem: { action?: string } }).problem.action).toBeUndefined();
    // Set by the user: the setting is theirs to fix.
    await fakeBrowser.storage.local.remove(POLICY_KEY);
    await expect(send({ type: 'lookupTicket', faultId: 2153 }, PANE_ON_LISTED)).resolves.toMatchObject({
      problem: { kind: 'no-integration', action: 'settings' },
    });
  });

  it('the pane’s own page on a listed ticket gets the ticket, and its tab’s badge counts the online computers', async () => {
    await expect(send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED)).resolves.toEqual({
      ok: true,
      ticket: {
        faultId: 2152,
        person: { name: 'Ben Castle', email: 'Ben.Castle@contoso.com' },
        tenant: 'Acorn Construction',
        computers: [{ name: 'DESKTOP-CH4L46D', online: true }],
        moreComputers: 0,
        onlineComputers: 1,
        unmatched: [],
      },
      cookieAccess: 'unsupported',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      'Technician Tools: 1 of 1 computer online for ticket 2152',
    );
  });

  it('by Chrome’s per-session address too', async () => {
    await expect(send({ type: 'lookupTicket', faultId: 2152 }, PANE_BY_DYNAMIC_URL)).resolves.toMatchObject({
      ok: true,
    });
  });

  it.each(CONTENT_SCRIPTS)(
    'our content script on %s gets no answer: ImmyBot’s data never enters a page',
    async (_, sender) => {
      await expect(send({ type: 'lookupTicket', faultId: 2152 }, sender)).rejects.toThrow(REFUSED);
      expect(fetchMock).not.toHaveBeenCalled();
      expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    },
  );

  it('the pane’s page framed in an unlisted tenant’s tab is refused, even when the answer is already cached', async () => {
    await send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED);
    await expect(send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_STRANGER)).rejects.toThrow(REFUSED);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
  });

  it.each(UNTRUSTED)('%s is refused', async (_, sender) => {
    await expect(send({ type: 'lookupTicket', faultId: 2152 }, sender)).rejects.toThrow(REFUSED);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the side panel (an extension page) looks up the ticket of the tab it shows', async () => {
    const SIDE_PANEL: Sender = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/sidepanel.html` };
    await expect(send({ type: 'lookupTicket', faultId: 2152 }, SIDE_PANEL)).resolves.toMatchObject({ ok: true });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  describe('a lookup that is out while the settings change', () => {
    const SIDE_PANEL: Sender = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/sidepanel.html` };
    const GLOBEX = { instanceOrigin: 'https://globex.immy.bot', integrationId: 619 };

    /** ImmyBot's answer waits until `answer()`; `asked` resolves once the lookup's request is out. */
    function heldAnswer() {
      let answer!: () => void;
      let asked!: () => void;
      const isAsked = new Promise<void>((resolve) => {
        asked = resolve;
      });
      fetchMock.mockImplementation(async () => {
        asked();
        await new Promise<void>((resolve) => {
          answer = resolve;
        });
        return json(TICKET_EXAMPLE);
      });
      return { asked: isAsked, answer: () => answer() };
    }

    it.each<[string, Sender, Settings, number | undefined, object]>([
      [
        'its site removed: refused as no longer listed, its badge untouched',
        PANE_ON_LISTED,
        { ...SETTINGS, haloOrigins: [PSA_8443] },
        7,
        { kind: 'site-removed', message: 'This site is no longer on your list.' },
      ],
      [
        'its self-hosted site removed (another port on the host still listed)',
        PANE_ON_SELF_HOSTED,
        { ...SETTINGS, haloOrigins: [HOSTED, 'https://psa.example.com'] },
        9,
        { kind: 'site-removed' },
      ],
      [
        'the ImmyBot instance changed: refused with a retry',
        PANE_ON_LISTED,
        { ...SETTINGS, immybot: GLOBEX },
        7,
        { kind: 'settings-changed', action: 'retry' },
      ],
      [
        'the integration changed',
        PANE_ON_LISTED,
        { ...SETTINGS, immybot: { ...ACME, integrationId: 620 } },
        7,
        { kind: 'settings-changed' },
      ],
      ['the connection removed', PANE_ON_LISTED, { ...SETTINGS, immybot: null }, 7, { kind: 'settings-changed' }],
      [
        'for the side panel, the connection changed',
        SIDE_PANEL,
        { ...SETTINGS, immybot: GLOBEX },
        undefined,
        { kind: 'settings-changed' },
      ],
    ])('%s', async (_, sender, after, tabId, problem) => {
      if (tabId !== undefined) await fakeBrowser.action.setBadgeText({ tabId, text: '?' });
      const held = heldAnswer();
      const answer = send({ type: 'lookupTicket', faultId: 2152 }, sender);
      await held.asked;
      await store(after);
      held.answer();
      const result = (await answer) as { ok: boolean; problem?: object; ticket?: unknown };
      expect(result).toEqual({ ok: false, problem: expect.objectContaining(problem) });
      expect(JSON.stringify(result)).not.toMatch(/Ben Castle|DESKTOP|contoso/);
      if (tabId !== undefined) expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('?');
    });

    it('the side panel, which has no site of its own, still gets its answer when a site is removed', async () => {
      const held = heldAnswer();
      const answer = send({ type: 'lookupTicket', faultId: 2152 }, SIDE_PANEL);
      await held.asked;
      await store({ ...SETTINGS, haloOrigins: [] });
      held.answer();
      await expect(answer).resolves.toMatchObject({ ok: true, ticket: { faultId: 2152 } });
    });

    it.each<[string, string[]]>([
      ['another site removed', [HOSTED]],
      ['a site added', [HOSTED, PSA_8443, STRANGER]],
    ])('%s: the answer and the badge go ahead', async (_, haloOrigins) => {
      const held = heldAnswer();
      const answer = send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED);
      await held.asked;
      await store({ ...SETTINGS, haloOrigins });
      held.answer();
      await expect(answer).resolves.toMatchObject({ ok: true });
      expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    });
  });

  it('a site removed from the list is refused from the next message on', async () => {
    await expect(send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED)).resolves.toMatchObject({ ok: true });
    await expect(
      send({ type: 'changeSettings', change: { kind: 'removeSite', origin: HOSTED } }, OPTIONS_PAGE),
    ).resolves.toEqual({ ok: true });
    await expect(send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED)).rejects.toThrow(REFUSED);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('setupMessages: signIn', () => {
  it.each([...CONTENT_SCRIPTS, ...UNTRUSTED])(
    'our content script on %s cannot open the sign-in window',
    async (_, sender) => {
      const create = vi.spyOn(fakeBrowser.windows, 'create');
      await expect(send({ type: 'signIn' }, sender)).rejects.toThrow(REFUSED);
      expect(create).not.toHaveBeenCalled();
    },
  );

  it('the pane’s own page opens it', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await expect(send({ type: 'signIn' }, PANE_ON_LISTED)).resolves.toEqual({ ok: true });
    expect(create).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ url: `chrome-extension://${OWN_ID}/signin.html`, type: 'popup' }),
    );
  });
});

describe('setupMessages: nothing in a page lists a site', () => {
  it.each([...CONTENT_SCRIPTS, ...UNTRUSTED])(
    'no message from our content script on %s lists it',
    async (_, sender) => {
      for (const message of [
        { type: 'enableSite' },
        { type: 'changeSettings', change: { kind: 'addSite', origin: STRANGER } },
        { type: 'declineSite' },
      ])
        await send(message, sender).catch(() => undefined);
      expect(await stored()).toEqual(SETTINGS);
    },
  );

  it('the old enableSite request is no longer understood, from anyone', async () => {
    await expect(send({ type: 'enableSite' }, PANE_ON_STRANGER)).resolves.toBeUndefined();
    expect(await stored()).toEqual(SETTINGS);
  });

  it('declineSite from the pane’s page on an unlisted tenant remembers that tenant’s "Not here", whatever the message names', async () => {
    await expect(send({ type: 'declineSite', origin: HOSTED }, PANE_ON_STRANGER)).resolves.toEqual({ ok: true });
    expect(await stored()).toEqual({ ...SETTINGS, declinedOrigins: [STRANGER] });
  });

  it('declineSite from the pane’s page on a listed site changes nothing', async () => {
    await expect(send({ type: 'declineSite' }, PANE_ON_LISTED)).resolves.toMatchObject({ ok: false });
    expect(await stored()).toEqual(SETTINGS);
  });

  it('declineSite from a top-level page (the options page) is refused and changes nothing: only the pane’s page asks', async () => {
    await expect(send({ type: 'declineSite' }, OPTIONS_PAGE)).rejects.toThrow(REFUSED);
    expect(await stored()).toEqual(SETTINGS);
  });

  it.each([...CONTENT_SCRIPTS, ...UNTRUSTED])(
    'declineSite from our content script on %s is refused',
    async (_, sender) => {
      await expect(send({ type: 'declineSite' }, sender)).rejects.toThrow(REFUSED);
      expect(await stored()).toEqual(SETTINGS);
    },
  );
});

describe('setupMessages: paneTab', () => {
  it('tells the pane’s page the tab and window it sits in, as the browser reports them', async () => {
    await expect(send({ type: 'paneTab' }, PANE_ON_LISTED)).resolves.toEqual({
      tabId: 7,
      windowId: 1,
      url: `${HOSTED}/ticket?id=2152`,
    });
  });

  it('a top-level extension page sits in no ticket tab: it may not ask', async () => {
    await expect(send({ type: 'paneTab' }, OPTIONS_PAGE)).rejects.toThrow(REFUSED);
  });

  it.each([...CONTENT_SCRIPTS, ...UNTRUSTED])('our content script on %s is refused', async (_, sender) => {
    await expect(send({ type: 'paneTab' }, sender)).rejects.toThrow(REFUSED);
  });
});

describe('setupMessages: changeSettings', () => {
  const ADD = { type: 'changeSettings', change: { kind: 'addSite', origin: STRANGER } };

  it('the options page may change the settings', async () => {
    await expect(send(ADD, OPTIONS_PAGE)).resolves.toEqual({ ok: true });
    expect((await stored()).haloOrigins).toEqual([HOSTED, PSA_8443, STRANGER]);
  });

  it.each<[string, Sender]>([...CONTENT_SCRIPTS, ...UNTRUSTED])('a content script on %s may not', async (_, sender) => {
    await expect(send(ADD, sender)).rejects.toThrow(REFUSED);
    await expect(
      send(
        { type: 'changeSettings', change: { kind: 'saveConnection', connection: { ...ACME, integrationId: 1 } } },
        sender,
      ),
    ).rejects.toThrow(REFUSED);
    await expect(
      send({ type: 'changeSettings', change: { kind: 'removeSite', origin: PSA_8443 } }, sender),
    ).rejects.toThrow(REFUSED);
    expect(await stored()).toEqual(SETTINGS);
    expect(permissionsRemove).not.toHaveBeenCalled();
  });

  it('a change the settings cannot take is answered with its error, and nothing is written', async () => {
    await store({ ...SETTINGS, haloOrigins: [HOSTED] });
    const set = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(send(ADD, OPTIONS_PAGE)).resolves.toEqual({ ok: false, error: 'QUOTA_BYTES quota exceeded' });
    set.mockRestore();
    expect((await stored()).haloOrigins).toEqual([HOSTED]);
  });
});

describe('setupMessages: removeSite gives a self-hosted permission back once no listed site needs it', () => {
  const remove = (origin: string) =>
    send({ type: 'changeSettings', change: { kind: 'removeSite', origin } }, OPTIONS_PAGE);
  const PATTERN = { origins: ['https://psa.example.com/*'] };

  beforeEach(async () => {
    await store({ ...SETTINGS, haloOrigins: [HOSTED, PSA, PSA_8443] });
  });

  it('removing https://psa.example.com keeps the permission while :8443 is listed, and releases it with the last one', async () => {
    await expect(remove(PSA)).resolves.toEqual({ ok: true });
    expect((await stored()).haloOrigins).toEqual([HOSTED, PSA_8443]);
    expect(permissionsRemove).not.toHaveBeenCalled();

    await expect(remove(PSA_8443)).resolves.toEqual({ ok: true });
    expect((await stored()).haloOrigins).toEqual([HOSTED]);
    expect(permissionsRemove).toHaveBeenCalledExactlyOnceWith(PATTERN);
  });

  it('in the other order too', async () => {
    await remove(PSA_8443);
    expect(permissionsRemove).not.toHaveBeenCalled();
    await remove(PSA);
    expect(permissionsRemove).toHaveBeenCalledExactlyOnceWith(PATTERN);
  });

  it('both removed at once: the permission goes exactly once, after both', async () => {
    const answers = await Promise.all([remove(PSA), remove(PSA_8443)]);
    expect(answers).toEqual([{ ok: true }, { ok: true }]);
    expect((await stored()).haloOrigins).toEqual([HOSTED]);
    expect(permissionsRemove).toHaveBeenCalledExactlyOnceWith(PATTERN);
  });

  it('a listed site on another scheme of the host does not hold the permission', async () => {
    await store({ ...SETTINGS, haloOrigins: ['http://localhost:3000', 'https://localhost:8443'] });
    await remove('http://localhost:3000');
    expect(permissionsRemove).toHaveBeenCalledExactlyOnceWith({ origins: ['http://localhost/*'] });
  });

  it('an imported site list that leaves a self-hosted site out gives its permission back too', async () => {
    const imported = { kind: 'importSettings', removeSites: [PSA, PSA_8443] } as const;
    await expect(send({ type: 'changeSettings', change: imported }, OPTIONS_PAGE)).resolves.toEqual({ ok: true });
    expect((await stored()).haloOrigins).toEqual([HOSTED]);
    expect(permissionsRemove).toHaveBeenCalledExactlyOnceWith(PATTERN);
  });

  it('an import that keeps a site on that host keeps the permission', async () => {
    const imported = { kind: 'importSettings', removeSites: [PSA] } as const;
    await send({ type: 'changeSettings', change: imported }, OPTIONS_PAGE);
    expect(permissionsRemove).not.toHaveBeenCalled();
  });

  it('removing a hosted tenant never gives back the manifest’s permission', async () => {
    await expect(remove(HOSTED)).resolves.toEqual({ ok: true });
    expect((await stored()).haloOrigins).toEqual([PSA, PSA_8443]);
    expect(permissionsRemove).not.toHaveBeenCalled();
  });

  it('a permission the browser will not remove still answers ok: the site is off the list', async () => {
    permissionsRemove.mockRejectedValue(new Error('You cannot remove required permissions.'));
    await remove(PSA);
    await expect(remove(PSA_8443)).resolves.toEqual({ ok: true });
    expect((await stored()).haloOrigins).toEqual([HOSTED]);
  });
});

describe('setupMessages: the rest of the table', () => {
  it('openOptions from the pane’s page on a listed ticket opens a plain options page, which takes that site once', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(send({ type: 'openOptions' }, PANE_ON_LISTED)).resolves.toEqual({ ok: true });
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: `chrome-extension://${OWN_ID}/options.html` });
    await expect(send({ type: 'takePendingSite' }, OPTIONS_PAGE)).resolves.toEqual({ site: HOSTED });
    await expect(send({ type: 'takePendingSite' }, OPTIONS_PAGE)).resolves.toEqual({ site: null });
  });

  it('openOptions from an unlisted tenant’s setup prompt hands over that tenant (the first save lists it)', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(send({ type: 'openOptions' }, PANE_ON_STRANGER)).resolves.toEqual({ ok: true });
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: `chrome-extension://${OWN_ID}/options.html` });
    await expect(send({ type: 'takePendingSite' }, OPTIONS_PAGE)).resolves.toEqual({ site: STRANGER });
  });

  it('openOptions from the toolbar popup opens the plain options page and hands over no site', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    await expect(send({ type: 'openOptions' }, POPUP)).resolves.toEqual({ ok: true });
    expect(open).toHaveBeenCalledOnce();
    await expect(send({ type: 'takePendingSite' }, OPTIONS_PAGE)).resolves.toEqual({ site: null });
  });

  it.each<[string, Sender]>([
    ['a listed ticket', LISTED_HOSTED],
    ['an unlisted tenant', UNLISTED_HOSTED],
    ...UNTRUSTED,
  ])('takePendingSite from %s is refused and leaves the site for the options page', async (_, sender) => {
    vi.spyOn(fakeBrowser.tabs, 'create');
    await send({ type: 'openOptions' }, PANE_ON_LISTED);
    await expect(send({ type: 'takePendingSite' }, sender)).rejects.toThrow(REFUSED);
    await expect(send({ type: 'takePendingSite' }, OPTIONS_PAGE)).resolves.toEqual({ site: HOSTED });
  });

  it.each([...CONTENT_SCRIPTS, ...UNTRUSTED])('openOptions from %s is refused', async (_, sender) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(send({ type: 'openOptions' }, sender)).rejects.toThrow(REFUSED);
    expect(create).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['checkHaloAddress', { type: 'checkHaloAddress', origin: PSA }],
    ['testConnection', { type: 'testConnection', instanceOrigin: ACME.instanceOrigin, integrationId: 619 }],
    ['watchSignIn', { type: 'watchSignIn' }],
  ])('%s is for extension pages only: a listed site is refused and nothing is fetched', async (_, message) => {
    await expect(send(message, LISTED_HOSTED)).rejects.toThrow(REFUSED);
    await expect(send(message, UNLISTED_HOSTED)).rejects.toThrow(REFUSED);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('ticketClosed clears a listed tab’s badge; an unlisted tab may not touch it', async () => {
    await send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED);
    await expect(send({ type: 'ticketClosed' }, { ...UNLISTED_HOSTED, tab: { id: 7 } })).rejects.toThrow(REFUSED);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    await fakeBrowser.action.setTitle({ title: 'ImmyBot Technician Tools — psa.example.com needs access again' });
    await expect(send({ type: 'ticketClosed' }, LISTED_HOSTED)).resolves.toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    // The tab's tooltip goes back to the window-wide one, its "needs access" note included.
    await vi.waitFor(async () =>
      expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
        'ImmyBot Technician Tools — psa.example.com needs access again',
      ),
    );
  });
});

describe('setupMessages: a site with its own connection', () => {
  const SIDE_PANEL: Sender = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/sidepanel.html` };
  const LAB = { instanceOrigin: 'https://lab.immy.bot', integrationId: 620 };
  const LAB_TICKET = 'https://lab.immy.bot/api/v1/provider-links/620/tickets/2152';
  const asked = () => fetchMock.mock.calls.map(([input]) => (input instanceof Request ? input.url : String(input)));

  beforeEach(async () => {
    await store({ ...SETTINGS, siteConnections: { [PSA_8443]: LAB } });
    fetchMock.mockImplementation(async (input) => {
      const url = input instanceof Request ? input.url : String(input);
      return url === TICKET_URL || url === LAB_TICKET ? json(TICKET_EXAMPLE) : json({ title: 'unexpected' }, 500);
    });
  });

  it('the pane on that site asks that site’s instance and integration; the pane on another site, the default', async () => {
    await expect(send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_SELF_HOSTED)).resolves.toMatchObject({
      ok: true,
    });
    await expect(send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED)).resolves.toMatchObject({ ok: true });
    expect(asked()).toEqual([LAB_TICKET, TICKET_URL]);
  });

  it('the pane’s page cannot name another site: its tab’s site answers', async () => {
    await send({ type: 'lookupTicket', faultId: 2152, site: PSA_8443 }, PANE_ON_LISTED);
    expect(asked()).toEqual([TICKET_URL]);
  });

  it('the side panel and the popup name their tab’s site; an unlisted one is refused, no site means the default', async () => {
    await expect(send({ type: 'lookupTicket', faultId: 2152, site: PSA_8443 }, SIDE_PANEL)).resolves.toMatchObject({
      ok: true,
    });
    await expect(send({ type: 'lookupTicket', faultId: 2152, site: STRANGER }, POPUP)).rejects.toThrow(REFUSED);
    await send({ type: 'lookupTicket', faultId: 2152 }, POPUP);
    expect(asked()).toEqual([LAB_TICKET, TICKET_URL]);
  });

  it('answers are cached per connection: the same ticket number on the two sites is two answers', async () => {
    await send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_SELF_HOSTED);
    await send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED);
    await send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_SELF_HOSTED);
    await send({ type: 'lookupTicket', faultId: 2152 }, PANE_ON_LISTED);
    expect(asked()).toEqual([LAB_TICKET, TICKET_URL]);
    const keys = Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.startsWith('lookup:'));
    expect(keys.sort()).toEqual(['lookup:https://acme.immy.bot|619|2152', 'lookup:https://lab.immy.bot|620|2152']);
  });

  it('sign-in from that site’s pane opens the window for its instance; from another, for the default', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await send({ type: 'signIn' }, PANE_ON_SELF_HOSTED);
    expect(create).toHaveBeenLastCalledWith(
      expect.objectContaining({
        url: `chrome-extension://${OWN_ID}/signin.html?instance=${encodeURIComponent(LAB.instanceOrigin)}`,
      }),
    );
  });

  it('sign-in from the side panel names its site; with the default instance the window opens plainly', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await send({ type: 'signIn', site: HOSTED, askCookies: true }, SIDE_PANEL);
    expect(create).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: `chrome-extension://${OWN_ID}/signin.html?cookies` }),
    );
  });
});
