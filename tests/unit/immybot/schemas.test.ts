import { describe, expect, it } from 'vitest';
import { AuthUserSchema, ProviderLinkSchema, TicketInfoSchema } from '../../../lib/immybot/schemas';
import { AUTH_USER, TICKET_EXAMPLE, TICKET_NULLS } from './examples';

// The example answer from DOMAIN.md ("ImmyBot API"), as ImmyBot sends it.
const DOMAIN_EXAMPLE =
  JSON.parse(`{ "computers": [ { "computerId": 12, "computerName": "DESKTOP-CH4L46D", "isOnline": true } ],
    "personId": 40, "personName": "Ben Castle", "tenantId": 3, "tenantName": "Acorn Construction",
    "ticketClientId": "27", "ticketEmailAddress": "Ben.Castle@contoso.com" }`) as unknown;

const AUTH_NULLS = {
  userId: null,
  email: null,
  displayName: null,
  firstName: null,
  lastName: null,
  isAdmin: null,
  isMSP: null,
  tenantId: null,
  personId: null,
};

const LINK = {
  id: 619,
  name: 'HaloPSA',
  disabled: false,
  healthStatus: 'Healthy',
  healthStatusMessage: 'Last sync 2 minutes ago',
  providerTypeId: '6e2fbd6e-7f8a-4a3d-9d8e-3b1b5f0e6a11',
  providerCapabilities: ['ISupportsTicketing', 'ISupportsListingClients'],
};
const LINK_NULLS = {
  id: 619,
  name: null,
  disabled: null,
  healthStatus: null,
  healthStatusMessage: null,
  providerTypeId: null,
  providerCapabilities: null,
};

describe('TicketInfoSchema', () => {
  it('parses the DOMAIN.md example to exactly the expected object', () => {
    expect(TicketInfoSchema.parse(DOMAIN_EXAMPLE)).toStrictEqual(TICKET_EXAMPLE);
  });

  it('drops unknown fields, at the top and inside computers', () => {
    const parsed = TicketInfoSchema.parse({
      ...(DOMAIN_EXAMPLE as object),
      ticketId: '2152',
      secret: 'x',
      computers: [{ computerId: 12, computerName: 'PC', isOnline: false, agentId: 5, os: 'Windows 11' }],
    });
    expect(Object.keys(parsed).sort()).toEqual(
      ['computers', 'personId', 'personName', 'tenantId', 'tenantName', 'ticketClientId', 'ticketEmailAddress'].sort(),
    );
    expect(parsed.computers).toStrictEqual([{ computerId: 12, computerName: 'PC', isOnline: false }]);
  });

  it.each<[string, unknown, string | null]>([
    ['a number', 27, '27'],
    ['a string', '27', '27'],
    ['zero', 0, '0'],
    ['null', null, null],
    ['a boolean', true, null],
    ['an object', { id: 27 }, null],
  ])('ticketClientId as %s → %j', (_, ticketClientId, expected) => {
    expect(TicketInfoSchema.parse({ ticketClientId }).ticketClientId).toBe(expected);
  });

  it('turns every field being null into nulls and no computers', () => {
    expect(TicketInfoSchema.parse({ ...TICKET_NULLS, computers: null })).toStrictEqual(TICKET_NULLS);
  });

  it('turns every field being absent (a ticket nothing matched) into nulls and no computers', () => {
    expect(TicketInfoSchema.parse({})).toStrictEqual(TICKET_NULLS);
  });

  it('turns mistyped fields into null instead of failing the answer', () => {
    expect(
      TicketInfoSchema.parse({
        computers: 'none',
        personId: '40',
        personName: 40,
        tenantId: 3.5,
        tenantName: ['Acorn'],
        ticketClientId: false,
        ticketEmailAddress: { address: 'x' },
      }),
    ).toStrictEqual(TICKET_NULLS);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['absent', undefined],
    ['a string', 'DESKTOP-1'],
    ['an object', { computerId: 1 }],
    ['a number', 3],
  ])('computers %s → []', (_, computers) => {
    const input = computers === undefined ? { personId: 40 } : { personId: 40, computers };
    expect(TicketInfoSchema.parse(input).computers).toEqual([]);
  });

  it('drops one malformed computer and keeps the others in order', () => {
    const parsed = TicketInfoSchema.parse({
      computers: [
        { computerId: 12, computerName: 'DESKTOP-CH4L46D', isOnline: true },
        { computerId: '13', computerName: 'BAD-ID', isOnline: true },
        { computerId: 14, computerName: 'LAPTOP-2', isOnline: false },
      ],
    });
    expect(parsed.computers).toStrictEqual([
      { computerId: 12, computerName: 'DESKTOP-CH4L46D', isOnline: true },
      { computerId: 14, computerName: 'LAPTOP-2', isOnline: false },
    ]);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'DESKTOP-9'],
    ['a number', 9],
    ['an array', [9]],
    ['an object without computerId', { computerName: 'NO-ID', isOnline: true }],
    ['an object with a fractional computerId', { computerId: 9.5, computerName: 'HALF' }],
    ['an object with a null computerId', { computerId: null, computerName: 'NULL-ID' }],
  ])('a computer that is %s is dropped; its neighbours stay', (_, bad) => {
    const good = { computerId: 12, computerName: 'DESKTOP-CH4L46D', isOnline: true };
    expect(TicketInfoSchema.parse({ computers: [bad, good, bad] }).computers).toStrictEqual([good]);
  });

  it('keeps a computer with only an id, its name and online state null', () => {
    expect(TicketInfoSchema.parse({ computers: [{ computerId: 5 }] }).computers).toStrictEqual([
      { computerId: 5, computerName: null, isOnline: null },
    ]);
  });

  it('keeps a computer with a mistyped name or online state, those fields null', () => {
    expect(
      TicketInfoSchema.parse({ computers: [{ computerId: 5, computerName: 5, isOnline: 'yes' }] }).computers,
    ).toStrictEqual([{ computerId: 5, computerName: null, isOnline: null }]);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [DOMAIN_EXAMPLE]],
    ['a string', 'ok'],
    ['a number', 1],
  ])('rejects an answer that is %s', (_, input) => {
    expect(TicketInfoSchema.safeParse(input).success).toBe(false);
  });
});

