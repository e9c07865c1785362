import { useEffect, useState } from 'preact/hooks';
import { failureText } from '../../lib/messaging/failure-text';
import { readConnectionForm, type ConnectionFormErrors } from '../../lib/immybot/connection-form';
import { parseInstance } from '../../lib/immybot/instance';
import { podUrl } from '../../lib/immybot/pod-url';
import { useOptionsSettings } from './settings-context';
import { changeSettings } from '../../lib/messaging/change-settings';
import { isLocked } from '../../lib/settings/merge';
import { Field } from '../shared/Field';
import { TestConnection } from './TestConnection';

/** The ticket the live preview uses. */
const SAMPLE_FAULT_ID = 2152;

type Status = { kind: 'saved' | 'failed'; text: string } | null;

interface Props {
  /** The HaloPSA site of the ticket this page was opened from; the first save turns it on too. */
  site?: string;
}

export function ImmyBotForm({ site }: Props) {
  const effective = useOptionsSettings();
  const [instance, setInstance] = useState('');
  const [integrationId, setIntegrationId] = useState('');
  const [errors, setErrors] = useState<ConnectionFormErrors>({});
  const [status, setStatus] = useState<Status>(null);

  const sources = effective?.sources;
  const instanceLocked = !!sources && isLocked(sources, 'instanceOrigin');
  const idLocked = !!sources && isLocked(sources, 'integrationId');
  const immybot = effective?.immybot;

  // The saved values fill the fields once; a value the organization sets follows its policy, even while open.
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (!effective || filled) return;
    setFilled(true);
    if (!immybot) return;
    setInstance(immybot.instanceOrigin);
    setIntegrationId(String(immybot.integrationId));
  }, [effective]);
  useEffect(() => {
    const managed = effective?.policy;
    if (managed?.instanceOrigin) setInstance(managed.instanceOrigin);
    if (managed?.integrationId) setIntegrationId(String(managed.integrationId));
  }, [effective]);

  const preview = readConnectionForm(instance, integrationId);

  const onInstanceInput = (value: string) => {
    setStatus(null);
    setErrors((e) => ({ ...e, instance: undefined }));
    const parsed = parseInstance(value);
    // Pasting ImmyBot's documented URL template fills both fields at once (a managed ID stays as it is).
    if (parsed.ok && parsed.integrationId !== undefined && !idLocked) {
      setInstance(parsed.instanceOrigin);
      setIntegrationId(String(parsed.integrationId));
      setErrors({});
    } else {
      setInstance(value);
    }
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const result = readConnectionForm(instance, integrationId);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus(null);
      // The first field to fix takes the focus, so a keyboard or screen reader user lands on it.
      document.getElementById(result.errors.instance ? 'instance' : 'integration-id')?.focus();
      return;
    }
    setErrors({});
    try {
      await changeSettings({ kind: 'saveConnection', connection: result.connection, site });
      const { instanceOrigin, integrationId: id } = result.connection;
      setInstance(instanceOrigin);
      setIntegrationId(String(id));
      const siteOn = site ? ` It is now on for ${new URL(site).host}.` : '';
      // Saved is not finished: without a listed site no ticket shows anything yet.
      const noSite = !site && (effective?.haloOrigins.length ?? 0) === 0;
      setStatus({
        kind: 'saved',
        text: noSite
          ? `Saved ${instanceOrigin} (integration ${id}). Add your HaloPSA site below to finish: Technician Tools shows only on the sites listed.`
          : `Saved. HaloPSA tickets now show Technician Tools from ${instanceOrigin} (integration ${id}).${siteOn}`,
      });
    } catch (error) {
      setStatus({ kind: 'failed', text: `Not saved. ${failureText(error)}` });
    }
  };

  return (
    <form class="card" onSubmit={onSubmit} noValidate aria-labelledby="immybot-heading">
      <h2 id="immybot-heading">ImmyBot</h2>
      <Field
        id="instance"
        label="ImmyBot instance"
        value={instance}
        error={errors.instance}
        placeholder="e.g. acme or https://acme.immy.bot"
        inputMode="url"
        locked={instanceLocked}
        loading={!filled}
        hint="Your ImmyBot address. You can also paste the Technician Tools URL from ImmyBot’s HaloPSA integration page."
        onInput={onInstanceInput}
      />
      <Field
        id="integration-id"
        label="Integration ID"
        value={integrationId}
        error={errors.integrationId}
        placeholder="e.g. 619"
        inputMode="numeric"
        locked={idLocked}
        loading={!filled}
        hint="The number at the end of the integration’s address in ImmyBot: Settings › Integrations › HaloPSA."
        onInput={(value) => {
          setStatus(null);
          setErrors((e) => ({ ...e, integrationId: undefined }));
          setIntegrationId(value);
        }}
      />
      <div class="preview">
        <span>Technician Tools for ticket {SAMPLE_FAULT_ID}:</span>
        {preview.ok ? (
          <code data-testid="preview">
            {podUrl(preview.connection.instanceOrigin, preview.connection.integrationId, SAMPLE_FAULT_ID)}
          </code>
        ) : (
          <span data-testid="preview">shows here once both fields above are filled in.</span>
        )}
      </div>
      {site && (
        <p class="hint" data-testid="save-adds-site">
          Saving also turns Technician Tools on for <strong>{new URL(site).host}</strong>, the HaloPSA site you came
          from.
        </p>
      )}
      {/* Nothing to save when the organization set both. */}
      {!(instanceLocked && idLocked) && (
        <div class="form-actions">
          <button type="submit" class="primary">
            Save
          </button>
          <p role="status" class={`status ${status?.kind ?? ''}`}>
            {status?.text}
          </p>
        </div>
      )}
      <TestConnection
        connection={preview.ok ? preview.connection : null}
        saved={!!immybot}
        signedInAt={effective?.signedInAt ?? 0}
      />
    </form>
  );
}
