import { paneUi } from '../components/paneUi';
import { registerPaneUi } from '../lib/pane/ui';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

// Injected by the background (scripting.executeScript) into a HaloPSA tab that needs the pane's controls.
export default defineUnlistedScript(() => registerPaneUi(paneUi as never));
