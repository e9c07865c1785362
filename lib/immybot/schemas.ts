import * as z from 'zod';

// ImmyBot's API is not ours: unknown fields are dropped, absent or mistyped ones become null
// rather than failing the whole answer.
const text = z.string().nullable().catch(null);
const int = z.number().int().nullable().catch(null);
const flag = z.boolean().nullable().catch(null);
const idText = z.union([z.string(), z.number()]).transform(String).nullable().catch(null);

/** `GET /api/v1/auth`: the signed-in user. */
export const AuthUserSchema = z.object({
  userId: int,
  email: text,
  displayName: text,
  firstName: text,
  lastName: text,
  isAdmin: flag,
  isMSP: flag,
  tenantId: int,
  personId: int,
});

/** `GET /api/v1/provider-links/{id}`: one integration. */
export const ProviderLinkSchema = z.object({
  id: z.number().int(),
  name: text,
  disabled: flag,
  healthStatus: idText,
  healthStatusMessage: text,
  providerTypeId: text,
  providerCapabilities: z.array(z.string()).nullable().catch(null),
});

const ComputerSchema = z.object({
  computerId: z.number().int(),
  computerName: text,
  isOnline: flag,
});

/** `GET /api/v1/provider-links/{id}/tickets/{ticketId}`: what Technician Tools resolves for a ticket. */
export const TicketInfoSchema = z.object({
  // One malformed computer must not hide the others.
  computers: z
    .array(ComputerSchema.nullable().catch(null))
    .nullable()
    .catch(null)
    .transform((list) => (list ?? []).filter((c) => c !== null)),
  personId: int,
  personName: text,
  tenantId: int,
  tenantName: text,
  ticketClientId: idText,
  ticketEmailAddress: text,
});

export type AuthUser = z.infer<typeof AuthUserSchema>;
export type ProviderLink = z.infer<typeof ProviderLinkSchema>;
export type TicketInfo = z.infer<typeof TicketInfoSchema>;
