import type { BrowserContext } from '@playwright/test';
import { expect, focused, openTicket, pane, paneFrame, test } from './fixtures';

/** What the keyboard shortcut does in the tab: the background's message to the content script. */
async function pressShortcut(context: BrowserContext) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const [tab] = await chrome.tabs.query({ url: 'https://acme.halopsa.com/*' });
    await chrome.tabs.sendMessage(tab.id, { type: 'togglePane' });
  });
}

test('focus follows collapse and expand, Escape collapses, and the grip is a full separator', async ({
  page,
  configure,
}) => {
  await configure();
  await openTicket(page, 2152);

  await pane(page).getByRole('button', { name: 'Collapse Technician Tools' }).press('Enter');
  await expect.poll(() => focused(page)).toBe('Expand Technician Tools · 2152');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('Collapse Technician Tools');

  // Escape from any of the pane's controls collapses it, and the focus waits on the handle.
  await pane(page).getByRole('button', { name: 'Reload Technician Tools' }).focus();
  await page.keyboard.press('Escape');
  await expect(pane(page).locator('.handle')).toBeVisible();
  await expect.poll(() => focused(page)).toBe('Expand Technician Tools · 2152');
  await page.keyboard.press('Enter');

  const grip = pane(page).getByRole('separator', { name: 'Resize Technician Tools' });
  await expect(grip).toHaveAttribute('aria-valuemin', '320');
  // 1400 px window: the pane may take 45 %, HaloPSA keeps 770.
  await expect(grip).toHaveAttribute('aria-valuemax', '630');
  await grip.focus();
  const width = async () => Math.round((await pane(page).boundingBox())!.width);
  for (const [key, expected] of [
    ['Home', 320],
    ['PageUp', 416],
    ['ArrowUp', 440],
    ['ArrowLeft', 464],
    ['End', 630],
    ['ArrowLeft', 630],
    ['PageDown', 534],
    ['ArrowRight', 510],
    ['ArrowDown', 486],
  ] as const) {
    await page.keyboard.press(key);
    await expect(grip, key).toHaveAttribute('aria-valuenow', String(expected));
    expect(await width(), key).toBe(expected);
  }
});

test('a way in and back: the skip link is the first Tab stop, and the shortcut moves between HaloPSA and the pane', async ({
  page,
  context,
  configure,
}) => {
  await configure();
  await openTicket(page, 2152);

  const skip = page.locator('immybot-technician-tools-skip').getByRole('button', { name: 'Skip to Technician Tools' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('Collapse Technician Tools');

  // From a HaloPSA control, the shortcut jumps into the pane (expanding it) and, pressed again, back.
  await pane(page).getByRole('button', { name: 'Collapse Technician Tools' }).click();
  await page.locator('#ticket-actions').focus();
  const haloControl = await focused(page);
  await pressShortcut(context);
  await expect.poll(() => focused(page)).toBe('Collapse Technician Tools');
  await expect(paneFrame(page)).toBeVisible();
  await pressShortcut(context);
  await expect.poll(() => focused(page)).toBe(haloControl);
});
