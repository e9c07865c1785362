import type { BrowserContext, Locator, Page } from '@playwright/test';
import { ticketJson } from '../sandbox/immybot/server';
import {
  COOKIE_PERMISSION,
  expect,
  expectPodLoaded,
  INSTANCE,
  openTicket,
  pane,
  paneFrame,
  podUrlFor,
  test,
} from './fixtures';

const summary = (page: Page) => pane(page).getByTestId('ticket-summary');

/**
 * Clicks `target` until `effect` holds. Right after a problem renders, a click on it sometimes never reaches the pane
 * (Chromium 150: 3 of 44 runs of the test alone, 2 of 3 full runs, each time one click with no effect for 10 s; the
 * cause is not found). What the test checks is what the click leads to, so a lost click is clicked again.
 */
async function clickUntil(target: Locator, effect: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await target.click({ timeout: 5_000 });
    await effect();
  }).toPass({ intervals: [0], timeout: 20_000 });
}
const frameSession = (page: Page, faultId: number) =>
  page
    .frames()
    .find((f) => f.url().endsWith(`/ticket/${faultId}`))
    ?.locator('#pod-session')
    .textContent() ?? Promise.resolve(null);

async function signInThroughWindow(
  context: BrowserContext,
  page: Page,
  choice?: 'Allow and sign in' | 'Sign in without allowing',
): Promise<void> {
  const [signInWindow] = await Promise.all([
    // Bounded: a click that opened no window once held the test for its whole 2-minute timeout.
    context.waitForEvent('page', { timeout: 10_000 }),
    summary(page).getByRole('button', { name: 'Sign in to ImmyBot' }).click(),
  ]);
  if (choice) await signInWindow.getByRole('button', { name: choice }).click();
  await expect(signInWindow).toHaveURL('https://acme.immy.bot/');
  const closed = signInWindow.waitForEvent('close');
  await signInWindow.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  // The background notices the session and closes the window itself.
  await closed;
}

test.describe('ImmyBot sign-in', () => {
  test.describe(() => {
    test.use({ granted: COOKIE_PERMISSION });
    test('signed out → Sign in → the header and the frame are signed in, with no reload (cookies allowed by consent)', async ({
      context,
      page,
      configure,
    }) => {
      await configure();
      await openTicket(page, 2152);
      await expect(summary(page)).toContainText('You are not signed in to ImmyBot.');
      expect(await frameSession(page, 2152)).toContain('Signed out');
      const loadId = await page.evaluate(() => (window as any).haloLoadId);

      await signInThroughWindow(context, page);
      // One line; the email and the computers are a click away.
      await expect(summary(page)).toHaveText('Ben Castle · Acorn Construction · 1 of 2 online');
      await summary(page)
        .getByRole('button', { name: /Ben Castle/ })
        .click();
      await expect(summary(page)).toContainText('Ben.Castle@contoso.com');
      await expect(summary(page)).toContainText('DESKTOP-2152 · online');
      await expect(summary(page)).toContainText('LAPTOP-2152 · offline');
      await expect.poll(() => frameSession(page, 2152)).toBe('Signed in as Jane Tech');
      await expect(pane(page).locator('.signed-out-note')).toHaveCount(0);
      expect(await page.evaluate(() => (window as any).haloLoadId)).toBe(loadId);
    });
  });

  test('without cookie consent the header signs in, the frame stays signed out here, and the pane says what still works', async ({
    context,
    page,
    configure,
  }) => {
    await configure();
    await page.goto('https://acme.halopsa.com/ticket?id=2152');
    await expect(summary(page)).toContainText('You are not signed in to ImmyBot.');
    await signInThroughWindow(context, page, 'Sign in without allowing');
    await expect(summary(page)).toContainText('Ben Castle');
    const note = pane(page).locator('.signed-out-note');
    await expect(note).toHaveText('ImmyBot below is signed out: open in side panel or sign it in here');
    // This Chromium blocks third-party cookies: exactly the case the consent exists for.
    await expect.poll(() => frameSession(page, 2152)).toContain('Signed out');
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      pane(page).getByRole('button', { name: 'Open in new tab' }).click(),
    ]);
    await expect(tab.locator('#pod-session')).toHaveText('Signed in as Jane Tech');

    // Changing one's mind later: the same sign-in window asks again.
    await page.bringToFront();
    const [consent] = await Promise.all([
      context.waitForEvent('page'),
      note.getByRole('button', { name: 'sign it in here' }).click(),
    ]);
    await expect(consent.getByRole('button', { name: 'Allow and sign in' })).toBeVisible();
    await consent.close();

    // Told once: dismissed, and not shown on the next ticket of this site in this session.
    await note.getByRole('button', { name: 'Dismiss this note' }).click();
    await expect(note).toHaveCount(0);
    await page.evaluate(() => (window as any).haloNavigate('/ticket?id=2820'));
    await expect(summary(page)).toContainText('Dana Ruiz');
    await expect(note).toHaveCount(0);

    // Asked once: the "no" is remembered, so the next sign-in goes straight to ImmyBot (a ticket not asked yet).
    await context.clearCookies();
    await page.evaluate(() => (window as any).haloNavigate('/ticket?id=3001'));
    await expect(summary(page)).toContainText('You are not signed in to ImmyBot.');
    await signInThroughWindow(context, page);
    await expect(summary(page)).toContainText('Eli Park');
  });
});

