import { trusted } from '../lib/pane/trusted';
import { IconButton } from './IconButton';

export function SetupPrompt({ onOpenSettings, onDismiss }: { onOpenSettings: () => void; onDismiss: () => void }) {
  return (
    <aside class="prompt" aria-label="ImmyBot Technician Tools setup">
      <p>
        <strong>ImmyBot Technician Tools</strong> can show beside this ticket once you enter your ImmyBot instance and
        Integration ID.
      </p>
      <div class="prompt-actions">
        <button type="button" class="primary" onClick={trusted(onOpenSettings)}>
          Set up ImmyBot
        </button>
        <IconButton icon="close" label="Dismiss" onClick={onDismiss} />
      </div>
    </aside>
  );
}
