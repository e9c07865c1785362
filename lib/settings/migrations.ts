/**
 * Settings are versioned from day one. To change the shape: bump SETTINGS_VERSION, add
 * `migrations[N]` (old value in, version-N value out) and a stored example of the old shape in
 * tests/unit/settings/examples/, which the migration test carries forward.
 */
export const SETTINGS_VERSION = 2;

export const settingsMigrations: Record<number, (old: any) => unknown> = {
  // v2 adds self-hosted HaloPSA addresses; nobody had any before.
  // Anything that is not an object is left as it was: the reader falls back to the defaults.
  2: (v1: unknown) => (v1 && typeof v1 === 'object' && !Array.isArray(v1) ? { ...v1, haloOrigins: [] } : v1),
};
