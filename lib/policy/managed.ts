/**
 * What IT sets through browser policy (chrome.storage.managed; managed_schema.json describes it):
 * how to reach the backend, who the user is, the managed policy layer and its locks. Read
 * leniently: a bad value is named in `problems` and left out, the rest applies.
 *
 * Top-level keys are forever: GPOs and configuration profiles in the field name them.
 */
import * as v from 'valibot';
import { formatIssuePath, type PolicyProblem } from '@/rules/policy.ts';
import { migrate } from './migrate.ts';
import { LOCK_GROUPS, FIELDS, PolicyError, readLayer, type Layer } from './schema.ts';

const HttpsUrl = v.pipe(
  v.string('must be a web address (a string)'),
  v.check((s) => {
    try {
      const u = new URL(s);
      // Plain http only for a backend on this machine (development and the e2e tests).
      return (
        u.protocol === 'https:' ||
        (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname))
      );
    } catch {
      return false;
    }
  }, 'must be an https address (http only for localhost)'),
);
const Token = (name: string, max: number) =>
  v.pipe(
    v.string(`must be ${name} (a string)`),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

/** Schemas of the connection and identity keys (everything but `policy` and `locked`). */
export const MANAGED_ENTRIES = {
  backendUrl: HttpsUrl,
  tenantId: v.pipe(
    Token('a tenant id', 64),
    v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be letters, digits, dashes or underscores'),
  ),
  enrollmentToken: Token('an enrollment token', 4096),
  policySigningKey: v.pipe(
    Token('a public key', 4096),
    v.regex(
      /^[A-Za-z0-9+/]+={0,2}$/,
      'must be a public key in base64 (SubjectPublicKeyInfo DER, ECDSA P-256 or Ed25519)',
    ),
  ),
  pseudonymKey: v.pipe(
    Token('a pseudonym key', 64),
    v.regex(
      /^[A-Za-z0-9_-]{43}$/,
      'must be the key printed by `tenant pseudonym-key` (43 characters of base64url)',
    ),
  ),
  user: v.strictObject(
    {
      id: v.optional(Token('a user id', 320)),
      team: v.optional(Token('a team name', 200)),
      groups: v.optional(v.pipe(v.array(Token('a group name', 200)), v.maxLength(100))),
    },
    (issue) =>
      issue.expected === 'never'
        ? 'unknown field (allowed: id, team, groups)'
        : 'must be an object with id, team, groups',
  ),
};

export type ManagedConnection = {
  [K in keyof typeof MANAGED_ENTRIES]?: v.InferOutput<(typeof MANAGED_ENTRIES)[K]>;
};

export interface ManagedConfig {
  connection: ManagedConnection;
  /** The managed policy layer (valid fields only). */
  layer: Layer;
  /** Lock entries as IT wrote them (valid ones only). */
  locked: string[];
  /** Everything that was left out, with its path from the top of managed storage. */
  problems: PolicyProblem[];
}

/** An empty managed config: no browser policy (or none readable yet). */
export const NO_MANAGED: ManagedConfig = {
  connection: {},
  layer: new Map(),
  locked: [],
  problems: [],
};

/** Reads the contents of storage.managed. Never throws. */
export function readManaged(raw: Record<string, unknown>): ManagedConfig {
  const connection: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  let layer: Layer = new Map();
  const locked: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'policy') {
      try {
        const read = readLayer(migrate(value));
        layer = read.layer;
        problems.push(...read.problems.map((p) => ({ ...p, path: join('policy', p.path) })));
      } catch (err) {
        if (!(err instanceof PolicyError)) throw err;
        problems.push(...err.problems.map((p) => ({ ...p, path: join('policy', p.path) })));
      }
    } else if (key === 'locked') {
      if (!Array.isArray(value)) {
        problems.push({ path: 'locked', message: 'must be a list of field paths' });
        continue;
      }
      value.forEach((entry, i) => {
        if (typeof entry === 'string' && (FIELDS.includes(entry) || LOCK_GROUPS.includes(entry))) {
          locked.push(entry);
        } else {
          problems.push({
            path: `locked[${i}]`,
            message: `names no policy field or group (got ${JSON.stringify(entry)})`,
          });
        }
      });
    } else if (Object.hasOwn(MANAGED_ENTRIES, key)) {
      const result = v.safeParse(MANAGED_ENTRIES[key as keyof typeof MANAGED_ENTRIES], value);
      if (result.success) connection[key] = result.output;
      else {
        for (const issue of result.issues) {
          problems.push({ path: join(key, formatIssuePath(issue.path)), message: issue.message });
        }
      }
    } else {
      problems.push({ path: key, message: 'unknown setting' });
    }
  }
  return { connection: connection as ManagedConnection, layer, locked, problems };
}

function join(prefix: string, path: string): string {
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
