import { podUrl } from '../immybot/pod-url';
import { faultIdFromUrl } from '../halo/ticket';
import type { PageSettings } from '../settings/page-settings';
import { paneView, type PaneView } from './view';

export type PromptView = Extract<PaneView, { kind: 'setup' | 'offer' }>;

/** What the controller asks of the page; the content script implements it with DOM and Preact. */
export interface PaneOutputs {
  /**
   * Shows (or moves) the pane to `url`; `reload` when a completed sign-in means the frame should load
   * again; `signedInAt` changes with every completed sign-in, so the header asks ImmyBot again.
   */
  showPane(faultId: number, url: string, options: { reload: boolean; signedInAt: number }): void;
  showPrompt(view: PromptView): void;
  /** Takes everything away. */
  clear(): void;
  /** The pane stopped showing a ticket (the toolbar badge counts that ticket's computers). */
  ticketClosed(): void;
}

/**
 * The content script's decisions, free of DOM and browser APIs: which view a URL and the settings call
 * for, when to read settings (on the first ticket only: other pages cost nothing more), and when the
 * frame must load again. Inputs: navigations and settings changes; outputs: PaneOutputs.
 */
export function createPaneController(loadSettings: () => Promise<PageSettings>, out: PaneOutputs) {
  let url = '';
  let settings: PageSettings | null = null;
  let loading: Promise<void> | null = null;
  let shown: PaneView['kind'] = 'none';
  let signedInAt: number | null = null;

  const update = () => {
    if (!settings) {
      // Once: later navigations while the read is out just update `url`.
      if (faultIdFromUrl(url) !== null && !loading) loading = loadSettings().then(settingsChanged);
      return;
    }
    const view = paneView(url, settings);
    const was = shown;
    shown = view.kind;
    if (view.kind === 'pane') {
      const { instanceOrigin, integrationId } = view.connection;
      const reload = was === 'pane' && signedInAt !== settings.signedInAt;
      signedInAt = settings.signedInAt;
      return out.showPane(view.faultId, podUrl(instanceOrigin, integrationId, view.faultId), { reload, signedInAt });
    }
    if (was === 'pane') out.ticketClosed();
    if (view.kind === 'none') out.clear();
    else out.showPrompt(view);
  };

  function settingsChanged(next: PageSettings): void {
    settings = next;
    update();
  }

  return {
    navigate(next: string): void {
      url = next;
      update();
    },
    settingsChanged,
  };
}
