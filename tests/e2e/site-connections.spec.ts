import type { Page } from '@playwright/test';
import { SANDBOX_INTEGRATION_ID } from '../sandbox/immybot/server';
import { OWN_SITE } from '../sandbox/configure';
import { expect, expectPodLoaded, INSTANCE, pane, podUrlFor, test } from './fixtures';

/**
 * Issue 19 §3: a sandbox HaloPSA tenant beside production, each with its own integration in ImmyBot. Production
 * stays on the default connection (integration 619); the sandbox has its own (620). Ticket 2152 is another ticket
 * on each, so each must load its own Technician Tools page and show its own answer.
 */
// Runs in the options page, an extension page where `chrome` is the extension API.
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, any>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const SANDBOX_SITE = 'https://sandbox.halopsa.com';
const summary = (page: Page) => pane(page).getByTestId('ticket-summary');
const row = (options: Page, origin: string) => options.locator(`li[data-origin="${origin}"]`);

test('a sandbox site with its own integration loads …/psa/620/ticket/N while production loads …/psa/619/ticket/N, each header with its own answer', async ({
  context,
  sandbox,
  configure,
  openOptions,
  signInToImmyBot,
}) => {
  await configure('acme', 619, [OWN_SITE, SANDBOX_SITE]);
  const options = await openOptions();
  // The same message the row's Save sends (the row itself is the next test's).
  expect(
    await options.evaluate(
      ([origin, integrationId]) =>
        chrome.runtime.sendMessage({
          type: 'changeSettings',
          change: {
            kind: 'setSiteConnection',
            origin,
            connection: { instanceOrigin: 'https://acme.immy.bot', integrationId },
          },
        }),
      [SANDBOX_SITE, SANDBOX_INTEGRATION_ID] as const,
    ),
  ).toEqual({ ok: true });
  await expect(row(options, SANDBOX_SITE).getByTestId('site-connection')).toHaveText(
    'acme.immy.bot · integration 620 (its own)',
  );
  await expect(row(options, OWN_SITE).getByTestId('site-connection')).toHaveText(
    'acme.immy.bot · integration 619 (default)',
  );
  await options.close();
  await signInToImmyBot();

  const page = await context.newPage();
  await page.goto(`${SANDBOX_SITE}/ticket?id=2152`);
  await expectPodLoaded(page, podUrlFor(2152, INSTANCE, 620));
  await expect(summary(page)).toHaveText('Sandy Beach · Sandbox Testing Co · 1 of 2 online');

  await page.goto(`${OWN_SITE}/ticket?id=2152`);
  await expectPodLoaded(page, podUrlFor(2152, INSTANCE, 619));
  await expect(summary(page)).toHaveText('Ben Castle · Acorn Construction · 1 of 2 online');

  // What ImmyBot was asked, in order: each site its own integration's ticket, nothing of the other's.
  expect(sandbox.immybot.ticketLookups(2152).map((r) => r.path)).toEqual([
    '/api/v1/provider-links/620/tickets/2152',
    '/api/v1/provider-links/619/tickets/2152',
  ]);
  expect(sandbox.immybot.podRequests()).toEqual([podUrlFor(2152, INSTANCE, 620), podUrlFor(2152, INSTANCE, 619)]);

  // Back on the sandbox: its own answer again (from the cache, keyed on its connection), not production's.
  await page.goto(`${SANDBOX_SITE}/ticket?id=2152`);
  await expectPodLoaded(page, podUrlFor(2152, INSTANCE, 620));
  await expect(summary(page)).toHaveText('Sandy Beach · Sandbox Testing Co · 1 of 2 online');
  expect(sandbox.immybot.ticketLookups(2152)).toHaveLength(2);
});

test('the options row: give a site its own connection, see it in the row, keep it after a reload, and take the site back to the default', async ({
  configure,
  openOptions,
}) => {
  await configure('acme', 619, [OWN_SITE, SANDBOX_SITE]);
  const options = await openOptions();
  const sandboxRow = row(options, SANDBOX_SITE);
  const shown = sandboxRow.getByTestId('site-connection');
  await expect(shown).toHaveText('acme.immy.bot · integration 619 (default)');

  await sandboxRow.getByRole('button', { name: 'Change the ImmyBot connection of sandbox.halopsa.com' }).click();
  const editor = sandboxRow.getByRole('group', { name: 'ImmyBot connection of sandbox.halopsa.com' });
  // It starts from the connection in use; bad input is said beside the field and saves nothing.
  await expect(editor.getByLabel('ImmyBot instance')).toHaveValue(INSTANCE);
  await editor.getByLabel('Integration ID').fill('6 20');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText('The Integration ID is a whole number from 1 to 2147483647.')).toBeVisible();
  await expect(editor.getByLabel('Integration ID')).toBeFocused();
  await expect(shown).toHaveText('acme.immy.bot · integration 619 (default)');

  // Pasting ImmyBot's Technician Tools URL fills both fields, as in the main form; the preview follows.
  await editor.getByLabel('ImmyBot instance').fill('https://acme.immy.bot/technician-pod/psa/620/ticket/1');
  await expect(editor.getByLabel('Integration ID')).toHaveValue('620');
  await expect(editor.getByTestId('site-1-preview')).toHaveText(podUrlFor(2152, INSTANCE, 620));
  // Test connection asks ImmyBot about this integration (signed out here: it says so).
  await editor.getByRole('button', { name: 'Test connection' }).click();
  await expect(editor.getByTestId('connection-result')).toContainText('You are not signed in to ImmyBot.');
  // Enter in a field saves this site's connection (it does not add a site).
  await editor.getByLabel('Integration ID').press('Enter');
  await expect(sandboxRow.getByRole('status')).toHaveText(
    'Saved: sandbox.halopsa.com uses acme.immy.bot · integration 620.',
  );
  await expect(shown).toHaveText('acme.immy.bot · integration 620 (its own)');
  await expect(editor).toHaveCount(0);
  await expect(sandboxRow.getByRole('button', { name: /Change the ImmyBot connection/ })).toBeFocused();
  await expect(row(options, OWN_SITE).getByTestId('site-connection')).toHaveText(
    'acme.immy.bot · integration 619 (default)',
  );

  await options.reload();
  await expect(shown).toHaveText('acme.immy.bot · integration 620 (its own)');
  expect((await options.evaluate(() => chrome.storage.local.get('settings'))).settings.siteConnections).toEqual({
    [SANDBOX_SITE]: { instanceOrigin: INSTANCE, integrationId: 620 },
  });

  // Back to the default, with the keyboard.
  await sandboxRow.getByRole('button', { name: /Change the ImmyBot connection/ }).press('Enter');
  await editor.getByRole('button', { name: 'Use the default' }).click();
  await expect(sandboxRow.getByRole('status')).toHaveText('sandbox.halopsa.com uses the default connection again.');
  await expect(shown).toHaveText('acme.immy.bot · integration 619 (default)');

  // A site's connection goes with the site.
  await sandboxRow.getByRole('button', { name: /Change the ImmyBot connection/ }).click();
  await editor.getByLabel('Integration ID').fill('620');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(shown).toHaveText('acme.immy.bot · integration 620 (its own)');
  await sandboxRow.getByRole('button', { name: `Remove ${SANDBOX_SITE}` }).click();
  await expect(sandboxRow).toHaveCount(0);
  expect((await options.evaluate(() => chrome.storage.local.get('settings'))).settings.siteConnections).toEqual({});
});
