/**
 * `npm test`: every check, in stages, each stage's time printed at the end (and on the first failure).
 * Stages in one group run side by side: they share no output and the machine has cores to spare for them.
 */
import { spawn } from 'node:child_process';

type Stage = { name: string; script: string };
const GROUPS: Stage[][] = [
  // Checks and the builds need nothing from each other. `zip` builds both and packs the store zips (and the Firefox
  // sources zip), which tests/e2e/release.spec.ts checks.
  [
    { name: 'lint', script: 'lint' },
    { name: 'typecheck', script: 'typecheck' },
    { name: 'build and zip (Chrome, Firefox)', script: 'zip' },
  ],
  [
    { name: 'unit', script: 'test:unit' },
    { name: 'web-ext lint', script: 'lint:firefox' },
  ],
  [{ name: 'end to end (Chromium, Firefox)', script: 'test:e2e' }],
];

const times: { name: string; seconds: number; ok: boolean }[] = [];

/** Runs one package script; beside others, its output is held and printed whole when it ends. */
function run({ name, script }: Stage, alone: boolean): Promise<boolean> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: alone ? 'inherit' : 'pipe' });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      const ok = code === 0;
      times.push({ name, seconds: (performance.now() - started) / 1000, ok });
      if (!alone) process.stdout.write(`\n── ${name} ──\n${Buffer.concat(output).toString()}`);
      resolve(ok);
    });
  });
}

function report(total: number) {
  const width = Math.max(...times.map((t) => t.name.length));
  console.log('\nnpm test, stage times:');
  for (const { name, seconds, ok } of times)
    console.log(`  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s  ${ok ? 'ok' : 'FAILED'}`);
  console.log(`  ${'total (wall clock)'.padEnd(width)}  ${total.toFixed(1).padStart(6)} s`);
}

const started = performance.now();
let ok = true;
for (const group of GROUPS) {
  ok = (await Promise.all(group.map((stage) => run(stage, group.length === 1)))).every(Boolean);
  if (!ok) break;
}
report((performance.now() - started) / 1000);
process.exit(ok ? 0 : 1);
