import { render } from 'preact';
import { ToolbarPopup } from '../../components/popup/ToolbarPopup';

render(<ToolbarPopup />, document.getElementById('app') as HTMLElement);
