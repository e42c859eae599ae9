/**
 * Sign-in throttling and lockout, counted in the database so that every instance behind a load
 * balancer sees the same counts. Failures are counted per account (tenant + email, whether or not
 * the account exists, so a lockout tells nothing about which emails are real) and per client
 * address; reaching the limit within the window locks that key for LOCK_MS.
 */
import { sql } from 'kysely';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/index.ts';
import { fail } from '../http.ts';

/** Failed sign-ins an account may have within WINDOW_MS before it is locked. */
export const ACCOUNT_FAILURES = 5;
/** Failed sign-ins one address may have within WINDOW_MS (an office behind one NAT shares it). */
export const IP_FAILURES = 50;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/**
 * The client's address: what the app's first middleware found (the socket peer, or behind a
 * trusted proxy the forwarded client; client-ip.ts), else the socket's; `unknown` when there is
 * none (app.request without a socket).
 */
export function clientIp(c: Context): string {
  const resolved: unknown = c.get('clientIp');
  if (typeof resolved === 'string') return resolved;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The throttle keys of one sign-in attempt, with their limits. */
export function loginKeys(tenantId: string, email: string, ip: string) {
  return [
    { key: `account:${tenantId}:${email}`, limit: ACCOUNT_FAILURES },
    { key: `ip:${ip}`, limit: IP_FAILURES },
  ];
}

/** When the latest lock among `keys` ends (ms), or null when none is locked now. */
export async function lockedUntil(db: Db, keys: string[], now: number): Promise<number | null> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .execute();
  let until: number | null = null;
  for (const r of rows) {
    const t = r.locked_until ? Date.parse(r.locked_until) : 0;
    if (t > now && (until === null || t > until)) until = t;
  }
  return until;
}

/** Counts one failure against `key` (one atomic upsert) and locks it when it reaches `limit`. */
export async function recordFailure(
  db: Db,
  key: string,
  limit: number,
  now: number,
): Promise<void> {
  const at = new Date(now).toISOString();
  const cutoff = new Date(now - WINDOW_MS).toISOString();
  // A failure after the window restarts the count; the CASE runs inside the upsert, so two
  // instances counting at once cannot lose a failure.
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_start: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`CASE WHEN login_throttle.window_start < ${cutoff} THEN 1 ELSE login_throttle.failures + 1 END`,
        window_start: sql<string>`CASE WHEN login_throttle.window_start < ${cutoff} THEN ${at} ELSE login_throttle.window_start END`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  if (Number(row.failures) >= limit) {
    await db
      .updateTable('login_throttle')
      .set({
        locked_until: new Date(now + LOCK_MS).toISOString(),
        failures: 0,
        window_start: at,
      })
      .where('key', '=', key)
      .execute();
  }
}

/** Forgets an account's failures after a successful sign-in. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Enrollments one address may attempt a minute (an office behind one NAT enrolls together). */
export const ENROLL_PER_IP_MINUTE = 60;
/** Enrollments one tenant may receive a minute (a roll-out of thousands spreads over an hour). */
export const ENROLL_PER_TENANT_MINUTE = 600;

/** Counts one request against `key`'s current minute; returns the count (one atomic upsert). */
async function countMinute(db: Db, key: string, window: number): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window })
    .onConflict((oc) =>
      oc.columns(['key', 'window']).doUpdateSet({ count: sql<number>`rate_limits.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  if (count === 1) {
    await db
      .deleteFrom('rate_limits')
      .where('key', '=', key)
      .where('window', '<', window)
      .execute();
  }
  return count;
}

/**
 * Throttles `POST /api/v1/enroll` per client address and per tenant, counted in the database's
 * `rate_limits` (shared by every instance). Over either limit: 429 with Retry-After. The body is
 * read as text (Hono caches it for the route); an unreadable body is throttled per address only
 * and left for the route to refuse.
 */
export function enrollThrottle(deps: { db: Db; now: () => number }) {
  return createMiddleware(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const now = deps.now();
    const window = Math.floor(now / 60_000);
    const ip = clientIp(c);
    // Without a socket address (only in-process requests) there is no address to count.
    const checks: { key: string; limit: number }[] =
      ip === 'unknown' ? [] : [{ key: `enroll-ip:${ip}`, limit: ENROLL_PER_IP_MINUTE }];
    try {
      const raw: unknown = JSON.parse(await c.req.text());
      const tenantId =
        raw && typeof raw === 'object' && 'tenantId' in raw ? raw.tenantId : undefined;
      if (typeof tenantId === 'string' && tenantId.length <= 64) {
        checks.push({ key: `enroll-tenant:${tenantId}`, limit: ENROLL_PER_TENANT_MINUTE });
      }
    } catch {
      // Not JSON: the route answers 400/415; only the address is counted.
    }
    for (const { key, limit } of checks) {
      if ((await countMinute(deps.db, key, window)) > limit) {
        const retry = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
        fail(429, 'rate_limited', `too many enrollments; retry in ${retry} s`, undefined, {
          'retry-after': String(retry),
        });
      }
    }
    await next();
  });
}
