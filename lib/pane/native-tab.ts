import { isPodUrl } from '../immybot/pod-url';

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
