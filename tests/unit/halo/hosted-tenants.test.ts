import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostedTenants, rememberHostedTenant } from '../../../lib/halo/hosted-tenants';
import { HOSTED_TENANTS_KEY } from '../../../lib/settings/keys';

type Api = Parameters<typeof hostedTenants>[0];
const api = fakeBrowser as unknown as Api;

const stored = async () => (await fakeBrowser.storage.local.get(HOSTED_TENANTS_KEY))[HOSTED_TENANTS_KEY];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('hostedTenants', () => {
  it('is empty when nothing was remembered', async () => {
    await expect(hostedTenants(api)).resolves.toEqual([]);
  });

  it('returns the remembered origins in order', async () => {
    await fakeBrowser.storage.local.set({ [HOSTED_TENANTS_KEY]: ['https://acme.halopsa.com', 'https://beta.haloitsm.com'] });
    await expect(hostedTenants(api)).resolves.toEqual(['https://acme.halopsa.com', 'https://beta.haloitsm.com']);
  });

  it.each<[string, unknown]>([
    ['a string', 'https://acme.halopsa.com'],
    ['a number', 42],
    ['null', null],
    ['an object', { 0: 'https://acme.halopsa.com' }],
    ['true', true],
  ])('ignores %s stored under the key', async (_, value) => {
    await fakeBrowser.storage.local.set({ [HOSTED_TENANTS_KEY]: value });
    await expect(hostedTenants(api)).resolves.toEqual([]);
  });

  it('keeps only hosted tenant origins from a list with garbage in it', async () => {
    await fakeBrowser.storage.local.set({
      [HOSTED_TENANTS_KEY]: [
        'https://acme.halopsa.com',
        42,
        null,
        { origin: 'https://x.halopsa.com' },
        'https://psa.example.com',
        'https://halopsa.com',
        'https://www.halopsa.com',
        'http://plain.halopsa.com',
        'https://port.halopsa.com:8443',
        'not a url',
        '',
        'https://beta.trial.usehalo.com',
      ],
    });
    await expect(hostedTenants(api)).resolves.toEqual(['https://acme.halopsa.com', 'https://beta.trial.usehalo.com']);
  });
});

