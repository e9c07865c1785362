import { render } from 'preact';
import { SiteConsent } from '../../components/consent/SiteConsent';

render(
  <SiteConsent token={new URLSearchParams(location.search).get('token')} />,
  document.getElementById('app') as HTMLElement,
);
