import { useEffect, useState } from 'preact/hooks';
import { trusted } from '../../lib/pane/trusted';
import { type TicketView, ticketLineParts } from '../../lib/immybot/ticket-view';
import type { LookupState } from './useTicketLookup';

interface Props {
  faultId: number;
  lookup: LookupState;
  onSignIn: () => void;
  onRetry: () => void;
  onOpenSettings: () => void;
}

/**
 * The header's summary line: who and what ImmyBot resolves for the ticket, or why it cannot. One line whether
 * it is looking up, refreshing a ticket seen before or answered, so ImmyBot's frame below never moves on a
 * switch; only a ticket that needs explaining (a problem, a missing link) takes more.
 */
export function TicketSummary({ faultId, lookup, onSignIn, onRetry, onOpenSettings }: Props) {
  const { answer, loading } = lookup;
  if (!answer)
    return (
      <div class="summary line muted" role="status" aria-busy="true" data-testid="ticket-summary">
        <span class="ellipsis">Looking up ticket {faultId} in ImmyBot…</span>
      </div>
    );
  if (answer.ok) return <TicketLine ticket={answer.ticket} refreshing={loading} />;
  const { problem } = answer;
  const actions = {
    'sign-in': ['Sign in to ImmyBot', onSignIn],
    retry: ['Retry', onRetry],
    settings: ['Open settings', onOpenSettings],
  } as const;
  const action = problem.action && actions[problem.action];
  return (
    <div class={`summary problem ${problem.kind}`} role="status" aria-busy={loading} data-testid="ticket-summary">
      <span>{problem.message}</span>
      {problem.detail && (
        <details class="detail">
          <summary>Details</summary>
          <span>{problem.detail}</span>
        </details>
      )}
      {action && (
        <button type="button" class="primary small" onClick={trusted(action[1])}>
          {action[0]}
        </button>
      )}
    </div>
  );
}

/** "Ben Castle · Acorn Construction · 1 of 2 online": the email and the computers are one click (or a hover) away. */
function TicketLine({ ticket, refreshing }: { ticket: TicketView; refreshing: boolean }) {
  const [open, setOpen] = useState(false);
  // Another ticket's answer starts closed.
  useEffect(() => setOpen(false), [ticket.faultId]);
  const { person, tenant, computers, moreComputers, unmatched } = ticket;
  const { who, count } = ticketLineParts(ticket);
  const hover = [person?.email, ...computers.map((c) => `${c.name} (${c.online ? 'online' : 'offline'})`)]
    .filter(Boolean)
    .join('\n');
  return (
    <div class="summary-block" role="status" aria-busy={refreshing} data-testid="ticket-summary">
      <div class="summary line">
        <button
          type="button"
          class="line-toggle"
          aria-expanded={open}
          title={hover || undefined}
          onClick={trusted(() => setOpen(!open))}
        >
          <span class={person ? 'person' : 'muted'}>{who}</span>
          {tenant && <span class="tenant"> · {tenant}</span>}
          <span class="count"> · {count}</span>
        </button>
      </div>
      {unmatched.length > 0 && (
        <ul class="why" aria-label="Why ImmyBot matched no one">
          {unmatched.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {open && (
        <div class="more">
          {person?.email && <div class="email">{person.email}</div>}
          {computers.length > 0 && (
            <ul class="computers">
              {computers.map((c) => (
                <li key={c.name} class={c.online ? 'online' : 'offline'}>
                  {c.name} · {c.online ? 'online' : 'offline'}
                </li>
              ))}
              {moreComputers > 0 && <li class="more-computers">and {moreComputers} more</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
