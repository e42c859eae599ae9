import { defineConfig } from '@playwright/test';

// Extension tests share one machine's Chromium; they run one at a time to keep timings honest.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: { trace: 'off', screenshot: 'off', video: 'off' },
});
