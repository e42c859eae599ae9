/**
 * `hush-server backup FILE` and `restore FILE` (issue 5).
 *
 * SQLite: SQLite's online backup API (better-sqlite3 `db.backup()`), which copies a consistent
 * snapshot while the server keeps writing: writes from other connections restart the copy, so the
 * copy is asked to take every remaining page in one step after the first, which holds a read
 * snapshot for the whole step instead of restarting forever under steady ingest.
 *
 * PostgreSQL: `pg_dump --format=custom` and `pg_restore`, the tools PostgreSQL documents for this,
 * when they are installed; otherwise a clear error pointing to docs/server.md.
 *
 * Both write to a temporary file beside the destination and rename it into place only once it is
 * complete and checked, so a failed or interrupted backup or restore leaves nothing half-written.
 * A restore refuses a file that is not a Hush database, is damaged, or was made by a newer Hush
 * (a migration this build does not know), and refuses to replace a database that holds data
 * unless forced.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS } from './db/migrations.ts';

/** A clear, expected failure (bad file, refusal): the CLI prints the message and exits 1. */
export class BackupError extends Error {}

/** What a checked database holds. */
export interface HushDbInfo {
  /** Applied migrations, in order. */
  migrations: string[];
  /** Rows per table (Kysely's own bookkeeping tables left out). */
  rows: Record<string, number>;
}

function tempBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    rmSync(f, { force: true });
  }
}

/** Checks the migration names a database records against the ones this build knows. */
function checkMigrations(names: string[], what: string): void {
  if (!names.includes('0001_initial')) {
    throw new BackupError(`${what} is not a Hush database (no Hush migrations recorded)`);
  }
  const unknown = names.filter((n) => !(n in MIGRATIONS));
  if (unknown.length) {
    throw new BackupError(
      `${what} was made by a newer Hush (unknown migrations: ${unknown.join(', ')}); restore it with that version`,
    );
  }
}

/**
 * Opens a SQLite file read-only and checks it is an intact Hush database of a known migration
 * version; throws BackupError naming the problem otherwise.
 */
export function inspectSqlite(file: string): HushDbInfo {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`${file} cannot be opened: ${(e as Error).message}`);
  }
  try {
    let check: string;
    try {
      check = String(db.pragma('quick_check', { simple: true }));
    } catch (e) {
      throw new BackupError(`${file} is not a SQLite database (${(e as Error).message})`);
    }
    if (check !== 'ok') throw new BackupError(`${file} is damaged: ${check}`);
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    if (!tables.includes('kysely_migration') || !tables.includes('tenants')) {
      throw new BackupError(`${file} is not a Hush database (no tenants or migrations table)`);
    }
    const migrations = (
      db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
    ).map((r) => r.name);
    checkMigrations(migrations, file);
    const rows: Record<string, number> = {};
    for (const t of tables) {
      if (t.startsWith('kysely_')) continue;
      rows[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    }
    return { migrations, rows };
  } finally {
    db.close();
  }
}

/** Whether a SQLite file is missing, empty, or holds no rows in any table. */
function sqliteIsEmpty(file: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return true;
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch {
    return false;
  }
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    return tables.every(
      (t) =>
        t.name.startsWith('kysely_') ||
        (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n === 0,
    );
  } catch {
    // Not a database at all: not "empty", so --force is needed to replace it.
    return false;
  } finally {
    db.close();
  }
}

