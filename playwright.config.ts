import { defineConfig } from '@playwright/test';

/** Tests that measure time (a page's longest stall, a switch's deadline): they run last, with nothing beside them. */
const ALONE = /@alone/;

// Two workers: each test starts its own browser profile and waits on the network and the page most of the time, so two
// side by side fit two cores. A file stays in one worker; E2E_WORKERS=1 runs them one at a time. Beside another
// browser a scenario runs up to twice as long, hence the generous test timeout (it bounds a hang, not a speed).
export default defineConfig({
  testDir: 'tests/e2e',
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'side by side', grepInvert: ALONE },
    { name: 'alone', grep: ALONE, workers: 1, dependencies: ['side by side'] },
  ],
});
