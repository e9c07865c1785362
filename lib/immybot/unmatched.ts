import type { TicketInfo } from './schemas';

/**
 * Why ImmyBot's answer for a ticket is missing a link of the chain technicians rely on (HaloPSA client → ImmyBot
 * tenant, ticket email → ImmyBot person, person → computers), in the order to fix them, each sentence aimed at
 * who can fix it. Empty when the ticket resolved to a person with computers.
 */
export function unmatchedReasons(info: TicketInfo): string[] {
  const email = info.ticketEmailAddress?.trim() || null;
  const clientId = info.ticketClientId?.trim() || null;
  const tenant = info.tenantName?.trim() || (info.tenantId != null ? `tenant ${info.tenantId}` : null);
  const hasPerson = info.personId != null || !!info.personName?.trim();
  const reasons: string[] = [];
  if (!tenant)
    reasons.push(
      clientId
        ? `HaloPSA client ${clientId} is not linked to an ImmyBot tenant. Ask your ImmyBot admin to map it in the HaloPSA integration.`
        : 'This ticket has no HaloPSA client, so ImmyBot cannot tell its tenant.',
    );
  if (!hasPerson)
    reasons.push(
      !email
        ? 'This ticket has no email address; ImmyBot finds the person by the ticket’s email.'
        : tenant
          ? `ImmyBot has no person with ${email} in ${tenant}.`
          : `ImmyBot has no person with ${email}.`,
    );
  else if (info.computers.length === 0)
    reasons.push(`ImmyBot knows no computer for ${info.personName?.trim() || email || 'this ticket’s person'}.`);
  return reasons;
}
