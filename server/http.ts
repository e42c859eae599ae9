/**
 * What every route shares: the dependencies passed in (STYLE.md principle 10: tests hand in their
 * own database and clock), the Hono environment type, and reading a validated JSON body.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import type { Db } from './db/index.ts';
import type { DeviceTable } from './db/schema.ts';
import type { Logger } from './log.ts';
import type { ScryptParams } from './people/password.ts';
import type { SessionUser } from './session.ts';
import type { TrustedProxies } from './client-ip.ts';

/** What the app needs from outside. */
export interface Deps {
  db: Db;
  log: Logger;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now: () => number;
  rateLimitPerMinute: number;
  /** scrypt cost for new password hashes (people/password.ts); tests pass cheap parameters. */
  passwordCost?: ScryptParams;
  /** Decrypts tenants' signing keys (crypto.ts); unset only in tests that store keys clear. */
  secretKey?: Buffer | undefined;
  /** Proxies whose X-Forwarded-For names the client (client-ip.ts); unset: none. */
  trustedProxies?: TrustedProxies | undefined;
}

/**
 * The Hono environment: the authenticated device, when a route requires one; the signed-in user
 * and the hash of their session, when a route requires a user (session.ts).
 */
export interface AppEnv {
  Variables: { device: DeviceTable; user: SessionUser; sessionHash: string; clientIp: string };
}

/** A 4xx answer with a JSON body `{error, message, issues?}`. */
export function fail(
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429,
  error: string,
  message: string,
  issues?: { path: string; message: string }[],
  headers?: Record<string, string>,
): never {
  const body = JSON.stringify({ error, message, ...(issues ? { issues } : {}) });
  throw new HTTPException(status, {
    res: new Response(body, {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    }),
  });
}

/**
 * Reads the request body as JSON and validates it. Malformed JSON, a wrong content type and every
 * schema problem answer 400 (415) with the offending field's path in the message.
 */
export async function readBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
): Promise<v.InferOutput<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    fail(415, 'unsupported_media_type', 'the body must be JSON (Content-Type: application/json)');
  }
  const text = await c.req.text();
  let raw: unknown;
  let proto = false;
  try {
    // A `__proto__` key is never valid here, and schemas would silently drop it (valibot skips
    // it in records), so it is refused outright rather than half-accepted.
    raw = JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') proto = true;
      return value;
    });
  } catch {
    fail(400, 'malformed_json', 'the body is not valid JSON');
  }
  if (proto) fail(400, 'invalid_request', 'the body must not hold a "__proto__" key');
  const r = v.safeParse(schema, raw);
  if (r.success) return r.output;
  const issues = r.issues.slice(0, 20).map((i) => ({
    path: v.getDotPath(i) ?? '(body)',
    message: i.message,
  }));
  const first = issues[0]!;
  return fail(400, 'invalid_request', `${first.path}: ${first.message}`, issues);
}

/**
 * Validates the request's query string: a problem answers 400 with the field's path, like a
 * body's (readBody).
 */
export function readQuery<S extends v.GenericSchema>(c: Context, schema: S): v.InferOutput<S> {
  const r = v.safeParse(schema, c.req.query());
  if (!r.success) {
    const i = r.issues[0];
    const path = v.getDotPath(i);
    return fail(400, 'invalid_request', path ? `${path}: ${i.message}` : i.message);
  }
  return r.output;
}

/**
 * Whether `err` is the database refusing a duplicate key (SQLite's UNIQUE / PRIMARY KEY
 * constraint, PostgreSQL's 23505): two requests that raced to write the same row, such as two
 * admins publishing the same policy revision at once. The loser is told to reload and try again
 * (409) instead of getting an opaque 500; the winner's write stands.
 */
export function isDuplicateKey(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
