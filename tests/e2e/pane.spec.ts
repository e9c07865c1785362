import type { Page } from '@playwright/test';
import { hasExtensionTarget } from '../sandbox/extension-target';
import { expect, expectPodLoaded, openTicket, pane, paneFrame, podUrlFor, test } from './fixtures';

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;
const paneBox = async (page: Page) => (await pane(page).boundingBox())!;

test('the pane pushes HaloPSA aside, resizes by drag, collapses to a handle, and remembers both', async ({
  page,
  configure,
}) => {
  await configure();
  await openTicket(page, 2152);

  // Pushed, not covering: HaloPSA's right-most control ends left of the pane.
  let docked = await paneBox(page);
  expect(docked.width).toBe(440);
  expect(docked.x + docked.width).toBe(1400);
  const actions = await box(page, '#ticket-actions');
  expect(actions.x + actions.width).toBeLessThanOrEqual(docked.x);
  const nav = await box(page, '#halo-nav');
  expect(nav.x + nav.width).toBeLessThanOrEqual(docked.x + 1);

  // Drag the left edge 160px to the left.
  const grip = pane(page).getByRole('separator', { name: 'Resize Technician Tools' });
  const g = (await grip.boundingBox())!;
  await page.mouse.move(g.x + g.width / 2, g.y + 200);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2 - 80, g.y + 200, { steps: 4 });
  await page.mouse.move(g.x + g.width / 2 - 160, g.y + 200, { steps: 4 });
  await page.mouse.up();
  docked = await paneBox(page);
  expect(docked.width).toBeGreaterThanOrEqual(595);
  expect(docked.width).toBeLessThanOrEqual(605);
  expect((await box(page, '#ticket-actions')).x + (await box(page, '#ticket-actions')).width).toBeLessThanOrEqual(
    docked.x,
  );

  // The width survives a reload and another ticket.
  await openTicket(page, 3001);
  expect((await paneBox(page)).width).toBe(docked.width);

  // Collapse: a slim handle, HaloPSA gets the room back, the state survives a reload.
  await pane(page).getByRole('button', { name: 'Collapse Technician Tools' }).click();
  const handle = pane(page).getByRole('button', { name: 'Expand Technician Tools' });
  await expect(handle).toBeVisible();
  await expect(paneFrame(page)).toBeHidden();
  expect((await paneBox(page)).width).toBe(36);
  expect((await box(page, '#ticket-actions')).x).toBeGreaterThan(1400 - 36 - 200);
  await page.reload();
  await expect(pane(page).getByRole('button', { name: 'Expand Technician Tools' })).toBeVisible();
  expect((await paneBox(page)).width).toBe(36);

  await pane(page).getByRole('button', { name: 'Expand Technician Tools' }).click();
  await expectPodLoaded(page, podUrlFor(3001));
  expect((await paneBox(page)).width).toBe(docked.width);
});

test('the grip also resizes from the keyboard', async ({ page, configure }) => {
  await configure();
  await page.goto('https://acme.halopsa.com/ticket?id=2152');
  const grip = pane(page).getByRole('separator', { name: 'Resize Technician Tools' });
  await grip.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(grip).toHaveAttribute('aria-valuenow', '488');
  // The dock follows the pane's page by a message: under load it can lag the grip's value by a frame.
  await expect.poll(async () => (await paneBox(page)).width).toBe(488);
});

