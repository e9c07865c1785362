/**
 * Settings are versioned from day one. To change the shape: bump SETTINGS_VERSION, add
 * `migrations[N]` (old value in, version-N value out) and a stored example of the old shape in
 * tests/unit/settings/examples/, which the migration test carries forward.
 *
 * Every migration only fills in what is missing: when the version record is lost (a hand-edited
 * profile), the chain runs again over data it already migrated and must change nothing.
 */
export const SETTINGS_VERSION = 5;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const listOrEmpty = (value: unknown) => (Array.isArray(value) ? value : []);

// Anything that is not an object is left as it was: the reader falls back to the defaults.
export const settingsMigrations: Record<number, (old: unknown) => unknown> = {
  // v2 adds self-hosted HaloPSA sites; nobody had any before.
  2: (v1: unknown) => (isRecord(v1) ? { ...v1, haloOrigins: listOrEmpty(v1.haloOrigins) } : v1),
  // v3 lists hosted tenants in haloOrigins too, and remembers "Not here" answers. The hosted tenants
  // v0.1 remembered on its own (a separate key) are deliberately not carried over: any tenant that
  // merely opened a ticket got in there. The background deletes that key on update.
  3: (v2: unknown) => (isRecord(v2) ? { ...v2, declinedOrigins: listOrEmpty(v2.declinedOrigins) } : v2),
  // v4 adds "Show Technician Tools"; nobody has chosen yet (null: the browser's default place).
  4: (v3: unknown) => (isRecord(v3) ? { ...v3, show: v3.show ?? null } : v3),
  // v5 lets a site use its own ImmyBot connection; every site existing so far stays on the default one.
  5: (v4: unknown) => (isRecord(v4) ? { ...v4, siteConnections: v4.siteConnections ?? {} } : v4),
};
