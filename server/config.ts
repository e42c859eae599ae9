/**
 * The server's configuration, read from environment variables once at start and validated by a
 * schema (STYLE.md principle 11). Every bad value is reported by its variable name, all at once,
 * so an operator fixes a deployment in one go instead of one restart per mistake.
 */
import * as v from 'valibot';
import { parseSecretKey } from './crypto.ts';
import { proxyEntryProblem, splitProxyList } from './client-ip.ts';

const Int = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );

const EnvSchema = v.object({
  HUSH_HOST: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9.:[\]-]+$/, 'HUSH_HOST must be a host name or address')),
    '127.0.0.1',
  ),
  HUSH_PORT: v.optional(Int('HUSH_PORT', 0, 65535), '8787'),
  DATABASE_URL: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^postgres(ql)?:\/\/\S+$/,
        'DATABASE_URL must be a postgres:// or postgresql:// address (leave it unset for the embedded SQLite file)',
      ),
    ),
  ),
  HUSH_DB_FILE: v.optional(
    v.pipe(v.string(), v.minLength(1, 'HUSH_DB_FILE must not be empty')),
    '.data/hush.sqlite',
  ),
  HUSH_LOG_LEVEL: v.optional(
    v.picklist(
      ['debug', 'info', 'warn', 'error'],
      'HUSH_LOG_LEVEL must be one of debug, info, warn, error',
    ),
    'info',
  ),
  HUSH_RATE_LIMIT_PER_MINUTE: v.optional(Int('HUSH_RATE_LIMIT_PER_MINUTE', 1, 1_000_000), '120'),
  HUSH_KEY_GRACE_DAYS: v.optional(Int('HUSH_KEY_GRACE_DAYS', 0, 3650), '14'),
  HUSH_SECRET_KEY: v.optional(
    v.pipe(
      v.string(),
      v.check(
        (s) => parseSecretKey(s) !== null,
        'HUSH_SECRET_KEY must be a 256-bit key: 64 hex digits or 44 base64 characters (e.g. `openssl rand -hex 32`)',
      ),
    ),
  ),
  HUSH_TRUSTED_PROXIES: v.optional(
    v.pipe(
      v.string(),
      v.transform(splitProxyList),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        // Every bad entry is named in one message, so a list is fixed in one go.
        const bad = dataset.value.map(proxyEntryProblem).filter((p) => p !== null);
        if (bad.length > 0) {
          addIssue({
            message: `HUSH_TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas: ${bad.join('; ')}`,
          });
        }
      }),
    ),
    '',
  ),
});

/** The validated configuration. */
export interface Config {
  host: string;
  port: number;
  /** Set: PostgreSQL. Unset: the embedded SQLite file `dbFile`. */
  databaseUrl: string | undefined;
  dbFile: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Device-authenticated writes (incident batches, false alarms) a device may make per minute. */
  rateLimitPerMinute: number;
  /** How long a rotated-out signing key still signs policies, so pinned clients can move over. */
  keyGraceDays: number;
  /**
   * Encrypts tenants' signing keys at rest. Unset: the CLI uses (or creates) `secret.key` beside
   * the SQLite file, and refuses to run on PostgreSQL, where every instance needs the same key.
   */
  secretKey: Buffer | undefined;
  /**
   * Peers (addresses, CIDR ranges) whose X-Forwarded-For is believed for per-address throttling
   * (client-ip.ts); empty: the socket address is the client, and the header is ignored.
   */
  trustedProxies: string[];
}

/** Thrown with one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`hush-server: bad configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads the configuration from `env` (process.env in production, a plain object in tests). */
export function readConfig(env: Record<string, string | undefined>): Config {
  // Empty variables count as unset: `HUSH_PORT= npm run server` should mean the default.
  const present = Object.fromEntries(
    Object.entries(env).filter(([k, val]) =>
      k.startsWith('HUSH_') || k === 'DATABASE_URL' ? val !== '' : false,
    ),
  );
  const r = v.safeParse(EnvSchema, present);
  if (!r.success) {
    throw new ConfigError(
      r.issues.map((i) => {
        const key = v.getDotPath(i) ?? '?';
        return i.message.startsWith(key) ? i.message : `${key}: ${i.message}`;
      }),
    );
  }
  const o = r.output;
  return {
    host: o.HUSH_HOST,
    port: o.HUSH_PORT,
    databaseUrl: o.DATABASE_URL,
    dbFile: o.HUSH_DB_FILE,
    logLevel: o.HUSH_LOG_LEVEL,
    rateLimitPerMinute: o.HUSH_RATE_LIMIT_PER_MINUTE,
    keyGraceDays: o.HUSH_KEY_GRACE_DAYS,
    secretKey:
      o.HUSH_SECRET_KEY === undefined
        ? undefined
        : (parseSecretKey(o.HUSH_SECRET_KEY) ?? undefined),
    trustedProxies: o.HUSH_TRUSTED_PROXIES,
  };
}
