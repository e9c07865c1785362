import {
  test as base,
  expect,
  type BrowserContext,
  type FrameLocator,
  type Locator,
  type Page,
} from '@playwright/test';
import { resolve } from 'node:path';
import {
  extensionIdOf,
  extensionWithGrantedHosts,
  installState,
  launchWithExtension,
  resetToFreshInstall,
} from '../sandbox/chromium';
import { configureThroughStorage, OWN_SITE } from '../sandbox/configure';
import { signInToImmyBot } from '../sandbox/session';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';

/** The Chrome build `npm test` makes before running these tests. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export const INSTANCE = 'https://acme.immy.bot';
export const INTEGRATION_ID = 619;
export const podUrlFor = (faultId: number, instance = INSTANCE, integrationId = INTEGRATION_ID) =>
  `${instance}/technician-pod/psa/${integrationId}/ticket/${faultId}`;

export interface Granted {
  hosts?: readonly string[];
  permissions?: readonly string[];
}

/** The cookie permission, held as after the consent click: ImmyBot's frame can be signed in. */
export const COOKIE_PERMISSION: Granted = { permissions: ['contentSettings'] };

/** Self-hosted HaloPSA the user gave access to: psa.example.test and hidden.example.test (other.example.test not). */
export const SELF_HOSTED_HOSTS = ['https://psa.example.test/*', 'https://hidden.example.test/*'];

interface Fixtures {
  /** A browser of the test's own, launched for it, instead of the worker's shared one reset to a fresh install. */
  freshBrowser: boolean;
  /**
   * Optional permissions and hosts the extension holds from the start, as after the user granted them: a build that
   * asks for them up front, since automation cannot answer a permission prompt (docs/development.md).
   */
  granted: Granted;
  context: BrowserContext;
  extensionId: string;
  /** Opens the options page in a new tab. */
  openOptions: () => Promise<Page>;
  /** Saves an ImmyBot instance and integration, and lists HaloPSA sites (default: acme.halopsa.com), as the options page would. */
  configure: (instance?: string, integrationId?: string | number, sites?: readonly string[]) => Promise<void>;
  /** Gives the browser an ImmyBot session for `acme.immy.bot`, as a finished sign-in would. */
  signInToImmyBot: () => Promise<void>;
}

/** A worker's Chromium with one build of the extension, reset between tests to what a fresh install shows them. */
interface SharedBrowser {
  sandbox: Sandbox;
  extensionDir: string;
  context?: BrowserContext;
  /** installState of the browser as launched: what every reset must give back. */
  freshState?: string;
  /** Init scripts the running test added to the context, which must not reach the next test. */
  initScripts: { dispose(): Promise<void> }[];
}

async function takeSharedBrowser(shared: SharedBrowser): Promise<BrowserContext> {
  if (shared.context) {
    // Bounded (a reset takes 0.5–1 s): reloaded while it still reacts to the reset, the worker sometimes comes back
    // wedged, every extension call failing "No SW" or never answering (Chromium 150; ~1 reset in 20 of a scratch loop
    // that configures, loads a ticket and resets at once). Such a browser is replaced like any other that did not reset.
    const state = await within(
      resetToFreshInstall(shared.context).then(() => installState(shared.context as BrowserContext)),
      10_000,
    ).catch((error: Error) => `reset failed: ${error.message}`);
    if (state === shared.freshState) return shared.context;
    // Never seen so far; a browser that cannot be brought back is replaced rather than trusted.
    console.warn(`The shared browser did not reset to a fresh install; launching a new one.\n${state}`);
    await shared.context.close();
  }
  const context = await launchWithExtension(shared.extensionDir, shared.sandbox, { developerMode: true });
  shared.freshState = await installState(context);
  const addInitScript = context.addInitScript.bind(context);
  context.addInitScript = (async (...args: Parameters<typeof addInitScript>) => {
    const script = await addInitScript(...args);
    shared.initScripts.push(script);
    return script;
  }) as typeof context.addInitScript;
  shared.context = context;
  return context;
}

/** `promise`, or a rejection once `ms` have passed without it settling. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The worker's shared browsers, one per build (what it holds granted), launched when a test first needs it. */
type SharedBrowsers = (granted: Granted) => SharedBrowser;

