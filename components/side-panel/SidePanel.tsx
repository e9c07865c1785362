import { sendToBackground } from '../../lib/messaging/client';
import { paneView, paneViewPodUrl } from '../../lib/pane/view';
import { FramedTicket } from '../ticket/FramedTicket';
import { TabNotice } from '../ticket/TabNotice';
import { useActiveTab } from '../ticket/useActiveTab';
import { useSettings } from '../shared/useSettings';
import { useSystemTheme } from '../shared/useSystemTheme';
import { MakeDefaultOffer } from './MakeDefaultOffer';

const openWindow = () => void sendToBackground({ type: 'openTicketWindow' }).catch(() => undefined);

/**
 * The browser's side panel (Chrome, Edge) or sidebar (Firefox): Technician Tools for the active tab's
 * ticket. Framed by an extension page, ImmyBot gets its own cookie in every browser, with no exception.
 */
export function SidePanel() {
  const settings = useSettings();
  const tab = useActiveTab('ownWindow');
  useSystemTheme();
  if (!settings || !tab) return <p class="notice muted">Looking at this window’s tab…</p>;
  const view = paneView(tab.url ?? '', settings);
  if (view.kind !== 'pane')
    return (
      <TabNotice
        view={view}
        url={tab.url ?? ''}
        noTicket="Open a HaloPSA ticket in this window: its Technician Tools show here."
      />
    );
  return (
    <>
      <MakeDefaultOffer settings={settings} />
      <FramedTicket
        faultId={view.faultId}
        podUrl={paneViewPodUrl(view)}
        signedInAt={settings.signedInAt}
        site={new URL(tab.url ?? '').origin}
        onOpenWindow={openWindow}
      />
    </>
  );
}
