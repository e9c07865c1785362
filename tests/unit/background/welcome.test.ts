import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupWelcome, WELCOME_PATH } from '../../../lib/background/welcome';
import { readPolicy } from '../../../lib/settings/policy';
import { POLICY_KEY } from '../../../lib/storage';

const FULL_POLICY = { immybotInstance: 'acme', integrationId: 619, haloSites: ['acme.halopsa.com'] };

describe('the first-run steps', () => {
  let create: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    fakeBrowser.reset();
    create = vi.spyOn(fakeBrowser.tabs, 'create');
  });

  const install = async (reason: string, policy?: Record<string, unknown>) => {
    let copied!: () => void;
    setupWelcome(fakeBrowser as never, new Promise<void>((resolve) => (copied = resolve)));
    await fakeBrowser.runtime.onInstalled.trigger({ reason } as never);
    // The policy's first copy lands after the install event: the decision waits for it.
    if (policy) await fakeBrowser.storage.local.set({ [POLICY_KEY]: readPolicy(policy) });
    copied();
    await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it('open on install', async () => {
    await install('install');
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: fakeBrowser.runtime.getURL(WELCOME_PATH) });
  });

  it('open when the policy sets only part of what a ticket needs', async () => {
    await install('install', { immybotInstance: 'acme', integrationId: 619 });
    expect(create).toHaveBeenCalledOnce();
  });

  it('stay closed when the policy sets instance, Integration ID and sites', async () => {
    await install('install', FULL_POLICY);
    expect(create).not.toHaveBeenCalled();
  });

  it.each(['update', 'chrome_update'])('stay closed on %s', async (reason) => {
    await install(reason);
    expect(create).not.toHaveBeenCalled();
  });
});
