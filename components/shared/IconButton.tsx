import { trusted } from '../../lib/pane/trusted';
import { Icon, type IconName } from './icons';

export function IconButton({ icon, label, onClick }: { icon: IconName; label: string; onClick: () => void }) {
  return (
    <button type="button" class="icon-button" aria-label={label} title={label} onClick={trusted(onClick)}>
      <Icon name={icon} />
    </button>
  );
}
