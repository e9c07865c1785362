import { useEffect, useState } from 'preact/hooks';
import { failureText } from '../../lib/messaging/failure-text';
import { useOptionsSettings } from './settings-context';
import { changeSettings } from '../../lib/messaging/change-settings';
import { isLocked } from '../../lib/settings/merge';
import { Field } from '../shared/Field';
import { ConnectionPreview } from './ConnectionPreview';
import { TestConnection } from './TestConnection';
import { useConnectionFields } from './useConnectionFields';

type Status = { kind: 'saved' | 'failed'; text: string } | null;

interface Props {
  /** The HaloPSA site of the ticket this page was opened from; the first save turns it on too. */
  site?: string;
}

export function ImmyBotForm({ site }: Props) {
  const effective = useOptionsSettings();
  const [status, setStatus] = useState<Status>(null);

  const sources = effective?.sources;
  const instanceLocked = !!sources && isLocked(sources, 'instanceOrigin');
  const idLocked = !!sources && isLocked(sources, 'integrationId');
  const immybot = effective?.immybot;
  const fields = useConnectionFields({ idLocked, onEdit: () => setStatus(null) });
  const { instance, integrationId, errors, preview, setInstance, setIntegrationId } = fields;

  // The saved values fill the fields once; a value the organization sets follows its policy, even while open.
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (!effective || filled) return;
    setFilled(true);
    if (immybot) fields.fill(immybot);
  }, [effective]);
  useEffect(() => {
    const managed = effective?.policy;
    if (managed?.instanceOrigin) setInstance(managed.instanceOrigin);
    if (managed?.integrationId) setIntegrationId(String(managed.integrationId));
  }, [effective]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const result = fields.submit();
    if (!result.ok) {
      setStatus(null);
      // The first field to fix takes the focus, so a keyboard or screen reader user lands on it.
      document.getElementById(result.errors.instance ? 'instance' : 'integration-id')?.focus();
      return;
    }
    try {
      await changeSettings({ kind: 'saveConnection', connection: result.connection, site });
      const { instanceOrigin, integrationId: id } = result.connection;
      fields.fill(result.connection);
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
        onInput={fields.onInstanceInput}
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
        onInput={fields.onIntegrationIdInput}
      />
      <ConnectionPreview preview={preview} />
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
