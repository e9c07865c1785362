import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { TechnicianTools } from '../../components/TechnicianTools';
import { HOSTED_HALO_EXCLUDES, HOSTED_HALO_MATCHES, isHostedHaloUrl } from '../../lib/halo/hosts';
import { faultIdFromUrl } from '../../lib/halo/ticket';
import { sendToBackground } from '../../lib/messaging/client';
import { createPaneHost, type PaneHost } from '../../lib/pane/host';
import { loadLayout, saveLayout, type PaneLayout } from '../../lib/pane/layout';
import { loadPageSettings, watchPageSettings, type PageSettings } from '../../lib/settings/page-settings';
import css from '../../components/pane.css?inline';

export default defineContentScript({
  // Hosted tenants here; self-hosted origins the user enabled get the same file registered at run time.
  matches: HOSTED_HALO_MATCHES,
  excludeMatches: HOSTED_HALO_EXCLUDES,
  runAt: 'document_end',
  main(ctx) {
    const hosted = isHostedHaloUrl(location.href);
    let faultId = faultIdFromUrl(location.href);
    let host: PaneHost | null = null;
    let state: { settings: PageSettings; layout: PaneLayout } | null = null;
    let loading: Promise<void> | null = null;

    const update = () => {
      if (ctx.isInvalid) return;
      if (faultId === null) {
        // The toolbar badge counts online computers for the ticket on screen; there is none now.
        if (host) void sendToBackground({ type: 'ticketClosed' }).catch(() => undefined);
        return unmount();
      }
      // Storage is read on the first ticket only: list and other pages cost nothing more.
      if (!state) {
        loading ??= loadState().then(update);
        return;
      }
      // A registered script can outlive its origin's removal in open tabs: settings decide.
      if (!hosted && !state.settings.haloOrigins.includes(location.origin)) return unmount();
      host ??= createPaneHost(document, css);
      render(
        <TechnicianTools
          faultId={faultId}
          connection={state.settings.connection}
          layout={state.layout}
          onLayoutChange={(layout) => {
            if (state) state.layout = layout;
            void saveLayout(layout);
          }}
          onOpenSettings={() => void sendToBackground({ type: 'openOptions' })}
          onSignIn={() => void sendToBackground({ type: 'signIn' })}
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
      faultId = faultIdFromUrl(newUrl);
      update();
    });
    ctx.onInvalidated(unmount);
    update();
  },
});
