import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { extensionIdOf, launchWithExtension } from '../sandbox/chromium';
import { configureThroughOptions } from '../sandbox/configure';
import { seriousViolations } from './axe';
import { EXTENSION_DIR, expect, test } from './fixtures';

// Runs in the options page, an extension page where `chrome` is the extension API.
declare const chrome: {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};
const storage = (page: Page) => page.evaluate(() => chrome.storage.local.get(null));

const card = (page: Page) => page.getByRole('region', { name: 'Share these settings' });

/** Chooses a file through Import settings… the way a user does: the button opens the file chooser. */
async function importFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await card(page).getByRole('button', { name: 'Import settings…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('settings exported in one browser import into another, after it says what changes', async ({
  openOptions,
  configure,
  sandbox,
}) => {
  await configure('acme', 619, ['acme.halopsa.com', 'acme.haloitsm.com']);
  const options = await openOptions();
  await options.getByRole('radio', { name: 'Both' }).check();
  await expect(options.getByRole('region', { name: 'Where it shows' }).getByRole('status')).toHaveText('Saved.');
  const exported = (await storage(options)).settings;

  const download = options.waitForEvent('download');
  await card(options).getByRole('button', { name: 'Export settings' }).click();
  expect((await download).suggestedFilename()).toBe('technician-tools-settings-acme.json');
  const text = readFileSync((await (await download).path()) as string, 'utf8');
  expect(JSON.parse(text)).toEqual({
    format: 'immybot-technician-tools-settings',
    version: 1,
    immybotInstance: 'https://acme.immy.bot',
    integrationId: 619,
    haloSites: ['https://acme.halopsa.com', 'https://acme.haloitsm.com'],
    show: 'both',
  });
  await expect(card(options).getByRole('status').first()).toHaveText(
    'Exported to technician-tools-settings-acme.json in your downloads.',
  );

  // Another browser, set up differently.
  const other = await launchWithExtension(EXTENSION_DIR, sandbox);
  try {
    await configureThroughOptions(other, 'contoso', 42, ['contoso.halopsa.com']);
    const page = await other.newPage();
    await page.goto(`chrome-extension://${await extensionIdOf(other)}/options.html`);
    const before = await storage(page);

    await importFile(page, 'technician-tools-settings-acme.json', text);
    const plan = page.getByRole('region', { name: 'Importing technician-tools-settings-acme.json changes:' });
    await expect(plan).toBeFocused();
    await expect(plan.getByRole('listitem')).toHaveText([
      'ImmyBot instance: https://contoso.immy.bot → https://acme.immy.bot',
      'Integration ID: 42 → 619',
      'HaloPSA sites: adds https://acme.halopsa.com and https://acme.haloitsm.com, removes https://contoso.halopsa.com',
      'Show Technician Tools: this browser’s default → Both',
    ]);

    expect(await seriousViolations(page), 'the changes to confirm').toEqual([]);

    // Cancel changes nothing; the focus goes back to Import settings….
    await plan.getByRole('button', { name: 'Cancel' }).click();
    await expect(plan).toHaveCount(0);
    await expect(card(page).getByRole('button', { name: 'Import settings…' })).toBeFocused();
    expect(await storage(page)).toEqual(before);

    await importFile(page, 'technician-tools-settings-acme.json', text);
    await plan.getByRole('button', { name: 'Apply these settings' }).click();
    const result = card(page).locator('#transfer-step');
    await expect(result).toBeFocused();
    await expect(result.getByRole('status')).toHaveText(
      'Imported. Now in effect: ImmyBot instance https://acme.immy.bot, Integration ID 619; 2 HaloPSA sites; Show Technician Tools: Both.',
    );
    await expect(result.getByTestId('import-needs-access')).toHaveCount(0);
    expect((await storage(page)).settings).toEqual(exported);
    // The other cards follow at once.
    await expect(page.getByLabel('Added HaloPSA sites').getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('radio', { name: 'Both' })).toBeChecked();

    // The same file again: nothing to change, nothing to apply.
    await importFile(page, 'technician-tools-settings-acme.json', text);
    await expect(
      page.getByRole('heading', { name: 'technician-tools-settings-acme.json changes nothing here.' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Apply these settings' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Close' }).click();

    // A self-hosted site needs the browser's permission, which only a click can ask for: the result says so.
    const withOwnSite = { ...JSON.parse(text), haloSites: ['acme.halopsa.com', 'psa.example.test'] };
    await importFile(page, 'own-site.json', JSON.stringify(withOwnSite));
    await expect(page.getByTestId('import-changes').getByRole('listitem')).toHaveText([
      'HaloPSA sites: adds https://psa.example.test, removes https://acme.haloitsm.com',
    ]);
    await page.getByRole('button', { name: 'Apply these settings' }).click();
    await expect(result.getByTestId('import-needs-access')).toContainText(
      'Still without access, so no Technician Tools there yet: https://psa.example.test.',
    );
    await expect(page.getByLabel('Added HaloPSA sites').getByRole('listitem')).toHaveText([
      /acme\.halopsa\.com\s*Active/,
      /psa\.example\.test\s*Access not granted/,
    ]);
  } finally {
    await other.close();
  }
});

