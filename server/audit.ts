/**
 * The audit log: an append-only, hash-chained record of every administrative action, one chain a
 * tenant (issue 5: "every admin action goes into an append-only, hash-chained audit log with a
 * verify command").
 *
 * Each entry's `hash` is SHA-256 over a canonical encoding of the entry (tenant, seq, time, actor,
 * action, target, details) and the previous entry's hash, so changing any field of any entry, or
 * deleting or reordering entries, breaks the chain at that entry. The chain's head (last seq and
 * hash) is kept in `audit_heads`, which also catches a deleted tail. Someone who can write the
 * database can still rewrite the whole chain from some point on; `hush-server audit verify` prints
 * the head hash so operators can record it elsewhere (a ticket, a SIEM) and compare later.
 *
 * Appends are serialised per tenant by the head row: the first statement of an append is a write
 * to that row (an UPDATE that bumps `seq`), which takes PostgreSQL's row lock until commit and
 * SQLite's write lock at once, so two instances appending together queue instead of forking the
 * chain. (Reading the head first and writing afterwards would let SQLite fail the second writer
 * with SQLITE_BUSY_SNAPSHOT and PostgreSQL give both the same seq.) The primary key (tenant, seq)
 * is the second line of defence: a forked chain cannot be stored.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db/index.ts';
import type { AuditEntryTable } from './db/schema.ts';

/** The prev_hash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Largest details object (as canonical JSON): details are small facts, never customer data. */
export const DETAILS_MAX_CHARS = 4096;

/** What the caller says about an action. */
export interface AuditInput {
  tenantId: string;
  /** Who did it: `cli:<os user>`, `user:<id>`, `system:retention`, ... */
  actor: string;
  /** What was done, dotted: `tenant.create`, `key.rotate`, `policy.publish`, ... */
  action: string;
  /** What it was done to: an id, or a hash of a pseudonym; never a person's data. */
  target?: string | null;
  /** Small JSON object of identifiers and numbers (at most DETAILS_MAX_CHARS as JSON). */
  details?: Record<string, unknown>;
}

/** One stored entry, as the API and CLI show it. */
export interface AuditEntry {
  tenantId: string;
  seq: number;
  time: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level, so equal values always encode to equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error('audit details must hold finite numbers only');
    }
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      throw new Error('audit details must be plain JSON');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/**
 * The entry's hash. The encoding is a JSON array of the fields in a fixed order, so no field's
 * text can bleed into the next (as it could with plain concatenation); details are already
 * canonical text.
 */
export function entryHash(e: {
  tenant_id: string;
  seq: number;
  time: string;
  actor: string;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
}): string {
  const encoded = JSON.stringify([
    'hush-audit-v1',
    e.tenant_id,
    e.seq,
    e.time,
    e.actor,
    e.action,
    e.target,
    e.details,
    e.prev_hash,
  ]);
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}

function check(input: AuditInput): string {
  for (const [name, value, max] of [
    ['tenantId', input.tenantId, 200],
    ['actor', input.actor, 200],
    ['action', input.action, 100],
  ] as const) {
    if (typeof value !== 'string' || value.length === 0 || value.length > max) {
      throw new Error(`audit ${name} must be 1 to ${max} characters`);
    }
  }
  if (input.target != null && (typeof input.target !== 'string' || input.target.length > 500)) {
    throw new Error('audit target must be at most 500 characters');
  }
  const details = input.details ?? {};
  if (typeof details !== 'object' || details === null || Array.isArray(details)) {
    throw new Error('audit details must be a JSON object');
  }
  const text = canonicalJson(details);
  if (text.length > DETAILS_MAX_CHARS) {
    throw new Error(`audit details must be at most ${DETAILS_MAX_CHARS} characters as JSON`);
  }
  return text;
}