export const test = base.extend<Fixtures, { sandbox: Sandbox; sharedBrowsers: SharedBrowsers }>({
  sandbox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const sandbox = await startSandbox();
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  sharedBrowsers: [
    async ({ sandbox }, use) => {
      const browsers = new Map<string, SharedBrowser>();
      await use(({ hosts = [], permissions = [] }) => {
        const key = JSON.stringify([hosts, permissions]);
        if (!browsers.has(key)) {
          const granting = hosts.length > 0 || permissions.length > 0;
          const extensionDir = granting
            ? extensionWithGrantedHosts(EXTENSION_DIR, [...hosts], [...permissions])
            : EXTENSION_DIR;
          browsers.set(key, { sandbox, extensionDir, initScripts: [] });
        }
        return browsers.get(key) as SharedBrowser;
      });
      for (const { context } of browsers.values()) await context?.close();
    },
    { scope: 'worker' },
  ],
  // E2E_FRESH_BROWSER=1 gives every test its own, as before the shared one: to tell a leak from a real failure.
  freshBrowser: [!!process.env.E2E_FRESH_BROWSER, { option: true }],
  granted: [{}, { option: true }],
  context: async ({ sandbox, sharedBrowsers, freshBrowser, granted }, use, testInfo) => {
    const sharedBrowser = sharedBrowsers(granted);
    if (freshBrowser) {
      sandbox.immybot.reset();
      const context = await launchWithExtension(sharedBrowser.extensionDir, sandbox, { developerMode: true });
      await use(context);
      return context.close();
    }
    const context = await takeSharedBrowser(sharedBrowser);
    sandbox.immybot.reset();
    await use(context);
    for (const script of sharedBrowser.initScripts.splice(0)) await script.dispose();
    // A failed test may have left anything behind: the next one gets a new browser.
    if (testInfo.status !== testInfo.expectedStatus) {
      sharedBrowser.context = undefined;
      await context.close();
    }
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      return options;
    });
  },
  signInToImmyBot: async ({ context, sandbox }, use) => {
    await use(() => signInToImmyBot(context, sandbox));
  },
  configure: async ({ context }, use) => {
    await use((instance = INSTANCE, integrationId = INTEGRATION_ID, sites?: readonly string[]) =>
      configureThroughStorage(context, instance, integrationId, sites),
    );
  },
});

export { expect };

/** The pane's own extension page, framed into the dock (Playwright's CSS engine pierces the open shadow root). */
export const panePage = (page: Page): FrameLocator => page.frameLocator('immybot-technician-tools iframe.ui');

/** The pane as the technician sees it: its page's content, which fills the dock's box beside HaloPSA. */
export const pane = (page: Page): Locator => panePage(page).locator('#app');

/** The dock's box in HaloPSA's page (the shadow root holds only it and its two frames). */
export const dock = (page: Page): Locator => page.locator('immybot-technician-tools section.dock');

/** The Technician Tools frame element in the dock, beside the pane's own page. */
export const paneFrame = (page: Page): Locator => page.locator('immybot-technician-tools iframe.frame');

/**
 * Waits until the pane's frame shows exactly `url` and its document really loaded, with no other
 * ImmyBot frame in the page.
 */
export async function expectPodLoaded(page: Page, url: string): Promise<void> {
  await expect(paneFrame(page)).toHaveCount(1);
  const origin = new URL(url).origin;
  await expect
    .poll(async () => {
      const frames = page.frames().filter((f) => f.url().startsWith(`${origin}/`) || f.url().includes('.immy.bot/'));
      if (frames.length !== 1 || frames[0].url() !== url)
        return frames.map((f) => f.url()).join(' ') || 'no ImmyBot frame';
      return (await frames[0]
        .locator('#pod-fault-id')
        .textContent()
        .catch(() => null)) === url.split('/').pop()
        ? url
        : 'not loaded yet';
    })
    .toBe(url);
}

/** Opens ticket `faultId` on the sandbox's own HaloPSA tenant and waits until its Technician Tools loaded. */
export async function openTicket(page: Page, faultId: number): Promise<void> {
  await page.goto(`${OWN_SITE}/ticket?id=${faultId}`);
  await expectPodLoaded(page, podUrlFor(faultId));
}

/** The pane's own page as a Playwright frame, once it is there. */
export const panePageFrame = (page: Page) => page.frames().find((frame) => frame.url().endsWith('/pane.html'));

/**
 * The element the keyboard focus is on, looking through the pane's shadow root and into the pane's own page:
 * its accessible label, id or tag name.
 */
export async function focused(page: Page): Promise<string | null> {
  const describe = () => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (el?.localName === 'iframe' && el.classList.contains('ui')) return 'pane page';
    return el?.getAttribute('aria-label') ?? (el?.id || null) ?? el?.localName ?? null;
  };
  const inPage = await page.evaluate(describe);
  if (inPage !== 'pane page') return inPage;
  return (await panePageFrame(page)?.evaluate(describe)) ?? null;
}

/** Number of pane hosts in the page's DOM (must never exceed one). */
export const paneCount = (page: Page) => page.locator('immybot-technician-tools').count();

/** Reloads the unpacked extension the way a developer (or an update) does; see docs/development.md, "Permission prompts and extension reloads". */
export async function reloadExtension(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  const devMode = page.locator('#devMode');
  if (!(await devMode.evaluate((toggle) => (toggle as HTMLInputElement).checked))) await devMode.click();
  const oldWorker = context.serviceWorkers().find((w) => w.url().includes(extensionId));
  const restarted = context.waitForEvent('serviceworker', {
    predicate: (w) => w !== oldWorker && w.url().includes(extensionId),
  });
  await page.locator('extensions-detail-view #dev-reload-button').click();
  await restarted;
  await page.close();
}

export { signInToImmyBot };
