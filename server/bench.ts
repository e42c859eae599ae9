/**
 * Ingest benchmark: incident records a second through the full app (validation, auth, rate limit,
 * one INSERT a batch) on the embedded SQLite file and on PostgreSQL, batches of 1,000 as the
 * extension sends them. Prints figures; asserts nothing (speed targets live here, not in tests).
 *
 *   npx tsx server/bench.ts [batches] [concurrency]    (defaults: 30 batches, 4 in flight)
 *     --summary-rows=N   incidents behind the summary benchmark (default 10,000,000; built once,
 *                        then cached: see bench-summary.ts)
 *     --no-ingest, --no-summary   skip one part
 */
import { randomUUID } from 'node:crypto';
import { cpuUsage } from 'node:process';
import { createTenant } from './admin.ts';
import { createApp } from './app.ts';
import { silentLogger } from './log.ts';
import { benchSummary } from './bench-summary.ts';
import { BACKENDS } from './test-util.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const batches = Number(args[0] ?? 30);
/** Batches in flight at once, as many devices send together (PostgreSQL's pool has 10). */
const concurrency = Number(args[1] ?? 4);
const summaryRows = Number(
  flags.find((f) => f.startsWith('--summary-rows='))?.split('=')[1] ?? 10_000_000,
);
for (const f of flags) {
  if (!/^--(no-ingest|no-summary|summary-rows=\d+)$/.test(f)) {
    console.error(`unknown option ${f} (use --summary-rows=N, --no-ingest, --no-summary)`);
    process.exit(2);
  }
}
const PAGE_CLASSES = ['unapproved-ai', 'approved-ai', 'support-tool'] as const;
const CHANNELS = ['paste', 'send', 'upload', 'typing'] as const;

function records(n: number, minute: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    time: minute,
    siteId: 'chatgpt',
    host: 'chatgpt.com',
    pageClass: PAGE_CLASSES[i % 3]!,
    channel: CHANNELS[i % 4]!,
    action: 'mask',
    outcome: 'masked',
    counts: { EMAIL: 1 + (i % 3), PHONE: i % 2 },
    policyVersion: 7,
    extensionVersion: '0.1.0',
    user: `u_benchUser${String(i % 500).padStart(6, '0')}`,
    team: `Team ${i % 12}`,
  }));
}

for (const backend of flags.includes('--no-ingest') ? [] : BACKENDS) {
  const t = await backend.open();
  try {
    const tenant = await createTenant(t.db, { name: 'Bench' });
    const app = createApp({ db: t.db, log: silentLogger, now: Date.now, rateLimitPerMinute: 1e9 });
    const res = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        extensionVersion: '0.1.0',
        browser: 'chrome',
      }),
    });
    const { credential } = (await res.json()) as { credential: string };
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const bodies = Array.from({ length: batches + 3 }, () =>
      JSON.stringify({ records: records(1000, minute) }),
    );
    const post = async (body: string) => {
      const r = await app.request('/api/v1/incidents', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
        body,
      });
      if (r.status !== 200) throw new Error(`status ${r.status}: ${await r.text()}`);
    };
    for (const body of bodies.slice(0, 3)) await post(body); // warm-up
    const cpu0 = cpuUsage();
    const t0 = performance.now();
    const queue = bodies.slice(3);
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let body = queue.shift(); body; body = queue.shift()) await post(body);
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuUsage(cpu0);
    const n = batches * 1000;
    console.log(
      `${backend.name.padEnd(8)} ingest (${concurrency} in flight): ${n} records in ${wall.toFixed(2)} s wall = ` +
        `${Math.round(n / wall).toLocaleString('en')} records/s ` +
        `(server-process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s = ` +
        `${Math.round(n / ((cpu.user + cpu.system) / 1e6)).toLocaleString('en')} records per CPU-second)`,
    );
  } finally {
    await t.drop();
  }
}

if (!flags.includes('--no-summary')) await benchSummary(summaryRows);
