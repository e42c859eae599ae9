/**
 * The false-alarm queue (issue 4): "this was not sensitive" reports the agent made in the popup,
 * kept in IndexedDB until the backend acknowledged them (lib/sync/false-alarm-upload.ts). A record
 * holds the detector id, the host the browser gave for the frame, and the time to the minute:
 * never text. Without a backend the records simply stay here and the popup counts them.
 *
 * A database of its own (not a store of the incident database) so that its schema can change
 * without a migration of the incident queue. Names, versions and field names are forever.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DETECTOR_ID } from './record.ts';

/** One false-alarm report as it is kept. */
export interface FalseAlarmRecord {
  /** A random UUID: the backend's idempotency key. */
  id: string;
  /** When the agent reported it, to the minute (ms since the epoch). */
  time: number;
  /** The registry id of the detector that was wrong. */
  detector: string;
  /** The frame's host, from the browser's sender when the decision was reported. */
  host: string;
  state: 'pending' | 'sent';
  /** When the backend acknowledged it; null while pending. */
  sentAt: number | null;
}

/** The uploader's retry state, kept beside the records so a restarted worker keeps its backoff. */
export interface FalseAlarmUploadState {
  failures: number;
  nextAttemptAt: number;
  lastError: string | null;
  lastSuccessAt: number | null;
}

export const INITIAL_FALSE_ALARM_STATE: FalseAlarmUploadState = {
  failures: 0,
  nextAttemptAt: 0,
  lastError: null,
  lastSuccessAt: null,
};

interface Schema extends DBSchema {
  alarms: { key: string; value: FalseAlarmRecord; indexes: { time: number } };
  meta: { key: string; value: unknown };
}

/** The database name (forever) and the most records kept (the oldest go first). */
export const FALSE_ALARM_DB = 'hush-false-alarms';
export const FALSE_ALARM_MAX = 500;
const VERSION = 1;
const STATE_KEY = 'upload';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HOST = /^[a-z0-9.-]{1,253}$/;
const MINUTE = 60_000;

/** Validates a stored record on read (STYLE.md principle 7); null when damaged or foreign. */
export function parseFalseAlarm(v: unknown): FalseAlarmRecord | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  if (typeof r.id !== 'string' || !UUID.test(r.id)) return null;
  if (typeof r.time !== 'number' || !Number.isFinite(r.time) || r.time % MINUTE !== 0) return null;
  if (typeof r.detector !== 'string' || !DETECTOR_ID.test(r.detector)) return null;
  if (typeof r.host !== 'string' || !HOST.test(r.host)) return null;
  if (r.state !== 'pending' && r.state !== 'sent') return null;
  if ((r.state === 'sent') !== (typeof r.sentAt === 'number')) return null;
  if (r.state === 'pending' && r.sentAt !== null) return null;
  return {
    id: r.id,
    time: r.time,
    detector: r.detector,
    host: r.host,
    state: r.state,
    sentAt: r.sentAt as number | null,
  };
}

function parseState(v: unknown): FalseAlarmUploadState {
  if (typeof v !== 'object' || v === null) return { ...INITIAL_FALSE_ALARM_STATE };
  const s = v as Record<string, unknown>;
  const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (!num(s.failures) || !num(s.nextAttemptAt)) return { ...INITIAL_FALSE_ALARM_STATE };
  return {
    failures: Math.max(0, Math.floor(s.failures)),
    nextAttemptAt: s.nextAttemptAt,
    lastError: typeof s.lastError === 'string' ? s.lastError.slice(0, 40) : null,
    lastSuccessAt: num(s.lastSuccessAt) ? s.lastSuccessAt : null,
  };
}

export interface FalseAlarmCounts {
  /** Reports waiting for the backend (all of them when there is none). */
  pending: number;
  /** Reports the backend acknowledged. */
  sent: number;
}

export interface FalseAlarmStore {
  /** Queues a report: time cut to the minute; refused (throws) when a field is malformed. */
  add(report: { id: string; time: number; detector: string; host: string }): Promise<void>;
  /** The oldest pending reports, at most `limit`. */
  pending(limit: number): Promise<FalseAlarmRecord[]>;
  markSent(id: string, now: number): Promise<void>;
  /** Deletes a report the backend will never take. */
  reject(id: string): Promise<void>;
  counts(): Promise<FalseAlarmCounts>;
  readState(): Promise<FalseAlarmUploadState>;
  writeState(state: FalseAlarmUploadState): Promise<void>;
  close(): void;
}

