/**
 * Test databases: the same suites run against a real SQLite file and the real PostgreSQL on this
 * machine (HUSH_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test). Each run gets
 * its own SQLite file or PostgreSQL schema, removed afterwards. PostgreSQL being down fails the
 * suite; it never skips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MIGRATION_LOCK, migrate, openDb, type Db } from './db/index.ts';

export const PG_URL =
  process.env.HUSH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDb {
  db: Db;
  /** Closes the database and deletes what the run made. */
  drop(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestDb>;
}

/** A fresh, migrated database of each kind. */
export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'hush-server-test-'));
      const db = openDb({ file: join(dir, 'hush.sqlite') });
      await migrate(db);
      return {
        db,
        async drop() {
          await db.destroy();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const schema = `hush_test_${randomBytes(6).toString('hex')}`;
      const db = openDb({ url: PG_URL, schema });
      await withSchemaLock((c) => c.query(`CREATE SCHEMA ${schema}`));
      await migrate(db);
      return {
        db,
        async drop() {
          await db.destroy();
          await withSchemaLock((c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
        },
      };
    },
  },
];

/**
 * Runs `fn` holding the advisory lock every migration takes (see migrate in db/index.ts).
 * Kysely's migrator lists the tables of every schema, asking has_schema_privilege() by name: a
 * schema another test worker drops meanwhile fails that listing ("schema hush_test_... does not
 * exist"), which failed a CI run once two vitest workers shared this database; so schemas are
 * made and dropped under it too.
 */
async function withSchemaLock<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await fn(c);
  } finally {
    await c.end();
  }
}
