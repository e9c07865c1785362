import { useRef } from 'preact/hooks';
import { trusted } from '../lib/pane/trusted';

interface Props {
  width: number;
  /** Called with the wanted width while dragging (pointer or keyboard). */
  onResize: (width: number) => void;
  onResizeEnd: () => void;
  onDragChange: (dragging: boolean) => void;
}

const KEY_STEP = 24;

/** The pane's left edge: drag it, or focus it and use the arrow keys. */
export function ResizeGrip({ width, onResize, onResizeEnd, onDragChange }: Props) {
  const dragging = useRef(false);
  const end = () => {
    if (!dragging.current) return;
    dragging.current = false;
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
      tabIndex={0}
      onPointerDown={trusted((event) => {
        event.preventDefault();
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
        dragging.current = true;
        onDragChange(true);
      })}
      onPointerMove={(event) => {
        if (dragging.current) onResize(window.innerWidth - event.clientX);
      }}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={trusted((event) => {
        const delta = event.key === 'ArrowLeft' ? KEY_STEP : event.key === 'ArrowRight' ? -KEY_STEP : 0;
        if (delta === 0) return;
        event.preventDefault();
        onResize(width + delta);
        onResizeEnd();
      })}
    />
  );
}
