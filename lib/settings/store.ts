import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createSerialQueue } from '../serial';
import {
  applySettingsChange,
  checkSettings,
  IMPORT_PLAN_STALE,
  isStaleImport,
  lockedField,
  lockedMessage,
  SettingsChangeSchema,
  type SettingsChange,
  unlistedSiteRefusal,
} from './changes';
import { effectiveSettings } from './merge';
import { readStoredPolicy } from './stored-policy';
import { POLICY_KEY, SETTINGS_KEY } from '../storage';
import { SETTINGS_VERSION, settingsMigrations } from './migrations';
import { readSettings, type ReadSettings } from './read';
import type { Settings } from './schema';

const defineSettingsItem = () =>
  storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
    fallback: null,
    version: SETTINGS_VERSION,
    migrations: settingsMigrations,
  });

// Defined lazily so importing this file never touches browser.* .
let item: ReturnType<typeof defineSettingsItem> | undefined;
const settingsItem = () => {
  item ??= defineSettingsItem();
  return item;
};

/** The stored settings, migrated first, repaired field by field, and what had to be dropped; no policy applied. */
async function loadLocalSettings(): Promise<ReadSettings> {
  return readSettings(await settingsItem().getValue());
}

// The background's copy, not storage.managed itself: Chrome answers managed reads only seconds after a worker
// starts. lib/background/policy-sync.ts keeps the copy current.
const loadStoredPolicy = async () => readStoredPolicy((await browser.storage.local.get(POLICY_KEY))[POLICY_KEY]);

/** Brings the stored settings to SETTINGS_VERSION; the background runs it at start, before anyone reads. */
export async function migrateSettings(): Promise<void> {
  // Defining the item starts WXT's migration; any read waits for it to finish.
  await settingsItem().getMeta();
}

// One writer (the background) applies changes one after another: none from any page is lost.
const enqueue = createSerialQueue();

/**
 * Applies one change to this browser's own settings and stores them; rejects (and writes nothing) when the
 * change cannot apply or would alter what the organization set. Resolves to the settings in effect.
 */
export function changeSettings(change: SettingsChange): Promise<Settings> {
  return enqueue(async () => {
    // The change itself first: a change that is not one (a null connection, say) must not read as "clear it".
    const parsed = SettingsChangeSchema.parse(change);
    const [local, policy] = await Promise.all([loadLocalSettings(), loadStoredPolicy()]);
    // Checked in the queue, against what the page showed: another tab's change between plan and Apply is seen.
    const current = effectiveSettings(local, policy).settings;
    if (isStaleImport(parsed, current)) throw new Error(IMPORT_PLAN_STALE);
    const unlisted = unlistedSiteRefusal(parsed, current);
    if (unlisted) throw new Error(unlisted);
    const locked = lockedField(parsed, policy.policy);
    if (locked) throw new Error(lockedMessage(locked));
    const next = checkSettings(applySettingsChange(local.settings, parsed));
    await settingsItem().setValue(next);
    return effectiveSettings({ settings: next, problems: [] }, policy).settings;
  });
}
