import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { requestHaloAccess } from '../lib/halo/access';
import { probeHaloPage, tabState, type TabState } from '../lib/halo/tab-state';
import { addHaloOrigin } from '../lib/settings/store';
import { useHaloOrigins } from './useHaloOrigins';

type Probe = 'probing' | boolean;

/** The toolbar action: what Technician Tools does on this tab, and the one-click way to turn it on. */
export function ToolbarPopup() {
  const origins = useHaloOrigins();
  const [tab, setTab] = useState<{ id?: number; url?: string } | null>(null);
  const [probe, setProbe] = useState<Probe>('probing');
  const [message, setMessage] = useState('');

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTab(active ?? {}));
  }, []);

  const state: TabState | null =
    tab && origins ? tabState(tab.url, origins.map((o) => o.origin), (origin) => origins.some((o) => o.origin === origin && o.hasAccess)) : null;

  useEffect(() => {
    if (state?.kind !== 'candidate' || tab?.id === undefined) return;
    browser.scripting
      .executeScript({ target: { tabId: tab.id }, func: probeHaloPage })
      .then(([injection]) => setProbe(injection?.result === true))
      .catch(() => setProbe(false));
  }, [state?.kind, tab?.id]);

  const enable = (origin: string) => {
    // The prompt inside the click, the save right away: the prompt may close this popup.
    const granted = requestHaloAccess(origin);
    void addHaloOrigin(origin).catch(() => undefined);
    void granted.then((ok) => setMessage(ok ? `Technician Tools is now on for ${origin}.` : 'Access was not granted.'));
  };

  const needAccess = origins?.filter((o) => !o.hasAccess) ?? [];
  return (
    <>
      <h1>ImmyBot Technician Tools</h1>
      {state && <TabMessage state={state} probe={probe} onEnable={enable} />}
      {message && <p role="status">{message}</p>}
      {needAccess.length > 0 && state?.kind !== 'needs-access' && (
        <p class="warning">
          {needAccess.map((o) => o.origin).join(', ')} {needAccess.length === 1 ? 'needs' : 'need'} access again.
        </p>
      )}
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        Open settings
      </button>
    </>
  );
}

function TabMessage({ state, probe, onEnable }: { state: TabState; probe: Probe; onEnable: (origin: string) => void }) {
  switch (state.kind) {
    case 'hosted':
      return <p>Technician Tools is on for this HaloPSA tenant.</p>;
    case 'enabled':
      return <p>Technician Tools is on for {state.origin}.</p>;
    case 'needs-access':
      return (
        <>
          <p class="warning">{state.origin} needs access again: the browser no longer lets Technician Tools run there.</p>
          <button type="button" class="primary" onClick={() => onEnable(state.origin)}>
            Grant access to {state.origin}
          </button>
        </>
      );
    case 'candidate':
      if (probe === 'probing') return <p>Checking this page…</p>;
      return probe ? (
        <p>
          <button type="button" class="primary" onClick={() => onEnable(state.origin)}>
            Use Technician Tools on {state.origin}
          </button>
        </p>
      ) : (
        <p>This page does not look like HaloPSA. Add a HaloPSA address in the settings.</p>
      );
    case 'other':
      return <p>Open a HaloPSA ticket to see Technician Tools beside it.</p>;
  }
}
