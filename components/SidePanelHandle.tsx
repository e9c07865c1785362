import { useState } from 'preact/hooks';
import type { Done } from '../lib/messaging/protocol';
import { trusted } from '../lib/pane/trusted';
import { SIDE_PANEL_REFUSED } from '../lib/side-panel';
import { Icon } from './icons';

interface Props {
  faultId: number;
  onOpen: () => Promise<Done>;
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
        onClick={trusted(() => void onOpen().then((done) => setRefused(!done.ok)))}
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
