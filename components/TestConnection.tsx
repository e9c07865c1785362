import { useState } from 'preact/hooks';
import { sendToBackground } from '../lib/messaging/client';
import type { ImmyBotConnection } from '../lib/immybot/connection';
import type { ConnectionTest } from '../lib/immybot/connection-test';

/** "Test connection": who ImmyBot says is signed in, and the integration's name and health. */
export function TestConnection({ connection }: { connection: ImmyBotConnection | null }) {
  const [result, setResult] = useState<ConnectionTest | 'testing' | null>(null);
  const test = () => {
    if (!connection) return;
    setResult('testing');
    sendToBackground({ type: 'testConnection', ...connection }).then(setResult, (error: unknown) =>
      setResult({ ok: false, problem: { kind: 'unavailable', message: String(error) } }),
    );
  };
  return (
    <div class="test-connection">
      <button type="button" class="secondary" onClick={test} disabled={!connection}>
        Test connection
      </button>
      <div aria-live="polite" data-testid="connection-result">
        {result === 'testing' && <p>Asking ImmyBot…</p>}
        {result &&
          result !== 'testing' &&
          (result.ok ? <Connected result={result} /> : <p class="error">{result.problem.message}</p>)}
      </div>
    </div>
  );
}

function Connected({ result }: { result: Extract<ConnectionTest, { ok: true }> }) {
  const { user, integration } = result;
  const who = [user.displayName, user.email && `(${user.email})`].filter(Boolean).join(' ');
  const health = [integration.healthStatus, integration.healthStatusMessage].filter(Boolean).join(': ');
  return (
    <ul class="connection">
      <li>Signed in to ImmyBot as {who || 'an unnamed user'}</li>
      <li>
        Integration: {integration.name ?? 'unnamed'}
        {health && ` — ${health}`}
        {integration.disabled && ' (disabled)'}
      </li>
    </ul>
  );
}
