import type { BrowserContext, Page } from '@playwright/test';
import { extensionIdOf } from './chromium';

/** The hosted tenant most tests and the demo use as "our" HaloPSA. */
export const OWN_SITE = 'https://acme.halopsa.com';

/**
 * Saves the ImmyBot instance and integration through the real options page, as an admin would, and
 * lists the HaloPSA sites Technician Tools may work on (by default the sandbox's own tenant).
 */
export async function configureThroughOptions(
  context: BrowserContext,
  instance: string,
  integrationId: number | string,
  sites: readonly string[] = [OWN_SITE],
): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
  await options.getByLabel('ImmyBot instance').fill(instance);
  await options.getByLabel('Integration ID').fill(String(integrationId));
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByRole('form', { name: 'ImmyBot' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  for (const site of sites) await addSite(options, site);
  await options.close();
}

/** Adds one HaloPSA site on an open options page and waits until it is listed. */
export async function addSite(options: Page, address: string): Promise<void> {
  const form = options.getByRole('form', { name: 'HaloPSA sites' });
  await form.getByLabel('HaloPSA site', { exact: true }).fill(address);
  await form.getByRole('button', { name: /^Add/ }).click();
  const origin = new URL(/^[a-z]+:\/\//i.test(address) ? address : `https://${address}`).origin;
  await form
    .getByRole('status')
    .filter({ hasText: `Added ${origin}` })
    .waitFor();
}
