import { render } from 'preact';
import { TicketWindow } from '../../components/ticket-window/TicketWindow';

render(<TicketWindow />, document.getElementById('app') as HTMLElement);
