/**
 * The sync client the background runs: enrollment (enrollment.ts) then policy sync
 * (policy-sync.ts), on start-up, on an `alarms` timer every 5 minutes (alarms survive the service
 * worker being stopped), and when IT changes managed policy. One run at a time; a run asked for
 * while one is going runs once more after it.
 *
 * A 401 on the policy means the backend no longer knows the credential (device deleted, database
 * restored): the client drops it, enrolls again at once and retries the sync; further enrollment
 * failures back off (enrollment.ts).
 */
import type { PolicyService } from '@/lib/policy/service.ts';
import { dropEnrolment, ensureEnrolled, type EnrolDeps } from './enrollment.ts';
import type { FetchLike, LocalArea } from './http.ts';
import { loadSyncRecord, recordSyncFailure, syncPolicy, type SyncResult } from './policy-sync.ts';

/** The alarm's name (forever: alarms persist across extension updates). */
export const SYNC_ALARM = 'hush:policy-sync';
/** The timer's period: the "at most every 5 minutes". */
export const SYNC_PERIOD_MINUTES = 5;
const PERIOD_MS = SYNC_PERIOD_MINUTES * 60_000;
/**
 * A one-shot alarm at the time a failed enrollment may be tried again (enrollment.ts backs off
 * from 30 s to an hour): without it a browser whose first attempt failed (backend restarting,
 * network not up yet) would wait for the next 5-minute sync, or an hour-long backoff would be cut
 * short by every sync. Forever: alarms persist across extension updates.
 */
export const ENROL_RETRY_ALARM = 'hush:enrol-retry';

/** The parts of the browser the client uses (pass `browser`'s; tests pass fakes). */
export interface SyncClientDeps {
  local: LocalArea;
  onChanged: {
    addListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
  };
  alarms: {
    create(
      name: string,
      info: { periodInMinutes?: number; delayInMinutes?: number; when?: number },
    ): unknown;
    get(name: string): Promise<unknown>;
    onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
  };
  policy: Pick<PolicyService, 'connection'>;
  fetch: FetchLike;
  profileEmail: EnrolDeps['profileEmail'];
  extensionVersion: string;
  browserName: string;
  now: () => number;
  random?: () => number;
}

export interface SyncClient {
  /** Runs enrollment and a policy sync now (or once more after the one running). */
  run(): Promise<SyncResult>;
}

/** One pass: enroll if needed, then sync; a 401 re-enrolls and syncs once more. */
async function runOnce(deps: SyncClientDeps): Promise<SyncResult> {
  const connection = await deps.policy.connection();
  const enrolDeps: EnrolDeps = {
    local: deps.local,
    fetch: deps.fetch,
    connection,
    profileEmail: deps.profileEmail,
    extensionVersion: deps.extensionVersion,
    browserName: deps.browserName,
    now: deps.now,
    random: deps.random,
  };
  for (let attempt = 0; ; attempt++) {
    const enrolled = await ensureEnrolled(enrolDeps);
    if (enrolled.state === 'not-configured') {
      await recordSyncFailure(deps.local, 'not-configured', deps.now());
      return { result: 'failed', reason: 'not-configured' };
    }
    if (enrolled.state !== 'enrolled') {
      await deps.alarms.create(ENROL_RETRY_ALARM, { when: enrolled.retryAt });
      await recordSyncFailure(deps.local, 'not-enrolled', deps.now());
      return { result: 'failed', reason: 'not-enrolled' };
    }
    const result = await syncPolicy({
      local: deps.local,
      fetch: deps.fetch,
      connection,
      enrolment: enrolled.enrolment,
      now: deps.now,
    });
    // A credential just issued that is refused at once is not fixed by enrolling again.
    if (result.result === 'failed' && result.reason === 'unauthorized' && attempt === 0) {
      await dropEnrolment(deps.local, enrolled.enrolment.credential);
      if (!enrolled.fresh) continue;
    }
    return result;
  }
}

/** Starts the client: a run now, one on every alarm, one on every change of managed policy. */
export function startSyncClient(deps: SyncClientDeps): SyncClient {
  let running: Promise<SyncResult> | null = null;
  let again = false;

  const run = (): Promise<SyncResult> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: SyncResult;
      do {
        again = false;
        try {
          result = await runOnce(deps);
        } catch {
          // Storage or WebCrypto failing is not the network: record it and try at the next alarm.
          result = { result: 'failed', reason: 'bad-response' };
        }
      } while (again);
      return result;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  // Alarms outlive the worker, and create() with an existing name restarts its period: a worker
  // woken every few minutes would push the alarm back for ever. Create it only when missing.
  void deps.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm) return deps.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  });
  deps.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === ENROL_RETRY_ALARM) void run();
  });
  deps.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void run();
  });
  // The worker starts for every event (a guard report, a popup), not only with the browser:
  // sync at start-up only when the last attempt is a period old, so wake-ups stay offline.
  void (async () => {
    const last = await loadSyncRecord(deps.local).catch(() => null);
    const due = last?.lastAttemptAt == null || deps.now() - last.lastAttemptAt >= PERIOD_MS;
    if (due) await run();
  })();
  return { run };
}

/** The part of `browser.identity` Hush may use, when the browser offers it. */
interface IdentityLike {
  getProfileUserInfo?: (details?: {
    accountStatus?: 'SYNC' | 'ANY';
  }) => Promise<{ email?: string }>;
}

/**
 * The profile's email when the browser already lets Hush read it, else null. Hush does not ask for
 * the `identity` permissions itself (an install warning, and Firefox has no such call): only a
 * build or a browser that grants them gets the email, everyone else a random per-profile id.
 */
export async function profileEmailOf(identity: IdentityLike | undefined): Promise<string | null> {
  if (!identity?.getProfileUserInfo) return null;
  try {
    const info = await identity.getProfileUserInfo({ accountStatus: 'ANY' });
    return info.email ? info.email : null;
  } catch {
    return null;
  }
}
