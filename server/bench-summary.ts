/**
 * Dashboard summary benchmark (issue 5: "the dashboard summary query time over 10 million
 * incidents, target p95 under 100 ms, through rollups"), on SQLite and PostgreSQL.
 *
 * The incidents (default 10 million: 180 days, 500 pseudonyms in 12 teams, synthetic values
 * only) are generated inside the database with one INSERT ... SELECT (a recursive CTE on SQLite,
 * generate_series on PostgreSQL), then rolled up day by day with the same `rollupDay` the job
 * uses. Building takes minutes, so the result is kept: SQLite in `.data/bench/`, PostgreSQL in a
 * schema `hush_bench_summary_<rows>` of the test database; later runs reuse it (delete the file
 * or drop the schema to rebuild). Each query is then timed over many runs and p50/p95 printed.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cpuUsage } from 'node:process';
import pg from 'pg';
import { sql } from 'kysely';
import { migrate, openDb, type Db } from './db/index.ts';
import { byPerson, byTeam, overview, rollupDay, type Viewer } from './summary.ts';
import { PG_URL } from './test-util.ts';
import { createApp } from './app.ts';
import { silentLogger } from './log.ts';
import { testSession } from './test-data.ts';

const TENANT = 'bench-summary-tenant';
const DAYS = 180;
const START_S = Date.UTC(2026, 4, 1) / 1000; // 2026-05-01, so the cache does not age
const PERIOD = { from: '2026-09-28', to: '2026-10-27' }; // the last 30 days of the data
const LONG = { from: '2026-05-01', to: '2026-10-27' }; // all 180 days
const MARKER = 'bench-complete';

/** The generated columns, as SQL over a row number `i` (dialect-neutral except the time). */
function columns(time: string, id: string, hex: (e: string) => string) {
  const user = `(i * 7) % 500`;
  return `'${TENANT}', ${id}, 'bench-device', ${time},
    CASE i % 6 WHEN 0 THEN 'chatgpt' WHEN 1 THEN 'claude' WHEN 2 THEN 'gemini' WHEN 3 THEN 'copilot' WHEN 4 THEN 'perplexity' ELSE NULL END,
    CASE i % 6 WHEN 0 THEN 'chatgpt.com' WHEN 1 THEN 'claude.ai' WHEN 2 THEN 'gemini.google.com' WHEN 3 THEN 'copilot.microsoft.com' WHEN 4 THEN 'www.perplexity.ai' ELSE 'ai.example.com' END,
    'unapproved-ai',
    CASE i % 4 WHEN 0 THEN 'paste' WHEN 1 THEN 'send' WHEN 2 THEN 'typing' ELSE 'upload' END,
    CASE (i / 3) % 3 WHEN 0 THEN 'mask' WHEN 1 THEN 'block' ELSE 'warn' END,
    CASE (i / 3) % 3 WHEN 0 THEN 'masked' WHEN 1 THEN 'blocked' ELSE 'overridden' END,
    CASE i % 5 WHEN 0 THEN '{"EMAIL":1}' WHEN 1 THEN '{"EMAIL":2,"PHONE":1}' WHEN 2 THEN '{"CREDIT_CARD":1}' WHEN 3 THEN '{"IBAN":1,"PERSON":2}' ELSE '{"PHONE":1}' END,
    CASE i % 5 WHEN 0 THEN 1 WHEN 1 THEN 3 WHEN 2 THEN 1 WHEN 3 THEN 3 ELSE 1 END,
    7, '0.1.0', 'u_benchUser' || ${hex(user)}, 'Team ' || ((${user}) % 12), NULL, ${time}`;
}
const COLS = `(tenant_id, id, device_id, time, site_id, host, page_class, channel, action, outcome,
  counts, total, policy_version, extension_version, user_pseudonym, team, reason, received_at)`;

