import * as z from 'zod/mini';

// ImmyBot's API is not ours: unknown fields are dropped, absent or mistyped ones become null
// rather than failing the whole answer.
const orNull = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullable(schema), null);
const text = orNull(z.string());
const int = orNull(z.int());
const flag = orNull(z.boolean());
const idText = orNull(z.pipe(z.union([z.string(), z.number()]), z.transform(String)));

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
  id: z.int(),
  name: text,
  disabled: flag,
  healthStatus: idText,
  healthStatusMessage: text,
  providerTypeId: text,
  providerCapabilities: orNull(z.array(z.string())),
});

const ComputerSchema = z.object({
  computerId: z.int(),
  computerName: text,
  isOnline: flag,
});

/** `GET /api/v1/provider-links/{id}/tickets/{ticketId}`: what Technician Tools resolves for a ticket. */
export const TicketInfoSchema = z.object({
  // One malformed computer must not hide the others.
  computers: z.pipe(
    orNull(z.array(orNull(ComputerSchema))),
    z.transform((list) => (list ?? []).filter((c) => c !== null)),
  ),
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
