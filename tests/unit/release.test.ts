import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// One version everywhere: package.json (which WXT writes into both manifests and the zips' names) and the newest
// heading of CHANGELOG.md. The built manifests and the zips are checked end to end in tests/e2e/release.spec.ts.
const root = resolve(__dirname, '../..');
const packageVersion = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The changelog's release headings, newest first: `## 0.2.0 — 2026-12-01`. */
function changelogReleases(text: string): { version: string; date: string }[] {
  return [...text.matchAll(/^## (\S+) — (\S+)$/gm)].map(([, version, date]) => ({ version, date }));
}
const releases = changelogReleases(readFileSync(resolve(root, 'CHANGELOG.md'), 'utf8'));

const parts = (version: string) => version.split('.').map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
};

describe('release version', () => {
  it('package.json holds a plain x.y.z version (the manifest takes it as is)', () => {
    expect(packageVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("CHANGELOG.md's newest release is package.json's version", () => {
    expect(releases.length).toBeGreaterThan(0);
    expect(releases[0].version).toBe(packageVersion);
  });

  it('every changelog release has a version and a date, newest first, from 0.1.0 on', () => {
    for (const { version, date } of releases) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (let i = 1; i < releases.length; i++) {
      expect(
        newer(releases[i - 1].version, releases[i].version),
        `${releases[i - 1].version} after ${releases[i].version}`,
      ).toBe(true);
      expect(releases[i - 1].date >= releases[i].date).toBe(true);
    }
    expect(releases.at(-1)?.version).toBe('0.1.0');
  });
});
