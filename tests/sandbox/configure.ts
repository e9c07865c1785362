import type { BrowserContext } from '@playwright/test';
import { extensionIdOf } from './chromium';

/** Saves the ImmyBot instance and integration through the real options page, as an admin would. */
export async function configureThroughOptions(context: BrowserContext, instance: string, integrationId: number | string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
  await options.getByLabel('ImmyBot instance').fill(instance);
  await options.getByLabel('Integration ID').fill(String(integrationId));
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByRole('form', { name: 'ImmyBot' }).getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await options.close();
}
