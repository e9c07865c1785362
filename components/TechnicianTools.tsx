import { useState } from 'preact/hooks';
import type { PaneLayout } from '../lib/pane/layout';
import type { ImmyBotConnection } from '../lib/settings/schema';
import { SetupPrompt } from './SetupPrompt';
import { TechnicianToolsPane } from './TechnicianToolsPane';

interface Props {
  faultId: number;
  connection: ImmyBotConnection | null;
  layout: PaneLayout;
  onLayoutChange: (layout: PaneLayout) => void;
  onOpenSettings: () => void;
  onSignIn: () => void;
  signedInAt: number;
  pushPage: (widthPx: number) => void;
}

/** What a HaloPSA ticket shows: the pane once ImmyBot is configured, a setup prompt before. */
export function TechnicianTools({ connection, ...props }: Props) {
  const [dismissed, setDismissed] = useState(false);
  if (connection) return <TechnicianToolsPane {...props} connection={connection} initialLayout={props.layout} />;
  return dismissed ? null : <SetupPrompt onOpenSettings={props.onOpenSettings} onDismiss={() => setDismissed(true)} />;
}
