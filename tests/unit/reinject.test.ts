import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { haloContentScriptFiles, injectIntoOpenTabs, injectIntoTabs } from '../../lib/reinject';
import { matchesPattern as matches } from './helpers/match-pattern';

type Api = Parameters<typeof injectIntoOpenTabs>[0];
type Manifest = ReturnType<typeof fakeBrowser.runtime.getManifest>;
type Tab = Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number];

const HALO_SCRIPT = {
  matches: ['https://*.halopsa.com/*', 'https://*.trial.usehalo.com/*'],
  exclude_matches: ['https://halopsa.com/*', 'https://www.halopsa.com/*'],
  js: ['content-scripts/halo.js'],
  run_at: 'document_idle',
};

const TABS: Tab[] = [
  { id: 1, url: 'https://acme.halopsa.com/ticket?id=1' },
  { id: 2, url: 'https://halopsa.com/' },
  { id: 3, url: 'https://www.halopsa.com/docs' },
  { id: 4, url: 'https://evil.test/halopsa.com' },
  { id: 5, url: 'https://beta.halopsa.com/tickets?id=9', discarded: true },
  { id: 6, url: 'https://gamma.halopsa.com/ticket?id=2' }, // scripting fails here
  { url: 'https://noid.halopsa.com/' },
  { id: 7, url: 'https://delta.trial.usehalo.com/tickets?id=5' },
].map((tab, index) => ({ index, highlighted: false, active: false, pinned: false, incognito: false, ...tab }) as Tab);

function setUp(contentScripts: unknown[] | undefined) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'test',
    version: '1.0.0',
    content_scripts: contentScripts,
  } as Manifest);
  const query = vi
    .spyOn(fakeBrowser.tabs, 'query')
    .mockImplementation(async (info) =>
      TABS.filter((tab) => [info.url ?? []].flat().some((p) => matches(p, tab.url!))),
    );
  const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) => {
    if ('tabId' in injection.target && injection.target.tabId === 6)
      throw new Error('Cannot access contents of the page');
    return [];
  });
  return { query, executeScript };
}

