import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PanePromptProps } from '../../components/PanePrompt';
import type { TechnicianToolsPaneProps } from '../../components/TechnicianToolsPane';
import { HOSTED_HALO_EXCLUDES, HOSTED_HALO_MATCHES } from '../../lib/halo/hosts';
import { sendToBackground } from '../../lib/messaging/client';
import { browser } from 'wxt/browser';
import { createPaneController } from '../../lib/pane/controller';
import { createPaneHost, PANE_TAG, type PaneHost } from '../../lib/pane/host';
import { DEFAULT_LAYOUT, loadLayout, saveLayout, type PaneLayout } from '../../lib/pane/layout';
import { createNativeTabWatch } from '../../lib/pane/native-tab';
import { loadSetupDismissed, saveSetupDismissed } from '../../lib/pane/setup-dismissed';
import { TOGGLE_PANE } from '../../lib/side-panel';
import { createPaneShell, type PaneShell } from '../../lib/pane/shell';
import { type PaneUi, registeredPaneUi } from '../../lib/pane/ui';
import { loadPageSettings, watchPageSettings } from '../../lib/settings/page-settings';
import css from '../../components/pane.css?inline';

type Ui = PaneUi<TechnicianToolsPaneProps, PanePromptProps>;

export default defineContentScript({
  // Hosted tenants here (each must still be listed); listed self-hosted origins get this file registered.
  matches: HOSTED_HALO_MATCHES,
  excludeMatches: HOSTED_HALO_EXCLUDES,
  // As early as possible: the settings read starts before HaloPSA's page has even parsed.
  runAt: 'document_start',
  main(ctx) {
    let host: PaneHost | null = null;
    let shell: PaneShell | null = null;
    let layout: PaneLayout | null = null;
    const ask = (type: 'openOptions' | 'signIn' | 'enableSite' | 'declineSite' | 'ticketClosed') =>
      void sendToBackground({ type }).catch(() => undefined);
    // Sent inside the click handler: the background opens the side panel within the click's gesture.
    const openSidePanel = () =>
      sendToBackground({ type: 'openSidePanel' }).catch((error: unknown) => ({
        ok: false as const,
        error: String(error),
      }));
    /** Moves the keyboard focus into the pane shown now, expanding it (set by its controls). */
    let focusPane: (() => void) | null = null;
    /** Where the focus was in HaloPSA's page before it went into the pane: the shortcut goes back there. */
    let lastInPage: HTMLElement | null = null;
    let setupDismissed = false;

    // The controls arrive in their own script and draw in a task of their own, after the frame's navigation
    // is out; only the latest draw counts, and taking the pane away cancels it.
    let ui: Ui | undefined = registeredPaneUi<TechnicianToolsPaneProps, PanePromptProps>({ forget: true });
    let pendingDraw: ((ui: Ui) => void) | null = null;
    let loadingUi: Promise<unknown> | null = null;
    const flush = () => {
      const draw = pendingDraw;
      pendingDraw = null;
      if (ui && draw && !ctx.isInvalid) draw(ui);
    };
    const withUi = (draw: (ui: Ui) => void) => {
      const scheduled = pendingDraw !== null;
      pendingDraw = draw;
      if (!ui) {
        loadingUi ??= sendToBackground({ type: 'loadPaneUi' }).then(
          () => {
            ui = registeredPaneUi();
            flush();
          },
          // An updating or restarting background: the next draw asks again.
          () => (loadingUi = null),
        );
      } else if (!scheduled) setTimeout(flush);
    };

    const dropShell = () => {
      pendingDraw = null;
      focusPane = null;
      if (!shell) return;
      ui?.unmount(shell.ui);
      shell.remove();
      shell = null;
    };

    const controller = createPaneController(
      async () => {
        const [read, storedLayout, dismissed] = await Promise.all([
          loadPageSettings(),
          loadLayout(),
          loadSetupDismissed(),
        ]);
        layout = storedLayout;
        setupDismissed = dismissed;
        ctx.onInvalidated(watchPageSettings(controller.settingsChanged));
        return read;
      },
      {
        showPane(faultId, url, { reload, signedInAt }) {
          if (ctx.isInvalid) return;
          host ??= createPaneHost(document, css, enterPane);
          ui?.unmount(host.promptRoot);
          // The frame first: its request is out before the header renders.
          if (shell) shell.frame.show(url, { reload });
          else shell = createPaneShell(document, host.container, url, `ImmyBot Technician Tools for ticket ${faultId}`);
          const { ui: root } = shell;
          const props: TechnicianToolsPaneProps = {
            faultId,
            podUrl: url,
            shell,
            initialLayout: layout ?? DEFAULT_LAYOUT,
            onLayoutChange: (next) => {
              layout = next;
              void saveLayout(next);
            },
            onOpenSettings: () => ask('openOptions'),
            onSignIn: () => ask('signIn'),
            signedInAt,
            pushPage: host.push,
            onOpenSidePanel: openSidePanel,
            bindFocus: (focus) => {
              focusPane = focus;
            },
          };
          withUi((ui) => ui.renderPane(root, props));
        },
        showPrompt(view) {
          if (ctx.isInvalid) return;
          dropShell();
          if (view.kind === 'setup' && setupDismissed) return clear();
          host ??= createPaneHost(document, css, enterPane);
          const { promptRoot, push } = host;
          push(0);
          withUi((ui) =>
            ui.renderPrompt(promptRoot, {
              view,
              pushPage: push,
              onDismissSetup: () => {
                setupDismissed = true;
                void saveSetupDismissed();
                clear();
              },
              onOpenSettings: () => ask('openOptions'),
              onEnableSite: () => ask('enableSite'),
              onDeclineSite: () => ask('declineSite'),
              onOpenSidePanel: openSidePanel,
              onOpenHere: () => 'faultId' in view && controller.openHereAnyway(view.faultId),
            }),
          );
        },
        clear,
        ticketClosed: () => ask('ticketClosed'),
        watchNativeTab: (on) => nativeTab.watch(on),
      },
    );
    const nativeTab = createNativeTabWatch(document, () => controller.refresh());

    function clear() {
      focusPane = null;
      dropShell();
      if (host) ui?.unmount(host.promptRoot);
      host?.remove();
      host = null;
    }

    /** Into the pane (the skip link, the shortcut): its controls, or the prompt's first button. */
    function enterPane() {
      if (focusPane) focusPane();
      else host?.promptRoot.querySelector('button')?.focus();
    }

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
      if (!host?.hasFocus()) return enterPane();
      if (lastInPage?.isConnected) lastInPage.focus();
      else (document.activeElement as HTMLElement | null)?.blur();
    };
    browser.runtime.onMessage.addListener(onShortcut);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onShortcut);
      nativeTab.watch(false);
    });
    ctx.onInvalidated(clear);
    controller.navigate(location.href);
  },
});
