import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION } from '../../../lib/settings/migrations';
import { DEFAULT_SETTINGS, type ImmyBotConnection, type Settings } from '../../../lib/settings/schema';

const ACME: ImmyBotConnection = { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 };
const PSA = 'https://psa.example.com';
const SERVICE = 'https://service.example.net:8443';
const V2 = { v: 2 };

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
    expect(DEFAULT_SETTINGS).toEqual({ immybot: null, haloOrigins: [] });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await everything()).toEqual({});
  });

  it('is at version 2', () => {
    expect(SETTINGS_VERSION).toBe(2);
  });

  it.each<[string, Settings]>([
    ['a connection and two origins', { immybot: ACME, haloOrigins: [PSA, SERVICE] }],
    ['origins without a connection', { immybot: null, haloOrigins: [PSA] }],
    ['a connection without origins', { immybot: ACME, haloOrigins: [] }],
  ])('returns stored v2 settings: %s', async (_, settings) => {
    await fakeBrowser.storage.local.set({ settings, settings$: V2 });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(settings);
    expect((await everything()).settings).toEqual(settings);
  });

  it('drops unknown fields', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: { ...ACME, x: 1 }, haloOrigins: [PSA], y: 2 }, settings$: V2 });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual({ immybot: ACME, haloOrigins: [PSA] });
  });

  it('migrates a v1 value stored without version metadata, adding haloOrigins: []', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME } });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual({ immybot: ACME, haloOrigins: [] });
    expect(await everything()).toEqual({ settings: { immybot: ACME, haloOrigins: [] }, settings$: V2 });
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
    ['no haloOrigins', { immybot: ACME }],
    ['a null haloOrigins', { immybot: ACME, haloOrigins: null }],
    ['a string haloOrigins', { immybot: ACME, haloOrigins: PSA }],
    ['a non-canonical origin', { immybot: ACME, haloOrigins: ['psa.example.com'] }],
    ['an origin with a path', { immybot: ACME, haloOrigins: ['https://psa.example.com/'] }],
    ['an http HaloPSA origin', { immybot: ACME, haloOrigins: ['http://psa.example.com'] }],
    ['a hosted origin', { immybot: ACME, haloOrigins: ['https://acme.halopsa.com'] }],
    ['a duplicate origin', { immybot: ACME, haloOrigins: [PSA, PSA] }],
    ['no immybot', { haloOrigins: [PSA] }],
  ])('returns the defaults for %s stored as v2, leaving it stored', async (_, garbage) => {
    await fakeBrowser.storage.local.set({ settings: garbage, settings$: V2 });
    const before = await everything();
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await everything()).toEqual(before);
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [ACME]],
    ['an empty object', {}],
    ['an invalid connection', { immybot: { ...ACME, integrationId: 0 } }],
  ])('returns the defaults for %s stored without version metadata', async (_, garbage) => {
    await fakeBrowser.storage.local.set({ settings: garbage });
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('saveImmyBotConnection', () => {
  it('saves a valid connection with the version metadata and returns the settings', async () => {
    const { saveImmyBotConnection, loadSettings } = await freshStore();
    expect(await saveImmyBotConnection(ACME)).toEqual({ immybot: ACME, haloOrigins: [] });
    expect(await everything()).toEqual({ settings: { immybot: ACME, haloOrigins: [] }, settings$: V2 });
    expect(await loadSettings()).toEqual({ immybot: ACME, haloOrigins: [] });
    // A new context (another module instance) reads the same.
    expect(await (await freshStore()).loadSettings()).toEqual({ immybot: ACME, haloOrigins: [] });
  });

  it('keeps the added HaloPSA origins', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: null, haloOrigins: [PSA, SERVICE] }, settings$: V2 });
    const { saveImmyBotConnection } = await freshStore();
    expect(await saveImmyBotConnection(ACME)).toEqual({ immybot: ACME, haloOrigins: [PSA, SERVICE] });
    expect((await everything()).settings).toEqual({ immybot: ACME, haloOrigins: [PSA, SERVICE] });
  });

  it('is read back by the content script reader', async () => {
    const { saveImmyBotConnection, addHaloOrigin } = await freshStore();
    await saveImmyBotConnection(ACME);
    await addHaloOrigin(PSA);
    const { loadPageSettings } = await import('../../../lib/settings/page-settings');
    expect(await loadPageSettings()).toMatchObject({ connection: ACME, haloOrigins: [PSA] });
  });

  it('replaces an earlier connection and garbage alike', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    const { saveImmyBotConnection } = await freshStore();
    await saveImmyBotConnection({ instanceOrigin: 'https://old.immy.bot', integrationId: 1 });
    await saveImmyBotConnection(ACME);
    expect((await everything()).settings).toEqual({ immybot: ACME, haloOrigins: [] });
  });

  it('stores only the known fields', async () => {
    const { saveImmyBotConnection } = await freshStore();
    await saveImmyBotConnection({ ...ACME, token: 'secret' } as ImmyBotConnection);
    expect((await everything()).settings).toEqual({ immybot: ACME, haloOrigins: [] });
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
    expect(before.settings).toEqual({ immybot: ACME, haloOrigins: [] });
  });
});

