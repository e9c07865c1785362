import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Undo vi.spyOn stubs (e.g. on fakeBrowser) after every test.
    restoreMocks: true,
  },
});
