import { useEffect, useRef, useState } from 'preact/hooks';
import { watchConsentDelay } from '../../lib/consent-delay';
import { sendToBackground } from '../../lib/messaging/client';
import type { SiteConsentAnswer } from '../../lib/messaging/protocol';
import { trusted } from '../../lib/pane/trusted';

const NO_LONGER_VALID =
  'This request has expired or was already answered. To turn Technician Tools on, use the offer on the HaloPSA page again.';

/** True once the window has been visible and focused for the consent delay; false again on every blur. */
export function useConsentDelay(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => watchConsentDelay(window, setReady), []);
  return ready;
}

/**
 * The consent window (consent.html?token=…): the only place a hosted tenant is turned on from its offer.
 * It is ours, so the tenant's page cannot restyle it; the confirm button waits until the window has been
 * shown and focused a moment, so a click or held Enter aimed at the page cannot land on it.
 */
export function SiteConsent({ token }: { token: string | null }) {
  // undefined: still asking the background; null: no valid request behind this window.
  const [origin, setOrigin] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) {
      setOrigin(null);
      return;
    }
    // A malformed token is dropped unanswered by the background: that is no request either.
    void sendToBackground({ type: 'readSiteConsent', token }).then(
      (reply) => setOrigin(reply?.origin ?? null),
      () => setOrigin(null),
    );
  }, [token]);

  const host = origin ? new URL(origin).host : null;

  if (origin === undefined) return <p>Loading…</p>;
  if (!token || !host) return <ConsentMessage title="Nothing to turn on" message={NO_LONGER_VALID} />;

  const answer = (choice: SiteConsentAnswer) =>
    trusted(() => {
      if (busy) return;
      setBusy(true);
      void sendToBackground({ type: 'answerSiteConsent', token, answer: choice }).then(
        (done) => {
          if (done?.ok) window.close();
          else setError(done?.error ?? NO_LONGER_VALID);
        },
        (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
      );
    });

  if (error) return <ConsentMessage title={`Technician Tools was not turned on for ${host}`} message={error} />;

  return <ConsentQuestion host={host} busy={busy} answer={answer} />;
}

interface QuestionProps {
  host: string;
  busy: boolean;
  answer: (choice: SiteConsentAnswer) => (event: Event) => void;
}

/** The question itself. Its delay starts when it is shown, not while the window was still loading. */
function ConsentQuestion({ host, busy, answer }: QuestionProps) {
  const ready = useConsentDelay();
  const notNow = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    document.title = `Use Technician Tools on ${host}?`;
    // The safe answer has the focus: Enter pressed for the page beneath lands there, not on "Turn on".
    notNow.current?.focus();
  }, [host]);

  return (
    // A key held down since before this window opened repeats: its repeats answer nothing.
    <section aria-labelledby="consent-title" onKeyDownCapture={(event) => event.repeat && event.preventDefault()}>
      <h1 id="consent-title">Use Technician Tools on {host}?</h1>
      <p>ImmyBot’s answers about your tickets will show on this site.</p>
      <p class="hint">
        Turn it on only if {host} is your organization’s own HaloPSA: anyone can open a HaloPSA trial on this domain.
      </p>
      <div class="consent-actions">
        <button type="button" class="primary" disabled={!ready || busy} onClick={answer('allow')}>
          Turn on for {host}
        </button>
        <button type="button" class="secondary" ref={notNow} disabled={busy} onClick={answer('dismiss')}>
          Not now
        </button>
        <button type="button" class="link" disabled={!ready || busy} onClick={answer('decline')}>
          Never on this site
        </button>
      </div>
    </section>
  );
}

/** Said instead of the question: a used or unknown token, or an answer the settings could not take. */
function ConsentMessage({ title, message }: { title: string; message: string }) {
  return (
    <section aria-labelledby="consent-title">
      <h1 id="consent-title">{title}</h1>
      <p class="error" role="alert">
        {message}
      </p>
      <div class="consent-actions">
        <button type="button" class="secondary" onClick={() => window.close()}>
          Close
        </button>
      </div>
    </section>
  );
}