describe('rememberHostedTenant', () => {
  it.each([
    ['https://acme.halopsa.com/ticket?id=2152', 'https://acme.halopsa.com'],
    ['https://acme.haloitsm.com/tickets?id=1', 'https://acme.haloitsm.com'],
    ['https://acme.haloservicedesk.com/', 'https://acme.haloservicedesk.com'],
    ['https://acme.trial.usehalo.com/ticket?id=5', 'https://acme.trial.usehalo.com'],
    ['https://ACME.HaloPSA.com/ticket?id=1', 'https://acme.halopsa.com'],
    ['https://acme.halopsa.com:443/ticket?id=1', 'https://acme.halopsa.com'],
  ])('remembers the tenant of %s as %s and says it was new', async (url, origin) => {
    await expect(rememberHostedTenant(api, url)).resolves.toBe(true);
    expect(await stored()).toEqual([origin]);
    await expect(hostedTenants(api)).resolves.toEqual([origin]);
  });

  it.each([
    undefined,
    '',
    'not a url',
    'https://psa.example.com/ticket?id=2152',
    'https://service.example.net:8443/ticket?id=1',
    'https://halopsa.com/',
    'https://www.halopsa.com/docs',
    'https://haloitsm.com/',
    'https://trial.usehalo.com/',
    'http://acme.halopsa.com/ticket?id=1',
    'https://acme.halopsa.com:8443/ticket?id=1',
    'https://acme.halopsa.com.evil.test/ticket?id=1',
    'chrome-extension://abcdefghijklmnop/options.html',
  ])('ignores %j: returns false and stores nothing', async (url) => {
    await expect(rememberHostedTenant(api, url)).resolves.toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('does not add a known tenant twice, whatever page of it is open', async () => {
    await expect(rememberHostedTenant(api, 'https://acme.halopsa.com/ticket?id=1')).resolves.toBe(true);
    await expect(rememberHostedTenant(api, 'https://acme.halopsa.com/ticket?id=2')).resolves.toBe(false);
    await expect(rememberHostedTenant(api, 'https://ACME.halopsa.com/tickets?id=3&showmenu=false')).resolves.toBe(false);
    expect(await stored()).toEqual(['https://acme.halopsa.com']);
  });

  it('adds new tenants after the known ones', async () => {
    for (const url of ['https://acme.halopsa.com/', 'https://beta.haloitsm.com/', 'https://acme.halopsa.com/x', 'https://gamma.trial.usehalo.com/']) {
      await rememberHostedTenant(api, url);
    }
    expect(await stored()).toEqual(['https://acme.halopsa.com', 'https://beta.haloitsm.com', 'https://gamma.trial.usehalo.com']);
  });

  it('keeps at most 20 tenants, dropping the oldest', async () => {
    const origins = Array.from({ length: 22 }, (_, i) => `https://tenant${i + 1}.halopsa.com`);
    for (const origin of origins) await expect(rememberHostedTenant(api, `${origin}/ticket?id=1`)).resolves.toBe(true);
    expect(await stored()).toEqual(origins.slice(2));
    await expect(hostedTenants(api)).resolves.toHaveLength(20);
  });

  it('a dropped tenant counts as new again', async () => {
    const origins = Array.from({ length: 21 }, (_, i) => `https://tenant${i + 1}.halopsa.com`);
    for (const origin of origins) await rememberHostedTenant(api, origin);
    await expect(rememberHostedTenant(api, 'https://tenant1.halopsa.com/')).resolves.toBe(true);
    expect(await stored()).toEqual([...origins.slice(2), 'https://tenant1.halopsa.com']);
  });

  it('replaces garbage stored under the key with a clean list', async () => {
    await fakeBrowser.storage.local.set({ [HOSTED_TENANTS_KEY]: ['https://acme.halopsa.com', 7, 'https://psa.example.com', null] });
    await expect(rememberHostedTenant(api, 'https://beta.halopsa.com/ticket?id=9')).resolves.toBe(true);
    expect(await stored()).toEqual(['https://acme.halopsa.com', 'https://beta.halopsa.com']);
  });

  it('starts over when the key holds something that is not a list', async () => {
    await fakeBrowser.storage.local.set({ [HOSTED_TENANTS_KEY]: 'https://acme.halopsa.com' });
    await expect(rememberHostedTenant(api, 'https://acme.halopsa.com/ticket?id=9')).resolves.toBe(true);
    expect(await stored()).toEqual(['https://acme.halopsa.com']);
  });

  it('leaves other storage keys alone', async () => {
    await fakeBrowser.storage.local.set({ settings: { immybot: null, haloOrigins: [] } });
    await rememberHostedTenant(api, 'https://acme.halopsa.com/');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { immybot: null, haloOrigins: [] },
      [HOSTED_TENANTS_KEY]: ['https://acme.halopsa.com'],
    });
  });
});

describe('rememberHostedTenant, concurrently', () => {
  // The background calls it without awaiting on every ticket lookup, so two tabs can race.
  it('two new tenants remembered at the same time are both kept', async () => {
    const results = await Promise.all([
      rememberHostedTenant(api, 'https://acme.halopsa.com/ticket?id=1'),
      rememberHostedTenant(api, 'https://beta.haloitsm.com/ticket?id=2'),
    ]);
    expect(results).toEqual([true, true]);
    expect(((await stored()) as string[]).slice().sort()).toEqual(['https://acme.halopsa.com', 'https://beta.haloitsm.com']);
  });

  it('one tenant remembered twice at the same time is stored once', async () => {
    await Promise.all([
      rememberHostedTenant(api, 'https://acme.halopsa.com/ticket?id=1'),
      rememberHostedTenant(api, 'https://acme.halopsa.com/ticket?id=2'),
    ]);
    expect(await stored()).toEqual(['https://acme.halopsa.com']);
  });
});
