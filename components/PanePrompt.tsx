import { useState } from 'preact/hooks';
import type { PromptView } from '../lib/pane/controller';
import { SetupPrompt } from './SetupPrompt';
import { SiteOffer } from './SiteOffer';

export interface PanePromptProps {
  view: PromptView;
  onOpenSettings: () => void;
  onEnableSite: () => void;
  onDeclineSite: () => void;
}

/** What a ticket shows instead of the pane: the offer on an unlisted tenant, the setup prompt before setup. */
export function PanePrompt({ view, onOpenSettings, onEnableSite, onDeclineSite }: PanePromptProps) {
  const [dismissed, setDismissed] = useState(false);
  if (view.kind === 'offer') return <SiteOffer host={view.host} onEnable={onEnableSite} onDecline={onDeclineSite} />;
  return dismissed ? null : <SetupPrompt onOpenSettings={onOpenSettings} onDismiss={() => setDismissed(true)} />;
}
