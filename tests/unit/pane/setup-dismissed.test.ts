import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSetupDismissed, saveSetupDismissed } from '../../../lib/pane/setup-dismissed';
import { SETUP_DISMISSED_KEY } from '../../../lib/storage';

describe('setup prompt dismissal', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is remembered once saved', async () => {
    expect(await loadSetupDismissed()).toBe(false);
    await saveSetupDismissed();
    expect(await loadSetupDismissed()).toBe(true);
  });

  it.each([['yes'], [1], [null], [{}]])('a stored %j is not a dismissal', async (value) => {
    await fakeBrowser.storage.local.set({ [SETUP_DISMISSED_KEY]: value });
    expect(await loadSetupDismissed()).toBe(false);
  });
});
