import { defineConfig } from '@playwright/test';

// Two workers: each test starts its own browser profile and waits on the network and the page most of the time, so two
// side by side fit two cores. A file stays in one worker; E2E_WORKERS=1 runs them one at a time.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
