import { trusted } from '../lib/pane/trusted';
import { Icon } from './icons';

interface Props {
  faultId: number;
  /** Collapsed because the window is too narrow (or zoomed in too far), not by choice. */
  noRoom: boolean;
  onExpand: () => void;
}

export function CollapsedHandle({ faultId, noRoom, onExpand }: Props) {
  const label = noRoom ? 'Technician Tools needs a wider window: widen it or zoom out' : 'Expand Technician Tools';
  return (
    <button type="button" class="handle" aria-label={label} title={label} onClick={trusted(onExpand)}>
      <Icon name="expand" />
      <span class="handle-label">{noRoom ? 'ImmyBot · no room' : `ImmyBot · ${faultId}`}</span>
    </button>
  );
}
