import { expect, pane, test } from './fixtures';

test('the setup prompt’s Dismiss is remembered: no later ticket, tab or reload shows it, and HaloPSA gets its room back', async ({
  page,
  context,
}) => {
  const prompt = pane(page).getByRole('complementary', { name: 'ImmyBot Technician Tools setup' });
  const pushed = page.locator('style[data-immybot-technician-tools-push]');
  await page.goto('https://acme.halopsa.com/ticket?id=2152');
  await expect(prompt).toBeVisible();
  await expect(pushed).toHaveCount(1);

  await prompt.getByRole('button', { name: 'Dismiss: do not show this again' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(pushed).toHaveCount(0);

  await page.evaluate(() => (window as any).haloNavigate('/ticket?id=3001'));
  await page.reload();
  const other = await context.newPage();
  await other.goto('https://beta.halopsa.com/ticket?id=3002');
  // Time for the content script to read its settings and (not) draw: a prompt would show well within it.
  await other.waitForTimeout(1500);
  await expect(other.locator('immybot-technician-tools')).toHaveCount(0);
  await expect(page.locator('immybot-technician-tools')).toHaveCount(0);
});
