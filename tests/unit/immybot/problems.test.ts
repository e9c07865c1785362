import { describe, expect, it } from 'vitest';
import { forManagedSetting, problemFor, type Problem } from '../../../lib/immybot/problems';

const IDS = { integrationId: 619, faultId: 2152 };
type Failure = Parameters<typeof problemFor>[0];

describe('problemFor', () => {
  it.each<[Failure, Problem]>([
    ['signed-out', { kind: 'signed-out', message: 'You are not signed in to ImmyBot.', action: 'sign-in' }],
    [
      'forbidden',
      {
        kind: 'forbidden',
        message: 'Your ImmyBot user cannot see this ticket. Ask your ImmyBot admin for access to its customer.',
        detail: 'ImmyBot refused the ticket lookup (403) for the signed-in user.',
      },
    ],
    [
      'no-integration',
      {
        kind: 'no-integration',
        message: 'ImmyBot has no integration 619. Check the Integration ID in the settings.',
        action: 'settings',
      },
    ],
    [
      'unavailable',
      {
        kind: 'unavailable',
        message: 'Couldn’t reach ImmyBot for the ticket summary; the tools below may still work.',
        detail: 'The ticket lookup failed to connect, twice.',
        action: 'retry',
      },
    ],
    [
      'malformed',
      {
        kind: 'malformed',
        message:
          'ImmyBot’s answer about this ticket could not be read. Ask your ImmyBot admin to check that ImmyBot and this extension are up to date.',
        detail: 'The ticket lookup answered with data this version of the extension does not recognise.',
      },
    ],
    [
      'too-large',
      { kind: 'too-large', message: 'ImmyBot’s answer for this ticket was too large to show: open it in ImmyBot.' },
    ],
  ])('%s → %j', (failure, problem) => {
    expect(problemFor(failure, IDS)).toStrictEqual(problem);
  });

  it.each<Failure>(['ticket-unresolved', 'not-found'])(
    '%s → ticket-unresolved, naming the ticket, who can fix it, and (in the detail) what ImmyBot’s Halo app needs',
    (failure) => {
      const problem = problemFor(failure, IDS);
      expect(problem.kind).toBe('ticket-unresolved');
      expect(problem.action).toBeUndefined();
      expect(problem.message).toContain('ticket 2152');
      expect(problem.message).toContain('Ask your ImmyBot admin');
      expect(problem.message).not.toContain('read:tickets');
      expect(problem.detail).toContain('read:tickets');
      expect(problem.detail).toMatch(/unassigned tickets/);
      expect(problem.detail).toMatch(/tickets assigned to others/);
    },
  );

  it('not-found and ticket-unresolved read exactly the same', () => {
    expect(problemFor('not-found', IDS)).toStrictEqual(problemFor('ticket-unresolved', IDS));
  });

  it.each([1, 619, 2147483647])('no-integration names integration %d', (integrationId) => {
    expect(problemFor('no-integration', { integrationId, faultId: 1 }).message).toBe(
      `ImmyBot has no integration ${integrationId}. Check the Integration ID in the settings.`,
    );
  });

  it.each([1, 2152, 2147483647])('ticket-unresolved names ticket %d', (faultId) => {
    expect(problemFor('ticket-unresolved', { integrationId: 619, faultId }).message).toMatch(
      new RegExp(`^ImmyBot could not read ticket ${faultId} from HaloPSA\\.`),
    );
  });

  it.each<Failure>(['signed-out', 'forbidden', 'unavailable', 'malformed', 'too-large'])(
    '%s does not depend on the ids',
    (failure) => {
      expect(problemFor(failure, { integrationId: 1, faultId: 1 })).toStrictEqual(problemFor(failure, IDS));
    },
  );

  it('no message uses jargon or a bare dash', () => {
    const all: Failure[] = [
      'signed-out',
      'forbidden',
      'not-found',
      'unavailable',
      'malformed',
      'no-integration',
      'too-large',
    ];
    for (const failure of all) expect(problemFor(failure, IDS).message).not.toMatch(/—|unexpected shape|read:tickets/);
  });

  it('offers exactly one action per kind, and only the ones the pane can perform', () => {
    const all: Failure[] = [
      'signed-out',
      'forbidden',
      'not-found',
      'unavailable',
      'malformed',
      'ticket-unresolved',
      'no-integration',
      'too-large',
    ];
    expect(Object.fromEntries(all.map((f) => [f, problemFor(f, IDS).action ?? null]))).toStrictEqual({
      'signed-out': 'sign-in',
      forbidden: null,
      'not-found': null,
      unavailable: 'retry',
      malformed: null,
      'ticket-unresolved': null,
      'no-integration': 'settings',
      // The same ticket would answer the same: nothing to retry.
      'too-large': null,
    });
  });
});

describe('problemFor: what failed, and what still works', () => {
  it.each([500, 502, 503, 429])(
    'ImmyBot error %d names its status, says the tools may still work, offers Retry',
    (status) => {
      expect(problemFor('unavailable', { ...IDS, status })).toStrictEqual({
        kind: 'unavailable',
        message: `Couldn’t load the ticket summary (ImmyBot error ${status}); the tools below may still work.`,
        detail: `ImmyBot answered the ticket lookup with HTTP ${status}.`,
        action: 'retry',
      });
    },
  );

  it('no answer in time says so, not "not answering"', () => {
    const problem = problemFor('unavailable', { ...IDS, timedOut: true });
    expect(problem.message).toBe('ImmyBot did not answer about this ticket in time; the tools below may still work.');
    expect(problem.action).toBe('retry');
  });
});

describe('forManagedSetting: a locked field is the IT admin’s to fix', () => {
  it('sends the technician to the IT admin, not to a locked field, and offers no settings button', () => {
    expect(forManagedSetting(problemFor('no-integration', IDS))).toStrictEqual({
      kind: 'no-integration',
      message:
        'ImmyBot has no integration 619. Your organization set this Integration ID: ask your IT admin to correct it.',
    });
  });

  it.each<Failure>(['signed-out', 'forbidden', 'unavailable', 'malformed', 'too-large', 'ticket-unresolved'])(
    'leaves %s as it is',
    (failure) => {
      expect(forManagedSetting(problemFor(failure, IDS))).toStrictEqual(problemFor(failure, IDS));
    },
  );
});
