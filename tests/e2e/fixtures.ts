import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { extensionIdOf, launchWithExtension } from '../sandbox/chromium';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';

/** The Chrome build `npm test` makes before running these tests. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export const INSTANCE = 'https://acme.immy.bot';
export const INTEGRATION_ID = 619;
export const podUrlFor = (faultId: number, instance = INSTANCE, integrationId = INTEGRATION_ID) =>
  `${instance}/technician-pod/psa/${integrationId}/ticket/${faultId}`;

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  /** Opens the options page in a new tab. */
  openOptions: () => Promise<Page>;
  /** Saves an ImmyBot instance and integration through the real options page. */
  configure: (instance?: string, integrationId?: string | number) => Promise<void>;
}

export const test = base.extend<Fixtures, { sandbox: Sandbox }>({
  sandbox: [
    async ({}, use) => {
      const sandbox = await startSandbox();
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ sandbox }, use) => {
    sandbox.immybot.reset();
    const context = await launchWithExtension(EXTENSION_DIR, sandbox);
    await use(context);
    await context.close();
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
  configure: async ({ openOptions }, use) => {
    await use(async (instance = INSTANCE, integrationId = INTEGRATION_ID) => {
      const options = await openOptions();
      await options.getByLabel('ImmyBot instance').fill(instance);
      await options.getByLabel('Integration ID').fill(String(integrationId));
      await options.getByRole('button', { name: 'Save' }).click();
      await expect(options.getByRole('status')).toContainText('Saved');
      await options.close();
    });
  },
});

export { expect };

/** The pane inside its shadow root (Playwright's CSS engine pierces open shadow roots). */
export const pane = (page: Page): Locator => page.locator('immybot-technician-tools section.pane');

/** The Technician Tools frame element inside the pane. */
export const paneFrame = (page: Page): Locator => pane(page).locator('iframe.frame');

/** Waits until the page has a frame at exactly `url` whose document really loaded. */
export async function expectPodLoaded(page: Page, url: string): Promise<void> {
  await expect(paneFrame(page)).toHaveAttribute('src', url);
  await expect
    .poll(async () => {
      const frame = page.frames().find((f) => f.url() === url);
      return frame ? await frame.locator('#pod-fault-id').textContent().catch(() => null) : null;
    })
    .toBe(url.split('/').pop());
}

/** Number of pane hosts in the page's DOM (must never exceed one). */
export const paneCount = (page: Page) => page.locator('immybot-technician-tools').count();
