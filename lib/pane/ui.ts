/**
 * The pane's Preact controls live in their own script (`/pane-ui.js`), which the background injects
 * only into tabs that show a pane or a prompt: every other HaloPSA page is spared Preact. The script
 * registers itself here, in the isolated world our content scripts share (the page cannot see it).
 */
const PANE_UI_KEY = '__immybotTechnicianToolsUi';

export interface PaneUi<PaneProps, PromptProps> {
  renderPane(root: HTMLElement, props: PaneProps): void;
  renderPrompt(root: HTMLElement, props: PromptProps): void;
  unmount(root: HTMLElement): void;
}

type Registry = Record<string, PaneUi<never, never> | undefined>;

export function registerPaneUi(ui: PaneUi<never, never>): void {
  (globalThis as unknown as Registry)[PANE_UI_KEY] = ui;
}

/** The registered UI, if any. `forget` first drops one an older extension instance may have left. */
export function registeredPaneUi<PaneProps, PromptProps>({
  forget = false,
} = {}): PaneUi<PaneProps, PromptProps> | undefined {
  const registry = globalThis as unknown as Registry;
  if (forget) delete registry[PANE_UI_KEY];
  return registry[PANE_UI_KEY] as PaneUi<PaneProps, PromptProps> | undefined;
}
