import { chromium, type BrowserContext } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from './sandbox';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/lib/chromium-browser/chromium-browser'];

/** Chromium that honours --load-extension: $CHROMIUM_PATH, Debian's chromium, or Playwright's own. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's bundled Chromium
  throw new Error(
    'No Chromium found. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), or `npx playwright install chromium`, ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome for Testing binary (branded Chrome ignores --load-extension).',
  );
}

export interface LaunchOptions {
  headed?: boolean;
  /** Defaults to a fresh temporary profile. */
  userDataDir?: string;
  viewport?: { width: number; height: number };
  /**
   * Whether the install opens the options page's first-run steps (then closed, so tests start from one blank
   * tab); default: a fresh profile and an extension with an options page. Missing, the launch fails.
   */
  welcomeTab?: boolean;
  /**
   * Developer mode on from the start, which Chromium needs to reload an unpacked extension (off, the reload leaves it
   * disabled as "unsupportedDeveloperExtension"). Written into the profile's preferences: turning it on through
   * chrome://extensions took ~1.5 s a launch.
   */
  developerMode?: boolean;
}

/**
 * Playwright 1.65's own `--disable-features` list. Chromium keeps only the last `--disable-features`, so ours replaces
 * Playwright's (`ignoreDefaultArgs`) and repeats it; `launchWithExtension` fails if Playwright's ever differs.
 */
const PLAYWRIGHT_DISABLED_FEATURES =
  'AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,' +
  'LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,' +
  'TcpPortRandomizationWin,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch,' +
  'msForceBrowserSignIn,msEdgeUpdateLaunchServicesPreferredVersion';
/**
 * Chromium 156 draws the address bar's suggestions in a WebUI page of its own, whose renderer took ~23 % of all the
 * CPU of `pane.spec.ts` (14 of 60 CPU-seconds) without a suggestion ever showing; nothing of the extension's is there.
 */
const OUR_DISABLED_FEATURES = 'WebUIOmniboxPopup,WebUIOmniboxAimPopup';

/** A Chromium profile with the unpacked extension at `extensionDir`, resolving HaloPSA/ImmyBot to the sandbox. */
export async function launchWithExtension(
  extensionDir: string,
  sandbox: Sandbox,
  options: LaunchOptions = {},
): Promise<BrowserContext> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'immybot-profile-'));
  const welcomeTab = options.welcomeTab ?? (!existsSync(join(userDataDir, 'Default')) && hasOptionsPage(extensionDir));
  if (options.developerMode) turnOnDeveloperMode(userDataDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: false,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: [`--disable-features=${PLAYWRIGHT_DISABLED_FEATURES}`],
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES},${OUR_DISABLED_FEATURES}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${sandbox.resolverRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  try {
    checkOneFeatureList(userDataDir);
  } catch (error) {
    await context.close();
    throw error;
  }
  if (welcomeTab) await closeWelcomeTab(context);
  return context;
}

/**
 * Fails when the browser got two `--disable-features`: Playwright's default list changed, so `ignoreDefaultArgs` no
 * longer removed it and ours silently replaced it. Reads the browser process's command line (Linux only).
 */
function checkOneFeatureList(userDataDir: string): void {
  if (!existsSync('/proc/self/cmdline')) return;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (!args.includes(`--user-data-dir=${userDataDir}`) || args.some((arg) => arg.startsWith('--type='))) continue;
    const lists = args.filter((arg) => arg.startsWith('--disable-features='));
    if (lists.length !== 1)
      throw new Error(
        `Chromium got ${lists.length} --disable-features lists (${lists.join(' ')}): Playwright's default changed; ` +
          'copy it into PLAYWRIGHT_DISABLED_FEATURES in tests/sandbox/chromium.ts.',
      );
    return;
  }
  throw new Error(`No Chromium process runs with --user-data-dir=${userDataDir}: cannot check its --disable-features.`);
}

const hasOptionsPage = (extensionDir: string): boolean => {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  return !!(manifest.options_ui ?? manifest.options_page);
};

/** Waits for the first-run steps the install opens (lib/background/welcome.ts) and closes them. */
async function closeWelcomeTab(context: BrowserContext): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const welcome = context.pages().find((page) => page.url().includes('/options.html?welcome'));
    if (welcome) return welcome.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The install did not open the first-run steps (options.html?welcome) within 15 s.');
}

/** The extension's id: the host of its service worker's URL. */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/**
 * A copy of the built extension whose manifest already holds `hostPermissions`: permission prompts
 * cannot be answered by automation, and a later permissions.request() for a held permission resolves
 * true at once, so the real request → register → inject path runs (docs/development.md, "Permission prompts and extension reloads").
 */
