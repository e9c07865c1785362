import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CUSTOM_HALO_SCRIPT_ID, haloOriginAccess, reconcileHaloOrigins } from '../../../lib/halo/registration';
import { matchesPattern } from '../helpers/match-pattern';

type Api = Parameters<typeof reconcileHaloOrigins>[0];
type Manifest = ReturnType<typeof fakeBrowser.runtime.getManifest>;
type Tab = Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number];
type RegisteredScript = Awaited<ReturnType<typeof fakeBrowser.scripting.getRegisteredContentScripts>>[number];

const api = fakeBrowser as unknown as Api;

const PSA = 'https://psa.example.com';
const PSA_8443 = 'https://psa.example.com:8443';
const SERVICE = 'https://service.example.net';
const LOCAL = 'http://localhost:3000';
const HOSTED = 'https://acme.halopsa.com';
const TRIAL = 'https://acme.trial.usehalo.com';
/** What the manifest's host_permissions grant: every hosted tenant. */
const MANIFEST_GRANTS = ['https://*.halopsa.com/*', 'https://*.trial.usehalo.com/*'];
const JS = ['content-scripts/halo.js'];

const TABS: Tab[] = [
  { id: 1, url: 'https://psa.example.com/ticket?id=1' },
  { id: 2, url: 'https://psa.example.com:8443/ticket?id=2' },
  { id: 3, url: 'https://service.example.net/tickets?id=3' },
  { id: 4, url: 'https://acme.halopsa.com/ticket?id=4' },
  { id: 5, url: 'https://other.example.org/' },
  { id: 6, url: 'http://localhost:3000/ticket?id=6' },
  { id: 7, url: 'https://service.example.net/ticket?id=7', discarded: true },
  { id: 8, url: 'http://psa.example.com/' },
].map((tab, index) => ({ index, highlighted: false, active: false, pinned: false, incognito: false, ...tab }) as Tab);

/**
 * fakeBrowser implements neither permissions.contains nor scripting.*: a small stateful stand-in
 * that keeps registered scripts like the browser does and answers permissions from `granted`.
 */
function setUp({ granted = [] as string[], registered = [] as RegisteredScript[] } = {}) {
  const held = new Set(granted);
  let scripts = structuredClone(registered);

  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'test',
    version: '1.0.0',
    content_scripts: [{ matches: ['https://*.halopsa.com/*'], exclude_matches: ['https://halopsa.com/*'], js: JS }],
  } as Manifest);
  // A held wildcard pattern (the manifest's hosted domains) covers every host under it, as in the browser.
  const covered = (pattern: string) =>
    held.has(pattern) ||
    [...held].some((grant) => grant.includes('*.') && matchesPattern(grant, pattern.replace(/\*$/, '')));
  const contains = vi
    .spyOn(fakeBrowser.permissions, 'contains')
    .mockImplementation(async ({ origins = [] }) => origins.every(covered));
  const getRegistered = vi
    .spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts')
    .mockImplementation(async (filter) =>
      structuredClone(scripts.filter((s) => !filter?.ids || filter.ids.includes(s.id))),
    );
  const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (list) => {
    for (const script of list) {
      if (scripts.some((s) => s.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      scripts.push(structuredClone(script));
    }
  });
  const update = vi.spyOn(fakeBrowser.scripting, 'updateContentScripts').mockImplementation(async (list) => {
    for (const change of list) {
      const script = scripts.find((s) => s.id === change.id);
      if (!script) throw new Error(`No script with ID '${change.id}'`);
      Object.assign(script, structuredClone(change));
    }
  });
  const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    const ids = filter?.ids;
    for (const id of ids ?? []) if (!scripts.some((s) => s.id === id)) throw new Error(`Nonexistent script ID '${id}'`);
    scripts = ids ? scripts.filter((s) => !ids.includes(s.id)) : [];
  });
  const query = vi
    .spyOn(fakeBrowser.tabs, 'query')
    .mockImplementation(async (info) =>
      TABS.filter((tab) => [info.url ?? []].flat().some((p) => matchesPattern(p, tab.url!))),
    );
  const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);

  return {
    grant: (pattern: string) => held.add(pattern),
    revoke: (pattern: string) => held.delete(pattern),
    scripts: () => scripts,
    injectedTabIds: () =>
      executeScript.mock.calls.map(([injection]) => ('tabId' in injection.target ? injection.target.tabId : undefined)),
    /** Forgets the calls so far; keeps the state. */
    clearCalls: () =>
      [contains, getRegistered, register, update, unregister, query, executeScript].forEach((spy) => {
        spy.mockClear();
      }),
    contains,
    register,
    update,
    unregister,
    query,
    executeScript,
  };
}

