import { attachExtensionTarget } from '../sandbox/extension-target';
import { axeExpression, seriousViolations } from './axe';
import { expect, expectPodLoaded, openTicket, pane, panePageFrame, podUrlFor, test } from './fixtures';
import { openToolbarPopup } from './popup';

// axe-core in every view a technician or admin meets: 0 critical and 0 serious violations, light and dark.
const PANE_HOST = 'immybot-technician-tools';
const THEMES = [
  { name: 'light', site: 'https://acme.halopsa.com' },
  { name: 'dark', site: 'https://dark.halopsa.com' },
] as const;

for (const { name, site } of THEMES) {
  test(`options page, ${name}: empty, first-run steps, with errors, configured`, async ({ openOptions, configure }) => {
    const options = await openOptions();
    await options.emulateMedia({ colorScheme: name });
    await expect(options.getByLabel('ImmyBot instance')).toBeVisible();
    await expect(options.getByLabel('Integration ID')).toHaveAttribute('placeholder', 'e.g. 619');
    // A disabled Test connection says why.
    await expect(options.getByRole('button', { name: 'Test connection' })).toHaveAccessibleDescription(
      'Fill in your ImmyBot instance and Integration ID above to test them.',
    );
    expect.soft(await seriousViolations(options), 'empty').toEqual([]);

    // The first-run steps the install opens, on top of the same page.
    await options.goto(`${options.url()}?welcome`);
    await expect(options.getByTestId('welcome')).toBeVisible();
    expect.soft(await seriousViolations(options), 'first-run steps').toEqual([]);

    // Save moves the focus to the first field to fix.
    await options.getByLabel('Integration ID').fill('x');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByLabel('ImmyBot instance')).toBeFocused();
    await options.getByLabel('ImmyBot instance').fill('acme');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByLabel('Integration ID')).toBeFocused();
    await options.getByLabel('ImmyBot instance').fill('');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByLabel('HaloPSA site', { exact: true }).fill('not a site');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect(options.locator('.error')).toHaveCount(3);
    await expect(options.getByLabel('HaloPSA site', { exact: true })).toBeFocused();
    // The HaloPSA check is announced as it changes.
    await expect(options.getByTestId('halo-check')).toHaveAttribute('aria-live', 'polite');
    expect.soft(await seriousViolations(options), 'with errors').toEqual([]);

    await configure();
    await options.reload();
    await expect(options.getByLabel('ImmyBot instance')).toHaveValue('https://acme.immy.bot');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByTestId('connection-result')).not.toBeEmpty();
    expect.soft(await seriousViolations(options), 'configured').toEqual([]);

    // A site's own connection, being edited: the row's fields, preview, test and an error.
    await options.getByRole('button', { name: 'Change the ImmyBot connection of acme.halopsa.com' }).click();
    const editor = options.getByRole('group', { name: 'ImmyBot connection of acme.halopsa.com' });
    await editor.getByLabel('ImmyBot instance').fill('acme.example.com');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor.getByLabel('ImmyBot instance')).toBeFocused();
    expect.soft(await seriousViolations(options), 'a site’s connection, with an error').toEqual([]);
  });

  test(`the pane, ${name}: setup prompt, signed out, signed in, collapsed, error`, async ({
    page,
    configure,
    signInToImmyBot,
    sandbox,
  }) => {
    await page.emulateMedia({ colorScheme: name });
    // The pane's host in HaloPSA's page (skip link, frame titles), and the pane's own page with every control.
    const check = async (state: string) => {
      expect.soft(await seriousViolations(page, PANE_HOST), `${state}, in the page`).toEqual([]);
      const frame = panePageFrame(page);
      expect(frame, state).toBeTruthy();
      if (frame) expect.soft(await seriousViolations(frame), `${state}, the pane's page`).toEqual([]);
    };
    await page.goto(`${site}/ticket?id=2152`);
    await expect(pane(page).getByRole('complementary', { name: 'ImmyBot Technician Tools setup' })).toBeVisible();
    await check('setup prompt');

    await configure(undefined, undefined, [site]);
    await page.reload();
    await expectPodLoaded(page, podUrlFor(2152));
    await expect(pane(page).getByRole('button', { name: 'Sign in to ImmyBot' })).toBeVisible();
    await check('signed out');

    await signInToImmyBot();
    await page.reload();
    await expect(pane(page).locator('.summary .person')).toBeVisible();
    await pane(page).locator('.line-toggle').click();
    await expect(pane(page).locator('.more .computers')).toBeVisible();
    await check('signed in');

    await pane(page).getByRole('button', { name: 'Collapse Technician Tools' }).click();
    await expect(pane(page).locator('.handle')).toBeVisible();
    await check('collapsed');
    await pane(page).locator('.handle').click();

    sandbox.immybot.answerTicket(3001, { status: 403 });
    await page.goto(`${site}/ticket?id=3001`);
    await expect(pane(page).locator('.summary.problem')).toBeVisible();
    await check('error');
  });
}

test('toolbar popup, sign-in page and side panel, light and dark', async ({
  context,
  page,
  configure,
  signInToImmyBot,
  extensionId,
}) => {
  await configure();
  const signIn = await context.newPage();
  await signIn.goto(`chrome-extension://${extensionId}/signin.html`);
  await expect(signIn.getByRole('button', { name: /sign in/i }).first()).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await signIn.emulateMedia({ colorScheme });
    expect.soft(await seriousViolations(signIn), `sign-in page, ${colorScheme}`).toEqual([]);
  }
  await signIn.close();

  await signInToImmyBot();
  await openTicket(page, 2152);
  const popup = await openToolbarPopup(context, page);
  await expect.poll(() => popup.evaluate('document.querySelector("h1")?.textContent')).toBeTruthy();
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-color-scheme', value: colorScheme }],
    });
    expect.soft(await popup.evaluate(axeExpression()), `popup, ${colorScheme}`).toEqual([]);
  }

  await page.bringToFront();
  await pane(page).locator('header').getByRole('button', { name: 'Open in side panel', exact: true }).click();
  const panel = await attachExtensionTarget(context, page, 'sidepanel.html');
  await expect.poll(() => panel.evaluate('document.querySelector(".summary .person")?.textContent')).toBeTruthy();
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-color-scheme', value: colorScheme }],
    });
    expect.soft(await panel.evaluate(axeExpression()), `side panel, ${colorScheme}`).toEqual([]);
  }
});
