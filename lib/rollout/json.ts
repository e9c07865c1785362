import { GECKO_ID } from '../gecko-id';

/*
 * The JSON policy files: Chromium's on Linux (any *.json in its managed folder) and Firefox's policies.json.
 */

/**
 * `{"3rdparty": {"extensions": {"<id>": policy}}}`: a file for Chrome's `/etc/opt/chrome/policies/managed/`,
 * Chromium's `/etc/chromium/policies/managed/` or Edge's `/etc/opt/edge/policies/managed/`. The values go in as given:
 * the browser checks them against the extension's schema (tests/e2e/policy.spec.ts writes wrong ones on purpose).
 */
export function chromiumPolicyJson(extensionId: string, policy: Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2)}\n`;
}

/** Where Firefox installs the add-on from once it is listed on addons.mozilla.org. */
export const AMO_LATEST_XPI = `https://addons.mozilla.org/firefox/downloads/latest/${GECKO_ID}/latest.xpi`;

/**
 * A policies.json with the add-on's own policy (`3rdparty` → `Extensions` → add-on id) and its force-install entry
 * (`ExtensionSettings`): merge both into an existing `policies` object.
 */
export function firefoxPolicies(
  policy: Readonly<Record<string, unknown>>,
  installUrl: string = AMO_LATEST_XPI,
): string {
  return `${JSON.stringify(
    {
      policies: {
        '3rdparty': { Extensions: { [GECKO_ID]: policy } },
        ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: installUrl } },
      },
    },
    null,
    2,
  )}\n`;
}
