import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupShortcut } from '../../../lib/background/shortcut';
import { TOGGLE_COMMAND, TOGGLE_PANE } from '../../../lib/shortcut';
import { SETTINGS_KEY } from '../../../lib/storage';

const TAB = { id: 7, windowId: 3 } as never;
const stored = (show: string | null) => ({
  immybot: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 },
  haloOrigins: ['https://acme.halopsa.com'],
  declinedOrigins: [],
  show,
});

describe('the Technician Tools shortcut', () => {
  let open: ReturnType<typeof vi.fn>;
  let sendMessage: ReturnType<typeof vi.spyOn>;
  // fakeBrowser has no commands events: keep the listener and call it as the browser would.
  let press: (command: string, tab?: unknown) => void;

  beforeEach(() => {
    fakeBrowser.reset();
    open = vi.fn(() => Promise.resolve());
    vi.stubGlobal('chrome', { sidePanel: { open } });
    sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      press = listener as typeof press;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const start = async (show: string | null) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: stored(show) });
    setupShortcut(fakeBrowser as never);
    // The chosen place is read once at start, so the shortcut's own handler need not await.
    await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('toggles the pane in the tab when it shows beside the ticket', async () => {
    await start('page');
    press(TOGGLE_COMMAND, TAB);
    expect(sendMessage).toHaveBeenCalledWith(7, { type: TOGGLE_PANE });
    expect(open).not.toHaveBeenCalled();
  });

  it('opens the side panel for the window within the shortcut’s gesture (no await first)', async () => {
    await start('sidePanel');
    press(TOGGLE_COMMAND, TAB);
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('“Both” toggles the pane: the page is where the shortcut acts', async () => {
    await start('both');
    press(TOGGLE_COMMAND, TAB);
    expect(sendMessage).toHaveBeenCalledWith(7, { type: TOGGLE_PANE });
  });

  it('never chosen means the pane outside Firefox', async () => {
    await start(null);
    press(TOGGLE_COMMAND, TAB);
    expect(sendMessage).toHaveBeenCalledWith(7, { type: TOGGLE_PANE });
  });

  it('falls back to the page when the browser refuses to open the side panel', async () => {
    open.mockRejectedValue(new Error('`sidePanel.open()` may only be called in response to a user gesture.'));
    await start('sidePanel');
    press(TOGGLE_COMMAND, TAB);
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith(7, { type: TOGGLE_PANE }));
  });

  it('follows a change of the setting without a restart', async () => {
    await start('page');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: stored('sidePanel') });
    await vi.waitFor(async () => {
      open.mockClear();
      press(TOGGLE_COMMAND, TAB);
      expect(open).toHaveBeenCalledWith({ windowId: 3 });
    });
  });

  it('ignores other commands', async () => {
    await start('sidePanel');
    press('_execute_action', TAB);
    expect(open).not.toHaveBeenCalled();
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
