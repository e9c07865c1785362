import { render } from 'preact';
import { SidePanel } from '../../components/SidePanel';

render(<SidePanel />, document.getElementById('app') as HTMLElement);
