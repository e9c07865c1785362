import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION } from '../../../lib/settings/migrations';
import { DEFAULT_SETTINGS, type ImmyBotConnection } from '../../../lib/settings/schema';

const ACME: ImmyBotConnection = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };

/** store.ts defines its storage item once per module instance: import a fresh one. */
async function freshStore() {
  vi.resetModules();
  return import('../../../lib/settings/store');
}

async function everything() {
  return fakeBrowser.storage.local.get(null);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loadSettings', () => {
  it('returns the defaults and writes nothing when storage is empty', async () => {
    const { loadSettings } = await freshStore();
    expect(DEFAULT_SETTINGS).toEqual({ immybot: null });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await everything()).toEqual({});
  });

  it('returns the stored settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME }, settings$: { v: SETTINGS_VERSION } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual({ immybot: ACME });
  });

  it('drops unknown fields', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: { ...ACME, x: 1 }, y: 2 } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual({ immybot: ACME });
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [ACME]],
    ['an empty object', {}],
    ['a string connection', { immybot: 'https://acme.immy.bot' }],
    ['an http origin', { immybot: { ...ACME, instanceOrigin: 'http://acme.immy.bot' } }],
    ['a foreign origin', { immybot: { ...ACME, instanceOrigin: 'https://acme.immy.bot.evil.test' } }],
    ['id 0', { immybot: { ...ACME, integrationId: 0 } }],
    ['id 1.5', { immybot: { ...ACME, integrationId: 1.5 } }],
    ['a string id', { immybot: { ...ACME, integrationId: '619' } }],
  ])('returns the defaults for %s, leaving it stored', async (_, garbage) => {
    await fakeBrowser.storage.local.set({ settings: garbage });
    const before = await everything();
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await everything()).toEqual(before);
  });
});

describe('saveImmyBotConnection', () => {
  it('saves a valid connection with the version metadata and returns the settings', async () => {
    const { saveImmyBotConnection, loadSettings } = await freshStore();
    expect(await saveImmyBotConnection(ACME)).toEqual({ immybot: ACME });
    expect(await everything()).toEqual({ settings: { immybot: ACME }, settings$: { v: SETTINGS_VERSION } });
    expect(await loadSettings()).toEqual({ immybot: ACME });
    // A new context (another module instance) reads the same.
    expect(await (await freshStore()).loadSettings()).toEqual({ immybot: ACME });
  });

  it('is read back by the content script reader', async () => {
    const { saveImmyBotConnection } = await freshStore();
    await saveImmyBotConnection(ACME);
    const { loadConnection } = await import('../../../lib/settings/read-connection');
    expect(await loadConnection()).toEqual(ACME);
  });

  it('replaces an earlier connection and garbage alike', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    const { saveImmyBotConnection } = await freshStore();
    await saveImmyBotConnection({ instanceOrigin: 'https://old.immy.bot', integrationId: 1 });
    await saveImmyBotConnection(ACME);
    expect((await everything()).settings).toEqual({ immybot: ACME });
  });

  it('stores only the known fields', async () => {
    const { saveImmyBotConnection } = await freshStore();
    await saveImmyBotConnection({ ...ACME, token: 'secret' } as ImmyBotConnection);
    expect((await everything()).settings).toEqual({ immybot: ACME });
  });

  const invalid: [string, unknown][] = [
    ['an http origin', { ...ACME, instanceOrigin: 'http://acme.immy.bot' }],
    ['a trailing slash', { ...ACME, instanceOrigin: 'https://acme.immy.bot/' }],
    ['a bare tenant', { ...ACME, instanceOrigin: 'acme' }],
    ['a foreign origin', { ...ACME, instanceOrigin: 'https://acme.immy.bot.evil.test' }],
    ['an origin with a port', { ...ACME, instanceOrigin: 'https://acme.immy.bot:8443' }],
    ['id 0', { ...ACME, integrationId: 0 }],
    ['id 1.5', { ...ACME, integrationId: 1.5 }],
    ['id -1', { ...ACME, integrationId: -1 }],
    ['id 2147483648', { ...ACME, integrationId: 2147483648 }],
    ['id NaN', { ...ACME, integrationId: NaN }],
    ['a string id', { ...ACME, integrationId: '619' }],
    ['no id', { instanceOrigin: ACME.instanceOrigin }],
    ['null', null],
  ];

  it.each(invalid)('rejects %s and leaves empty storage empty', async (_, connection) => {
    const { saveImmyBotConnection } = await freshStore();
    await expect(saveImmyBotConnection(connection as ImmyBotConnection)).rejects.toThrow();
    expect(await everything()).toEqual({});
  });

  it.each(invalid)('rejects %s and leaves a saved connection exactly as it was', async (_, connection) => {
    const { saveImmyBotConnection } = await freshStore();
    await saveImmyBotConnection(ACME);
    await fakeBrowser.storage.local.set({ paneLayout: { width: 500, collapsed: true } });
    const before = await everything();
    await expect(saveImmyBotConnection(connection as ImmyBotConnection)).rejects.toThrow();
    expect(await everything()).toEqual(before);
    expect(before.settings).toEqual({ immybot: ACME });
  });
});
