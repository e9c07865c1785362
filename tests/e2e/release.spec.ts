import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { readZip } from './unzip';

/*
 * What the stores get. `npm test` runs `npm run zip` (both builds and their zips) before the end-to-end tests; to run
 * this file alone: `npm run zip && npx playwright test release`.
 */

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zipPath = (kind: 'chrome' | 'firefox' | 'sources') =>
  resolve('.output', `${pkg.name}-${pkg.version}-${kind}.zip`);
const readZipOrSay = (kind: 'chrome' | 'firefox' | 'sources') => {
  try {
    return readZip(zipPath(kind));
  } catch (error) {
    throw new Error(`Cannot read ${zipPath(kind)}: run \`npm run zip\` first (npm test does). ${error}`);
  }
};
const manifestIn = (files: Map<string, Buffer>) => JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');

test('one version: package.json, the newest CHANGELOG.md release, both built manifests and the zips', () => {
  const newest = readFileSync('CHANGELOG.md', 'utf8').match(/^## (\S+) — \S+$/m)?.[1];
  expect(newest, "CHANGELOG.md's newest release").toBe(pkg.version);
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const manifest = JSON.parse(readFileSync(resolve('.output', target, 'manifest.json'), 'utf8'));
    expect(manifest.version, `.output/${target}/manifest.json`).toBe(pkg.version);
  }
  // The zips carry the version in their names (WXT's default template) and in the manifest inside.
  expect(manifestIn(readZipOrSay('chrome')).version).toBe(pkg.version);
  expect(manifestIn(readZipOrSay('firefox')).version).toBe(pkg.version);
  expect(readZipOrSay('sources').has('package.json')).toBe(true);
});

test('docs/store-listing.md justifies every permission and host permission of both builds, and no other', () => {
  const inManifests = new Set<string>();
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const m = JSON.parse(readFileSync(resolve('.output', target, 'manifest.json'), 'utf8'));
    for (const field of ['permissions', 'host_permissions', 'optional_permissions', 'optional_host_permissions'])
      for (const permission of m[field] ?? []) inManifests.add(permission);
  }
  const section =
    readFileSync('docs/store-listing.md', 'utf8')
      .split(/^## Permissions$/m)[1]
      ?.split(/^## /m)[0] ?? '';
  const rows = [...section.matchAll(/^\| `([^`]+)`[^|]*\| (.+) \|$/gm)].map(([, permission, why]) => ({
    permission,
    why,
  }));
  expect(rows.map((row) => row.permission).sort()).toEqual([...inManifests].sort());
  for (const { permission, why } of rows) expect(why.trim().length, `the reason for ${permission}`).toBeGreaterThan(40);
});

/** Every file under `dir`, by its path relative to `dir` with forward slashes. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path, base) : [relative(base, path).split('\\').join('/')];
  });
}

/** The commands in SOURCE_CODE_REVIEW.md's Build section: what a reviewer types, and all this test runs. */
function reviewerSteps(text: string): string[] {
  const block = text.match(/^## Build\n[\s\S]*?```sh\n([\s\S]*?)```/m)?.[1];
  if (!block) throw new Error('SOURCE_CODE_REVIEW.md has no ```sh block under "## Build"');
  const steps = block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  // Only npm's own commands: this test runs them.
  for (const step of steps) if (!/^npm (ci|run [\w:-]+)$/.test(step)) throw new Error(`Unexpected build step: ${step}`);
  return steps;
}

/** Runs one step in `cwd` at low priority (the other Playwright worker drives a browser meanwhile). */
function run(step: string, cwd: string): Promise<{ code: number | null; output: string }> {
  // Nothing from this repository's own npm run may leak in: npm_config_* (npm's local prefix among them) would point the
  // nested npm at this checkout, and node_modules/.bin on PATH at this checkout's tools.
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/i.test(key) && key !== 'EXTENSION_KEY' && key !== 'ANALYZE' && key !== 'INIT_CWD') env[key] = value;
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.includes('node_modules'))
    .join(delimiter);
  // From the lockfile, from npm's cache where it can: no network beyond the npm registry.
  const args = [
    ...step.split(' ').slice(1),
    ...(step === 'npm ci' ? ['--prefer-offline', '--no-audit', '--no-fund'] : []),
  ];
  return new Promise((done) => {
    const child = spawn('nice', ['-n', '10', 'npm', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code, output }));
  });
}

// Tagged: `npm test` runs it beside the unit tests, before the browser tests (it needs no browser).
test('the Firefox sources zip, built with its own steps, gives the Firefox zip file for file, byte for byte', {
  tag: '@sources',
}, async () => {
  test.setTimeout(15 * 60_000);
  const sources = readZipOrSay('sources');
  const firefox = readZipOrSay('firefox');

  // What a reviewer gets: the build's inputs and the steps, not the tests, installed modules or earlier output.
  expect(sources.has('SOURCE_CODE_REVIEW.md')).toBe(true);
  expect(sources.has('package-lock.json')).toBe(true);
  const stray = [...sources.keys()].filter((path) =>
    /^(node_modules|\.output|\.wxt|tests|test-results|playwright-report|demo-screenshots|stats)\//.test(path),
  );
  expect(stray, 'nothing but sources in the sources zip').toEqual([]);

  const dir = mkdtempSync(join(tmpdir(), 'immybot-sources-'));
  try {
    for (const [path, content] of sources) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    for (const step of reviewerSteps(sources.get('SOURCE_CODE_REVIEW.md')?.toString('utf8') ?? '')) {
      const { code, output } = await run(step, dir);
      expect(code, `\`${step}\` in the unpacked sources:\n${output.slice(-4000)}`).toBe(0);
    }

    const built = join(dir, '.output', 'firefox-mv3');
    const rebuilt = listFiles(built).sort();
    expect(rebuilt, 'the same files').toEqual([...firefox.keys()].sort());
    const differing = rebuilt.filter((path) => !readFileSync(join(built, path)).equals(firefox.get(path) as Buffer));
    expect(differing, 'files whose bytes differ from the Firefox zip').toEqual([]);
    test.info().annotations.push({
      type: 'compared',
      description: `${rebuilt.length} files of ${zipPath('firefox')}, each identical`,
    });
    console.log(`Sources zip rebuilt: ${rebuilt.length} files compared with the Firefox zip, all identical.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
