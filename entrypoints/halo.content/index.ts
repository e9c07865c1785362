import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { HOSTED_HALO_EXCLUDES, HOSTED_HALO_MATCHES } from '../../lib/halo/hosts';
import { sendToBackground } from '../../lib/messaging/client';
import { startPanePage } from '../../lib/pane/page';

export default defineContentScript({
  // Hosted tenants here (each must still be listed); listed self-hosted origins get this file registered.
  matches: HOSTED_HALO_MATCHES,
  excludeMatches: HOSTED_HALO_EXCLUDES,
  // As early as possible: the settings read starts before HaloPSA's page has even parsed.
  runAt: 'document_start',
  main: (ctx) =>
    startPanePage({ ctx, document, window, href: location.href, runtime: browser.runtime, sendToBackground }),
});
