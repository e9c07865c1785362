import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
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
}

/** A Chromium profile with the unpacked extension at `extensionDir`, resolving HaloPSA/ImmyBot to the sandbox. */
export function launchWithExtension(extensionDir: string, sandbox: Sandbox, options: LaunchOptions = {}): Promise<BrowserContext> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'immybot-profile-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: false,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    ignoreHTTPSErrors: true,
    args: [
      ...(options.headed ? [] : ['--headless=new']),
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
}

/** The extension's id: the host of its service worker's URL. */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