test('header actions: reload the frame, open it in a new tab, open settings', async ({
  page,
  context,
  configure,
  sandbox,
  extensionId,
}) => {
  await configure();
  await openTicket(page, 2152);
  const url = podUrlFor(2152);
  const before = sandbox.immybot.podRequests().filter((u) => u === url).length;

  await pane(page).getByRole('button', { name: 'Reload Technician Tools' }).click();
  await expect.poll(() => sandbox.immybot.podRequests().filter((u) => u === url).length).toBe(before + 1);
  await expectPodLoaded(page, url);

  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    pane(page).getByRole('button', { name: 'Open in new tab' }).click(),
  ]);
  await expect(tab).toHaveURL(url);
  await expect(tab.locator('#pod-fault-id')).toHaveText('2152');
  await tab.close();

  const [options] = await Promise.all([
    context.waitForEvent('page'),
    pane(page).getByRole('button', { name: 'Open settings' }).click(),
  ]);
  // The ticket's site goes through the background, never the address.
  await expect(options).toHaveURL(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByLabel('ImmyBot instance')).toHaveValue('https://acme.immy.bot');
});

test('before setup, a ticket shows a compact prompt docked beside HaloPSA; one save in the options page it opens turns that site on', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  await page.goto('https://acme.halopsa.com/ticket?id=2152');
  const prompt = pane(page).getByRole('complementary', { name: 'ImmyBot Technician Tools setup' });
  await expect(prompt).toBeVisible();
  const promptBox = (await prompt.boundingBox())!;
  expect(promptBox.width).toBe(280);
  expect(promptBox.x + promptBox.width).toBe(1400);
  // It makes room like the pane instead of covering HaloPSA's corner.
  const actions = await box(page, '#ticket-actions');
  expect(actions.x + actions.width).toBeLessThanOrEqual(promptBox.x);
  await expect(paneFrame(page)).toHaveCount(0);
  expect(sandbox.immybot.podRequests()).toEqual([]);

  const [options] = await Promise.all([
    context.waitForEvent('page'),
    prompt.getByRole('button', { name: 'Set up Technician Tools' }).click(),
  ]);
  // The ticket's site goes through the background, never the address.
  await expect(options).toHaveURL(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('save-adds-site')).toContainText(
    'Saving also turns Technician Tools on for acme.halopsa.com,',
  );

  // Saving there lists the ticket's site and turns the prompt into the pane in the open ticket, without a reload.
  const loadId = await page.evaluate(() => (window as any).haloLoadId);
  await options.getByLabel('ImmyBot instance').fill('acme');
  await options.getByLabel('Integration ID').fill('619');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('form', { name: 'ImmyBot' }).getByRole('status')).toContainText(
    'It is now on for acme.halopsa.com.',
  );
  await expect(options.locator('li[data-origin="https://acme.halopsa.com"]')).toContainText('Active');
  await expectPodLoaded(page, podUrlFor(2152));
  await expect(prompt).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).haloLoadId)).toBe(loadId);
});

test('HaloPSA CSS cannot break the pane, and the pane does not restyle HaloPSA', async ({ page, configure }) => {
  await configure(undefined, undefined, ['https://hostile.halopsa.com']);
  await page.goto('https://hostile.halopsa.com/tickets?id=2152');
  await expectPodLoaded(page, podUrlFor(2152));
  // The hostile theme really is in force on HaloPSA's own elements.
  expect(await page.locator('#page-title').evaluate((el) => getComputedStyle(el).fontSize)).toBe('31px');
  const docked = await paneBox(page);
  expect(docked.width).toBe(440);
  expect(docked.height).toBe(900);
  await expect(paneFrame(page)).toBeVisible();
  const title = pane(page).getByTestId('pane-ticket');
  expect(await title.evaluate((el) => getComputedStyle(el).fontSize)).toBe('13px');
  expect(await title.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)');
  const header = (await pane(page).locator('header').boundingBox())!;
  expect(header.height).toBe(40);
});

test('styles do not leak: HaloPSA elements keep every computed style but the page margin', async ({
  page,
  configure,
}) => {
  const snapshot = () =>
    page.evaluate(() =>
      ['#halo-nav', '#page-title', '#ticket-actions', '.breadcrumbs', 'body'].map((selector) => {
        const style = getComputedStyle(document.querySelector(selector)!);
        return [
          selector,
          style.font,
          style.color,
          style.backgroundColor,
          style.padding,
          style.border,
          style.display,
        ].join('|');
      }),
    );
  await page.goto('https://acme.halopsa.com/ticket?id=2152');
  await expect(pane(page).getByRole('complementary', { name: 'ImmyBot Technician Tools setup' })).toBeVisible();
  await page.evaluate(() => document.querySelector('immybot-technician-tools')?.remove());
  const without = await snapshot();
  await configure();
  await page.reload();
  await expectPodLoaded(page, podUrlFor(2152));
  expect(await snapshot()).toEqual(without);
});

