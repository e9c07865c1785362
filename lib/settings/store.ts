import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { SETTINGS_KEY } from './keys';
import { SETTINGS_VERSION, settingsMigrations } from './migrations';
import { DEFAULT_SETTINGS, ImmyBotConnectionSchema, SettingsSchema, type ImmyBotConnection, type Settings } from './schema';

// The only writer of settings. Defined lazily so importing this file never touches browser.* .
let item: WxtStorageItem<Settings, {}> | undefined;
function settingsItem(): WxtStorageItem<Settings, {}> {
  item ??= storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: settingsMigrations,
  });
  return item;
}

/** Stored settings, or the defaults when nothing valid is stored (a hand-edited or corrupt value). */
function valid(value: unknown): Settings {
  const parsed = SettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function loadSettings(): Promise<Settings> {
  return valid(await settingsItem().getValue());
}

/** Saves the ImmyBot instance and integration; rejects (and writes nothing) when either is invalid. */
export async function saveImmyBotConnection(connection: ImmyBotConnection): Promise<Settings> {
  const immybot = ImmyBotConnectionSchema.parse(connection);
  const next = SettingsSchema.parse({ ...(await loadSettings()), immybot });
  await settingsItem().setValue(next);
  return next;
}
