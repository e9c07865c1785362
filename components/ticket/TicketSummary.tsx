import { trusted } from '../../lib/pane/trusted';
import type { CookieAccess } from '../../lib/immybot/cookie-access';
import type { TicketView } from '../../lib/immybot/ticket-view';
import type { LookupState } from './useTicketLookup';

interface Props {
  lookup: LookupState;
  onSignIn: () => void;
  onRetry: () => void;
  onOpenSettings: () => void;
  /** In the side panel ImmyBot's frame always has its cookie: no note about cookies. */
  inSidePanel?: boolean;
  /** The pane's way to the side panel, where a browser keeps ImmyBot's cookie out of HaloPSA's page. */
  onOpenSidePanel?: () => void;
}

/** The header's second line: who and what ImmyBot resolves for the ticket, or why it cannot. */
export function TicketSummary({ lookup, onSignIn, onRetry, onOpenSettings, inSidePanel, onOpenSidePanel }: Props) {
  if (lookup === 'loading') return <div class="summary muted">Looking up the ticket in ImmyBot…</div>;
  if (lookup.ok)
    return (
      <TicketDetails
        ticket={lookup.ticket}
        cookieAccess={inSidePanel ? 'applied' : lookup.cookieAccess}
        onAllowCookies={onSignIn}
        onOpenSidePanel={onOpenSidePanel}
      />
    );
  const { problem } = lookup;
  const actions = {
    'sign-in': ['Sign in to ImmyBot', onSignIn],
    retry: ['Retry', onRetry],
    settings: ['Open settings', onOpenSettings],
  } as const;
  const action = problem.action && actions[problem.action];
  return (
    <div class={`summary problem ${problem.kind}`} role="status">
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

interface DetailsProps {
  ticket: TicketView;
  cookieAccess?: CookieAccess;
  /** The sign-in window asks for the cookie exception; it closes at once when already signed in. */
  onAllowCookies: () => void;
  onOpenSidePanel?: () => void;
}

function TicketDetails({ ticket, cookieAccess, onAllowCookies, onOpenSidePanel }: DetailsProps) {
  const { person, tenant, computers, moreComputers, onlineComputers } = ticket;
  const total = computers.length + moreComputers;
  const who = person
    ? [person.name, person.email].filter(Boolean).join(' · ')
    : 'No ImmyBot person matched this ticket';
  return (
    <div class="summary" role="status">
      <span class={person ? 'person' : 'muted'}>{who}</span>
      {tenant && <span class="tenant">{tenant}</span>}
      {computers.length > 0 ? (
        <details class="computers">
          <summary title={computers.map((c) => c.name).join(', ')}>
            {total} computer{total === 1 ? '' : 's'} · {onlineComputers} online
          </summary>
          <ul>
            {computers.map((c) => (
              <li key={c.name} class={c.online ? 'online' : 'offline'}>
                {c.name} · {c.online ? 'online' : 'offline'}
              </li>
            ))}
            {moreComputers > 0 && <li class="more">and {moreComputers} more</li>}
          </ul>
        </details>
      ) : (
        <span class="muted">No computers</span>
      )}
      {/* Signed in here but no cookie exception: ImmyBot's frame under HaloPSA is signed out. One line, two ways out. */}
      {cookieAccess !== 'applied' && (
        <span class="muted note">
          ImmyBot below is signed out:{' '}
          {cookieAccess === 'no-permission' && (
            <>
              <button type="button" class="link" onClick={trusted(onAllowCookies)}>
                sign it in here
              </button>
              {onOpenSidePanel ? ' or ' : ''}
            </>
          )}
          {onOpenSidePanel ? (
            <button type="button" class="link" onClick={trusted(onOpenSidePanel)}>
              open in side panel
            </button>
          ) : (
            cookieAccess === 'unsupported' && 'use Open in new tab'
          )}
        </span>
      )}
    </div>
  );
}
