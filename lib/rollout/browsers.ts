/** Where Chrome and Edge read policy on each platform (docs/admin.md gives the sources). */
export interface ChromiumBrowser {
  id: 'chrome' | 'edge';
  name: string;
  /** The parameter value the install script takes for it. */
  short: 'Chrome' | 'Edge';
  /** Under HKLM (or HKCU); the browser's own policies sit here, an extension's under 3rdparty\extensions\<id>\policy. */
  registryKey: string;
  /** The macOS bundle id: an extension's policy domain is `<bundle id>.extensions.<id>`. */
  bundleId: string;
  /** The managed-policy folders on Linux. */
  linuxFolders: string[];
  /** The store's update URL, for force-installing the store's copy. */
  storeUpdateUrl: string;
}

export const CHROME: ChromiumBrowser = {
  id: 'chrome',
  name: 'Google Chrome',
  short: 'Chrome',
  registryKey: 'Software\\Policies\\Google\\Chrome',
  bundleId: 'com.google.Chrome',
  linuxFolders: ['/etc/opt/chrome/policies/managed', '/etc/chromium/policies/managed'],
  storeUpdateUrl: 'https://clients2.google.com/service/update2/crx',
};

export const EDGE: ChromiumBrowser = {
  id: 'edge',
  name: 'Microsoft Edge',
  short: 'Edge',
  registryKey: 'Software\\Policies\\Microsoft\\Edge',
  bundleId: 'com.microsoft.Edge',
  linuxFolders: ['/etc/opt/edge/policies/managed'],
  storeUpdateUrl: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx',
};

export const CHROMIUM_BROWSERS = [CHROME, EDGE] as const;

/** The key Chromium reads an extension's mandatory policy from (policy_loader_win.cc: `3rdparty`, `policy`). */
export const extensionPolicyKey = (browser: ChromiumBrowser, extensionId: string) =>
  `${browser.registryKey}\\3rdparty\\extensions\\${extensionId}\\policy`;

/** A Chrome/Edge extension id: 32 letters a–p. */
export const isChromiumExtensionId = (id: string) => /^[a-p]{32}$/.test(id);
