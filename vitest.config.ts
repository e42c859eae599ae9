import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.output/**', 'dist/**', 'test/e2e/**'],
    // Some tests spawn the CLI or scan megabytes; on a busy 2-core machine 5 s is too tight.
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: ONE on a 2-core CI machine, where the
    // suite then ran file after file. Many files wait on child processes (the CLIs) or on
    // PostgreSQL, so two workers use the machine better. Each test run makes its own database,
    // schema or folder, so files never share state.
    maxWorkers: 2,
  },
});
