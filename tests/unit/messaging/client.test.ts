import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground } from '../../../lib/messaging/client';

afterEach(() => vi.restoreAllMocks());

describe('sendToBackground', () => {
  it('sends the request and returns the answer', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true });
    await expect(sendToBackground({ type: 'openOptions' })).resolves.toEqual({ ok: true });
    expect(send).toHaveBeenCalledWith({ type: 'openOptions' });
  });

  it('turns the polyfill’s rejection marker into a rejection (the content script has no polyfill)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      __mozWebExtensionPolyfillReject__: true,
      message: 'Message refused: not from this extension or an enabled HaloPSA page.',
    });
    await expect(sendToBackground({ type: 'lookupTicket', faultId: 2152 })).rejects.toThrow('Message refused');
  });

  it('passes a native rejection through', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    await expect(sendToBackground({ type: 'signIn' })).rejects.toThrow('Could not establish connection.');
  });
});
