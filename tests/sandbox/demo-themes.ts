// `npm run demo:themes`: the pane on a signed-in ticket in light and dark, in a narrow (laptop) and a wide window.
// Kept apart from demo.ts: its own browser, its own screenshots (demo-screenshots/theme-*.png).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { extensionWithGrantedHosts, launchWithExtension } from './chromium';
import { configureThroughOptions } from './configure';
import { startSandbox, type Sandbox } from './sandbox';
import { signInToImmyBot } from './session';

const WINDOWS = { narrow: { width: 1024, height: 720 }, wide: { width: 1600, height: 900 } } as const;

/** Screenshots of ticket 2152, signed in, for each theme (dark from the system's setting) and window width. */
export async function themeScreenshots(context: BrowserContext, sandbox: Sandbox, dir: string): Promise<string[]> {
  await signInToImmyBot(context, sandbox);
  const page = await context.newPage();
  const files: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [name, size] of Object.entries(WINDOWS)) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(size);
      await page.goto('https://acme.halopsa.com/ticket?id=2152');
      await page.frameLocator('immybot-technician-tools iframe.ui').locator('.summary .person').waitFor();
      await page.frameLocator('immybot-technician-tools iframe.frame').locator('#pod-fault-id').waitFor();
      const file = `${dir}/theme-${colorScheme}-${name}.png`;
      await page.screenshot({ path: file });
      files.push(file);
    }
  }
  await page.close();
  return files;
}

async function main(): Promise<void> {
  const dir = resolve('demo-screenshots');
  mkdirSync(dir, { recursive: true });
  const sandbox = await startSandbox();
  const context = await launchWithExtension(
    extensionWithGrantedHosts(resolve('.output/chrome-mv3'), [], ['contentSettings']),
    sandbox,
  );
  await configureThroughOptions(context, 'acme', 619);
  for (const file of await themeScreenshots(context, sandbox, dir)) console.log(`  ${file}`);
  await context.close();
  await sandbox.close();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('tests/sandbox/demo-themes.ts')) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
