import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../sandbox/chromium';
import { addSite } from '../sandbox/configure';
import { expect, EXTENSION_DIR, openTicket, test } from './fixtures';

/** The options page the install opened by itself (lib/background/welcome.ts). */
async function welcomePage(context: BrowserContext): Promise<Page> {
  const isWelcome = (page: Page) => page.url().includes('/options.html?welcome');
  const page = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome }));
  await page.waitForLoadState();
  return page;
}

const step = (page: Page, title: string) =>
  page.getByTestId('welcome').getByRole('listitem').filter({ hasText: title });
/** Which of the tabs has the browser's focus, as the extension sees it. */
const activeTabUrl = (page: Page) =>
  page.evaluate(() =>
    (globalThis as any).chrome.tabs.query({ active: true, currentWindow: true }).then((t: any) => t[0]?.url),
  );

test('the install opens three first-run steps; pasting the Technician Tools URL fills both fields; “Try it” brings the newest ticket tab forward', async ({
  sandbox,
}) => {
  const context = await launchWithExtension(EXTENSION_DIR, sandbox, { welcomeTab: false });
  try {
    const welcome = await welcomePage(context);
    await expect(welcome.getByRole('heading', { name: 'Set up in three steps' })).toBeVisible();
    await expect(welcome.getByTestId('welcome').getByRole('listitem')).toHaveCount(3);
    for (const title of ['ImmyBot instance', 'Integration ID', 'HaloPSA site'])
      await expect(step(welcome, title).getByText('Done')).toHaveCount(0);

    // Before the steps, “Try it” says what is missing and opens nothing.
    const tabsBefore = context.pages().length;
    await welcome.getByRole('button', { name: 'Try it on a ticket' }).click();
    await expect(welcome.getByTestId('welcome').getByRole('status')).toHaveText(/Finish the steps above first/);
    expect(context.pages()).toHaveLength(tabsBefore);

    // Step 1 and 2 at once: the URL from ImmyBot's HaloPSA integration page.
    await welcome.getByLabel('ImmyBot instance').fill('https://acme.immy.bot/technician-pod/psa/619/ticket/$FAULTID');
    await expect(welcome.getByLabel('ImmyBot instance')).toHaveValue('https://acme.immy.bot');
    await expect(welcome.getByLabel('Integration ID')).toHaveValue('619');
    await welcome.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(step(welcome, 'ImmyBot instance').getByText('Done')).toBeVisible();
    await expect(step(welcome, 'Integration ID').getByText('Done')).toBeVisible();
    await expect(step(welcome, 'HaloPSA site').getByText('Done')).toHaveCount(0);

    // Step 3; then “Try it” with no ticket open explains where to go.
    await addSite(welcome, 'acme.halopsa.com');
    await expect(step(welcome, 'HaloPSA site').getByText('Done')).toBeVisible();
    await welcome.getByRole('button', { name: 'Try it on a ticket' }).click();
    await expect(welcome.getByTestId('welcome').getByRole('status')).toHaveText(
      'No HaloPSA ticket is open. Open any ticket on acme.halopsa.com: Technician Tools appears beside it.',
    );

    // Two tickets open, the second used last; back on the options page, “Try it” brings that one forward.
    const older = await context.newPage();
    await older.goto('https://acme.halopsa.com/ticket?id=2152');
    const newer = await context.newPage();
    await openTicket(newer, 2820);
    await welcome.bringToFront();
    expect(await activeTabUrl(welcome)).toContain('/options.html?welcome');
    await welcome.getByRole('button', { name: 'Try it on a ticket' }).click();
    await expect.poll(() => activeTabUrl(welcome)).toBe('https://acme.halopsa.com/ticket?id=2820');
  } finally {
    await context.close();
  }
});

test('the first-run steps stay away from the options page opened any other way', async ({ openOptions }) => {
  const options = await openOptions();
  await expect(options.getByRole('heading', { name: 'ImmyBot', exact: true })).toBeVisible();
  await expect(options.getByTestId('welcome')).toHaveCount(0);
});
