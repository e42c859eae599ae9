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

/** Runs one statement on the test server, in a connection of its own. */
export async function onServer(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * PostgreSQL in a database of its own (`prefix` and a random suffix), created, migrated and
 * dropped here, rather than a schema of the shared `test` database: Kysely's migrator looks for
 * its lock table in every schema it can see, so another run's schema on the same database must
 * not be able to break a suite that needs its own.
 *
 * Dropped without FORCE first. `db.destroy()` resolves once the pool has let go of its clients,
 * while they are still closing their connections; PostgreSQL's DROP DATABASE waits (up to five
 * seconds) for such sessions to end, whereas FORCE terminates them mid-close, and the closing
 * client's error then reaches no listener: an unhandled error that failed a CI run with every
 * test passed. FORCE stays the fallback for a session that does not end.
 */
export function ownDatabase(prefix: string): Backend {
  return {
    name: 'postgres',
    async open() {
      const name = `${prefix}_${randomBytes(6).toString('hex')}`;
      await onServer(`CREATE DATABASE ${name}`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      const db = openDb({ url: url.href });
      await migrate(db);
      return {
        db,
        async drop() {
          await db.destroy();
          await dropDatabase(name);
        },
      };
    },
  };
}

/**
 * Drops a test database: plainly first, which waits for sessions still closing (see
 * ownDatabase), then with FORCE for any that does not end.
 */
export async function dropDatabase(name: string): Promise<void> {
  try {
    await onServer(`DROP DATABASE IF EXISTS ${name}`);
  } catch {
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
