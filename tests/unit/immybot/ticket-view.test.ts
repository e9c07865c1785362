import { describe, expect, it } from 'vitest';
import type { TicketInfo } from '../../../lib/immybot/schemas';
import {
  computerCount,
  onlineCount,
  SHOWN_COMPUTERS,
  ticketBadge,
  ticketLineParts,
  ticketView,
  type TicketView,
} from '../../../lib/immybot/ticket-view';
import { TICKET_EXAMPLE, TICKET_NULLS } from './examples';

// DOMAIN.md's example with a second, offline computer.
const BEN: TicketInfo = {
  ...TICKET_EXAMPLE,
  computers: [...TICKET_EXAMPLE.computers, { computerId: 13, computerName: 'LAPTOP-BEN', isOnline: false }],
};

describe('ticketView', () => {
  it('shows the person, tenant and computers of a resolved ticket', () => {
    expect(ticketView(2152, BEN)).toStrictEqual({
      faultId: 2152,
      person: { name: 'Ben Castle', email: 'Ben.Castle@contoso.com' },
      tenant: 'Acorn Construction',
      computers: [
        { name: 'DESKTOP-CH4L46D', online: true },
        { name: 'LAPTOP-BEN', online: false },
      ],
      moreComputers: 0,
      onlineComputers: 1,
      unmatched: [],
    });
  });

  it('shows nothing but the ticket id when ImmyBot matched nothing', () => {
    expect(ticketView(7, TICKET_NULLS)).toStrictEqual({
      faultId: 7,
      person: null,
      tenant: null,
      computers: [],
      moreComputers: 0,
      onlineComputers: 0,
      unmatched: [
        'This ticket has no HaloPSA client, so ImmyBot cannot tell its tenant.',
        'This ticket has no email address; ImmyBot finds the person by the ticket’s email.',
      ],
    });
  });

  it.each<[string, Partial<TicketInfo>, TicketView['person']]>([
    ['both personId and personName null', { personId: null, personName: null }, null],
    ['both absent (undefined)', { personId: undefined, personName: undefined }, null],
    [
      'no person but an email on the ticket',
      { personId: null, personName: null, ticketEmailAddress: 'x@y.test' },
      null,
    ],
    ['a personId without a name', { personId: 40, personName: null }, { name: null, email: 'Ben.Castle@contoso.com' }],
    [
      'a name without a personId',
      { personId: null, personName: 'Ben Castle' },
      { name: 'Ben Castle', email: 'Ben.Castle@contoso.com' },
    ],
    [
      'personId 0 (a number, so present)',
      { personId: 0, personName: null },
      { name: null, email: 'Ben.Castle@contoso.com' },
    ],
    ['a person without an email', { ticketEmailAddress: null }, { name: 'Ben Castle', email: null }],
    ['a person whose email is absent', { ticketEmailAddress: undefined }, { name: 'Ben Castle', email: null }],
  ])('person for %s', (_, change, person) => {
    expect(ticketView(2152, { ...BEN, ...change }).person).toStrictEqual(person);
  });

  it.each<[Partial<TicketInfo>, string | null]>([
    [{ tenantName: null }, null],
    [{ tenantName: undefined }, null],
    [{ tenantName: 'Acorn Construction', tenantId: null }, 'Acorn Construction'],
  ])('tenant for %j is %j', (change, tenant) => {
    expect(ticketView(2152, { ...BEN, ...change }).tenant).toBe(tenant);
  });

  // Some rows are shapes the schema never produces (absent keys): ticketView must still cope.
  type Computer = TicketInfo['computers'][number];
  it.each<[Partial<Computer> & { computerId: number }, { name: string; online: boolean }]>([
    [
      { computerId: 12, computerName: 'PC-1', isOnline: true },
      { name: 'PC-1', online: true },
    ],
    [
      { computerId: 12, computerName: 'PC-1', isOnline: false },
      { name: 'PC-1', online: false },
    ],
    [
      { computerId: 12, computerName: 'PC-1', isOnline: null },
      { name: 'PC-1', online: false },
    ],
    [
      { computerId: 12, computerName: 'PC-1' },
      { name: 'PC-1', online: false },
    ],
    [
      { computerId: 77, computerName: null, isOnline: true },
      { name: 'Computer 77', online: true },
    ],
    [
      { computerId: 78, isOnline: false },
      { name: 'Computer 78', online: false },
    ],
    [
      { computerId: 79, computerName: '', isOnline: true },
      { name: '', online: true },
    ],
  ])('computer %j → %j', (computer, shown) => {
    expect(ticketView(1, { ...TICKET_NULLS, computers: [computer as Computer] }).computers).toStrictEqual([shown]);
  });

  it('keeps the computers in ImmyBot’s order', () => {
    const computers = [30, 10, 20].map((computerId) => ({
      computerId,
      computerName: `PC-${computerId}`,
      isOnline: true,
    }));
    expect(ticketView(1, { ...TICKET_NULLS, computers }).computers.map((c) => c.name)).toEqual([
      'PC-30',
      'PC-10',
      'PC-20',
    ]);
  });

  it('does not change the info it was given', () => {
    const info = structuredClone(BEN);
    ticketView(2152, info);
    expect(info).toStrictEqual(BEN);
  });
});

