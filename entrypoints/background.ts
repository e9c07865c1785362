import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseRequest, type Request } from '../lib/messaging/protocol';
import { isTrustedSender } from '../lib/messaging/sender';
import { injectIntoOpenTabs } from '../lib/reinject';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    const request = parseRequest(message);
    if (!request || !isTrustedSender(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      console.warn('Dropped a message from an untrusted sender or of an unknown shape', sender.url);
      return undefined;
    }
    return handle(request);
  });

  // An installed or updated extension gets no content script in tabs that were already open.
  browser.runtime.onInstalled.addListener(() => void injectIntoOpenTabs(browser));
});

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'openOptions':
      await browser.runtime.openOptionsPage();
      return { ok: true };
  }
}
