/**
 * Sign-in: password, then (when the user has one, and always for admins) a TOTP code, behind the
 * throttle. Every failure (unknown email, wrong password, wrong or replayed code, revoked user)
 * answers the same 401 message and counts against the account and the address; a locked key
 * answers 429 before any password is checked.
 */
import type { Context } from 'hono';
import { fail, type Deps } from '../http.ts';
import { startSession } from '../session.ts';
import {
  DEFAULT_SCRYPT,
  decoyHash,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './password.ts';
import { clearFailures, clientIp, lockedUntil, loginKeys, recordFailure } from './throttle.ts';
import { useTotpCode } from './totp.ts';
import { normaliseEmail, userView, type UserView } from './users.ts';

/** The one message for every failed sign-in, so nothing tells which part was wrong. */
export const LOGIN_FAILED = 'the email, password or code is not right';

export interface LoginInput {
  tenantId: string;
  email: string;
  password: string;
  code?: string | undefined;
}

/** Signs in (sets the session cookie) or throws the 4xx; returns the user and CSRF token. */
export async function login(
  c: Context,
  deps: Deps,
  input: LoginInput,
): Promise<{ user: UserView; csrfToken: string; expiresAt: string }> {
  const now = deps.now();
  const email = normaliseEmail(input.email);
  const keys = loginKeys(input.tenantId, email, clientIp(c));
  const until = await lockedUntil(
    deps.db,
    keys.map((k) => k.key),
    now,
  );
  if (until !== null) {
    const retry = Math.max(1, Math.ceil((until - now) / 1000));
    fail(
      429,
      'locked',
      `too many failed sign-ins; try again in ${Math.ceil(retry / 60)} min`,
      undefined,
      { 'retry-after': String(retry) },
    );
  }
  const cost = deps.passwordCost ?? DEFAULT_SCRYPT;
  const user = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', input.tenantId)
    .where('email', '=', email)
    .executeTakeFirst();
  // A missing user still costs one scrypt, so the answer's timing does not tell which emails exist.
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash(cost)));
  const refuse = async (): Promise<never> => {
    for (const k of keys) await recordFailure(deps.db, k.key, k.limit, now);
    deps.log.log('info', 'sign-in refused', { tenantId: input.tenantId });
    return fail(401, 'invalid_login', LOGIN_FAILED);
  };
  if (!user || !ok || user.revoked_at !== null) return refuse();
  if (user.role === 'admin' && !user.totp_secret) {
    // Cannot happen through the API (admins are made with TOTP), but a database edited by hand
    // must not let an admin in on a password alone.
    fail(403, 'totp_setup_required', 'an admin needs a TOTP second factor; ask another admin');
  }
  if (user.totp_secret) {
    if (!input.code) {
      fail(401, 'totp_required', 'enter the 6-digit code from your authenticator app');
    }
    if (!(await useTotpCode(deps.db, user, input.code, now))) return refuse();
  }
  await clearFailures(deps.db, keys[0]!.key);
  if (needsRehash(user.password_hash, cost)) {
    // Parameters were raised since this hash was made: store a stronger one now that we know
    // the password.
    await deps.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.password, cost) })
      .where('id', '=', user.id)
      .execute();
  }
  const session = await startSession(c, deps, { id: user.id, tenantId: user.tenant_id });
  deps.log.log('info', 'signed in', { tenantId: user.tenant_id, userId: user.id });
  return { user: userView(user), ...session };
}
