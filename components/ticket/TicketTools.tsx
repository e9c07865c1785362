import { useRef, useState } from 'preact/hooks';
import type { CookieAccess } from '../../lib/immybot/cookie-access';
import { sendToBackground } from '../../lib/messaging/client';
import { SIDE_PANEL_REFUSED } from '../../lib/side-panel';
import { TicketHeader } from './TicketHeader';
import { SignedOutNote } from './SignedOutNote';
import { TicketSummary } from './TicketSummary';
import { type LookupState, useTicketLookup } from './useTicketLookup';

const openOptions = () => void sendToBackground({ type: 'openOptions' }).catch(() => undefined);
// To the instance of the site's connection; askCookies: the window asks again even after an earlier "no".
const signIn = (site: string | undefined, askCookies?: boolean) =>
  void sendToBackground({ type: 'signIn', site, askCookies }).catch(() => undefined);

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
  /** The docked pane only: the side panel opened, so the pane steps aside (one Technician Tools per ticket). */
  onSidePanelOpened?: () => void;
  /** Opens (or focuses) the Technician Tools window; not offered in that window itself. */
  onOpenWindow?: () => void;
  /** The docked pane's HaloPSA site, where ImmyBot's frame may lack its cookie; the side panel's frame never does. */
  site?: string;
  /** The side panel's: the HaloPSA site of its tab's ticket, whose connection looks it up and signs in. */
  ticketSite?: string;
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
  onSidePanelOpened,
  onOpenWindow,
  site,
  ticketSite = site || undefined,
}: TicketToolsProps) {
  const [reloads, setReloads] = useState(0);
  const [sidePanelRefused, setSidePanelRefused] = useState(false);
  // Whatever makes ImmyBot worth asking again: a completed sign-in or the Reload button.
  const [lookup, retryLookup] = useTicketLookup(faultId, podUrl, signedInAt + reloads, ticketSite);
  const cookieAccess = useLastCookieAccess(lookup.answer);
  const openSidePanel =
    onOpenSidePanel &&
    (() =>
      void onOpenSidePanel().then((opened) => {
        setSidePanelRefused(!opened);
        if (opened) onSidePanelOpened?.();
      }));
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
        onOpenWindow={onOpenWindow}
      />
      {sidePanelRefused && (
        <div class="summary problem" role="status">
          {SIDE_PANEL_REFUSED}
        </div>
      )}
      <TicketSummary
        faultId={faultId}
        lookup={lookup}
        onSignIn={() => signIn(ticketSite)}
        onRetry={retryLookup}
        onOpenSettings={openOptions}
      />
      {site && (
        <SignedOutNote
          site={site}
          cookieAccess={cookieAccess}
          onAllowCookies={() => signIn(ticketSite, true)}
          onOpenSidePanel={openSidePanel}
        />
      )}
    </>
  );
}

/** Whether ImmyBot's frame has its cookie, as the last answer said: kept while the next ticket is looked up. */
function useLastCookieAccess(answer: LookupState['answer']): CookieAccess | undefined {
  const last = useRef<CookieAccess | undefined>(undefined);
  if (answer?.ok) last.current = answer.cookieAccess;
  return last.current;
}
