/** storage.local keys; the content script reads them raw, so they are named in one place. */
export const SETTINGS_KEY = 'settings';
export const PANE_LAYOUT_KEY = 'paneLayout';
/** When the last ImmyBot sign-in completed: open panes refresh when it changes. No secret in it. */
export const SIGNED_IN_AT_KEY = 'immybotSignedInAt';
