import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { TechnicianTools } from '../../components/TechnicianTools';
import { HOSTED_HALO_EXCLUDES, HOSTED_HALO_MATCHES, isHostedHaloUrl } from '../../lib/halo/hosts';
import { faultIdFromUrl } from '../../lib/halo/ticket';
import { sendToBackground } from '../../lib/messaging/client';
import { createPaneHost, type PaneHost } from '../../lib/pane/host';
import { loadLayout, saveLayout, type PaneLayout } from '../../lib/pane/layout';
import { loadConnection, watchConnection } from '../../lib/settings/read-connection';
import type { ImmyBotConnection } from '../../lib/settings/schema';
import css from '../../components/pane.css?inline';

export default defineContentScript({
  matches: HOSTED_HALO_MATCHES,
  excludeMatches: HOSTED_HALO_EXCLUDES,
  runAt: 'document_end',
  main(ctx) {
    if (!isHostedHaloUrl(location.href)) return;
    let faultId = faultIdFromUrl(location.href);
    let host: PaneHost | null = null;
    let state: { connection: ImmyBotConnection | null; layout: PaneLayout } | null = null;
    let loading: Promise<void> | null = null;

    const update = () => {
      if (ctx.isInvalid) return;
      if (faultId === null) return unmount();
      // Storage is read on the first ticket only: list and other pages cost nothing more.
      if (!state) {
        loading ??= loadState().then(update);
        return;
      }
      host ??= createPaneHost(document, css);
      render(
        <TechnicianTools
          faultId={faultId}
          connection={state.connection}
          layout={state.layout}
          onLayoutChange={(layout) => {
            if (state) state.layout = layout;
            void saveLayout(layout);
          }}
          onOpenSettings={() => void sendToBackground({ type: 'openOptions' })}
          pushPage={host.push}
        />,
        host.container,
      );
    };

    const loadState = async () => {
      const [connection, layout] = await Promise.all([loadConnection(), loadLayout()]);
      state = { connection, layout };
      ctx.onInvalidated(
        watchConnection((next) => {
          if (state) state.connection = next;
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
