import { trusted } from '../../lib/pane/trusted';

/** HaloPSA's own Custom Tab shows Technician Tools on this ticket: say so, and load no second frame. */
export function NativeTabNote({ onOpenHere }: { onOpenHere: () => void }) {
  return (
    <aside class="prompt native" aria-label="ImmyBot Technician Tools">
      <p>HaloPSA already shows Technician Tools on this ticket.</p>
      <div class="prompt-actions">
        <button type="button" class="link" onClick={trusted(onOpenHere)}>
          Open it here anyway
        </button>
      </div>
    </aside>
  );
}
