import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  openOptionsForSite,
  PENDING_SITE_MAX_AGE_MS,
  rememberPendingSite,
  takePendingSite,
} from '../../../lib/background/pending-site';
import { PENDING_SITE_KEY } from '../../../lib/storage';

const browser = fakeBrowser as never;
const HOSTED = 'https://acme.halopsa.com';
const PSA = 'https://psa.example.com:8443';
const NOW = 1_750_000_000_000;

const session = () => fakeBrowser.storage.session.get(null);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('rememberPendingSite, then takePendingSite', () => {
  it.each([HOSTED, PSA, 'http://localhost:3000'])('hands over %s once, and removes it as it is read', async (site) => {
    await rememberPendingSite(browser, site, NOW);
    expect(await session()).toEqual({ [PENDING_SITE_KEY]: { origin: site, at: NOW } });
    expect(await takePendingSite(browser, NOW + 1000)).toBe(site);
    expect(await session()).toEqual({});
    expect(await takePendingSite(browser, NOW + 1000)).toBeNull();
  });

  it('gives nothing when nothing was remembered', async () => {
    expect(await takePendingSite(browser, NOW)).toBeNull();
  });

  it('keeps only the latest site', async () => {
    await rememberPendingSite(browser, HOSTED, NOW);
    await rememberPendingSite(browser, PSA, NOW + 1);
    expect(await takePendingSite(browser, NOW + 2)).toBe(PSA);
  });

  it('ignores, and removes, a site older than ten minutes', async () => {
    await rememberPendingSite(browser, HOSTED, NOW);
    expect(await takePendingSite(browser, NOW + PENDING_SITE_MAX_AGE_MS)).toBe(HOSTED);
    await rememberPendingSite(browser, HOSTED, NOW);
    expect(await takePendingSite(browser, NOW + PENDING_SITE_MAX_AGE_MS + 1)).toBeNull();
    expect(await session()).toEqual({});
  });

  it('never remembers what is not a HaloPSA origin', async () => {
    for (const bad of ['https://acme.immy.bot', 'javascript:alert(1)', 'https://psa.example.com/ticket', ''])
      await rememberPendingSite(browser, bad, NOW);
    expect(await session()).toEqual({});
  });

  it.each<[string, unknown]>([
    ['not a HaloPSA origin', { origin: 'https://evil.example.com/x', at: NOW }],
    ['an ImmyBot address', { origin: 'https://acme.immy.bot', at: NOW }],
    ['no time', { origin: HOSTED }],
    ['a time from the future', { origin: HOSTED, at: NOW + 60_000 }],
    ['a time as text', { origin: HOSTED, at: String(NOW) }],
    ['a bare string', HOSTED],
    ['null', null],
  ])('gives nothing for a stored entry with %s, and removes it', async (_, entry) => {
    await fakeBrowser.storage.session.set({ [PENDING_SITE_KEY]: entry });
    expect(await takePendingSite(browser, NOW)).toBeNull();
    expect(await session()).toEqual({});
  });

  it('is never in storage.local, which content scripts can read', async () => {
    await rememberPendingSite(browser, HOSTED, NOW);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('openOptionsForSite', () => {
  it('opens the plain options page, with no site in its address, and remembers the site', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(openOptionsForSite(browser, HOSTED)).resolves.toEqual({ ok: true });
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: fakeBrowser.runtime.getURL('/options.html') });
    expect(await takePendingSite(browser)).toBe(HOSTED);
  });

  it.each([undefined, 'chrome-extension://abc', 'https://acme.immy.bot'])(
    'without a HaloPSA site (%s), opens the options page as the browser does and remembers nothing',
    async (site) => {
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
      await openOptionsForSite(browser, site);
      expect(open).toHaveBeenCalledOnce();
      expect(create).not.toHaveBeenCalled();
      expect(await session()).toEqual({});
    },
  );
});
