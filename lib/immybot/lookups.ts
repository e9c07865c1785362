import type { ImmyBotConnection } from './connection';
import { ImmyBotError, type ImmyBotClient } from './client';
import { problemFor, type Problem } from './problems';
import { ticketView, type TicketView } from './ticket-view';

export type LookupResult = { ok: true; ticket: TicketView } | { ok: false; problem: Problem };

/** Where answers are kept between calls; the background uses storage.session (survives worker restarts). */
export interface LookupCache {
  get(key: string): Promise<{ at: number; ticket: TicketView } | undefined>;
  set(key: string, entry: { at: number; ticket: TicketView }): Promise<void>;
}

export const LOOKUP_TTL_MS = 60_000;

/**
 * Ticket lookups: answers cached per (instance, integration, ticket) for a minute, concurrent asks
 * for the same key share one request, and failures are turned into problems the pane can show.
 */
export function createLookups(
  clientFor: (instanceOrigin: string) => ImmyBotClient,
  cache: LookupCache,
  now = Date.now,
) {
  const inFlight = new Map<string, Promise<LookupResult>>();

  async function fetchTicket(
    { instanceOrigin, integrationId }: ImmyBotConnection,
    faultId: number,
    key: string,
  ): Promise<LookupResult> {
    const client = clientFor(instanceOrigin);
    try {
      const ticket = ticketView(faultId, await client.ticket(integrationId, faultId));
      // The answer matters more than remembering it: a cache that cannot write never fails a lookup.
      await cache.set(key, { at: now(), ticket }).catch(() => undefined);
      return { ok: true, ticket };
    } catch (error) {
      if (!(error instanceof ImmyBotError)) throw error;
      if (error.failure !== 'not-found') {
        const facts = { integrationId, faultId, status: error.status, timedOut: error.timedOut };
        return { ok: false, problem: problemFor(error.failure, facts) };
      }
      // A 404 means a missing integration or an unresolved ticket: the integration itself tells which.
      const linkError = await client.providerLink(integrationId).then(
        () => null,
        (e: unknown) => e,
      );
      if (linkError === null)
        return { ok: false, problem: problemFor('ticket-unresolved', { integrationId, faultId }) };
      if (!(linkError instanceof ImmyBotError)) throw linkError;
      const failure = linkError.failure === 'not-found' ? 'no-integration' : linkError.failure;
      const facts = { integrationId, faultId, status: linkError.status, timedOut: linkError.timedOut };
      return { ok: false, problem: problemFor(failure, facts) };
    }
  }

  return async function lookup(connection: ImmyBotConnection, faultId: number): Promise<LookupResult> {
    const key = `${connection.instanceOrigin}|${connection.integrationId}|${faultId}`;
    const cached = await cache.get(key).catch(() => undefined);
    if (cached && now() - cached.at < LOOKUP_TTL_MS) return { ok: true, ticket: cached.ticket };
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetchTicket(connection, faultId, key).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
