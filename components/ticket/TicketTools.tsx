import { useState } from 'preact/hooks';
import { sendToBackground } from '../../lib/messaging/client';
import { SIDE_PANEL_REFUSED } from '../../lib/side-panel';
import { TicketHeader } from './TicketHeader';
import { TicketSummary } from './TicketSummary';
import { useTicketLookup } from './useTicketLookup';

const openOptions = () => void sendToBackground({ type: 'openOptions' }).catch(() => undefined);
const signIn = () => void sendToBackground({ type: 'signIn' }).catch(() => undefined);

export interface TicketToolsProps {
  faultId: number;
  podUrl: string;
  /** Changes when an ImmyBot sign-in completes: ImmyBot is asked again. */
  signedInAt: number;
  /** Loads Technician Tools again (the frame is the caller's). */
  onReload: () => void;
  /** The docked pane only. */
  onCollapse?: () => void;
  /** The docked pane only: opens this window's side panel, answering whether the browser did. */
  onOpenSidePanel?: () => Promise<boolean>;
  inSidePanel?: boolean;
}

/**
 * The header and summary of one ticket's Technician Tools: written once for the docked pane's own page and the
 * side panel, both extension pages, so ImmyBot's answers never enter a HaloPSA page's DOM.
 */
export function TicketTools({
  faultId,
  podUrl,
  signedInAt,
  onReload,
  onCollapse,
  onOpenSidePanel,
  inSidePanel,
}: TicketToolsProps) {
  const [reloads, setReloads] = useState(0);
  const [sidePanelRefused, setSidePanelRefused] = useState(false);
  // Whatever makes ImmyBot worth asking again: a completed sign-in or the Reload button.
  const [lookup, retryLookup] = useTicketLookup(faultId, signedInAt + reloads);
  const openSidePanel =
    onOpenSidePanel && (() => void onOpenSidePanel().then((opened) => setSidePanelRefused(!opened)));
  return (
    <>
      <TicketHeader
        faultId={faultId}
        podUrl={podUrl}
        onReload={() => {
          onReload();
          setReloads((n) => n + 1);
        }}
        onCollapse={onCollapse}
        onOpenSettings={openOptions}
        onOpenSidePanel={openSidePanel}
      />
      {sidePanelRefused && (
        <div class="summary problem" role="status">
          {SIDE_PANEL_REFUSED}
        </div>
      )}
      <TicketSummary
        lookup={lookup}
        onSignIn={signIn}
        onRetry={retryLookup}
        onOpenSettings={openOptions}
        onOpenSidePanel={openSidePanel}
        inSidePanel={inSidePanel}
      />
    </>
  );
}
