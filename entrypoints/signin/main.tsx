import { render } from 'preact';
import { SignInPage } from '../../components/sign-in/SignInPage';

render(<SignInPage />, document.getElementById('app') as HTMLElement);
