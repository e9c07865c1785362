import { describe, expect, it } from 'vitest';
import { problemFor, type Problem } from '../../../lib/immybot/problems';

const IDS = { integrationId: 619, faultId: 2152 };
type Failure = Parameters<typeof problemFor>[0];

describe('problemFor', () => {
  it.each<[Failure, Problem]>([
    ['signed-out', { kind: 'signed-out', message: 'You are not signed in to ImmyBot.', action: 'sign-in' }],
    ['forbidden', { kind: 'forbidden', message: 'Your ImmyBot user cannot see this ticket.' }],
    [
      'no-integration',
      {
        kind: 'no-integration',
        message: 'ImmyBot has no integration 619 — check the Integration ID in options.',
        action: 'settings',
      },
    ],
    ['unavailable', { kind: 'unavailable', message: 'ImmyBot is not answering.', action: 'retry' }],
    [
      'malformed',
      { kind: 'malformed', message: 'Ticket details are unavailable: ImmyBot answered in an unexpected shape.' },
    ],
  ])('%s → %j', (failure, problem) => {
    expect(problemFor(failure, IDS)).toStrictEqual(problem);
  });

  it.each<Failure>(['ticket-unresolved', 'not-found'])(
    '%s → ticket-unresolved, naming the ticket and what ImmyBot’s Halo app needs',
    (failure) => {
      const problem = problemFor(failure, IDS);
      expect(problem.kind).toBe('ticket-unresolved');
      expect(problem.action).toBeUndefined();
      expect(problem.message).toContain('ticket 2152');
      expect(problem.message).toContain('read:tickets');
      expect(problem.message).toMatch(/unassigned tickets/);
      expect(problem.message).toMatch(/tickets assigned to others/);
    },
  );

  it('not-found and ticket-unresolved read exactly the same', () => {
    expect(problemFor('not-found', IDS)).toStrictEqual(problemFor('ticket-unresolved', IDS));
  });

  it.each([1, 619, 2147483647])('no-integration names integration %d', (integrationId) => {
    expect(problemFor('no-integration', { integrationId, faultId: 1 }).message).toBe(
      `ImmyBot has no integration ${integrationId} — check the Integration ID in options.`,
    );
  });

  it.each([1, 2152, 2147483647])('ticket-unresolved names ticket %d', (faultId) => {
    expect(problemFor('ticket-unresolved', { integrationId: 619, faultId }).message).toMatch(
      new RegExp(`^ImmyBot could not read ticket ${faultId} from HaloPSA\\.`),
    );
  });

  it.each<Failure>(['signed-out', 'forbidden', 'unavailable', 'malformed'])(
    '%s does not depend on the ids',
    (failure) => {
      expect(problemFor(failure, { integrationId: 1, faultId: 1 })).toStrictEqual(problemFor(failure, IDS));
    },
  );

  it('offers exactly one action per kind, and only the ones the pane can perform', () => {
    const all: Failure[] = [
      'signed-out',
      'forbidden',
      'not-found',
      'unavailable',
      'malformed',
      'ticket-unresolved',
      'no-integration',
    ];
    expect(Object.fromEntries(all.map((f) => [f, problemFor(f, IDS).action ?? null]))).toStrictEqual({
      'signed-out': 'sign-in',
      forbidden: null,
      'not-found': null,
      unavailable: 'retry',
      malformed: null,
      'ticket-unresolved': null,
      'no-integration': 'settings',
    });
  });
});
