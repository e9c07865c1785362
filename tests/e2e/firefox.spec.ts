import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { type FirefoxSession, launchFirefox } from '../sandbox/firefox';
import type { Marionette } from '../sandbox/marionette';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { expect, INSTANCE, INTEGRATION_ID, podUrlFor, test } from './fixtures';

// Real Firefox (Debian's firefox-esr) over WebDriver BiDi, with Marionette for what BiDi cannot reach
// (extension pages, the sidebar, the shortcut); see TESTING.md "Firefox end to end". One browser for the file.
const EXTENSION_DIR = resolve('.output/firefox-mv3');
const GECKO_ID = 'technician-tools@immybot-halopsa.extension';
const UUID = '5f0e6c2a-9d41-4b7e-8a3c-2b1d0e9f7a65';
const SIDEBAR_ID = 'technician-tools_immybot-halopsa_extension-sidebar-action';
const SITE = 'https://acme.halopsa.com';
const OPTIONS = `moz-extension://${UUID}/options.html`;

/** Firefox's own key element for the add-on's command: what Alt+Shift+T runs in the browser window. */
const SHORTCUT_KEY = `document.querySelector('#ext-keyset-id-technician-tools_immybot-halopsa_extension key[key="T"][modifiers="alt,shift"]')`;
const SIDEBAR_STATE = 'return [SidebarController.isOpen, SidebarController.currentID]';

let sandbox: Sandbox;
let firefox: FirefoxSession;
let page: Page;

const podPath = (faultId: number) => `/technician-pod/psa/${INTEGRATION_ID}/ticket/${faultId}`;
/** The stand-in's Technician Tools page requests for one ticket: who asked (Sec-Fetch-Dest) and signed in or not. */
const podRequests = (faultId: number) =>
  sandbox.immybot.requests
    .filter((r) => r.path === podPath(faultId))
    .map((r) => `${r.dest} ${r.signedIn ? 'signed in' : 'signed out'}`);

/**
 * The address the pane's frame shows: one pane host holding one frame, and the page's one Technician Tools
 * frame's URL (the pane moves its frame with location.replace, so the `src` attribute keeps the first ticket).
 */
const paneFrameUrl = async () => {
  const inPane = await page.evaluate(() => {
    const hosts = document.querySelectorAll('immybot-technician-tools');
    return hosts.length === 1 ? (hosts[0].shadowRoot?.querySelectorAll('section.pane iframe.frame').length ?? 0) : -1;
  });
  if (inPane !== 1) return inPane < 0 ? 'not one pane host' : `${inPane} frames in the pane`;
  const frames = page.frames().filter((f) => f.url().includes('/technician-pod/'));
  return frames.length === 1 ? frames[0].url() : `${frames.length} Technician Tools frames`;
};

/** What the Technician Tools frame in the page shows: its ticket and its session line. */
const podShown = async () => {
  const frames = page.frames().filter((f) => f.url().includes('/technician-pod/'));
  if (frames.length !== 1) return `${frames.length} Technician Tools frames`;
  return frames[0]
    .evaluate(
      () =>
        `${document.querySelector('#pod-fault-id')?.textContent} ${document.querySelector('#pod-session')?.textContent}`,
    )
    .catch(() => 'not loaded yet');
};

const navigate = (href: string) => page.evaluate((h) => (window as any).haloNavigate(h), href);

/** Chooses "Show Technician Tools" on the options page (the open Marionette tab) and waits for "Saved.". */
async function chooseShow(m: Marionette, place: 'page' | 'sidePanel'): Promise<void> {
  await m.send('WebDriver:Navigate', { url: OPTIONS });
  await m.waitFor(`return document.querySelector('input[name=show][value=${place}]')?.disabled === false`);
  await m.click(`input[name=show][value=${place}]`);
  await m.waitFor(
    `return document.querySelector('section[aria-labelledby=show-heading] [role=status]').textContent`,
    'Saved.',
  );
}

/** Runs `work` over Marionette; BiDi reconnects afterwards, so `page` is fetched again. */
async function withMarionette<T>(work: (m: Marionette) => Promise<T>): Promise<T> {
  try {
    return await firefox.marionette(work);
  } finally {
    page = (await firefox.browser.pages())[0];
  }
}

const storedSettings = (m: Marionette) => m.execute('return browser.storage.local.get()');

