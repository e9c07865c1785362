import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Worker threads, each file still isolated: 60 s instead of 74 s over child processes here.
    pool: 'threads',
    // Undo vi.spyOn stubs (e.g. on fakeBrowser) after every test.
    restoreMocks: true,
  },
});
