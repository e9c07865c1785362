import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../lib/messaging/client';
import type { ImmyBotConnection } from '../../lib/immybot/connection';

const SIGNED_IN_PROBLEMS = new Set(['no-integration', 'forbidden']);

/**
 * Whether ImmyBot has a session for the saved connection (asked through Test connection's lookup, in the
 * background), asked again after every completed sign-in; null while unknown or nothing is saved.
 */
export function useSignedIn(connection: ImmyBotConnection | null | undefined, signedInAt: number): boolean | null {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const instanceOrigin = connection?.instanceOrigin;
  const integrationId = connection?.integrationId;
  useEffect(() => {
    if (!instanceOrigin || !integrationId) return setSignedIn(null);
    let live = true;
    sendToBackground({ type: 'testConnection', instanceOrigin, integrationId }).then(
      // A missing integration still means ImmyBot knew who asked; an ImmyBot that did not answer says nothing.
      (result) =>
        live &&
        setSignedIn(
          result.ok || SIGNED_IN_PROBLEMS.has(result.problem.kind)
            ? true
            : result.problem.kind === 'signed-out'
              ? false
              : null,
        ),
      () => live && setSignedIn(null),
    );
    return () => {
      live = false;
    };
  }, [instanceOrigin, integrationId, signedInAt]);
  return signedIn;
}
