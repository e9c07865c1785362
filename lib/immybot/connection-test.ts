import { ImmyBotError, type ImmyBotClient } from './client';
import type { AuthUser } from './schemas';
import { problemFor, type Problem } from './problems';

export type ConnectionTest =
  | {
      ok: true;
      user: { displayName: string | null; email: string | null };
      integration: {
        name: string | null;
        healthStatus: string | null;
        healthStatusMessage: string | null;
        disabled: boolean;
      };
    }
  | { ok: false; problem: Problem };

/** The options page's "Test connection": who is signed in, and the integration's name and health. */
export async function testConnection(client: ImmyBotClient, integrationId: number): Promise<ConnectionTest> {
  const fail = (error: unknown, notFound: 'no-integration' | 'unavailable'): ConnectionTest => {
    if (!(error instanceof ImmyBotError)) throw error;
    const failure = error.failure === 'not-found' ? notFound : error.failure;
    return { ok: false, problem: problemFor(failure, { integrationId, faultId: 0 }) };
  };
  let user: AuthUser;
  try {
    user = await client.auth();
  } catch (error) {
    // No /api/v1/auth at all: not an ImmyBot that answers as documented.
    return fail(error, 'unavailable');
  }
  try {
    const link = await client.providerLink(integrationId);
    return {
      ok: true,
      user: { displayName: user.displayName ?? null, email: user.email ?? null },
      integration: {
        name: link.name ?? null,
        healthStatus: link.healthStatus ?? null,
        healthStatusMessage: link.healthStatusMessage ?? null,
        disabled: link.disabled === true,
      },
    };
  } catch (error) {
    return fail(error, 'no-integration');
  }
}
