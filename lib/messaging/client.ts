import { browser } from 'wxt/browser';
import type { Request, Responses } from './protocol';

/** How webextension-polyfill (in the background) sends a rejection to a sender without the polyfill. */
interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message: string;
}

const isPolyfillRejection = (reply: unknown): reply is PolyfillRejection =>
  typeof reply === 'object' && reply !== null && '__mozWebExtensionPolyfillReject__' in reply;

/**
 * Sends one request to the background worker and returns its typed answer. Works with or without
 * the polyfill in the calling context (the content script goes without it to stay small).
 */
export async function sendToBackground<R extends Request>(request: R): Promise<Responses[R['type']]> {
  const reply: unknown = await browser.runtime.sendMessage(request);
  if (isPolyfillRejection(reply)) throw new Error(reply.message);
  return reply as Responses[R['type']];
}
