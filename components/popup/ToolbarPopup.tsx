import { useEffect, useState } from 'preact/hooks';
import { failureText } from '../../lib/messaging/failure-text';
import { browser } from 'wxt/browser';
import { requestHaloAccess } from '../../lib/halo/access';
import { probeHaloPage, tabState, type TabState } from '../../lib/halo/tab-state';
import { isHostedHaloUrl } from '../../lib/halo/hosts';
import { changeSettings } from '../../lib/messaging/change-settings';
import { isLocked } from '../../lib/settings/merge';
import { openSidePanel } from '../../lib/side-panel';
import { sendToBackground } from '../../lib/messaging/client';
import { useHaloAccess } from '../shared/useHaloAccess';
import { useSettings } from '../shared/useSettings';
import { Version } from '../shared/Version';
import { faultIdFromUrl } from '../../lib/halo/ticket';
import { TicketAbout } from './TicketAbout';

type Probe = 'probing' | boolean;

/** The toolbar action: what Technician Tools does on this tab, and the one-click way to turn it on. */
export function ToolbarPopup() {
  const settings = useSettings();
  const origins = useHaloAccess(settings?.haloOrigins);
  const [tab, setTab] = useState<{ id?: number; url?: string; windowId?: number } | null>(null);
  const [probe, setProbe] = useState<Probe>('probing');
  const [message, setMessage] = useState('');

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => setTab(active ?? {}));
  }, []);

  const state: TabState | null =
    tab && origins
      ? tabState(
          tab.url,
          origins.map((o) => o.origin),
          (origin) => origins.some((o) => o.origin === origin && o.hasAccess),
        )
      : null;

  useEffect(() => {
    if (state?.kind !== 'candidate' || tab?.id === undefined) return;
    browser.scripting
      .executeScript({ target: { tabId: tab.id }, func: probeHaloPage })
      .then(([injection]) => setProbe(injection?.result === true))
      .catch(() => setProbe(false));
  }, [state?.kind, tab?.id]);

  const enable = (origin: string) => {
    // Hosted tenants are covered by the manifest. Otherwise the prompt inside the click, and the save
    // right away: the prompt may close this popup, and the background finishes the job once granted.
    const granted = isHostedHaloUrl(origin) ? Promise.resolve(true) : requestHaloAccess(origin);
    // A listed site (one the organization listed too) only needs the access.
    const listed = origins?.some((o) => o.origin === origin);
    const saved = listed ? Promise.resolve() : changeSettings({ kind: 'addSite', origin });
    void Promise.all([granted, saved]).then(
      ([ok]) => setMessage(ok ? `Technician Tools is now on for ${hostOf(origin)}.` : 'Access was not granted.'),
      (error: unknown) => setMessage(`Not turned on. ${failureText(error)}`),
    );
  };

  const openWindow = () =>
    void sendToBackground({ type: 'openTicketWindow' }).then(
      () => window.close(),
      (error: unknown) => setMessage(`The window did not open. ${failureText(error)}`),
    );
  const placeButtons = (
    <p class="row">
      <button
        type="button"
        class="secondary"
        onClick={() =>
          // First thing in the click: the side panel needs its gesture. The popup closes when it opens.
          void openSidePanel(tab?.windowId).then(
            () => window.close(),
            (error: unknown) =>
              setMessage(
                `The side panel did not open. ${failureText(error, 'Try the ImmyBot button in the toolbar again.')}`,
              ),
          )
        }
      >
        Open in side panel
      </button>
      <button type="button" class="secondary" onClick={openWindow}>
        Open in a window
      </button>
    </p>
  );
  const decline = (origin: string) =>
    void changeSettings({ kind: 'declineSite', origin }).then(
      () => setMessage(`Technician Tools will not offer itself on ${hostOf(origin)}. Settings can undo this.`),
      (error: unknown) => setMessage(`Not saved. ${failureText(error)}`),
    );
  const needAccess = origins?.filter((o) => !o.hasAccess) ?? [];
  const sitesLocked = !!settings && isLocked(settings.sources, 'haloOrigins');
  return (
    <>
      <h1>ImmyBot Technician Tools</h1>
      {state && (
        <TabMessage
          state={state}
          faultId={faultIdFromUrl(tab?.url ?? '')}
          probe={probe}
          sitesLocked={sitesLocked}
          onEnable={enable}
          onDecline={decline}
          placeButtons={placeButtons}
        />
      )}
      {message && <p role="status">{message}</p>}
      {/* One click each, wherever the popup opens: a managed self-hosted site arrives without access. */}
      {needAccess.length > 0 && state?.kind !== 'needs-access' && (
        <div class="warning" data-testid="need-access">
          <p>The browser does not let Technician Tools run on these sites yet:</p>
          {needAccess.map(({ origin }) => (
            <p key={origin}>
              <button type="button" class="secondary" onClick={() => enable(origin)}>
                Grant access to {hostOf(origin)}
              </button>
            </p>
          ))}
        </div>
      )}
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        Open settings
      </button>
      <Version />
    </>
  );
}

