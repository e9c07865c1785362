import type { TicketInfo } from './schemas';
import { unmatchedReasons } from './unmatched';

/** How many of a ticket's computers a view keeps; an answer may list thousands. */
export const SHOWN_COMPUTERS = 50;

/** What the pane header shows for a ticket: plain data, ready to render. */
export interface TicketView {
  faultId: number;
  person: { name: string | null; email: string | null } | null;
  tenant: string | null;
  /** The first SHOWN_COMPUTERS computers, in ImmyBot's order. */
  computers: Array<{ name: string; online: boolean }>;
  /** How many computers the ticket has beyond `computers` ("and N more"); 0 when all are shown. */
  moreComputers: number;
  /** Online computers among all of the ticket's computers, shown or not. */
  onlineComputers: number;
  /** Why the ticket matched no person, tenant or computer, in the order to fix them; empty when it did. */
  unmatched: string[];
}

export function ticketView(faultId: number, info: TicketInfo): TicketView {
  const hasPerson = info.personId != null || info.personName != null;
  return {
    faultId,
    person: hasPerson ? { name: info.personName ?? null, email: info.ticketEmailAddress ?? null } : null,
    tenant: info.tenantName ?? null,
    computers: info.computers.slice(0, SHOWN_COMPUTERS).map((c) => ({
      name: c.computerName ?? `Computer ${c.computerId}`,
      online: c.isOnline === true,
    })),
    moreComputers: Math.max(0, info.computers.length - SHOWN_COMPUTERS),
    onlineComputers: info.computers.filter((c) => c.isOnline === true).length,
    unmatched: unmatchedReasons(info),
  };
}

export const onlineCount = (view: TicketView): number => view.onlineComputers;

/** All of a ticket's computers, shown or not. */
export const computerCount = (view: TicketView): number => view.computers.length + view.moreComputers;

/** The summary line's words, the same in the pane, the side panel and the popup: who, and how many are online. */
export function ticketLineParts(view: TicketView): { who: string; count: string } {
  const total = computerCount(view);
  return {
    who: view.person?.name ?? view.person?.email ?? 'No ImmyBot person',
    count: total > 0 ? `${view.onlineComputers} of ${total} online` : 'no computers',
  };
}

/** The toolbar badge for a ticket's tab: its text, and the tooltip that says in words what the number is. */
export interface TicketBadge {
  text: string;
  title: string;
}

/**
 * A count only where there is something to count: "0" would read the same for "none online" and "no computers".
 * No computers, no person, or an error: no number, and the tooltip says why.
 */
export function ticketBadge(view: TicketView | null, faultId: number): TicketBadge {
  if (!view) return { text: '', title: `Technician Tools: no ImmyBot answer for ticket ${faultId}` };
  const total = computerCount(view);
  if (total === 0) return { text: '', title: `Technician Tools: no ImmyBot computers for ticket ${faultId}` };
  const noun = total === 1 ? 'computer' : 'computers';
  return {
    text: String(view.onlineComputers),
    title: `Technician Tools: ${view.onlineComputers} of ${total} ${noun} online for ticket ${faultId}`,
  };
}
