import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import type { FrameMessage } from '../../lib/pane/channel';

/** Tells the dock how much room `ref`'s element needs (its natural size), now and whenever that changes. */
export function useReportSize(
  ref: RefObject<HTMLElement | null>,
  post: (message: FrameMessage) => void,
  { width = false } = {},
): void {
  useLayoutEffect(() => {
    const element = ref.current;
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
    return () => observer.disconnect();
  }, [ref.current]);
}
