/** The keyboard shortcut (manifest `commands`): the pane, or the side panel where that is the chosen place. */
export const TOGGLE_COMMAND = 'toggle-technician-tools';
export const TOGGLE_SHORTCUT = 'Alt+Shift+T';
/** What the background sends a tab's content script for the shortcut when the pane is beside the ticket. */
export const TOGGLE_PANE = 'togglePane';
