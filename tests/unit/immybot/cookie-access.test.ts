import { describe, expect, it, vi } from 'vitest';
import { syncCookieExceptions, type CookieSettingsApi } from '../../../lib/immybot/cookie-access';
import { cookieSitePattern } from '../../../lib/match-pattern';

const ACME = 'https://acme.immy.bot';
const GLOBEX = 'https://globex.immy.bot';

type SetDetails = Parameters<CookieSettingsApi['set']>[0];

/**
 * Chrome's contentSettings.cookies for this extension: clear({}) removes every exception the extension
 * set, set() adds one (or replaces the one with the same pattern pair). Records every call in order.
 */
function fakeCookies() {
  const store = new Map<string, SetDetails>();
  const calls: Array<['clear', object] | ['set', SetDetails]> = [];
  const api = {
    clear: vi.fn(async (details: object) => {
      calls.push(['clear', details]);
      store.clear();
    }),
    set: vi.fn(async (details: SetDetails) => {
      calls.push(['set', details]);
      store.set(`${details.primaryPattern} ${details.secondaryPattern}`, details);
    }),
  } satisfies CookieSettingsApi;
  return { api, calls, contents: () => [...store.values()] };
}

const allow = (primaryPattern: string, secondaryPattern: string): SetDetails => ({
  primaryPattern,
  secondaryPattern,
  setting: 'allow',
});

