import type { ConnectionFormResult } from '../../lib/immybot/connection-form';
import { podUrl } from '../../lib/immybot/pod-url';

/** The ticket the live preview uses. */
const SAMPLE_FAULT_ID = 2152;

/** The Technician Tools URL a connection gives ticket 2152, as it is typed. */
export function ConnectionPreview({ preview, testId = 'preview' }: { preview: ConnectionFormResult; testId?: string }) {
  return (
    <div class="preview">
      <span>Technician Tools for ticket {SAMPLE_FAULT_ID}:</span>
      {preview.ok ? (
        <code data-testid={testId}>
          {podUrl(preview.connection.instanceOrigin, preview.connection.integrationId, SAMPLE_FAULT_ID)}
        </code>
      ) : (
        <span data-testid={testId}>shows here once both fields above are filled in.</span>
      )}
    </div>
  );
}