describe('ticketView: many computers', () => {
  /** `count` computers, every third one online, named PC-1, PC-2, … in ImmyBot's order. */
  const manyComputers = (count: number) =>
    ticketView(1, {
      ...TICKET_NULLS,
      computers: Array.from({ length: count }, (_, i) => ({
        computerId: i + 1,
        computerName: `PC-${i + 1}`,
        isOnline: i % 3 === 0,
      })),
    });

  it('shows 50', () => {
    expect(SHOWN_COMPUTERS).toBe(50);
  });

  it.each<[number, number, number]>([
    [0, 0, 0],
    [1, 1, 0],
    [49, 49, 0],
    [50, 50, 0],
    [51, 50, 1],
    [200_000, 50, 199_950],
  ])('%d computers → the first %d kept, %d more counted', (count, kept, more) => {
    const view = manyComputers(count);
    expect(view.computers).toHaveLength(kept);
    expect(view.moreComputers).toBe(more);
    expect(view.computers.map((c) => c.name)).toEqual(Array.from({ length: kept }, (_, i) => `PC-${i + 1}`));
  });

  it('counts online computers among all of them, not only the 50 kept', () => {
    const view = manyComputers(200_000);
    expect(view.computers.filter((c) => c.online)).toHaveLength(17);
    expect(onlineCount(view)).toBe(66_667);
  });

  it('online computers only past the first 50 still count', () => {
    const computers = Array.from({ length: 60 }, (_, i) => ({
      computerId: i + 1,
      computerName: null,
      isOnline: i >= 50,
    }));
    const view = ticketView(1, { ...TICKET_NULLS, computers });
    expect(view.computers.some((c) => c.online)).toBe(false);
    expect(onlineCount(view)).toBe(10);
  });
});

describe('onlineCount', () => {
  const view = (states: Array<boolean | null | undefined>) =>
    ticketView(1, {
      ...TICKET_NULLS,
      computers: states.map(
        (isOnline, i) => ({ computerId: i + 1, computerName: null, isOnline }) as TicketInfo['computers'][number],
      ),
    });

  it.each<[Array<boolean | null | undefined>, number]>([
    [[], 0],
    [[true], 1],
    [[false], 0],
    [[null], 0],
    [[undefined], 0],
    [[true, false, null, true], 2],
    [[null, null, null], 0],
    [[true, true, true], 3],
  ])('%j → %d online', (states, count) => {
    expect(onlineCount(view(states))).toBe(count);
  });

  it('counts the DOMAIN.md-style ticket: one of two online', () => {
    expect(onlineCount(ticketView(2152, BEN))).toBe(1);
  });
});

describe('ticketBadge: a number only where there is something to count, and a tooltip in words', () => {
  const view = (online: boolean[], more = 0): TicketView => ({
    faultId: 2152,
    person: { name: 'Ben Castle', email: null },
    tenant: 'Acorn Construction',
    computers: online.map((on, i) => ({ name: `PC-${i}`, online: on })),
    moreComputers: more,
    onlineComputers: online.filter(Boolean).length,
    unmatched: [],
  });

  it.each<[string, TicketView | null, string, string]>([
    ['one of two online', view([true, false]), '1', '1 of 2 computers online for ticket 2152'],
    ['none of one online', view([false]), '0', '0 of 1 computer online for ticket 2152'],
    ['all online', view([true, true, true]), '3', '3 of 3 computers online for ticket 2152'],
    ['no computers: no "0"', view([]), '', 'no ImmyBot computers for ticket 2152'],
    ['no answer (an error, signed out)', null, '', 'no ImmyBot answer for ticket 2152'],
  ])('%s', (_, shown, text, title) => {
    expect(ticketBadge(shown, 2152)).toEqual({ text, title: `Technician Tools: ${title}` });
  });

  it('counts the computers beyond the shown ones', () => {
    const many = view([true, false], 60);
    expect(computerCount(many)).toBe(62);
    expect(ticketBadge(many, 2152).title).toBe('Technician Tools: 1 of 62 computers online for ticket 2152');
  });
});

describe('ticketLineParts: the summary line’s words', () => {
  it.each<[string, Partial<TicketInfo>, { who: string; count: string }]>([
    ['a person with computers', {}, { who: 'Ben Castle', count: '1 of 2 online' }],
    ['a person known by email only', { personName: null }, { who: 'Ben.Castle@contoso.com', count: '1 of 2 online' }],
    [
      'no person, no computers',
      { personId: null, personName: null, computers: [] },
      {
        who: 'No ImmyBot person',
        count: 'no computers',
      },
    ],
  ])('%s', (_name, change, parts) => {
    expect(ticketLineParts(ticketView(2152, { ...BEN, ...change }))).toEqual(parts);
  });
});
