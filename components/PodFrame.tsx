import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  url: string;
  /** Bumped by the Reload action. */
  reloads: number;
  title: string;
  hidden: boolean;
}

/**
 * The Technician Tools frame. A loaded frame moves to the next ticket with location.replace: a new
 * `src` would add entries to HaloPSA's Back/Forward history, and a new element per ticket costs a
 * fresh frame (measured: 3x slower to reach ImmyBot on an SPA switch). A frame still loading gets a
 * new element instead: Chromium drops a replace() aimed at a frame whose first load is in flight.
 */
export function PodFrame({ url, reloads, title, hidden }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const loaded = useRef(false);
  const shown = useRef(`${reloads} ${url}`);
  const [element, setElement] = useState({ generation: 0, src: url });

  // A layout effect runs in the same task as the navigation; useEffect would wait for the next frame.
  useLayoutEffect(() => {
    const wanted = `${reloads} ${url}`;
    if (shown.current === wanted) return;
    shown.current = wanted;
    const win = frame.current?.contentWindow;
    const canReplace = loaded.current && win;
    loaded.current = false;
    if (canReplace) win.location.replace(url);
    else setElement(({ generation }) => ({ generation: generation + 1, src: url }));
  }, [url, reloads]);

  return (
    <iframe
      key={element.generation}
      ref={frame}
      class="frame"
      src={element.src}
      title={title}
      allow="clipboard-read; clipboard-write"
      // No allow-top-navigation: ImmyBot inside the pane can never navigate the HaloPSA tab away.
      sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals"
      hidden={hidden}
      onLoad={() => (loaded.current = true)}
    />
  );
}
