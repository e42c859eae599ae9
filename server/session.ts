/**
 * Dashboard sessions: an opaque 256-bit random id in an HttpOnly, SameSite=Strict cookie, of which
 * only the SHA-256 is stored (a stolen database holds no usable session). A session ends after
 * IDLE_MS without a request, after ABSOLUTE_MS whatever happens, at logout, when an admin revokes
 * the user's sessions, and when the user's password changes.
 *
 * CSRF: SameSite=Strict keeps the cookie off cross-site requests in current browsers; Hono's `csrf`
 * middleware (mounted in app.ts) refuses cross-origin form posts by Origin / Sec-Fetch-Site; and
 * every state-changing request must also carry the session's synchronizer token (header
 * `X-CSRF-Token`, or form field `_csrf`). The token is SHA-256 over the session id: only someone
 * who holds the cookie can know it, it needs no storage, and leaking it does not leak the session.
 */
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import { randomSecret, sameDigest, sha256Hex } from './crypto.ts';
import type { Db } from './db/index.ts';
import { fail, type AppEnv, type Deps } from './http.ts';

/** What a dashboard user may be: admins run the tenant, managers see their teams, auditors read. */
export type Role = 'admin' | 'manager' | 'auditor';

/** Every role, in order of power. */
export const ROLES: readonly Role[] = ['admin', 'manager', 'auditor'];

/** The signed-in user, as `requireUser` puts it on `c.var.user`. */
export interface SessionUser {
  id: string;
  tenantId: string;
  role: Role;
  /** The teams a manager may see (attribute scoping); empty for admins and auditors. */
  teams: string[];
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'hush_session';

/** A session ends after this long without a request. */
export const IDLE_MS = 30 * 60_000;

/** A session ends this long after login, however active. */
export const ABSOLUTE_MS = 12 * 60 * 60_000;

/** `last_seen_at` is refreshed at most this often (one write a minute per session, not per call). */
const TOUCH_EVERY_MS = 60_000;

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;
const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The synchronizer CSRF token of a session (base64url SHA-256 over a label and the id). */
export function csrfTokenFor(sessionId: string): string {
  return createHash('sha256').update(`hush-csrf\0${sessionId}`).digest('base64url');
}

/** Whether the request arrived over HTTPS, so the cookie may (and must) be Secure. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

/** Starts a session for a user who has just proven password (and TOTP); sets the cookie. */
export async function startSession(
  c: Context,
  deps: Deps,
  user: { id: string; tenantId: string },
): Promise<{ csrfToken: string; expiresAt: string }> {
  const id = randomSecret(32);
  const now = deps.now();
  const expiresAt = new Date(now + ABSOLUTE_MS).toISOString();
  await deps.db
    .insertInto('sessions')
    .values({
      id_hash: sha256Hex(id),
      tenant_id: user.tenantId,
      user_id: user.id,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/',
    maxAge: Math.floor(ABSOLUTE_MS / 1000),
  });
  return { csrfToken: csrfTokenFor(id), expiresAt };
}

/** Clears the session cookie on the response. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}

/** Ends one session (logout). */
export async function revokeSession(db: Db, idHash: string, now: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date(now).toISOString() })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a user (admin revocation, password change); returns how many. */
export async function revokeUserSessions(db: Db, userId: string, now: number): Promise<number> {
  const r = await db
    .updateTable('sessions')
    .set({ revoked_at: new Date(now).toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Parses the stored teams column (JSON array of strings); anything else counts as no team. */
export function parseTeams(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}

/** Reads the synchronizer token from the header or, for HTML forms, the `_csrf` field. */
async function sentCsrfToken(c: Context): Promise<string> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  if (FORM.test(c.req.header('content-type') ?? '')) {
    // parseBody caches the parsed form, so the route can read it again.
    const form = await c.req.parseBody();
    const v = form['_csrf'];
    return typeof v === 'string' ? v : '';
  }
  return '';
}

/**
 * Requires a live session (and, when `roles` is given, one of those roles) and puts the user on
 * `c.var.user` and the session's hash on `c.var.sessionHash`. State-changing requests must carry
 * the CSRF token. Answers 401 with one message for a missing, unknown, expired or revoked session
 * (no hint which), 403 for a wrong role or a missing/wrong CSRF token.
 */
export function requireUser(deps: Deps, roles?: readonly Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE) ?? '';
    const unauthorized = () =>
      fail(401, 'unauthorized', 'sign in first (no valid session); the session may have expired');
    if (!SESSION_ID.test(id)) unauthorized();
    const idHash = sha256Hex(id);
    const row = await deps.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.last_seen_at',
        'sessions.expires_at',
        'sessions.revoked_at',
        'users.id as user_id',
        'users.tenant_id',
        'users.role',
        'users.teams',
        'users.revoked_at as user_revoked_at',
      ])
      .where('sessions.id_hash', '=', idHash)
      .executeTakeFirst();
    const now = deps.now();
    if (
      !row ||
      row.revoked_at !== null ||
      row.user_revoked_at !== null ||
      now >= Date.parse(row.expires_at) ||
      now - Date.parse(row.last_seen_at) >= IDLE_MS ||
      !isRole(row.role)
    ) {
      return unauthorized();
    }
    if (UNSAFE.test(c.req.method)) {
      const sent = await sentCsrfToken(c);
      const want = csrfTokenFor(id);
      const a = Buffer.from(sent);
      const b = Buffer.from(want);
      if (a.length !== b.length || !sameDigest(a.toString('hex'), b.toString('hex'))) {
        fail(
          403,
          'csrf',
          'state-changing requests need the session CSRF token (X-CSRF-Token header or _csrf field)',
        );
      }
    }
    if (roles && !roles.includes(row.role)) {
      fail(403, 'forbidden', `this needs the role ${roles.join(' or ')}`);
    }
    if (now - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
      await deps.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(now).toISOString() })
        .where('id_hash', '=', idHash)
        .execute();
    }
    c.set('user', {
      id: row.user_id,
      tenantId: row.tenant_id,
      role: row.role,
      teams: row.role === 'manager' ? parseTeams(row.teams) : [],
    });
    c.set('sessionHash', idHash);
    await next();
  });
}
