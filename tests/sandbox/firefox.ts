import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startConnectProxy } from './connect-proxy';
import { Marionette } from './marionette';
import { HALO_HOSTS, type Sandbox } from './sandbox';

const CANDIDATES = ['/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'];

/** Debian's firefox-esr (Playwright's own Firefox cannot be downloaded here), or $FIREFOX_PATH. */
export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error('No Firefox found: `sudo apt-get install firefox-esr`, or set FIREFOX_PATH.');
  return found;
}

export interface FirefoxSession {
  /** The current BiDi connection; replaced after each `marionette()` call. */
  browser: Browser;
  /** Runs `work` in a Marionette session: BiDi is disconnected meanwhile (one WebDriver session at a time). */
  marionette<T>(work: (m: Marionette) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Firefox with the unpacked build at `extensionDir` installed as a temporary add-on, its sandbox hostnames
 * routed through a local CONNECT proxy, and Firefox's real cookie protection (puppeteer's profile relaxes it).
 */
export async function launchFirefox(
  extensionDir: string,
  geckoId: string,
  uuid: string,
  sandbox: Sandbox,
): Promise<FirefoxSession> {
  const proxy = await startConnectProxy([
    ...HALO_HOSTS.map((host) => [host, sandbox.haloPort] as [string, number]),
    ['*.immy.bot', sandbox.immybotPort],
  ]);
  const pac = `function FindProxyForURL(url, host) { return 'PROXY 127.0.0.1:${proxy.port}'; }`;
  const profile = mkdtempSync(join(tmpdir(), 'immybot-firefox-'));
  const launched = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: profile,
    // Marionette reaches extension pages and the browser chrome, which BiDi cannot.
    args: ['--marionette', '--remote-allow-system-access'],
    extraPrefsFirefox: {
      'marionette.port': 0,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(pac)}`,
      'network.proxy.allow_hijacking_localhost': false,
      'network.cookie.cookieBehavior': 5,
      'browser.contentblocking.category': 'standard',
      'browser.contentblocking.features.standard': '-tp,tpPrivate,cookieBehavior5,cookieBehaviorPBM5,-cryptoTP,-fp',
    },
  });
  const process_ = launched.process();
  const wsEndpoint = launched.wsEndpoint();
  try {
    await launched.installExtension(extensionDir);
  } catch (error) {
    await launched.close();
    await proxy.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
  const session: FirefoxSession = {
    browser: launched,
    async marionette(work) {
      await session.browser.disconnect();
      const client = await Marionette.connect(await marionettePort(profile));
      try {
        await client.send('WebDriver:NewSession', { acceptInsecureCerts: true });
        try {
          return await work(client);
        } finally {
          await client.send('WebDriver:DeleteSession');
        }
      } finally {
        client.close();
        session.browser = await puppeteer.connect({
          browserWSEndpoint: wsEndpoint,
          protocol: 'webDriverBiDi',
          acceptInsecureCerts: true,
        });
      }
    },
    async close() {
      // A reconnected browser's close() does not wait for the process: wait for its exit before removing the profile.
      const exited = new Promise((resolve) => {
        if (!process_ || process_.exitCode !== null || process_.signalCode !== null) resolve(undefined);
        else process_.once('exit', resolve);
      });
      await session.browser.close().catch(() => process_?.kill('SIGKILL'));
      const timer = setTimeout(() => process_?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      await proxy.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  await session.marionette(closeWelcomeTab);
  return session;
}

/**
 * The install opens the options page's first-run steps (lib/background/welcome.ts); closed so tests start
 * from one blank tab. BiDi sees extension tabs only as about:blank, so Marionette finds it by its URL.
 */
async function closeWelcomeTab(m: Marionette): Promise<void> {
  await m.send('Marionette:SetContext', { value: 'content' });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const handles = await m.send<string[]>('WebDriver:GetWindowHandles');
    for (const handle of handles) {
      await m.send('WebDriver:SwitchToWindow', { handle });
      if ((await m.send<string>('WebDriver:GetCurrentURL')).includes('/options.html?welcome')) {
        await m.send('WebDriver:CloseWindow');
        await m.send('WebDriver:SwitchToWindow', { handle: handles.find((h) => h !== handle) });
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The install did not open the first-run steps (options.html?welcome) within 15 s.');
}

/** Marionette listens on a free port (pref `marionette.port: 0`) and writes it into the profile. */
async function marionettePort(profile: string): Promise<number> {
  const file = join(profile, 'MarionetteActivePort');
  for (let tries = 0; tries < 100; tries++) {
    if (existsSync(file)) return Number(readFileSync(file, 'utf8').trim());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Marionette wrote no ${file}.`);
}
