/**
 * Erasure ("right to be forgotten", issue 5): deletes everything the service keeps under one user
 * pseudonym of one tenant, in one transaction with the audit entry that records it, so either the
 * records are gone and the erasure is on record, or nothing happened.
 *
 * The audit entry names SHA-256 of the pseudonym, not the pseudonym: the log is kept for years and
 * must not itself become a record of the person, yet whoever holds the pseudonym can still check
 * that its erasure was done.
 *
 * What is keyed by a pseudonym, table by table (`ERASABLE`): incidents, the per-person daily
 * rollups (also per site) and person anomalies (summary.ts, anomalies.ts) and reveal grants for it
 * (people/pseudonym.ts). False alarms carry a device, not a person, so they are not touched; team
 * and dimension rollups are counts over many people and stay.
 */
import * as v from 'valibot';
import { appendAudit } from './audit.ts';
import { sha256Hex } from './crypto.ts';
import type { Db } from './db/index.ts';
import { eraseReviewRows } from './overrides.ts';
import { eraseCoachingNotes } from './teams.ts';

/** The pseudonym's shape, as the incident schema accepts it. */
export const Pseudonym = v.pipe(
  v.string('must be a user pseudonym (a string)'),
  v.regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be a user pseudonym: 16 to 128 base64url characters'),
);

/** How many rows each table lost. */
export type ErasureCounts = Record<string, number>;

export interface ErasureResult {
  tenantId: string;
  /** SHA-256 (hex) of the pseudonym: what the audit log names. */
  pseudonymHash: string;
  deleted: ErasureCounts;
  /** The audit entry's seq. */
  auditSeq: number;
}

/** The tables a pseudonym is a plain column of, and that column. */
type PseudonymColumn =
  | ['incidents' | 'rollup_user_day' | 'rollup_site_user_day' | 'visits', 'user_pseudonym']
  | ['reveal_grants', 'pseudonym'];

/** Erases the rows of `table` whose `column` is the pseudonym. */
const byColumn = ([table, column]: PseudonymColumn) => ({
  name: table,
  erase: async (tx: Db, tenantId: string, p: string) =>
    (
      await tx
        .deleteFrom(table)
        .where('tenant_id', '=', tenantId)
        .where(column, '=', p)
        .executeTakeFirst()
    ).numDeletedRows,
});

/**
 * Every place a pseudonym is stored. A new table keyed by pseudonym adds a line here (and the
 * erasure test checks it is emptied).
 */
const ERASABLE: {
  name: string;
  erase(tx: Db, tenantId: string, pseudonym: string): Promise<bigint>;
}[] = [
  // Reviews, comments and coaching notes about the person's decisions (overrides.ts, teams.ts).
  // The first two find their rows through the incidents, so they come before them.
  {
    name: 'override_reviews',
    erase: (tx, tenantId, p) => eraseReviewRows(tx, 'override_reviews', tenantId, p),
  },
  {
    name: 'override_comments',
    erase: (tx, tenantId, p) => eraseReviewRows(tx, 'override_comments', tenantId, p),
  },
  { name: 'coaching_notes', erase: eraseCoachingNotes },
  byColumn(['incidents', 'user_pseudonym']),
  byColumn(['rollup_user_day', 'user_pseudonym']),
  // Per person, site and day (summary.ts), behind "which AI tools, by how many people".
  byColumn(['rollup_site_user_day', 'user_pseudonym']),
  {
    name: 'anomalies',
    erase: async (tx, tenantId, p) =>
      (
        await tx
          .deleteFrom('anomalies')
          .where('tenant_id', '=', tenantId)
          .where('kind', '=', 'person')
          .where('subject', '=', p)
          .executeTakeFirst()
      ).numDeletedRows,
  },
  // The shadow-AI visit counts (routes/visits.ts) name the agent by pseudonym too.
  byColumn(['visits', 'user_pseudonym']),
  byColumn(['reveal_grants', 'pseudonym']),
];

/** The tables erasure empties for a pseudonym (for tests and docs). */
export const ERASABLE_TABLES: readonly string[] = ERASABLE.map((e) => e.name);

/**
 * Deletes every record of `pseudonym` in `tenantId` and appends the audit entry, in one
 * transaction. Throws a clear error for an unknown tenant or a malformed pseudonym. Erasing a
 * pseudonym with no records is not an error: it is audited with zero counts, so a request is on
 * record either way.
 */
export async function eraseUser(
  db: Db,
  tenantId: string,
  pseudonym: string,
  opts: { actor: string; now: number },
): Promise<ErasureResult> {
  const parsed = v.safeParse(Pseudonym, pseudonym);
  if (!parsed.success) throw new Error(`pseudonym: ${parsed.issues[0].message}`);
  const tenant = await db
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!tenant) throw new Error(`no tenant with id ${tenantId}`);
  const pseudonymHash = sha256Hex(pseudonym);
  return db.transaction().execute(async (tx) => {
    const deleted: ErasureCounts = {};
    for (const e of ERASABLE) deleted[e.name] = Number(await e.erase(tx, tenantId, pseudonym));
    const entry = await appendAudit(
      tx,
      {
        tenantId,
        actor: opts.actor,
        action: 'user.erase',
        target: `pseudonym-sha256:${pseudonymHash}`,
        details: deleted,
      },
      opts.now,
    );
    return { tenantId, pseudonymHash, deleted, auditSeq: entry.seq };
  });
}
