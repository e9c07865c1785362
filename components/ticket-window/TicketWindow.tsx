import { useEffect, useRef, useState } from 'preact/hooks';
import { paneView, paneViewPodUrl, type PaneView } from '../../lib/pane/view';
import { openerFromQuery } from '../../lib/ticket-window';
import { FramedTicket } from '../ticket/FramedTicket';
import { TabNotice } from '../ticket/TabNotice';
import { useActiveTab } from '../ticket/useActiveTab';
import { useSettings } from '../shared/useSettings';
import { useSystemTheme } from '../shared/useSystemTheme';
import { useSaveBounds } from './useSaveBounds';

const opener = openerFromQuery(location.search);

interface ShownTicket {
  faultId: number;
  podUrl: string;
  /** The HaloPSA site the ticket is on: its connection answers the lookup and signs in. */
  site: string;
}

/**
 * The Technician Tools window (a second monitor): the ticket of the active tab in the browser window used last. When
 * that tab shows no ticket, one line says so and keeps the last ticket loaded, one click away.
 */
export function TicketWindow() {
  const settings = useSettings();
  const tab = useActiveTab('lastFocused', opener);
  const [pinned, setPinned] = useState(false);
  const last = useRef<ShownTicket | null>(null);
  useSystemTheme();
  useSaveBounds();
  const view = settings && tab ? paneView(tab.url ?? '', settings) : null;
  const current =
    view?.kind === 'pane'
      ? { faultId: view.faultId, podUrl: paneViewPodUrl(view), site: new URL(tab?.url ?? '').origin }
      : null;
  if (current) last.current = current;
  // A ticket in the tab again: the next time it shows none, the last ticket starts out of sight once more.
  useEffect(() => {
    if (current) setPinned(false);
  }, [current?.podUrl]);
  const ticket = current ?? last.current;
  useEffect(() => {
    document.title = ticket ? `Ticket ${ticket.faultId} · ImmyBot Technician Tools` : 'ImmyBot Technician Tools';
  }, [ticket?.faultId]);

  if (!settings || !tab || !view) return <p class="notice muted">Looking at your browser’s active tab…</p>;
  return (
    <>
      {view.kind !== 'pane' &&
        (ticket ? (
          <p class="away" role="status">
            <span>{awayText(view)}</span>
            {!pinned && (
              <button type="button" class="link" onClick={() => setPinned(true)}>
                Show ticket {ticket.faultId}
              </button>
            )}
          </p>
        ) : (
          <TabNotice view={view} url={tab.url ?? ''} noTicket={awayText(view)} />
        ))}
      {ticket && (
        <FramedTicket
          faultId={ticket.faultId}
          podUrl={ticket.podUrl}
          signedInAt={settings.signedInAt}
          site={ticket.site}
          hidden={!current && !pinned}
        />
      )}
    </>
  );
}

/** One line on what the active tab is, when it is no ticket with Technician Tools. */
function awayText(view: Exclude<PaneView, { kind: 'pane' }>): string {
  switch (view.kind) {
    case 'none':
      return 'The active tab shows no HaloPSA ticket.';
    case 'offer':
      return `Technician Tools is off on ${view.host}.`;
    case 'setup':
      return 'Technician Tools is not set up yet.';
  }
}
