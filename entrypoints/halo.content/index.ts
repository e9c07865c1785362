import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { HOSTED_HALO_EXCLUDES, HOSTED_HALO_MATCHES } from '../../lib/halo/hosts';
import { sendToBackground } from '../../lib/messaging/client';
import { createPaneController } from '../../lib/pane/controller';
import { createDock, type Dock } from '../../lib/pane/dock';
import { PANE_TAG } from '../../lib/pane/host';
import { DEFAULT_LAYOUT, loadLayout, saveLayout } from '../../lib/pane/layout';
import { createNativeTabWatch } from '../../lib/pane/native-tab';
import { loadSetupDismissed, saveSetupDismissed } from '../../lib/pane/setup-dismissed';
import { loadSettings, watchSettings } from '../../lib/settings/settings';
import { TOGGLE_PANE } from '../../lib/shortcut';

export default defineContentScript({
  // Hosted tenants here (each must still be listed); listed self-hosted origins get this file registered.
  matches: HOSTED_HALO_MATCHES,
  excludeMatches: HOSTED_HALO_EXCLUDES,
  // As early as possible: the settings read starts before HaloPSA's page has even parsed.
  runAt: 'document_start',
  main(ctx) {
    let dock: Dock | null = null;
    let layout = DEFAULT_LAYOUT;
    let setupDismissed = false;
    /** The ticket whose native-tab note is showing: "Open it here anyway" applies to it. */
    let nativeFaultId = 0;
    /** Where the focus was in HaloPSA's page before it went into the pane: the shortcut goes back there. */
    let lastInPage: HTMLElement | null = null;

    const uiUrl = browser.runtime.getURL('/pane.html');
    const openDock = () =>
      (dock ??= createDock(document, {
        uiUrl,
        // Chrome frames the page by a per-session address, but it runs at the extension id's origin.
        uiOrigin: uiUrl.startsWith('chrome-') ? `chrome-extension://${browser.runtime.id}` : new URL(uiUrl).origin,
        layout,
        onLayout: (next) => {
          layout = next;
          void saveLayout(next);
        },
        onOpenHere: () => controller.openHereAnyway(nativeFaultId),
        onDismissSetup: () => {
          setupDismissed = true;
          void saveSetupDismissed();
          clear();
        },
      }));
    const clear = () => {
      dock?.remove();
      dock = null;
    };

    const controller = createPaneController(
      async () => {
        const [read, storedLayout, dismissed] = await Promise.all([loadSettings(), loadLayout(), loadSetupDismissed()]);
        layout = storedLayout;
        setupDismissed = dismissed;
        ctx.onInvalidated(watchSettings(controller.settingsChanged));
        return read;
      },
      {
        showPane: (faultId, url, { reload }) => !ctx.isInvalid && openDock().show('pane', { url, faultId, reload }),
        showPrompt(view) {
          if (ctx.isInvalid) return;
          if (view.kind === 'setup' && setupDismissed) return clear();
          if (view.kind === 'native') nativeFaultId = view.faultId;
          openDock().show(view.kind);
        },
        clear,
        ticketClosed: () => void sendToBackground({ type: 'ticketClosed' }).catch(() => undefined),
        watchNativeTab: (on) => nativeTab.watch(on),
      },
    );
    const nativeTab = createNativeTabWatch(document, () => controller.refresh());

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => controller.navigate(newUrl.href));
    ctx.addEventListener(document, 'focusin', (event) => {
      // Focus inside our shadow roots shows here as their hosts, which are no place to come back to.
      const target = event.target as HTMLElement;
      if (!target.localName?.startsWith(PANE_TAG)) lastInPage = target;
    });
    // The keyboard shortcut, from our background only: F6-style, into the pane, or back to where HaloPSA had the focus.
    const onShortcut = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab || (message as { type?: unknown })?.type !== TOGGLE_PANE)
        return;
      if (!dock?.hasFocus()) return dock?.enter();
      if (lastInPage?.isConnected) lastInPage.focus();
      else (document.activeElement as HTMLElement | null)?.blur();
    };
    browser.runtime.onMessage.addListener(onShortcut);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onShortcut);
      nativeTab.watch(false);
      clear();
    });
    controller.navigate(location.href);
  },
});
