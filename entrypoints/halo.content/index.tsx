import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PanePrompt } from '../../components/PanePrompt';
import { TechnicianToolsPane } from '../../components/TechnicianToolsPane';
import { HOSTED_HALO_EXCLUDES, HOSTED_HALO_MATCHES } from '../../lib/halo/hosts';
import { sendToBackground } from '../../lib/messaging/client';
import { createPaneController } from '../../lib/pane/controller';
import { createPaneHost, type PaneHost } from '../../lib/pane/host';
import { loadLayout, saveLayout, type PaneLayout } from '../../lib/pane/layout';
import { createPaneShell, type PaneShell } from '../../lib/pane/shell';
import { loadPageSettings, watchPageSettings } from '../../lib/settings/page-settings';
import css from '../../components/pane.css?inline';

export default defineContentScript({
  // Hosted tenants here (each must still be listed); listed self-hosted origins get the same file registered at run time.
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

    const dropShell = () => {
      if (!shell) return;
      render(null, shell.ui);
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
          render(null, host.promptRoot);
          const title = `ImmyBot Technician Tools for ticket ${faultId}`;
          // The frame first: its request is out before Preact renders the header.
          if (shell) shell.frame.show(url, { reload });
          else shell = createPaneShell(document, host.container, url, title);
          render(
            <TechnicianToolsPane
              faultId={faultId}
              podUrl={url}
              shell={shell}
              initialLayout={layout!}
              onLayoutChange={(next) => {
                layout = next;
                void saveLayout(next);
              }}
              onOpenSettings={() => ask('openOptions')}
              onSignIn={() => ask('signIn')}
              signedInAt={signedInAt}
              pushPage={host.push}
            />,
            shell.ui,
          );
        },
        showPrompt(view) {
          if (ctx.isInvalid) return;
          dropShell();
          host ??= createPaneHost(document, css);
          render(
            <PanePrompt
              view={view}
              onOpenSettings={() => ask('openOptions')}
              onEnableSite={() => ask('enableSite')}
              onDeclineSite={() => ask('declineSite')}
            />,
            host.promptRoot,
          );
        },
        clear,
        ticketClosed: () => ask('ticketClosed'),
      },
    );

    function clear() {
      dropShell();
      if (host) render(null, host.promptRoot);
      host?.remove();
      host = null;
    }

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => controller.navigate(newUrl.href));
    ctx.onInvalidated(clear);
    controller.navigate(location.href);
  },
});
