/**
 * Settings are versioned from day one. To change the shape: bump SETTINGS_VERSION, add
 * `migrations[N]` (old value in, version-N value out) and a stored example of the old shape in
 * tests/unit/settings/examples/, which the migration test carries forward.
 */
export const SETTINGS_VERSION = 1;

export const settingsMigrations: Record<number, (old: any) => unknown> = {};
