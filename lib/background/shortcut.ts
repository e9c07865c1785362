import type { browser as extensionApi } from 'wxt/browser';
import { TOGGLE_COMMAND, TOGGLE_PANE } from '../shortcut';
import { openSidePanel } from '../side-panel';
import { openTicketWindow } from './ticket-window';
import { changesSettings, loadSettings } from '../settings/settings';
import { showPlace, showsInPage, type ShowPlace } from '../settings/show';

type Api = typeof extensionApi;

/**
 * The keyboard shortcut: moves the focus into the pane beside the ticket and back (the content script decides),
 * or opens the side panel or the Technician Tools window where that is the chosen place. The side panel needs the shortcut's gesture, which
 * an `await` would lose, so the chosen place is kept in memory; a worker woken by the shortcut itself reads it
 * first and tries anyway.
 */
export function setupShortcut(browser: Api): void {
  let place: ShowPlace | undefined;
  const load = () =>
    loadSettings().then((settings) => {
      place = showPlace(settings.show);
      return place;
    });
  void load();
  browser.storage.onChanged.addListener((changes, area) => {
    if (changesSettings(changes, area)) void load();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND) return;
    const togglePane = () => {
      if (tab?.id !== undefined) void browser.tabs.sendMessage(tab.id, { type: TOGGLE_PANE }).catch(() => undefined);
    };
    const inPlace = (known: ShowPlace) => {
      if (showsInPage(known)) return togglePane();
      // The window needs no gesture: it opens (or comes to the front) whatever woke the worker.
      if (known === 'window') return void openTicketWindow(browser, tab?.windowId).catch(togglePane);
      // Refused without a gesture (a cold worker): the page's handle takes the focus, one Enter away.
      void openSidePanel(tab?.windowId).catch(togglePane);
    };
    if (place) inPlace(place);
    else void load().then(inPlace, togglePane);
  });
}
