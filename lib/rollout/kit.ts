import { GECKO_ID } from '../gecko-id';
import { CHROME, CHROMIUM_BROWSERS, type ChromiumBrowser, EDGE, isChromiumExtensionId } from './browsers';
import { AMO_LATEST_XPI, chromiumPolicyJson, firefoxPolicies } from './json';
import { mobileconfig } from './macos';
import { installScript } from './powershell';
import { kitReadme } from './readme';
import { readKitSchema, sampleValues } from './schema';
import { adml, admx, admxName, regFile } from './windows';

/*
 * The rollout kit (`npm run rollout-kit`, lib/rollout/cli.ts): every file an admin deploys, generated from the
 * policy schema alone for one Chrome/Edge extension id. Pure: it returns the files; the CLI writes them.
 */

export interface KitFile {
  /** Relative to the kit's folder, with forward slashes. */
  path: string;
  text: string;
  /** How the file is saved: Windows PowerShell 5.1 reads a script as UTF-8 only with a BOM; regedit writes UTF-16. */
  encoding: 'utf8' | 'utf8-bom' | 'utf16le-bom';
  /** What it is for, in the README's file table. */
  what: string;
}

export interface KitOptions {
  extensionId: string;
  /** Where the id came from, for the README. */
  idSource: string;
  /** package.json's version, for the README. */
  version: string;
  /** The force-install update URL per browser (default: the browser's store). */
  updateUrls?: Partial<Record<ChromiumBrowser['id'], string>>;
  /** Where Firefox installs the add-on from (default: addons.mozilla.org's latest). */
  firefoxInstallUrl?: string;
}

export const LINUX_POLICY_FILE = 'linux/immybot-technician-tools.json';

/** Every file of the kit, for `schema` (the parsed managed_schema.json). */
export function rolloutKit(schema: unknown, options: KitOptions): KitFile[] {
  const { extensionId } = options;
  if (!isChromiumExtensionId(extensionId))
    throw new Error(`Not a Chrome/Edge extension id (32 letters a-p): ${extensionId}`);
  // Object keys (siteConnections) are in no generated file: the README says how to set them by hand.
  const { keys, byHand } = readKitSchema(schema);
  const values = sampleValues(keys);
  const firefoxInstallUrl = options.firefoxInstallUrl ?? AMO_LATEST_XPI;

  const files: KitFile[] = [
    {
      path: 'windows/Install-TechnicianTools.ps1',
      text: installScript(keys, values, { extensionId, updateUrls: options.updateUrls }),
      encoding: 'utf8-bom',
      what: 'Windows, Chrome and Edge: force-install and policy in one idempotent script (RMM, Intune, ImmyBot task).',
    },
    {
      path: 'windows/immybot-technician-tools.reg',
      text: regFile(keys, values, CHROMIUM_BROWSERS, extensionId),
      encoding: 'utf16le-bom',
      what: 'Windows, Chrome and Edge: the policy with the sample values, for `reg import` or Group Policy Preferences.',
    },
  ];
  for (const browser of CHROMIUM_BROWSERS) {
    files.push(
      {
        path: `windows/PolicyDefinitions/${admxName(browser)}.admx`,
        text: admx(keys, browser, extensionId),
        encoding: 'utf8',
        what: `Windows, ${browser.name}: Administrative Template (Group Policy, Intune).`,
      },
      {
        path: `windows/PolicyDefinitions/en-US/${admxName(browser)}.adml`,
        text: adml(keys, browser, extensionId),
        encoding: 'utf8',
        what: `Its English (en-US) strings.`,
      },
    );
  }
  for (const browser of [CHROME, EDGE])
    files.push({
      path: `macos/immybot-technician-tools-${browser.id}.mobileconfig`,
      text: mobileconfig(keys, values, browser, extensionId),
      encoding: 'utf8',
      what: `macOS, ${browser.name}: configuration profile for your MDM, with the sample values.`,
    });
  files.push(
    {
      path: LINUX_POLICY_FILE,
      text: chromiumPolicyJson(extensionId, values),
      encoding: 'utf8',
      what: 'Linux, Chrome, Chromium and Edge: the managed policy file, with the sample values.',
    },
    {
      path: 'firefox/policies.json',
      text: firefoxPolicies(values, firefoxInstallUrl),
      encoding: 'utf8',
      what: 'Firefox, every platform: the add-on’s policy and its force-install entry, with the sample values.',
    },
  );
  const readme: KitFile = {
    path: 'README.md',
    text: '',
    encoding: 'utf8',
    what: 'This file.',
  };
  readme.text = kitReadme(keys, values, {
    extensionId,
    idSource: options.idSource,
    geckoId: GECKO_ID,
    firefoxInstallUrl,
    version: options.version,
    byHand,
    files: [readme, ...files].map((file) => [file.path, file.what]),
  });
  return [readme, ...files];
}

/** The bytes a kit file is saved as. */
export function encodeKitFile(file: KitFile): Uint8Array {
  if (file.encoding === 'utf16le-bom') {
    const bytes = new Uint8Array(2 + file.text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < file.text.length; i++) {
      const unit = file.text.charCodeAt(i);
      bytes[2 + i * 2] = unit & 0xff;
      bytes[3 + i * 2] = unit >> 8;
    }
    return bytes;
  }
  const body = new TextEncoder().encode(file.text);
  if (file.encoding === 'utf8') return body;
  const bytes = new Uint8Array(3 + body.length);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}
