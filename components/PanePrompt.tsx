import type { Done } from '../lib/messaging/protocol';
import type { PromptView } from '../lib/pane/controller';
import { NativeTabNote } from './NativeTabNote';
import { SetupPrompt } from './SetupPrompt';
import { SidePanelHandle } from './SidePanelHandle';
import { SiteOffer } from './SiteOffer';

export interface PanePromptProps {
  view: PromptView;
  onOpenSettings: () => void;
  onEnableSite: () => void;
  onDeclineSite: () => void;
  onOpenSidePanel: () => Promise<Done>;
  /** HaloPSA already shows Technician Tools: the pane beside it anyway, for this ticket. */
  onOpenHere: () => void;
  /** Makes room beside HaloPSA for the docked setup prompt (0 = give it back). */
  pushPage: (widthPx: number) => void;
  /** Dismissed for good: no ticket shows the setup prompt again. */
  onDismissSetup: () => void;
}

/**
 * What a ticket shows instead of the pane: the offer on an unlisted tenant, the setup prompt before setup,
 * a handle when Technician Tools lives in the side panel, a note when HaloPSA's own Custom Tab shows it.
 */
export function PanePrompt(props: PanePromptProps) {
  const { view } = props;
  switch (view.kind) {
    case 'offer':
      return <SiteOffer host={view.host} onEnable={props.onEnableSite} onDecline={props.onDeclineSite} />;
    case 'sidePanel':
      return <SidePanelHandle faultId={view.faultId} onOpen={props.onOpenSidePanel} />;
    case 'native':
      return <NativeTabNote onOpenHere={props.onOpenHere} />;
    case 'setup':
      return (
        <SetupPrompt onOpenSettings={props.onOpenSettings} onDismiss={props.onDismissSetup} pushPage={props.pushPage} />
      );
  }
}
