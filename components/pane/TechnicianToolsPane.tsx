import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../lib/messaging/client';
import type { FrameMessage } from '../../lib/pane/channel';
import { trusted } from '../../lib/pane/trusted';
import { CollapsedHandle } from './CollapsedHandle';
import { COLLAPSE_LABEL } from '../ticket/TicketHeader';
import { ResizeGrip } from './ResizeGrip';
import { TicketTools } from '../ticket/TicketTools';
import type { DockState } from './useDock';
import { useReportSize } from './useReportSize';

const openTicketWindow = () => sendToBackground({ type: 'openTicketWindow' });

export interface TechnicianToolsPaneProps {
  faultId: number;
  podUrl: string;
  signedInAt: number;
  /** The dock's layout: width, collapsed, room. */
  state: DockState;
  focusRequests: number;
  post: (message: FrameMessage) => void;
  onOpenSidePanel: () => Promise<boolean>;
  /** The HaloPSA site the tab is on. */
  site: string;
}

/** The docked pane's own page: grip, header and summary above ImmyBot's frame (the dock's); collapsible to a handle. */
export function TechnicianToolsPane({
  faultId,
  podUrl,
  signedInAt,
  state,
  focusRequests,
  post,
  onOpenSidePanel,
  site,
}: TechnicianToolsPaneProps) {
  const { collapsed, noRoom, width, min, max } = state;
  const top = useRef<HTMLDivElement>(null);
  const [sidePanelRefused, setSidePanelRefused] = useState(false);
  useReportSize(top, post);
  // The latest state, readable by key handlers between renders.
  const shownCollapsed = useRef(collapsed);
  shownCollapsed.current = collapsed;
  // Where the keyboard focus goes once a collapse or expand has rendered (else it would fall to <body>).
  const focusNext = useRef<boolean>(false);
  const setCollapsed = (value: boolean) => {
    focusNext.current = true;
    post({ t: 'layout', collapsed: value, end: true });
  };
  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    // No room to expand into: the focus stays on the handle, which says why.
    document.querySelector<HTMLElement>(collapsed ? '.handle' : `[aria-label="${COLLAPSE_LABEL}"]`)?.focus();
  });
  useEffect(() => {
    if (focusRequests === 0) return;
    document
      .querySelector<HTMLElement>(shownCollapsed.current ? '.handle' : `[aria-label="${COLLAPSE_LABEL}"]`)
      ?.focus();
  }, [focusRequests]);
  useEffect(() => {
    // Escape anywhere in the pane's controls collapses it (keys inside ImmyBot's frame stay ImmyBot's).
    const onKey = trusted((event: KeyboardEvent) => {
      if (event.key === 'Escape' && !shownCollapsed.current) setCollapsed(true);
    });
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const label = `ImmyBot Technician Tools for ticket ${faultId}`;
  if (collapsed)
    return (
      <section class="pane docked collapsed" data-fault-id={faultId} aria-label={label}>
        <CollapsedHandle
          faultId={faultId}
          reason={noRoom ? (sidePanelRefused ? 'noRoomNoSidePanel' : 'noRoom') : 'chosen'}
          // Too narrow to expand: the side panel, where the window's width does not matter.
          onExpand={() =>
            noRoom ? void onOpenSidePanel().then((opened) => setSidePanelRefused(!opened)) : setCollapsed(false)
          }
        />
      </section>
    );
  return (
    <section class="pane docked" data-fault-id={faultId} aria-label={label}>
      <ResizeGrip
        width={width}
        min={min}
        max={max}
        onResize={(next) => post({ t: 'layout', width: next })}
        onResizeEnd={() => post({ t: 'layout', end: true })}
        onDragChange={(on) => post({ t: 'dragging', on })}
      />
      <div class="top" ref={top}>
        <TicketTools
          faultId={faultId}
          podUrl={podUrl}
          signedInAt={signedInAt}
          onReload={() => post({ t: 'reload' })}
          onCollapse={() => setCollapsed(true)}
          onSidePanelOpened={() => setCollapsed(true)}
          // The window shows this ticket now: the pane steps aside, as for the side panel (one Technician Tools per ticket).
          onOpenWindow={() =>
            void openTicketWindow().then(
              () => setCollapsed(true),
              () => undefined,
            )
          }
          site={site}
          onOpenSidePanel={onOpenSidePanel}
        />
      </div>
    </section>
  );
}
