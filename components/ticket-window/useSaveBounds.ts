import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TICKET_WINDOW_BOUNDS_KEY } from '../../lib/storage';
import { boundsChanged, type WindowBounds, windowBounds } from '../../lib/ticket-window';

/** How often the window looks whether it moved: a page gets no event when its window is moved. */
const CHECK_MS = 1_000;

/** Keeps this window's place and size in storage.local, so the next one opens there (a second monitor). */
export function useSaveBounds() {
  useEffect(() => {
    let saved: WindowBounds | null = null;
    let ready = false;
    const save = () => {
      const next = { left: window.screenX, top: window.screenY, width: window.outerWidth, height: window.outerHeight };
      if (!ready || !boundsChanged(saved, next)) return;
      saved = next;
      void browser.storage.local.set({ [TICKET_WINDOW_BOUNDS_KEY]: next });
    };
    void browser.storage.local.get(TICKET_WINDOW_BOUNDS_KEY).then((stored) => {
      saved = windowBounds(stored[TICKET_WINDOW_BOUNDS_KEY]);
      ready = true;
    });
    const timer = setInterval(save, CHECK_MS);
    window.addEventListener('resize', save);
    window.addEventListener('pagehide', save);
    return () => {
      clearInterval(timer);
      window.removeEventListener('resize', save);
      window.removeEventListener('pagehide', save);
    };
  }, []);
}
