/**
 * `npm test`: every check, in three stages, each check's time printed at the end (and on the first failure).
 * Checks in one stage run side by side. Most end-to-end tests run alone: one worker keeps both cores busy (two
 * workers, or the unit tests beside them, made the whole no faster and the unit tests time out). The policy tests,
 * which mostly wait for Chromium's startup, run in stage 2 (docs/development.md, "Tests").
 */
import { spawn } from 'node:child_process';

type Check = {
  name: string;
  command: string[];
  /** Printed as it runs; the other checks' output is printed whole when each ends. */
  stream?: boolean;
};

const playwright = ['npx', 'playwright', 'test'];
/** Its tests mostly wait on Chromium's startup (each launches a browser with its own policy), so they share stage 2. */
const POLICY_SPEC = 'policy.spec.ts';
const STAGES: Check[][] = [
  // Checks and the builds need nothing from each other. `zip` builds both and packs the store zips (and the Firefox
  // sources zip), which the release tests check.
  [
    { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
    { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
    { name: 'build and zip (Chrome, Firefox)', command: ['npm', 'run', '--silent', 'zip'] },
  ],
  [
    // Vitest runs one file at a time here (cores − 1), so the sources zip's rebuild (`npm ci` and a build, no
    // browser; tagged @sources, with its own output folder) has the other core.
    { name: 'unit', command: ['npm', 'run', '--silent', 'test:unit'] },
    { name: 'web-ext lint', command: ['npm', 'run', '--silent', 'lint:firefox'] },
    { name: 'sources zip rebuilt', command: [...playwright, '--grep', '@sources', '--output', 'test-results/sources'] },
    { name: 'end to end: policy (Chromium)', command: [...playwright, POLICY_SPEC, '--output', 'test-results/policy'] },
  ],
  [
    {
      name: 'end to end (Chromium, Firefox)',
      command: [...playwright, '--grep-invert', `@sources|${POLICY_SPEC.replaceAll('.', '\\.')}`],
      stream: true,
    },
  ],
];

const times: { name: string; seconds: number; ok: boolean }[] = [];
const running = new Set<ReturnType<typeof spawn>>();

function run({ name, command, stream }: Check): Promise<boolean> {
  const started = performance.now();
  const [program, ...args] = command;
  return new Promise((resolve) => {
    // Its own process group, so a failure elsewhere in the stage can stop it with everything it started.
    const child = spawn(program, args, { stdio: stream ? 'inherit' : 'pipe', detached: true });
    running.add(child);
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code, signal) => {
      running.delete(child);
      const ok = code === 0;
      times.push({ name: signal ? `${name} (stopped)` : name, seconds: (performance.now() - started) / 1000, ok });
      if (!stream) process.stdout.write(`\n── ${name} ──\n${Buffer.concat(output).toString()}`);
      if (!ok) stopAll();
      resolve(ok);
    });
  });
}

/** Stops every check still running: one failure fails `npm test`, and nobody should wait minutes to hear it. */
function stopAll(): void {
  for (const child of running) if (child.pid) process.kill(-child.pid, 'SIGTERM');
}

function report(total: number) {
  const width = Math.max(...times.map((t) => t.name.length));
  console.log('\nnpm test, times:');
  for (const { name, seconds, ok } of times)
    console.log(`  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s  ${ok ? 'ok' : 'FAILED'}`);
  console.log(`  ${'total (wall clock)'.padEnd(width)}  ${total.toFixed(1).padStart(6)} s`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });

const started = performance.now();
let ok = true;
for (const stage of STAGES) {
  ok = (await Promise.all(stage.map(run))).every(Boolean);
  if (!ok) break;
}
report((performance.now() - started) / 1000);
process.exit(ok ? 0 : 1);
