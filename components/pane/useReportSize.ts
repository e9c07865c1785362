import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { FrameMessage } from '../../lib/pane/channel';

/** Tells the dock how much room `ref`'s element needs (its natural size), now and whenever that changes. */
export function useReportSize(
  ref: RefObject<HTMLElement | null>,
  post: (message: FrameMessage) => void,
  { width = false } = {},
): void {
  const watched = useRef<{ element: HTMLElement; observer: ResizeObserver } | null>(null);
  // After every render, not on `[ref.current]`: a pane that expands from its handle gets its element only after the
  // render that read the ref, so that dependency never changed, the header went unmeasured and ImmyBot's frame
  // covered anything taller than one line (the sentences on a ticket that matched no one).
  useLayoutEffect(() => {
    const element = ref.current;
    if (watched.current?.element === element) return;
    watched.current?.observer.disconnect();
    watched.current = null;
    if (!element) return;
    const report = () =>
      post({
        t: 'size',
        height: Math.ceil(element.getBoundingClientRect().height),
        ...(width && { width: Math.ceil(element.getBoundingClientRect().width) }),
      });
    report();
    const observer = new ResizeObserver(report);
    observer.observe(element);
    watched.current = { element, observer };
  });
  useEffect(() => () => watched.current?.observer.disconnect(), []);
}
