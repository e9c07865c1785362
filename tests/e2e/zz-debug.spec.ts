import { expect, openTicket, pane, paneUiFrame, test } from './fixtures';
test('debug', async ({ page, configure }) => {
  await configure();
  await openTicket(page, 2152);
  await expect(pane(page).getByRole('button', { name: 'Reload Technician Tools' })).toBeVisible();
  await page.locator('immybot-technician-tools iframe.ui').focus();
  console.log(await paneUiFrame(page)!.evaluate(() => {
    const out: string[] = [`hasFocus ${document.hasFocus()}`];
    for (const el of document.querySelectorAll<HTMLElement>('button, .grip')) {
      el.blur();
      el.focus({ focusVisible: true } as FocusOptions);
      const s = getComputedStyle(el);
      out.push(`${el.className} active=${document.activeElement === el} fv=${el.matches(':focus-visible')} ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} bg=${s.backgroundColor}`);
    }
    return out.join('\n');
  }));
});
