// `npm test`: every test. Unit and integration tests (vitest), then the extension build and the
// end-to-end tests in Debian's Chromium (Playwright). Chromium missing is a failure, never a skip.
// Ends with one summary line, `tests: N passed, N failed, N skipped`, and a non-zero exit on any
// failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const chromium = process.env.HUSH_CHROMIUM ?? '/usr/bin/chromium';
const tmp = join(process.cwd(), '.tmp');
mkdirSync(tmp, { recursive: true });

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = [];

if (!existsSync(chromium)) {
  console.error(
    `\nFAIL: Chromium is missing (${chromium}). The end-to-end tests need Debian's chromium:\n` +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or set HUSH_CHROMIUM to a Chromium binary. Tests are not skipped for a missing browser.',
  );
  broken.push('chromium missing');
}

// 1. Unit and integration tests.
const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
const unitStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const unit = readJson(vitestJson);
/** Unit tests that failed, named again at the end: Playwright's output would bury them. */
const unitFailures = [];
if (unit) {
  for (const file of unit.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed'))
      unitFailures.push(
        `  ${file.name.replace(process.cwd() + '/', '')}\n    ${file.message ?? ''}`,
      );
    for (const t of tests)
      if (t.status === 'failed')
        unitFailures.push(
          `  ${file.name.replace(process.cwd() + '/', '')} > ${t.fullName}\n` +
            `    ${String(t.failureMessages?.[0] ?? '')
              .split('\n')[0]
              .slice(0, 300)}`,
        );
  }
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
if (unitStatus !== 0 || !unit) broken.push('unit tests');

// 2. Build the extension, then the end-to-end tests against it.
if (existsSync(chromium)) {
  if (run('npx', ['wxt', 'build']) !== 0) {
    broken.push('extension build');
  } else if (run('npx', ['vite', 'build', '--config', 'server/dashboard/vite.config.ts']) !== 0) {
    // test/e2e/dashboard.spec.ts drives the built dashboard.
    broken.push('dashboard build');
  } else {
    const e2eJson = join(tmp, 'playwright.json');
    rmSync(e2eJson, { force: true });
    const e2eStatus = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
    const e2e = readJson(e2eJson);
    if (e2e?.stats) {
      totals.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
      totals.failed += e2e.stats.unexpected;
      totals.skipped += e2e.stats.skipped;
    }
    if (e2eStatus !== 0 || !e2e) broken.push('end-to-end tests');
  }
}

if (totals.skipped > 0)
  broken.push(`${totals.skipped} skipped test(s): a skipped test is not a pass`);
console.log('');
if (unitFailures.length) console.log(`Unit tests that failed:\n${unitFailures.join('\n')}`);
if (broken.length) console.log(`FAILED: ${broken.join('; ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken.length ? 1 : 0);