describe('syncCookieExceptions', () => {
  it('is unsupported without the contentSettings API (Firefox, or before the permission)', async () => {
    await expect(syncCookieExceptions(undefined, true, () => ACME, ['https://psa.example.com'])).resolves.toBe(
      'unsupported',
    );
    await expect(syncCookieExceptions(undefined, false, () => ACME, ['https://psa.example.com'])).resolves.toBe(
      'unsupported',
    );
  });

  it('does nothing without the permission', async () => {
    const cookies = fakeCookies();
    await expect(syncCookieExceptions(cookies.api, false, () => ACME, ['https://psa.example.com'])).resolves.toBe(
      'no-permission',
    );
    expect(cookies.calls).toEqual([]);
  });

  it('clears first, then allows the instance when framed by each HaloPSA origin', async () => {
    const cookies = fakeCookies();
    await expect(
      syncCookieExceptions(cookies.api, true, () => ACME, ['https://acme.halopsa.com', 'https://psa.example.com']),
    ).resolves.toBe('applied');
    expect(cookies.calls).toEqual([
      ['clear', {}],
      ['set', allow('https://acme.immy.bot/*', 'https://acme.halopsa.com:443/*')],
      ['set', allow('https://acme.immy.bot/*', 'https://psa.example.com:443/*')],
    ]);
  });

  it.each<[string, string]>([
    ['https://psa.example.com:8443', 'https://psa.example.com:8443/*'],
    ['https://psa.example.com', 'https://psa.example.com:443/*'],
    ['http://localhost:8080', 'http://localhost:8080/*'],
    ['http://localhost', 'http://localhost:80/*'],
    ['https://acme.trial.usehalo.com', 'https://acme.trial.usehalo.com:443/*'],
  ])('frames from %s are matched by %s, port included', async (origin, pattern) => {
    const cookies = fakeCookies();
    await syncCookieExceptions(cookies.api, true, () => ACME, [origin]);
    expect(cookies.api.set.mock.calls).toEqual([[allow('https://acme.immy.bot/*', pattern)]]);
  });

  it('gives each port on one host its own exception, and none to a port nobody listed', async () => {
    const cookies = fakeCookies();
    await syncCookieExceptions(cookies.api, true, () => ACME, [
      'https://psa.example.com',
      'https://psa.example.com:8443',
      'https://service.example.net:8443',
    ]);
    const sites = cookies.contents().map((d) => d.secondaryPattern);
    expect(sites).toEqual([
      'https://psa.example.com:443/*',
      'https://psa.example.com:8443/*',
      'https://service.example.net:8443/*',
    ]);
    expect(sites.some((p) => p.includes(':9999') || p === 'https://psa.example.com/*')).toBe(false);
  });

  it('with no HaloPSA origins, only clears', async () => {
    const cookies = fakeCookies();
    await expect(syncCookieExceptions(cookies.api, true, () => ACME, [])).resolves.toBe('applied');
    expect(cookies.calls).toEqual([['clear', {}]]);
  });

  it('with no instance configured, only clears', async () => {
    const cookies = fakeCookies();
    await expect(syncCookieExceptions(cookies.api, true, () => null, ['https://psa.example.com'])).resolves.toBe(
      'applied',
    );
    expect(cookies.calls).toEqual([['clear', {}]]);
  });

  it('lets each site use the cookies of its own connection’s instance only; a site with none gets nothing', async () => {
    const cookies = fakeCookies();
    const instances: Record<string, string | null> = {
      'https://acme.halopsa.com': ACME,
      'https://sandbox.halopsa.com': GLOBEX,
      'https://lab.halopsa.com': null,
    };
    await syncCookieExceptions(cookies.api, true, (site) => instances[site], Object.keys(instances));
    expect(cookies.calls).toEqual([
      ['clear', {}],
      ['set', allow('https://acme.immy.bot/*', 'https://acme.halopsa.com:443/*')],
      ['set', allow('https://globex.immy.bot/*', 'https://sandbox.halopsa.com:443/*')],
    ]);
  });

  it('awaits the clear before the first set', async () => {
    const order: string[] = [];
    let finishClear!: () => void;
    const api: CookieSettingsApi = {
      clear: () =>
        new Promise<void>((resolve) => {
          finishClear = () => {
            order.push('clear done');
            resolve();
          };
        }),
      set: async () => void order.push('set'),
    };
    const sync = syncCookieExceptions(api, true, () => ACME, ['https://psa.example.com']);
    await Promise.resolve();
    expect(order).toEqual([]);
    finishClear();
    await sync;
    expect(order).toEqual(['clear done', 'set']);
  });

  it('propagates a failing set (the caller logs it)', async () => {
    const api: CookieSettingsApi = {
      clear: async () => {},
      set: async () => Promise.reject(new Error('Invalid pattern')),
    };
    await expect(syncCookieExceptions(api, true, () => ACME, ['https://psa.example.com'])).rejects.toThrow(
      'Invalid pattern',
    );
  });

  describe('after two syncs, only the current exceptions remain', () => {
    it.each<[string, [string | null, string[]], [string | null, string[]], SetDetails[]]>([
      [
        'a changed instance',
        [ACME, ['https://psa.example.com', 'https://acme.halopsa.com']],
        [GLOBEX, ['https://psa.example.com', 'https://acme.halopsa.com']],
        [
          allow('https://globex.immy.bot/*', 'https://psa.example.com:443/*'),
          allow('https://globex.immy.bot/*', 'https://acme.halopsa.com:443/*'),
        ],
      ],
      [
        'a removed origin',
        [ACME, ['https://psa.example.com', 'https://service.example.net:8443']],
        [ACME, ['https://service.example.net:8443']],
        [allow('https://acme.immy.bot/*', 'https://service.example.net:8443/*')],
      ],
      ['the instance removed', [ACME, ['https://psa.example.com']], [null, ['https://psa.example.com']], []],
      ['every origin removed', [ACME, ['https://psa.example.com', 'https://acme.halopsa.com']], [ACME, []], []],
      [
        'an origin added',
        [ACME, ['https://psa.example.com']],
        [ACME, ['https://psa.example.com', 'https://beta.haloitsm.com']],
        [
          allow('https://acme.immy.bot/*', 'https://psa.example.com:443/*'),
          allow('https://acme.immy.bot/*', 'https://beta.haloitsm.com:443/*'),
        ],
      ],
      [
        'the same settings twice',
        [ACME, ['https://psa.example.com']],
        [ACME, ['https://psa.example.com']],
        [allow('https://acme.immy.bot/*', 'https://psa.example.com:443/*')],
      ],
    ])('%s', async (_, [instance1, origins1], [instance2, origins2], remaining) => {
      const cookies = fakeCookies();
      await syncCookieExceptions(cookies.api, true, () => instance1, origins1);
      await syncCookieExceptions(cookies.api, true, () => instance2, origins2);
      expect(cookies.contents()).toEqual(remaining);
    });

    it('losing the permission between syncs leaves the earlier exceptions to the browser (nothing is called)', async () => {
      const cookies = fakeCookies();
      await syncCookieExceptions(cookies.api, true, () => ACME, ['https://psa.example.com']);
      await expect(syncCookieExceptions(cookies.api, false, () => GLOBEX, [])).resolves.toBe('no-permission');
      expect(cookies.api.clear).toHaveBeenCalledTimes(1);
      expect(cookies.contents()).toEqual([allow('https://acme.immy.bot/*', 'https://psa.example.com:443/*')]);
    });
  });
});

describe('cookieSitePattern', () => {
  it.each<[string, string]>([
    ['https://acme.halopsa.com', 'https://acme.halopsa.com:443/*'],
    ['https://psa.example.com:8443', 'https://psa.example.com:8443/*'],
    ['http://localhost:8080', 'http://localhost:8080/*'],
    ['http://localhost', 'http://localhost:80/*'],
  ])('%s → %s', (origin, pattern) => {
    expect(cookieSitePattern(origin)).toBe(pattern);
  });

  it('keeps origins on one host apart by port', () => {
    const ports = ['https://psa.example.com', 'https://psa.example.com:8443', 'https://psa.example.com:9443'];
    expect(new Set(ports.map(cookieSitePattern)).size).toBe(3);
  });
});
