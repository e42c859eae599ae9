/**
 * The incident uploader: hands the pending records of the local queue (lib/incidents/store.ts) to
 * the backend (`POST /api/v1/incidents`), so that each arrives once and none is lost.
 *
 * - Once: each record's id is the backend's idempotency key, and a record is marked `sent` only
 *   after a 200 that covers its batch. A batch the backend stored but whose answer was lost (the
 *   network, or the service worker killed in between) is sent again and answered `new: 0`.
 * - Never lost: nothing is kept in memory between runs. Records, the retry state and the lease
 *   live in IndexedDB, so a killed worker or a browser restart resumes where it stopped.
 * - One at a time: a run holds a lease in IndexedDB (renewed before each batch, expiring after
 *   LEASE_MS), so two contexts never send the same records together, and a killed worker's lease
 *   simply runs out.
 * - Retries: exponential backoff with full jitter (BACKOFF_BASE_MS doubling up to BACKOFF_CAP_MS),
 *   or the server's Retry-After on 429 and 503. A 401 asks for re-enrollment (`onUnauthorized`).
 *   A 400, 413 or 422 means the server will never take what was sent: the batch is halved until
 *   the record at fault is alone, and that record is deleted, counted and named (never retried
 *   forever). Other 4xx (a wrong backend URL, a proxy answering 403/404) say nothing about the
 *   records, so they back off like an outage instead of throwing the queue away.
 *
 * The backoff, Retry-After, enrollment gate and the meaning of each answer are shared with the other
 * uploaders (upload-core.ts).
 *
 * What leaves the browser is `toWire`: exactly the fields listed in docs/server.md ("What leaves
 * the browser"), the reason only when the telemetry level allows it.
 */
import * as v from 'valibot';
import type { IncidentRecord } from '@/lib/incidents/record.ts';
import type { IncidentStore } from '@/lib/incidents/store.ts';
import type { Enrolment } from './enrollment.ts';
import type { FetchLike } from './http.ts';
import {
  UPLOAD_ERRORS,
  noteFailure,
  noteSuccess,
  openGate,
  postJson,
  wireTeam,
  type PostOutcome,
  type UploadError,
} from './upload-core.ts';

// The shared rules, importable from here too: the incident uploader is where they started.
export {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  BACKOFF_MIN_MS,
  UPLOAD_ERRORS,
  backoffDelay,
  retryAfterMs,
  type UploadError,
} from './upload-core.ts';

/** Records per request: well under the server's cap of 1,000 and its 2 MB body limit. */
export const UPLOAD_BATCH = 500;
/** How long a run's lease lasts without renewal: longer than one request may take (30 s). */
export const LEASE_MS = 60_000;
/** The `sync` store key of the uploader's state (forever). */
export const UPLOAD_STATE_KEY = 'upload';

