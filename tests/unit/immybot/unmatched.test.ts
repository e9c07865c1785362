import { describe, expect, it } from 'vitest';
import type { TicketInfo } from '../../../lib/immybot/schemas';
import { unmatchedReasons } from '../../../lib/immybot/unmatched';
import { TICKET_EXAMPLE } from './examples';

const NO_TENANT = { tenantId: null, tenantName: null };
const NO_PERSON = { personId: null, personName: null };
const NO_EMAIL = { ticketEmailAddress: null };
const NO_CLIENT = { ticketClientId: null };
const NO_COMPUTERS = { computers: [] };

const CLIENT_UNMAPPED =
  'HaloPSA client 27 is not linked to an ImmyBot tenant. Ask your ImmyBot admin to map it in the HaloPSA integration.';
const NO_CLIENT_SENTENCE = 'This ticket has no HaloPSA client, so ImmyBot cannot tell its tenant.';
const NO_EMAIL_SENTENCE = 'This ticket has no email address; ImmyBot finds the person by the ticket’s email.';

describe('unmatchedReasons: one sentence per missing link, in the order to fix them', () => {
  it.each<[string, Partial<TicketInfo>, string[]]>([
    ['a person with computers: nothing to explain', {}, []],
    ['a person with no computers', NO_COMPUTERS, ['ImmyBot knows no computer for Ben Castle.']],
    [
      'an email, no person, in a tenant',
      { ...NO_PERSON, ...NO_COMPUTERS },
      ['ImmyBot has no person with Ben.Castle@contoso.com in Acorn Construction.'],
    ],
    ['no email and no person, in a tenant', { ...NO_PERSON, ...NO_EMAIL, ...NO_COMPUTERS }, [NO_EMAIL_SENTENCE]],
    [
      'a client with no tenant, an email, no person',
      { ...NO_TENANT, ...NO_PERSON, ...NO_COMPUTERS },
      [CLIENT_UNMAPPED, 'ImmyBot has no person with Ben.Castle@contoso.com.'],
    ],
    [
      'a client with no tenant, no email',
      { ...NO_TENANT, ...NO_PERSON, ...NO_EMAIL, ...NO_COMPUTERS },
      [CLIENT_UNMAPPED, NO_EMAIL_SENTENCE],
    ],
    [
      'no client, no tenant, no email: nothing matched',
      {
        ...NO_TENANT,
        ...NO_PERSON,
        ...NO_EMAIL,
        ...NO_CLIENT,
        ...NO_COMPUTERS,
      },
      [NO_CLIENT_SENTENCE, NO_EMAIL_SENTENCE],
    ],
    ['a person found with no tenant (ImmyBot matched the email alone)', NO_TENANT, [CLIENT_UNMAPPED]],
    [
      'a person, no tenant, no computers',
      { ...NO_TENANT, ...NO_COMPUTERS },
      [CLIENT_UNMAPPED, 'ImmyBot knows no computer for Ben Castle.'],
    ],
    [
      'a person known by id only, no computers',
      { personName: null, ...NO_COMPUTERS },
      ['ImmyBot knows no computer for Ben.Castle@contoso.com.'],
    ],
    [
      'a person by id only, no email, no computers',
      { personName: null, ...NO_EMAIL, ...NO_COMPUTERS },
      ['ImmyBot knows no computer for this ticket’s person.'],
    ],
    [
      'a tenant known by id only',
      { tenantName: null, ...NO_PERSON, ...NO_COMPUTERS },
      ['ImmyBot has no person with Ben.Castle@contoso.com in tenant 3.'],
    ],
    [
      'blank strings count as missing',
      { ticketEmailAddress: '  ', ticketClientId: ' ', ...NO_TENANT, ...NO_PERSON },
      [NO_CLIENT_SENTENCE, NO_EMAIL_SENTENCE],
    ],
  ])('%s', (_name, change, reasons) => {
    expect(unmatchedReasons({ ...TICKET_EXAMPLE, ...change })).toStrictEqual(reasons);
  });

  it('names the client by the id HaloPSA gave, text or number', () => {
    expect(unmatchedReasons({ ...TICKET_EXAMPLE, ...NO_TENANT, ticketClientId: '1042' })[0]).toContain(
      'HaloPSA client 1042 is',
    );
  });
});
