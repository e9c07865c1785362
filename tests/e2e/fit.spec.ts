import type { BrowserContext, Page } from '@playwright/test';
import { MIN_HALO_WIDTH } from '../../lib/pane/layout';
import { expect, openTicket, pane, paneFrame, test } from './fixtures';

/** The browser's real page zoom for the HaloPSA tab (Ctrl+plus does the same). */
async function setZoom(context: BrowserContext, factor: number) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async (zoom) => {
    const chrome = (globalThis as any).chrome;
    const [tab] = await chrome.tabs.query({ url: 'https://acme.halopsa.com/*' });
    await chrome.tabs.setZoom(tab.id, zoom);
  }, factor);
}

/** HaloPSA's room in CSS px: from its left edge to the pane's. */
const haloWidth = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('immybot-technician-tools');
    const section = host?.shadowRoot?.querySelector('section.dock');
    return Math.round(section ? section.getBoundingClientRect().left : window.innerWidth);
  });

test('real browser zoom: the pane re-fits at 150 %, gives way to its handle at 200 %, and comes back at 100 %', async ({
  page,
  context,
  configure,
}) => {
  await configure();
  await openTicket(page, 2152);
  expect(await haloWidth(page)).toBe(1400 - 440);

  // 150 %: 933 CSS px, a laptop's width: the pane starts at its narrower default, 360, and HaloPSA keeps 573.
  await setZoom(context, 1.5);
  await expect.poll(() => page.evaluate(() => window.innerWidth)).toBeLessThan(940);
  await expect.poll(async () => Math.round((await pane(page).boundingBox())!.width)).toBe(360);
  expect(await haloWidth(page)).toBeGreaterThanOrEqual(MIN_HALO_WIDTH);
  console.log(`150 % zoom: HaloPSA keeps ${await haloWidth(page)} CSS px`);

  // 200 %: 700 CSS px, no room: the handle says so, HaloPSA keeps all but 36 px.
  await setZoom(context, 2);
  await expect(
    pane(page).getByRole('button', { name: 'Technician Tools needs a wider window: open it in the side panel' }),
  ).toBeVisible();
  expect(await haloWidth(page)).toBe(700 - 36);
  console.log(`200 % zoom in a 1400 px window: HaloPSA keeps ${await haloWidth(page)} CSS px`);

  await setZoom(context, 1);
  await expect.poll(async () => Math.round((await pane(page).boundingBox())!.width)).toBe(440);
  await expect(paneFrame(page)).toBeVisible();
});
