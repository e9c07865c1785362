import type { BrowserContext, Page } from '@playwright/test';

/**
 * The toolbar popup, opened the way a click does (action.openPopup) and driven over CDP: Playwright
 * does not list extension popups as pages, but Chromium exposes them as targets.
 */
export async function openToolbarPopup(
  context: BrowserContext,
  activeTab: Page,
): Promise<{ evaluate: (expression: string) => Promise<unknown> }> {
  await activeTab.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => (globalThis as any).chrome.action.openPopup());
  const cdp = await context.newCDPSession(activeTab);
  let targetId: string | undefined;
  for (let i = 0; i < 50 && !targetId; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((t) => t.type === 'page' && t.url.endsWith('/popup.html'))?.targetId;
    if (!targetId) await activeTab.waitForTimeout(100);
  }
  if (!targetId) throw new Error('The toolbar popup did not open');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 0;
  const call = (method: string, params: object) =>
    new Promise<any>((resolve) => {
      const id = ++nextId;
      const onMessage = (event: { sessionId?: string; message: string }) => {
        const message = JSON.parse(event.message);
        if (event.sessionId !== sessionId || message.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        resolve(message.result);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return {
    // userGesture: clicks in the popup may ask for permissions, as a real click does.
    evaluate: async (expression: string) =>
      (await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true, userGesture: true }))
        .result?.value,
  };
}
