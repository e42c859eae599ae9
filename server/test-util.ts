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
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const db = openDb({ url: PG_URL, schema });
      await migrate(db);
      return {
        db,
        async drop() {
          await db.destroy();
          const c = new pg.Client({ connectionString: PG_URL });
          await c.connect();
          await c.query(`DROP SCHEMA ${schema} CASCADE`);
          await c.end();
        },
      };
    },
  },
];
