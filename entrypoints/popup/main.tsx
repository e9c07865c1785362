import { render } from 'preact';
import { ToolbarPopup } from '../../components/ToolbarPopup';

render(<ToolbarPopup />, document.getElementById('app') as HTMLElement);
