import type { Page } from '@playwright/test';
import { expect, expectPodLoaded, openTicket, paneCount, podUrlFor, reloadExtension, test } from './fixtures';

const navigate = (page: Page, href: string) => page.evaluate((h) => (window as any).haloNavigate(h), href);

test('after the extension is reloaded with tickets open: one pane per tab, still following navigation', async ({
  page,
  context,
  configure,
  extensionId,
}) => {
  await configure(undefined, undefined, ['https://acme.halopsa.com', 'https://acme.haloitsm.com']);
  await openTicket(page, 2152);
  const second = await context.newPage();
  await second.goto('https://acme.haloitsm.com/tickets?id=3001');
  await expectPodLoaded(second, podUrlFor(3001));

  for (let round = 0; round < 2; round++) {
    await reloadExtension(context, extensionId);
    for (const [tab, faultId] of [
      [page, 2152],
      [second, 3001],
    ] as const) {
      await expectPodLoaded(tab, podUrlFor(faultId));
      await expect.poll(() => paneCount(tab)).toBe(1);
      await expect(tab.locator('style[data-immybot-technician-tools-push]')).toHaveCount(1);
    }
  }

  // The new content script follows the SPA; the orphaned ones stay silent (still exactly one pane).
  await navigate(page, '/ticket?id=2820');
  await expectPodLoaded(page, podUrlFor(2820));
  await page.waitForTimeout(300);
  expect(await paneCount(page)).toBe(1);
  expect(page.frames().filter((f) => f.url().startsWith('https://acme.immy.bot/'))).toHaveLength(1);
  await navigate(page, '/tickets?area=1');
  await expect.poll(() => paneCount(page)).toBe(0);
  await page.waitForTimeout(300);
  expect(await paneCount(page)).toBe(0);
});
