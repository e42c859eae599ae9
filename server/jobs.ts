/**
 * Scheduled jobs that run inside the server process (retention, and whatever else needs a
 * timer), safe when several instances serve one database.
 *
 * The service keeps no state of its own, so "has this job run yet?" lives in the database: each
 * job has a row in `job_leases`. An instance runs a job only after claiming that row with one
 * conditional UPDATE (due, and no live lease), which the database applies to one claimant at a
 * time; the others see zero rows updated and skip. The claim also moves `next_run_at` forward,
 * so the job runs once an interval across all instances, not once an instance. A lease that is
 * never released (the holder crashed) expires after `leaseMs`, and the next due tick anywhere
 * takes the job over.
 *
 * A job must therefore be safe to run again after a partial run (retention deletes in batches and
 * simply continues), and should finish well within its lease.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from './db/index.ts';
import type { Logger } from './log.ts';

/** What a job gets when it runs. */
export interface JobContext {
  db: Db;
  log: Logger;
  /** The clock (tests pass their own). */
  now: () => number;
}

/** A job: a name (its lease row; forever, STYLE.md principle 8), an interval and the work. */
export interface Job {
  name: string;
  /** Run at most once this often across all instances. */
  everyMs: number;
  /** How long a claim lasts before another instance may take over; default 10 minutes. */
  leaseMs?: number;
  /** The work; its result (counts, never content) goes into the log. */
  run(ctx: JobContext): Promise<Record<string, unknown> | void>;
}

/** What one tick did with one job. */
export interface JobOutcome {
  name: string;
  /** False when the job was not due or another instance holds it. */
  ran: boolean;
  result?: Record<string, unknown> | void;
  error?: string;
}

const DEFAULT_LEASE_MS = 10 * 60_000;
const EPOCH = new Date(0).toISOString();

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A name for this process in lease rows: host, pid and a random suffix (pids repeat). */
export function newHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Tries to claim `job` for `holder` at `now`: true when this caller may run it now. The claim
 * pushes the next run `everyMs` ahead, whether or not the run then succeeds.
 */
export async function claimJob(db: Db, job: Job, holder: string, now: number): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ name: job.name, holder: null, lease_until: EPOCH, next_run_at: EPOCH })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const r = await db
    .updateTable('job_leases')
    .set({
      holder,
      lease_until: iso(now + (job.leaseMs ?? DEFAULT_LEASE_MS)),
      next_run_at: iso(now + job.everyMs),
    })
    .where('name', '=', job.name)
    .where('next_run_at', '<=', iso(now))
    .where('lease_until', '<=', iso(now))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends this holder's lease on `name`, recording when it ran and the error, if any. */
async function release(
  db: Db,
  name: string,
  holder: string,
  now: number,
  error: string | null,
): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ holder: null, lease_until: iso(now), last_run_at: iso(now), last_error: error })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}

/** Runs every job that is due and that this holder can claim, one after another. */
export async function runDueJobs(
  ctx: JobContext,
  jobs: readonly Job[],
  holder: string,
): Promise<JobOutcome[]> {
  const out: JobOutcome[] = [];
  for (const job of jobs) {
    if (!(await claimJob(ctx.db, job, holder, ctx.now()))) {
      out.push({ name: job.name, ran: false });
      continue;
    }
    try {
      const result = await job.run(ctx);
      await release(ctx.db, job.name, holder, ctx.now(), null);
      ctx.log.log('info', 'job done', { job: job.name, ...(result ?? {}) });
      out.push({ name: job.name, ran: true, result });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      // The message only: job errors come from the database, never from request bodies.
      ctx.log.log('error', 'job failed', { job: job.name, error });
      await release(ctx.db, job.name, holder, ctx.now(), error.slice(0, 500)).catch(() => {});
      out.push({ name: job.name, ran: true, error });
    }
  }
  return out;
}

/** A running scheduler. */
export interface Scheduler {
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
  /** Runs one tick now (tests, and the first tick at start). */
  tick(): Promise<JobOutcome[]>;
}

/**
 * Checks the jobs every `tickMs` (default a minute) in this process. Ticks never overlap in one
 * process; across processes the leases decide. The timer does not keep the process alive.
 */
export function startJobs(
  ctx: JobContext,
  jobs: readonly Job[],
  opts: { tickMs?: number; holder?: string } = {},
): Scheduler {
  const holder = opts.holder ?? newHolderId();
  let running: Promise<JobOutcome[]> | null = null;
  const tick = (): Promise<JobOutcome[]> => {
    if (running) return running;
    running = runDueJobs(ctx, jobs, holder)
      .catch((e: unknown) => {
        // A failed claim (database briefly away) is retried at the next tick.
        ctx.log.log('warn', 'job tick failed', {
          error: e instanceof Error ? e.message : String(e),
        });
        return [];
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), opts.tickMs ?? 60_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      if (running) await running;
    },
  };
}
