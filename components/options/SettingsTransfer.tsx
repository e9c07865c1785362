import { useEffect, useRef, useState } from 'preact/hooks';
import { hasHaloAccess, requestHaloSitesAccess } from '../../lib/halo/access';
import { isHostedHaloUrl } from '../../lib/halo/hosts';
import { changeSettings } from '../../lib/messaging/change-settings';
import { IMPORT_PLAN_STALE } from '../../lib/settings/changes';
import { failureText } from '../../lib/messaging/failure-text';
import { loadSettings } from '../../lib/settings/settings';
import type { Settings } from '../../lib/settings/schema';
import { SHOW_PLACE_LABELS, showPlace } from '../../lib/settings/show';
import {
  exportFileName,
  exportSettings,
  type ImportedSettings,
  type ImportPlan,
  MAX_FILE_BYTES,
  parseImport,
  planImport,
  TOO_BIG,
} from '../../lib/settings/transfer';

type Step =
  | { kind: 'idle' }
  | { kind: 'failed'; text: string }
  | {
      kind: 'confirm';
      fileName: string;
      imported: ImportedSettings;
      plan: ImportPlan;
      applying: boolean;
      replanned?: boolean;
    }
  | { kind: 'done'; text: string; needAccess: string[] };

/** The settings in effect after an import, in one sentence. */
function inEffect({ immybot, haloOrigins, show }: Settings): string {
  const connection = immybot
    ? `ImmyBot instance ${immybot.instanceOrigin}, Integration ID ${immybot.integrationId}`
    : 'no ImmyBot instance yet';
  const sites = `${haloOrigins.length} HaloPSA site${haloOrigins.length === 1 ? '' : 's'}`;
  return `Now in effect: ${connection}; ${sites}; Show Technician Tools: ${SHOW_PLACE_LABELS[showPlace(show)]}.`;
}

/** Self-hosted sites the browser has not yet let Technician Tools run on (hosted ones need no prompt). */
async function sitesWithoutAccess(sites: string[]): Promise<string[]> {
  const held = await Promise.all(sites.map((site) => isHostedHaloUrl(site) || hasHaloAccess(site)));
  return sites.filter((_, i) => !held[i]);
}

