import { trusted } from '../../lib/pane/trusted';
import { IconButton } from '../shared/IconButton';

interface Props {
  onOpenSettings: () => void;
  onDismiss: () => void;
}

/** Before setup: docked beside HaloPSA like the pane where the window has room (the dock decides), else floating. */
export function SetupPrompt({ onOpenSettings, onDismiss }: Props) {
  return (
    <aside class="prompt" aria-label="ImmyBot Technician Tools setup">
      <p>
        <strong>ImmyBot Technician Tools</strong> can show beside this ticket once you enter your ImmyBot instance and
        Integration ID.
      </p>
      <div class="prompt-actions">
        <button type="button" class="primary" onClick={trusted(onOpenSettings)}>
          Set up Technician Tools
        </button>
        <IconButton icon="close" label="Dismiss: do not show this again" onClick={onDismiss} />
      </div>
    </aside>
  );
}
