import { useEffect, useState } from 'preact/hooks';
import {
  cookieSettingsSupported,
  hasCookiePermission,
  requestCookiePermission,
} from '../../lib/immybot/cookie-permission';
import { sendToBackground } from '../../lib/messaging/client';
import { loadSettings } from '../../lib/settings/settings';
import { signInInstance } from '../../lib/settings/site-connections';
import { COOKIES_DECLINED_KEY } from '../../lib/storage';
import { browser } from 'wxt/browser';

/**
 * The sign-in window's first page. Where the browser supports it, asks once for leave to let ImmyBot
 * use its cookies inside HaloPSA (so the pane stays signed in when third-party cookies are blocked),
 * then hands the window to ImmyBot, which signs in with Microsoft at the top level. A "no" is remembered:
 * later sign-ins go straight to ImmyBot unless the technician asked for the exception (`?cookies`).
 */
export function SignInPage() {
  const [instanceOrigin, setInstanceOrigin] = useState<string | null>(null);
  const [needsConsent, setNeedsConsent] = useState<boolean | null>(null);
  const supported = cookieSettingsSupported();

  useEffect(() => {
    const query = new URLSearchParams(location.search);
    void loadSettings().then(async (settings) => {
      // The instance of the site the sign-in was asked from (its own connection), else the default one.
      const instance = signInInstance(settings, query.get('instance'));
      setInstanceOrigin(instance);
      const permitted = supported && (await hasCookiePermission());
      const asked = query.has('cookies');
      const declined = !asked && (await browser.storage.local.get(COOKIES_DECLINED_KEY))[COOKIES_DECLINED_KEY] === true;
      const ask = supported && !permitted && !declined;
      setNeedsConsent(ask);
      if (instance && !ask) goToImmyBot(instance);
    });
  }, []);

  if (needsConsent === null) return <p>Opening ImmyBot…</p>;
  if (!instanceOrigin) return <p>Set up your ImmyBot instance in the settings first.</p>;
  if (!needsConsent) return <p>Opening {instanceOrigin}…</p>;
  return (
    <div class="card">
      <h1>Sign in to ImmyBot</h1>
      <p>
        ImmyBot signs you in with Microsoft in this window. So that Technician Tools stays signed in inside HaloPSA even
        when the browser blocks third-party cookies, allow {instanceOrigin} to use its cookies on your HaloPSA sites —
        and nowhere else.
      </p>
      <div class="form-actions">
        <button
          type="button"
          class="primary"
          onClick={() =>
            void requestCookiePermission()
              .then((granted) => (granted ? browser.storage.local.remove(COOKIES_DECLINED_KEY) : undefined))
              .finally(() => goToImmyBot(instanceOrigin))
          }
        >
          Allow and sign in
        </button>
        <button
          type="button"
          class="link"
          onClick={() =>
            void browser.storage.local.set({ [COOKIES_DECLINED_KEY]: true }).finally(() => goToImmyBot(instanceOrigin))
          }
        >
          Sign in without allowing
        </button>
      </div>
      <p class="hint">
        Without it, a browser that blocks third-party cookies shows ImmyBot signed out inside HaloPSA; the side panel
        and “Open in new tab” still work. Your answer is remembered.
      </p>
    </div>
  );
}

/** Hands the window to ImmyBot; the background closes it once ImmyBot has a session. */
function goToImmyBot(instanceOrigin: string): void {
  void sendToBackground({ type: 'watchSignIn' }).finally(() => location.replace(`${instanceOrigin}/`));
}