/** "Share these settings": export them to a small file, or import one after saying what it changes. */
export function SettingsTransfer() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [exported, setExported] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const firstStep = useRef(true);

  // Each new step takes the focus (the error, the list to confirm, the result), so a screen reader reads it.
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    document.getElementById(step.kind === 'idle' ? 'import-settings' : 'transfer-step')?.focus();
  }, [step]);

  const onExport = async () => {
    const settings = await loadSettings();
    const url = URL.createObjectURL(new Blob([exportSettings(settings)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(settings);
    // In the document: Firefox downloads only from a link that is in it. No downloads permission needed.
    document.body.append(link);
    link.click();
    link.remove();
    // Later, not now: the browser reads the URL after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    setExported(`Exported to ${link.download} in your downloads.`);
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // so choosing the same file again (after fixing it) reads it again
    if (!file) return;
    setExported('');
    // Never read a huge file into the page.
    if (file.size > MAX_FILE_BYTES) return setStep({ kind: 'failed', text: `Not imported. ${TOO_BIG}` });
    const read = parseImport(await file.text());
    if (!read.ok) return setStep({ kind: 'failed', text: `Not imported. ${read.error}` });
    await showPlan(file.name, read.imported, false);
  };

  /** Plans the file over the settings in effect now, and shows the list to confirm. */
  const showPlan = async (fileName: string, imported: ImportedSettings, replanned: boolean) => {
    const settings = await loadSettings();
    const planned = planImport(settings, settings.sources, imported);
    if (!planned.ok) return setStep({ kind: 'failed', text: `Not imported. ${planned.error}` });
    setStep({ kind: 'confirm', fileName, imported, plan: planned.plan, applying: false, replanned });
  };

  const onApply = async (fileName: string, imported: ImportedSettings, plan: ImportPlan) => {
    if (!plan.change) return;
    setStep({ kind: 'confirm', fileName, imported, plan, applying: true });
    try {
      // One change: the background stores all of it or, on any refusal, none of it.
      await changeSettings(plan.change);
      const [settings, needAccess] = await Promise.all([
        loadSettings(),
        sitesWithoutAccess(plan.change.addSites ?? []),
      ]);
      setStep({ kind: 'done', text: `Imported. ${inEffect(settings)}`, needAccess });
    } catch (error) {
      // A value the list showed changed in another tab: nothing was stored; show the list as it is now.
      if (error instanceof Error && error.message === IMPORT_PLAN_STALE) return showPlan(fileName, imported, true);
      setStep({ kind: 'failed', text: `Not imported. ${failureText(error)}` });
    }
  };

  const onGrant = (sites: string[], text: string) => {
    // The prompt first, inside the click; the answer then says which sites are still without access.
    void requestHaloSitesAccess(sites).then(async () =>
      setStep({ kind: 'done', text, needAccess: await sitesWithoutAccess(sites) }),
    );
  };

  return (
    <section class="card" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Share these settings</h2>
      <p class="hint">
        Export the ImmyBot instance, Integration ID, HaloPSA sites and where Technician Tools shows to a small file, and
        import it in another browser. The file holds nothing secret; its keys are the ones an organization’s policy
        uses.
      </p>
      <div class="form-actions">
        <button type="button" class="secondary" onClick={() => void onExport()}>
          Export settings
        </button>
        <button type="button" class="secondary" id="import-settings" onClick={() => fileInput.current?.click()}>
          Import settings…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Settings file to import"
          onChange={(event) => void onFile(event.currentTarget)}
        />
      </div>
      <p role="status" class="status saved">
        {exported}
      </p>
      {step.kind === 'failed' && (
        <p class="error" role="alert" tabIndex={-1} id="transfer-step">
          {step.text}
        </p>
      )}
      {step.kind === 'confirm' && (
        <section
          class="transfer-plan"
          aria-labelledby="transfer-plan-heading"
          aria-describedby={step.replanned ? 'transfer-replanned' : undefined}
          tabIndex={-1}
          id="transfer-step"
        >
          {step.replanned && (
            <p class="hint" id="transfer-replanned" data-testid="import-replanned">
              Your settings changed since this file was read; here is the new list of changes.
            </p>
          )}
          <h3 id="transfer-plan-heading">
            {step.plan.change ? `Importing ${step.fileName} changes:` : `${step.fileName} changes nothing here.`}
          </h3>
          {step.plan.changes.length > 0 && (
            <ul class="connection" data-testid="import-changes">
              {step.plan.changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {step.plan.locked.length > 0 && (
            <>
              <p class="hint">Not imported, because your organization set these:</p>
              <ul class="connection" data-testid="import-locked">
                {step.plan.locked.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <div class="form-actions">
            {step.plan.change && (
              <button
                type="button"
                class="primary"
                disabled={step.applying}
                onClick={() => void onApply(step.fileName, step.imported, step.plan)}
              >
                Apply these settings
              </button>
            )}
            <button type="button" class="secondary" onClick={() => setStep({ kind: 'idle' })}>
              {step.plan.change ? 'Cancel' : 'Close'}
            </button>
          </div>
        </section>
      )}
      {step.kind === 'done' && (
        <div class="transfer-plan" tabIndex={-1} id="transfer-step">
          <p class="status saved" role="status">
            {step.text}
          </p>
          {step.needAccess.length > 0 && (
            <p data-testid="import-needs-access">
              {`Still without access, so no Technician Tools there yet: ${step.needAccess.join(', ')}. `}
              <button type="button" class="link" onClick={() => onGrant(step.needAccess, step.text)}>
                Grant access
              </button>{' '}
              (or use Grant access beside each under HaloPSA sites).
            </p>
          )}
        </div>
      )}
    </section>
  );
}
