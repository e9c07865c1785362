import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { changeSettings } from '../../lib/messaging/change-settings';
import { showPlace } from '../../lib/settings/show';
import type { CurrentSettings } from '../../lib/settings/settings';
import { SIDE_PANEL_OFFER_DONE_KEY } from '../../lib/storage';

/**
 * Opened while Technician Tools shows beside the ticket: one line offering to make the side panel the default, so
 * one ticket shows one Technician Tools. Asked once: either answer is remembered.
 */
export function MakeDefaultOffer({ settings }: { settings: CurrentSettings }) {
  const [asked, setAsked] = useState(true);
  useEffect(() => {
    void browser.storage.local
      .get(SIDE_PANEL_OFFER_DONE_KEY)
      .then((stored) => setAsked(!!stored[SIDE_PANEL_OFFER_DONE_KEY]));
  }, []);
  if (asked || showPlace(settings.show) !== 'page' || settings.sources.show === 'managed') return null;
  const answer = (makeDefault: boolean) => {
    setAsked(true);
    void browser.storage.local.set({ [SIDE_PANEL_OFFER_DONE_KEY]: true });
    if (makeDefault) void changeSettings({ kind: 'setShow', show: 'sidePanel' }).catch(() => undefined);
  };
  return (
    <div class="make-default" role="note">
      <span>Show Technician Tools here instead of beside every ticket?</span>
      <span class="make-default-actions">
        <button type="button" class="primary small" onClick={() => answer(true)}>
          Make it the default
        </button>
        <button type="button" class="link" onClick={() => answer(false)}>
          Not now
        </button>
      </span>
    </div>
  );
}
