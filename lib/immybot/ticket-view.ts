import type { TicketInfo } from './schemas';

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
  };
}

export const onlineCount = (view: TicketView): number => view.onlineComputers;
