import { useEffect, useState } from 'preact/hooks';
import { ticketLineParts } from '../../lib/immybot/ticket-view';
import { sendToBackground } from '../../lib/messaging/client';
import type { Responses } from '../../lib/messaging/protocol';

type Answer = Responses['lookupTicket'] | 'asking' | 'unreachable';

const signIn = (site: string) =>
  void sendToBackground({ type: 'signIn', site }).then(
    () => window.close(),
    () => undefined,
  );

interface Props {
  faultId: number;
  /** The tab's HaloPSA site: its own connection, if it has one, answers. */
  site: string;
  placeButtons: preact.JSX.Element;
}

/**
 * The popup on a listed site's ticket: the ticket, who ImmyBot resolves it to (or why not), and the one thing to do
 * about it: sign in when signed out, else open the side panel or the window (`placeButtons`).
 */
export function TicketAbout({ faultId, site, placeButtons }: Props) {
  const [answer, setAnswer] = useState<Answer>('asking');
  useEffect(() => {
    sendToBackground({ type: 'lookupTicket', faultId, site }).then(setAnswer, () => setAnswer('unreachable'));
  }, [faultId, site]);
  return (
    <section aria-label={`Ticket ${faultId}`} data-testid="ticket-about">
      <p>
        <strong>Ticket {faultId}</strong>
        {': '}
        <TicketLine answer={answer} />
      </p>
      {typeof answer === 'object' && !answer.ok && answer.problem.action === 'sign-in' ? (
        <p>
          <button type="button" class="primary" onClick={() => signIn(site)}>
            Sign in to ImmyBot
          </button>
        </p>
      ) : (
        placeButtons
      )}
    </section>
  );
}

function TicketLine({ answer }: { answer: Answer }) {
  if (answer === 'asking') return <span class="muted">looking it up in ImmyBot…</span>;
  if (answer === 'unreachable') return <span>Technician Tools did not answer. Reopen this popup.</span>;
  if (!answer.ok) return <span>{answer.problem.message}</span>;
  const { ticket } = answer;
  const { who, count } = ticketLineParts(ticket);
  return (
    <>
      <span>{[who, ticket.tenant, count].filter(Boolean).join(' · ')}</span>
      {ticket.unmatched[0] && <span class="muted"> {ticket.unmatched[0]}</span>}
    </>
  );
}
