import type { AuthUser, TicketInfo } from '../../../lib/immybot/schemas';

/** DOMAIN.md's example answer of GET /api/v1/provider-links/{id}/tickets/{ticketId}, as parsed. */
export const TICKET_EXAMPLE: TicketInfo = {
  computers: [{ computerId: 12, computerName: 'DESKTOP-CH4L46D', isOnline: true }],
  personId: 40,
  personName: 'Ben Castle',
  tenantId: 3,
  tenantName: 'Acorn Construction',
  ticketClientId: '27',
  ticketEmailAddress: 'Ben.Castle@contoso.com',
};

/** A ticket ImmyBot could match to nothing. */
export const TICKET_NULLS: TicketInfo = {
  computers: [],
  personId: null,
  personName: null,
  tenantId: null,
  tenantName: null,
  ticketClientId: null,
  ticketEmailAddress: null,
};

/** GET /api/v1/auth for a signed-in technician. */
export const AUTH_USER: AuthUser = {
  userId: 7,
  email: 'tess@acme.example',
  displayName: 'Tess Tech',
  firstName: 'Tess',
  lastName: 'Tech',
  isAdmin: true,
  isMSP: true,
  tenantId: 1,
  personId: 99,
};
