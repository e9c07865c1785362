import { trusted } from '../../lib/pane/trusted';

interface Props {
  host: string;
  onEnable: () => void;
  onDecline: () => void;
}

/**
 * A hosted tenant nobody listed: a small offer in the pane's place. Its button only opens the extension's own
 * consent window (a page can aim the user's click here, never at that window), and nothing comes from ImmyBot.
 */
export function SiteOffer({ host, onEnable, onDecline }: Props) {
  return (
    <aside class="prompt offer" aria-label="ImmyBot Technician Tools is off on this site">
      <p>ImmyBot Technician Tools is off on {host}.</p>
      <div class="prompt-actions">
        <button type="button" class="primary" onClick={trusted(onEnable)}>
          Use Technician Tools on {host}
        </button>
        <button type="button" class="link" onClick={trusted(onDecline)}>
          Not here
        </button>
      </div>
    </aside>
  );
}
