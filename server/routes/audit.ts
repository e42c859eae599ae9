/**
 * `/api/v1/audit` (admins and auditors read the tenant's audit log and verify its chain) and
 * `/api/v1/erasure` (admins erase one pseudonym's records: right to be forgotten). Everything is
 * scoped by the session's tenant.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { listAudit, verifyAudit } from '../audit.ts';
import { Pseudonym, eraseUser } from '../erasure.ts';
import { fail, readBody, type AppEnv, type Deps } from '../http.ts';
import { requireUser } from '../session.ts';

const Count = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,9}$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );

/** Query of `GET /api/v1/audit`. */
export const AuditListQuery = v.strictObject(
  {
    limit: v.optional(Count('limit', 1, 1000)),
    before: v.optional(Count('before', 1, 999_999_999)),
  },
  (i) => (i.expected === 'never' ? 'unknown query parameter (allowed: limit, before)' : i.message),
);

const Entry = v.object({
  tenantId: v.string(),
  seq: v.number(),
  time: v.string(),
  actor: v.string(),
  action: v.string(),
  target: v.nullable(v.string()),
  details: v.record(v.string(), v.unknown()),
  prevHash: v.string(),
  hash: v.string(),
});

/** `GET /api/v1/audit` answer: newest first. */
export const AuditListResponse = v.object({ entries: v.array(Entry) });

/** `GET /api/v1/audit/verify` answer. */
export const AuditVerifyResponse = v.object({
  ok: v.boolean(),
  entries: v.number(),
  headHash: v.optional(v.string()),
  brokenSeq: v.optional(v.number()),
  problem: v.optional(v.string()),
});

/** `POST /api/v1/erasure` body. */
export const ErasureRequest = v.strictObject({ pseudonym: Pseudonym }, (i) =>
  i.expected === 'never'
    ? 'unknown field (allowed: pseudonym)'
    : 'must be an object with pseudonym',
);

/** `POST /api/v1/erasure` answer: rows deleted per table, and the audit entry. */
export const ErasureResponse = v.object({
  pseudonymHash: v.string(),
  deleted: v.record(v.string(), v.number()),
  auditSeq: v.number(),
});

export function auditRoutes(deps: Deps) {
  const reader = requireUser(deps, ['admin', 'auditor']);
  return new Hono<AppEnv>()
    .get('/', reader, async (c) => {
      const r = v.safeParse(AuditListQuery, c.req.query());
      if (!r.success) fail(400, 'invalid_request', r.issues[0].message);
      const entries = await listAudit(deps.db, c.var.user.tenantId, {
        ...(r.output.limit !== undefined ? { limit: r.output.limit } : {}),
        ...(r.output.before !== undefined ? { beforeSeq: r.output.before } : {}),
      });
      return c.json({ entries });
    })
    .get('/verify', reader, async (c) => {
      const { tenantId: _t, ...verdict } = await verifyAudit(deps.db, c.var.user.tenantId);
      return c.json(verdict);
    });
}

export function erasureRoutes(deps: Deps) {
  return new Hono<AppEnv>().post('/', requireUser(deps, ['admin']), async (c) => {
    const body = await readBody(c, ErasureRequest);
    const r = await eraseUser(deps.db, c.var.user.tenantId, body.pseudonym, {
      actor: `user:${c.var.user.id}`,
      now: deps.now(),
    });
    return c.json({ pseudonymHash: r.pseudonymHash, deleted: r.deleted, auditSeq: r.auditSeq });
  });
}
