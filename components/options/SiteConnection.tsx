import { useRef, useState } from 'preact/hooks';
import { connectionLabel, type ImmyBotConnection } from '../../lib/immybot/connection';
import { changeSettings } from '../../lib/messaging/change-settings';
import { failureText } from '../../lib/messaging/failure-text';
import { isLocked } from '../../lib/settings/merge';
import { ownConnection } from '../../lib/settings/site-connections';
import { Field } from '../shared/Field';
import { ConnectionPreview } from './ConnectionPreview';
import { useOptionsSettings } from './settings-context';
import { TestConnection } from './TestConnection';
import { useConnectionFields } from './useConnectionFields';

interface Props {
  origin: string;
  /** Unique on the page: keeps each row's field ids apart. */
  index: number;
}

/**
 * One HaloPSA site's ImmyBot connection, in its row of the site list: the default one, or its own (a sandbox
 * tenant on another integration). **Change** opens the same two fields as the main form, with the same parsing,
 * preview and Test connection; **Use the default** takes the site back. Locked where the organization sets them.
 */
export function SiteConnection({ origin, index }: Props) {
  const settings = useOptionsSettings();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<{ kind: 'saved' | 'failed'; text: string } | null>(null);
  const fields = useConnectionFields({ onEdit: () => setStatus(null) });
  const change = useRef<HTMLButtonElement>(null);
  if (!settings) return null;
  const host = new URL(origin).host;
  const own = ownConnection(settings, origin);
  const used = own ?? settings.immybot;
  const locked = isLocked(settings.sources, 'siteConnections');
  const key = `site-${index}`;

  const close = () => {
    setEditing(false);
    // Back to the button that opened it, so the keyboard stays where it was.
    setTimeout(() => change.current?.focus());
  };
  const save = (connection: ImmyBotConnection | null) =>
    void changeSettings({ kind: 'setSiteConnection', origin, connection }).then(
      () => {
        setStatus({
          kind: 'saved',
          text: connection
            ? `Saved: ${host} uses ${connectionLabel(connection)}.`
            : `${host} uses the default connection again.`,
        });
        close();
      },
      (error: unknown) => setStatus({ kind: 'failed', text: `Not saved. ${failureText(error)}` }),
    );
  const submit = () => {
    const result = fields.submit();
    if (result.ok) return save(result.connection);
    document.getElementById(`${key}-${result.errors.instance ? 'instance' : 'integration-id'}`)?.focus();
  };

  return (
    <div class="site-connection">
      <span data-testid="site-connection">
        {used ? `${connectionLabel(used)} (${own ? 'its own' : 'default'})` : 'No ImmyBot connection yet'}
      </span>
      {locked ? (
        <span class="locked-note">Set by your organization</span>
      ) : (
        !editing && (
          <button
            type="button"
            class="link"
            ref={change}
            aria-label={`Change the ImmyBot connection of ${host}`}
            onClick={() => {
              setStatus(null);
              if (used) fields.fill(used);
              setEditing(true);
            }}
          >
            Change
          </button>
        )
      )}
      <p role="status" class={`status ${status?.kind ?? ''}`}>
        {status?.text}
      </p>
      {editing && (
        // Not a form of its own (forms do not nest): Enter saves here instead of adding a site.
        <fieldset
          class="site-connection-editor"
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
            if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
            event.preventDefault();
            submit();
          }}
        >
          <legend>ImmyBot connection of {host}</legend>
          <p class="hint">
            Its own ImmyBot instance and Integration ID, for a tenant with an integration of its own (a sandbox, say).
          </p>
          <Field
            id={`${key}-instance`}
            label="ImmyBot instance"
            value={fields.instance}
            error={fields.errors.instance}
            placeholder="e.g. acme or https://acme.immy.bot"
            inputMode="url"
            onInput={fields.onInstanceInput}
          />
          <Field
            id={`${key}-integration-id`}
            label="Integration ID"
            value={fields.integrationId}
            error={fields.errors.integrationId}
            placeholder="e.g. 620"
            inputMode="numeric"
            onInput={fields.onIntegrationIdInput}
          />
          <ConnectionPreview preview={fields.preview} testId={`${key}-preview`} />
          <div class="form-actions">
            <button type="button" class="primary" onClick={submit}>
              Save
            </button>
            {own && (
              <button type="button" class="secondary" onClick={() => save(null)}>
                Use the default
              </button>
            )}
            <button type="button" class="link" onClick={close}>
              Cancel
            </button>
          </div>
          <TestConnection
            connection={fields.preview.ok ? fields.preview.connection : null}
            saved={!!own}
            signedInAt={settings.signedInAt}
            site={{ origin, key }}
          />
        </fieldset>
      )}
    </div>
  );
}