test('a bad file says which field is wrong and changes nothing at all', async ({ openOptions, configure }) => {
  await configure('acme', 619);
  const options = await openOptions();
  const before = JSON.stringify(await storage(options));

  const bad = JSON.stringify({
    format: 'immybot-technician-tools-settings',
    version: 1,
    immybotInstance: 'https://contoso.immy.bot',
    integrationId: 'abc',
    haloSites: ['contoso.halopsa.com'],
    show: 'sidePanel',
  });
  await importFile(options, 'settings.json', bad);
  const alert = card(options).getByRole('alert');
  await expect(alert).toHaveText(
    'Not imported. Integration ID: The Integration ID is a whole number from 1 to 2147483647.',
  );
  await expect(alert).toBeFocused();
  await expect(options.getByRole('button', { name: 'Apply these settings' })).toHaveCount(0);
  expect(await seriousViolations(options), 'the error').toEqual([]);

  for (const [name, text, message] of [
    ['notes.txt', 'not json', 'Not imported. This file is not a settings file: it is not valid JSON.'],
    [
      'future.json',
      '{"format":"immybot-technician-tools-settings","version":2}',
      'Not imported. This settings file is version 2; this extension reads version 1.',
    ],
    ['huge.json', ' '.repeat(70 * 1024), 'Not imported. This file is too big for a settings file (over 64 KB).'],
  ]) {
    await importFile(options, name, text);
    await expect(alert, name).toContainText(message);
    await expect(alert).toBeFocused();
  }
  expect(JSON.stringify(await storage(options))).toBe(before);
});

test('Apply does what the list said, even after the settings changed in another tab meanwhile', async ({
  openOptions,
  configure,
}) => {
  await configure('acme', 619, ['acme.halopsa.com']);
  const options = await openOptions();
  const file = (values: Record<string, unknown>) =>
    JSON.stringify({ format: 'immybot-technician-tools-settings', version: 1, ...values });
  const plan = options.getByRole('region', { name: 'Importing sites.json changes:' });
  const sites = options.getByLabel('Added HaloPSA sites').getByRole('listitem');

  await importFile(options, 'sites.json', file({ haloSites: ['acme.haloitsm.com'] }));
  await expect(plan.getByRole('listitem')).toHaveText([
    'HaloPSA sites: adds https://acme.haloitsm.com, removes https://acme.halopsa.com',
  ]);
  // While the list is open, a site is turned on elsewhere (the toolbar popup sends this same change).
  expect(
    await options.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'changeSettings',
        change: { kind: 'addSite', origin: 'https://beta.halopsa.com' },
      }),
    ),
  ).toEqual({ ok: true });
  await expect(sites).toHaveCount(2);
  await plan.getByRole('button', { name: 'Apply these settings' }).click();
  await expect(card(options).locator('#transfer-step').getByRole('status')).toContainText('Imported.');
  expect((await storage(options)).settings).toMatchObject({
    haloOrigins: ['https://beta.halopsa.com', 'https://acme.haloitsm.com'],
  });
  await expect(sites).toHaveText([/beta\.halopsa\.com/, /acme\.haloitsm\.com/]);

  // A value the list showed changes in a second options tab: Apply stores nothing and shows the new list.
  const connection = options.getByRole('region', { name: 'Importing connection.json changes:' });
  await importFile(options, 'connection.json', file({ immybotInstance: 'contoso', integrationId: 42 }));
  await expect(connection.getByRole('listitem')).toHaveText([
    'ImmyBot instance: https://acme.immy.bot → https://contoso.immy.bot',
    'Integration ID: 619 → 42',
  ]);
  const second = await openOptions();
  await second.getByLabel('ImmyBot instance').fill('fabrikam');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('form', { name: 'ImmyBot' }).getByRole('status')).toContainText('Saved.');
  const before = await storage(options);

  await connection.getByRole('button', { name: 'Apply these settings' }).click();
  await expect(connection.getByTestId('import-replanned')).toHaveText(
    'Your settings changed since this file was read; here is the new list of changes.',
  );
  await expect(connection).toBeFocused();
  await expect(connection.getByRole('listitem')).toHaveText([
    'ImmyBot instance: https://fabrikam.immy.bot → https://contoso.immy.bot',
    'Integration ID: 619 → 42',
  ]);
  expect(await storage(options)).toEqual(before);
  expect(await seriousViolations(options), 'the new list').toEqual([]);

  await connection.getByRole('button', { name: 'Apply these settings' }).click();
  await expect(card(options).locator('#transfer-step').getByRole('status')).toContainText(
    'Imported. Now in effect: ImmyBot instance https://contoso.immy.bot, Integration ID 42; 2 HaloPSA sites;',
  );
});
