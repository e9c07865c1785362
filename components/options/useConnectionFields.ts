import { useState } from 'preact/hooks';
import type { ImmyBotConnection } from '../../lib/immybot/connection';
import { readConnectionForm, type ConnectionFormErrors } from '../../lib/immybot/connection-form';
import { parseInstance } from '../../lib/immybot/instance';

/**
 * The two fields of an ImmyBot connection as typed, for the main form and each site's own: the same parsing,
 * the same live preview, and pasting ImmyBot's Technician Tools URL fills both (a managed ID stays as it is).
 */
export function useConnectionFields({ idLocked = false, onEdit }: { idLocked?: boolean; onEdit?: () => void } = {}) {
  const [instance, setInstance] = useState('');
  const [integrationId, setIntegrationId] = useState('');
  const [errors, setErrors] = useState<ConnectionFormErrors>({});
  const fill = ({ instanceOrigin, integrationId: id }: ImmyBotConnection) => {
    setInstance(instanceOrigin);
    setIntegrationId(String(id));
  };
  return {
    instance,
    integrationId,
    errors,
    /** What the two fields say now: a connection, or why not. */
    preview: readConnectionForm(instance, integrationId),
    fill,
    setInstance,
    setIntegrationId,
    onInstanceInput: (value: string) => {
      onEdit?.();
      setErrors((e) => ({ ...e, instance: undefined }));
      const parsed = parseInstance(value);
      if (parsed.ok && parsed.integrationId !== undefined && !idLocked) {
        fill({ instanceOrigin: parsed.instanceOrigin, integrationId: parsed.integrationId });
        setErrors({});
      } else setInstance(value);
    },
    onIntegrationIdInput: (value: string) => {
      onEdit?.();
      setErrors((e) => ({ ...e, integrationId: undefined }));
      setIntegrationId(value);
    },
    /** Reads both fields for a save: the connection, or the errors shown beside the fields. */
    submit: () => {
      const result = readConnectionForm(instance, integrationId);
      setErrors(result.ok ? {} : result.errors);
      return result;
    },
  };
}