test('a strict Content-Security-Policy (frame-src self) does not stop the pane', async ({ page, configure }) => {
  await configure(undefined, undefined, ['https://strict.halopsa.com']);
  const cspErrors: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspErrors.push(m.text()));
  const response = await page.goto('https://strict.halopsa.com/ticket?id=2152');
  expect(response?.headers()['content-security-policy']).toContain("frame-src 'self'");
  await expectPodLoaded(page, podUrlFor(2152));
  expect(cspErrors).toEqual([]);
});

test('dark HaloPSA gets the dark pane', async ({ page, configure }) => {
  await configure(undefined, undefined, ['https://dark.halopsa.com']);
  await page.goto('https://dark.halopsa.com/ticket?id=2152');
  await expectPodLoaded(page, podUrlFor(2152));
  const background = await pane(page).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(29, 34, 40)');
});

test('the pane fits the window: HaloPSA keeps 55 % and 480 px, no room collapses it to a handle that opens the side panel, room brings the chosen width back', async ({
  page,
  context,
  configure,
}) => {
  await configure();
  await openTicket(page, 2152);
  const grip = pane(page).getByRole('separator', { name: 'Resize Technician Tools' });
  await grip.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await expect(grip).toHaveAttribute('aria-valuenow', '584');
  const haloRight = async () => {
    const actions = await box(page, '#ticket-actions');
    return actions.x + actions.width;
  };

  // A laptop window: the pane gives way (45 % of 1024), HaloPSA keeps 564 px and is not covered.
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect.poll(async () => (await paneBox(page)).width).toBe(460);
  expect(await haloRight()).toBeLessThanOrEqual((await paneBox(page)).x);

  // 200 % zoom in a 1400 px window leaves 700 CSS px: no room for the pane, so it shows as a handle that says so.
  await page.setViewportSize({ width: 700, height: 800 });
  await expect(
    pane(page).getByRole('button', { name: 'Technician Tools needs a wider window: open it in the side panel' }),
  ).toBeVisible();
  expect((await paneBox(page)).width).toBe(36);
  await expect(paneFrame(page)).toBeHidden();
  expect(await haloRight()).toBeLessThanOrEqual(700 - 36);
  // Its one action in a window this narrow: the side panel, which takes no width from HaloPSA.
  expect(await hasExtensionTarget(context, page, 'sidepanel.html')).toBe(false);
  await pane(page)
    .getByRole('button', { name: 'Technician Tools needs a wider window: open it in the side panel' })
    .click();
  await expect.poll(() => hasExtensionTarget(context, page, 'sidepanel.html')).toBe(true);

  // Room again: the width the technician chose comes back, and the frame with it.
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect.poll(async () => (await paneBox(page)).width).toBe(584);
  await expect(paneFrame(page)).toBeVisible();
});

test('a laptop window starts the pane narrower (360 px at 1280 px and below, 440 above) until the technician resizes it', async ({
  page,
  configure,
}) => {
  await configure();
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTicket(page, 2152);
  const width = async () => Math.round((await pane(page).boundingBox())!.width);
  await expect.poll(width).toBe(360);
  // Collapsing and expanding chooses no width: a wider window still gets the wider default.
  await pane(page).getByRole('button', { name: 'Collapse Technician Tools' }).click();
  await pane(page).locator('.handle').click();
  await page.setViewportSize({ width: 1600, height: 900 });
  await expect.poll(width).toBe(440);
});
