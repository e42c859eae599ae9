/**
 * The local incident store: every decision of the guard, kept in IndexedDB (through idb) until
 * the sync client (lib/sync/upload.ts) has handed it to the backend. The schema is versioned;
 * each version is one migration step, and opening the database runs the steps the stored version
 * has not seen (`if (oldVersion < n)`), so a browser that skipped releases catches up in one
 * upgrade.
 *
 * Records are validated on write and on read (parseIncidentRecord): the sync client and the
 * popup never see a malformed record, whatever wrote it. The override reason, the one field that
 * holds more than counts, is sealed with a non-extractable AES-GCM key before it is written
 * (lib/sealed.ts) and opened on read.
 *
 * The same database holds what the uploader must keep across a killed service worker and a
 * browser restart: its lease (so only one upload runs at a time) and its retry state.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  isSealingKey,
  newSealingKey,
  parseSealed,
  seal,
  unseal,
  type Sealed,
} from '@/lib/sealed.ts';
import { parseIncidentRecord, type IncidentRecord } from './record.ts';

/** The database's name in the extension's origin. Forever: a new name would orphan the queue. */
export const DB_NAME = 'hush-incidents';

/**
 * The most records kept, pending or sent; past it the oldest go first, and pending ones are
 * counted as dropped (the uploader reports that count to the backend).
 */
export const MAX_RECORDS = 10_000;
/** Acknowledged records are kept this long for the popup and local export, then deleted. */
export const SENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A record as it is stored: the reason, when there is one, sealed in `sealedReason`. A plain
 * `reason` exists only in databases written by schema version 1, until the step after opening
 * seals it.
 */
export type StoredIncident = IncidentRecord & { sealedReason?: Sealed };

export interface IncidentSchema extends DBSchema {
  incidents: {
    key: string;
    value: StoredIncident;
    indexes: {
      /** Oldest first, for retention and the size cap. */
      'by-time': number;
      /** The sync queue: pending records oldest first. */
      'by-state-time': [string, number];
    };
  };
  /**
   * Small counters: `droppedPending` (pending records the size cap dropped since the database was
   * made; the uploader reports the total), `rejected` (records the backend refused for good),
   * `sealPlainReasons` (1 while version-1 reasons still wait to be sealed).
   */
  meta: { key: string; value: number };
  /** The sealing key (a non-extractable CryptoKey object) under `reasons`. Since version 2. */
  keys: { key: string; value: CryptoKey };
  /** The uploader's lease and retry state (validated by their reader). Since version 2. */
  sync: { key: string; value: unknown };
}

type StoreName = 'incidents' | 'meta' | 'keys' | 'sync';

export type UpgradeTransaction = IDBPTransaction<IncidentSchema, StoreName[], 'versionchange'>;

/**
 * One schema step: brings the database from version n-1 to n. Steps run synchronously inside the
 * upgrade transaction; a step that rewrites records issues its requests on `tx` (they run in
 * order, before any later step's requests).
 */
export type Migration = (db: IDBPDatabase<IncidentSchema>, tx: UpgradeTransaction) => void;

/**
 * The schema's history, one entry a version (index 0 makes version 1). Append only: a shipped
 * step is never edited, because browsers that already ran it will not run it again.
 */
export const MIGRATIONS: readonly Migration[] = [
  // Version 1: the incident queue and its counters.
  (db) => {
    const incidents = db.createObjectStore('incidents', { keyPath: 'id' });
    incidents.createIndex('by-time', 'time');
    incidents.createIndex('by-state-time', ['state', 'time']);
    db.createObjectStore('meta');
  },
  // Version 2: the sealing key and the uploader's state. Reasons written by version 1 are plain
  // text; sealing them needs WebCrypto, which cannot run inside the upgrade transaction (IndexedDB
  // commits a transaction that waits on anything else), so this step only marks the work and
  // openIncidentStore seals them right after opening (sealPlainReasons).
  (db, tx) => {
    db.createObjectStore('keys');
    db.createObjectStore('sync');
    void tx.objectStore('meta').put(1, 'sealPlainReasons');
  },
];

/** The key of the sealing key in the `keys` store. Forever. */
const REASON_KEY = 'reasons';
/** The uploader's lease in the `sync` store. */
const LEASE = 'lease';

/** The store could not be opened or used; the message names the cause, never a record's data. */
export class IncidentStoreError extends Error {
  override name = 'IncidentStoreError';
}

