import type { ImmyBotFailure } from './client';

/**
 * What went wrong with a lookup, phrased for the technician who sees it: what happened and what to do,
 * "Ask your ImmyBot admin" where only an admin can fix it, with the admin's detail kept apart.
 */
export interface Problem {
  kind:
    | 'signed-out'
    | 'forbidden'
    | 'no-integration'
    | 'ticket-unresolved'
    | 'unavailable'
    | 'malformed'
    | 'too-large'
    // A lookup whose answer came back after its site left the list, or after the connection changed.
    | 'site-removed'
    | 'settings-changed';
  message: string;
  /** For the admin who can fix it; shown behind a "Details" disclosure. */
  detail?: string;
  /** The one action that fixes it, if the pane can offer it. */
  action?: 'sign-in' | 'retry' | 'settings';
}

/** What the client knew about a failure beyond its kind: the HTTP status, or that no answer came in time. */
export interface FailureFacts {
  integrationId: number;
  faultId: number;
  status?: number;
  timedOut?: boolean;
}

/** The ticket summary is one request; ImmyBot's own page below it is another, which may well work. */
const TOOLS_MAY_WORK = 'the tools below may still work.';

export function problemFor(
  failure: ImmyBotFailure | 'ticket-unresolved' | 'no-integration',
  { integrationId, faultId, status, timedOut }: FailureFacts,
): Problem {
  switch (failure) {
    case 'signed-out':
      return { kind: 'signed-out', message: 'You are not signed in to ImmyBot.', action: 'sign-in' };
    case 'forbidden':
      return {
        kind: 'forbidden',
        message: 'Your ImmyBot user cannot see this ticket. Ask your ImmyBot admin for access to its customer.',
        detail: 'ImmyBot refused the ticket lookup (403) for the signed-in user.',
      };
    case 'no-integration':
      return {
        kind: 'no-integration',
        message: `ImmyBot has no integration ${integrationId}. Check the Integration ID in the settings.`,
        action: 'settings',
      };
    case 'not-found':
    case 'ticket-unresolved':
      return {
        kind: 'ticket-unresolved',
        message: `ImmyBot could not read ticket ${faultId} from HaloPSA. Ask your ImmyBot admin to check ImmyBot’s HaloPSA integration.`,
        detail:
          'Its HaloPSA API application needs read:tickets, and its agent must be able to see unassigned tickets ' +
          'and tickets assigned to others.',
      };
    case 'unavailable':
      if (status)
        return {
          kind: 'unavailable',
          message: `Couldn’t load the ticket summary (ImmyBot error ${status}); ${TOOLS_MAY_WORK}`,
          detail: `ImmyBot answered the ticket lookup with HTTP ${status}.`,
          action: 'retry',
        };
      if (timedOut)
        return {
          kind: 'unavailable',
          message: `ImmyBot did not answer about this ticket in time; ${TOOLS_MAY_WORK}`,
          detail: 'The ticket lookup got no answer before its deadline.',
          action: 'retry',
        };
      return {
        kind: 'unavailable',
        message: `Couldn’t reach ImmyBot for the ticket summary; ${TOOLS_MAY_WORK}`,
        detail: 'The ticket lookup failed to connect, twice.',
        action: 'retry',
      };
    case 'malformed':
      return {
        kind: 'malformed',
        message:
          'ImmyBot’s answer about this ticket could not be read. Ask your ImmyBot admin to check that ImmyBot and this extension are up to date.',
        detail: 'The ticket lookup answered with data this version of the extension does not recognise.',
      };
    case 'too-large':
      // No retry: the same ticket would answer the same; ImmyBot itself shows it in pages.
      return {
        kind: 'too-large',
        message: 'ImmyBot’s answer for this ticket was too large to show: open it in ImmyBot.',
      };
  }
}

/**
 * A problem whose fix is a setting the organization's policy locked: the technician cannot change it, so the
 * problem sends them to their IT admin instead of to a locked field.
 */
export function forManagedSetting(problem: Problem): Problem {
  if (problem.action !== 'settings') return problem;
  const { action: _, ...rest } = problem;
  return {
    ...rest,
    message: problem.message.replace(
      'Check the Integration ID in the settings.',
      'Your organization set this Integration ID: ask your IT admin to correct it.',
    ),
  };
}