/** Copies `source` (a SQLite file) to `target` through a checked temporary file; atomic. */
async function copySqlite(source: string, target: string): Promise<HushDbInfo> {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = tempBeside(target);
  const src = new SQLite(source, { fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
    await src.backup(tmp, {
      // After the first step, take every remaining page at once (see the file comment).
      progress: ({ remainingPages }) => Math.max(remainingPages, 100),
    });
  } catch (e) {
    removeQuietly(tmp);
    throw new BackupError(`copying ${source} failed: ${(e as Error).message}`);
  } finally {
    src.close();
  }
  try {
    const info = inspectSqlite(tmp);
    removeQuietly(target);
    renameSync(tmp, target);
    return info;
  } catch (e) {
    removeQuietly(tmp);
    throw e;
  }
}

/** Backs up the SQLite database `dbFile` into `file` (which must not exist yet). */
export async function backupSqlite(dbFile: string, file: string): Promise<HushDbInfo> {
  if (existsSync(file)) {
    throw new BackupError(
      `${file} already exists; choose a new file name (backups never overwrite)`,
    );
  }
  if (!existsSync(dbFile)) throw new BackupError(`the database ${dbFile} does not exist`);
  inspectSqlite(dbFile);
  return copySqlite(dbFile, resolve(file));
}

/**
 * Restores the SQLite backup `file` as `dbFile`. Stop the server first: the file is replaced
 * under any process that has it open. Refuses when `dbFile` holds data, unless `force`.
 */
export async function restoreSqlite(
  file: string,
  dbFile: string,
  opts: { force: boolean },
): Promise<HushDbInfo> {
  inspectSqlite(file);
  if (!opts.force && !sqliteIsEmpty(dbFile)) {
    throw new BackupError(
      `${dbFile} already holds data; stop the server and pass --force to replace it with ${file}`,
    );
  }
  return copySqlite(file, resolve(dbFile));
}

// --- PostgreSQL ---------------------------------------------------------------------------------

/** Where to read about backing up PostgreSQL when the tools are missing. */
const PG_DOCS = 'see "Backup and restore" in docs/server.md (pg_dump --format=custom / pg_restore)';

const run = promisify(execFile);

/** Runs pg_dump or pg_restore (asynchronously: the server may keep serving meanwhile). */
async function tool(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<string> {
  try {
    const r = await run(name, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return r.stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') {
      throw new BackupError(`${name} is not installed on this machine; ${PG_DOCS}`);
    }
    throw new BackupError(`${name} failed: ${(err.stderr || err.message).trim()}`);
  }
}

/** Checks a pg_dump custom-format file holds a Hush database of a known migration version. */
export async function inspectPgDump(file: string): Promise<{ migrations: string[] }> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  let listing: string;
  try {
    listing = await tool('pg_restore', ['--list', file]);
  } catch (e) {
    if (e instanceof BackupError && /not installed/.test(e.message)) throw e;
    throw new BackupError(`${file} is not a pg_dump custom-format file`);
  }
  if (!/ TABLE \S+ tenants /.test(listing) || !/ TABLE \S+ kysely_migration /.test(listing)) {
    throw new BackupError(`${file} is not a Hush database dump (no tenants or migrations table)`);
  }
  // The migration table's rows, as the COPY block pg_restore would run: one name per line.
  const sqlText = await tool('pg_restore', [
    '--data-only',
    '--table=kysely_migration',
    '--file=-',
    file,
  ]);
  const copy = /COPY \S*kysely_migration \(([^)]*)\) FROM stdin;\n([\s\S]*?)\n\\\./.exec(sqlText);
  if (!copy) throw new BackupError(`${file} holds no migration records`);
  const cols = copy[1]!.split(',').map((c) => c.trim().replace(/"/g, ''));
  const at = cols.indexOf('name');
  const migrations = copy[2]!
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[at]!)
    .sort();
  checkMigrations(migrations, file);
  return { migrations };
}

/** Backs up the PostgreSQL database at `url` into `file` with pg_dump (custom format). */
export async function backupPostgres(url: string, file: string): Promise<{ migrations: string[] }> {
  if (existsSync(file)) {
    throw new BackupError(
      `${file} already exists; choose a new file name (backups never overwrite)`,
    );
  }
  const tmp = tempBeside(resolve(file));
  try {
    await tool('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${tmp}`,
      url,
    ]);
    const info = await inspectPgDump(tmp);
    renameSync(tmp, resolve(file));
    return info;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Whether the PostgreSQL database holds any Hush rows (tenants are the root of everything). */
async function pgHasData(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ t: string | null }>("SELECT to_regclass('tenants')::text AS t");
    if (!r.rows[0]?.t) return false;
    const n = await c.query<{ n: string }>('SELECT count(*) AS n FROM tenants');
    return Number(n.rows[0]!.n) > 0;
  } finally {
    await c.end();
  }
}

/**
 * Restores a pg_dump file into the database at `url` in one transaction (all or nothing).
 * Refuses when the database holds tenants, unless `force`; existing Hush tables are replaced.
 */
export async function restorePostgres(
  file: string,
  url: string,
  opts: { force: boolean },
): Promise<{ migrations: string[] }> {
  const info = await inspectPgDump(file);
  if ((await pgHasData(url)) && !opts.force) {
    throw new BackupError(
      `the database already holds data; stop the servers and pass --force to replace it with ${file}`,
    );
  }
  // --clean drops what the dump creates before creating it: the data (refused above unless
  // forced), or the empty tables a server's start-up migration made.
  await tool('pg_restore', [
    '--single-transaction',
    '--exit-on-error',
    '--no-owner',
    '--no-privileges',
    '--clean',
    '--if-exists',
    `--dbname=${url}`,
    file,
  ]);
  return info;
}
