/**
 * `/api/v1/auth/*`: sign-in and sign-out, the current session, password change, TOTP set-up, and
 * using a one-time invitation link (the first admin, invited users). See docs/server.md ("People").
 */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { appendAudit } from '../audit.ts';
import { fail, readBody, type AppEnv, type Deps } from '../http.ts';
import { acceptInvitation } from '../people/invitations.ts';
import { login } from '../people/login.ts';
import { DEFAULT_SCRYPT, verifyPassword } from '../people/password.ts';
import { LoginRequest, PasswordChange, SetupRequest, TotpConfirm } from '../people/schemas.ts';
import { newTotpSecret, totpStep, totpUri } from '../people/totp.ts';
import { PeopleError, setPassword, userView } from '../people/users.ts';
import {
  clearSessionCookie,
  csrfTokenFor,
  requireUser,
  revokeSession,
  SESSION_COOKIE,
} from '../session.ts';

/** Maps a refused change to its 4xx. */
export function peopleFail(err: unknown): never {
  if (!(err instanceof PeopleError)) throw err;
  switch (err.code) {
    case 'not_found':
      return fail(404, 'not_found', err.message);
    case 'exists':
    case 'last_admin':
    case 'totp_required':
      return fail(409, err.code, err.message);
    case 'invitation_invalid':
      return fail(401, err.code, err.message);
    default:
      return fail(400, 'invalid_request', err.message);
  }
}

export function authRoutes(deps: Deps) {
  const cost = () => deps.passwordCost ?? DEFAULT_SCRYPT;
  const signedIn = requireUser(deps);
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const body = await readBody(c, LoginRequest);
      return c.json(await login(c, deps, body), 200);
    })
    .post('/logout', signedIn, async (c) => {
      await revokeSession(deps.db, c.var.sessionHash, deps.now());
      clearSessionCookie(c);
      return c.json({ ok: true }, 200);
    })
    .get('/session', signedIn, async (c) => {
      const row = await deps.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', c.var.user.id)
        .executeTakeFirstOrThrow();
      const session = await deps.db
        .selectFrom('sessions')
        .select('expires_at')
        .where('id_hash', '=', c.var.sessionHash)
        .executeTakeFirstOrThrow();
      return c.json(
        {
          user: userView(row),
          csrfToken: csrfTokenFor(getCookie(c, SESSION_COOKIE) ?? ''),
          expiresAt: session.expires_at,
        },
        200,
      );
    })
    .post('/password', signedIn, async (c) => {
      const body = await readBody(c, PasswordChange);
      const now = deps.now();
      const row = await deps.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', c.var.user.id)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(body.currentPassword, row.password_hash))) {
        fail(403, 'wrong_password', 'the current password is not right');
      }
      // A changed password ends every session, this one included: whoever else held one is out.
      const sessions = await setPassword(
        deps.db,
        c.var.user.id,
        body.newPassword,
        now,
        cost(),
      ).catch(peopleFail);
      await appendAudit(
        deps.db,
        {
          tenantId: c.var.user.tenantId,
          actor: `user:${c.var.user.id}`,
          action: 'user.password',
          target: c.var.user.id,
          details: { sessionsRevoked: sessions },
        },
        now,
      );
      clearSessionCookie(c);
      return c.json({ sessions }, 200);
    })
    .post('/totp/setup', signedIn, async (c) => {
      // Stateless: the secret travels back with the confirming code, and only a confirmed secret
      // is stored, so an abandoned set-up leaves nothing behind.
      const row = await deps.db
        .selectFrom('users')
        .select(['email', 'totp_secret'])
        .where('id', '=', c.var.user.id)
        .executeTakeFirstOrThrow();
      if (row.totp_secret) fail(409, 'totp_exists', 'a second factor is already set up');
      const secret = newTotpSecret();
      return c.json({ secret, uri: totpUri(secret, row.email) }, 200);
    })
    .post('/totp/confirm', signedIn, async (c) => {
      const body = await readBody(c, TotpConfirm);
      const now = deps.now();
      const step = totpStep(body.secret, body.code, now);
      if (step === null) fail(400, 'invalid_code', 'the code does not match the secret');
      const r = await deps.db
        .updateTable('users')
        .set({ totp_secret: body.secret, totp_last_step: step })
        .where('id', '=', c.var.user.id)
        .where('totp_secret', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        fail(409, 'totp_exists', 'a second factor is already set up');
      }
      await appendAudit(
        deps.db,
        {
          tenantId: c.var.user.tenantId,
          actor: `user:${c.var.user.id}`,
          action: 'user.totp',
          target: c.var.user.id,
        },
        now,
      );
      return c.json({ ok: true }, 200);
    })
    .post('/setup', async (c) => {
      const body = await readBody(c, SetupRequest);
      const now = deps.now();
      const { tenantId, user } = await acceptInvitation(
        deps.db,
        {
          token: body.token,
          email: body.email,
          password: body.password,
          totpSecret: body.totpSecret ?? null,
          totpCode: body.totpCode ?? null,
        },
        now,
        cost(),
      ).catch(peopleFail);
      await appendAudit(
        deps.db,
        {
          tenantId,
          actor: `user:${user.id}`,
          action: 'user.create',
          target: user.id,
          details: { role: user.role, via: 'invitation' },
        },
        now,
      );
      return c.json({ user }, 201);
    });
}
