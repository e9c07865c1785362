import type { migrateSettings } from '../../../lib/settings/store';

/**
 * The store (the background's writer) with the reads the background makes after migrating at start: the settings
 * alone, and with their sources and problems — both through the one read every context uses (lib/settings/settings).
 */
export function withReads<Store extends { migrateSettings: typeof migrateSettings }>(store: Store) {
  const loadSettingsWithProblems = async () => {
    await store.migrateSettings();
    const { immybot, haloOrigins, declinedOrigins, show, siteConnections, ...rest } = await (
      await import('../../../lib/settings/settings')
    ).loadSettings();
    return { ...rest, settings: { immybot, haloOrigins, declinedOrigins, show, siteConnections } };
  };
  const loadSettings = async () => (await loadSettingsWithProblems()).settings;
  return { ...store, loadSettings, loadSettingsWithProblems };
}
