import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.output/**', 'dist/**', 'test/e2e/**'],
    // Some tests spawn the CLI or scan megabytes; on a busy 2-core machine 5 s is too tight.
    testTimeout: 30_000,
  },
});
