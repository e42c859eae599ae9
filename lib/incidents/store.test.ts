// fake-indexeddb installs a complete in-memory IndexedDB (the globals idb wraps) in Node: the store
// runs its real schema steps and transactions, without a browser.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { parseSealed } from '@/lib/sealed.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentRecord } from './record.ts';
import {
  IncidentStoreError,
  MIGRATIONS,
  SENT_RETENTION_MS,
  openIncidentStore,
  storeOpener,
  type IncidentStore,
  type Migration,
} from './store.ts';

let n = 0;
const open: IncidentStore[] = [];
/** A database name of its own for each test. */
const fresh = (): string => `incidents-test-${++n}`;

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function store(name: string, options = {}): Promise<IncidentStore> {
  const s = await openIncidentStore({ name, ...options });
  open.push(s);
  return s;
}

const T0 = Date.UTC(2026, 10, 2, 9, 30);

function record(i: number, over: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    time: T0 + i * 1000,
    siteId: 'chatgpt',
    host: 'chatgpt.com',
    pageClass: 'unapproved-ai',
    channel: 'paste',
    action: 'mask',
    outcome: 'masked',
    counts: { EMAIL: 1, CREDIT_CARD: 2 },
    state: 'pending',
    sentAt: null,
    extensionVersion: '0.1.0',
    ...over,
  };
}

