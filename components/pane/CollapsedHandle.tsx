import { trusted } from '../../lib/pane/trusted';
import { Icon } from '../shared/icons';

interface Props {
  faultId: number;
  /** Collapsed because the window is too narrow (or zoomed in too far), not by choice. */
  noRoom: boolean;
  onExpand: () => void;
}

export function CollapsedHandle({ faultId, noRoom, onExpand }: Props) {
  // The visible words start the accessible name, so speech input users can say what they see.
  const [text, more] = noRoom
    ? ['Technician Tools needs a wider window', ': widen it or zoom out']
    : [`Technician Tools · ${faultId}`, ''];
  const label = noRoom ? text + more : `Expand ${text}`;
  return (
    <button type="button" class="handle" aria-label={label} title={label} onClick={trusted(onExpand)}>
      <Icon name="expand" />
      <span class="handle-label">{text}</span>
    </button>
  );
}
