import { useLayoutEffect } from 'preact/hooks';
import { setupPromptDock } from '../lib/pane/layout';
import { trusted } from '../lib/pane/trusted';
import { IconButton } from './IconButton';
import { useViewportWidth } from './useViewportWidth';

interface Props {
  onOpenSettings: () => void;
  onDismiss: () => void;
  pushPage: (widthPx: number) => void;
}

/** Before setup: docked beside HaloPSA like the pane (making room, covering nothing), floating only where there is no room. */
export function SetupPrompt({ onOpenSettings, onDismiss, pushPage }: Props) {
  const dock = setupPromptDock(useViewportWidth());
  useLayoutEffect(() => pushPage(dock), [dock]);
  useLayoutEffect(() => () => pushPage(0), []);
  return (
    <aside
      class={dock ? 'prompt docked' : 'prompt'}
      style={dock ? { width: `${dock}px` } : undefined}
      aria-label="ImmyBot Technician Tools setup"
    >
      <p>
        <strong>ImmyBot Technician Tools</strong> can show beside this ticket once you enter your ImmyBot instance and
        Integration ID.
      </p>
      <div class="prompt-actions">
        <button type="button" class="primary" onClick={trusted(onOpenSettings)}>
          Set up ImmyBot
        </button>
        <IconButton icon="close" label="Dismiss: do not show this again" onClick={onDismiss} />
      </div>
    </aside>
  );
}
