import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { podUrl } from '../lib/immybot/pod-url';
import { clampWidth, COLLAPSED_WIDTH, type PaneLayout } from '../lib/pane/layout';
import type { ImmyBotConnection } from '../lib/settings/schema';
import { CollapsedHandle } from './CollapsedHandle';
import { PaneHeader } from './PaneHeader';
import { PodFrame } from './PodFrame';
import { ResizeGrip } from './ResizeGrip';
import { TicketSummary } from './TicketSummary';
import { useTicketLookup } from './useTicketLookup';

interface Props {
  faultId: number;
  connection: ImmyBotConnection;
  initialLayout: PaneLayout;
  onLayoutChange: (layout: PaneLayout) => void;
  onOpenSettings: () => void;
  onSignIn: () => void;
  /** Changes when an ImmyBot sign-in completes: header and frame refresh. */
  signedInAt: number;
  /** Makes room for the pane in HaloPSA's page (0 = give it all back). */
  pushPage: (widthPx: number) => void;
}

/** The docked Technician Tools pane: header, resizable frame, collapsible to a slim handle. */
export function TechnicianToolsPane(props: Props) {
  const { faultId, connection, initialLayout, onLayoutChange, onOpenSettings, onSignIn, signedInAt, pushPage } = props;
  const [layout, setLayout] = useState(() => ({ ...initialLayout, width: clampWidth(initialLayout.width, window.innerWidth) }));
  const [dragging, setDragging] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [lookup, retryLookup] = useTicketLookup(faultId, signedInAt + reloads);
  const url = podUrl(connection.instanceOrigin, connection.integrationId, faultId);
  const shownWidth = layout.collapsed ? COLLAPSED_WIDTH : layout.width;

  useLayoutEffect(() => pushPage(shownWidth), [shownWidth]);
  useEffect(() => () => pushPage(0), []);

  // The latest layout, readable synchronously by drag and key handlers between renders.
  const latest = useRef(layout);
  const show = (next: PaneLayout) => {
    latest.current = next;
    setLayout(next);
  };
  const update = (next: PaneLayout) => {
    show(next);
    onLayoutChange(next);
  };

  return (
    <section
      class={`pane${layout.collapsed ? ' collapsed' : ''}${dragging ? ' dragging' : ''}`}
      style={{ width: `${shownWidth}px` }}
      aria-label={`ImmyBot Technician Tools for ticket ${faultId}`}
      data-fault-id={faultId}
    >
      {layout.collapsed ? (
        <CollapsedHandle faultId={faultId} onExpand={() => update({ ...layout, collapsed: false })} />
      ) : (
        <>
          <ResizeGrip
            width={layout.width}
            onResize={(width) => show({ ...latest.current, width: clampWidth(width, window.innerWidth) })}
            onResizeEnd={() => onLayoutChange(latest.current)}
            onDragChange={setDragging}
          />
          <PaneHeader
            faultId={faultId}
            podUrl={url}
            onReload={() => setReloads((n) => n + 1)}
            onCollapse={() => update({ ...layout, collapsed: true })}
            onOpenSettings={onOpenSettings}
          />
          <TicketSummary lookup={lookup} onSignIn={onSignIn} onRetry={retryLookup} onOpenSettings={onOpenSettings} />
        </>
      )}
      <PodFrame url={url} reloads={reloads + signedInAt} title={`ImmyBot Technician Tools for ticket ${faultId}`} hidden={layout.collapsed} />
    </section>
  );
}
