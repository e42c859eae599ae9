/**
 * Anomaly detection on a constructed series, against a real SQLite file and PostgreSQL: a spike
 * over a steady baseline is found for the person and their team, steady people and newcomers are
 * not, detection is idempotent and queues each spike once for webhooks, the scheduled job runs on
 * one instance only, and a manager does not see spikes in a team under k.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './admin.ts';
import { anomalyJob, checkSpike, detectAnomalies, listAnomalies } from './anomalies.ts';
import type { IncidentTable } from './db/schema.ts';
import { runDueJobs } from './jobs.ts';
import { silentLogger } from './log.ts';
import { refreshRollups } from './summary.ts';
import { fakeUser, incidentRow, insertIncidents, seeded } from './test-data.ts';
import { BACKENDS, type TestDb } from './test-util.ts';
import { createWebhook } from './webhooks.ts';

const DAY = 86_400_000;
const D = Date.UTC(2026, 10, 28); // the day checked
const DAY_STR = '2026-11-28';

describe('the spike rule', () => {
  it('flags a count far above a steady baseline, not a small rise or a small count', () => {
    const steady = [
      1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1,
    ];
    // median 1, MAD 0 -> sigma floor 1 -> threshold 1 + 3 = 4.
    expect(checkSpike(10, steady)).toEqual({ anomalous: true, median: 1, threshold: 4 });
    expect(checkSpike(4, steady).anomalous).toBe(false);
    // Above the threshold but under the minimum count of 5.
    expect(checkSpike(4.5, steady).anomalous).toBe(false);
    // A noisy baseline widens the band: median 10, MAD 5 -> threshold 10 + 3 * 7.41 = 32.24.
    const noisy = Array.from({ length: 28 }, (_, i) => (i % 2 ? 5 : 15));
    expect(checkSpike(30, noisy)).toMatchObject({ anomalous: false, median: 10, threshold: 32.24 });
    expect(checkSpike(33, noisy).anomalous).toBe(true);
  });
});

describe.each(BACKENDS)('anomalies on $name', (backend) => {
  let t: TestDb;
  let tenantId: string;
  const spiker = fakeUser('Alpha', 0);
  const newcomer = fakeUser('Alpha', 9);
  const smallSpiker = fakeUser('Small', 0);

  beforeAll(async () => {
    t = await backend.open();
    tenantId = (await createTenant(t.db, { name: 'Anomaly Co', now: D - 40 * DAY })).tenantId;
    await createWebhook(
      t.db,
      {
        tenantId,
        url: 'https://siem.example.com/hush',
        format: 'json',
        events: ['anomalies'],
        actor: 'user:test',
      },
      D - 40 * DAY,
    );
    const rnd = seeded(3);
    const rows: IncidentTable[] = [];
    const add = (user: string, team: string, day: number, n: number) => {
      for (let i = 0; i < n; i++) {
        rows.push(incidentRow(tenantId, rnd, { time: D - day * DAY + i * 60_000, user, team }));
      }
    };
    // 28 baseline days and the day checked (day 0).
    for (let day = 28; day >= 0; day--) {
      for (let u = 0; u < 6; u++) add(fakeUser('Alpha', u), 'Alpha', day, 1 + ((u + day) % 2));
      for (let u = 0; u < 2; u++) add(fakeUser('Small', u), 'Small', day, 1);
    }
    add(spiker, 'Alpha', 0, 20);
    add(smallSpiker, 'Small', 0, 15);
    // A newcomer: three days of history, then a busy day. Not a spike against their own past.
    for (let day = 3; day >= 1; day--) add(newcomer, 'Alpha', day, 1);
    add(newcomer, 'Alpha', 0, 12);
    await insertIncidents(t.db, rows);
    await refreshRollups(t.db, D + DAY);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('finds the spiking person and teams, not steady people or newcomers; idempotent', async () => {
    const r = await detectAnomalies(t.db, tenantId, DAY_STR, D + DAY);
    expect(r).toEqual({ found: 4, new: 4 });
    const { anomalies } = await listAnomalies(
      t.db,
      { tenantId, role: 'admin', teams: [] },
      { from: DAY_STR, to: DAY_STR },
    );
    const seen = anomalies.map((a) => `${a.kind}:${a.subject}`).sort();
    expect(seen).toEqual(
      [`person:${smallSpiker}`, `person:${spiker}`, 'team:Alpha', 'team:Small'].sort(),
    );
    const person = anomalies.find((a) => a.subject === spiker)!;
    // The spiker had 1 or 2 a day (median 1.5), then 1 + 20 = 21 or 2 + 20 = 22.
    expect(person).toMatchObject({ team: 'Alpha', baselineMedian: 1.5 });
    expect(person.count).toBe(20 + 1 + ((0 + 0) % 2));
    expect(await detectAnomalies(t.db, tenantId, DAY_STR, D + DAY)).toEqual({ found: 4, new: 0 });
    // Each spike was queued once for the webhook.
    const queued = await t.db
      .selectFrom('webhook_outbox')
      .select(['event_type', 'payload'])
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(queued).toHaveLength(4);
    expect(queued.every((q) => q.event_type === 'anomaly')).toBe(true);
    // A quiet day has no spikes.
    expect(await detectAnomalies(t.db, tenantId, '2026-11-20', D + DAY)).toEqual({
      found: 0,
      new: 0,
    });
  });

  it('a manager sees spikes of their teams only, and none in a team under k', async () => {
    const period = { from: DAY_STR, to: DAY_STR };
    const alpha = await listAnomalies(
      t.db,
      { tenantId, role: 'manager', teams: ['Alpha'] },
      period,
    );
    expect(alpha.anomalies.map((a) => a.subject).sort()).toEqual(['Alpha', spiker].sort());
    expect(alpha.withheld).toBe(0);
    const small = await listAnomalies(
      t.db,
      { tenantId, role: 'manager', teams: ['Small'] },
      period,
    );
    expect(small).toEqual({ anomalies: [], withheld: 2 });
    const none = await listAnomalies(t.db, { tenantId, role: 'manager', teams: [] }, period);
    expect(none).toEqual({ anomalies: [], withheld: 0 });
  });

  it('the scheduled job runs on one instance at a time', async () => {
    const job = anomalyJob();
    const ctx = { db: t.db, log: silentLogger, now: () => D + DAY + 3600_000 };
    const [a, b] = await Promise.all([
      runDueJobs(ctx, [job], 'instance-a'),
      runDueJobs(ctx, [job], 'instance-b'),
    ]);
    const ran = [...a, ...b].filter((o) => o.ran);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.error).toBeUndefined();
    expect(ran[0]!.result).toMatchObject({ new: 0 });
  });
});
