import { browser } from 'wxt/browser';

/** The version the browser loaded (the manifest's), so a technician can tell support which one they have. */
export function Version() {
  return <p class="version">Version {browser.runtime.getManifest().version}</p>;
}
