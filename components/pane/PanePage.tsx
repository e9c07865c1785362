import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { toUrl } from '../../lib/halo/hosts';
import { sendToBackground } from '../../lib/messaging/client';
import type { FrameMessage } from '../../lib/pane/channel';
import { paneView, paneViewPodUrl } from '../../lib/pane/view';
import { showPlace } from '../../lib/settings/show';
import { openSidePanel } from '../../lib/side-panel';
import { CollapsedHandle } from './CollapsedHandle';
import { SetupPrompt } from './SetupPrompt';
import { EdgeHandle } from './EdgeHandle';
import { SiteOffer } from './SiteOffer';
import { TechnicianToolsPane } from './TechnicianToolsPane';
import { useDock } from './useDock';
import { useSettings } from '../shared/useSettings';
import { usePaneTab } from './usePaneTab';
import { useReportSize } from './useReportSize';

const openWindow = () =>
  sendToBackground({ type: 'openTicketWindow' }).then(
    () => true,
    () => false,
  );

const ask = (type: 'openOptions' | 'declineSite' | 'askSiteConsent') =>
  void sendToBackground({ type }).catch(() => undefined);

/**
 * The pane's own page, framed into a HaloPSA ticket by the content script. What it shows is decided here, from
 * the settings and the tab's address as the browser reports it: the page around it cannot tell it a ticket, see
 * its answers, or turn a site on (the offer only opens the extension's own consent window).
 */
export function PanePage() {
  const { state, focusRequests, moves, post } = useDock();
  // The dock removes this frame on "dismissSetup": only once the click that said it has finished here, else the
  // browser may lose the click's end with the frame (seen as a click that never returns).
  const dismissAfterThisClick = () => setTimeout(() => post({ t: 'dismissSetup' }), 50);
  const settings = useSettings();
  const tab = usePaneTab(moves);
  useThemeClass(state?.dark);
  if (!settings || !tab || !state) return null;
  const view = paneView(tab.url ?? '', settings);
  // Called first thing in the click: the browser opens its side panel only within the click's gesture.
  const openSidePanelHere = () =>
    openSidePanel(tab.windowId).then(
      () => true,
      () => false,
    );
  switch (view.kind) {
    case 'none':
      return null;
    case 'offer':
      return (
        <Measured post={post}>
          <SiteOffer host={view.host} onEnable={() => ask('askSiteConsent')} onDecline={() => ask('declineSite')} />
        </Measured>
      );
    case 'setup':
      return (
        <Measured post={post}>
          <SetupPrompt onOpenSettings={() => ask('openOptions')} onDismiss={dismissAfterThisClick} />
        </Measured>
      );
    case 'pane': {
      if (state.mode === 'native')
        return (
          <section class="pane docked collapsed" data-fault-id={view.faultId} aria-label="ImmyBot Technician Tools">
            <CollapsedHandle faultId={view.faultId} reason="native" onExpand={() => post({ t: 'openHere' })} />
          </section>
        );
      if (state.mode === 'elsewhere')
        return (
          <Measured post={post} width>
            {showPlace(settings.show) === 'window' ? (
              <EdgeHandle faultId={view.faultId} place="window" onOpen={openWindow} />
            ) : (
              <EdgeHandle faultId={view.faultId} place="sidePanel" onOpen={openSidePanelHere} />
            )}
          </Measured>
        );
      return (
        <TechnicianToolsPane
          faultId={view.faultId}
          podUrl={paneViewPodUrl(view)}
          signedInAt={settings.signedInAt}
          state={state}
          focusRequests={focusRequests}
          post={post}
          onOpenSidePanel={openSidePanelHere}
          site={toUrl(tab.url ?? '')?.origin ?? ''}
        />
      );
    }
  }
}

/** A prompt at its natural size: the dock sizes its box to fit. */
function Measured({
  post,
  width = false,
  children,
}: {
  post: (m: FrameMessage) => void;
  width?: boolean;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useReportSize(ref, post, { width });
  return (
    <div class={width ? 'measured fit' : 'measured'} ref={ref}>
      {children}
    </div>
  );
}

/** HaloPSA's theme as the dock reads it (the page can only make it light or dark), else the system's. */
function useThemeClass(dark: boolean | undefined) {
  useEffect(() => {
    const system = window.matchMedia('(prefers-color-scheme: dark)').matches;
    document.getElementById('app')?.classList.toggle('theme-dark', dark ?? system);
  }, [dark]);
}
