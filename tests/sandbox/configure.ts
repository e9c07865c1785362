import type { BrowserContext, Page } from '@playwright/test';
import { parseHaloAddress } from '../../lib/halo/address';
import { parseId } from '../../lib/ids';
import { parseInstance } from '../../lib/immybot/instance';
import { applySettingsChange, checkSettings, type SettingsChange } from '../../lib/settings/changes';
import { SETTINGS_VERSION } from '../../lib/settings/migrations';
import { readSettings } from '../../lib/settings/read';
import { SETTINGS_KEY } from '../../lib/storage';
import { extensionIdOf, extensionWorker } from './chromium';

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

/**
 * Stores what `configureThroughOptions` saves, through the same parsers and the writer's own change rules, straight
 * into the extension's storage: ~0.1 s instead of the options page's ~1.5 s. The background reacts to the write as
 * to the page's (lib/background/reconcile.ts). Tests of the options page itself drive the page.
 */
export async function configureThroughStorage(
  context: BrowserContext,
  instance: string,
  integrationId: number | string,
  sites: readonly string[] = [OWN_SITE],
): Promise<void> {
  const parsed = parseInstance(instance);
  const id = parseId(String(integrationId));
  if (!parsed.ok || id === null)
    throw new Error(`Not a connection the options page would save: ${instance}, ${integrationId}`);
  const changes: SettingsChange[] = [
    { kind: 'saveConnection', connection: { instanceOrigin: parsed.instanceOrigin, integrationId: id } },
    ...sites.map((site): SettingsChange => {
      const address = parseHaloAddress(site);
      if (!address.ok) throw new Error(`Not a site the options page would add: ${site} (${address.error})`);
      return { kind: 'addSite', origin: address.origin };
    }),
  ];
  const worker = await extensionWorker(context);
  // Changes apply to what is stored, as the writer's do: sites listed before stay listed.
  const current = await worker.evaluate((key) => (globalThis as any).chrome.storage.local.get(key), SETTINGS_KEY);
  const settings = checkSettings(changes.reduce(applySettingsChange, readSettings(current[SETTINGS_KEY]).settings));
  const stored = { [SETTINGS_KEY]: settings, [`${SETTINGS_KEY}$`]: { v: SETTINGS_VERSION } };
  await worker.evaluate((items) => (globalThis as any).chrome.storage.local.set(items), stored);
}
