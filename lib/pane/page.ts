import { loadSettings, watchSettings } from '../settings/settings';
import { TOGGLE_PANE } from '../shortcut';
import { createPaneController } from './controller';
import { createDock, type Dock } from './dock';
import { PANE_TAG } from './host';
import { DEFAULT_LAYOUT, loadLayout, type PaneLayout, saveLayout } from './layout';
import { createNativeTabWatch, loadNativeTabSites, rememberNativeTabSite } from './native-tab';
import { loadSetupDismissed, saveSetupDismissed } from './setup-dismissed';

/** A message to the content script, and the little of its sender the shortcut looks at. */
type MessageListener = (message: unknown, sender: { id?: string; tab?: unknown }) => void;

/** The content script's life, as WXT's ContentScriptContext gives it: listeners added through it end with it. */
export interface PageContext {
  /** Also notices the extension was reloaded or removed under the page, and ends the life then. */
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): unknown;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: (event: { newUrl: URL }) => void): void;
  addEventListener(target: Document, type: 'focusin', handler: (event: FocusEvent) => void): void;
}

/**
 * The page and extension APIs the page controller uses: the content script passes the real ones, tests fakes.
 * Storage is not here: it goes through wxt/browser, which tests already fake, and named functions here would
 * cost the content script bytes (their names survive minifying as property names).
 */
export interface PanePageEnv {
  ctx: PageContext;
  document: Document;
  window: Window;
  /** HaloPSA's address as the script starts; every later one comes as `wxt:locationchange`. */
  href: string;
  runtime: {
    /** The shortcut's message must come from this id. */
    readonly id?: string;
    getURL(path: '/pane.html'): string;
    onMessage: { addListener(listener: MessageListener): void; removeListener(listener: MessageListener): void };
  };
  sendToBackground(request: { type: 'ticketClosed' }): Promise<unknown>;
}

/** All the page controller remembers between events. */
interface PanePageState {
  dock: Dock | null;
  layout: PaneLayout;
  setupDismissed: boolean;
  /** The ticket whose native-tab handle is showing: "Open it here anyway" applies to it. */
  nativeFaultId: number;
  /** The HaloPSA sites seen showing their own Technician Tools (see ./native-tab). */
  nativeSites: string[];
  /** Where the focus was in HaloPSA's page before it went into the pane: the shortcut goes back there. */
  lastInPage: HTMLElement | null;
}

/**
 * The pane in HaloPSA's page: feeds navigations, settings changes and HaloPSA's own Technician Tools frame to
 * the controller (./controller, which decides) and shows what it decides in the dock (./dock). Answers the
 * keyboard shortcut; everything it added goes when the content script's life ends.
 */
export function startPanePage(env: PanePageEnv): void {
  const { ctx, document: doc, runtime } = env;
  const state: PanePageState = {
    dock: null,
    layout: DEFAULT_LAYOUT,
    setupDismissed: false,
    nativeFaultId: 0,
    nativeSites: [],
    lastInPage: null,
  };
  // HaloPSA's single-page app never leaves its origin.
  const site = new URL(env.href).origin;

  const uiUrl = runtime.getURL('/pane.html');
  const openDock = () =>
    (state.dock ??= createDock(doc, {
      uiUrl,
      // Chrome frames the page by a per-session address, but it runs at the extension id's origin.
      uiOrigin: uiUrl.startsWith('chrome-') ? `chrome-extension://${runtime.id}` : new URL(uiUrl).origin,
      layout: state.layout,
      onLayout: (next) => {
        state.layout = next;
        void saveLayout(next);
      },
      onOpenHere: () => controller.openHereAnyway(state.nativeFaultId),
      onDismissSetup: () => {
        state.setupDismissed = true;
        void saveSetupDismissed();
        clear();
      },
    }));
  const clear = () => {
    state.dock?.remove();
    state.dock = null;
  };

  const controller = createPaneController(
    async () => {
      const [read, layout, dismissed, nativeSites] = await Promise.all([
        loadSettings(),
        loadLayout(),
        loadSetupDismissed(),
        loadNativeTabSites(),
      ]);
      state.layout = layout;
      state.setupDismissed = dismissed;
      state.nativeSites = nativeSites;
      ctx.onInvalidated(watchSettings(controller.settingsChanged));
      return read;
    },
    {
      showPane: (faultId, url, { reload }) => !ctx.isInvalid && openDock().show('pane', { url, faultId, reload }),
      showPrompt(view) {
        if (ctx.isInvalid) return;
        if (view.kind === 'setup' && state.setupDismissed) return clear();
        if (view.kind === 'native') state.nativeFaultId = view.faultId;
        openDock().show(view.kind);
      },
      clear,
      ticketClosed: () => void env.sendToBackground({ type: 'ticketClosed' }).catch(() => undefined),
      watchNativeTab: (on) => nativeTab.watch(on),
      nativeTabSite(seen) {
        if (seen && !state.nativeSites.includes(site))
          state.nativeSites = rememberNativeTabSite(state.nativeSites, site);
        return state.nativeSites.includes(site);
      },
    },
  );
  const nativeTab = createNativeTabWatch(doc, () => controller.refresh());

  ctx.addEventListener(env.window, 'wxt:locationchange', ({ newUrl }) => controller.navigate(newUrl.href));
  ctx.addEventListener(doc, 'focusin', (event) => {
    // Focus inside our shadow roots shows here as their hosts, which are no place to come back to.
    const target = event.target as HTMLElement;
    if (!target.localName?.startsWith(PANE_TAG)) state.lastInPage = target;
  });
  // The keyboard shortcut, from our background only: F6-style, into the pane, or back to where HaloPSA had the focus.
  const onShortcut: MessageListener = (message, sender) => {
    if (sender.id !== runtime.id || sender.tab || (message as { type?: unknown })?.type !== TOGGLE_PANE) return;
    if (!state.dock?.hasFocus()) return state.dock?.enter();
    if (state.lastInPage?.isConnected) state.lastInPage.focus();
    else (doc.activeElement as HTMLElement | null)?.blur();
  };
  runtime.onMessage.addListener(onShortcut);
  ctx.onInvalidated(() => {
    runtime.onMessage.removeListener(onShortcut);
    nativeTab.watch(false);
    clear();
  });
  controller.navigate(env.href);
}
