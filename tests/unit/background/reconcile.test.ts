import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupReconciliation } from '../../../lib/background/reconcile';
import { UNTRUSTED_V01_TENANTS_KEY } from '../../../lib/storage';

const V2_SETTINGS = {
  immybot: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 },
  haloOrigins: ['https://psa.example.com'],
};

describe('setupReconciliation on update from 0.1', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // Reconciliation itself needs scripting and action, which fakeBrowser lacks; its errors are logged, not thrown.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
      vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    }
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'test',
      version: '0.2.0',
    });
  });

  it('deletes the untrusted remembered-tenants list and keeps the settings', async () => {
    await fakeBrowser.storage.local.set({
      [UNTRUSTED_V01_TENANTS_KEY]: ['https://acme.halopsa.com', 'https://stranger.trial.usehalo.com'],
      settings: V2_SETTINGS,
      settings$: { v: 2 },
    });
    setupReconciliation(fakeBrowser as never);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(UNTRUSTED_V01_TENANTS_KEY)).toEqual({}));
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect(settings).toMatchObject(V2_SETTINGS);
  });

  it('leaves the list alone until the extension is installed or updated', async () => {
    await fakeBrowser.storage.local.set({ [UNTRUSTED_V01_TENANTS_KEY]: ['https://acme.halopsa.com'] });
    setupReconciliation(fakeBrowser as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await fakeBrowser.storage.local.get(UNTRUSTED_V01_TENANTS_KEY)).toEqual({
      [UNTRUSTED_V01_TENANTS_KEY]: ['https://acme.halopsa.com'],
    });
  });
});