const StateV1 = v.object({
  v: v.literal(1),
  /** Failed attempts in a row (0 after a success). */
  failures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** No new attempt before this time (ms), unless forced. */
  nextAttemptAt: v.number(),
  lastAttemptAt: v.nullable(v.number()),
  lastSuccessAt: v.nullable(v.number()),
  lastError: v.nullable(v.picklist(UPLOAD_ERRORS)),
  /** The dropped-records total the backend last acknowledged. */
  droppedReported: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The uploader's state as stored (for the popup and options page too). */
export type UploadState = v.InferOutput<typeof StateV1>;

export const INITIAL_STATE: UploadState = {
  v: 1,
  failures: 0,
  nextAttemptAt: 0,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  droppedReported: 0,
};

/** Reads the stored state; anything unreadable counts as a fresh start (nothing is lost by it). */
export function readUploadState(raw: unknown): UploadState {
  const r = v.safeParse(StateV1, raw);
  return r.success ? r.output : { ...INITIAL_STATE };
}

/** One record as the backend takes it (server/schemas.ts `IncidentRecord`). */
export interface WireRecord {
  id: string;
  time: number;
  siteId: string | null;
  host: string;
  pageClass: string;
  channel: string;
  action: string;
  outcome: string;
  counts: Partial<Record<string, number>>;
  policyVersion: number;
  extensionVersion: string;
  user: string;
  team: string | null;
  reason?: string;
}

const MINUTE = 60_000;

/**
 * What leaves the browser for one record: time to the minute, site and class, channel, action and
 * outcome, types and counts, policy and extension versions, the user pseudonym and team of the
 * enrollment, and the (already masked) reason only when `allowReason`. The device is named by the
 * credential. Nothing else of the record is copied.
 */
export function toWire(
  record: IncidentRecord,
  enrolment: Pick<Enrolment, 'userPseudonym' | 'team'>,
  allowReason: boolean,
): WireRecord {
  const wire: WireRecord = {
    id: record.id,
    time: Math.floor(record.time / MINUTE) * MINUTE,
    siteId: record.siteId,
    host: record.host,
    pageClass: record.pageClass,
    channel: record.channel,
    action: record.action,
    outcome: record.outcome,
    counts: { ...record.counts },
    policyVersion: record.policyVersion ?? 0,
    extensionVersion: record.extensionVersion,
    user: enrolment.userPseudonym,
    team: wireTeam(enrolment.team),
  };
  if (allowReason && record.reason !== undefined && record.reason.trim() !== '') {
    wire.reason = record.reason;
  }
  return wire;
}

export interface UploaderDeps {
  /** The incident store, opened on first use (storeOpener in the extension). */
  store: () => Promise<IncidentStore>;
  /** This device's enrollment; null when it is not enrolled (nothing is sent then). */
  getEnrolment: () => Promise<Enrolment | null>;
  /** Whether the policy's telemetry level allows override reasons to leave (checked per run). */
  allowReasons: () => boolean | Promise<boolean>;
  /** The backend refused the credential (401): drop it and enroll again (lib/sync/client.ts). */
  onUnauthorized: (enrolment: Enrolment) => void | Promise<void>;
  fetch: FetchLike;
  now: () => number;
  random?: () => number;
  /** Names a record the backend refused for good, and why (its field paths, never values). */
  warn?: (message: string) => void;
  /** Records per request; UPLOAD_BATCH unless a test wants small batches. */
  batchSize?: number;
}

export type UploadStatus =
  /** The queue is empty (everything pending was acknowledged or refused for good). */
  | 'done'
  /** Another run holds the lease. */
  | 'busy'
  /** Backing off after a failure; `nextAttemptAt` says until when. */
  | 'waiting'
  /** The attempt failed; `nextAttemptAt` says when to try again. */
  | 'failed'
  | 'not-enrolled';

export interface UploadResult {
  status: UploadStatus;
  /** Records the backend acknowledged in this run. */
  sent: number;
  /** Records the backend refused for good in this run (deleted and counted). */
  rejected: number;
  /** When the next attempt is due (for the alarm), when the run did not finish. */
  nextAttemptAt?: number;
  error?: UploadError;
}

export interface Uploader {
  /**
   * Sends what is pending, batch after batch, until the queue is empty or an attempt fails.
   * Respects the backoff unless `force` (enrollment just changed, or a test).
   */
  run(options?: { force?: boolean }): Promise<UploadResult>;
  /** The stored state (for the popup and the scheduler). */
  state(): Promise<UploadState>;
}

/**
 * What the popup shows of the uploader: its stored state plus what waits in the queue. Counts and
 * times only (no record, no body, no credential), so any extension page may see it.
 */
export interface UploadStatusView {
  /** When a batch was last acknowledged (ms), or null. */
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** Why the last attempt failed; null after a success or before any attempt. */
  lastError: UploadError | null;
  /** No new attempt before this time (ms); 0 when not backing off. */
  nextAttemptAt: number;
  /** Records waiting for the backend. */
  pending: number;
  /** Pending records the queue's size cap dropped since it was made (only grows). */
  droppedTotal: number;
}

/** Reads the uploader's status from the incident store (the background answers the popup). */
export async function loadUploadStatus(store: IncidentStore): Promise<UploadStatusView> {
  const [raw, pending, droppedTotal] = await Promise.all([
    store.readSync(UPLOAD_STATE_KEY),
    store.pendingCount(),
    store.droppedPending(),
  ]);
  const state = readUploadState(raw);
  return {
    lastSuccessAt: state.lastSuccessAt,
    lastAttemptAt: state.lastAttemptAt,
    lastError: state.lastError,
    nextAttemptAt: state.nextAttemptAt,
    pending,
    droppedTotal,
  };
}

/** Creates the uploader over the store and the backend named by the enrollment. */
export function createUploader(deps: UploaderDeps): Uploader {
  const random = deps.random ?? Math.random;
  const warn = deps.warn ?? ((m: string) => console.warn(m));
  const batchSize = Math.max(1, Math.min(UPLOAD_BATCH, deps.batchSize ?? UPLOAD_BATCH));

  function postBatch(
    records: IncidentRecord[],
    enrolment: Enrolment,
    allowReason: boolean,
    droppedTotal: number,
  ): Promise<PostOutcome> {
    const body: { records: WireRecord[]; droppedTotal?: number } = {
      records: records.map((r) => toWire(r, enrolment, allowReason)),
    };
    if (droppedTotal > 0) body.droppedTotal = droppedTotal;
    // The answer's body ({received, new, reasonsDropped}) is not needed: a 200 covers the batch.
    return postJson(deps, enrolment, '/api/v1/incidents', body);
  }

  async function run(options: { force?: boolean } = {}): Promise<UploadResult> {
    const store = await deps.store();
    const owner = crypto.randomUUID();
    const started = deps.now();
    if (!(await store.tryLease(owner, started, LEASE_MS))) {
      return { status: 'busy', sent: 0, rejected: 0 };
    }
    let sent = 0;
    let rejected = 0;
    try {
      const state = readUploadState(await store.readSync(UPLOAD_STATE_KEY));
      const gate = await openGate(state, started, options.force === true, deps.getEnrolment);
      if (gate.kind === 'waiting') {
        return { status: 'waiting', sent, rejected, nextAttemptAt: gate.nextAttemptAt };
      }
      if (gate.kind === 'not-enrolled') return { status: 'not-enrolled', sent, rejected };
      const enrolment = gate.enrolment;
      const allowReason = (await deps.allowReasons()) === true;

      // Halves of a refused batch wait here, so the record at fault is found in log2(n) requests.
      const queue: IncidentRecord[][] = [];
      for (;;) {
        if (queue.length === 0) {
          const batch = await store.pending(batchSize);
          if (batch.length === 0) break;
          queue.push(batch);
        }
        const batch = queue.shift()!;
        // Renew before each request: a run that lost its lease (it took too long) stops.
        if (!(await store.tryLease(owner, deps.now(), LEASE_MS))) {
          return { status: 'busy', sent, rejected };
        }
        const droppedTotal = await store.droppedPending();
        const outcome = await postBatch(batch, enrolment, allowReason, droppedTotal);
        const now = deps.now();
        if (outcome.kind === 'ok') {
          await store.markSent(
            batch.map((r) => r.id),
            now,
          );
          sent += batch.length;
          noteSuccess(state, now);
          state.droppedReported = Math.max(state.droppedReported, droppedTotal);
          continue;
        }
        if (outcome.kind === 'bad') {
          if (batch.length > 1) {
            const half = Math.ceil(batch.length / 2);
            queue.unshift(batch.slice(0, half), batch.slice(half));
            continue;
          }
          const record = batch[0]!;
          rejected += await store.reject([record.id]);
          // The server names the field and the rule; its wording carries no value of ours.
          warn(`Hush: the backend refused incident ${record.id} for good (${outcome.why})`);
          continue;
        }
        state.lastAttemptAt = now;
        const error = noteFailure(state, outcome, now, random);
        await store.writeSync(UPLOAD_STATE_KEY, state);
        if (outcome.kind === 'unauthorized') await deps.onUnauthorized(enrolment);
        return { status: 'failed', sent, rejected, nextAttemptAt: state.nextAttemptAt, error };
      }
      const now = deps.now();
      state.failures = 0;
      state.nextAttemptAt = 0;
      state.lastAttemptAt = now;
      state.lastError = null;
      await store.writeSync(UPLOAD_STATE_KEY, state);
      return { status: 'done', sent, rejected };
    } finally {
      await store.releaseLease(owner).catch(() => undefined);
    }
  }

  return {
    run,
    state: async () => readUploadState(await (await deps.store()).readSync(UPLOAD_STATE_KEY)),
  };
}