describe('incident store', () => {
  it('creates the schema on first open: the queue with its indexes, and the counters', async () => {
    const name = fresh();
    (await store(name)).close();
    const db = await openDB(name);
    expect(db.version).toBe(MIGRATIONS.length);
    expect([...db.objectStoreNames].sort()).toEqual(['incidents', 'keys', 'meta', 'sync']);
    const tx = db.transaction('incidents');
    expect(tx.store.keyPath).toBe('id');
    expect([...tx.store.indexNames].sort()).toEqual(['by-state-time', 'by-time']);
    expect(tx.store.index('by-state-time').keyPath).toEqual(['state', 'time']);
    db.close();
  });

  it('keeps records, gives the pending ones oldest first, and marks them sent idempotently', async () => {
    const s = await store(fresh());
    for (const i of [3, 1, 2]) await s.add(record(i));
    expect((await s.pending()).map((r) => r.id)).toEqual([1, 2, 3].map((i) => record(i).id));
    expect(await s.get(record(2).id)).toEqual(record(2));

    await s.markSent([record(1).id, record(3).id, 'not-there'], T0 + 5000);
    await s.markSent([record(1).id], T0 + 9999); // a retried acknowledgement changes nothing
    expect((await s.pending()).map((r) => r.id)).toEqual([record(2).id]);
    expect(await s.get(record(1).id)).toMatchObject({ state: 'sent', sentAt: T0 + 5000 });
    expect((await s.recent(2)).map((r) => r.id)).toEqual([record(3).id, record(2).id]);
  });

  it('refuses a record that does not validate, and stores nothing', async () => {
    const s = await store(fresh());
    const bad = [
      { ...record(1), counts: { EMAIL: -1 } },
      { ...record(1), counts: { NOT_A_TYPE: 1 } },
      { ...record(1), channel: 'clipboard' },
      { ...record(1), id: 'not-a-uuid' },
      { ...record(1), state: 'sent' }, // sent without sentAt
      { ...record(1), reason: 'x'.repeat(501) },
    ];
    for (const r of bad) {
      await expect(s.add(r as IncidentRecord)).rejects.toBeInstanceOf(IncidentStoreError);
    }
    expect(await s.count()).toBe(0);
  });

  it('skips a stored record that no longer validates instead of handing it on', async () => {
    const name = fresh();
    const s = await store(name);
    await s.add(record(1));
    const db = await openDB(name);
    await db.put('incidents', { ...record(2), counts: 'damaged' });
    db.close();
    expect((await s.pending()).map((r) => r.id)).toEqual([record(1).id]);
    expect(await s.get(record(2).id)).toBeNull();
    // Damaged records at the head of the queue do not hold up the ones behind them.
    await s.add(record(3));
    expect((await s.pending(1)).map((r) => r.id)).toEqual([record(1).id]);
    await s.markSent([record(1).id], T0 + 9000);
    expect((await s.pending(1)).map((r) => r.id)).toEqual([record(3).id]);
  });

  it('deletes acknowledged records after the retention, and keeps pending ones however old', async () => {
    const s = await store(fresh());
    await s.add(record(1));
    await s.add(record(2));
    await s.markSent([record(1).id], T0 + 2000);
    const later = T0 + SENT_RETENTION_MS + 10_000;
    await s.add(record(3, { time: later }), later);
    expect((await s.recent()).map((r) => r.id).sort()).toEqual([record(2).id, record(3).id]);
  });

  it('caps its size: the oldest go first, and dropped pending records are counted', async () => {
    const s = await store(fresh(), { maxRecords: 3 });
    for (let i = 1; i <= 3; i++) await s.add(record(i));
    await s.markSent([record(1).id], T0 + 4000);
    await s.add(record(4)); // drops 1 (sent)
    await s.add(record(5)); // drops 2 (pending)
    expect(await s.count()).toBe(3);
    expect((await s.recent()).map((r) => r.id)).toEqual([5, 4, 3].map((i) => record(i).id));
    expect(await s.droppedPending()).toBe(1);
  });

  it('upgrades an older database step by step, keeping its records', async () => {
    // A database as the current schema leaves it, with records in it...
    const name = fresh();
    const v1 = await store(name);
    await v1.add(record(1));
    await v1.add(record(2));
    await v1.markSent([record(1).id], T0 + 3000);
    v1.close();

    // ...opened by a build with one more step. The step rewrites every record (as a real
    // migration that adds a field would) and adds an index; earlier steps must not run again.
    const ran: number[] = [];
    const steps: Migration[] = MIGRATIONS.map((step, i) => (db, tx) => {
      ran.push(i + 1);
      step(db, tx);
    });
    steps.push((_db, tx) => {
      ran.push(steps.length);
      const incidents = tx.objectStore('incidents');
      incidents.createIndex('by-site' as never, 'siteId');
      void (async () => {
        for (let c = await incidents.openCursor(); c; c = await c.continue()) {
          await c.update({ ...c.value, migrated: true } as IncidentRecord);
        }
      })();
    });
    const v2 = await store(name, { migrations: steps });
    expect(ran).toEqual([steps.length]);
    expect((await v2.recent()).map((r) => [r.id, r.state])).toEqual([
      [record(2).id, 'pending'],
      [record(1).id, 'sent'],
    ]);
    v2.close();
    const db = await openDB(name);
    expect(db.version).toBe(steps.length);
    expect([...db.transaction('incidents').store.indexNames]).toContain('by-site');
    const raw = (await db.getAll('incidents')) as Array<{ migrated?: boolean }>;
    expect(raw.map((r) => r.migrated)).toEqual([true, true]);
    db.close();

    // Opening again at the same version runs nothing.
    ran.length = 0;
    await store(name, { migrations: steps });
    expect(ran).toEqual([]);
  });

  it('runs every step in order on a new database', async () => {
    const ran: number[] = [];
    const steps: Migration[] = [
      ...MIGRATIONS.map((step, i): Migration => (db, tx) => {
        ran.push(i + 1);
        step(db, tx);
      }),
      () => ran.push(MIGRATIONS.length + 1),
    ];
    await store(fresh(), { migrations: steps });
    expect(ran).toEqual(steps.map((_, i) => i + 1));
  });

  it('says clearly when the database is newer than this build (after a downgrade)', async () => {
    const name = fresh();
    const newer = await store(name, { migrations: [...MIGRATIONS, () => {}] });
    newer.close();
    const error = await openIncidentStore({ name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncidentStoreError);
    expect((error as Error).message).toMatch(/newer than this build/);
  });

  it('lets a newer build upgrade while the service worker holds the database, then reopens', async () => {
    const name = fresh();
    const get = storeOpener(() => store(name));
    const first = await get();
    expect(await get()).toBe(first);
    await first.add(record(1));
    // A newer build opens with one more step: the old connection must give way...
    const newer = await store(name, { migrations: [...MIGRATIONS, () => {}] });
    expect(first.closed).toBe(true);
    newer.close();
    // ...and the next use opens a new connection (which now fails: this build is the older one).
    await expect(get()).rejects.toBeInstanceOf(IncidentStoreError);
  });

  it('seals the override reason at rest with a non-extractable key, and opens it on read', async () => {
    const name = fresh();
    const s = await store(name);
    const reason = 'Approved by [EMAIL] on the ticket';
    await s.add(record(1, { reason }));
    await s.markSent([record(1).id], T0 + 5000); // the state moves, the sealed reason stays
    const db = await openDB(name);
    const raw = (await db.get('incidents', record(1).id)) as Record<string, unknown>;
    const key = (await db.get('keys', 'reasons')) as CryptoKey;
    db.close();
    expect(raw.reason).toBeUndefined();
    expect(parseSealed(raw.sealedReason)).not.toBeNull();
    expect(JSON.stringify(raw)).not.toContain('ticket');
    expect(
      new TextDecoder().decode((raw.sealedReason as { data: ArrayBuffer }).data),
    ).not.toContain('ticket');
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    expect(await s.get(record(1).id)).toEqual({
      ...record(1, { reason }),
      state: 'sent',
      sentAt: T0 + 5000,
    });
    expect((await s.recent()).map((r) => r.reason)).toEqual([reason]);
  });

  it('keeps the same key across openings, and leaves out a reason moved to another record', async () => {
    const name = fresh();
    const warnings: string[] = [];
    await (await store(name)).add(record(1, { reason: 'first' }));
    const s = await store(name);
    expect((await s.get(record(1).id))?.reason).toBe('first');
    // Copy record 1's sealed reason onto record 2: the id is bound in, so it must not open.
    const db = await openDB(name);
    const raw = (await db.get('incidents', record(1).id)) as Record<string, unknown>;
    await db.put('incidents', { ...record(2), sealedReason: raw.sealedReason });
    db.close();
    const again = await store(name, { warn: (m: string) => warnings.push(m) });
    const moved = await again.get(record(2).id);
    expect(moved).toEqual(record(2));
    expect(warnings).toEqual(['Hush: an override reason could not be opened and is left out']);
  });

  it('migrates a version-1 database: plain reasons are sealed, records and counters kept', async () => {
    const name = fresh();
    const v1 = await openDB(name, 1, {
      upgrade: (db, _old, _new, tx) => MIGRATIONS[0]!(db as never, tx as never),
    });
    await v1.put('incidents', record(1, { reason: 'plain reason one' }));
    await v1.put('incidents', record(2));
    await v1.put('incidents', { ...record(3, { reason: 'plain reason three' }) });
    await v1.put('meta', 4, 'droppedPending');
    v1.close();

    const s = await store(name);
    const db = await openDB(name);
    const raws = (await db.getAll('incidents')) as Record<string, unknown>[];
    const flag = await db.get('meta', 'sealPlainReasons');
    db.close();
    expect(raws.map((r) => r.reason)).toEqual([undefined, undefined, undefined]);
    expect(raws.map((r) => parseSealed(r.sealedReason) !== null)).toEqual([true, false, true]);
    expect(flag).toBeUndefined();
    expect((await s.pending()).map((r) => r.reason)).toEqual([
      'plain reason one',
      undefined,
      'plain reason three',
    ]);
    expect(await s.droppedPending()).toBe(4);
    // A second pass has nothing to do.
    expect(await s.sealPlainReasons()).toBe(0);
  });

  it('deletes records the backend refused for good, and counts them', async () => {
    const s = await store(fresh());
    for (const i of [1, 2, 3]) await s.add(record(i));
    expect(await s.reject([record(1).id, record(3).id, record(9).id])).toBe(2);
    expect(await s.reject([record(1).id])).toBe(0);
    expect((await s.pending()).map((r) => r.id)).toEqual([record(2).id]);
    expect(await s.rejectedCount()).toBe(2);
    expect(await s.pendingCount()).toBe(1);
  });

  it('gives the upload lease to one owner at a time until it expires or is released', async () => {
    const name = fresh();
    const a = await store(name);
    const b = await store(name); // a second context on the same database
    expect(await a.tryLease('worker-a', T0, 60_000)).toBe(true);
    expect(await b.tryLease('worker-b', T0 + 1000, 60_000)).toBe(false);
    expect(await a.tryLease('worker-a', T0 + 30_000, 60_000)).toBe(true); // renewed
    expect(await b.tryLease('worker-b', T0 + 61_000, 60_000)).toBe(false);
    // The holder was killed: its lease runs out and another takes over.
    expect(await b.tryLease('worker-b', T0 + 90_001, 60_000)).toBe(true);
    await a.releaseLease('worker-a'); // not the holder any more: nothing changes
    expect(await a.tryLease('worker-a', T0 + 90_002, 60_000)).toBe(false);
    await b.releaseLease('worker-b');
    expect(await a.tryLease('worker-a', T0 + 90_003, 60_000)).toBe(true);
  });
});
