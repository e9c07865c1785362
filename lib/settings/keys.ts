/** storage.local keys; the content script reads them raw, so they are named in one place. */
export const SETTINGS_KEY = 'settings';
export const PANE_LAYOUT_KEY = 'paneLayout';
