import { readFileSync } from 'node:fs';
import { expect, expectPodLoaded, pane, paneCount, paneFrame, podUrlFor, SELF_HOSTED_HOSTS, test } from './fixtures';
import { openToolbarPopup } from './popup';

const PACKAGE_VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

const popupText = 'document.body.innerText';
/** Waits for the popup to settle (it probes the tab asynchronously) and returns its text. */
async function settledText(popup: { evaluate: (e: string) => Promise<unknown> }, expected: string): Promise<string> {
  let text = '';
  // Up to 15 s: the popup's ImmyBot lookup shares the pane's, which may still be on its way.
  for (let i = 0; i < 150; i++) {
    text = String(await popup.evaluate(popupText));
    if (text.includes(expected)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

test('the toolbar popup knows the tab: a ticket, who it resolves to, the sign-in state and one action; an unlisted tenant turns on in one click', async ({
  page,
  context,
  configure,
  signInToImmyBot,
}) => {
  await configure();
  await page.goto('https://acme.halopsa.com/ticket?id=2152');
  // Signed out: the ticket, the sentence, and Sign in as its one action.
  let popup = await openToolbarPopup(context, page);
  let text = await settledText(popup, 'not signed in');
  expect(text).toContain('Ticket 2152: You are not signed in to ImmyBot.');
  expect(text).toContain('Sign in to ImmyBot');
  expect(text).not.toContain('Open in side panel');
  // The version the browser loaded, the one package.json (and the changelog) name.
  expect(await settledText(popup, 'Version')).toContain(`Version ${PACKAGE_VERSION}`);

  // Signed in: who and what ImmyBot resolves, and the side panel as the action.
  await signInToImmyBot();
  popup = await openToolbarPopup(context, page);
  text = await settledText(popup, 'online');
  expect(text).toContain('Ticket 2152: Ben Castle · Acorn Construction · 1 of 2 online');
  expect(text).toContain('Open in side panel');
  expect(text).toContain('Open in a window');
  expect(text).not.toContain('Sign in to ImmyBot');

  // The ticket list of a listed site: on, and where to look.
  await page.goto('https://acme.halopsa.com/tickets?area=1');
  popup = await openToolbarPopup(context, page);
  expect(await settledText(popup, 'is on for')).toContain(
    'Technician Tools is on for acme.halopsa.com: open a ticket to see it beside the ticket.',
  );

  // Another hosted tenant: nothing runs there until the user says so (no permission prompt needed).
  await page.goto('https://beta.haloitsm.com/ticket?id=2152');
  await expect(pane(page).getByRole('button', { name: 'Use Technician Tools on beta.haloitsm.com' })).toBeVisible();
  expect(await paneCount(page)).toBe(1);
  await expect(paneFrame(page)).toHaveCount(0);
  popup = await openToolbarPopup(context, page);
  text = await settledText(popup, 'Use Technician Tools on');
  expect(text).toContain('Technician Tools is off on beta.haloitsm.com');
  expect(text).toContain('Use Technician Tools on beta.haloitsm.com');
  expect(text).toContain('Not here');
  await popup.evaluate(
    `[...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Use Technician Tools on')).click()`,
  );
  await expectPodLoaded(page, podUrlFor(2152));
});

test.describe(() => {
  // Pre-granted, so the popup's permission request resolves without a dialog (docs/development.md, "Permission prompts and extension reloads").
  test.use({ granted: { hosts: SELF_HOSTED_HOSTS } });
  test('on a HaloPSA-looking site that is not enabled, one click in the popup turns the pane on there', async ({
    context,
    page,
    configure,
  }) => {
    await configure('acme', 619, []);
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
    // Now the popup speaks about the ticket on it.
    expect(await settledText(popup, 'Ticket 2152: You')).toContain('Ticket 2152: You are not signed in to ImmyBot.');
  });

  test('on a site that does not look like HaloPSA the popup offers nothing', async ({ context, page }) => {
    // hidden.* answers /api/instanceinfo with 404; without the HaloPSA markup nothing says HaloPSA.
    await page.goto('https://hidden.example.test/');
    await page.evaluate(() => document.body.replaceChildren('An intranet page'));
    const popup = await openToolbarPopup(context, page);
    const text = await settledText(popup, 'does not look like HaloPSA');
    expect(text).toContain('This page does not look like HaloPSA.');
    expect(text).not.toContain('Use Technician Tools on');
    expect(text).not.toContain('Open in side panel');
  });
});

test('“Not here” in the popup turns an unlisted tenant down: its offer goes, and nothing from ImmyBot runs there', async ({
  page,
  context,
  configure,
  sandbox,
}) => {
  await configure();
  await page.goto('https://beta.haloitsm.com/ticket?id=2152');
  await expect(pane(page).getByRole('button', { name: 'Use Technician Tools on beta.haloitsm.com' })).toBeVisible();
  const popup = await openToolbarPopup(context, page);
  await settledText(popup, 'Not here');
  await popup.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Not here').click()`);
  expect(await settledText(popup, 'will not offer')).toContain(
    'Technician Tools will not offer itself on beta.haloitsm.com. Settings can undo this.',
  );
  await expect.poll(() => paneCount(page)).toBe(0);
  await page.reload();
  await page.waitForTimeout(300);
  expect(await paneCount(page)).toBe(0);
  expect(sandbox.immybot.requests.filter((r) => r.path.includes('/technician-pod/'))).toHaveLength(0);
});
