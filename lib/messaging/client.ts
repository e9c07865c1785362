import { browser } from 'wxt/browser';
import type { Request, Responses } from './protocol';

/** Sends one request to the background worker and returns its typed answer. */
export function sendToBackground<R extends Request>(request: R): Promise<Responses[R['type']]> {
  return browser.runtime.sendMessage(request) as Promise<Responses[R['type']]>;
}