function registration(matches: string[]): RegisteredScript {
  return { id: CUSTOM_HALO_SCRIPT_ID, matches, js: JS, runAt: 'document_end', persistAcrossSessions: true };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('haloOriginAccess', () => {
  it('splits the origins by the permission held for their pattern, keeping their order', async () => {
    const { contains } = setUp({ granted: ['https://service.example.net/*', 'http://localhost/*'] });
    await expect(haloOriginAccess(api, [PSA, SERVICE, LOCAL])).resolves.toEqual({
      active: [SERVICE, LOCAL],
      needAccess: [PSA],
    });
    expect(contains.mock.calls).toEqual([
      [{ origins: ['https://psa.example.com/*'] }],
      [{ origins: ['https://service.example.net/*'] }],
      [{ origins: ['http://localhost/*'] }],
    ]);
  });

  it('asks nothing for no origins', async () => {
    const { contains } = setUp();
    await expect(haloOriginAccess(api, [])).resolves.toEqual({ active: [], needAccess: [] });
    expect(contains).not.toHaveBeenCalled();
  });

  it('a listed hosted tenant is active through the manifest’s grant', async () => {
    setUp({ granted: [...MANIFEST_GRANTS, 'https://psa.example.com/*'] });
    await expect(haloOriginAccess(api, [HOSTED, PSA, TRIAL, SERVICE])).resolves.toEqual({
      active: [HOSTED, PSA, TRIAL],
      needAccess: [SERVICE],
    });
  });

  it('a listed hosted tenant whose access was taken away (Firefox lets people do that) needs access', async () => {
    setUp({ granted: ['https://*.trial.usehalo.com/*'] });
    await expect(haloOriginAccess(api, [HOSTED, TRIAL])).resolves.toEqual({ active: [TRIAL], needAccess: [HOSTED] });
  });

  it('one permission covers every port of a host', async () => {
    setUp({ granted: ['https://psa.example.com/*'] });
    await expect(haloOriginAccess(api, [PSA, PSA_8443])).resolves.toEqual({ active: [PSA, PSA_8443], needAccess: [] });
  });
});

describe('reconcileHaloOrigins', () => {
  it('with nothing added, registers nothing, touches no tab', async () => {
    const b = setUp();
    await expect(reconcileHaloOrigins(api, [])).resolves.toEqual({ active: [], needAccess: [] });
    expect(b.scripts()).toEqual([]);
    expect(b.register).not.toHaveBeenCalled();
    expect(b.update).not.toHaveBeenCalled();
    expect(b.unregister).not.toHaveBeenCalled();
    expect(b.query).not.toHaveBeenCalled();
    expect(b.executeScript).not.toHaveBeenCalled();
  });

  it('with nothing added, removes a registration left from before', async () => {
    const b = setUp({ registered: [registration(['https://psa.example.com/*'])] });
    await reconcileHaloOrigins(api, []);
    expect(b.unregister).toHaveBeenCalledExactlyOnceWith({ ids: [CUSTOM_HALO_SCRIPT_ID] });
    expect(b.scripts()).toEqual([]);
    expect(b.executeScript).not.toHaveBeenCalled();
  });

  it('leaves other registered scripts alone', async () => {
    const other = { ...registration(['https://other.example.org/*']), id: 'someone-else' };
    const b = setUp({ registered: [other, registration(['https://psa.example.com/*'])] });
    await reconcileHaloOrigins(api, []);
    expect(b.scripts()).toEqual([other]);
  });

  it('registers only the granted origin; the other needs access', async () => {
    const b = setUp({ granted: ['https://psa.example.com/*'] });
    await expect(reconcileHaloOrigins(api, [PSA, SERVICE])).resolves.toEqual({ active: [PSA], needAccess: [SERVICE] });
    expect(b.register).toHaveBeenCalledExactlyOnceWith([registration(['https://psa.example.com/*'])]);
    expect(b.update).not.toHaveBeenCalled();
    expect(b.scripts()).toEqual([registration(['https://psa.example.com/*'])]);
    // Its open tabs get the script now (every port: the script checks the exact origin itself).
    expect(b.injectedTabIds()).toEqual([1, 2]);
    expect(b.executeScript).toHaveBeenCalledWith({ target: { tabId: 1 }, files: JS });
  });

  it('when access is granted later: updates the registration and injects into that origin’s tabs only', async () => {
    const b = setUp({ granted: ['https://psa.example.com/*'] });
    await reconcileHaloOrigins(api, [PSA, SERVICE]);
    b.clearCalls();

    b.grant('https://service.example.net/*');
    await expect(reconcileHaloOrigins(api, [PSA, SERVICE])).resolves.toEqual({
      active: [PSA, SERVICE],
      needAccess: [],
    });
    expect(b.register).not.toHaveBeenCalled();
    expect(b.update).toHaveBeenCalledExactlyOnceWith([
      { id: CUSTOM_HALO_SCRIPT_ID, matches: ['https://psa.example.com/*', 'https://service.example.net/*'], js: JS },
    ]);
    expect(b.scripts()).toEqual([registration(['https://psa.example.com/*', 'https://service.example.net/*'])]);
    expect(b.injectedTabIds()).toEqual([3]); // Not 1 and 2 again; not the discarded tab 7.
  });

  it('the same state twice: the second run registers, updates and injects nothing', async () => {
    const b = setUp({ granted: ['https://psa.example.com/*', 'http://localhost/*'] });
    await reconcileHaloOrigins(api, [PSA, LOCAL, SERVICE]);
    expect(b.injectedTabIds()).toEqual([1, 2, 6]);
    b.clearCalls();

    await expect(reconcileHaloOrigins(api, [PSA, LOCAL, SERVICE])).resolves.toEqual({
      active: [PSA, LOCAL],
      needAccess: [SERVICE],
    });
    expect(b.register).not.toHaveBeenCalled();
    expect(b.update).not.toHaveBeenCalled();
    expect(b.unregister).not.toHaveBeenCalled();
    expect(b.executeScript).not.toHaveBeenCalled();
    expect(b.scripts()).toEqual([registration(['http://localhost/*', 'https://psa.example.com/*'])]);
  });

  it('a registration with the same patterns in another order is not updated', async () => {
    const b = setUp({
      granted: ['https://psa.example.com/*', 'https://service.example.net/*'],
      registered: [registration(['https://service.example.net/*', 'https://psa.example.com/*'])],
    });
    await reconcileHaloOrigins(api, [PSA, SERVICE]);
    expect(b.update).not.toHaveBeenCalled();
    expect(b.register).not.toHaveBeenCalled();
    expect(b.executeScript).not.toHaveBeenCalled();
  });

  it('removing one of two origins narrows the registration and injects nothing', async () => {
    const b = setUp({ granted: ['https://psa.example.com/*', 'https://service.example.net/*'] });
    await reconcileHaloOrigins(api, [PSA, SERVICE]);
    b.clearCalls();

    await reconcileHaloOrigins(api, [SERVICE]);
    expect(b.update).toHaveBeenCalledExactlyOnceWith([
      { id: CUSTOM_HALO_SCRIPT_ID, matches: ['https://service.example.net/*'], js: JS },
    ]);
    expect(b.scripts()).toEqual([registration(['https://service.example.net/*'])]);
    expect(b.executeScript).not.toHaveBeenCalled();
  });

  it('removing the last origin unregisters the script', async () => {
    const b = setUp({ granted: ['https://psa.example.com/*'] });
    await reconcileHaloOrigins(api, [PSA]);
    b.clearCalls();

    await reconcileHaloOrigins(api, []);
    expect(b.unregister).toHaveBeenCalledExactlyOnceWith({ ids: [CUSTOM_HALO_SCRIPT_ID] });
    expect(b.scripts()).toEqual([]);
    expect(b.executeScript).not.toHaveBeenCalled();
  });

  it('access taken away by the browser unregisters the script; the origin needs access', async () => {
    const b = setUp({ granted: ['https://psa.example.com/*'] });
    await reconcileHaloOrigins(api, [PSA]);
    b.revoke('https://psa.example.com/*');
    await expect(reconcileHaloOrigins(api, [PSA])).resolves.toEqual({ active: [], needAccess: [PSA] });
    expect(b.unregister).toHaveBeenCalledExactlyOnceWith({ ids: [CUSTOM_HALO_SCRIPT_ID] });
    expect(b.scripts()).toEqual([]);
  });

  it('two origins on one host with different ports give one pattern', async () => {
    const b = setUp({ granted: ['https://psa.example.com/*'] });
    await expect(reconcileHaloOrigins(api, [PSA_8443, PSA])).resolves.toEqual({
      active: [PSA_8443, PSA],
      needAccess: [],
    });
    expect(b.scripts()).toEqual([registration(['https://psa.example.com/*'])]);
    // Each tab once, not once per origin.
    expect(b.injectedTabIds()).toEqual([1, 2]);
  });

  it('sorts the patterns', async () => {
    const b = setUp({ granted: ['https://service.example.net/*', 'https://psa.example.com/*', 'http://localhost/*'] });
    await reconcileHaloOrigins(api, [SERVICE, PSA, LOCAL]);
    expect(b.scripts()[0].matches).toEqual([
      'http://localhost/*',
      'https://psa.example.com/*',
      'https://service.example.net/*',
    ]);
  });

  it('with injectAll, injects into the tabs of every active origin even when nothing changed', async () => {
    const b = setUp({ granted: ['https://psa.example.com/*', 'https://service.example.net/*'] });
    await reconcileHaloOrigins(api, [PSA, SERVICE, LOCAL]);
    b.clearCalls();

    await expect(reconcileHaloOrigins(api, [PSA, SERVICE, LOCAL], { injectAll: true })).resolves.toEqual({
      active: [PSA, SERVICE],
      needAccess: [LOCAL],
    });
    expect(b.register).not.toHaveBeenCalled();
    expect(b.update).not.toHaveBeenCalled();
    expect(b.injectedTabIds().sort()).toEqual([1, 2, 3]);
    expect(b.query).toHaveBeenCalledWith({ url: ['https://psa.example.com/*', 'https://service.example.net/*'] });
  });

  it('with injectAll and nothing active, injects nothing', async () => {
    const b = setUp();
    await reconcileHaloOrigins(api, [PSA], { injectAll: true });
    expect(b.executeScript).not.toHaveBeenCalled();
    expect(b.register).not.toHaveBeenCalled();
  });

  it('registers before it injects, so a tab opened meanwhile still gets the script', async () => {
    const b = setUp({ granted: ['https://psa.example.com/*'] });
    await reconcileHaloOrigins(api, [PSA]);
    expect(b.register.mock.invocationCallOrder[0]).toBeLessThan(b.executeScript.mock.invocationCallOrder[0]);
  });

  describe('hosted tenants: listed, active, never registered (the manifest scripts them)', () => {
    it('only hosted tenants listed: registers nothing, injects nothing, yet they are active', async () => {
      const b = setUp({ granted: MANIFEST_GRANTS });
      await expect(reconcileHaloOrigins(api, [HOSTED, TRIAL], { injectAll: true })).resolves.toEqual({
        active: [HOSTED, TRIAL],
        needAccess: [],
      });
      expect(b.register).not.toHaveBeenCalled();
      expect(b.update).not.toHaveBeenCalled();
      expect(b.scripts()).toEqual([]);
      expect(b.query).not.toHaveBeenCalled();
      expect(b.executeScript).not.toHaveBeenCalled();
    });

    it('hosted and self-hosted listed: registers the self-hosted pattern only and injects only into its tabs', async () => {
      const b = setUp({ granted: [...MANIFEST_GRANTS, 'https://psa.example.com/*'] });
      await expect(reconcileHaloOrigins(api, [HOSTED, PSA])).resolves.toEqual({
        active: [HOSTED, PSA],
        needAccess: [],
      });
      expect(b.register).toHaveBeenCalledExactlyOnceWith([registration(['https://psa.example.com/*'])]);
      expect(b.scripts()).toEqual([registration(['https://psa.example.com/*'])]);
      // Tab 4 (acme.halopsa.com) already has the manifest's script.
      expect(b.injectedTabIds()).toEqual([1, 2]);
      for (const [{ url }] of b.query.mock.calls)
        expect([url ?? []].flat().filter((pattern) => pattern.includes('halopsa'))).toEqual([]);
    });

    it('with injectAll, still leaves hosted tabs to the manifest', async () => {
      const b = setUp({ granted: [...MANIFEST_GRANTS, 'https://psa.example.com/*'] });
      await reconcileHaloOrigins(api, [HOSTED, PSA], { injectAll: true });
      expect(b.query).toHaveBeenCalledWith({ url: ['https://psa.example.com/*'] });
      expect(b.injectedTabIds()).toEqual([1, 2]);
    });

    it('listing a hosted tenant next to a registered self-hosted one changes no registration', async () => {
      const b = setUp({ granted: [...MANIFEST_GRANTS, 'https://psa.example.com/*'] });
      await reconcileHaloOrigins(api, [PSA]);
      b.clearCalls();

      await expect(reconcileHaloOrigins(api, [PSA, HOSTED])).resolves.toEqual({
        active: [PSA, HOSTED],
        needAccess: [],
      });
      expect(b.register).not.toHaveBeenCalled();
      expect(b.update).not.toHaveBeenCalled();
      expect(b.unregister).not.toHaveBeenCalled();
      expect(b.executeScript).not.toHaveBeenCalled();
    });

    it('removing the last self-hosted site unregisters the script even while hosted tenants stay listed', async () => {
      const b = setUp({ granted: [...MANIFEST_GRANTS, 'https://psa.example.com/*'] });
      await reconcileHaloOrigins(api, [HOSTED, PSA]);
      b.clearCalls();

      await expect(reconcileHaloOrigins(api, [HOSTED])).resolves.toEqual({ active: [HOSTED], needAccess: [] });
      expect(b.unregister).toHaveBeenCalledExactlyOnceWith({ ids: [CUSTOM_HALO_SCRIPT_ID] });
      expect(b.scripts()).toEqual([]);
    });

    it('a hosted pattern found in the registration is dropped from it', async () => {
      const b = setUp({
        granted: [...MANIFEST_GRANTS, 'https://psa.example.com/*'],
        registered: [registration(['https://acme.halopsa.com/*', 'https://psa.example.com/*'])],
      });
      await reconcileHaloOrigins(api, [HOSTED, PSA]);
      expect(b.update).toHaveBeenCalledExactlyOnceWith([
        { id: CUSTOM_HALO_SCRIPT_ID, matches: ['https://psa.example.com/*'], js: JS },
      ]);
      expect(b.scripts()).toEqual([registration(['https://psa.example.com/*'])]);
    });

    it('a registration of hosted patterns only is removed', async () => {
      const b = setUp({ granted: MANIFEST_GRANTS, registered: [registration(['https://acme.halopsa.com/*'])] });
      await reconcileHaloOrigins(api, [HOSTED]);
      expect(b.unregister).toHaveBeenCalledExactlyOnceWith({ ids: [CUSTOM_HALO_SCRIPT_ID] });
      expect(b.scripts()).toEqual([]);
    });
  });
});
