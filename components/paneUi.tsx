import { render } from 'preact';
import type { PaneUi } from '../lib/pane/ui';
import { PanePrompt, type PanePromptProps } from './PanePrompt';
import { TechnicianToolsPane, type TechnicianToolsPaneProps } from './TechnicianToolsPane';

/** The pane's controls and prompts, rendered by the content script through the injected `/pane-ui.js`. */
export const paneUi: PaneUi<TechnicianToolsPaneProps, PanePromptProps> = {
  renderPane: (root, props) => render(<TechnicianToolsPane {...props} />, root),
  renderPrompt: (root, props) => render(<PanePrompt {...props} />, root),
  unmount: (root) => render(null, root),
};