export interface OpenOptions {
  /** Database name (tests give each case its own). */
  name?: string;
  /** The schema steps; tests append one to prove the upgrade path. */
  migrations?: readonly Migration[];
  /** The size cap; MAX_RECORDS unless a test wants a small one. */
  maxRecords?: number;
  /** Where an unreadable sealed reason is told (names only); console.warn by default. */
  warn?: (message: string) => void;
}

/** Runs the steps the stored version has not seen, oldest first. */
export function upgradeSchema(
  migrations: readonly Migration[],
): (
  db: IDBPDatabase<IncidentSchema>,
  oldVersion: number,
  _: number | null,
  tx: UpgradeTransaction,
) => void {
  return (db, oldVersion, _newVersion, tx) => {
    for (let n = 1; n <= migrations.length; n++) {
      if (oldVersion < n) migrations[n - 1]!(db, tx);
    }
  };
}

/** Opens (creating or upgrading) the incident database. */
export async function openIncidentStore(options: OpenOptions = {}): Promise<IncidentStore> {
  const name = options.name ?? DB_NAME;
  const migrations = options.migrations ?? MIGRATIONS;
  const version = migrations.length;
  let store: IncidentStore | undefined;
  try {
    const db = await openDB<IncidentSchema>(name, version, {
      upgrade: upgradeSchema(migrations),
      // A newer build (after an update) wants to upgrade: let it; the owner reopens on next use.
      blocking: () => store?.close(),
      terminated: () => store?.close(),
    });
    const key = await sealingKey(db);
    store = new IncidentStore(db, key, options.maxRecords ?? MAX_RECORDS, options.warn);
    await store.sealPlainReasons();
    return store;
  } catch (error) {
    if (error instanceof Error && error.name === 'VersionError') {
      throw new IncidentStoreError(
        `the incident database is newer than this build understands (schema ${version}); ` +
          'records are kept for the newer build',
        { cause: error },
      );
    }
    throw new IncidentStoreError(
      `the incident database could not be opened (${errorName(error)})`,
      {
        cause: error,
      },
    );
  }
}

/**
 * The store for a long-lived owner (the service worker): opened on first use, shared by callers
 * meanwhile, and opened again after it was closed (a newer build's upgrade) or failed to open.
 */
export function storeOpener(
  open: () => Promise<IncidentStore> = openIncidentStore,
): () => Promise<IncidentStore> {
  let opened: IncidentStore | null = null;
  let opening: Promise<IncidentStore> | null = null;
  return () => {
    if (opened && !opened.closed) return Promise.resolve(opened);
    opening ??= open()
      .then((store) => (opened = store))
      .finally(() => {
        opening = null;
      });
    return opening;
  };
}

/**
 * The database's sealing key, made on first use. Two contexts opening at once (a service worker
 * and the options page) may both make a key; the readwrite transaction lets only the first one be
 * stored, and both use the stored one.
 */
