import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { makeFrame } from '../../lib/pane/frame';
import { TicketTools } from './TicketTools';

/** How long a moved frame may take to load before it is replaced by a fresh one (see `show`). */
const MOVE_LOAD_MS = 8_000;

interface Props {
  faultId: number;
  podUrl: string;
  signedInAt: number;
  /** The tab's HaloPSA site: its connection answers the lookup and signs in. */
  site: string;
  /** The side panel only: the window has no window to open. */
  onOpenWindow?: () => void;
  /** Kept loaded but out of sight (the window, while the active tab shows no ticket): one click shows it again. */
  hidden?: boolean;
}

/**
 * One ticket's Technician Tools in a page of its own (the side panel, the Technician Tools window): header, summary
 * and ImmyBot's frame. One frame for every ticket the tab moves through: a switch moves it on (no new frame, no
 * history entry).
 */
export function FramedTicket({ faultId, podUrl, signedInAt, site, onOpenWindow, hidden = false }: Props) {
  const frameParent = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const title = `ImmyBot Technician Tools for ticket ${faultId}`;
  // Moved by its src, not location.replace as in HaloPSA's page: a history entry costs nothing here (the side panel
  // and the window have no Back button of their own). Firefox, under load, sometimes never navigates a frame moved in
  // a page that is not focused (the header moved on, the frame never did: 3 of 3 runs with both cores busy), so a
  // move that has not loaded within MOVE_LOAD_MS gets a fresh frame, which always loads.
  const watchdog = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = (url: string) => {
    const moved = frame.current;
    if (!moved) return;
    clearTimeout(watchdog.current);
    moved.onload = () => clearTimeout(watchdog.current);
    watchdog.current = setTimeout(() => {
      if (frame.current !== moved) return;
      const fresh = makeFrame(document, url, moved.title);
      moved.replaceWith(fresh);
      frame.current = fresh;
    }, MOVE_LOAD_MS);
    moved.src = url;
  };
  useEffect(() => () => clearTimeout(watchdog.current), []);
  useLayoutEffect(() => {
    if (frame.current) show(podUrl);
    else if (frameParent.current) {
      frame.current = makeFrame(document, podUrl, title);
      frameParent.current.append(frame.current);
    }
    if (frame.current) frame.current.title = title;
  }, [podUrl]);
  // A completed sign-in: ImmyBot's page loads again, signed in now.
  const firstSignIn = useRef(signedInAt);
  useEffect(() => {
    if (signedInAt !== firstSignIn.current) show(podUrl);
  }, [signedInAt]);

  return (
    <section class="pane side-panel" data-fault-id={faultId} aria-label={title} hidden={hidden}>
      <TicketTools
        faultId={faultId}
        podUrl={podUrl}
        signedInAt={signedInAt}
        ticketSite={site}
        onReload={() => show(podUrl)}
        onOpenWindow={onOpenWindow}
      />
      <div class="frame-parent" ref={frameParent} />
    </section>
  );
}
