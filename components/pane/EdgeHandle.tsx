import { useState } from 'preact/hooks';
import { trusted } from '../../lib/pane/trusted';
import { SIDE_PANEL_REFUSED } from '../../lib/side-panel';
import { Icon } from '../shared/icons';

interface Props {
  faultId: number;
  /** The chosen place the handle opens. */
  place: 'sidePanel' | 'window';
  /** Answers whether the browser opened it. */
  onOpen: () => Promise<boolean>;
}

/**
 * "In the side panel" or "In its own window": no frame in HaloPSA's page, only this slim handle on its edge that
 * opens the chosen place.
 */
export function EdgeHandle({ faultId, place, onOpen }: Props) {
  const [refused, setRefused] = useState(false);
  const label = `Open Technician Tools for ticket ${faultId} ${place === 'window' ? 'in its own window' : 'in the side panel'}`;
  return (
    <div class="edge">
      <button
        type="button"
        class="edge-handle"
        aria-label={label}
        title={label}
        onClick={trusted(() => void onOpen().then((opened) => setRefused(!opened)))}
      >
        <Icon name={place} />
        <span class="handle-label">ImmyBot</span>
      </button>
      {refused && (
        <p class="edge-note" role="status">
          {place === 'window' ? 'The Technician Tools window did not open. Try again.' : SIDE_PANEL_REFUSED}
        </p>
      )}
    </div>
  );
}
