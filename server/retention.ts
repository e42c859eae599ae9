/**
 * Retention: incidents, false alarms and AI visit counts are kept for the tenant's period (`tenants.retention_days`,
 * default 180 days, issue 5) and then deleted, by the `retention` job inside the server (jobs.ts)
 * and by `hush-server retention run`.
 *
 * Deletion goes in bounded batches (a primary-key subquery with LIMIT, which SQLite and PostgreSQL
 * both accept), each its own statement: a large backlog never holds one long lock that stalls
 * ingest, and a run stopped half-way leaves only fully deleted batches, so the next run continues.
 * A record's age is its `time` (the minute of the decision), the same clock the dashboard shows.
 */
import { appendAudit } from './audit.ts';
import type { Db } from './db/index.ts';
import type { Job } from './jobs.ts';
import { pruneReviewRows } from './overrides.ts';
import { pruneCoachingNotes } from './teams.ts';

/** Default retention in days when a tenant sets none (the migration's column default). */
export const DEFAULT_RETENTION_DAYS = 180;
/** The shortest and longest periods a tenant may set. */
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;

const DAY = 86_400_000;

/** Rows deleted for one tenant. */
export interface TenantRetention {
  tenantId: string;
  retentionDays: number;
  /** Records with `time` before this were deleted. */
  cutoff: string;
  incidents: number;
  falseAlarms: number;
  /** Visit-count rows (visits.ts) of local days before the cutoff's day. */
  visits: number;
  /**
   * Override reviews and comments of deleted incidents, and coaching notes dated before the
   * cutoff's day (overrides.ts, teams.ts).
   */
  reviews: number;
}

/** Deletes rows of `table` for `tenantId` older than `cutoff`, `batch` at a time; returns how many. */
async function deleteOld(
  db: Db,
  table: 'incidents' | 'false_alarms',
  tenantId: string,
  cutoff: string,
  batch: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await db
      .deleteFrom(table)
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom(table)
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('time', '<', cutoff)
          .limit(batch),
      )
      .executeTakeFirst();
    const n = Number(r.numDeletedRows);
    total += n;
    if (n < batch) return total;
  }
}

/**
 * Deletes `tenantId`'s visit counts of days before `cutoffDay`, one day a statement: visits have
 * no single-column key for deleteOld's batches, and one day's rows are a bounded batch.
 */
async function deleteOldVisits(db: Db, tenantId: string, cutoffDay: string): Promise<number> {
  const days = await db
    .selectFrom('visits')
    .select('day')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('day', '<', cutoffDay)
    .orderBy('day')
    .execute();
  let total = 0;
  for (const { day } of days) {
    const r = await db
      .deleteFrom('visits')
      .where('tenant_id', '=', tenantId)
      .where('day', '=', day)
      .executeTakeFirst();
    total += Number(r.numDeletedRows);
  }
  return total;
}

/**
 * Deletes every tenant's incidents and false alarms older than its retention period at `now`.
 * Each tenant with deletions gets an audit entry (counts and cutoff only).
 */
export async function runRetention(
  db: Db,
  now: number,
  opts: { batchSize?: number; actor?: string } = {},
): Promise<TenantRetention[]> {
  const batch = opts.batchSize ?? 5000;
  if (!Number.isInteger(batch) || batch < 1) throw new Error('batchSize must be at least 1');
  const tenants = await db
    .selectFrom('tenants')
    .select(['id', 'retention_days'])
    .orderBy('id')
    .execute();
  const out: TenantRetention[] = [];
  for (const t of tenants) {
    const days = Number(t.retention_days);
    const cutoff = new Date(now - days * DAY).toISOString();
    const incidents = await deleteOld(db, 'incidents', t.id, cutoff, batch);
    const falseAlarms = await deleteOld(db, 'false_alarms', t.id, cutoff, batch);
    // A visit's day is the agent's local day; a day is kept while it may hold a kept minute.
    const visits = await deleteOldVisits(db, t.id, cutoff.slice(0, 10));
    const reviews =
      (await pruneReviewRows(db, t.id)) + (await pruneCoachingNotes(db, t.id, cutoff));
    if (incidents + falseAlarms + visits + reviews > 0) {
      await appendAudit(
        db,
        {
          tenantId: t.id,
          actor: opts.actor ?? 'system:retention',
          action: 'retention.delete',
          details: { cutoff, retentionDays: days, incidents, falseAlarms, visits, reviews },
        },
        now,
      );
    }
    out.push({
      tenantId: t.id,
      retentionDays: days,
      cutoff,
      incidents,
      falseAlarms,
      visits,
      reviews,
    });
  }
  return out;
}

/** Sets the tenant's retention period (audited); throws a clear error for a bad value. */
export async function setRetention(
  db: Db,
  tenantId: string,
  days: number,
  opts: { actor: string; now?: number },
): Promise<void> {
  if (!Number.isInteger(days) || days < RETENTION_DAYS_MIN || days > RETENTION_DAYS_MAX) {
    throw new Error(
      `the retention period must be a whole number of days from ${RETENTION_DAYS_MIN} to ${RETENTION_DAYS_MAX}`,
    );
  }
  await db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('tenants')
      .select('retention_days')
      .where('id', '=', tenantId)
      .executeTakeFirst();
    if (!before) throw new Error(`no tenant with id ${tenantId}`);
    await tx
      .updateTable('tenants')
      .set({ retention_days: days })
      .where('id', '=', tenantId)
      .execute();
    await appendAudit(
      tx,
      {
        tenantId,
        actor: opts.actor,
        action: 'tenant.retention',
        details: { from: Number(before.retention_days), to: days },
      },
      opts.now ?? Date.now(),
    );
  });
}

/** The scheduled job: daily by default, checked by every instance, run by one. */
export function retentionJob(opts: { everyMs?: number; batchSize?: number } = {}): Job {
  return {
    name: 'retention',
    everyMs: opts.everyMs ?? DAY,
    async run({ db, now }) {
      const r = await runRetention(db, now(), { batchSize: opts.batchSize });
      return {
        tenants: r.length,
        incidents: r.reduce((s, x) => s + x.incidents, 0),
        falseAlarms: r.reduce((s, x) => s + x.falseAlarms, 0),
        visits: r.reduce((s, x) => s + x.visits, 0),
      };
    },
  };
}