export function extensionWithGrantedHosts(
  extensionDir: string,
  hostPermissions: string[],
  permissions: string[] = [],
): string {
  const copy = mkdtempSync(join(tmpdir(), 'immybot-extension-'));
  cpSync(extensionDir, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...hostPermissions];
  manifest.permissions = [...manifest.permissions, ...permissions];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}

/**
 * What a test can see of the browser and the extension's own state: windows and tabs, cookies, both storage areas,
 * registered content scripts, optional permissions held, the badge and side panel defaults. Equal to a fresh
 * install's once `resetToFreshInstall` is done.
 */
export async function installState(context: BrowserContext): Promise<string> {
  const worker = await extensionWorker(context);
  const inWorker = await worker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const manifest = chrome.runtime.getManifest();
    const held = await chrome.permissions.getAll();
    return {
      windows: (await chrome.windows.getAll({ populate: true })).map((w: any) =>
        w.tabs.map((t: any) => t.pendingUrl ?? t.url),
      ),
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      scripts: await chrome.scripting.getRegisteredContentScripts(),
      optionalPermissions: held.permissions.filter((p: string) => !manifest.permissions.includes(p)),
      optionalOrigins: held.origins.filter((o: string) => !manifest.host_permissions.includes(o)),
      badge: [await chrome.action.getBadgeText({}), await chrome.action.getTitle({})],
      sidePanel: await chrome.sidePanel.getOptions({}),
    };
  });
  return JSON.stringify({ ...inWorker, cookies: await context.cookies() });
}

/** The extension's running service worker; after a reload, the new one. */
export async function extensionWorker(context: BrowserContext) {
  // Bounded: a worker a test stopped fails the reset, which then launches a new browser, rather than the next test.
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
}

/**
 * Brings a browser that ran tests back to what a fresh install shows them, in ~1.2 s instead of a new browser's ~5 s:
 * one blank tab in a new window, no cookies, the extension's storage, content scripts, optional permissions and
 * content settings gone, and the extension reloaded (onInstalled 'update', so no first-run tab). The sandbox's
 * servers answer `no-store`, so there is no HTTP cache to clear.
 */
export async function resetToFreshInstall(context: BrowserContext): Promise<void> {
  // A new window the size of the old, made through CDP: the extension API refuses bounds larger than the headless
  // screen (800 × 600), and the tests' windows are 1400 × 900.
  const old = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  const { bounds } = await old.send('Browser.getWindowForTarget');
  const opened = context.waitForEvent('page', { timeout: 10_000 });
  const { left, top, width, height } = bounds;
  await old.send('Target.createTarget', { url: 'about:blank', newWindow: true, left, top, width, height });
  await old.detach();
  const worker = await extensionWorker(context);
  const restarted = context.waitForEvent('serviceworker', {
    predicate: (w) => w !== worker && new URL(w.url()).host === new URL(worker.url()).host,
    timeout: 10_000,
  });
  await worker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    // Every window but the newest (ids only grow) closes, with its tabs, side panel and popups.
    const ids: number[] = (await chrome.windows.getAll()).map((w: any) => w.id);
    const newest = Math.max(...ids);
    await Promise.all(ids.filter((id) => id !== newest).map((id) => chrome.windows.remove(id)));
    const manifest = chrome.runtime.getManifest();
    await chrome.scripting.unregisterContentScripts();
    if (chrome.contentSettings) await chrome.contentSettings.cookies.clear({});
    const held = await chrome.permissions.getAll();
    await chrome.permissions.remove({
      permissions: held.permissions.filter((p: string) => !manifest.permissions.includes(p)),
      origins: held.origins.filter((o: string) => !manifest.host_permissions.includes(o)),
    });
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
    // After this call returns: the reload ends this worker.
    setTimeout(() => chrome.runtime.reload(), 0);
  });
  const [blank] = await Promise.all([opened, restarted, context.clearCookies()]);
  // The old pages' and the old worker's targets close just after the new ones open.
  for (
    const end = Date.now() + 5_000;
    context.serviceWorkers().length > 1 || context.pages().some((p) => p !== blank);
  ) {
    if (Date.now() > end) throw new Error('The old pages or service worker did not go away after the reset.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sets the profile's developer-mode preference (what chrome://extensions' toggle stores) before Chromium starts. */
function turnOnDeveloperMode(userDataDir: string): void {
  const path = join(userDataDir, 'Default', 'Preferences');
  const preferences = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  preferences.extensions ??= {};
  preferences.extensions.ui = { ...preferences.extensions.ui, developer_mode: true };
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(path, JSON.stringify(preferences));
}
