/**
 * Backup and restore on a real SQLite file (online backup while another connection writes) and the
 * real PostgreSQL (pg_dump / pg_restore into fresh databases made for the run and dropped after):
 * the restored database equals the backup table by table, row by row; a damaged, foreign or newer
 * file is refused with a clear error; a database with data is not replaced without --force; and a
 * refused or failed restore leaves the target as it was.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, publishPolicy } from './admin.ts';
import { appendAudit, verifyAudit } from './audit.ts';
import {
  backupPostgres,
  backupSqlite,
  inspectSqlite,
  restorePostgres,
  restoreSqlite,
} from './backup.ts';
import { migrate, openDb, type Db } from './db/index.ts';
import { PG_URL, dropDatabase, onServer } from './test-util.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const dir = mkdtempSync(join(tmpdir(), 'hush-backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every table's rows, sorted, as JSON: two databases are equal when these are. */
async function dump(db: Db, kind: 'sqlite' | 'postgres'): Promise<Record<string, unknown[]>> {
  const tables =
    kind === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(
            db,
          )
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`.execute(
            db,
          )
        ).rows.map((r) => r.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = (await sql`SELECT * FROM ${sql.table(t)}`.execute(db)).rows;
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** A tenant, a policy and some incidents: something in most tables. */
async function seed(db: Db) {
  const t = await createTenant(db, { name: 'Backup Test', now: NOW });
  await publishPolicy(db, t.tenantId, { version: 1 }, NOW);
  await db
    .insertInto('incidents')
    .values(
      Array.from({ length: 50 }, (_, i) => ({
        tenant_id: t.tenantId,
        id: randomUUID(),
        device_id: 'device-test',
        time: new Date(NOW - i * 60_000).toISOString(),
        site_id: null,
        host: 'chat.example.com',
        page_class: 'unapproved-ai',
        channel: 'paste',
        action: 'mask',
        outcome: 'masked',
        counts: '{"EMAIL":1}',
        total: 1,
        policy_version: 1,
        extension_version: '0.1.0',
        user_pseudonym: `u_test_backup_${String(i).padStart(4, '0')}`,
        team: null,
        reason: null,
        received_at: new Date(NOW).toISOString(),
      })),
    )
    .execute();
  return t.tenantId;
}

describe('backup and restore on SQLite', () => {
  it('backs up while another connection writes; the restore equals the backup row by row', async () => {
    const live = join(dir, 'live.sqlite');
    const db = openDb({ file: live });
    await migrate(db);
    const tenantId = await seed(db);
    // The writer: audit appends (two tables changed in one transaction each) until told to stop.
    // A torn copy would show as a chain whose head disagrees with its entries.
    let stop = false;
    let written = 0;
    const writer = (async () => {
      while (!stop) {
        await appendAudit(db, { tenantId, actor: 'test:writer', action: 'test.write' }, NOW);
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (written < 20) await new Promise((r) => setTimeout(r, 5));
    const file = join(dir, 'backup.sqlite');
    const info = await backupSqlite(live, file);
    const atBackup = written;
    stop = true;
    await writer;
    expect(info.rows.incidents).toBe(50);
    expect(written).toBeGreaterThan(20);

    const restoredFile = join(dir, 'restored', 'hush.sqlite');
    await restoreSqlite(file, restoredFile, { force: false });
    const restored = openDb({ file: restoredFile });
    const backup = openDb({ file });
    try {
      expect(await dump(restored, 'sqlite')).toEqual(await dump(backup, 'sqlite'));
      const v = await verifyAudit(restored, tenantId);
      expect(v.ok).toBe(true);
      // The copy holds a consistent prefix of the writes: at least those done before it began.
      expect(v.entries).toBeGreaterThanOrEqual(2 + 20);
      expect(v.entries).toBeLessThanOrEqual(2 + atBackup + 1);
      // And every row it holds is the live database's row, unchanged.
      const liveRows = await dump(db, 'sqlite');
      const copy = await dump(restored, 'sqlite');
      for (const [table, rows] of Object.entries(copy)) {
        if (table === 'audit_heads') continue; // the head moved on with later writes
        const all = new Set(liveRows[table]);
        for (const r of rows) expect(all.has(r)).toBe(true);
      }
    } finally {
      await restored.destroy();
      await backup.destroy();
      await db.destroy();
    }
  });

  it('refuses to overwrite data without --force, and an existing backup file', async () => {
    const file = join(dir, 'backup.sqlite');
    const target = join(dir, 'has-data.sqlite');
    const db = openDb({ file: target });
    await migrate(db);
    await seed(db);
    await db.destroy();
    const before = readFileSync(target);
    await expect(restoreSqlite(file, target, { force: false })).rejects.toThrow(
      /already holds data; stop the server and pass --force/,
    );
    expect(readFileSync(target).equals(before)).toBe(true);
    await restoreSqlite(file, target, { force: true });
    expect(inspectSqlite(target).rows).toEqual(inspectSqlite(file).rows);
    await expect(backupSqlite(target, file)).rejects.toThrow(/already exists/);
  });

  it('refuses damaged, foreign and newer files cleanly and leaves the target alone', async () => {
    const target = join(dir, 'untouched.sqlite');
    const notDb = join(dir, 'not-a-db.sqlite');
    writeFileSync(notDb, 'this is not a database, just text\n'.repeat(200));
    const foreign = join(dir, 'foreign.sqlite');
    const f = new SQLite(foreign);
    f.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'x')",
    );
    f.close();
    const newer = join(dir, 'newer.sqlite');
    const n = openDb({ file: newer });
    await migrate(n);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', 'x')`.execute(
      n,
    );
    await n.destroy();
    const damaged = join(dir, 'damaged.sqlite');
    const good = readFileSync(join(dir, 'backup.sqlite'));
    // Keep the header (so it opens) and scribble over the pages after it.
    const bad = Buffer.from(good);
    randomBytes(bad.length - 4096).copy(bad, 4096);
    writeFileSync(damaged, bad);

    for (const [file, why] of [
      [notDb, /not a SQLite database|cannot be opened/],
      [foreign, /not a Hush database/],
      [newer, /newer Hush \(unknown migrations: 9999_future\)/],
      [damaged, /damaged|not a SQLite database|malformed/],
      [join(dir, 'missing.sqlite'), /does not exist/],
    ] as const) {
      await expect(restoreSqlite(file, target, { force: true })).rejects.toThrow(why);
      expect(existsSync(target)).toBe(false);
    }
  });
});

