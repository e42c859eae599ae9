/**
 * Opens the database: PostgreSQL when a `postgres://` address is given, otherwise the embedded
 * SQLite file (created, with its folder, on first use). The rest of the server sees one Kysely
 * instance and never asks which.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/**
 * The PostgreSQL schema each database handle works in. Kysely's migrator looks for its lock
 * table in every schema unless told which one: a second Hush schema in the same database (a
 * test run, a bench) would otherwise make it believe the lock table exists when it does not.
 */
const SCHEMAS = new WeakMap<Db, string>();

export interface DbOptions {
  /** `postgres://...`; when absent, `file` is used. */
  url?: string | undefined;
  /** The SQLite file (or `:memory:`). */
  file?: string;
  /** PostgreSQL only: the schema to work in (tests give each run its own). */
  schema?: string;
}

/** Opens (and, for SQLite, creates) the database; run `migrate` before use. */
export function openDb(opts: DbOptions): Db {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    if (opts.schema) SCHEMAS.set(db, opts.schema);
    POSTGRES.add(db);
    return db;
  }
  const file = opts.file ?? ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers work while a batch is written; the busy timeout makes a second process
  // (the CLI beside a running server) wait for the lock instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** The handles opened on PostgreSQL (see migrate). */
const POSTGRES = new WeakSet<Db>();

/**
 * Any number nothing else in a database locks with: migrations of every Hush schema of one
 * PostgreSQL database take turns under it (see migrate).
 */
export const MIGRATION_LOCK = 0x4875_7369;

/**
 * Applies every pending migration; throws with the failing migration's name.
 *
 * On PostgreSQL, one migration at a time per database: Kysely's migrator looks for its tables
 * by listing the columns of every table of every schema, and a table another schema's
 * migration renames meanwhile fails that listing ('relation "hush_test_....visits" does not
 * exist', seen when two test workers migrated at once; two servers starting on one database
 * with their own schemas would meet it too). A session-level advisory lock on one pooled
 * connection, held while the migrator works on others.
 */
export async function migrate(db: Db): Promise<string[]> {
  if (!POSTGRES.has(db)) return migrateNow(db);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      return await migrateNow(db);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

async function migrateNow(db: Db): Promise<string[]> {
  const schema = SCHEMAS.get(db);
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${why}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