test.describe('ticket lookups', () => {
  test('fast switching shows only the last ticket; a ticket seen within a minute is not asked again', async ({
    page,
    configure,
    signInToImmyBot,
    sandbox,
  }) => {
    await configure();
    await signInToImmyBot();
    sandbox.immybot.answerTicket(3001, { delayMs: 1500 });
    await page.goto('https://acme.halopsa.com/ticket?id=2152');
    await expect(summary(page)).toContainText('Ben Castle');
    await page.evaluate(() => (window as any).haloNavigate('/ticket?id=3001'));
    await page.evaluate(() => (window as any).haloNavigate('/ticket?id=3002'));
    await expect(summary(page)).toContainText('Fay Moss');
    await sandbox.immybot.nextRequest(() => false, 1700).catch(() => undefined); // let 3001's slow answer arrive
    await expect(summary(page)).toContainText('Fay Moss');
    await expect(summary(page)).not.toContainText('Eli Park');

    await page.evaluate(() => (window as any).haloNavigate('/ticket?id=2152'));
    await expect(summary(page)).toContainText('Ben Castle');
    await page.reload();
    await expect(summary(page)).toContainText('Ben Castle');
    expect(sandbox.immybot.ticketLookups(2152)).toHaveLength(1);
  });

  test('each failure explains itself and points to the fix', async ({ page, configure, signInToImmyBot, sandbox }) => {
    await configure();
    await signInToImmyBot();
    sandbox.immybot.answerTicket(4030, { status: 403 });
    sandbox.immybot.answerTicket(4040, { status: 404 });
    sandbox.immybot.answerTicket(5000, { status: 503 });
    sandbox.immybot.answerTicket(5001, { delayMs: 30_000 });
    sandbox.immybot.answerTicket(6000, { body: '{"computers": [' });
    sandbox.immybot.answerTicket(7000, {
      body: JSON.stringify({ computers: null, personId: null, personName: null, tenantName: null }),
    });
    const open = (faultId: number) => openTicket(page, faultId);

    await open(4030);
    await expect(summary(page)).toContainText(
      'Your ImmyBot user cannot see this ticket. Ask your ImmyBot admin for access to its customer.',
    );
    await open(4040);
    await expect(summary(page)).toContainText('ImmyBot could not read ticket 4040 from HaloPSA');
    await expect(summary(page)).toContainText('Ask your ImmyBot admin');
    // The admin's detail waits behind "Details".
    await expect(summary(page).getByText('read:tickets')).toBeHidden();
    await clickUntil(summary(page).getByText('Details'), () =>
      expect(summary(page).getByText('read:tickets')).toBeVisible({ timeout: 2_000 }),
    );
    await expect(summary(page)).toContainText('tickets assigned to others');
    await open(6000);
    await expect(summary(page)).toContainText('ImmyBot’s answer about this ticket could not be read.');
    await open(7000);
    await expect(summary(page)).toContainText('No ImmyBot person · no computers');
    await expect(summary(page).getByRole('list', { name: 'Why ImmyBot matched no one' })).toHaveText(
      'This ticket has no HaloPSA client, so ImmyBot cannot tell its tenant.' +
        'This ticket has no email address; ImmyBot finds the person by the ticket’s email.',
    );

    // An ImmyBot error says which, and that ImmyBot's own page below may still work; the status waits in Details.
    await open(5000);
    await expect(summary(page)).toContainText(
      'Couldn’t load the ticket summary (ImmyBot error 503); the tools below may still work.',
    );
    await clickUntil(summary(page).getByText('Details'), () =>
      expect(summary(page).getByText('ImmyBot answered the ticket lookup with HTTP 503.')).toBeVisible({
        timeout: 2_000,
      }),
    );
    sandbox.immybot.answerTicket(5000, {});
    await clickUntil(summary(page).getByRole('button', { name: 'Retry' }), () =>
      expect(summary(page)).toContainText('Person 5000', { timeout: 3_000 }),
    );

    // No answer at all: the lookup gives up about 4 s after ImmyBot got the request (it was 10 s), and offers Retry.
    const lookedUp = sandbox.immybot
      .nextRequest((r) => r.path.endsWith('/tickets/5001'), 20_000)
      .then(() => Date.now());
    await open(5001);
    await expect(summary(page)).toContainText(
      'ImmyBot did not answer about this ticket in time; the tools below may still work.',
      { timeout: 15_000 },
    );
    const waited = Date.now() - (await lookedUp);
    console.log(`lookup timeout shown ${waited} ms after ImmyBot got the request`);
    expect(waited).toBeGreaterThanOrEqual(3_900);
    expect(waited).toBeLessThan(8_000);
    await expect(summary(page).getByRole('button', { name: 'Retry' })).toBeVisible();

    await configure('acme', 999, []);
    await page.goto('https://acme.halopsa.com/ticket?id=2152');
    await expectPodLoaded(page, podUrlFor(2152, INSTANCE, 999));
    await expect(summary(page)).toContainText(
      'ImmyBot has no integration 999. Check the Integration ID in the settings.',
    );
    await expect(summary(page).getByRole('button', { name: 'Open settings' })).toBeVisible();
  });

  test('a 21 MB answer (200,000 computers) is refused, with or without Content-Length, and the pane says where to look', async ({
    page,
    configure,
    signInToImmyBot,
    sandbox,
  }) => {
    await configure();
    await signInToImmyBot();
    const computers = Array.from({ length: 200_000 }, (_, i) => ({
      computerId: i + 1,
      computerName: `WORKSTATION-${String(i).padStart(8, '0')}.corp.acorn-construction.example`,
      isOnline: i % 2 === 0,
    }));
    const body = JSON.stringify({ ...ticketJson(9001), computers });
    expect(body.length).toBeGreaterThan(20 * 1_048_576);
    sandbox.immybot.answerTicket(9001, { body });
    sandbox.immybot.answerTicket(9002, { body, chunked: true });
    for (const faultId of [9001, 9002]) {
      await openTicket(page, faultId);
      await expect(summary(page)).toContainText(
        'ImmyBot’s answer for this ticket was too large to show: open it in ImmyBot.',
      );
      await expect(summary(page).getByRole('button', { name: 'Retry' })).toHaveCount(0);
    }
  });

  test('a ticket that matched no one says which link is missing, aimed at who can fix it', async ({
    page,
    sandbox,
    configure,
    signInToImmyBot,
  }) => {
    await configure();
    await signInToImmyBot();
    const noPerson = { personId: null, personName: null, computers: [] };
    const shapes: Array<[number, object, string, string[]]> = [
      [
        7101,
        { ...noPerson, ticketEmailAddress: null },
        'No ImmyBot person · Acorn Construction · no computers',
        ['This ticket has no email address; ImmyBot finds the person by the ticket’s email.'],
      ],
      [
        7102,
        { ...noPerson, ticketEmailAddress: 'ben@contoso.com' },
        'No ImmyBot person · Acorn Construction',
        ['ImmyBot has no person with ben@contoso.com in Acorn Construction.'],
      ],
      [
        7103,
        { ...noPerson, tenantId: null, tenantName: null, ticketEmailAddress: 'ben@contoso.com' },
        'No ImmyBot person · no computers',
        [
          'HaloPSA client 27 is not linked to an ImmyBot tenant. Ask your ImmyBot admin to map it in the HaloPSA integration.',
          'ImmyBot has no person with ben@contoso.com.',
        ],
      ],
      [
        7104,
        { personName: 'Ben Castle', computers: [] },
        'Ben Castle · Acorn Construction · no computers',
        ['ImmyBot knows no computer for Ben Castle.'],
      ],
    ];
    for (const [faultId, change] of shapes)
      sandbox.immybot.answerTicket(faultId, { body: JSON.stringify({ ...ticketJson(faultId), ...change }) });
    const why = () => summary(page).getByRole('list', { name: 'Why ImmyBot matched no one' });
    /** Pixels of the sentences that ImmyBot's frame covers (0: the header made room for them). */
    const covered = async () => {
      const [list, frame] = [await why().boundingBox(), await paneFrame(page).boundingBox()];
      return list && frame ? Math.max(0, Math.ceil(list.y + list.height - frame.y)) : -1;
    };
    for (const [faultId, , line, reasons] of shapes) {
      await openTicket(page, faultId);
      await expect(summary(page).locator('.line-toggle')).toContainText(line);
      await expect(why().getByRole('listitem')).toHaveText(reasons);
      await expect.poll(covered).toBe(0);
    }
    // A ticket whose pane loads collapsed (as the technician left it), then expanded from the handle: the header is
    // measured, so the frame leaves the sentences in sight (it used to stay at the one-line header's 74 px and cover them).
    await pane(page).getByRole('button', { name: 'Collapse Technician Tools' }).click();
    await page.goto('https://acme.halopsa.com/ticket?id=7103');
    await pane(page).locator('.handle').click();
    await expect(why().getByRole('listitem')).toHaveText(shapes[2][3]);
    await expect.poll(covered).toBe(0);
  });

  test('the toolbar badge counts online computers in a neutral colour, says what the number is, and shows no "0" for no computers', async ({
    page,
    context,
    sandbox,
    configure,
    signInToImmyBot,
  }) => {
    await configure();
    await signInToImmyBot();
    const computers = (...online: boolean[]) =>
      JSON.stringify({
        ...ticketJson(0),
        computers: online.map((isOnline, i) => ({ computerId: i + 1, computerName: `PC-${i + 1}`, isOnline })),
      });
    sandbox.immybot.answerTicket(3001, { body: computers(false) });
    sandbox.immybot.answerTicket(3002, { body: computers() });
    const worker = context.serviceWorkers()[0];
    /** The badge as the browser shows it for one tab: text, colour (RGBA) and tooltip. */
    const badge = (tabId: number) =>
      worker.evaluate(async (id) => {
        const { action } = (globalThis as any).chrome;
        return {
          text: await action.getBadgeText({ tabId: id }),
          color: await action.getBadgeBackgroundColor({ tabId: id }),
          title: await action.getTitle({ tabId: id }),
        };
      }, tabId);
    const tabId = async (p: Page) =>
      worker.evaluate(
        (url) => (globalThis as any).chrome.tabs.query({ url }).then((t: any[]) => t[0].id),
        `${p.url().split('?')[0]}*`,
      );
    const grey = [0x4b, 0x55, 0x63, 255];

    await page.goto('https://acme.halopsa.com/ticket?id=2152');
    await expect(summary(page)).toContainText('1 of 2 online');
    const id = await tabId(page);
    await expect
      .poll(() => badge(id))
      .toEqual({ text: '1', color: grey, title: 'Technician Tools: 1 of 2 computers online for ticket 2152' });

    await page.evaluate(() => (window as any).haloNavigate('/ticket?id=3001'));
    await expect
      .poll(() => badge(id))
      .toEqual({ text: '0', color: grey, title: 'Technician Tools: 0 of 1 computer online for ticket 3001' });

    // No computers at all: no number (a "0" would read as "none online"), and the tooltip says so.
    await page.evaluate(() => (window as any).haloNavigate('/ticket?id=3002'));
    await expect
      .poll(() => badge(id))
      .toMatchObject({ text: '', title: 'Technician Tools: no ImmyBot computers for ticket 3002' });

    // Leaving tickets clears it, and the tab takes the window-wide tooltip again.
    await page.evaluate(() => (window as any).haloNavigate('/tickets?area=1'));
    await expect.poll(() => badge(id)).toMatchObject({ text: '', title: 'ImmyBot Technician Tools' });
  });
});