test.describe
  .serial('Firefox', () => {
    test.beforeAll(async () => {
      sandbox = await startSandbox();
      firefox = await launchFirefox(EXTENSION_DIR, GECKO_ID, UUID, sandbox);
      page = (await firefox.browser.pages())[0];
    });

    test.afterAll(async () => {
      await firefox?.close();
      await sandbox?.close();
    });

    test('installs as a temporary add-on at the pinned UUID and runs: its sidebar and options page load', async () => {
      const { addon, sidebar } = await withMarionette(async (m) => {
        await m.send('Marionette:SetContext', { value: 'chrome' });
        const addon = await m.execute(
          `
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        return AddonManager.getAddonByID(arguments[0]).then((a) => ({
          active: a.isActive, temporary: a.temporarilyInstalled, host: WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname,
        }));`,
          [GECKO_ID],
        );
        // Firefox opens a newly installed add-on's sidebar once: it loads our sidepanel.html. Closed again here,
        // so the shortcut below is what opens it.
        const sidebar = await m.waitFor(SIDEBAR_STATE, [true, SIDEBAR_ID]);
        await m.execute('SidebarController.hide()');
        await m.waitFor(SIDEBAR_STATE, [false, '']);
        await m.send('Marionette:SetContext', { value: 'content' });
        await m.send('WebDriver:Navigate', { url: OPTIONS });
        await m.waitFor(`return document.querySelector('h1')?.textContent`, 'ImmyBot Technician Tools for HaloPSA');
        return { addon, sidebar };
      });
      expect(addon).toEqual({ active: true, temporary: true, host: UUID });
      expect(sidebar).toEqual([true, SIDEBAR_ID]);
      // Nothing configured yet: no ImmyBot request at all.
      expect(sandbox.immybot.requests).toEqual([]);
    });

    test('options saved on the options page (instance, integration ID, HaloPSA site, shown beside the ticket) are stored', async () => {
      const stored = await withMarionette(async (m) => {
        await m.send('WebDriver:Navigate', { url: OPTIONS });
        // Never chosen: Firefox's default is the side panel.
        await m.waitFor('return document.querySelector("input[name=show]:checked")?.value', 'sidePanel');
        await m.type('#instance', INSTANCE);
        await m.type('#integration-id', String(INTEGRATION_ID));
        await m.click('form[aria-labelledby=immybot-heading] button[type=submit]');
        await m.waitFor(
          `return document.querySelector('form[aria-labelledby=immybot-heading] [role=status]').textContent.startsWith('Saved.')`,
        );
        await m.type('#halo-address', SITE);
        await m.click('form[aria-labelledby=halo-heading] button[type=submit]');
        await m.waitFor(
          `return document.querySelector('form[aria-labelledby=halo-heading] [role=status]').textContent.startsWith('Added ${SITE}')`,
        );
        // Firefox defaults to the side panel; the pane tests below need it beside the ticket.
        await chooseShow(m, 'page');
        return storedSettings(m);
      });
      expect(stored).toEqual({
        settings: {
          immybot: { instanceOrigin: INSTANCE, integrationId: INTEGRATION_ID },
          haloOrigins: [SITE],
          declinedOrigins: [],
          show: 'page',
        },
        settings$: { v: 4 },
      });
    });

    test('the pane on a hosted HaloPSA ticket frames Technician Tools for that ticket', async () => {
      await page.goto(`${SITE}/ticket?id=2152`);
      await expect.poll(paneFrameUrl).toBe(podUrlFor(2152));
      await expect.poll(podShown).toBe('2152 Signed out — sign in to ImmyBot');
      expect(podRequests(2152)).toEqual(['iframe signed out']);
    });

    test('an SPA switch to another ticket moves the same pane to that ticket, without a reload', async () => {
      const loadId = () => page.evaluate(() => (window as any).haloLoadId as string);
      const before = await loadId();
      await navigate('/ticket?id=2820');
      await expect.poll(paneFrameUrl).toBe(podUrlFor(2820));
      await expect.poll(podShown).toBe('2820 Signed out — sign in to ImmyBot');
      expect(podRequests(2820)).toEqual(['iframe signed out']);
      expect(await loadId()).toBe(before);
      expect(page.url()).toBe(`${SITE}/ticket?id=2820`);
    });

    test('“Open in side panel” in the pane is refused by Firefox, and the pane says what to do instead', async () => {
      // A real (BiDi input) click; Firefox does not pass a page click's gesture on to sidebarAction.open().
      const centre = await page.evaluate(() => {
        const button = document
          .querySelector('immybot-technician-tools')
          ?.shadowRoot?.querySelector('[aria-label="Open in side panel"]');
        const box = button?.getBoundingClientRect();
        return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      });
      expect(centre).toBeTruthy();
      await page.mouse.click(centre!.x, centre!.y);
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              document
                .querySelector('immybot-technician-tools')
                ?.shadowRoot?.querySelector('.summary.problem[role=status]')?.textContent,
          ),
        )
        .toBe(
          'The browser did not open its side panel from the page: click the ImmyBot button in the toolbar, then Open in side panel.',
        );
      const sidebar = await withMarionette(async (m) => {
        await m.send('Marionette:SetContext', { value: 'chrome' });
        return m.execute(SIDEBAR_STATE);
      });
      expect(sidebar).toEqual([false, '']);
    });

    test('after a top-level ImmyBot sign-in, the shortcut opens the sidebar on the active ticket signed in; the in-page frame stays signed out', async () => {
      await page.goto(`${INSTANCE}/login`);
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      expect(await page.$eval('#signed-in', (e) => e.textContent)).toBe('Signed in as Jane Tech');

      // Beside the ticket, Firefox keeps ImmyBot's cookie from the frame under HaloPSA (the API calls get it).
      await page.goto(`${SITE}/ticket?id=3001`);
      await expect.poll(podShown).toBe('3001 Signed out — sign in to ImmyBot');
      expect(podRequests(3001)).toEqual(['iframe signed out']);

      const sidebar = await withMarionette(async (m) => {
        await chooseShow(m, 'sidePanel');
        await m.send('WebDriver:Navigate', { url: `${SITE}/ticket?id=3002` });
        await m.send('Marionette:SetContext', { value: 'chrome' });
        const before = await m.execute(SIDEBAR_STATE);
        await m.execute(`${SHORTCUT_KEY}.doCommand()`);
        const after = await m.waitFor(SIDEBAR_STATE, [true, SIDEBAR_ID]);
        return { before, after };
      });
      expect(sidebar).toEqual({ before: [false, ''], after: [true, SIDEBAR_ID] });
      // In the side panel place the page holds no frame: the one Technician Tools request is the sidebar's, signed in.
      await expect.poll(() => podRequests(3002)).toEqual(['iframe signed in']);

      // The sidebar follows an SPA switch in the active tab, still signed in.
      expect(page.url()).toBe(`${SITE}/ticket?id=3002`);
      expect(await page.evaluate(() => document.querySelectorAll('immybot-technician-tools iframe').length)).toBe(0);
      await navigate('/ticket?id=2152');
      await expect.poll(() => podRequests(2152)).toEqual(['iframe signed out', 'iframe signed in']);
    });
  });
