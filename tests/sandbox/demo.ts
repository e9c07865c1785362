// `npm run demo`: the built extension against the sandbox, walked through ticket → ticket → list,
// with screenshots. With a display (DISPLAY set, or --headed) the browser stays open to click around.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { extensionWithGrantedHosts, launchWithExtension } from './chromium';
import { attachExtensionTarget } from './extension-target';
import { ticketJson } from './immybot/server';
import { startSandbox } from './sandbox';

const headed = process.argv.includes('--headed') || (!!process.env.DISPLAY && !process.argv.includes('--headless'));
const shots = resolve('demo-screenshots');
const extensionDir = resolve('.output/chrome-mv3');
/** The Chrome Web Store's and Edge Add-ons' screenshot size, so the page shots go to the stores as they are. */
const STORE_SCREENSHOT = { width: 1280, height: 800 };

/** The pane's own page (an extension frame in the dock): its header, summary and prompts. */
const panePage = (page: Page) => page.frameLocator('immybot-technician-tools iframe.ui');

/** The pane's header once it shows what ImmyBot resolved for `faultId` (text the HaloPSA page cannot match). */
const paneSummary = (page: Page, faultId: number) =>
  panePage(page).locator(`section.pane[data-fault-id="${faultId}"] .summary`);

/** Waits until the Technician Tools frame for `faultId` has really loaded its document; throws otherwise. */
async function waitForPod(page: Page, faultId: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().endsWith(`/ticket/${faultId}`));
    const text = await frame
      ?.locator('#pod-fault-id')
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    if (text === String(faultId)) return;
    if (Date.now() > deadline) throw new Error(`Technician Tools for ticket ${faultId} did not load`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function shot(page: Page, name: string, waitForFrame?: number): Promise<void> {
  if (waitForFrame) await waitForPod(page, waitForFrame);
  await page.screenshot({ path: `${shots}/${name}.png` });
  console.log(`  ${name}.png  ${page.url()}`);
}

async function main(): Promise<void> {
  mkdirSync(shots, { recursive: true });
  const sandbox = await startSandbox();
  // The build with Chrome's cookie-exception permission already granted, as if the technician had
  // said yes in the sign-in window (headless, nobody can answer the browser's prompt).
  const context = await launchWithExtension(extensionWithGrantedHosts(extensionDir, [], ['contentSettings']), sandbox, {
    headed,
    viewport: STORE_SCREENSHOT,
  });
  console.log(
    `Sandbox: HaloPSA-like pages on 127.0.0.1:${sandbox.haloPort}, ImmyBot stand-in on 127.0.0.1:${sandbox.immybotPort}`,
  );
  console.log(`Screenshots in ${shots}:`);

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://acme.halopsa.com/ticket?id=2152');
  await shot(page, '01-before-setup');

  // A new user's path: the ticket's setup prompt opens the options page; one save sets ImmyBot up and
  // turns Technician Tools on for the site the ticket is on.
  const [options] = await Promise.all([
    context.waitForEvent('page'),
    panePage(page).getByRole('button', { name: 'Set up Technician Tools' }).click(),
  ]);
  await options.getByLabel('ImmyBot instance').fill('https://acme.immy.bot/technician-pod/psa/619/ticket/$FAULTID');
  await options.getByRole('button', { name: 'Save' }).click();
  await options
    .getByRole('form', { name: 'ImmyBot' })
    .getByRole('status')
    .filter({ hasText: 'It is now on for acme.halopsa.com' })
    .waitFor();
  await options.close();
  await page.bringToFront();
  await shot(page, '02-ticket-2152-signed-out', 2152);

  // Sign in the way a technician does: the header's button, ImmyBot's own page in a popup window.
  const [signInWindow] = await Promise.all([
    context.waitForEvent('page'),
    panePage(page).getByRole('button', { name: 'Sign in to ImmyBot' }).click(),
  ]);
  await signInWindow.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await signInWindow.waitForEvent('close');
  await paneSummary(page, 2152).getByText('1 of 2 online').waitFor();
  await shot(page, '03-ticket-2152-signed-in', 2152);

  await page.getByRole('link', { name: 'Tickets', exact: true }).click();
  await page.locator('a[data-ticket="2820"]').click();
  await paneSummary(page, 2820).locator('.person', { hasText: 'Dana Ruiz' }).waitFor();
  await shot(page, '04-ticket-2820-from-list', 2820);

  // The Technician Tools window (a second monitor), from the pane's header; the pane steps aside to its handle.
  const [ticketWindow] = await Promise.all([
    context.waitForEvent('page'),
    panePage(page).locator('header').getByRole('button', { name: 'Open in a window', exact: true }).click(),
  ]);
  await ticketWindow.setViewportSize({ width: 480, height: 720 });
  await ticketWindow.locator('section.pane[data-fault-id="2820"] .summary .person').waitFor();
  await waitForPod(ticketWindow, 2820);
  await ticketWindow.screenshot({ path: `${shots}/05-window.png` });
  console.log('  05-window.png  (the Technician Tools window on ticket 2820)');
  await ticketWindow.close();
  await panePage(page).locator('.handle').click();

  // The browser's side panel, opened from the pane's header: the same ticket, signed in in every browser.
  await panePage(page).locator('header').getByRole('button', { name: 'Open in side panel', exact: true }).click();
  const sidePanel = await attachExtensionTarget(context, page, 'sidepanel.html');
  for (const end = Date.now() + 15_000; ; ) {
    const ready = await sidePanel.evaluate(
      `!!document.querySelector('section.pane[data-fault-id="2820"] .summary .person') && [...document.querySelectorAll('iframe.frame')].length === 1`,
    );
    if (ready) break;
    if (Date.now() > end) throw new Error('The side panel did not show ticket 2820');
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500); // the frame's document paints
  writeFileSync(`${shots}/05b-side-panel.png`, await sidePanel.screenshot());
  console.log('  05b-side-panel.png  (the side panel beside ticket 2820)');

  // A ticket that matched no one: the header says which link is missing, and who can fix it.
  sandbox.immybot.answerTicket(7103, {
    body: JSON.stringify({
      ...ticketJson(7103),
      personId: null,
      personName: null,
      tenantId: null,
      tenantName: null,
      ticketEmailAddress: 'ben@contoso.com',
      computers: [],
    }),
  });
  await page.goto('https://acme.halopsa.com/ticket?id=7103');
  // The pane stayed collapsed when the side panel opened: expanded again from its handle (by keyboard: with the
  // side panel open, headless Chromium aims mouse clicks at the page as if the panel took no room).
  await panePage(page).locator('.handle').press('Enter');
  await panePage(page).getByRole('list', { name: 'Why ImmyBot matched no one' }).waitFor();
  // Until the dock has the taller header's size, ImmyBot's frame still covers the sentences.
  const frameTop = () =>
    page.evaluate(() =>
      parseFloat(
        (document.querySelector('immybot-technician-tools')?.shadowRoot?.querySelector('iframe.frame') as HTMLElement)
          ?.style.top ?? '0',
      ),
    );
  for (const end = Date.now() + 10_000; (await frameTop()) < 100; ) {
    if (Date.now() > end)
      throw new Error(`The header of ticket 7103 never made room for its sentences: ${await frameTop()}`);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
  const paneBox = await page.locator('immybot-technician-tools iframe.ui').boundingBox();
  if (!paneBox) throw new Error('The pane did not show for ticket 7103');
  await page.screenshot({
    path: `${shots}/05c-unmatched.png`,
    clip: { x: paneBox.x, y: paneBox.y, width: paneBox.width, height: Math.min(paneBox.height, 300) },
  });
  console.log('  05c-unmatched.png  (the header of a ticket that matched no one)');

  await page.getByRole('link', { name: 'Tickets', exact: true }).click();
  await page.locator('immybot-technician-tools').waitFor({ state: 'detached' });
  await shot(page, '06-ticket-list-no-pane');

  // Another hosted tenant, not listed: only the offer, nothing from ImmyBot; its button opens the consent window.
  await page.goto('https://beta.halopsa.com/ticket?id=3001');
  const offer = panePage(page).getByRole('button', { name: 'Use Technician Tools on beta.halopsa.com' });
  await offer.waitFor();
  await shot(page, '07-unlisted-tenant-offer');
  const [consent] = await Promise.all([context.waitForEvent('page'), offer.click()]);
  await consent.getByRole('heading').waitFor();
  await consent.screenshot({ path: `${shots}/07b-consent-window.png` });
  console.log('  07b-consent-window.png  (the extension’s own window that asks)');
  await consent.close();

  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${new URL(context.serviceWorkers()[0].url()).host}/options.html`);
  // Once the saved values are in: before that the ImmyBot fields are still empty.
  for (const end = Date.now() + 10_000; !(await settings.getByLabel('ImmyBot instance').inputValue()); ) {
    if (Date.now() > end) throw new Error('The options page never showed the saved ImmyBot instance');
    await settings.waitForTimeout(50);
  }
  await shot(settings, '08-options');
  // The first-run steps as the install shows them, here all four done: set up and signed in.
  await settings.goto(`${settings.url()}?welcome`);
  await settings
    .getByTestId('welcome')
    .getByRole('listitem')
    .filter({ hasText: 'Sign in to ImmyBot' })
    .getByText('Done')
    .waitFor();
  await settings.setViewportSize({ width: 900, height: 760 });
  await shot(settings, '09-first-run');
  await settings.close();

  console.log(`Technician Tools requests the stand-in saw: ${sandbox.immybot.podRequests().join(', ')}`);
  if (headed) {
    await page.goto('https://acme.halopsa.com/ticket?id=2152');
    console.log(
      'The browser stays open: try https://acme.halopsa.com/tickets?area=1, https://strict.halopsa.com/ticket?id=3001, https://dark.halopsa.com/ticket?id=3002. Close it to stop.',
    );
    await new Promise((done) => context.on('close', done));
  } else {
    await context.close();
  }
  await sandbox.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
