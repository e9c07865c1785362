import { expect, focused, openTicket, pane, paneUiFrame, test } from './fixtures';
test('debug', async ({ page, configure }) => {
  await configure();
  await openTicket(page, 2152);
  const f = paneUiFrame(page)!;
  await f.evaluate(() => {
    (window as any).__log = [];
    for (const t of ['pointerdown', 'pointermove', 'pointerup', 'gotpointercapture', 'lostpointercapture', 'focus', 'blur'])
      document.addEventListener(t, (e) => (window as any).__log.push(t + ':' + ((e as PointerEvent).screenX ?? '') + ':' + (e.target as Element)?.className), true);
  });
  const grip = pane(page).getByRole('separator', { name: 'Resize Technician Tools' });
  const g = (await grip.boundingBox())!;
  console.log('grip', g);
  await page.mouse.move(g.x + g.width / 2, g.y + 200);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2 - 80, g.y + 200, { steps: 4 });
  await page.mouse.up();
  console.log(await f.evaluate(() => (window as any).__log.join('\n')));
  console.log('width', (await pane(page).boundingBox())!.width);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  console.log('focused', await focused(page));
  console.log(await f.evaluate(() => (window as any).__log.slice(-5).join('\n')));
});