/** Opens (and creates or upgrades) the false-alarm database. */
export async function openFalseAlarmStore(
  options: { name?: string; max?: number } = {},
): Promise<FalseAlarmStore> {
  const max = options.max ?? FALSE_ALARM_MAX;
  const db: IDBPDatabase<Schema> = await openDB<Schema>(options.name ?? FALSE_ALARM_DB, VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        const alarms = d.createObjectStore('alarms', { keyPath: 'id' });
        alarms.createIndex('time', 'time');
        d.createObjectStore('meta');
      }
    },
  });
  const all = async (): Promise<FalseAlarmRecord[]> =>
    (await db.getAllFromIndex('alarms', 'time'))
      .map(parseFalseAlarm)
      .filter((r): r is FalseAlarmRecord => r !== null);
  return {
    async add(report) {
      const record = parseFalseAlarm({
        id: report.id,
        time: Math.floor(report.time / MINUTE) * MINUTE,
        detector: report.detector,
        host: report.host,
        state: 'pending',
        sentAt: null,
      });
      if (!record) throw new Error('a false-alarm report with a malformed field was refused');
      const tx = db.transaction('alarms', 'readwrite');
      await tx.store.put(record);
      // Bounded: the oldest (sent first, then pending) go when the cap is passed.
      const count = await tx.store.count();
      if (count > max) {
        const rows = await tx.store.index('time').getAll();
        rows.sort((a, b) => (a.state === b.state ? a.time - b.time : a.state === 'sent' ? -1 : 1));
        for (const r of rows.slice(0, count - max)) await tx.store.delete(r.id);
      }
      await tx.done;
    },
    pending: async (limit) => (await all()).filter((r) => r.state === 'pending').slice(0, limit),
    async markSent(id, now) {
      const tx = db.transaction('alarms', 'readwrite');
      const r = parseFalseAlarm(await tx.store.get(id));
      if (r && r.state === 'pending') await tx.store.put({ ...r, state: 'sent', sentAt: now });
      await tx.done;
    },
    reject: (id) => db.delete('alarms', id),
    async counts() {
      const rows = await all();
      const sent = rows.filter((r) => r.state === 'sent').length;
      return { pending: rows.length - sent, sent };
    },
    readState: async () => parseState(await db.get('meta', STATE_KEY)),
    writeState: async (state) => {
      await db.put('meta', state, STATE_KEY);
    },
    close: () => db.close(),
  };
}

/** Opens the store on first use and keeps it (the background's way, like storeOpener). */
export function falseAlarmStoreOpener(
  options: { name?: string; max?: number } = {},
): () => Promise<FalseAlarmStore> {
  let opening: Promise<FalseAlarmStore> | null = null;
  return () => {
    opening ??= openFalseAlarmStore(options).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
}

/** What the popup may ask of the background about false alarms (lib/messages.ts). */
export interface FalseAlarmService {
  /**
   * Reports one detector of one of the tab's recent decisions as a false alarm: marks it in the
   * tab's summary (so it cannot be sent twice) and queues the record. The host comes from the
   * summary, which took it from the browser's sender; the popup sends only ids.
   */
  report(
    tabId: number,
    decisionId: string,
    detector: string,
  ): Promise<{ ok: true } | { error: string }>;
  counts(): Promise<FalseAlarmCounts>;
}

export function createFalseAlarmService(deps: {
  summaries: Pick<import('./summary.ts').TabSummaryStore, 'markFalseAlarm'>;
  store: () => Promise<FalseAlarmStore>;
  newId: () => string;
  now: () => number;
  /** Called after a report was queued, so the uploader can send it. */
  onQueued?: () => void;
}): FalseAlarmService {
  return {
    async report(tabId, decisionId, detector) {
      const mark = await deps.summaries.markFalseAlarm(tabId, decisionId, detector);
      if (!mark.ok) return { error: mark.error };
      const store = await deps.store();
      await store.add({ id: deps.newId(), time: deps.now(), detector, host: mark.host });
      deps.onQueued?.();
      return { ok: true };
    },
    counts: async () => (await deps.store()).counts(),
  };
}