describe('backup and restore on PostgreSQL (pg_dump)', () => {
  const made: string[] = [];
  const freshDb = async () => {
    const name = `hush_backup_${randomBytes(6).toString('hex')}`;
    await onServer(`CREATE DATABASE ${name}`);
    made.push(name);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return url.toString();
  };
  afterAll(async () => {
    for (const name of made) await dropDatabase(name);
  });

  it('round-trips a database written to during the dump; refuses data without --force', async () => {
    const srcUrl = await freshDb();
    const src = openDb({ url: srcUrl });
    await migrate(src);
    const tenantId = await seed(src);
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        await appendAudit(src, { tenantId, actor: 'test:writer', action: 'test.write' }, NOW);
      }
    })();
    const file = join(dir, 'pg.dump');
    const info = await backupPostgres(srcUrl, file);
    stop = true;
    await writer;
    expect(info.migrations).toContain('0003_audit');

    // The target has run its migrations (as a started server would) but holds no data.
    const dstUrl = await freshDb();
    const dst = openDb({ url: dstUrl });
    await migrate(dst);
    await restorePostgres(file, dstUrl, { force: false });
    const fromDump = await freshDb();
    await restorePostgres(file, fromDump, { force: false });
    const again = openDb({ url: fromDump });
    try {
      expect(await verifyAudit(dst, tenantId)).toMatchObject({ ok: true });
      const copy = await dump(dst, 'postgres');
      expect(copy.incidents).toHaveLength(50);
      expect(copy).toEqual(await dump(again, 'postgres'));
      // Every restored row is the source's row, unchanged (the head moved on with later writes).
      const live = await dump(src, 'postgres');
      for (const [table, rows] of Object.entries(copy)) {
        if (table === 'audit_heads') continue;
        const all = new Set(live[table]);
        for (const r of rows) expect(all.has(r)).toBe(true);
      }
      await expect(restorePostgres(file, dstUrl, { force: false })).rejects.toThrow(
        /already holds data/,
      );
      await restorePostgres(file, dstUrl, { force: true });
      expect(await dump(dst, 'postgres')).toEqual(copy);
    } finally {
      await Promise.all([src.destroy(), dst.destroy(), again.destroy()]);
    }
  });

  it('refuses a file that is not a Hush dump', async () => {
    const url = await freshDb();
    const junk = join(dir, 'junk.dump');
    writeFileSync(junk, 'not a dump');
    await expect(restorePostgres(junk, url, { force: false })).rejects.toThrow(
      /not a pg_dump custom-format file/,
    );
  });
});
