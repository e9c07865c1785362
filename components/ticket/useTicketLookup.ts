import { useEffect, useState } from 'preact/hooks';
import type { Responses } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/client';

type LookupResult = Responses['lookupTicket'];

/** ImmyBot's latest answer for the ticket (a cached one while it refreshes), and whether a fresh one is on its way. */
export interface LookupState {
  answer: LookupResult | null;
  loading: boolean;
}

const UNREACHABLE: LookupResult = {
  ok: false,
  problem: {
    kind: 'unavailable',
    message: 'Technician Tools stopped responding. Retry, or reload this page.',
    action: 'retry',
  },
};

/** The last good answers of this page, by Technician Tools URL: a ticket seen before shows at once, unmoved. */
const recent = new Map<string, LookupResult>();
const RECENT_TICKETS = 20;

function remember(key: string, answer: LookupResult): void {
  recent.delete(key);
  if (!answer.ok) return;
  recent.set(key, answer);
  if (recent.size > RECENT_TICKETS) recent.delete(recent.keys().next().value as string);
}

/**
 * Asks the background what ImmyBot resolves for the ticket; an answer for an older ticket is dropped. `podUrl`
 * names the ticket with its connection, so another instance or integration never shows this one's answer. `site` is
 * the ticket's HaloPSA site, whose connection answers (a framed pane's is its tab, whatever it says).
 */
export function useTicketLookup(
  faultId: number,
  podUrl: string,
  refresh: number,
  site?: string,
): [LookupState, () => void] {
  const [state, setState] = useState<LookupState>({ answer: null, loading: true });
  const [retries, setRetries] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ answer: recent.get(podUrl) ?? null, loading: true });
    const settle = (answer: LookupResult) => {
      if (!current) return;
      remember(podUrl, answer);
      setState({ answer, loading: false });
    };
    sendToBackground({ type: 'lookupTicket', faultId, site }).then(
      // Anything but an answer (an old background during an update, say) reads as unreachable.
      (result) => settle(typeof result === 'object' && result !== null && 'ok' in result ? result : UNREACHABLE),
      () => settle(UNREACHABLE),
    );
    return () => {
      current = false;
    };
  }, [faultId, podUrl, refresh, retries]);
  return [state, () => setRetries((n) => n + 1)];
}
