import { useState } from 'preact/hooks';
import { trusted } from '../../lib/pane/trusted';
import { SIDE_PANEL_REFUSED } from '../../lib/side-panel';
import { Icon } from '../shared/icons';

interface Props {
  faultId: number;
  /** Answers whether the browser opened its side panel. */
  onOpen: () => Promise<boolean>;
}

/** "In the side panel": no frame in HaloPSA's page, only this slim handle on its edge that opens the side panel. */
export function SidePanelHandle({ faultId, onOpen }: Props) {
  const [refused, setRefused] = useState(false);
  const label = `Open Technician Tools for ticket ${faultId} in the side panel`;
  return (
    <div class="edge">
      <button
        type="button"
        class="edge-handle"
        aria-label={label}
        title={label}
        onClick={trusted(() => void onOpen().then((opened) => setRefused(!opened)))}
      >
        <Icon name="sidePanel" />
        <span class="handle-label">ImmyBot</span>
      </button>
      {refused && (
        <p class="edge-note" role="status">
          {SIDE_PANEL_REFUSED}
        </p>
      )}
    </div>
  );
}
