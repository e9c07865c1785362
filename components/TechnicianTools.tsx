import { useState } from 'preact/hooks';
import type { PaneLayout } from '../lib/pane/layout';
import type { PaneView } from '../lib/pane/view';
import { SetupPrompt } from './SetupPrompt';
import { SiteOffer } from './SiteOffer';
import { TechnicianToolsPane } from './TechnicianToolsPane';

interface Props {
  view: Exclude<PaneView, { kind: 'none' }>;
  layout: PaneLayout;
  onLayoutChange: (layout: PaneLayout) => void;
  onOpenSettings: () => void;
  onSignIn: () => void;
  onEnableSite: () => void;
  onDeclineSite: () => void;
  signedInAt: number;
  pushPage: (widthPx: number) => void;
}

/** What a HaloPSA ticket shows: the pane on a listed site, the offer on an unlisted tenant, the setup prompt before setup. */
export function TechnicianTools({ view, layout, onEnableSite, onDeclineSite, ...props }: Props) {
  const [dismissed, setDismissed] = useState(false);
  switch (view.kind) {
    case 'pane':
      return <TechnicianToolsPane {...props} faultId={view.faultId} connection={view.connection} initialLayout={layout} />;
    case 'offer':
      return <SiteOffer host={view.host} onEnable={onEnableSite} onDecline={onDeclineSite} />;
    case 'setup':
      return dismissed ? null : <SetupPrompt onOpenSettings={props.onOpenSettings} onDismiss={() => setDismissed(true)} />;
  }
}