describe('AuthUserSchema', () => {
  it('parses the signed-in user', () => {
    expect(AuthUserSchema.parse(AUTH_USER)).toStrictEqual(AUTH_USER);
  });

  it('drops unknown fields', () => {
    expect(
      AuthUserSchema.parse({ ...AUTH_USER, roles: ['admin'], impersonating: false, accessToken: 'secret' }),
    ).toStrictEqual(AUTH_USER);
  });

  it('turns null fields into null', () => {
    expect(AuthUserSchema.parse(AUTH_NULLS)).toStrictEqual(AUTH_NULLS);
  });

  it('turns absent fields into null', () => {
    expect(AuthUserSchema.parse({})).toStrictEqual(AUTH_NULLS);
  });

  it('turns mistyped fields into null', () => {
    expect(
      AuthUserSchema.parse({
        userId: '7',
        email: 7,
        displayName: { text: 'Tess' },
        firstName: ['Tess'],
        lastName: false,
        isAdmin: 'true',
        isMSP: 1,
        tenantId: 1.5,
        personId: 'x',
      }),
    ).toStrictEqual(AUTH_NULLS);
  });

  it('keeps the good fields next to mistyped ones', () => {
    expect(AuthUserSchema.parse({ ...AUTH_USER, isAdmin: 'yes' })).toStrictEqual({ ...AUTH_USER, isAdmin: null });
  });

  it.each([null, 'Tess', 7, [AUTH_USER]])('rejects an answer that is %j', (input) => {
    expect(AuthUserSchema.safeParse(input).success).toBe(false);
  });
});

describe('ProviderLinkSchema', () => {
  it('parses one integration', () => {
    expect(ProviderLinkSchema.parse(LINK)).toStrictEqual(LINK);
  });

  it('drops unknown fields', () => {
    expect(ProviderLinkSchema.parse({ ...LINK, clientSecret: 'secret', providerTypeFormData: { a: 1 } })).toStrictEqual(
      LINK,
    );
  });

  it('turns absent fields other than id into null', () => {
    expect(ProviderLinkSchema.parse({ id: 619 })).toStrictEqual(LINK_NULLS);
  });

  it('turns mistyped fields other than id into null', () => {
    expect(
      ProviderLinkSchema.parse({
        id: 619,
        name: 619,
        disabled: 'false',
        healthStatus: true,
        healthStatusMessage: ['x'],
        providerTypeId: 5,
        providerCapabilities: 'ISupportsTicketing',
      }),
    ).toStrictEqual(LINK_NULLS);
  });

  it.each<[unknown, string | null]>([
    ['Healthy', 'Healthy'],
    [0, '0'],
    [2, '2'],
    [null, null],
  ])('healthStatus %j → %j (an enum may arrive as its number)', (healthStatus, expected) => {
    expect(ProviderLinkSchema.parse({ id: 619, healthStatus }).healthStatus).toBe(expected);
  });

  it('a capability list with a non-string entry becomes null', () => {
    expect(
      ProviderLinkSchema.parse({ id: 619, providerCapabilities: ['ISupportsTicketing', 3] }).providerCapabilities,
    ).toBeNull();
  });

  it.each<[string, unknown]>([
    ['no id', { name: 'HaloPSA' }],
    ['a null id', { ...LINK, id: null }],
    ['a string id', { ...LINK, id: '619' }],
    ['a fractional id', { ...LINK, id: 619.5 }],
    ['null', null],
    ['an array', [LINK]],
  ])('rejects an integration with %s', (_, input) => {
    expect(ProviderLinkSchema.safeParse(input).success).toBe(false);
  });
});
