import { useEffect, useState } from 'preact/hooks';
import { CONNECT, type DockMessage, type FrameMessage, readDockMessage } from '../lib/pane/channel';

export type DockState = Extract<DockMessage, { t: 'state' }>;

export interface DockLine {
  /** The dock's latest layout hints; null until it connected. */
  state: DockState | null;
  /** Counts the dock's requests to take the focus (skip link, shortcut). */
  focusRequests: number;
  post(message: FrameMessage): void;
}

let port: MessagePort | null = null;
const post = (message: FrameMessage) => port?.postMessage(message);

/**
 * The line to the content script that framed this page. What comes over it is a hint about layout and focus,
 * never about what to show: a HaloPSA page can post to this frame too, so nothing here grants or shows data.
 */
export function useDock(): DockLine {
  const [state, setState] = useState<DockState | null>(null);
  const [focusRequests, setFocusRequests] = useState(0);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || (event.data as { t?: unknown })?.t !== CONNECT || !event.ports[0]) return;
      port?.close();
      port = event.ports[0];
      port.onmessage = ({ data }) => {
        const message = readDockMessage(data);
        if (message?.t === 'state') setState(message);
        else if (message?.t === 'focus') setFocusRequests((n) => n + 1);
      };
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  return { state, focusRequests, post };
}
