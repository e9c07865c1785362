import type { TicketInfo } from './schemas';

/** What the pane header shows for a ticket: plain data, ready to render. */
export interface TicketView {
  faultId: number;
  person: { name: string | null; email: string | null } | null;
  tenant: string | null;
  computers: Array<{ name: string; online: boolean }>;
}

export function ticketView(faultId: number, info: TicketInfo): TicketView {
  const hasPerson = info.personId != null || info.personName != null;
  return {
    faultId,
    person: hasPerson ? { name: info.personName ?? null, email: info.ticketEmailAddress ?? null } : null,
    tenant: info.tenantName ?? null,
    computers: info.computers.map((c) => ({
      name: c.computerName ?? `Computer ${c.computerId}`,
      online: c.isOnline === true,
    })),
  };
}

export const onlineCount = (view: TicketView): number => view.computers.filter((c) => c.online).length;
