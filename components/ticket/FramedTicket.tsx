import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { createPodFrame, type PodFrame } from '../../lib/pane/frame';
import { TicketTools } from './TicketTools';

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
  const frame = useRef<PodFrame | null>(null);
  const title = `ImmyBot Technician Tools for ticket ${faultId}`;

  useLayoutEffect(() => {
    if (frame.current) frame.current.show(podUrl);
    else if (frameParent.current) frame.current = createPodFrame(document, frameParent.current, podUrl, title);
    if (frame.current) frame.current.element.title = title;
  }, [podUrl]);
  // A completed sign-in: ImmyBot's page loads again, signed in now.
  const firstSignIn = useRef(signedInAt);
  useEffect(() => {
    if (signedInAt !== firstSignIn.current) frame.current?.show(podUrl, { reload: true });
  }, [signedInAt]);

  return (
    <section class="pane side-panel" data-fault-id={faultId} aria-label={title} hidden={hidden}>
      <TicketTools
        faultId={faultId}
        podUrl={podUrl}
        signedInAt={signedInAt}
        ticketSite={site}
        onReload={() => frame.current?.show(podUrl, { reload: true })}
        onOpenWindow={onOpenWindow}
      />
      <div class="frame-parent" ref={frameParent} />
    </section>
  );
}