async function appendIn(tx: Db, input: AuditInput, details: string, now: number) {
  // Create the head row if this is the tenant's first entry; harmless when it exists.
  await tx
    .insertInto('audit_heads')
    .values({ tenant_id: input.tenantId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  // The write that serialises appenders (see the file comment): bump seq, read the previous hash.
  const head = await tx
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('tenant_id', '=', input.tenantId)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row: AuditEntryTable = {
    tenant_id: input.tenantId,
    seq: Number(head.seq),
    time: new Date(now).toISOString(),
    actor: input.actor,
    action: input.action,
    target: input.target ?? null,
    details,
    prev_hash: head.hash,
    hash: '',
  };
  row.hash = entryHash(row);
  await tx.insertInto('audit_log').values(row).execute();
  await tx
    .updateTable('audit_heads')
    .set({ hash: row.hash })
    .where('tenant_id', '=', input.tenantId)
    .execute();
  return toEntry(row);
}

/**
 * Appends one entry to the tenant's chain and returns it. Pass a transaction to make the entry
 * part of the action it records (stored together or not at all); pass the database to append in a
 * transaction of its own. Throws on invalid input (empty actor, oversized details).
 */
export async function appendAudit(db: Db, input: AuditInput, now: number): Promise<AuditEntry> {
  const details = check(input);
  if (db.isTransaction) return appendIn(db, input, details, now);
  return db.transaction().execute((tx) => appendIn(tx, input, details, now));
}

function toEntry(r: AuditEntryTable): AuditEntry {
  return {
    tenantId: r.tenant_id,
    seq: Number(r.seq),
    time: r.time,
    actor: r.actor,
    action: r.action,
    target: r.target,
    details: JSON.parse(r.details) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The result of walking one tenant's chain. */
export type AuditVerdict =
  | { tenantId: string; ok: true; entries: number; headHash: string }
  | {
      tenantId: string;
      ok: false;
      entries: number;
      /** The first entry that does not verify (for a deleted tail: the first missing seq). */
      brokenSeq: number;
      problem: string;
    };

const PAGE = 1000;

/**
 * Walks the tenant's chain from seq 1, recomputing every hash, and names the first entry that
 * breaks it: a changed field (its hash no longer matches), a deleted entry (a gap in seq, or the
 * next entry's prev_hash no longer matching), or a deleted tail (the head names a later seq).
 */
export async function verifyAudit(db: Db, tenantId: string): Promise<AuditVerdict> {
  const head = await db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      const bad = (problem: string): AuditVerdict => ({
        tenantId,
        ok: false,
        entries: expected - 1,
        brokenSeq: expected,
        problem,
      });
      if (seq !== expected) return bad(`entry ${expected} is missing (next stored is ${seq})`);
      if (r.prev_hash !== prev) {
        return bad(`entry ${seq}'s prev_hash does not match entry ${seq - 1}'s hash`);
      }
      if (entryHash(r) !== r.hash) return bad(`entry ${seq} was changed (its hash does not match)`);
      prev = r.hash;
      expected += 1;
    }
    if (rows.length < PAGE) break;
  }
  const count = expected - 1;
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq !== count || (head && head.hash !== prev)) {
    return {
      tenantId,
      ok: false,
      entries: count,
      brokenSeq: count + 1,
      problem:
        headSeq > count
          ? `entries ${count + 1} to ${headSeq} are missing (the head records ${headSeq})`
          : `the chain head does not match the last entry (head ${headSeq}, entries ${count})`,
    };
  }
  return { tenantId, ok: true, entries: count, headHash: prev };
}

/** Tenants that have an audit chain (for `audit verify` without `--tenant`). */
export async function auditedTenants(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_heads')
    .select('tenant_id')
    .orderBy('tenant_id')
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** The tenant's entries, newest first, `limit` at most, before `beforeSeq` when given. */
export async function listAudit(
  db: Db,
  tenantId: string,
  opts: { limit?: number; beforeSeq?: number } = {},
): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('seq', 'desc')
    .limit(Math.min(Math.max(opts.limit ?? 100, 1), 1000));
  if (opts.beforeSeq !== undefined) q = q.where('seq', '<', opts.beforeSeq);
  return (await q.execute()).map(toEntry);
}
