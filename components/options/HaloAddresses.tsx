import { useEffect, useState } from 'preact/hooks';
import { failureText } from '../../lib/messaging/failure-text';
import { requestHaloAccess } from '../../lib/halo/access';
import { parseHaloAddress } from '../../lib/halo/address';
import { isHostedHaloUrl } from '../../lib/halo/hosts';
import type { HaloCheck } from '../../lib/halo/instance-info';
import { changeSettings } from '../../lib/messaging/change-settings';
import { sendToBackground } from '../../lib/messaging/client';
import { Field } from '../shared/Field';
import { useHaloAccess } from '../shared/useHaloAccess';
import { useOptionsSettings } from './settings-context';
import { SiteConnection } from './SiteConnection';

type Check = { origin: string; result: HaloCheck | 'checking' } | null;

/**
 * The HaloPSA sites Technician Tools works on, hosted or self-hosted: add one, grant access, remove it.
 * `locked`: the organization's policy sets the list; only granting access (the browser's own say) remains.
 */
export function HaloAddresses({ locked = false }: { locked?: boolean }) {
  const settings = useOptionsSettings();
  const origins = useHaloAccess(settings?.haloOrigins);
  const declined = settings?.declinedOrigins ?? [];
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [check, setCheck] = useState<Check>(null);

  // Before adding, ask the background whether the address answers like HaloPSA (never blocks adding).
  useEffect(() => {
    const parsed = parseHaloAddress(address);
    // A hosted tenant is HaloPSA by its address; only other addresses are worth asking.
    if (!parsed.ok || isHostedHaloUrl(parsed.origin)) return setCheck(null);
    const { origin } = parsed;
    setCheck({ origin, result: 'checking' });
    const timer = setTimeout(() => {
      void sendToBackground({ type: 'checkHaloAddress', origin })
        .then((result) => setCheck((c) => (c?.origin === origin ? { origin, result } : c)))
        .catch(() => setCheck((c) => (c?.origin === origin ? null : c)));
    }, 400);
    return () => clearTimeout(timer);
  }, [address]);

  const onAdd = (event: Event) => {
    event.preventDefault();
    if (locked) return;
    const parsed = parseHaloAddress(address);
    if (!parsed.ok) return fail(parsed.error);
    const { origin } = parsed;
    if (origins?.some((o) => o.origin === origin)) return fail(`${origin} is already in the list.`);
    // Hosted tenants are covered by the manifest. Otherwise the prompt first, inside the click; the
    // save right after, not waiting for the answer: a prompt can close the page that asked, and the
    // background finishes the job when access is granted.
    const granted = isHostedHaloUrl(origin) ? Promise.resolve(true) : requestHaloAccess(origin);
    void changeSettings({ kind: 'addSite', origin })
      .then(async () => {
        setAddress('');
        setError(undefined);
        setStatus(
          (await granted)
            ? `Added ${origin}. Its tickets, including tabs already open, now show Technician Tools.`
            : `Added ${origin}, but access was not granted: it will not show Technician Tools until you grant access.`,
        );
      })
      .catch((e: unknown) => fail(failureText(e)));
  };

  const fail = (message: string) => {
    setError(message);
    setStatus('');
    document.getElementById('halo-address')?.focus();
  };

  const addLabel = check?.result !== 'checking' && check?.result.looksLikeHalo === false ? 'Add anyway' : 'Add';

  return (
    <form class="card" onSubmit={onAdd} noValidate aria-labelledby="halo-heading">
      <h2 id="halo-heading">HaloPSA sites</h2>
      <p class="hint">
        Technician Tools works only on the HaloPSA sites listed here, so no other HaloPSA tenant can read ImmyBot
        through it. Add your tenant (<code>acme.halopsa.com</code>) or your own HaloPSA site; for a self-hosted address
        the browser asks for access to that one site only.
      </p>
      <div class="inline-field">
        <Field
          id="halo-address"
          label="HaloPSA site"
          value={address}
          error={error}
          placeholder="e.g. acme.halopsa.com or https://psa.example.com"
          inputMode="url"
          locked={locked}
          onInput={(value) => {
            setAddress(value);
            setError(undefined);
            setStatus('');
          }}
        />
        <button type="submit" class="primary" disabled={locked}>
          {addLabel}
        </button>
      </div>
      {/* Always present, so screen readers announce each change of the check. */}
      <p class="check" data-testid="halo-check" aria-live="polite">
        {check &&
          (check.result === 'checking'
            ? `Checking ${check.origin}…`
            : check.result.looksLikeHalo
              ? `This looks like HaloPSA${check.result.tenant ? ` (tenant ${check.result.tenant})` : ''}.`
              : `Could not confirm this is HaloPSA: ${check.result.reason}. Add it anyway?`)}
      </p>
      <p role="status" class="status saved">
        {status}
      </p>
      {origins && origins.length > 0 && (
        <ul class="origins" aria-label="Added HaloPSA sites">
          {origins.map(({ origin, hasAccess }, index) => (
            <li key={origin} data-origin={origin}>
              <span class="origin">{origin}</span>
              {hasAccess ? (
                <span class="badge ok">Active</span>
              ) : (
                <>
                  <span class="badge warn">Access not granted</span>
                  <button type="button" class="link" onClick={() => void requestHaloAccess(origin)}>
                    Grant access
                  </button>
                </>
              )}
              {!locked && (
                <button
                  type="button"
                  class="link"
                  aria-label={`Remove ${origin}`}
                  onClick={() => {
                    void changeSettings({ kind: 'removeSite', origin }).then(
                      () => setStatus(`Removed ${origin}.`),
                      (e: unknown) => fail(failureText(e)),
                    );
                  }}
                >
                  Remove
                </button>
              )}
              <SiteConnection origin={origin} index={index} />
            </li>
          ))}
        </ul>
      )}
      {/* "Not here" answers, seen and undone here: the tenant's offer shows again (nothing is turned on). */}
      {declined.length > 0 && !locked && (
        <>
          <p class="hint">Turned down with “Not here” (no offer shows on these tenants):</p>
          <ul class="origins" aria-label="HaloPSA tenants turned down">
            {declined.map((origin) => (
              <li key={origin} data-origin={origin}>
                <span class="origin">{origin}</span>
                <button
                  type="button"
                  class="link"
                  aria-label={`Undo “Not here” for ${origin}`}
                  onClick={() =>
                    void changeSettings({ kind: 'undeclineSite', origin }).then(
                      () => setStatus(`${new URL(origin).host} will offer Technician Tools again.`),
                      (e: unknown) => fail(failureText(e)),
                    )
                  }
                >
                  Undo
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </form>
  );
}
