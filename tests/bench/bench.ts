// `npm run bench`: how long after a ticket is opened (or switched to) the Technician Tools request reaches
// ImmyBot, for the built extension and for a baseline content script (tests/bench/baseline/) that does the
// least an honest extension can, in one run, sample by sample.
//
// It relies on two things only, so it survives changes to the extension's DOM: the ImmyBot stand-in seeing the
// request for `/ticket/<id>` (`sandbox.immybot.nextRequest`), and a frame in `page.frames()` whose URL ends with
// `/ticket/<id>` reaching `readyState === 'complete'`.
//
// BENCH_ROUNDS (default 30) samples per measure and side, after WARMUP rounds that are thrown away.
// BENCH_EXTENSION / BENCH_BASELINE point either side at another unpacked extension (to compare baseline variants).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../sandbox/chromium';
import { configureThroughOptions } from '../sandbox/configure';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP = 3;
// After a side settles, before the other side is timed: lets its browser finish what follows a load (GC, teardown).
const QUIET_MS = Number(process.env.BENCH_QUIET_MS ?? 100);
const EXTENSION_DIR = resolve(process.env.BENCH_EXTENSION ?? '.output/chrome-mv3');
const BASELINE_DIR = resolve(process.env.BENCH_BASELINE ?? 'tests/bench/baseline');

type Measure = 'firstLoad' | 'settledSwitch' | 'midLoadSwitch';
const MEASURES: { key: Measure; label: string; target: number }[] = [
  // Targets: extension median / baseline median, same run.
  { key: 'firstLoad', label: 'first load', target: 1.05 },
  { key: 'settledSwitch', label: 'settled switch', target: 0.7 },
  { key: 'midLoadSwitch', label: 'mid-load switch', target: 1.15 },
];

interface Side {
  name: string;
  page: Page;
  context: BrowserContext;
  samples: Record<Measure, number[]>;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => quantile(sorted(xs), 0.5);
/** Linear-interpolated quantile of an already sorted array. */
function quantile(s: number[], q: number): number {
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}

/**
 * Spread: a paired bootstrap 90% interval of the ratio of medians. Sample i of both sides was taken back to back
 * (so it shares the machine's momentary load); resampling pairs, 2,000 times, and taking the 5th and 95th
 * percentiles of median(ext*)/median(base*) says how far the ratio would move in another run of the same
 * length. A seeded generator keeps the interval reproducible for the same samples.
 */
function bootstrapRatio(ext: number[], base: number[], resamples = 2000): [number, number] {
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const ratios: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const e: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < ext.length; i++) {
      const j = Math.floor(random() * ext.length);
      e.push(ext[j]);
      b.push(base[j]);
    }
    ratios.push(median(e) / median(b));
  }
  const s = sorted(ratios);
  return [quantile(s, 0.05), quantile(s, 0.95)];
}

/** Milliseconds from the start of `act` until ImmyBot receives the Technician Tools request for `faultId`. */
async function timeUntilPodRequest(sandbox: Sandbox, faultId: number, act: () => Promise<unknown>): Promise<number> {
  const arrived = sandbox.immybot.nextRequest((r) => r.path.endsWith(`/ticket/${faultId}`));
  const start = performance.now();
  await act();
  try {
    return (await arrived).at - start;
  } catch (error) {
    throw new Error(`ticket ${faultId}: ${(error as Error).message}`);
  }
}

/** Until the ticket's frame has loaded and the page's main thread is idle: nothing of this side runs on. */
async function settle(page: Page, faultId: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const frame = page.frames().find((f) => f.url().endsWith(`/ticket/${faultId}`));
    if (frame && (await frame.evaluate(() => document.readyState).catch(() => '')) === 'complete') {
      await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 500 })));
      await page.waitForTimeout(QUIET_MS);
      return;
    }
    await page.waitForTimeout(10);
  }
  throw new Error(`The frame for ticket ${faultId} never loaded`);
}

const spaSwitch = (page: Page, faultId: number) =>
  page.evaluate(
    (id) => (window as unknown as { haloNavigate(href: string): void }).haloNavigate(`/ticket?id=${id}`),
    faultId,
  );

