import { readFileSync } from 'node:fs';
import { extensionWithGrantedHosts, launchWithExtension } from '../sandbox/chromium';
import { configureThroughOptions } from '../sandbox/configure';
import { EXTENSION_DIR, expect, expectPodLoaded, pane, paneCount, paneFrame, podUrlFor, test } from './fixtures';
import { openToolbarPopup } from './popup';

const PACKAGE_VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

const popupText = 'document.body.innerText';
/** Waits for the popup to settle (it probes the tab asynchronously) and returns its text. */
async function settledText(popup: { evaluate: (e: string) => Promise<unknown> }, expected: string): Promise<string> {
  let text = '';
  for (let i = 0; i < 50; i++) {
    text = String(await popup.evaluate(popupText));
    if (text.includes(expected)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

test('the toolbar popup says Technician Tools is on for a listed tenant, and turns an unlisted one on in one click', async ({
  page,
  context,
  configure,
}) => {
  await configure();
  await page.goto('https://acme.halopsa.com/ticket?id=2152');
  let popup = await openToolbarPopup(context, page);
  expect(await settledText(popup, 'is on')).toContain('Technician Tools is on for acme.halopsa.com.');
  // The version the browser loaded, the one package.json (and the changelog) name.
  expect(await settledText(popup, 'Version')).toContain(`Version ${PACKAGE_VERSION}`);

  // Another hosted tenant: nothing runs there until the user says so (no permission prompt needed).
  await page.goto('https://beta.haloitsm.com/ticket?id=2152');
  await expect(pane(page).getByRole('button', { name: 'Use Technician Tools on beta.haloitsm.com' })).toBeVisible();
  expect(await paneCount(page)).toBe(1);
  await expect(paneFrame(page)).toHaveCount(0);
  popup = await openToolbarPopup(context, page);
  expect(await settledText(popup, 'Use Technician Tools on')).toContain('Use Technician Tools on beta.haloitsm.com');
  await popup.evaluate(
    `[...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Use Technician Tools on')).click()`,
  );
  await expectPodLoaded(page, podUrlFor(2152));
});

test('on a HaloPSA-looking site that is not enabled, one click in the popup turns the pane on there', async ({
  sandbox,
}) => {
  // Pre-granted, so the popup's permission request resolves without a dialog (docs/development.md, "Permission prompts and extension reloads").
  const context = await launchWithExtension(
    extensionWithGrantedHosts(EXTENSION_DIR, ['https://psa.example.test/*']),
    sandbox,
  );
  await configureThroughOptions(context, 'acme', 619, []);
  const page = context.pages()[0];
  await page.goto('https://psa.example.test/ticket?id=2152');
  await page.waitForTimeout(200);
  expect(await paneCount(page)).toBe(0);

  let popup = await openToolbarPopup(context, page);
  expect(await settledText(popup, 'Use Technician Tools on')).toContain('Use Technician Tools on psa.example.test');
  await popup.evaluate(
    `[...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Use Technician Tools on')).click()`,
  );
  await expectPodLoaded(page, podUrlFor(2152));

  popup = await openToolbarPopup(context, page);
  expect(await settledText(popup, 'is on for')).toContain('Technician Tools is on for psa.example.test.');
  await context.close();
});

test('on a site that does not look like HaloPSA the popup offers nothing', async ({ sandbox }) => {
  const context = await launchWithExtension(
    extensionWithGrantedHosts(EXTENSION_DIR, ['https://hidden.example.test/*']),
    sandbox,
  );
  const page = context.pages()[0];
  // hidden.* answers /api/instanceinfo with 404; without the HaloPSA markup nothing says HaloPSA.
  await page.goto('https://hidden.example.test/');
  await page.evaluate(() => document.body.replaceChildren('An intranet page'));
  const popup = await openToolbarPopup(context, page);
  const text = await settledText(popup, 'does not look like HaloPSA');
  expect(text).toContain('This page does not look like HaloPSA.');
  expect(text).not.toContain('Use Technician Tools on');
  await context.close();
});
