import { useEffect, useState } from 'preact/hooks';
import type { Responses } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/client';

type LookupResult = Responses['lookupTicket'];
export type LookupState = LookupResult | 'loading';

const UNREACHABLE: LookupResult = {
  ok: false,
  problem: {
    kind: 'unavailable',
    message: 'Technician Tools stopped responding. Retry, or reload this page.',
    action: 'retry',
  },
};

/** Asks the background what ImmyBot resolves for the ticket; an answer for an older ticket is dropped. */
export function useTicketLookup(faultId: number, refresh: number): [LookupState, () => void] {
  const [state, setState] = useState<LookupState>('loading');
  const [retries, setRetries] = useState(0);
  useEffect(() => {
    let current = true;
    setState('loading');
    sendToBackground({ type: 'lookupTicket', faultId }).then(
      // Anything but an answer (an old background during an update, say) reads as unreachable.
      (result) =>
        current && setState(typeof result === 'object' && result !== null && 'ok' in result ? result : UNREACHABLE),
      () => current && setState(UNREACHABLE),
    );
    return () => {
      current = false;
    };
  }, [faultId, refresh, retries]);
  return [state, () => setRetries((n) => n + 1)];
}
