/**
 * The local incident store: every decision of the guard, kept in IndexedDB (through idb) until
 * issue 4's sync client has handed it to the backend. The schema is versioned; each version is
 * one migration step, and opening the database runs the steps the stored version has not seen
 * (`if (oldVersion < n)`), so a browser that skipped releases catches up in one upgrade.
 *
 * Records are validated on write and on read (parseIncidentRecord): the sync client and the
 * popup never see a malformed record, whatever wrote it.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { parseIncidentRecord, type IncidentRecord } from './record.ts';

/** The database's name in the extension's origin. Forever: a new name would orphan the queue. */
export const DB_NAME = 'hush-incidents';

/** The most records kept; past it the oldest go first (and pending ones are counted as dropped). */
export const MAX_RECORDS = 20_000;
/** Acknowledged records are kept this long for the popup and local export, then deleted. */
export const SENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface IncidentSchema extends DBSchema {
  incidents: {
    key: string;
    value: IncidentRecord;
    indexes: {
      /** Oldest first, for retention and the size cap. */
      'by-time': number;
      /** The sync queue: pending records oldest first. */
      'by-state-time': [string, number];
    };
  };
  /** Small counters the sync client reports with the queue (`droppedPending`). */
  meta: { key: string; value: number };
}

export type UpgradeTransaction = IDBPTransaction<
  IncidentSchema,
  ('incidents' | 'meta')[],
  'versionchange'
>;

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
];

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
    store = new IncidentStore(db, options.maxRecords ?? MAX_RECORDS);
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

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export class IncidentStore {
  #closed = false;

  constructor(
    private readonly db: IDBPDatabase<IncidentSchema>,
    private readonly maxRecords = MAX_RECORDS,
  ) {}

  /** True once closed (by `close`, a newer build's upgrade, or the browser): open a new one. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Adds a record (refused with an error when it does not validate), then applies retention:
   * acknowledged records older than SENT_RETENTION_MS go, and past the size cap the oldest go,
   * pending ones counted in `droppedPending` so the backend learns about the gap.
   */
  async add(record: IncidentRecord, now = record.time): Promise<void> {
    const valid = parseIncidentRecord(record);
    if (!valid) throw new IncidentStoreError('refused an invalid incident record');
    const tx = this.db.transaction(['incidents', 'meta'], 'readwrite');
    const incidents = tx.objectStore('incidents');
    await incidents.put(valid);
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
    return parseIncidentRecord(await this.db.get('incidents', id));
  }

  /** The sync queue: up to `limit` pending records, oldest first. */
  async pending(limit = 100): Promise<IncidentRecord[]> {
    const range = IDBKeyRange.bound(['pending', -Infinity], ['pending', Infinity]);
    const raw = await this.db.getAllFromIndex('incidents', 'by-state-time', range, limit);
    return raw.map(parseIncidentRecord).filter((r): r is IncidentRecord => r !== null);
  }

  /** The newest `limit` records, newest first (the popup's and a local export's view). */
  async recent(limit = 100): Promise<IncidentRecord[]> {
    const out: IncidentRecord[] = [];
    let cursor = await this.db
      .transaction('incidents')
      .store.index('by-time')
      .openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      const record = parseIncidentRecord(cursor.value);
      if (record) out.push(record);
      cursor = await cursor.continue();
    }
    return out;
  }

  /**
   * Marks records as acknowledged by the backend (issue 4). Ids it does not hold are ignored, so a
   * retried acknowledgement is harmless.
   */
  async markSent(ids: readonly string[], sentAt: number): Promise<void> {
    const tx = this.db.transaction('incidents', 'readwrite');
    for (const id of ids) {
      const record = parseIncidentRecord(await tx.store.get(id));
      if (record && record.state === 'pending') {
        await tx.store.put({ ...record, state: 'sent', sentAt });
      }
    }
    await tx.done;
  }

  /** How many records the store holds. */
  count(): Promise<number> {
    return this.db.count('incidents');
  }

  /** How many pending records the size cap has dropped since the backend last reset the count. */
  async droppedPending(): Promise<number> {
    return (await this.db.get('meta', 'droppedPending')) ?? 0;
  }

  close(): void {
    this.#closed = true;
    this.db.close();
  }
}
