import { render } from 'preact';
import { PanePage } from '../../components/pane/PanePage';

// Framed by the content script into a HaloPSA ticket (web-accessible): every control and ImmyBot answer lives here.
render(<PanePage />, document.getElementById('app') as HTMLElement);
