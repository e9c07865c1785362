import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSignIn } from '../../../lib/immybot/sign-in-window';
import { SIGN_IN_WINDOW_KEY } from '../../../lib/storage';

type Api = Parameters<typeof openSignIn>[0];
const api = fakeBrowser as unknown as Api;

/** fakeBrowser keeps windows in memory; these spies watch it (and can make a window vanish). */
function spyOnWindows() {
  return {
    create: vi.spyOn(fakeBrowser.windows, 'create'),
    get: vi.spyOn(fakeBrowser.windows, 'get'),
    update: vi.spyOn(fakeBrowser.windows, 'update'),
  };
}

type Windows = ReturnType<typeof spyOnWindows>;

/** The window the `index`th windows.create call opened. */
async function opened(windows: Windows, index: number): Promise<{ id?: number }> {
  const result = windows.create.mock.results[index];
  if (!result) throw new Error(`windows.create was not called ${index + 1} times`);
  return await result.value;
}

const pending = async () =>
  (await fakeBrowser.storage.session.get(SIGN_IN_WINDOW_KEY))[SIGN_IN_WINDOW_KEY] as { windowId: number } | undefined;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('openSignIn', () => {
  it('opens our sign-in page in a popup window and remembers it', async () => {
    const windows = spyOnWindows();
    await openSignIn(api);
    expect(windows.create).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ url: 'chrome-extension://test-extension-id/signin.html', type: 'popup' }),
    );
    const created = await opened(windows, 0);
    expect(await pending()).toMatchObject({ windowId: created.id });
    expect(windows.update).not.toHaveBeenCalled();
  });

  it('asks for the cookie exception again when the technician asked for it (signin.html?cookies)', async () => {
    const windows = spyOnWindows();
    await openSignIn(api, true);
    expect(windows.create).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ url: 'chrome-extension://test-extension-id/signin.html?cookies' }),
    );
  });

  it('names another instance than the default one (a site’s own connection), and remembers it for the watch', async () => {
    const windows = spyOnWindows();
    await openSignIn(api, true, 'https://lab.immy.bot');
    expect(windows.create).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({
        url: 'chrome-extension://test-extension-id/signin.html?instance=https%3A%2F%2Flab.immy.bot&cookies',
      }),
    );
    expect(await pending()).toMatchObject({ instanceOrigin: 'https://lab.immy.bot' });
  });

  it('two clicks at once (two tabs) open ONE window; the second focuses it', async () => {
    const windows = spyOnWindows();
    await Promise.all([openSignIn(api), openSignIn(api)]);
    expect(windows.create).toHaveBeenCalledTimes(1);
    const { id } = await opened(windows, 0);
    expect(windows.update).toHaveBeenCalledExactlyOnceWith(id, { focused: true });
    expect(await pending()).toMatchObject({ windowId: id });
  });

  it('five clicks at once still open one window', async () => {
    const windows = spyOnWindows();
    await Promise.all([1, 2, 3, 4, 5].map(() => openSignIn(api)));
    expect(windows.create).toHaveBeenCalledTimes(1);
    expect(windows.update).toHaveBeenCalledTimes(4);
  });

  it('a later click focuses the window that is still open', async () => {
    const windows = spyOnWindows();
    await openSignIn(api);
    await openSignIn(api);
    expect(windows.create).toHaveBeenCalledTimes(1);
    expect(windows.update).toHaveBeenCalledTimes(1);
  });

  it('once the person closed the window, the next click opens a new one', async () => {
    const windows = spyOnWindows();
    await openSignIn(api);
    const first = await opened(windows, 0);
    // The browser rejects windows.get for a window that no longer exists.
    windows.get.mockRejectedValue(new Error(`No window with id: ${first.id}.`));
    await openSignIn(api);
    expect(windows.create).toHaveBeenCalledTimes(2);
    expect(windows.update).not.toHaveBeenCalled();
    const second = await opened(windows, 1);
    expect(second.id).not.toBe(first.id);
    expect(await pending()).toMatchObject({ windowId: second.id });
  });

  it('a click whose window could not be opened does not block the next one', async () => {
    const windows = spyOnWindows();
    windows.create.mockRejectedValueOnce(new Error('Cannot create window'));
    const results = await Promise.allSettled([openSignIn(api), openSignIn(api)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(windows.create).toHaveBeenCalledTimes(2);
    expect(await pending()).toBeDefined();
  });
});
