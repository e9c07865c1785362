import { storage } from 'wxt/utils/storage';
import { createSerialQueue } from '../serial';
import { applySettingsChange, checkSettings, SettingsChangeSchema, type SettingsChange } from './changes';
import { SETTINGS_KEY } from '../storage';
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

/** The stored settings, repaired field by field, and what had to be dropped (for the options page). */
export async function loadSettingsWithProblems(): Promise<ReadSettings> {
  return readSettings(await settingsItem().getValue());
}

export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsWithProblems()).settings;
}

// One writer (the background) applies changes one after another: none from any page is lost.
const enqueue = createSerialQueue();

/** Applies one change and stores the result; rejects (and writes nothing) when the change cannot apply. */
export function changeSettings(change: SettingsChange): Promise<Settings> {
  return enqueue(async () => {
    // The change itself first: a change that is not one (a null connection, say) must not read as "clear it".
    const next = checkSettings(applySettingsChange(await loadSettings(), SettingsChangeSchema.parse(change)));
    await settingsItem().setValue(next);
    return next;
  });
}