async function sealingKey(db: IDBPDatabase<IncidentSchema>): Promise<CryptoKey> {
  const candidate = await newSealingKey();
  const tx = db.transaction('keys', 'readwrite');
  const stored: unknown = await tx.store.get(REASON_KEY);
  let key = candidate;
  // A damaged or foreign value is replaced: reasons sealed with it could not be opened anyway.
  if (isSealingKey(stored)) key = stored;
  else await tx.store.put(candidate, REASON_KEY);
  await tx.done;
  return key;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** The uploader's lease: who holds it and until when (ms since the epoch). */
export interface Lease {
  owner: string;
  expires: number;
}

function parseLease(value: unknown): Lease | null {
  if (typeof value !== 'object' || value === null) return null;
  const { owner, expires } = value as Record<string, unknown>;
  if (typeof owner !== 'string' || typeof expires !== 'number' || !Number.isFinite(expires)) {
    return null;
  }
  return { owner, expires };
}

/** How many records the version-1 reason sealing reads at a time. */
const SEAL_CHUNK = 200;

export class IncidentStore {
  #closed = false;

  constructor(
    private readonly db: IDBPDatabase<IncidentSchema>,
    private readonly key: CryptoKey,
    private readonly maxRecords = MAX_RECORDS,
    /** Where an unreadable sealed reason is told (names only). */
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {}

  /** True once closed (by `close`, a newer build's upgrade, or the browser): open a new one. */
  get closed(): boolean {
    return this.#closed;
  }

  /** The record as stored: its reason, if any, sealed (before any transaction opens). */
  private async toStored(record: IncidentRecord): Promise<StoredIncident> {
    const { reason, ...rest } = record;
    if (reason === undefined) return rest;
    return { ...rest, sealedReason: await seal(this.key, reason, record.id) };
  }

  /**
   * A stored record, validated and with its reason opened; null when it does not validate. A
   * reason that cannot be opened (the key was lost) is left out rather than losing the counts.
   */
  private async fromStored(raw: unknown): Promise<IncidentRecord | null> {
    const record = parseIncidentRecord(raw);
    if (!record) return null;
    const sealedRaw = (raw as { sealedReason?: unknown }).sealedReason;
    if (sealedRaw === undefined) return record;
    delete record.reason;
    const sealed = parseSealed(sealedRaw);
    try {
      if (!sealed) throw new Error('damaged');
      const reason = await unseal(this.key, sealed, record.id);
      if (parseIncidentRecord({ ...record, reason })) record.reason = reason;
    } catch {
      this.warn('Hush: an override reason could not be opened and is left out');
    }
    return record;
  }

  private async fromStoredAll(raws: readonly unknown[]): Promise<IncidentRecord[]> {
    const records = await Promise.all(raws.map((raw) => this.fromStored(raw)));
    return records.filter((r): r is IncidentRecord => r !== null);
  }

  /**
   * Adds a record (refused with an error when it does not validate), then applies retention:
   * acknowledged records older than SENT_RETENTION_MS go, and past the size cap the oldest go,
   * pending ones counted in `droppedPending` so the backend learns about the gap.
   */
  async add(record: IncidentRecord, now = record.time): Promise<void> {
    const valid = parseIncidentRecord(record);
    if (!valid) throw new IncidentStoreError('refused an invalid incident record');
    // Sealing awaits WebCrypto, so it happens before the transaction opens.
    const stored = await this.toStored(valid);
    const tx = this.db.transaction(['incidents', 'meta'], 'readwrite');
    const incidents = tx.objectStore('incidents');
    await incidents.put(stored);
    // Acknowledged and old: the backend has them.
    let cursor = await incidents
      .index('by-state-time')
      .openCursor(IDBKeyRange.bound(['sent', -Infinity], ['sent', now - SENT_RETENTION_MS]));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    let excess = (await incidents.count()) - this.maxRecords;
    if (excess > 0) {
      let dropped = 0;
      let oldest = await incidents.index('by-time').openCursor();
      while (oldest && excess > 0) {
        if (oldest.value.state === 'pending') dropped++;
        await oldest.delete();
        excess--;
        oldest = await oldest.continue();
      }
      if (dropped > 0) {
        const meta = tx.objectStore('meta');
        await meta.put(((await meta.get('droppedPending')) ?? 0) + dropped, 'droppedPending');
      }
    }
    await tx.done;
  }

  /** The record with this id, or null (also when the stored record does not validate). */
  async get(id: string): Promise<IncidentRecord | null> {
    return this.fromStored(await this.db.get('incidents', id));
  }

  /**
   * The sync queue: up to `limit` pending records, oldest first. A damaged record is skipped, not
   * counted against the limit, so it can never hold up the records behind it.
   */
  async pending(limit = 100): Promise<IncidentRecord[]> {
    const range = IDBKeyRange.bound(['pending', -Infinity], ['pending', Infinity]);
    const raws: unknown[] = [];
    let cursor = await this.db
      .transaction('incidents')
      .store.index('by-state-time')
      .openCursor(range);
    while (cursor && raws.length < limit) {
      if (parseIncidentRecord(cursor.value)) raws.push(cursor.value);
      cursor = await cursor.continue();
    }
    return this.fromStoredAll(raws);
  }

  /** How many records wait for the backend. */
  pendingCount(): Promise<number> {
    const range = IDBKeyRange.bound(['pending', -Infinity], ['pending', Infinity]);
    return this.db.countFromIndex('incidents', 'by-state-time', range);
  }

  /** The newest `limit` records, newest first (the popup's and a local export's view). */
  async recent(limit = 100): Promise<IncidentRecord[]> {
    const raws: unknown[] = [];
    let cursor = await this.db
      .transaction('incidents')
      .store.index('by-time')
      .openCursor(null, 'prev');
    // Collected first and opened after: awaiting WebCrypto inside the loop would end the
    // transaction under the cursor.
    while (cursor && raws.length < limit) {
      if (parseIncidentRecord(cursor.value)) raws.push(cursor.value);
      cursor = await cursor.continue();
    }
    return this.fromStoredAll(raws);
  }

  /**
   * Marks records as acknowledged by the backend (issue 4). Ids it does not hold are ignored, so a
   * retried acknowledgement is harmless.
   */
  async markSent(ids: readonly string[], sentAt: number): Promise<void> {
    const tx = this.db.transaction('incidents', 'readwrite');
    for (const id of ids) {
      const raw = await tx.store.get(id);
      const record = parseIncidentRecord(raw);
      // The stored form is rewritten as it is (its sealed reason included), only the state moves.
      if (raw && record && record.state === 'pending') {
        await tx.store.put({ ...raw, state: 'sent', sentAt });
      }
    }
    await tx.done;
  }

  /**
   * Deletes records the backend refused for good (it will never take them, so keeping them would
   * retry forever) and counts them in `rejected`. Returns how many were deleted.
   */
  async reject(ids: readonly string[]): Promise<number> {
    const tx = this.db.transaction(['incidents', 'meta'], 'readwrite');
    const incidents = tx.objectStore('incidents');
    let n = 0;
    for (const id of ids) {
      if ((await incidents.count(id)) === 0) continue;
      await incidents.delete(id);
      n++;
    }
    if (n > 0) {
      const meta = tx.objectStore('meta');
      await meta.put(((await meta.get('rejected')) ?? 0) + n, 'rejected');
    }
    await tx.done;
    return n;
  }

  /** How many records the store holds. */
  count(): Promise<number> {
    return this.db.count('incidents');
  }

  /**
   * How many pending records the size cap has dropped since the database was made. The total
   * only grows, so the uploader can report it as it is and the backend keeps the largest figure
   * (a replayed report changes nothing).
   */
  async droppedPending(): Promise<number> {
    return (await this.db.get('meta', 'droppedPending')) ?? 0;
  }

  /** How many records the backend refused for good since the database was made. */
  async rejectedCount(): Promise<number> {
    return (await this.db.get('meta', 'rejected')) ?? 0;
  }

  /**
   * Takes (or renews) the uploader's lease until `now + ttlMs` for `owner`. Fails while another
   * owner's lease has not expired. IndexedDB runs readwrite transactions on the same store one at
   * a time, so two contexts cannot both take it; a killed service worker's lease simply expires.
   */
  async tryLease(owner: string, now: number, ttlMs: number): Promise<boolean> {
    const tx = this.db.transaction('sync', 'readwrite');
    const held = parseLease(await tx.store.get(LEASE));
    if (held && held.owner !== owner && held.expires > now) {
      await tx.done;
      return false;
    }
    await tx.store.put({ owner, expires: now + ttlMs } satisfies Lease, LEASE);
    await tx.done;
    return true;
  }

  /** Gives the lease back, if `owner` still holds it. */
  async releaseLease(owner: string): Promise<void> {
    const tx = this.db.transaction('sync', 'readwrite');
    const held = parseLease(await tx.store.get(LEASE));
    if (held?.owner === owner) await tx.store.delete(LEASE);
    await tx.done;
  }

  /** A value of the uploader's state (unvalidated: its reader validates it). */
  readSync(key: string): Promise<unknown> {
    return this.db.get('sync', key);
  }

  /** Stores a value of the uploader's state. */
  async writeSync(key: string, value: unknown): Promise<void> {
    await this.db.put('sync', value, key);
  }

  /**
   * The data half of schema step 2: seals the plain reasons a version-1 database holds, a chunk
   * at a time, then clears the mark. A record changed meanwhile is left for the next pass; a pass
   * cut short (the worker killed) runs again on the next open, so it is safe to repeat.
   */
  async sealPlainReasons(): Promise<number> {
    if (!(await this.db.get('meta', 'sealPlainReasons'))) return 0;
    let sealed = 0;
    let after: string | null = null;
    for (;;) {
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const chunk: StoredIncident[] = await this.db.getAll('incidents', range, SEAL_CHUNK);
      if (chunk.length === 0) break;
      after = chunk[chunk.length - 1]!.id;
      const plain = chunk.filter(
        (r) => typeof r.reason === 'string' && r.sealedReason === undefined,
      );
      const done = await Promise.all(
        plain.map(async (r) => ({
          id: r.id,
          reason: r.reason,
          sealedReason: await seal(this.key, r.reason!, r.id),
        })),
      );
      const tx = this.db.transaction('incidents', 'readwrite');
      for (const d of done) {
        const now = await tx.store.get(d.id);
        if (!now || now.reason !== d.reason || now.sealedReason !== undefined) continue;
        const { reason: _plain, ...rest } = now;
        await tx.store.put({ ...rest, sealedReason: d.sealedReason });
        sealed++;
      }
      await tx.done;
      if (chunk.length < SEAL_CHUNK) break;
    }
    await this.db.delete('meta', 'sealPlainReasons');
    return sealed;
  }

  close(): void {
    this.#closed = true;
    this.db.close();
  }
}
