import { render } from 'preact';
import { PaneFrame } from '../../components/pane/PaneFrame';

// Framed by the content script into a HaloPSA ticket (web-accessible): every control and ImmyBot answer lives here.
render(<PaneFrame />, document.getElementById('app') as HTMLElement);
