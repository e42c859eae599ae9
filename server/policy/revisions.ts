/**
 * Published policy revisions as the dashboard sees them (issue 6): the list with who published
 * each, one revision's document, publishing the draft, and rolling back to an earlier revision.
 *
 * Who published a revision is read from the audit log (`policy.publish` and `policy.rollback`
 * entries name the revision they made), not from a column: the log is the record of who did what,
 * and a second copy could disagree with it. A revision with no such entry (none is known to
 * exist, but a restored backup could lack its log) shows no publisher rather than a guess.
 *
 * Devices get the newest revision, signed on every request (routes/policy.ts): publishing is
 * storing a new revision; nothing else changes. A rollback publishes the old revision's document
 * as a new revision, so revision numbers only grow and a browser's "policy version" always moves
 * forward.
 */
import type { Db } from '../db/index.ts';
import { appendAudit } from '../audit.ts';
import { checkPolicy } from './validate.ts';

/** A state the request cannot proceed from; routes answer with `status` and `code`. */
export class PolicyStateError extends Error {
  constructor(
    readonly status: 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PolicyStateError';
  }
}

/** One published revision in the list. */
export interface RevisionInfo {
  revision: number;
  publishedAt: string;
  /** The audit actor who published it (`user:<id>`, `cli:<os user>`); null when not recorded. */
  publishedBy: string | null;
  /** For a rollback: the earlier revision whose document this one republished. */
  rollbackOf: number | null;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Revision -> who made it and whether it was a rollback, from the tenant's audit log. */
async function publishers(
  db: Db,
  tenantId: string,
): Promise<Map<number, { actor: string; rollbackOf: number | null }>> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('action', 'in', ['policy.publish', 'policy.rollback'])
    .orderBy('seq')
    .execute();
  const out = new Map<number, { actor: string; rollbackOf: number | null }>();
  for (const r of rows) {
    let details: unknown;
    try {
      details = JSON.parse(r.details);
    } catch {
      continue;
    }
    if (typeof details !== 'object' || details === null) continue;
    const d = details as Record<string, unknown>;
    if (typeof d.revision !== 'number') continue;
    out.set(d.revision, {
      actor: r.actor,
      rollbackOf: r.action === 'policy.rollback' && typeof d.to === 'number' ? d.to : null,
    });
  }
  return out;
}

/** The tenant's revisions, newest first. */
export async function listRevisions(db: Db, tenantId: string): Promise<RevisionInfo[]> {
  const [rows, who] = await Promise.all([
    db
      .selectFrom('policies')
      .select(['revision', 'published_at'])
      .where('tenant_id', '=', tenantId)
      .orderBy('revision', 'desc')
      .execute(),
    publishers(db, tenantId),
  ]);
  return rows.map((r) => {
    const revision = Number(r.revision);
    const w = who.get(revision);
    return {
      revision,
      publishedAt: r.published_at,
      publishedBy: w?.actor ?? null,
      rollbackOf: w?.rollbackOf ?? null,
    };
  });
}

/** One revision with its document, or null when the tenant has no such revision. */
export async function getRevision(
  db: Db,
  tenantId: string,
  revision: number,
): Promise<(RevisionInfo & { document: unknown }) | null> {
  const row = await db
    .selectFrom('policies')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (!row) return null;
  const w = (await publishers(db, tenantId)).get(revision);
  return {
    revision,
    publishedAt: row.published_at,
    publishedBy: w?.actor ?? null,
    rollbackOf: w?.rollbackOf ?? null,
    document: JSON.parse(row.document) as unknown,
  };
}

/** Inserts `text` as the tenant's next revision inside `tx`; returns the revision and the last. */
async function insertNext(
  tx: Db,
  tenantId: string,
  text: string,
  now: number,
): Promise<{ revision: number; previous: number | null }> {
  const last = await tx
    .selectFrom('policies')
    .select((eb) => eb.fn.max('revision').as('rev'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const previous = last?.rev == null ? null : Number(last.rev);
  const revision = (previous ?? 0) + 1;
  // As in admin.ts publishPolicy: two publishes racing for one revision meet the primary key,
  // and the second fails instead of overwriting the first.
  await tx
    .insertInto('policies')
    .values({ tenant_id: tenantId, revision, document: text, published_at: iso(now) })
    .execute();
  return { revision, previous };
}

/**
 * Publishes the tenant's draft as the next revision and removes the draft, in one transaction
 * (audited `policy.publish` with the revision and the one the draft was based on). The draft is
 * checked again: a release may have tightened the schema since it was saved. Throws
 * PolicyStateError 409 when there is no draft, PolicyInvalidError when it no longer validates.
 */
export async function publishDraft(
  db: Db,
  tenantId: string,
  actor: string,
  now: number,
): Promise<{ revision: number }> {
  return db.transaction().execute(async (tx) => {
    const draft = await tx
      .selectFrom('policy_drafts')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    if (!draft) throw new PolicyStateError(409, 'no_draft', 'there is no draft to publish');
    const text = JSON.stringify(checkPolicy(JSON.parse(draft.document)));
    const { revision, previous } = await insertNext(tx, tenantId, text, now);
    await tx.deleteFrom('policy_drafts').where('tenant_id', '=', tenantId).execute();
    await appendAudit(
      tx,
      {
        tenantId,
        actor,
        action: 'policy.publish',
        details: {
          revision,
          previous,
          basedOn: draft.based_on === null ? null : Number(draft.based_on),
        },
      },
      now,
    );
    return { revision };
  });
}

/**
 * Publishes revision `to`'s document again as the next revision (audited `policy.rollback` with
 * `from`, the revision that was current, `to`, and the new `revision`). Throws PolicyStateError
 * 404 for an unknown revision and 409 when `to` is already the newest; PolicyInvalidError when the
 * old document does not pass today's check (publishing it would make every browser refuse it).
 * A draft, if any, is left as it is.
 */
export async function rollbackTo(
  db: Db,
  tenantId: string,
  to: number,
  actor: string,
  now: number,
): Promise<{ revision: number }> {
  return db.transaction().execute(async (tx) => {
    const old = await tx
      .selectFrom('policies')
      .select('document')
      .where('tenant_id', '=', tenantId)
      .where('revision', '=', to)
      .executeTakeFirst();
    if (!old) throw new PolicyStateError(404, 'not_found', `there is no revision ${to}`);
    const newest = await tx
      .selectFrom('policies')
      .select((eb) => eb.fn.max('revision').as('rev'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    if (Number(newest?.rev) === to) {
      throw new PolicyStateError(409, 'already_current', `revision ${to} is already the newest`);
    }
    const text = JSON.stringify(checkPolicy(JSON.parse(old.document)));
    const { revision, previous } = await insertNext(tx, tenantId, text, now);
    await appendAudit(
      tx,
      { tenantId, actor, action: 'policy.rollback', details: { from: previous, to, revision } },
      now,
    );
    return { revision };
  });
}
