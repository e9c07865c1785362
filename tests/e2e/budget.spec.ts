import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './fixtures';

/** Everything that runs on every HaloPSA page must stay small: parsed and run on each page load. */
const BUDGET_GZIP_BYTES = 10 * 1024;
/** The pane's controls (Preact), injected only into tabs that show a pane or a prompt. */
const PANE_UI_BUDGET_GZIP_BYTES = 10 * 1024;

const gzipped = (file: string) => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length;

test('the content script, everything that runs on every HaloPSA page, is at most 10 KB gzipped', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const files: string[] = manifest.content_scripts.flatMap((script: { js?: string[]; css?: string[] }) => [
    ...(script.js ?? []),
    ...(script.css ?? []),
  ]);
  expect(files.length).toBeGreaterThan(0);
  // Every file the manifest injects, plus anything else built for content scripts (e.g. registered ones).
  const built = readdirSync(join(EXTENSION_DIR, 'content-scripts')).map((name) => `content-scripts/${name}`);
  const all = [...new Set([...files, ...built])];
  const total = all.reduce((sum, file) => sum + gzipped(file), 0);
  console.log(`content scripts: ${all.join(', ')} = ${total} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`);
  expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});

test('the pane controls, loaded only where a pane or prompt shows, are at most 10 KB gzipped', () => {
  const size = gzipped('pane-ui.js');
  console.log(`pane-ui.js = ${size} bytes gzipped (budget ${PANE_UI_BUDGET_GZIP_BYTES})`);
  expect(size).toBeLessThanOrEqual(PANE_UI_BUDGET_GZIP_BYTES);
});
