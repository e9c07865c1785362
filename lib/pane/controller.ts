import { faultIdFromUrl } from '../halo/ticket';
import type { CurrentSettings } from '../settings/settings';
import { showPlace, showsInPage } from '../settings/show';
import { paneView, paneViewPodUrl, type PaneView } from './view';

export type PromptView =
  | Extract<PaneView, { kind: 'setup' | 'offer' }>
  /** "In the side panel" or "In its own window" is the chosen place: only a slim handle that opens it. */
  | { kind: 'elsewhere'; faultId: number }
  /**
   * HaloPSA's own Custom Tab shows Technician Tools on this site: the pane stays collapsed to its handle, with no
   * second frame, whichever of HaloPSA's tabs is open (so HaloPSA does not reflow when the technician switches them).
   */
  | { kind: 'native'; faultId: number };

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
  /**
   * Watches (or stops watching) HaloPSA's page for its own Technician Tools frame, calling
   * `refresh` when that changes; answers whether the page shows one now.
   */
  watchNativeTab(watch: boolean): boolean;
  /**
   * Whether this HaloPSA site is known to show its own Technician Tools; `seen` says it does now, to remember (a
   * later ticket then loads Technician Tools once, HaloPSA's, instead of ours first).
   */
  nativeTabSite(seen: boolean): boolean;
}

/**
 * The content script's decisions, free of DOM and browser APIs: which view a URL and the settings call
 * for, when to read settings (on the first ticket only: other pages cost nothing more), and when the
 * frame must load again. Inputs: navigations, settings changes and HaloPSA's own Technician Tools
 * coming and going; outputs: PaneOutputs.
 */
export function createPaneController(loadSettings: () => Promise<CurrentSettings>, out: PaneOutputs) {
  let url = '';
  let settings: CurrentSettings | null = null;
  let loading: Promise<void> | null = null;
  let shown: 'pane' | 'prompt' | 'none' = 'none';
  let signedInAt: number | null = null;
  /** The ticket whose "Open it here anyway" was clicked. */
  let hereAnyway: number | null = null;

  const update = () => {
    if (!settings) {
      // Once: later navigations while the read is out just update `url`.
      if (faultIdFromUrl(url) !== null && !loading) loading = loadSettings().then(settingsChanged);
      return;
    }
    const view = paneView(url, settings);
    const inPage = view.kind === 'pane' && showsInPage(showPlace(settings.show));
    const seen = out.watchNativeTab(inPage);
    const native = inPage && view.kind === 'pane' && out.nativeTabSite(seen) && hereAnyway !== view.faultId;
    const was = shown;
    if (view.kind === 'pane' && inPage && !native) {
      shown = 'pane';
      const reload = was === 'pane' && signedInAt !== settings.signedInAt;
      signedInAt = settings.signedInAt;
      return out.showPane(view.faultId, paneViewPodUrl(view), { reload, signedInAt });
    }
    if (was === 'pane') out.ticketClosed();
    if (view.kind === 'none') {
      shown = 'none';
      return out.clear();
    }
    shown = 'prompt';
    if (view.kind !== 'pane') return out.showPrompt(view);
    out.showPrompt({ kind: inPage ? 'native' : 'elsewhere', faultId: view.faultId });
  };

  function settingsChanged(next: CurrentSettings): void {
    settings = next;
    update();
  }

  return {
    navigate(next: string): void {
      url = next;
      update();
    },
    settingsChanged,
    /** HaloPSA's own Technician Tools frame came or went. */
    refresh: update,
    /** "Open it here anyway": this ticket gets the pane beside HaloPSA's own Technician Tools. */
    openHereAnyway(faultId: number): void {
      hereAnyway = faultId;
      update();
    },
  };
}
