import { useEffect, useRef, useState } from 'preact/hooks';
import { failureText } from '../../lib/messaging/failure-text';
import { sendToBackground } from '../../lib/messaging/client';
import type { ImmyBotConnection } from '../../lib/immybot/connection';
import type { ConnectionTest } from '../../lib/immybot/connection-test';

interface Props {
  /** What the form says now, saved or not. */
  connection: ImmyBotConnection | null;
  /** Sign-in goes to the saved instance: only a saved connection can sign in. */
  saved: boolean;
  /** Changes when an ImmyBot sign-in completes: a test on show is asked again. */
  signedInAt: number;
  /** A HaloPSA site's own connection: sign-in opens that site's instance. Also keeps this copy's ids apart. */
  site?: { origin: string; key: string };
}

/**
 * "Test connection": who ImmyBot says is signed in, and the integration's name and health; beside it "Sign in to
 * ImmyBot", so the first run ends signed in on this page.
 */
export function TestConnection({ connection, saved, signedInAt, site }: Props) {
  const [result, setResult] = useState<ConnectionTest | 'testing' | null>(null);
  const id = (name: string) => (site ? `${site.key}-${name}` : name);
  const signIn = () => void sendToBackground({ type: 'signIn', site: site?.origin }).catch(() => undefined);
  const test = () => {
    if (!connection) return;
    setResult('testing');
    sendToBackground({ type: 'testConnection', ...connection }).then(setResult, (error: unknown) =>
      setResult({ ok: false, problem: { kind: 'unavailable', message: failureText(error) } }),
    );
  };
  // A sign-in finished while a result shows: show the new one.
  const firstSignIn = useRef(signedInAt);
  useEffect(() => {
    if (signedInAt !== firstSignIn.current && result) test();
  }, [signedInAt]);
  return (
    <div class="test-connection">
      <button
        type="button"
        class="secondary"
        onClick={test}
        disabled={!connection}
        aria-describedby={connection ? undefined : id('test-connection-why')}
      >
        Test connection
      </button>
      <button
        type="button"
        id={id('sign-in')}
        class="secondary"
        onClick={signIn}
        disabled={!saved}
        aria-describedby={saved ? undefined : id('sign-in-why')}
      >
        Sign in to ImmyBot
      </button>
      {!connection && (
        <p id={id('test-connection-why')} class="hint">
          Fill in your ImmyBot instance and Integration ID above to test them.
        </p>
      )}
      {connection && !saved && (
        <p id={id('sign-in-why')} class="hint">
          Save first: sign-in opens the saved ImmyBot instance.
        </p>
      )}
      <div aria-live="polite" data-testid="connection-result">
        {result === 'testing' && <p>Asking ImmyBot…</p>}
        {result &&
          result !== 'testing' &&
          (result.ok ? (
            <Connected result={result} integrationId={connection?.integrationId} />
          ) : (
            <p class="error">
              {result.problem.message}
              {result.problem.detail && ` ${result.problem.detail}`}
            </p>
          ))}
      </div>
    </div>
  );
}

function Connected({
  result,
  integrationId,
}: {
  result: Extract<ConnectionTest, { ok: true }>;
  integrationId?: number;
}) {
  const { user, integration } = result;
  const who = [user.displayName, user.email && `(${user.email})`].filter(Boolean).join(' ');
  const health = [integration.healthStatus, integration.healthStatusMessage].filter(Boolean).join(': ');
  return (
    <ul class="connection">
      <li>{who ? `Signed in to ImmyBot as ${who}` : 'Signed in to ImmyBot'}</li>
      <li>
        Integration: {integration.name ?? `number ${integrationId}`}
        {health && `, ${health}`}
        {integration.disabled && ' (turned off in ImmyBot)'}
      </li>
    </ul>
  );
}
