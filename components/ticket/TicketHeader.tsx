import { IconButton } from '../shared/IconButton';

/** The collapse button's name: focus returns to it when the pane expands. */
export const COLLAPSE_LABEL = 'Collapse Technician Tools';

interface Props {
  faultId: number;
  podUrl: string;
  onReload: () => void;
  onOpenSettings: () => void;
  /** The docked pane only: the side panel itself has neither. */
  onCollapse?: () => void;
  onOpenSidePanel?: () => void;
  /** Not in the Technician Tools window itself. */
  onOpenWindow?: () => void;
}

export function TicketHeader({
  faultId,
  podUrl,
  onReload,
  onCollapse,
  onOpenSettings,
  onOpenSidePanel,
  onOpenWindow,
}: Props) {
  return (
    <header class="header">
      <div class="title">
        <span class="brand">ImmyBot</span>
        <span class="ticket" data-testid="pane-ticket">
          Ticket {faultId}
        </span>
      </div>
      <div class="actions">
        <IconButton icon="reload" label="Reload Technician Tools" onClick={onReload} />
        {/* A button, not a link: a page script's synthetic click on a link would still follow it. */}
        <IconButton
          icon="external"
          label="Open in new tab"
          onClick={() => window.open(podUrl, '_blank', 'noopener,noreferrer')}
        />
        {onOpenSidePanel && <IconButton icon="sidePanel" label="Open in side panel" onClick={onOpenSidePanel} />}
        {onOpenWindow && <IconButton icon="window" label="Open in a window" onClick={onOpenWindow} />}
        <IconButton icon="settings" label="Open settings" onClick={onOpenSettings} />
        {onCollapse && <IconButton icon="collapse" label={COLLAPSE_LABEL} onClick={onCollapse} />}
      </div>
    </header>
  );
}
