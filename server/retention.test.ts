/**
 * Retention and the job scheduler on a real SQLite file and the real PostgreSQL, with an injected
 * clock: exactly the rows older than each tenant's period go (in several batches), the deletion is
 * audited, and two schedulers (two instances) never both run a job; a crashed holder's lease
 * expires and another instance takes over.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTenant } from './admin.ts';
import { listAudit, verifyAudit } from './audit.ts';
import { openDb, type Db } from './db/index.ts';
import type { IncidentTable } from './db/schema.ts';
import { claimJob, runDueJobs, startJobs, type Job } from './jobs.ts';
import { silentLogger } from './log.ts';
import { retentionJob, runRetention, setRetention } from './retention.ts';
import { BACKENDS, PG_URL, type TestDb } from './test-util.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const DAY = 86_400_000;
const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

function incident(tenantId: string, ageDays: number): IncidentTable {
  const at = new Date(minute(NOW - ageDays * DAY)).toISOString();
  return {
    tenant_id: tenantId,
    id: randomUUID(),
    device_id: 'device-test',
    time: at,
    site_id: 'chatgpt',
    host: 'chatgpt.com',
    page_class: 'unapproved-ai',
    channel: 'paste',
    action: 'mask',
    outcome: 'masked',
    counts: '{"EMAIL":1}',
    total: 1,
    policy_version: 1,
    extension_version: '0.1.0',
    user_pseudonym: 'u_test_retention_0001',
    team: null,
    reason: null,
    received_at: at,
  };
}

async function seed(db: Db, tenantId: string, ages: number[]) {
  const rows = ages.map((a) => incident(tenantId, a));
  await db.insertInto('incidents').values(rows).execute();
  await db
    .insertInto('false_alarms')
    .values(
      ages.map((a) => ({
        tenant_id: tenantId,
        id: randomUUID(),
        device_id: 'device-test',
        time: new Date(minute(NOW - a * DAY)).toISOString(),
        detector: 'email',
        host: 'chatgpt.com',
        received_at: new Date(NOW).toISOString(),
      })),
    )
    .execute();
  return rows;
}

async function ids(db: Db, table: 'incidents' | 'false_alarms', tenantId: string) {
  const rows = await db
    .selectFrom(table)
    .select('time')
    .where('tenant_id', '=', tenantId)
    .execute();
  return rows.map((r) => r.time).sort();
}

describe.each(BACKENDS)('retention and jobs on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(() => t.drop());

  it('deletes exactly the rows older than each tenant period, in batches, audited', async () => {
    const a = (await createTenant(t.db, { name: 'Default period', now: NOW })).tenantId;
    const b = (await createTenant(t.db, { name: 'Thirty days', now: NOW })).tenantId;
    await setRetention(t.db, b, 30, { actor: 'cli:tester', now: NOW });
    // Ages in days; 180 and 30 are the boundaries (a record exactly at the cutoff is kept).
    const aAges = [400, 200, 181, 181, 180.5, 180, 179, 10, 0];
    const bAges = [90, 31, 30.01, 30, 29, 1];
    await seed(t.db, a, aAges);
    await seed(t.db, b, bAges);
    const keep = (ages: number[], days: number) =>
      ages
        .filter((x) => minute(NOW - x * DAY) >= NOW - days * DAY)
        .map((x) => new Date(minute(NOW - x * DAY)).toISOString())
        .sort();

    const r = await runRetention(t.db, NOW, { batchSize: 2 });
    expect(r.find((x) => x.tenantId === a)).toMatchObject({
      retentionDays: 180,
      incidents: 5,
      falseAlarms: 5,
    });
    expect(r.find((x) => x.tenantId === b)).toMatchObject({
      retentionDays: 30,
      incidents: 3,
      falseAlarms: 3,
    });
    expect(await ids(t.db, 'incidents', a)).toEqual(keep(aAges, 180));
    expect(await ids(t.db, 'false_alarms', a)).toEqual(keep(aAges, 180));
    expect(await ids(t.db, 'incidents', b)).toEqual(keep(bAges, 30));
    expect(await ids(t.db, 'false_alarms', b)).toEqual(keep(bAges, 30));

    const [last] = await listAudit(t.db, b, { limit: 1 });
    expect(last).toMatchObject({
      action: 'retention.delete',
      actor: 'system:retention',
      details: { incidents: 3, falseAlarms: 3, retentionDays: 30 },
    });
    expect(await verifyAudit(t.db, b)).toMatchObject({ ok: true, entries: 3 });

    // Nothing more to delete: nothing deleted and no new audit entry.
    const again = await runRetention(t.db, NOW, { batchSize: 2 });
    expect(again.every((x) => x.incidents === 0 && x.falseAlarms === 0)).toBe(true);
    expect(await verifyAudit(t.db, b)).toMatchObject({ ok: true, entries: 3 });
  });

  it('refuses a bad retention period or tenant clearly', async () => {
    const a = (await createTenant(t.db, { name: 'Bad input', now: NOW })).tenantId;
    await expect(setRetention(t.db, a, 0, { actor: 'x' })).rejects.toThrow(/1 to 3650/);
    await expect(setRetention(t.db, a, 1.5, { actor: 'x' })).rejects.toThrow(/whole number/);
    await expect(setRetention(t.db, 'nope', 30, { actor: 'x' })).rejects.toThrow(/no tenant/);
    const row = await t.db
      .selectFrom('tenants')
      .select('retention_days')
      .where('id', '=', a)
      .executeTakeFirstOrThrow();
    expect(Number(row.retention_days)).toBe(180);
  });

  it('runs a job once an interval across two instances, and takes over an expired lease', async () => {
    let runs = 0;
    const job: Job = {
      name: `test-${randomUUID()}`,
      everyMs: 60 * 60_000,
      leaseMs: 5 * 60_000,
      run: async () => {
        runs++;
        return { runs };
      },
    };
    let clock = NOW;
    const ctx = { db: t.db, log: silentLogger, now: () => clock };
    // Two instances: on PostgreSQL, two connection pools racing for the same tick.
    const otherDb =
      backend.name === 'postgres'
        ? openDb({
            url: PG_URL,
            schema: (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(t.db)).rows[0]!
              .s,
          })
        : t.db;
    const other = { ...ctx, db: otherDb };
    const first = await Promise.all([
      runDueJobs(ctx, [job], 'instance-1'),
      runDueJobs(other, [job], 'instance-2'),
    ]);
    expect(first.flat().filter((o) => o.ran)).toHaveLength(1);
    expect(runs).toBe(1);

    clock += 30 * 60_000; // not due yet
    expect((await runDueJobs(other, [job], 'instance-2'))[0]!.ran).toBe(false);
    clock += 31 * 60_000; // due
    expect((await runDueJobs(other, [job], 'instance-2'))[0]!.ran).toBe(true);
    expect(runs).toBe(2);

    // instance-1 claims a job whose lease outlives its interval and "crashes" (never releases):
    // once the job is due again, instance-2 must wait for the lease to expire, then takes over.
    const long: Job = { ...job, name: `${job.name}-long`, everyMs: 60_000, leaseMs: 10 * 60_000 };
    expect(await claimJob(t.db, long, 'instance-1', clock)).toBe(true);
    clock += 2 * 60_000; // due, lease still held by the crashed instance-1
    expect((await runDueJobs(other, [long], 'instance-2'))[0]!.ran).toBe(false);
    clock += 9 * 60_000; // lease expired
    expect((await runDueJobs(other, [long], 'instance-2'))[0]!.ran).toBe(true);
    if (otherDb !== t.db) await otherDb.destroy();
  });

  it('records a failing job and runs it again at the next interval', async () => {
    let fail = true;
    const job: Job = {
      name: `flaky-${randomUUID()}`,
      everyMs: 60_000,
      run: async () => {
        if (fail) throw new Error('simulated failure');
        return {};
      },
    };
    let clock = NOW;
    const ctx = { db: t.db, log: silentLogger, now: () => clock };
    expect((await runDueJobs(ctx, [job], 'i'))[0]).toMatchObject({
      ran: true,
      error: 'simulated failure',
    });
    const row = await t.db
      .selectFrom('job_leases')
      .selectAll()
      .where('name', '=', job.name)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ holder: null, last_error: 'simulated failure' });
    fail = false;
    clock += 60_000;
    expect((await runDueJobs(ctx, [job], 'i'))[0]).toMatchObject({ ran: true });
    expect(
      (
        await t.db
          .selectFrom('job_leases')
          .select('last_error')
          .where('name', '=', job.name)
          .executeTakeFirstOrThrow()
      ).last_error,
    ).toBeNull();
  });

  it('the scheduled retention job removes old rows through the scheduler', async () => {
    const c = (await createTenant(t.db, { name: 'Scheduled', now: NOW })).tenantId;
    await seed(t.db, c, [500, 1]);
    let clock = NOW;
    const s = startJobs({ db: t.db, log: silentLogger, now: () => clock }, [retentionJob()], {
      tickMs: 3_600_000,
    });
    try {
      clock += DAY; // the retention row may exist from the first test's runs: make it due
      await s.tick();
      expect((await ids(t.db, 'incidents', c)).length).toBe(1);
    } finally {
      await s.stop();
    }
  });
});
