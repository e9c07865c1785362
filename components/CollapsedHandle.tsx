import { trusted } from '../lib/pane/trusted';
import { Icon } from './icons';

export function CollapsedHandle({ faultId, onExpand }: { faultId: number; onExpand: () => void }) {
  return (
    <button
      type="button"
      class="handle"
      aria-label="Expand Technician Tools"
      title="Expand Technician Tools"
      onClick={trusted(onExpand)}
    >
      <Icon name="expand" />
      <span class="handle-label">ImmyBot · {faultId}</span>
    </button>
  );
}
