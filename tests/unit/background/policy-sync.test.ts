import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupPolicySync } from '../../../lib/background/policy-sync';
import { loadSettings } from '../../../lib/settings/settings';
import { POLICY_KEY } from '../../../lib/storage';

const copy = async () => (await fakeBrowser.storage.local.get(POLICY_KEY))[POLICY_KEY];

describe('the background’s copy of the organization’s policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('copies the policy, read and checked, on start', async () => {
    await fakeBrowser.storage.managed.set({ immybotInstance: 'acme', integrationId: 619, show: 'nope' });
    await setupPolicySync(fakeBrowser as never);
    expect(await copy()).toEqual({
      policy: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 },
      problems: [{ field: 'show', message: expect.stringMatching(/^Your organization’s setting for Show/) }],
    });
  });

  it('leaves no copy when there is no policy, and writes nothing', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await setupPolicySync(fakeBrowser as never);
    expect(await copy()).toBeUndefined();
    expect(set).not.toHaveBeenCalled();
  });

  it('follows a policy change, and every page sees the managed value', async () => {
    await setupPolicySync(fakeBrowser as never);
    await fakeBrowser.storage.managed.set({
      immybotInstance: 'acme',
      integrationId: 619,
      haloSites: ['acme.halopsa.com'],
    });
    await vi.waitFor(async () => expect(await copy()).toBeDefined());
    expect(await loadSettings()).toMatchObject({
      immybot: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 },
      haloOrigins: ['https://acme.halopsa.com'],
      sources: {
        instanceOrigin: 'managed',
        integrationId: 'managed',
        haloOrigins: 'managed',
        show: 'default',
        siteConnections: 'default',
      },
    });
  });

  it('removes the copy when the policy goes', async () => {
    await fakeBrowser.storage.managed.set({ show: 'both' });
    await setupPolicySync(fakeBrowser as never);
    expect(await copy()).toBeDefined();
    await fakeBrowser.storage.managed.clear();
    await vi.waitFor(async () => expect(await copy()).toBeUndefined());
  });

  it('does not rewrite an unchanged copy (no storage event for every page)', async () => {
    await fakeBrowser.storage.managed.set({ show: 'both' });
    await setupPolicySync(fakeBrowser as never);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await setupPolicySync(fakeBrowser as never);
    expect(set).not.toHaveBeenCalled();
  });

  it('replaces a hand-edited copy with the real policy', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_KEY]: { policy: { show: 'page' }, problems: [] } });
    await setupPolicySync(fakeBrowser as never);
    expect(await copy()).toBeUndefined();
  });
});