async function main(): Promise<void> {
  const sandbox = await startSandbox();
  const open = async (name: string, dir: string): Promise<Side> => {
    const context = await launchWithExtension(dir, sandbox);
    const page = context.pages()[0] ?? (await context.newPage());
    return { name, context, page, samples: { firstLoad: [], settledSwitch: [], midLoadSwitch: [] } };
  };
  const extension = await open('extension', EXTENSION_DIR);
  if (hasOptionsPage(EXTENSION_DIR)) await configureThroughOptions(extension.context, 'acme', 619);
  const baseline = await open('baseline', BASELINE_DIR);

  let faultId = 10_000;
  // Every sample is a pair taken back to back, the other side idle meanwhile; which side goes first alternates
  // from round to round, so a drift in the machine's load hits both sides alike. Each side settles (frame loaded,
  // page idle) before the other side's sample starts, so neither is timed while the other still works.
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const order = round % 2 ? [baseline, extension] : [extension, baseline];
    const keep = (side: Side, measure: Measure, ms: number) => round >= WARMUP && side.samples[measure].push(ms);

    for (const side of order) {
      const id = ++faultId;
      const ms = await timeUntilPodRequest(sandbox, id, () =>
        side.page.goto(`https://acme.halopsa.com/ticket?id=${id}`, { waitUntil: 'commit' }),
      );
      keep(side, 'firstLoad', ms);
      await settle(side.page, id);
    }
    // From a ticket whose frame is fully loaded.
    for (const side of order) {
      const id = ++faultId;
      keep(side, 'settledSwitch', await timeUntilPodRequest(sandbox, id, () => spaSwitch(side.page, id)));
      await settle(side.page, id);
    }
    // Switch, and as soon as that ticket's request is out (its frame still loading), switch again: time the second.
    for (const side of order) {
      const previous = ++faultId;
      await timeUntilPodRequest(sandbox, previous, () => spaSwitch(side.page, previous));
      const id = ++faultId;
      keep(side, 'midLoadSwitch', await timeUntilPodRequest(sandbox, id, () => spaSwitch(side.page, id)));
      await settle(side.page, id);
    }
  }

  console.log(
    `Time until the Technician Tools request reaches ImmyBot: medians of ${ROUNDS} paired samples per measure ` +
      `(after ${WARMUP} warm-up rounds); ratio = extension/baseline, 90% = paired bootstrap interval of the ratio.`,
  );
  for (const { key, label, target } of MEASURES) {
    const ext = extension.samples[key];
    const base = baseline.samples[key];
    const ratio = median(ext) / median(base);
    const [lo, hi] = bootstrapRatio(ext, base);
    // Met or missed by the ratio itself; "unsure" when the 90% interval straddles the target.
    const verdict = (ratio <= target ? 'met' : 'MISSED') + (lo <= target && target < hi ? ' (unsure)' : '');
    console.log(
      `${label.padEnd(16)} extension ${median(ext).toFixed(1).padStart(6)} ms   baseline ${median(base).toFixed(1).padStart(6)} ms   ` +
        `ratio ${ratio.toFixed(2)} (90% ${lo.toFixed(2)}–${hi.toFixed(2)})   target ≤ ${target.toFixed(2)} ${verdict}`,
    );
  }

  printSizes(EXTENSION_DIR);
  await Promise.all([extension.context.close(), baseline.context.close()]);
  await sandbox.close();
}

function hasOptionsPage(dir: string): boolean {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return !!(manifest.options_ui ?? manifest.options_page);
}

/**
 * Sizes, raw and gzip -9: every content script in the manifest; any other script the content scripts or the
 * background name by path (today pane-ui.js, injected on demand); every web-accessible page's scripts with the
 * chunks they import.
 */
function printSizes(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const read = (file: string) => readFileSync(join(dir, file));
  const size = (files: string[]) => {
    const bytes = Buffer.concat(files.map(read));
    return `${bytes.length} bytes raw, ${gzipSync(bytes, { level: 9 }).length} bytes gzip -9`;
  };
  const contentScripts: string[] = (manifest.content_scripts ?? []).flatMap((s: { js?: string[] }) => s.js ?? []);
  const background: string | undefined = manifest.background?.service_worker;
  const known = new Set([...contentScripts, background].filter(Boolean) as string[]);
  const loaded = new Set<string>();
  for (const file of known) {
    for (const [, path] of read(file)
      .toString()
      .matchAll(/["'`]\/?([\w./-]+\.js)["'`]/g)) {
      if (!known.has(path) && !path.startsWith('chunks/') && existsSync(join(dir, path))) loaded.add(path);
    }
  }
  for (const file of contentScripts) console.log(`content script ${file}: ${size([file])}`);
  for (const file of loaded) console.log(`loaded by the extension ${file}: ${size([file])}`);

  const pages = (manifest.web_accessible_resources ?? [])
    .flatMap((entry: { resources?: string[] }) => entry.resources ?? [])
    .flatMap((pattern: string) => (pattern.includes('*') ? matching(dir, pattern) : [pattern]))
    .filter((file: string) => file.endsWith('.html') && existsSync(join(dir, file)));
  for (const page of pages) {
    const html = read(page).toString();
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="\/?([^"]+)"/g)].map((m) => m[1]);
    for (const script of scripts) {
      const withImports = importsOf(dir, script);
      console.log(
        `web-accessible ${page} script ${script}: ${size([script])}` +
          (withImports.length > 1 ? `; with ${withImports.length - 1} imported chunks ${size(withImports)}` : ''),
      );
    }
  }
}

/** A script and every module it statically imports, transitively (relative to the extension's root). */
function importsOf(dir: string, script: string, seen = new Set<string>()): string[] {
  if (seen.has(script) || !existsSync(join(dir, script))) return [...seen];
  seen.add(script);
  const code = readFileSync(join(dir, script), 'utf8');
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    const target = spec.startsWith('/') ? spec.slice(1) : join(script, '..', spec);
    importsOf(dir, target, seen);
  }
  return [...seen];
}

/** Files matching a web_accessible_resources pattern with `*` (anywhere in the path). */
function matching(dir: string, pattern: string): string[] {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => re.test(file));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
