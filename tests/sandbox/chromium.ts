import { chromium, type BrowserContext } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
export function launchWithExtension(
  extensionDir: string,
  sandbox: Sandbox,
  options: LaunchOptions = {},
): Promise<BrowserContext> {
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

/**
 * A copy of the built extension whose manifest already holds `hostPermissions`: permission prompts
 * cannot be answered by automation, and a later permissions.request() for a held permission resolves
 * true at once, so the real request → register → inject path runs (TESTING.md).
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
