import { render } from 'preact';
import { SignInPage } from '../../components/SignInPage';

render(<SignInPage />, document.getElementById('app') as HTMLElement);
