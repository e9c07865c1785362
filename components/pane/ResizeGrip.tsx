import { useRef } from 'preact/hooks';
import { trusted } from '../../lib/pane/trusted';

interface Props {
  width: number;
  /** The narrowest and widest the pane may be now (the widest leaves HaloPSA its room). */
  min: number;
  max: number;
  /** Called with the wanted width while dragging (pointer or keyboard). */
  onResize: (width: number) => void;
  onResizeEnd: () => void;
  onDragChange: (dragging: boolean) => void;
}

const KEY_STEP = 24;
const PAGE_STEP = 96;

/** The width each key asks for: the grip is the pane's left edge, so Left (and Page Up) widen it. */
function keyWidth(key: string, width: number, min: number, max: number): number | null {
  const widths: Record<string, number> = {
    ArrowLeft: width + KEY_STEP,
    ArrowUp: width + KEY_STEP,
    ArrowRight: width - KEY_STEP,
    ArrowDown: width - KEY_STEP,
    PageUp: width + PAGE_STEP,
    PageDown: width - PAGE_STEP,
    Home: min,
    End: max,
  };
  return widths[key] ?? null;
}

/** The pane's left edge, a separator: drag it, or focus it and use arrows, Page Up/Down, Home (narrowest), End (widest). */
export function ResizeGrip({ width, min, max, onResize, onResizeEnd, onDragChange }: Props) {
  // Screen coordinates: this page moves with the pane's edge while it is dragged, the screen does not.
  const dragging = useRef<{ screenX: number; width: number } | null>(null);
  // The width last asked for: quick key presses must not each start from a width the dock has not shown yet.
  const asked = useRef(width);
  // Asked for, not yet shown: the dock's echo of an older ask must not take `asked` back (a lost key press).
  const pending = useRef<number[]>([]);
  const shown = useRef(width);
  if (shown.current !== width) {
    shown.current = width;
    const echo = pending.current.indexOf(width);
    // Our own ask coming back keeps the newer ones; any other width (a clamp, another tab) starts from itself.
    pending.current = echo >= 0 ? pending.current.slice(echo + 1) : [];
    if (pending.current.length === 0) asked.current = width;
  }
  const resize = (next: number) => {
    asked.current = next;
    pending.current = [...pending.current.slice(-50), next];
    onResize(next);
  };
  const end = () => {
    if (!dragging.current) return;
    dragging.current = null;
    onDragChange(false);
    onResizeEnd();
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, draggable splitter; <hr> cannot take focus or keys.
    <div
      class="grip"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize Technician Tools"
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={trusted((event) => {
        event.preventDefault();
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
        dragging.current = { screenX: event.screenX, width };
        onDragChange(true);
      })}
      onPointerMove={(event) => {
        const start = dragging.current;
        // Let go outside this page (the dock saw the release): the drag is over.
        if (start && !(event.buttons & 1)) return end();
        if (start) resize(Math.min(max, Math.max(min, start.width + start.screenX - event.screenX)));
      }}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={trusted((event) => {
        const next = keyWidth(event.key, asked.current, min, max);
        if (next === null) return;
        event.preventDefault();
        resize(Math.min(max, Math.max(min, next)));
        onResizeEnd();
      })}
    />
  );
}