interface TabMessageProps {
  state: TabState;
  /** The tab's ticket, when it shows one. */
  faultId: number | null;
  probe: Probe;
  /** The organization lists the sites: an unlisted one is not offered. */
  sitesLocked: boolean;
  onEnable: (origin: string) => void;
  onDecline: (origin: string) => void;
  /** Open in side panel, Open in a window: offered on HaloPSA's pages only. */
  placeButtons: preact.JSX.Element;
}

/** What this tab is to Technician Tools, and the one thing to do about it; nothing to do on a page that is not HaloPSA. */
function TabMessage({ state, faultId, probe, sitesLocked, onEnable, onDecline, placeButtons }: TabMessageProps) {
  if (sitesLocked && (state.kind === 'hosted-off' || state.kind === 'candidate'))
    return <p>{hostOf(state.origin)} is not one of the HaloPSA sites your organization set for Technician Tools.</p>;
  switch (state.kind) {
    case 'enabled':
      if (faultId !== null) return <TicketAbout faultId={faultId} site={state.origin} placeButtons={placeButtons} />;
      return (
        <>
          <p>Technician Tools is on for {hostOf(state.origin)}: open a ticket to see it beside the ticket.</p>
          {placeButtons}
        </>
      );
    case 'hosted-off':
      return (
        <>
          <p>
            Technician Tools is off on {hostOf(state.origin)}: nothing from ImmyBot runs there until you turn it on.
          </p>
          <p class="row">
            <button type="button" class="primary" onClick={() => onEnable(state.origin)}>
              Use Technician Tools on {hostOf(state.origin)}
            </button>
            <button type="button" class="link" onClick={() => onDecline(state.origin)}>
              Not here
            </button>
          </p>
        </>
      );
    case 'needs-access':
      return (
        <>
          <p class="warning">{state.origin} needs access: the browser does not let Technician Tools run there yet.</p>
          <button type="button" class="primary" onClick={() => onEnable(state.origin)}>
            Grant access to {state.origin}
          </button>
        </>
      );
    case 'candidate':
      if (probe === 'probing') return <p>Checking this page…</p>;
      return probe ? (
        <EnableButton origin={state.origin} onEnable={onEnable} />
      ) : (
        <p>This page does not look like HaloPSA. Add a HaloPSA site in the settings.</p>
      );
    case 'other':
      return <p>Open a HaloPSA ticket to see Technician Tools beside it.</p>;
  }
}

const hostOf = (origin: string) => new URL(origin).host;

function EnableButton({ origin, onEnable }: { origin: string; onEnable: (origin: string) => void }) {
  return (
    <p>
      <button type="button" class="primary" onClick={() => onEnable(origin)}>
        Use Technician Tools on {hostOf(origin)}
      </button>
    </p>
  );
}
