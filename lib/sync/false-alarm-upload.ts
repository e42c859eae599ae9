/**
 * Sends the false-alarm queue (lib/incidents/false-alarms.ts) to the backend, one report a request
 * (`POST /api/v1/false-alarms` takes one object), with the rules every uploader shares
 * (upload-core.ts): nothing is sent without an enrollment; the report's id is the idempotency
 * key, so a report whose answer was lost is sent again and answered `new: false`; failures back
 * off exponentially with full jitter (or the server's Retry-After), and the retry state lives in
 * IndexedDB beside the reports. A 400/413/422 means the backend will never take that report: it
 * is deleted and named (never its content). What leaves is exactly `{ id, time, detector, host }`.
 */
import type { FalseAlarmRecord, FalseAlarmStore } from '@/lib/incidents/false-alarms.ts';
import type { Enrolment } from './enrollment.ts';
import type { FetchLike } from './http.ts';
import { noteFailure, noteSuccess, openGate, postJson } from './upload-core.ts';

/** Reports per run at most; more wait for the next run. */
const RUN_MAX = 100;

export interface FalseAlarmUploaderDeps {
  store: () => Promise<FalseAlarmStore>;
  getEnrolment: () => Promise<Enrolment | null>;
  /** The backend refused the credential (401): drop it so the sync client enrolls again. */
  onUnauthorized: (enrolment: Enrolment) => void | Promise<void>;
  fetch: FetchLike;
  now: () => number;
  random?: () => number;
  warn?: (message: string) => void;
}

export interface FalseAlarmRunResult {
  status: 'done' | 'waiting' | 'failed' | 'not-enrolled';
  sent: number;
  rejected: number;
  /** When to try again, when the run did not finish. */
  nextAttemptAt?: number;
}

/** What leaves the browser for one report: these four fields and nothing else. */
export function falseAlarmWire(r: FalseAlarmRecord): {
  id: string;
  time: number;
  detector: string;
  host: string;
} {
  return { id: r.id, time: r.time, detector: r.detector, host: r.host };
}

/** Creates the false-alarm uploader; `run` calls never overlap within one context. */
export function createFalseAlarmUploader(deps: FalseAlarmUploaderDeps): {
  run(options?: { force?: boolean }): Promise<FalseAlarmRunResult>;
} {
  const random = deps.random ?? Math.random;
  const warn = deps.warn ?? ((m: string) => console.warn(m));
  let running: Promise<FalseAlarmRunResult> | null = null;

  async function once(force: boolean): Promise<FalseAlarmRunResult> {
    const store = await deps.store();
    const state = await store.readState();
    const gate = await openGate(state, deps.now(), force, deps.getEnrolment);
    if (gate.kind === 'waiting') {
      return { status: 'waiting', sent: 0, rejected: 0, nextAttemptAt: gate.nextAttemptAt };
    }
    if (gate.kind === 'not-enrolled') return { status: 'not-enrolled', sent: 0, rejected: 0 };
    const enrolment = gate.enrolment;
    let sent = 0;
    let rejected = 0;
    for (const report of await store.pending(RUN_MAX)) {
      const outcome = await postJson(
        deps,
        enrolment,
        '/api/v1/false-alarms',
        falseAlarmWire(report),
      );
      const now = deps.now();
      if (outcome.kind === 'ok') {
        await store.markSent(report.id, now);
        sent += 1;
        noteSuccess(state, now);
        continue;
      }
      if (outcome.kind === 'bad') {
        await store.reject(report.id);
        rejected += 1;
        // The server names the field and the rule; its wording carries no value of ours.
        warn(`Hush: the backend refused false alarm ${report.id} for good (${outcome.why})`);
        continue;
      }
      noteFailure(state, outcome, now, random);
      await store.writeState(state);
      if (outcome.kind === 'unauthorized') await deps.onUnauthorized(enrolment);
      return { status: 'failed', sent, rejected, nextAttemptAt: state.nextAttemptAt };
    }
    state.failures = 0;
    state.nextAttemptAt = 0;
    await store.writeState(state);
    return { status: 'done', sent, rejected };
  }

  return {
    run(options = {}) {
      running ??= once(options.force === true).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