async function generate(db: Db, kind: 'sqlite' | 'postgres', rows: number): Promise<void> {
  const perDay = Math.ceil(rows / DAYS);
  const secs = `(${START_S} + (i / ${perDay}) * 86400 + ((i * 7919) % 86400))`;
  await db
    .insertInto('tenants')
    .values({
      id: TENANT,
      name: 'Bench',
      enrollment_token_hash: '0'.repeat(64),
      telemetry: 'counts',
      created_at: new Date(START_S * 1000).toISOString(),
      retention_days: 100_000,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  // In chunks of a million, so progress shows and no single statement holds everything.
  const chunk = 1_000_000;
  for (let lo = 0; lo < rows; lo += chunk) {
    const hi = Math.min(rows, lo + chunk) - 1;
    if (kind === 'sqlite') {
      const time = `strftime('%Y-%m-%dT%H:%M:00.000Z', ${secs}, 'unixepoch')`;
      const id = `printf('00000000-0000-4000-8000-%012x', i)`;
      await sql
        .raw(
          `WITH RECURSIVE seq(i) AS (SELECT ${lo} UNION ALL SELECT i + 1 FROM seq WHERE i < ${hi})
           INSERT INTO incidents ${COLS} SELECT ${columns(time, id, (e) => `printf('%06d', ${e})`)} FROM seq`,
        )
        .execute(db);
    } else {
      const time = `to_char(to_timestamp(${secs}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:00.000"Z"')`;
      const id = `'00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0')`;
      await sql
        .raw(
          `INSERT INTO incidents ${COLS} SELECT ${columns(time, id, (e) => `lpad((${e})::text, 6, '0')`)}
           FROM generate_series(${lo}::bigint, ${hi}::bigint) AS i`,
        )
        .execute(db);
    }
    process.stdout.write(`  generated ${(hi + 1).toLocaleString('en')} incidents\r`);
  }
  process.stdout.write('\n');
}

async function isComplete(db: Db): Promise<boolean> {
  const r = await db
    .selectFrom('rollup_state')
    .select('position')
    .where('name', '=', MARKER)
    .executeTakeFirst();
  return r !== undefined;
}

async function build(db: Db, kind: 'sqlite' | 'postgres', rows: number) {
  let t0 = performance.now();
  // Loading is much faster without the secondary indexes; they are rebuilt (sorted) afterwards.
  const indexes =
    kind === 'sqlite'
      ? (
          await sql<{ name: string; def: string }>`SELECT name, sql AS def FROM sqlite_master
            WHERE type = 'index' AND tbl_name = 'incidents' AND sql IS NOT NULL`.execute(db)
        ).rows
      : (
          await sql<{ name: string; def: string }>`SELECT indexname AS name, indexdef AS def
            FROM pg_indexes WHERE tablename = 'incidents' AND schemaname = current_schema()
            AND indexname <> 'incidents_pk'`.execute(db)
        ).rows;
  if (kind === 'sqlite') await sql`PRAGMA synchronous = OFF`.execute(db);
  for (const ix of indexes) await sql.raw(`DROP INDEX ${ix.name}`).execute(db);
  await generate(db, kind, rows);
  for (const ix of indexes) await sql.raw(ix.def).execute(db);
  const genS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  for (let d = 0; d < DAYS; d++) {
    await rollupDay(db, TENANT, new Date((START_S + d * 86400) * 1000).toISOString().slice(0, 10));
  }
  const rollS = (performance.now() - t0) / 1000;
  // Index-only scans need the visibility map that VACUUM writes.
  if (kind === 'postgres')
    await sql`VACUUM ANALYZE incidents, rollup_user_day, rollup_dim_day`.execute(db);
  await db
    .insertInto('rollup_state')
    .values({ name: MARKER, position: String(rows) })
    .execute();
  console.log(
    `${kind.padEnd(8)} built ${rows.toLocaleString('en')} incidents in ${genS.toFixed(1)} s, ` +
      `rolled up ${DAYS} days in ${rollS.toFixed(1)} s ` +
      `(${Math.round(rows / rollS).toLocaleString('en')} incidents/s through rollupDay)`,
  );
}

async function time(label: string, kind: string, runs: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await f();
  const ms: number[] = [];
  const cpu0 = cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  const cpu = cpuUsage(cpu0);
  // SQLite runs inside this process, so its CPU time is the query's cost whatever the machine's
  // load; PostgreSQL works in its own processes, so only wall time is shown for it.
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!.toFixed(1);
  console.log(
    `${kind.padEnd(8)} ${label.padEnd(44)} p50 ${p(0.5)} ms  p95 ${p(0.95)} ms` +
      (kind === 'sqlite' ? `  CPU ${cpuMs.toFixed(1)} ms/query` : '') +
      `  (${runs} runs)`,
  );
}

/** Opens (building when needed) the cached bench database of each kind and times the queries. */
export async function benchSummary(rows: number, runs = 40): Promise<void> {
  for (const kind of ['sqlite', 'postgres'] as const) {
    let db: Db;
    if (kind === 'sqlite') {
      const dir = join('.data', 'bench');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `summary-${rows}.sqlite`);
      db = openDb({ file });
      await migrate(db);
      if (!(await isComplete(db))) {
        await db.destroy();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
        db = openDb({ file });
        await migrate(db);
        await build(db, kind, rows);
      }
    } else {
      const schema = `hush_bench_summary_${rows}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      db = openDb({ url: PG_URL, schema });
      await migrate(db);
      if (!(await isComplete(db))) {
        await db.destroy();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.query(`CREATE SCHEMA ${schema}`);
        db = openDb({ url: PG_URL, schema });
        await migrate(db);
        await build(db, kind, rows);
      }
      await admin.end();
    }
    const count = await db
      .selectFrom('rollup_state')
      .select('position')
      .where('name', '=', MARKER)
      .executeTakeFirstOrThrow();
    console.log(
      `${kind.padEnd(8)} summary over ${Number(count.position).toLocaleString('en')} incidents (cached)`,
    );
    // A cache built before migration 0010 has no per-site rollup: fill it from the incidents.
    const siteRows = await db
      .selectFrom('rollup_site_user_day')
      .select('day')
      .where('tenant_id', '=', TENANT)
      .limit(1)
      .execute();
    if (siteRows.length === 0) {
      const t0 = performance.now();
      for (let d = 0; d < DAYS; d++) {
        const day = new Date((START_S + d * 86400) * 1000).toISOString().slice(0, 10);
        await rollupDay(db, TENANT, day);
      }
      if (kind === 'postgres') await sql`VACUUM ANALYZE rollup_site_user_day`.execute(db);
      console.log(
        `${kind.padEnd(8)} rolled up again for rollup_site_user_day in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    const admin: Viewer = { tenantId: TENANT, role: 'admin', teams: [] };
    const manager: Viewer = {
      tenantId: TENANT,
      role: 'manager',
      teams: ['Team 1', 'Team 2', 'Team 3'],
    };
    await time('overview, 30 days by day + previous (admin)', kind, runs, () =>
      overview(db, admin, PERIOD, 'day'),
    );
    await time('overview, 30 days (manager of 3 teams)', kind, runs, () =>
      overview(db, manager, PERIOD, 'day'),
    );
    await time('overview, 180 days by week (admin)', kind, runs, () =>
      overview(db, admin, LONG, 'week'),
    );
    await time('by team, 30 days (k-anonymity)', kind, runs, () => byTeam(db, admin, PERIOD));
    await time('by person, 30 days, top 100', kind, runs, () => byPerson(db, admin, PERIOD));
    // The overview's "top unapproved AI tools", through the route (session, k, rollups).
    const app = createApp({ db, log: silentLogger, now: Date.now, rateLimitPerMinute: 1e9 });
    const session = await testSession(db, TENANT, 'admin', [], Date.now());
    await time('unapproved AI tools, 30 days (route)', kind, runs, async () => {
      const res = await app.request(
        `/api/v1/dashboard/unapproved-tools?from=${PERIOD.from}&to=${PERIOD.to}`,
        { headers: session.headers },
      );
      if (res.status !== 200) throw new Error(`unapproved-tools answered ${res.status}`);
      await res.arrayBuffer();
    });
    await db.deleteFrom('sessions').where('user_id', '=', session.userId).execute();
    await db.deleteFrom('users').where('id', '=', session.userId).execute();
    await db.destroy();
  }
}
