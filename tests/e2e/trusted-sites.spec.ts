import type { Page } from '@playwright/test';
import { extensionIdOf } from '../sandbox/chromium';
import {
  COOKIE_PERMISSION,
  expect,
  expectPodLoaded,
  openTicket,
  pane,
  paneCount,
  paneFrame,
  podUrlFor,
  test,
} from './fixtures';
import { cookieSetting, listedSites, navigate, signIn, STRANGER } from './trust';

const offerButton = (page: Page, host: string) =>
  pane(page).getByRole('button', { name: `Use Technician Tools on ${host}` });

/**
 * What a hostile page script can do to the pane: call .click() and dispatch events on everything the extension put
 * in its DOM. That is the dock's box and two frames of other origins: no control of ours is within its reach.
 */
const clickEverything = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('immybot-technician-tools')?.shadowRoot;
    const elements = [...(root?.querySelectorAll('*') ?? [])] as HTMLElement[];
    for (const element of elements) {
      element.click();
      element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      element.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerId: 1 }));
    }
    return elements
      .filter((element) => element.localName !== 'style')
      .map((element) => element.localName + (element.className ? `.${element.className}` : ''));
  });

test.describe('signed in, the cookie permission held', () => {
  test.use({ granted: COOKIE_PERMISSION });

  test('a stranger hosted tenant gets only the offer: its script causes no ImmyBot request, and turning it on takes the consent window', async ({
    context,
    sandbox,
  }) => {
    await signIn(context, sandbox);
    const page = context.pages()[0];
    sandbox.immybot.requests.splice(0);
    await page.goto(`${STRANGER}/ticket?id=2152`);
    await expect(offerButton(page, 'other.trial.usehalo.com')).toBeVisible();
    const pagesBefore = context.pages().length;

    // The tenant's own script walks tickets and clicks everything the extension put in its page.
    for (const faultId of [2820, 3001, 3002, 2152]) {
      await navigate(page, `/ticket?id=${faultId}`);
      expect(await clickEverything(page)).toEqual(['div', 'section.dock card', 'iframe.ui']);
    }
    await page.waitForTimeout(500);
    expect(sandbox.immybot.requests).toEqual([]);
    expect(context.pages()).toHaveLength(pagesBefore);
    await expect(paneFrame(page)).toHaveCount(0);
    // No ImmyBot data in its DOM, and no cookie exception for it.
    const paneText = await page.evaluate(
      () => document.querySelector('immybot-technician-tools')?.shadowRoot?.textContent ?? '',
    );
    expect(paneText).not.toMatch(/Ben Castle|Acorn|DESKTOP|contoso/i);
    expect(await cookieSetting(context, STRANGER)).not.toBe('allow');
    expect(await listedSites(context)).toEqual(['https://acme.halopsa.com']);

    // A real click on the offer only opens the extension's own consent window, which names the site.
    const loadId = await page.evaluate(() => (window as any).haloLoadId);
    const [consent] = await Promise.all([
      context.waitForEvent('page'),
      offerButton(page, 'other.trial.usehalo.com').click(),
    ]);
    await expect(consent.getByRole('heading')).toContainText('other.trial.usehalo.com');
    expect(await listedSites(context)).toEqual(['https://acme.halopsa.com']);
    await expect(paneFrame(page)).toHaveCount(0);

    // Turned on there: listed, the pane loads at once in the open ticket, with no page reload, signed in.
    await consent.getByRole('button', { name: 'Turn on for other.trial.usehalo.com' }).click();
    await expectPodLoaded(page, podUrlFor(2152));
    await expect(pane(page).locator('.summary .person')).toContainText('Ben Castle');
    expect(await page.evaluate(() => (window as any).haloLoadId)).toBe(loadId);
    await expect.poll(() => cookieSetting(context, STRANGER)).toBe('allow');

    // The options page lists it; removing it there takes the pane out of the open tab and the exception away.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
    const item = options.locator(`li[data-origin="${STRANGER}"]`);
    await expect(item).toContainText('Active');
    await item.getByRole('button', { name: `Remove ${STRANGER}` }).click();
    await expect(paneFrame(page)).toHaveCount(0);
    await expect(offerButton(page, 'other.trial.usehalo.com')).toBeVisible();
    await expect(page.locator('style[data-immybot-technician-tools-push]')).toHaveCount(0);
    await expect.poll(() => cookieSetting(context, STRANGER)).not.toBe('allow');
  });

  test('on a listed site, a page script clicking everything in the pane does nothing', async ({ context, sandbox }) => {
    await signIn(context, sandbox);
    const page = context.pages()[0];
    sandbox.immybot.answerTicket(2152, { status: 401 });
    await openTicket(page, 2152);
    // Signed out in the header: the Sign in button is there to be abused.
    await expect(pane(page).getByRole('button', { name: 'Sign in to ImmyBot' })).toBeVisible();
    const pagesBefore = context.pages().length;
    const podRequests = sandbox.immybot.podRequests().length;

    expect(await clickEverything(page)).toEqual(['div', 'section.dock column', 'iframe.frame', 'iframe.ui']);
    await page.waitForTimeout(500);
    expect(context.pages().map((p) => p.url())).toHaveLength(pagesBefore);
    expect(sandbox.immybot.podRequests()).toHaveLength(podRequests);
    await expect(pane(page).getByRole('button', { name: 'Collapse Technician Tools' })).toBeVisible();
    expect((await pane(page).boundingBox())!.width).toBe(440);

    // The same controls still answer a real click.
    await pane(page).getByRole('button', { name: 'Collapse Technician Tools' }).click();
    await expect(pane(page).getByRole('button', { name: 'Expand Technician Tools' })).toBeVisible();
  });

  test('"Not here" is remembered for that tenant; the offer stays away after a reload', async ({
    context,
    sandbox,
  }) => {
    await signIn(context, sandbox);
    const page = context.pages()[0];
    await page.goto('https://beta.halopsa.com/ticket?id=2152');
    await pane(page).getByRole('button', { name: 'Not here' }).click();
    await expect.poll(() => paneCount(page)).toBe(0);
    await page.reload();
    await expect(page.locator('#page-title')).toContainText('2152');
    await page.waitForTimeout(300);
    expect(await paneCount(page)).toBe(0);
    // Other tenants are not affected.
    await page.goto(`${STRANGER}/ticket?id=2152`);
    await expect(offerButton(page, 'other.trial.usehalo.com')).toBeVisible();

    // The answer is listed on the options page, and Undo brings the offer back (without turning the site on).
    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
    const turnedDown = options.getByRole('list', { name: 'HaloPSA tenants turned down' });
    await expect(turnedDown.getByRole('listitem')).toHaveText(['https://beta.halopsa.comUndo']);
    await turnedDown.getByRole('button', { name: 'Undo “Not here” for https://beta.halopsa.com' }).click();
    await expect(turnedDown).toHaveCount(0);
    await expect(options.getByRole('form', { name: 'HaloPSA sites' }).getByRole('status')).toHaveText(
      'beta.halopsa.com will offer Technician Tools again.',
    );
    await page.goto('https://beta.halopsa.com/ticket?id=2152');
    await expect(offerButton(page, 'beta.halopsa.com')).toBeVisible();
    await expect(paneFrame(page)).toHaveCount(0);
  });
});

test('two pages adding sites at the same moment keep every one (the background is the only writer)', async ({
  context,
  openOptions,
}) => {
  const [first, second] = [await openOptions(), await openOptions()];
  const add = (options: Page, tenants: string[]) =>
    options.evaluate(
      (origins) =>
        Promise.all(
          origins.map((origin) =>
            (globalThis as any).chrome.runtime.sendMessage({
              type: 'changeSettings',
              change: { kind: 'addSite', origin },
            }),
          ),
        ),
      tenants.map((tenant) => `https://${tenant}.halopsa.com`),
    );
  const a = Array.from({ length: 10 }, (_, i) => `first${i}`);
  const b = Array.from({ length: 10 }, (_, i) => `second${i}`);
  const answers = (await Promise.all([add(first, a), add(second, b)])).flat();
  expect(answers.every((answer: { ok: boolean }) => answer.ok)).toBe(true);
  const stored = await listedSites(context);
  expect([...stored].sort()).toEqual([...a, ...b].map((tenant) => `https://${tenant}.halopsa.com`).sort());
  // Both pages show the full list.
  for (const options of [first, second]) await expect(options.locator('li[data-origin]')).toHaveCount(20);
});
