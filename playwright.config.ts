import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

// One worker a core, two to four, each with its own Chromium and profile: most of a spec's time
// is spent waiting (for managed policy, for the service worker, for an editor library), so two
// halve the suite on a two-core machine and four quarter it on a machine with four. Nothing here
// times itself; what the specs share is built once, before any worker starts (global-setup.ts),
// and policy files are per extension id and process.
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  workers: Math.min(4, Math.max(2, availableParallelism())),
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: { trace: 'off', screenshot: 'off', video: 'off' },
});
