import { render } from 'preact';
import { SidePanel } from '../../components/side-panel/SidePanel';

render(<SidePanel />, document.getElementById('app') as HTMLElement);