function injectedTabIds(executeScript: ReturnType<typeof setUp>['executeScript']) {
  return executeScript.mock.calls.map(([injection]) => injection.target.tabId);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('injectIntoOpenTabs', () => {
  it('the test matcher follows Chrome (sanity)', () => {
    expect(matches('https://*.halopsa.com/*', 'https://halopsa.com/')).toBe(true);
    expect(matches('https://*.halopsa.com/*', 'https://a.b.halopsa.com/x?y')).toBe(true);
    expect(matches('https://*.halopsa.com/*', 'https://evilhalopsa.com/')).toBe(false);
    expect(matches('https://*.halopsa.com/*', 'http://acme.halopsa.com/')).toBe(false);
    expect(matches('https://psa.example.com/*', 'https://psa.example.com:8443/ticket?id=1')).toBe(true);
    expect(matches('https://psa.example.com/*', 'https://psa.example.com.evil.test/')).toBe(false);
  });

  it('runs the script in matching, non-excluded, non-discarded tabs and counts successes', async () => {
    const { query, executeScript } = setUp([HALO_SCRIPT]);
    await expect(injectIntoOpenTabs(fakeBrowser as unknown as Api)).resolves.toBe(2);
    expect(query).toHaveBeenCalledWith({ url: HALO_SCRIPT.matches });
    expect(query).toHaveBeenCalledWith({ url: HALO_SCRIPT.exclude_matches });
    // Tab 6 failed, and tab 7 after it still got the script.
    expect(injectedTabIds(executeScript)).toEqual([1, 6, 7]);
    for (const [injection] of executeScript.mock.calls)
      expect(injection).toEqual({ target: { tabId: expect.any(Number) }, files: ['content-scripts/halo.js'] });
  });

  it('with no exclude_matches, injects into the bare and www sites too', async () => {
    const { query, executeScript } = setUp([{ ...HALO_SCRIPT, exclude_matches: undefined }]);
    await expect(injectIntoOpenTabs(fakeBrowser as unknown as Api)).resolves.toBe(4);
    expect(query).toHaveBeenCalledTimes(1);
    expect(injectedTabIds(executeScript)).toEqual([1, 2, 3, 6, 7]);
  });

  it('handles every content script and sums the count', async () => {
    const other = { matches: ['https://evil.test/*'], js: ['content-scripts/other.js', 'content-scripts/other2.js'] };
    const { executeScript } = setUp([HALO_SCRIPT, other]);
    await expect(injectIntoOpenTabs(fakeBrowser as unknown as Api)).resolves.toBe(3);
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: 4 }, files: other.js });
  });

  it.each([
    ['no content scripts', undefined],
    ['an empty list', []],
    ['a script without js', [{ ...HALO_SCRIPT, js: [] }]],
    ['a css-only script', [{ matches: HALO_SCRIPT.matches, css: ['x.css'] }]],
    ['a script without matches', [{ ...HALO_SCRIPT, matches: [] }]],
  ])('does nothing for %s', async (_, scripts) => {
    const { query, executeScript } = setUp(scripts);
    await expect(injectIntoOpenTabs(fakeBrowser as unknown as Api)).resolves.toBe(0);
    expect(query).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('injectIntoTabs', () => {
  const FILES = ['content-scripts/halo.js'];

  it.each([
    ['no matches', [], FILES],
    ['no files', ['https://*.halopsa.com/*'], []],
    ['neither', [], []],
  ])('with %s: queries no tabs, injects nothing, returns 0', async (_, matchList, files) => {
    const { query, executeScript } = setUp([HALO_SCRIPT]);
    await expect(
      injectIntoTabs(fakeBrowser as unknown as Api, matchList, ['https://halopsa.com/*'], files),
    ).resolves.toBe(0);
    expect(query).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('runs the given files in the tabs the given patterns match, skipping excluded and discarded tabs', async () => {
    const { query, executeScript } = setUp([]);
    const files = ['content-scripts/a.js', 'content-scripts/b.js'];
    await expect(
      injectIntoTabs(
        fakeBrowser as unknown as Api,
        ['https://*.halopsa.com/*'],
        ['https://halopsa.com/*', 'https://www.halopsa.com/*'],
        files,
      ),
    ).resolves.toBe(1);
    expect(query).toHaveBeenCalledTimes(2);
    expect(injectedTabIds(executeScript)).toEqual([1, 6]);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 1 }, files });
  });

  it('with no exclusions queries once and does not read the manifest', async () => {
    const { query, executeScript } = setUp(undefined);
    const getManifest = vi.mocked(fakeBrowser.runtime.getManifest);
    await expect(
      injectIntoTabs(fakeBrowser as unknown as Api, ['https://*.trial.usehalo.com/*'], [], FILES),
    ).resolves.toBe(1);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledWith({ url: ['https://*.trial.usehalo.com/*'] });
    expect(injectedTabIds(executeScript)).toEqual([7]);
    expect(getManifest).not.toHaveBeenCalled();
  });

  it('returns 0 when no open tab matches', async () => {
    const { executeScript } = setUp([]);
    await expect(injectIntoTabs(fakeBrowser as unknown as Api, ['https://psa.example.com/*'], [], FILES)).resolves.toBe(
      0,
    );
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('haloContentScriptFiles', () => {
  it.each([
    ['the manifest content script', [HALO_SCRIPT], ['content-scripts/halo.js']],
    [
      'the first script that has js',
      [{ matches: ['https://x.test/*'], css: ['a.css'] }, { ...HALO_SCRIPT, js: ['c.js', 'd.js'] }, HALO_SCRIPT],
      ['c.js', 'd.js'],
    ],
    ['nothing without content scripts', undefined, []],
    [
      'nothing when no script has js',
      [
        { ...HALO_SCRIPT, js: [] },
        { matches: ['https://x.test/*'], css: ['a.css'] },
      ],
      [],
    ],
  ])('returns %s', (_, scripts, expected) => {
    setUp(scripts);
    expect(haloContentScriptFiles(fakeBrowser as unknown as Api)).toEqual(expected);
  });
});
