import type { ImmyBotConnection } from './connection';
import { parseInstance, parseIntegrationId } from './instance';

export interface ConnectionFormErrors {
  instance?: string;
  integrationId?: string;
}

export type ConnectionFormResult =
  | { ok: true; connection: ImmyBotConnection }
  | { ok: false; errors: ConnectionFormErrors };

/** Reads the options page's two fields; both must be valid for anything to be saved. */
export function readConnectionForm(instanceText: string, integrationIdText: string): ConnectionFormResult {
  const instance = parseInstance(instanceText);
  // A pasted Technician Tools URL carries the id; an empty ID field may borrow it.
  const idText =
    integrationIdText.trim() === '' && instance.ok && instance.integrationId
      ? String(instance.integrationId)
      : integrationIdText;
  const integration = parseIntegrationId(idText);
  if (instance.ok && integration.ok) {
    return {
      ok: true,
      connection: { instanceOrigin: instance.instanceOrigin, integrationId: integration.integrationId },
    };
  }
  return {
    ok: false,
    errors: {
      instance: instance.ok ? undefined : instance.error,
      integrationId: integration.ok ? undefined : integration.error,
    },
  };
}
