import { browser } from 'wxt/browser';
import type { Request } from './protocol';

/** Sends one request to the background worker. */
export function sendToBackground(request: Request): Promise<unknown> {
  return browser.runtime.sendMessage(request);
}
