import { browser } from 'wxt/browser';
import { isPodUrl } from '../immybot/pod-url';
import { NATIVE_TAB_SITES_KEY } from '../storage';

/** The sites remembered as showing HaloPSA's own Technician Tools; the oldest is forgotten past this many. */
const MAX_NATIVE_TAB_SITES = 50;

export async function loadNativeTabSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(NATIVE_TAB_SITES_KEY))[NATIVE_TAB_SITES_KEY];
  return Array.isArray(stored) ? stored.filter((site) => typeof site === 'string') : [];
}

/** `sites` with `site` last, at most MAX_NATIVE_TAB_SITES of them, saved. */
export function rememberNativeTabSite(sites: string[], site: string): string[] {
  const next = [...sites.filter((s) => s !== site), site].slice(-MAX_NATIVE_TAB_SITES);
  void browser.storage.local.set({ [NATIVE_TAB_SITES_KEY]: next });
  return next;
}

export interface NativeTabWatch {
  /** Starts or stops watching; answers whether HaloPSA's page shows its own Technician Tools frame now. */
  watch(on: boolean): boolean;
}

/**
 * HaloPSA 2.125.5+ can show ImmyBot's Technician Tools in a Custom Tab: an iframe in HaloPSA's own DOM.
 * Watched only while a ticket would show the pane (disconnected everywhere else), and cheaply: the
 * observer's work is a look at the page's few iframes (our own frame sits in a shadow root, not here).
 */
export function createNativeTabWatch(doc: Document, onChange: () => void): NativeTabWatch {
  const frames = doc.getElementsByTagName('iframe');
  const scan = () => Array.prototype.some.call(frames, (frame: HTMLIFrameElement) => isPodUrl(frame.src));
  let present = false;
  let observer: MutationObserver | null = null;
  return {
    watch(on) {
      if (!on) {
        observer?.disconnect();
        observer = null;
        return false;
      }
      if (!observer) {
        observer = new MutationObserver(() => {
          if (scan() === present) return;
          present = !present;
          onChange();
        });
        observer.observe(doc.documentElement, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['src'],
        });
      }
      present = scan();
      return present;
    },
  };
}
