import { useEffect, useState } from 'preact/hooks';
import { CONNECT, type DockMessage, type FrameMessage, readDockMessage } from '../../lib/pane/channel';

export type DockState = Extract<DockMessage, { t: 'state' }>;

export interface DockLine {
  /** The dock's latest layout hints; null until it connected. */
  state: DockState | null;
  /** Counts the dock's requests to take the focus (skip link, shortcut). */
  focusRequests: number;
  /** Counts the dock's word that it showed something new: time to ask the browser again where this frame is. */
  moves: number;
  post(message: FrameMessage): void;
}

// Listened for from the first moment this page runs: the dock hands its port over on the frame's load event,
// which can come before any component has mounted.
let port: MessagePort | null = null;
let line: Omit<DockLine, 'post'> = { state: null, focusRequests: 0, moves: 0 };
const subscribers = new Set<(next: typeof line) => void>();
const post = (message: FrameMessage) => port?.postMessage(message);

function receive(data: unknown): void {
  const message = readDockMessage(data);
  if (message?.t === 'state') line = { ...line, state: message };
  else if (message?.t === 'focus') line = { ...line, focusRequests: line.focusRequests + 1 };
  else if (message?.t === 'moved') line = { ...line, moves: line.moves + 1 };
  else return;
  for (const subscriber of subscribers) subscriber(line);
}

if (typeof window !== 'undefined')
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window.parent || (event.data as { t?: unknown })?.t !== CONNECT || !event.ports[0]) return;
    port?.close();
    port = event.ports[0];
    port.onmessage = ({ data }) => receive(data);
  });

/**
 * The line to the content script that framed this page. What comes over it is a hint about layout and focus,
 * never about what to show: a HaloPSA page can post to this frame too, so nothing here grants or shows data.
 */
export function useDock(): DockLine {
  const [current, setCurrent] = useState(line);
  useEffect(() => {
    subscribers.add(setCurrent);
    setCurrent(line);
    return () => void subscribers.delete(setCurrent);
  }, []);
  return { ...current, post };
}
