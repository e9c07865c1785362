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

// Changes from one page run one after another, so two quick clicks cannot overwrite each other.
let writing: Promise<unknown> = Promise.resolve();

/** Applies one change; rejects (and writes nothing) when the result breaks the schema. */
function update(change: (current: Settings) => Settings): Promise<Settings> {
  const run = async () => {
    const next = SettingsSchema.parse(change(await loadSettings()));
    await settingsItem().setValue(next);
    return next;
  };
  const result = writing.then(run, run);
  writing = result.catch(() => undefined);
  return result;
}

/** Saves the ImmyBot instance and integration; rejects (and writes nothing) when either is invalid. */
export function saveImmyBotConnection(connection: ImmyBotConnection): Promise<Settings> {
  return update((settings) => ({ ...settings, immybot: ImmyBotConnectionSchema.parse(connection) }));
}

/** Adds a self-hosted HaloPSA origin (already parsed by parseHaloAddress); rejects duplicates. */
export function addHaloOrigin(origin: string): Promise<Settings> {
  return update((settings) => {
    if (settings.haloOrigins.includes(origin)) throw new Error(`${origin} is already in the list.`);
    return { ...settings, haloOrigins: [...settings.haloOrigins, origin] };
  });
}

export function removeHaloOrigin(origin: string): Promise<Settings> {
  return update((settings) => ({ ...settings, haloOrigins: settings.haloOrigins.filter((o) => o !== origin) }));
}
