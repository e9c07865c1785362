import { trusted } from '../../lib/pane/trusted';
import { Icon } from '../shared/icons';

interface Props {
  faultId: number;
  /**
   * Why the pane is a handle: the technician collapsed it, the window is too narrow (or zoomed in too far), or
   * HaloPSA shows Technician Tools in its own tab on this site.
   */
  reason: 'chosen' | 'noRoom' | 'noRoomNoSidePanel' | 'native';
  /** For `noRoom`, opens the side panel instead: the pane has no room to expand into. */
  onExpand: () => void;
}

export function CollapsedHandle({ faultId, reason, onExpand }: Props) {
  // The visible words start the accessible name, so speech input users can say what they see.
  const [text, more] =
    reason === 'noRoom'
      ? ['Technician Tools needs a wider window', ': open it in the side panel']
      : reason === 'noRoomNoSidePanel'
        ? ['Technician Tools needs a wider window', ': widen it or zoom out']
        : [
            `Technician Tools · ${faultId}`,
            reason === 'native' ? ' beside HaloPSA’s own ImmyBot tab, which shows it on this site' : '',
          ];
  const label = reason.startsWith('noRoom') ? text + more : `Expand ${text}${more}`;
  return (
    <button type="button" class="handle" aria-label={label} title={label} onClick={trusted(onExpand)}>
      <Icon name="expand" />
      <span class="handle-label">{text}</span>
    </button>
  );
}
