import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export interface ExtensionTarget {
  /** Evaluates in the target's page, with a user gesture (clicks there may ask for permissions, as real ones do). */
  evaluate: (expression: string) => Promise<unknown>;
  /** A PNG of what the target shows. */
  screenshot: () => Promise<Buffer>;
  /** Sends any CDP command to the target (e.g. Emulation.setEmulatedMedia for its colour scheme). */
  send: (method: string, params?: object) => Promise<unknown>;
}

/**
 * An extension page Playwright does not list (the toolbar popup, the side panel), driven over CDP:
 * Chromium exposes each as a `page` target whose URL ends with the page's file.
 */
export async function attachExtensionTarget(
  context: BrowserContext,
  anyPage: Page,
  file: string,
  timeoutMs = 5_000,
): Promise<ExtensionTarget> {
  const cdp = await context.newCDPSession(anyPage);
  let targetId: string | undefined;
  for (const end = Date.now() + timeoutMs; !targetId && Date.now() < end; ) {
    targetId = await targetOf(cdp, file);
    if (!targetId) await anyPage.waitForTimeout(100);
  }
  if (!targetId) throw new Error(`No ${file} target: it did not open`);
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
    evaluate: async (expression: string) =>
      (await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true, userGesture: true }))
        .result?.value,
    screenshot: async () => Buffer.from((await call('Page.captureScreenshot', { format: 'png' })).data, 'base64'),
    send: (method: string, params = {}) => call(method, params),
  };
}

/** The id of the page target showing the extension's `file`, if one is open. */
async function targetOf(cdp: CDPSession, file: string): Promise<string | undefined> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.find((t) => t.type === 'page' && t.url.endsWith(`/${file}`))?.targetId;
}

/** Whether a target for `file` exists now (e.g. the side panel is open). */
export async function hasExtensionTarget(context: BrowserContext, anyPage: Page, file: string): Promise<boolean> {
  const cdp = await context.newCDPSession(anyPage);
  const targetId = await targetOf(cdp, file);
  await cdp.detach();
  return targetId !== undefined;
}

/** Closes the target for `file` if one is open (as a click elsewhere closes the toolbar popup), once it is gone. */
export async function closeExtensionTarget(context: BrowserContext, anyPage: Page, file: string): Promise<void> {
  const cdp = await context.newCDPSession(anyPage);
  try {
    const targetId = await targetOf(cdp, file);
    if (targetId === undefined) return;
    await cdp.send('Target.closeTarget', { targetId });
    for (const end = Date.now() + 5_000; (await targetOf(cdp, file)) !== undefined; ) {
      if (Date.now() > end) throw new Error(`${file} did not close within 5 s.`);
      await anyPage.waitForTimeout(50);
    }
  } finally {
    await cdp.detach();
  }
}