describe('addHaloOrigin', () => {
  it('adds an origin to empty storage, with the version metadata, and returns the settings', async () => {
    const { addHaloOrigin, loadSettings } = await freshStore();
    expect(await addHaloOrigin(PSA)).toEqual({ immybot: null, haloOrigins: [PSA] });
    expect(await everything()).toEqual({ settings: { immybot: null, haloOrigins: [PSA] }, settings$: V2 });
    expect(await loadSettings()).toEqual({ immybot: null, haloOrigins: [PSA] });
  });

  it('appends in the order added and keeps the connection', async () => {
    const { addHaloOrigin, saveImmyBotConnection } = await freshStore();
    await saveImmyBotConnection(ACME);
    await addHaloOrigin(SERVICE);
    await addHaloOrigin(PSA);
    await addHaloOrigin('http://localhost:3000');
    expect((await everything()).settings).toEqual({ immybot: ACME, haloOrigins: [SERVICE, PSA, 'http://localhost:3000'] });
  });

  it('adds the same host on another port as a separate origin', async () => {
    const { addHaloOrigin } = await freshStore();
    await addHaloOrigin(PSA);
    expect(await addHaloOrigin(`${PSA}:8443`)).toEqual({ immybot: null, haloOrigins: [PSA, `${PSA}:8443`] });
  });

  it('rejects a duplicate with an Error naming it, and writes nothing', async () => {
    const { addHaloOrigin, saveImmyBotConnection } = await freshStore();
    await saveImmyBotConnection(ACME);
    await addHaloOrigin(PSA);
    await addHaloOrigin(SERVICE);
    const before = await everything();
    const rejection = addHaloOrigin(PSA);
    await expect(rejection).rejects.toBeInstanceOf(Error);
    await expect(rejection).rejects.toThrow(`${PSA} is already in the list.`);
    expect(await everything()).toEqual(before);
    expect(before.settings).toEqual({ immybot: ACME, haloOrigins: [PSA, SERVICE] });
  });

  const invalid: [string, unknown][] = [
    ['a bare host', 'psa.example.com'],
    ['a trailing slash', 'https://psa.example.com/'],
    ['a path', 'https://psa.example.com/ticket?id=5'],
    ['upper case', 'https://PSA.example.com'],
    ['the default port spelled out', 'https://psa.example.com:443'],
    ['http on a real host', 'http://psa.example.com'],
    ['a hosted tenant', 'https://acme.halopsa.com'],
    ['a wildcard', 'https://*.example.com'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['credentials', 'https://user:pw@psa.example.com'],
    ['an empty string', ''],
    ['a number', 42],
    ['null', null],
  ];

  it.each(invalid)('rejects %s and leaves empty storage empty', async (_, origin) => {
    const { addHaloOrigin } = await freshStore();
    await expect(addHaloOrigin(origin as string)).rejects.toThrow();
    expect(await everything()).toEqual({});
  });

  it.each(invalid)('rejects %s and leaves saved settings exactly as they were', async (_, origin) => {
    const { addHaloOrigin, saveImmyBotConnection } = await freshStore();
    await saveImmyBotConnection(ACME);
    await addHaloOrigin(PSA);
    await fakeBrowser.storage.local.set({ paneLayout: { width: 500, collapsed: true } });
    const before = await everything();
    await expect(addHaloOrigin(origin as string)).rejects.toThrow();
    expect(await everything()).toEqual(before);
    expect(before.settings).toEqual({ immybot: ACME, haloOrigins: [PSA] });
  });

  it('replaces a corrupt stored value with valid settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: ['http://evil.test'] }, settings$: V2 });
    const { addHaloOrigin } = await freshStore();
    expect(await addHaloOrigin(PSA)).toEqual({ immybot: null, haloOrigins: [PSA] });
    expect((await everything()).settings).toEqual({ immybot: null, haloOrigins: [PSA] });
  });
});

describe('removeHaloOrigin', () => {
  it('removes only that origin and keeps the connection and the order of the rest', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: [SERVICE, PSA, `${PSA}:8443`] }, settings$: V2 });
    const { removeHaloOrigin, loadSettings } = await freshStore();
    expect(await removeHaloOrigin(PSA)).toEqual({ immybot: ACME, haloOrigins: [SERVICE, `${PSA}:8443`] });
    expect(await everything()).toEqual({ settings: { immybot: ACME, haloOrigins: [SERVICE, `${PSA}:8443`] }, settings$: V2 });
    expect(await loadSettings()).toEqual({ immybot: ACME, haloOrigins: [SERVICE, `${PSA}:8443`] });
  });

  it('removing the last origin leaves an empty list', async () => {
    const { addHaloOrigin, removeHaloOrigin } = await freshStore();
    await addHaloOrigin(PSA);
    expect(await removeHaloOrigin(PSA)).toEqual({ immybot: null, haloOrigins: [] });
    expect((await everything()).settings).toEqual({ immybot: null, haloOrigins: [] });
  });

  it.each([
    ['an origin not in the list', SERVICE],
    ['another spelling of a listed origin', 'https://PSA.example.com'],
    ['a pattern', 'https://psa.example.com/*'],
  ])('leaves the list alone for %s', async (_, origin) => {
    await fakeBrowser.storage.local.set({ settings: { immybot: ACME, haloOrigins: [PSA] }, settings$: V2 });
    const { removeHaloOrigin } = await freshStore();
    expect(await removeHaloOrigin(origin)).toEqual({ immybot: ACME, haloOrigins: [PSA] });
    expect((await everything()).settings).toEqual({ immybot: ACME, haloOrigins: [PSA] });
  });

  it('can add an origin again after removing it', async () => {
    const { addHaloOrigin, removeHaloOrigin } = await freshStore();
    await addHaloOrigin(PSA);
    await removeHaloOrigin(PSA);
    expect(await addHaloOrigin(PSA)).toEqual({ immybot: null, haloOrigins: [PSA] });
  });
});

