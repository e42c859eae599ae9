/**
 * `/api/v1/users/*` (admins manage, auditors read) and `/api/v1/reveal/*` (admins only: who is
 * behind a pseudonym). Every query is scoped by the session's tenant, so an id from another tenant
 * is simply not found. Every change is audited.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { appendAudit } from '../audit.ts';
import { sha256Hex } from '../crypto.ts';
import { fail, readBody, type AppEnv, type Deps } from '../http.ts';
import { createInvitation, invitationPath } from '../people/invitations.ts';
import { matchCandidate, pseudonymKey } from '../people/pseudonym.ts';
import {
  InvitationRequest,
  RevealCheckRequest,
  RevealGrantRequest,
  UserUpdate,
} from '../people/schemas.ts';
import { useTotpCode } from '../people/totp.ts';
import { listUsers, revokeUser, updateUser } from '../people/users.ts';
import { requireUser, revokeUserSessions, type SessionUser } from '../session.ts';
import { peopleFail } from './auth.ts';

/** How long a reveal grant lasts after the admin's fresh TOTP code. */
export const REVEAL_GRANT_MS = 15 * 60_000;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function audit(
  deps: Deps,
  user: SessionUser,
  action: string,
  target: string | null,
  details?: Record<string, unknown>,
) {
  return appendAudit(
    deps.db,
    {
      tenantId: user.tenantId,
      actor: `user:${user.id}`,
      action,
      target,
      ...(details ? { details } : {}),
    },
    deps.now(),
  );
}

/** A user id from the path that belongs to the session's tenant, or 404. */
async function ownUser(deps: Deps, user: SessionUser, id: string): Promise<string> {
  const row = ID.test(id)
    ? await deps.db
        .selectFrom('users')
        .select('id')
        .where('id', '=', id)
        .where('tenant_id', '=', user.tenantId)
        .executeTakeFirst()
    : undefined;
  if (!row) fail(404, 'not_found', 'no such user in this tenant');
  return row.id;
}

export function userRoutes(deps: Deps) {
  const admin = requireUser(deps, ['admin']);
  const reader = requireUser(deps, ['admin', 'auditor']);
  return new Hono<AppEnv>()
    .get('/', reader, async (c) => c.json({ users: await listUsers(deps.db, c.var.user.tenantId) }))
    .post('/invitations', admin, async (c) => {
      const body = await readBody(c, InvitationRequest);
      const inv = await createInvitation(
        deps.db,
        {
          tenantId: c.var.user.tenantId,
          role: body.role,
          teams: body.teams ?? [],
          createdBy: `user:${c.var.user.id}`,
        },
        deps.now(),
      );
      await audit(deps, c.var.user, 'user.invite', null, {
        role: body.role,
        teams: body.role === 'manager' ? (body.teams ?? []).length : 0,
      });
      return c.json({ ...inv, path: invitationPath(inv.token) }, 201);
    })
    .post('/:id', admin, async (c) => {
      const id = await ownUser(deps, c.var.user, c.req.param('id'));
      const body = await readBody(c, UserUpdate);
      const user = await updateUser(deps.db, c.var.user.tenantId, id, body).catch(peopleFail);
      await audit(deps, c.var.user, 'user.update', id, {
        role: user.role,
        teams: user.teams.length,
      });
      return c.json({ user }, 200);
    })
    .post('/:id/revoke', admin, async (c) => {
      const id = await ownUser(deps, c.var.user, c.req.param('id'));
      const r = await revokeUser(deps.db, c.var.user.tenantId, id, deps.now()).catch(peopleFail);
      await audit(deps, c.var.user, 'user.revoke', id, { sessionsRevoked: r.sessions });
      return c.json({ sessions: r.sessions }, 200);
    })
    .post('/:id/sessions/revoke', admin, async (c) => {
      const id = await ownUser(deps, c.var.user, c.req.param('id'));
      const sessions = await revokeUserSessions(deps.db, id, deps.now());
      await audit(deps, c.var.user, 'user.sessions.revoke', id, { sessionsRevoked: sessions });
      return c.json({ sessions }, 200);
    });
}

/**
 * Reveal: an admin, with a fresh TOTP code and a written reason, gets a grant for one pseudonym
 * that lasts REVEAL_GRANT_MS; with it they may check candidate user ids (from their own
 * directory) against the pseudonym. The server answers match or no match; it stores and logs no
 * candidate. Both steps are audited; the audit names the pseudonym only by its SHA-256.
 */
export function revealRoutes(deps: Deps) {
  const admin = requireUser(deps, ['admin']);
  return new Hono<AppEnv>()
    .post('/grants', admin, async (c) => {
      const body = await readBody(c, RevealGrantRequest);
      const now = deps.now();
      const row = await deps.db
        .selectFrom('users')
        .select(['id', 'totp_secret'])
        .where('id', '=', c.var.user.id)
        .executeTakeFirstOrThrow();
      if (!(await useTotpCode(deps.db, row, body.code, now))) {
        fail(403, 'totp_invalid', 'a fresh, unused code from your authenticator app is needed');
      }
      const grantId = randomUUID();
      const expiresAt = new Date(now + REVEAL_GRANT_MS).toISOString();
      await deps.db
        .insertInto('reveal_grants')
        .values({
          id: grantId,
          tenant_id: c.var.user.tenantId,
          user_id: c.var.user.id,
          pseudonym: body.pseudonym,
          created_at: new Date(now).toISOString(),
          expires_at: expiresAt,
        })
        .execute();
      await audit(deps, c.var.user, 'pseudonym.reveal.grant', sha256Hex(body.pseudonym), {
        grantId,
        reason: body.reason,
        expiresAt,
      });
      return c.json({ grantId, expiresAt }, 201);
    })
    .post('/grants/:id/check', admin, async (c) => {
      const id = c.req.param('id');
      const body = await readBody(c, RevealCheckRequest);
      const now = deps.now();
      const grant = ID.test(id)
        ? await deps.db
            .selectFrom('reveal_grants')
            .selectAll()
            .where('id', '=', id)
            .where('tenant_id', '=', c.var.user.tenantId)
            .where('user_id', '=', c.var.user.id)
            .executeTakeFirst()
        : undefined;
      if (!grant) fail(404, 'not_found', 'no such reveal grant for you');
      if (Date.parse(grant.expires_at) <= now) {
        fail(403, 'grant_expired', 'the reveal grant expired; ask for a new one');
      }
      const key = await pseudonymKey(deps.db, c.var.user.tenantId, now);
      const index = matchCandidate(key, grant.pseudonym, body.candidates);
      await audit(deps, c.var.user, 'pseudonym.reveal.check', sha256Hex(grant.pseudonym), {
        grantId: grant.id,
        candidates: body.candidates.length,
        matched: index !== null,
      });
      return c.json({ match: index !== null, index }, 200);
    });
}
