import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { TechnicianTools } from '../../components/TechnicianTools';
import { HOSTED_HALO_EXCLUDES, HOSTED_HALO_MATCHES } from '../../lib/halo/hosts';
import { faultIdFromUrl } from '../../lib/halo/ticket';
import { sendToBackground } from '../../lib/messaging/client';
import { createPaneHost, type PaneHost } from '../../lib/pane/host';
import { loadLayout, saveLayout, type PaneLayout } from '../../lib/pane/layout';
import { paneView } from '../../lib/pane/view';
import { loadPageSettings, watchPageSettings, type PageSettings } from '../../lib/settings/page-settings';
import css from '../../components/pane.css?inline';

export default defineContentScript({
  // Hosted tenants here (each must still be listed); listed self-hosted origins get the same file registered at run time.
  matches: HOSTED_HALO_MATCHES,
  excludeMatches: HOSTED_HALO_EXCLUDES,
  runAt: 'document_end',
  main(ctx) {
    let url = location.href;
    let host: PaneHost | null = null;
    let state: { settings: PageSettings; layout: PaneLayout } | null = null;
    let loading: Promise<void> | null = null;
    let showsTicket = false;
    const ask = (type: 'openOptions' | 'signIn' | 'enableSite' | 'declineSite' | 'ticketClosed') =>
      void sendToBackground({ type }).catch(() => undefined);

    const update = () => {
      if (ctx.isInvalid) return;
      // Storage is read on the first ticket only: list and other pages cost nothing more.
      if (!state) {
        if (faultIdFromUrl(url) !== null) loading ??= loadState().then(update);
        return;
      }
      const view = paneView(url, state.settings);
      if (view.kind === 'none') {
        // The toolbar badge counts online computers for the ticket on screen; there is none now.
        if (showsTicket) ask('ticketClosed');
        showsTicket = false;
        return unmount();
      }
      host ??= createPaneHost(document, css);
      showsTicket = view.kind === 'pane';
      render(
        <TechnicianTools
          view={view}
          layout={state.layout}
          onLayoutChange={(layout) => {
            if (state) state.layout = layout;
            void saveLayout(layout);
          }}
          onOpenSettings={() => ask('openOptions')}
          onSignIn={() => ask('signIn')}
          onEnableSite={() => ask('enableSite')}
          onDeclineSite={() => ask('declineSite')}
          signedInAt={state.settings.signedInAt}
          pushPage={host.push}
        />,
        host.container,
      );
    };

    const loadState = async () => {
      const [settings, layout] = await Promise.all([loadPageSettings(), loadLayout()]);
      state = { settings, layout };
      ctx.onInvalidated(
        watchPageSettings((next) => {
          if (state) state.settings = next;
          update();
        }),
      );
    };

    const unmount = () => {
      if (!host) return;
      render(null, host.container);
      host.remove();
      host = null;
    };

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      url = newUrl.href;
      update();
    });
    ctx.onInvalidated(unmount);
    update();
  },
});
