import { expect, expectPodLoaded, openTicket, pane, paneCount, podUrlFor, test } from './fixtures';

test.describe('ticket detection on hosted HaloPSA', () => {
  test('every hosted suffix and ticket URL shape gets the pane with exactly the Technician Tools URL', async ({
    page,
    configure,
  }) => {
    const cases: Array<[string, number]> = [
      ['https://acme.halopsa.com/ticket?id=2152', 2152],
      ['https://acme.haloitsm.com/ticket?id=2152&showmenu=false', 2152],
      ['https://acme.haloservicedesk.com/tickets?id=2152', 2152],
      [
        'https://acme.trial.usehalo.com/tickets?showalltickettypes=1&mainview=all&viewid=1&selid=-1&sellevel=1&selparentid=0&id=2820',
        2820,
      ],
    ];
    await configure(
      undefined,
      undefined,
      cases.map(([url]) => new URL(url).origin),
    );
    for (const [url, faultId] of cases) {
      await page.goto(url);
      await expectPodLoaded(page, podUrlFor(faultId));
      await expect(pane(page).getByTestId('pane-ticket')).toHaveText(`Ticket ${faultId}`);
      expect(await paneCount(page)).toBe(1);
    }
  });

  test('pages that are not saved tickets, and sites that are not tenants, get nothing', async ({
    page,
    configure,
    sandbox,
  }) => {
    await configure();
    const notTickets = [
      'https://acme.halopsa.com/tickets?area=1',
      'https://acme.halopsa.com/tickets?viewid=1',
      'https://acme.halopsa.com/config/tickets/tickettype?id=1',
      'https://acme.halopsa.com/portal/ticket?id=358840',
      'https://acme.halopsa.com/customers?clientid=12',
      'https://acme.halopsa.com/assets?id=5',
      'https://acme.halopsa.com/kb?id=5',
      'https://acme.halopsa.com/reports?id=5',
      'https://acme.halopsa.com/ticket?id=0',
      'https://acme.halopsa.com/ticket?id=-5',
      'https://acme.halopsa.com/ticket?id=abc',
      'https://acme.halopsa.com/ticket?id=99999999999',
      'https://acme.halopsa.com/ticket',
      'https://halopsa.com/ticket?id=2152',
      'https://haloitsm.com/ticket?id=2152',
      'https://haloservicedesk.com/ticket?id=2152',
      'https://www.halopsa.com/ticket?id=2152',
      'https://psa.example.test/ticket?id=2152',
    ];
    // A known ticket first proves the extension is live in this profile, so the negatives mean something.
    await openTicket(page, 2152);
    sandbox.immybot.reset();
    for (const url of notTickets) {
      await page.goto(url);
      await expect(page.locator('#halo-nav')).toBeVisible();
      // Give a would-be content script the time a real one needs (it mounts within a few ms).
      await page.waitForTimeout(150);
      expect(await paneCount(page), url).toBe(0);
    }
    expect(sandbox.immybot.podRequests()).toEqual([]);
  });
});
