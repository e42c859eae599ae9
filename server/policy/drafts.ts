/**
 * Policy drafts (issue 6): one unpublished policy a tenant, edited in the dashboard (the Policy
 * page's form and JSON, the Shadow AI page's "approve/block this tool") and published from there.
 *
 * A draft is validated like a published policy on every save (validate.ts), so a draft can always
 * be published as it is, and every save is in the audit log (`policy.draft.save`,
 * `policy.draft.discard`) in the same transaction as the change. The audit entry holds the
 * revision the draft is based on and its size, never its text: dictionaries in a policy can be
 * sensitive, and the document itself is in the table.
 */
import type { Db } from '../db/index.ts';
import { appendAudit } from '../audit.ts';
import { POLICY_VERSION } from '@/lib/policy/schema.ts';
import { checkPolicy } from './validate.ts';

export { PolicyInvalidError, type PolicyIssue } from './validate.ts';

/** A tenant's draft as callers see it. */
export interface Draft {
  document: unknown;
  /** The published revision the draft was started from; null when none was published then. */
  basedOn: number | null;
  /** The audit actor of the last save. */
  updatedBy: string;
  updatedAt: string;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The tenant's newest published revision and its document, or null when none is published. */
export async function latestPolicy(
  db: Db,
  tenantId: string,
): Promise<{ revision: number; document: unknown } | null> {
  const row = await db
    .selectFrom('policies')
    .select(['revision', 'document'])
    .where('tenant_id', '=', tenantId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { revision: Number(row.revision), document: JSON.parse(row.document) } : null;
}

/** The tenant's draft, or null when there is none. */
export async function getDraft(db: Db, tenantId: string): Promise<Draft | null> {
  const row = await db
    .selectFrom('policy_drafts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    document: JSON.parse(row.document) as unknown,
    basedOn: row.based_on === null ? null : Number(row.based_on),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/**
 * Validates `document` as a publishable policy and stores it as the tenant's draft. A new draft is
 * based on the newest published revision; saving over a draft keeps the revision it started from.
 * Throws PolicyInvalidError (with every problem's path) on a bad document, or an Error when the
 * tenant does not exist.
 */
export async function saveDraft(
  db: Db,
  tenantId: string,
  document: unknown,
  actor: string,
  now: number,
): Promise<void> {
  const text = JSON.stringify(checkPolicy(document));
  await db.transaction().execute(async (tx) => {
    const tenant = await tx
      .selectFrom('tenants')
      .select('id')
      .where('id', '=', tenantId)
      .executeTakeFirst();
    if (!tenant) throw new Error(`no tenant with id ${tenantId}`);
    const existing = await tx
      .selectFrom('policy_drafts')
      .select('based_on')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    let basedOn: number | null;
    if (existing) {
      basedOn = existing.based_on === null ? null : Number(existing.based_on);
      await tx
        .updateTable('policy_drafts')
        .set({ document: text, updated_by: actor, updated_at: iso(now) })
        .where('tenant_id', '=', tenantId)
        .execute();
    } else {
      const last = await tx
        .selectFrom('policies')
        .select((eb) => eb.fn.max('revision').as('rev'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      basedOn = last?.rev == null ? null : Number(last.rev);
      await tx
        .insertInto('policy_drafts')
        .values({
          tenant_id: tenantId,
          document: text,
          based_on: basedOn,
          updated_by: actor,
          updated_at: iso(now),
        })
        .execute();
    }
    await appendAudit(
      tx,
      {
        tenantId,
        actor,
        action: 'policy.draft.save',
        details: { basedOn, bytes: Buffer.byteLength(text) },
      },
      now,
    );
  });
}

/**
 * Changes the draft with `change` and saves it: the current draft, else a copy of the newest
 * published document, else an empty policy (`{version: 1}`, which means the built-in defaults).
 * `change` edits the object in place (it is a fresh copy). The result is validated like any
 * draft (PolicyInvalidError when the change makes it invalid; nothing is stored then).
 */
export async function changeDraft(
  db: Db,
  tenantId: string,
  change: (doc: Record<string, unknown>) => void,
  actor: string,
  now: number,
): Promise<void> {
  const draft = await getDraft(db, tenantId);
  const start = draft?.document ?? (await latestPolicy(db, tenantId))?.document;
  const doc: Record<string, unknown> = isRecord(start)
    ? (structuredClone(start) as Record<string, unknown>)
    : { version: POLICY_VERSION };
  change(doc);
  await saveDraft(db, tenantId, doc, actor, now);
}

/** Deletes the tenant's draft (audited); returns whether there was one. */
export async function discardDraft(
  db: Db,
  tenantId: string,
  actor: string,
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .deleteFrom('policy_drafts')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    const gone = Number(r.numDeletedRows) > 0;
    if (gone) {
      await appendAudit(tx, { tenantId, actor, action: 'policy.draft.discard' }, now);
    }
    return gone;
  });
}
