import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { changeSettings } from '../../lib/messaging/change-settings';
import type { PaneView } from '../../lib/pane/view';

const openOptions = () => void browser.runtime.openOptionsPage();

interface Props {
  /** What the followed tab shows, short of a ticket with Technician Tools. */
  view: Exclude<PaneView, { kind: 'pane' }>;
  /** The followed tab's address (for the offer's site). */
  url: string;
  /** Said when the tab shows no ticket. */
  noTicket: string;
  children?: ComponentChildren;
}

/** The side panel's and the window's word when the followed tab is no ticket with Technician Tools. */
export function TabNotice({ view, url, noTicket, children }: Props) {
  return (
    <section class="notice" role="status">
      <strong class="brand">ImmyBot Technician Tools</strong>
      {view.kind === 'setup' && (
        <>
          <p>Technician Tools needs your ImmyBot instance and Integration ID first.</p>
          <button type="button" class="primary" onClick={openOptions}>
            Set up Technician Tools
          </button>
        </>
      )}
      {view.kind === 'offer' && (
        <>
          <p>Technician Tools is off on {view.host}.</p>
          <button
            type="button"
            class="primary"
            onClick={() => void changeSettings({ kind: 'addSite', origin: new URL(url).origin })}
          >
            Use Technician Tools on {view.host}
          </button>
        </>
      )}
      {view.kind === 'none' && <p>{noTicket}</p>}
      {children}
    </section>
  );
}
