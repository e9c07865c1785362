import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Done } from '../lib/messaging/protocol';
import {
  clampWidth,
  COLLAPSED_WIDTH,
  hasRoomForPane,
  maxPaneWidth,
  MIN_PANE_WIDTH,
  type PaneLayout,
} from '../lib/pane/layout';
import type { PaneShell } from '../lib/pane/shell';
import { trusted } from '../lib/pane/trusted';
import { SIDE_PANEL_REFUSED } from '../lib/side-panel';
import { CollapsedHandle } from './CollapsedHandle';
import { COLLAPSE_LABEL, PaneHeader } from './PaneHeader';
import { ResizeGrip } from './ResizeGrip';
import { TicketSummary } from './TicketSummary';
import { useTicketLookup } from './useTicketLookup';
import { useViewportWidth } from './useViewportWidth';

export interface TechnicianToolsPaneProps {
  faultId: number;
  /** The Technician Tools URL the shell's frame shows. */
  podUrl: string;
  /** The section and frame the content script made; this component only decorates them. */
  shell: PaneShell;
  initialLayout: PaneLayout;
  onLayoutChange: (layout: PaneLayout) => void;
  onOpenSettings: () => void;
  onSignIn: () => void;
  /** Changes when an ImmyBot sign-in completes: the header asks ImmyBot again. */
  signedInAt: number;
  /** Makes room for the pane in HaloPSA's page (0 = give it all back). */
  pushPage: (widthPx: number) => void;
  /** Asks the background to open this window's side panel (the click's gesture goes with the message). */
  onOpenSidePanel: () => Promise<Done>;
  /** Hands the content script the way into the pane (shortcut, skip link): expands it and focuses its controls. */
  bindFocus: (focus: () => void) => void;
}

/** The docked pane's controls: grip, header and summary around the frame; collapsible to a slim handle. */
export function TechnicianToolsPane(props: TechnicianToolsPaneProps) {
  const { faultId, podUrl, shell, initialLayout, onLayoutChange, onOpenSettings, onSignIn, signedInAt, pushPage } =
    props;
  const [sidePanelRefused, setSidePanelRefused] = useState(false);
  // The width the technician chose is kept as chosen; what shows is fitted to the window as it is now.
  const [layout, setLayout] = useState(initialLayout);
  const viewportWidth = useViewportWidth();
  const noRoom = !hasRoomForPane(viewportWidth);
  const collapsed = layout.collapsed || noRoom;
  const [dragging, setDragging] = useState(false);
  const [reloads, setReloads] = useState(0);
  // Whatever makes ImmyBot worth asking again: a completed sign-in or the Reload button.
  const [lookup, retryLookup] = useTicketLookup(faultId, signedInAt + reloads);
  const openWidth = clampWidth(layout.width, viewportWidth);
  const shownWidth = collapsed ? COLLAPSED_WIDTH : openWidth;

  useLayoutEffect(() => {
    const { section, frame } = shell;
    section.className = `pane${collapsed ? ' collapsed' : ''}${dragging ? ' dragging' : ''}`;
    section.style.width = `${shownWidth}px`;
    section.setAttribute('aria-label', `ImmyBot Technician Tools for ticket ${faultId}`);
    section.dataset.faultId = String(faultId);
    frame.element.title = `ImmyBot Technician Tools for ticket ${faultId}`;
    frame.element.hidden = collapsed;
    pushPage(shownWidth);
  }, [shell, collapsed, dragging, shownWidth, faultId]);
  useEffect(() => () => pushPage(0), []);

  // The latest layout, readable synchronously by drag and key handlers between renders.
  const latest = useRef(layout);
  const shownCollapsed = useRef(collapsed);
  shownCollapsed.current = collapsed;
  // Where the keyboard focus goes once a collapse or expand has rendered (else it would fall to <body>).
  const focusNext = useRef<string | null>(null);
  const show = (next: PaneLayout) => {
    latest.current = next;
    setLayout(next);
  };
  const update = (next: PaneLayout) => {
    show(next);
    onLayoutChange(next);
  };
  const setCollapsed = (value: boolean) => {
    focusNext.current = value ? '.handle' : `[aria-label="${COLLAPSE_LABEL}"]`;
    update({ ...latest.current, collapsed: value });
  };
  useEffect(() => {
    // No room to expand into: the focus stays on the handle, which says why.
    const { section } = shell;
    if (focusNext.current)
      (section.querySelector<HTMLElement>(focusNext.current) ?? section.querySelector<HTMLElement>('.handle'))?.focus();
    focusNext.current = null;
  });
  useEffect(() => {
    props.bindFocus(() => {
      if (latest.current.collapsed) return setCollapsed(false);
      shell.section
        .querySelector<HTMLElement>(shownCollapsed.current ? '.handle' : `[aria-label="${COLLAPSE_LABEL}"]`)
        ?.focus();
    });
    // Escape anywhere in the pane's controls collapses it (keys inside ImmyBot's frame stay ImmyBot's).
    const onKey = trusted((event: KeyboardEvent) => {
      if (event.key === 'Escape' && !shownCollapsed.current) setCollapsed(true);
    });
    shell.section.addEventListener('keydown', onKey);
    return () => shell.section.removeEventListener('keydown', onKey);
  }, [shell]);
  const openSidePanel = () =>
    void props.onOpenSidePanel().then(
      (done) => setSidePanelRefused(!done.ok),
      () => setSidePanelRefused(true),
    );

  if (collapsed) {
    return <CollapsedHandle faultId={faultId} noRoom={noRoom} onExpand={() => setCollapsed(false)} />;
  }
  return (
    <>
      <ResizeGrip
        width={openWidth}
        min={MIN_PANE_WIDTH}
        max={Math.max(MIN_PANE_WIDTH, maxPaneWidth(viewportWidth))}
        onResize={(width) => show({ ...latest.current, width: clampWidth(width, window.innerWidth) })}
        onResizeEnd={() => onLayoutChange(latest.current)}
        onDragChange={setDragging}
      />
      <PaneHeader
        faultId={faultId}
        podUrl={podUrl}
        onReload={() => {
          shell.frame.show(podUrl, { reload: true });
          setReloads((n) => n + 1);
        }}
        onCollapse={() => setCollapsed(true)}
        onOpenSettings={onOpenSettings}
        onOpenSidePanel={openSidePanel}
      />
      {sidePanelRefused && (
        <div class="summary problem" role="status">
          {SIDE_PANEL_REFUSED}
        </div>
      )}
      <TicketSummary
        lookup={lookup}
        onSignIn={onSignIn}
        onRetry={retryLookup}
        onOpenSettings={onOpenSettings}
        onOpenSidePanel={openSidePanel}
      />
    </>
  );
}