test.describe('options: Test connection', () => {
  test('shows who is signed in and the integration, or the mapped error', async ({
    openOptions,
    configure,
    signInToImmyBot,
  }) => {
    await configure();
    const options = await openOptions();
    const result = options.getByTestId('connection-result');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(result).toHaveText('You are not signed in to ImmyBot.');

    await signInToImmyBot();
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(result).toContainText('Signed in to ImmyBot as Jane Tech (jane.tech@msp.example)');
    await expect(result).toContainText('Integration: HaloPSA, Healthy');

    await options.getByLabel('Integration ID').fill('999');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(result).toHaveText('ImmyBot has no integration 999. Check the Integration ID in the settings.');
  });
});

test('an ImmyBot that redirects signed-out calls to a login page (same origin or Microsoft) reads as signed out', async ({
  page,
  configure,
  openOptions,
}) => {
  for (const tenant of ['sso', 'entra']) {
    await configure(tenant, 619, tenant === 'sso' ? undefined : []);
    await page.goto('https://acme.halopsa.com/ticket?id=2152');
    await expectPodLoaded(page, podUrlFor(2152, `https://${tenant}.immy.bot`));
    await expect(summary(page)).toContainText('You are not signed in to ImmyBot.');
    await expect(summary(page).getByRole('button', { name: 'Sign in to ImmyBot' })).toBeVisible();

    const options = await openOptions();
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByTestId('connection-result')).toHaveText('You are not signed in to ImmyBot.');
    await options.close();
  }
});

test('the service worker can stop at any moment: lookups still work, and answers kept before are reused', async ({
  page,
  context,
  configure,
  signInToImmyBot,
  sandbox,
}) => {
  await configure();
  await signInToImmyBot();
  await page.goto('https://acme.halopsa.com/ticket?id=2152');
  await expect(summary(page)).toContainText('Ben Castle');

  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');

  await page.evaluate(() => (window as any).haloNavigate('/ticket?id=3001'));
  await expect(summary(page)).toContainText('Eli Park');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.evaluate(() => (window as any).haloNavigate('/ticket?id=2152'));
  await expect(summary(page)).toContainText('Ben Castle');
  expect(sandbox.immybot.ticketLookups(2152)).toHaveLength(1);
  expect(sandbox.immybot.ticketLookups(3001)).toHaveLength(1);
});
