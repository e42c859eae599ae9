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
import { migrate, openDb, type Db } from './db/index.ts';

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
      await withSchemaLock(async (c) => {
        await c.query(`CREATE SCHEMA ${schema}`);
        await migrate(db);
      });
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

/** Any number that nothing else in the database locks with. */
const SCHEMA_LOCK = 0x4875_7368;

/**
 * Runs `fn` holding an advisory lock that every test run's migration and schema drop take.
 * Kysely's migrator lists the tables of every schema, asking has_schema_privilege() by name: a
 * schema another test worker drops meanwhile fails that listing ("schema hush_test_... does not
 * exist"), which failed a CI run once two vitest workers shared this database.
 */
async function withSchemaLock<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn(c);
  } finally {
    await c.end();
  }
}
