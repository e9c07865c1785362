/**
 * The browser's own side panel: Chrome and Edge `sidePanel`, Firefox `sidebarAction`. Both need a user
 * gesture, so call this first thing in a click or shortcut handler, before any `await`.
 */
interface SidePanelApis {
  chrome?: { sidePanel?: { open(options: { windowId: number }): Promise<void> } };
  browser?: { sidebarAction?: { open(): Promise<void> } };
}

export function openSidePanel(windowId: number | undefined): Promise<void> {
  const { chrome, browser } = globalThis as SidePanelApis;
  if (chrome?.sidePanel) {
    if (windowId === undefined) return Promise.reject(new Error('No window to open the side panel in.'));
    return chrome.sidePanel.open({ windowId });
  }
  if (browser?.sidebarAction) return browser.sidebarAction.open();
  return Promise.reject(new Error('This browser has no side panel for extensions.'));
}

/** Said where the browser refused to open its side panel from the page (Firefox takes no gesture from a content script). */
export const SIDE_PANEL_REFUSED =
  'The browser did not open its side panel from the page: click the ImmyBot button in the toolbar, then Open in side panel.';
