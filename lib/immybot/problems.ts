import type { ImmyBotFailure } from './client';

/** What went wrong with a lookup, already phrased for the technician, with what to do about it. */
export interface Problem {
  kind: 'signed-out' | 'forbidden' | 'no-integration' | 'ticket-unresolved' | 'unavailable' | 'malformed';
  message: string;
  /** The one action that fixes it, if the pane can offer it. */
  action?: 'sign-in' | 'retry' | 'settings';
}

export function problemFor(
  failure: ImmyBotFailure | 'ticket-unresolved' | 'no-integration',
  { integrationId, faultId }: { integrationId: number; faultId: number },
): Problem {
  switch (failure) {
    case 'signed-out':
      return { kind: 'signed-out', message: 'You are not signed in to ImmyBot.', action: 'sign-in' };
    case 'forbidden':
      return { kind: 'forbidden', message: 'Your ImmyBot user cannot see this ticket.' };
    case 'no-integration':
      return {
        kind: 'no-integration',
        message: `ImmyBot has no integration ${integrationId} — check the Integration ID in options.`,
        action: 'settings',
      };
    case 'not-found':
    case 'ticket-unresolved':
      return {
        kind: 'ticket-unresolved',
        message:
          `ImmyBot could not read ticket ${faultId} from HaloPSA. Its HaloPSA API application needs ` +
          'read:tickets, and its agent must be able to see unassigned tickets and tickets assigned to others.',
      };
    case 'unavailable':
      return { kind: 'unavailable', message: 'ImmyBot is not answering.', action: 'retry' };
    case 'malformed':
      return { kind: 'malformed', message: 'Ticket details are unavailable: ImmyBot answered in an unexpected shape.' };
  }
}
