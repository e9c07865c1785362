import { type Measured, paneContrast } from './contrast';
import { expect, expectPodLoaded, pane, podUrlFor, test } from './fixtures';

// axe cannot compute contrast inside the pane's shadow root: computed styles and the WCAG maths (lib/contrast) do.
const failing = (measured: Measured[]) =>
  measured.filter((m) => m.ratio < m.needed).map((m) => `${m.what}: ${m.ratio.toFixed(2)} < ${m.needed}`);
const lowest = (measured: Measured[], kind: 'text' | 'focus') =>
  Math.min(...measured.filter((m) => m.what.startsWith('focus ') === (kind === 'focus')).map((m) => m.ratio));

const CASES = [
  { theme: 'light', site: 'https://acme.halopsa.com', colorScheme: 'light' },
  // The theme's two sources: HaloPSA's own dark theme, and a dark system where HaloPSA gives no sign.
  { theme: 'dark (HaloPSA)', site: 'https://dark.halopsa.com', colorScheme: 'light' },
  { theme: 'dark (system)', site: 'https://acme.halopsa.com', colorScheme: 'dark' },
] as const;

for (const { theme, site, colorScheme } of CASES) {
  test(`every text and focus indicator in the pane meets WCAG AA, ${theme}`, async ({
    page,
    configure,
    signInToImmyBot,
    sandbox,
  }) => {
    await page.emulateMedia({ colorScheme });
    const all: Measured[] = [];
    const check = async (state: string) => {
      const measured = await paneContrast(page);
      expect(measured.length, state).toBeGreaterThan(0);
      expect.soft(failing(measured), state).toEqual([]);
      all.push(...measured);
    };
    await page.goto(`${site}/ticket?id=2152`);
    await expect(pane(page).getByRole('complementary', { name: 'ImmyBot Technician Tools setup' })).toBeVisible();
    await check('setup prompt');

    await configure(undefined, undefined, [site]);
    await page.reload();
    await expectPodLoaded(page, podUrlFor(2152));
    const dark = await pane(page).evaluate((el) => el.classList.contains('theme-dark'));
    expect(dark).toBe(theme !== 'light');
    await expect(pane(page).getByRole('button', { name: 'Sign in to ImmyBot' })).toBeVisible();
    await check('signed out');

    await signInToImmyBot();
    await page.reload();
    await expect(pane(page).locator('.summary .person')).toBeVisible();
    await pane(page).locator('.line-toggle').click();
    await expect(pane(page).locator('.more .computers')).toBeVisible();
    await check('signed in, computers open');

    sandbox.immybot.answerTicket(4040, { status: 404 });
    await page.goto(`${site}/ticket?id=4040`);
    await pane(page).getByText('Details').click();
    await check('a problem with its details open');

    await pane(page).getByRole('button', { name: 'Collapse Technician Tools' }).click();
    await check('collapsed');
    console.log(
      `pane ${theme}: lowest text ${lowest(all, 'text').toFixed(2)}:1, lowest focus indicator ${lowest(all, 'focus').toFixed(2)}:1 (${all.length} pairs)`,
    );
  });
}
