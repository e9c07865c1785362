import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './fixtures';

/** Everything that runs on every HaloPSA page must stay small: parsed and run on each page load. */
const BUDGET_GZIP_BYTES = 15 * 1024;

test('the content script, everything that runs on every HaloPSA page, is at most 15 KB gzipped', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const files: string[] = manifest.content_scripts.flatMap((script: { js?: string[]; css?: string[] }) => [...(script.js ?? []), ...(script.css ?? [])]);
  expect(files.length).toBeGreaterThan(0);
  // Every file the manifest injects, plus anything else built for content scripts (e.g. registered ones).
  const built = readdirSync(join(EXTENSION_DIR, 'content-scripts')).map((name) => `content-scripts/${name}`);
  const all = [...new Set([...files, ...built])];
  const gzipped = all.reduce((sum, file) => sum + gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length, 0);
  console.log(`content scripts: ${all.join(', ')} = ${gzipped} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`);
  expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});
