import { useEffect, useState } from 'preact/hooks';
import { failureText } from '../../lib/messaging/failure-text';
import { changeSettings } from '../../lib/messaging/change-settings';
import { SHOW_PLACE_LABELS, showPlace, type ShowPlace } from '../../lib/settings/show';
import { SHOW_PLACES } from '../../lib/show-places';
import { TOGGLE_SHORTCUT } from '../../lib/shortcut';
import { LockedNote } from '../shared/LockedNote';
import { useOptionsSettings } from './settings-context';

const HINTS: Record<ShowPlace, string> = {
  page: 'A pane docked in HaloPSA’s page.',
  sidePanel: 'The browser’s own side panel, signed in to ImmyBot in every browser; HaloPSA keeps its whole page.',
  both: 'The pane beside the ticket, and the side panel when you open it.',
  window: 'A window of its own, for a second monitor: it follows the ticket in the browser window you used last.',
};
const CHOICES = SHOW_PLACES.map((place) => ({ place, label: SHOW_PLACE_LABELS[place], hint: HINTS[place] }));

/**
 * "Show Technician Tools": where the tools appear. Saved on change; every open ticket follows at once.
 * `locked`: the organization's policy chose; the choice is shown, not offered.
 */
export function ShowPlaceChoice({ locked = false }: { locked?: boolean }) {
  const settings = useOptionsSettings();
  const [status, setStatus] = useState('');
  // The click shows at once; the stored value takes over when it arrives (or the old one comes back on failure).
  const [picked, setPicked] = useState<ShowPlace | null>(null);
  useEffect(() => setPicked(null), [settings]);
  const chosen = picked ?? (settings ? showPlace(settings.show) : null);
  const choose = (place: ShowPlace) => {
    setPicked(place);
    void changeSettings({ kind: 'setShow', show: place }).then(
      () => setStatus('Saved.'),
      (error: unknown) => {
        setPicked(null);
        setStatus(`Not saved. ${failureText(error)}`);
      },
    );
  };
  return (
    <section class="card" aria-labelledby="show-heading">
      <h2 id="show-heading">Where it shows</h2>
      <fieldset class="choices">
        <legend>Show Technician Tools</legend>
        {locked && <LockedNote />}
        {CHOICES.map(({ place, label, hint }) => (
          <label key={place} class="choice">
            <input
              type="radio"
              name="show"
              value={place}
              checked={chosen === place}
              disabled={!settings || locked}
              onChange={() => choose(place)}
            />
            <span>
              <span class="choice-label">{label}</span>
              <span class="hint">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p class="hint">
        {TOGGLE_SHORTCUT} moves the focus into Technician Tools on a ticket and back to HaloPSA; Esc collapses the pane
        (change the keys in the browser’s extension shortcuts).
      </p>
      <p role="status" class="status saved">
        {status}
      </p>
    </section>
  );
}
