/**
 * When the uploader runs: at start-up (a browser restart or a new service worker), on an `alarms`
 * timer (alarms outlive the service worker, which Chrome stops after 30 s idle), at the time a
 * backoff or Retry-After ends (a one-shot alarm), and shortly after new records. Only the lease
 * (lib/incidents/store.ts) decides who sends; this module only asks often enough that nothing
 * waits long, and never more often than the backoff allows (a run before `nextAttemptAt` returns
 * at once without a request).
 */
import type { UploadResult, Uploader } from './upload.ts';

/** The periodic alarm (forever: alarms persist across extension updates). */
export const UPLOAD_ALARM = 'hush:incident-upload';
/** The one-shot alarm at the end of a backoff. */
export const UPLOAD_RETRY_ALARM = 'hush:incident-upload-retry';
/** The safety net's period: a record is never left waiting longer than this while online. */
export const UPLOAD_PERIOD_MINUTES = 5;
/** New records are gathered this long before a run, so a burst of decisions is one request. */
export const RECORDED_DELAY_MS = 3_000;
/** A run that found the lease taken asks again after this long (the holder may be finishing). */
export const BUSY_DELAY_MS = 15_000;

/** The parts of browser.alarms used (pass `browser.alarms`; tests pass fakeBrowser's). */
export interface AlarmsLike {
  create(name: string, info: { periodInMinutes?: number; when?: number }): unknown;
  onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
}

export interface UploadSchedulerDeps {
  uploader: Uploader;
  alarms: AlarmsLike;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  /** Where a run that threw is told (its error name only). */
  warn?: (message: string) => void;
}

export interface UploadScheduler {
  /** Runs now (after the run going on, if any); `force` skips the backoff. */
  kick(force?: boolean): Promise<UploadResult | null>;
  /** A record was stored: run soon. */
  recorded(): void;
}

/** Starts the schedule: an alarm every UPLOAD_PERIOD_MINUTES and a run now. */
export function startUploads(deps: UploadSchedulerDeps): UploadScheduler {
  const later = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const warn = deps.warn ?? ((m: string) => console.warn(m));
  let running: Promise<UploadResult | null> | null = null;
  let again: boolean | null = null;
  let soon = false;

  const once = async (force: boolean): Promise<UploadResult | null> => {
    try {
      const result = await deps.uploader.run({ force });
      if (result.nextAttemptAt !== undefined) {
        void deps.alarms.create(UPLOAD_RETRY_ALARM, { when: result.nextAttemptAt });
      }
      if (result.status === 'busy') later(() => void kick(), BUSY_DELAY_MS);
      return result;
    } catch (error) {
      // The store could not be opened or the worker is shutting down: the next alarm retries.
      warn(`Hush: incident upload failed (${error instanceof Error ? error.name : typeof error})`);
      return null;
    }
  };

  function kick(force = false): Promise<UploadResult | null> {
    if (running) {
      // Asked during a run: one more run after it, forced if any caller forced.
      again = (again ?? false) || force;
      return running;
    }
    running = (async () => {
      let result = await once(force);
      while (again !== null) {
        const f = again;
        again = null;
        result = await once(f);
      }
      return result;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  void deps.alarms.create(UPLOAD_ALARM, { periodInMinutes: UPLOAD_PERIOD_MINUTES });
  deps.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPLOAD_ALARM || alarm.name === UPLOAD_RETRY_ALARM) void kick();
  });
  void kick();

  return {
    kick,
    recorded() {
      if (soon) return;
      soon = true;
      later(() => {
        soon = false;
        void kick();
      }, RECORDED_DELAY_MS);
    },
  };
}
