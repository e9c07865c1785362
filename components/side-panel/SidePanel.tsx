import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { changeSettings } from '../../lib/messaging/change-settings';
import { createPodFrame, type PodFrame } from '../../lib/pane/frame';
import { paneView, paneViewPodUrl } from '../../lib/pane/view';
import { TicketTools } from '../ticket/TicketTools';
import { MakeDefaultOffer } from './MakeDefaultOffer';
import { useActiveTab } from './useActiveTab';
import { useSettings } from '../shared/useSettings';

const openOptions = () => void browser.runtime.openOptionsPage();

/**
 * The browser's side panel (Chrome, Edge) or sidebar (Firefox): Technician Tools for the active tab's
 * ticket. Framed by an extension page, ImmyBot gets its own cookie in every browser, with no exception.
 */
export function SidePanel() {
  const settings = useSettings();
  const tab = useActiveTab();
  useDarkTheme();
  if (!settings || !tab) return <p class="notice muted">Looking at this window’s tab…</p>;
  const view = paneView(tab.url ?? '', settings);
  switch (view.kind) {
    case 'pane': {
      return (
        <>
          <MakeDefaultOffer settings={settings} />
          <SidePanelTicket
            faultId={view.faultId}
            podUrl={paneViewPodUrl(view)}
            signedInAt={settings.signedInAt}
            site={new URL(tab.url ?? '').origin}
          />
        </>
      );
    }
    case 'setup':
      return (
        <Notice>
          <p>Technician Tools needs your ImmyBot instance and Integration ID first.</p>
          <button type="button" class="primary" onClick={openOptions}>
            Set up Technician Tools
          </button>
        </Notice>
      );
    case 'offer':
      return (
        <Notice>
          <p>Technician Tools is off on {view.host}.</p>
          <button
            type="button"
            class="primary"
            onClick={() => void changeSettings({ kind: 'addSite', origin: new URL(tab.url ?? '').origin })}
          >
            Use Technician Tools on {view.host}
          </button>
        </Notice>
      );
    case 'none':
      return (
        <Notice>
          <p>Open a HaloPSA ticket in this window: its Technician Tools show here.</p>
        </Notice>
      );
  }
}

function Notice({ children }: { children: preact.ComponentChildren }) {
  return (
    <section class="notice" role="status">
      <strong class="brand">ImmyBot Technician Tools</strong>
      {children}
    </section>
  );
}

interface TicketProps {
  faultId: number;
  podUrl: string;
  signedInAt: number;
  /** The tab's HaloPSA site: its connection answers the lookup and signs in. */
  site: string;
}

/** One mounted frame for every ticket the tab moves through: a switch moves it on (no new frame, no history). */
function SidePanelTicket({ faultId, podUrl, signedInAt, site }: TicketProps) {
  const frameParent = useRef<HTMLDivElement>(null);
  const frame = useRef<PodFrame | null>(null);
  const title = `ImmyBot Technician Tools for ticket ${faultId}`;

  useLayoutEffect(() => {
    if (frame.current) frame.current.show(podUrl);
    else if (frameParent.current) frame.current = createPodFrame(document, frameParent.current, podUrl, title);
    if (frame.current) frame.current.element.title = title;
  }, [podUrl]);
  // A completed sign-in: ImmyBot's page loads again, signed in now.
  const firstSignIn = useRef(signedInAt);
  useEffect(() => {
    if (signedInAt !== firstSignIn.current) frame.current?.show(podUrl, { reload: true });
  }, [signedInAt]);

  return (
    <section class="pane side-panel" data-fault-id={faultId} aria-label={title}>
      <TicketTools
        faultId={faultId}
        podUrl={podUrl}
        signedInAt={signedInAt}
        ticketSite={site}
        onReload={() => frame.current?.show(podUrl, { reload: true })}
      />
      <div class="frame-parent" ref={frameParent} />
    </section>
  );
}

/** The same theme as the system: the side panel has no HaloPSA page to take it from. */
function useDarkTheme() {
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => document.getElementById('app')?.classList.toggle('theme-dark', query.matches);
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, []);
}
