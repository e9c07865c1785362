import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PanePromptProps } from '../../components/PanePrompt';
import type { TechnicianToolsPaneProps } from '../../components/TechnicianToolsPane';
import { HOSTED_HALO_EXCLUDES, HOSTED_HALO_MATCHES } from '../../lib/halo/hosts';
import { sendToBackground } from '../../lib/messaging/client';
import { browser } from 'wxt/browser';
import { createPaneController } from '../../lib/pane/controller';
import { createPaneHost, type PaneHost } from '../../lib/pane/host';
import { DEFAULT_LAYOUT, loadLayout, saveLayout, type PaneLayout } from '../../lib/pane/layout';
import { createNativeTabWatch } from '../../lib/pane/native-tab';
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
    /** The keyboard shortcut's action on the pane shown now (set by its controls). */
    let togglePane: (() => void) | null = null;

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
      togglePane = null;
      if (!shell) return;
      ui?.unmount(shell.ui);
      shell.remove();
      shell = null;
    };

    const controller = createPaneController(
      async () => {
        const [read, storedLayout] = await Promise.all([loadPageSettings(), loadLayout()]);
        layout = storedLayout;
        ctx.onInvalidated(watchPageSettings(controller.settingsChanged));
        return read;
      },
      {
        showPane(faultId, url, { reload, signedInAt }) {
          if (ctx.isInvalid) return;
          host ??= createPaneHost(document, css);
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
            bindToggle: (toggle) => {
              togglePane = toggle;
            },
          };
          withUi((ui) => ui.renderPane(root, props));
        },
        showPrompt(view) {
          if (ctx.isInvalid) return;
          dropShell();
          host ??= createPaneHost(document, css);
          const { promptRoot } = host;
          withUi((ui) =>
            ui.renderPrompt(promptRoot, {
              view,
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
      togglePane = null;
      dropShell();
      if (host) ui?.unmount(host.promptRoot);
      host?.remove();
      host = null;
    }

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => controller.navigate(newUrl.href));
    // The keyboard shortcut, from our background only: the pane collapses or expands; a handle takes the focus.
    const onShortcut = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab || (message as { type?: unknown })?.type !== TOGGLE_PANE)
        return;
      if (togglePane) togglePane();
      else host?.promptRoot.querySelector('button')?.focus();
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
