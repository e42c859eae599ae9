/**
 * Administrative operations: what the `hush-server tenant ...` and `policy publish` commands do
 * (the dashboard, later, will call the same functions). Each takes the database and a clock.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from './db/index.ts';
import type { SigningKeyTable } from './db/schema.ts';
import {
  encryptPrivateKey,
  isEncryptedKey,
  newSigningKey,
  randomSecret,
  sha256Hex,
} from './crypto.ts';
import { validatePolicyDocument } from './policy/document.ts';
import { appendAudit } from './audit.ts';

/** The audit actor when a caller names none (library use, tests); the CLI names its user. */
export const DEFAULT_ACTOR = 'system';

/** Telemetry levels: counts only, or counts and (masked) override reasons. */
export const TELEMETRY_LEVELS = ['counts', 'counts-and-reasons'] as const;
export type TelemetryLevel = (typeof TELEMETRY_LEVELS)[number];

export interface PublicKeyInfo {
  id: string;
  publicKey: string;
  status: 'current' | 'previous';
  expiresAt: string | null;
}

export interface CreatedTenant {
  tenantId: string;
  /** Shown once: IT puts it in managed policy. */
  enrollmentToken: string;
  key: PublicKeyInfo;
}

/** The private key as stored: encrypted when a secret key is given. */
function storedKey(key: { id: string; privateKey: string }, secret: Buffer | undefined): string {
  return secret ? encryptPrivateKey(key.privateKey, key.id, secret) : key.privateKey;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Throws a clear error when the tenant does not exist. */
async function requireTenant(db: Db, tenantId: string): Promise<void> {
  const t = await db
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!t) throw new Error(`no tenant with id ${tenantId}`);
}

/** Creates a tenant with an enrollment token and a first signing key. */
export async function createTenant(
  db: Db,
  opts: {
    name: string;
    telemetry?: TelemetryLevel;
    now?: number;
    actor?: string;
    /** Encrypts the private key at rest (crypto.ts); the CLI and server always pass it. */
    secretKey?: Buffer | undefined;
  },
): Promise<CreatedTenant> {
  const name = opts.name.trim();
  if (!name || name.length > 200) throw new Error('the tenant name must be 1 to 200 characters');
  const now = opts.now ?? Date.now();
  const tenantId = randomUUID();
  const enrollmentToken = randomSecret();
  const key = newSigningKey();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('tenants')
      .values({
        id: tenantId,
        name,
        enrollment_token_hash: sha256Hex(enrollmentToken),
        telemetry: opts.telemetry ?? 'counts',
        created_at: iso(now),
      })
      .execute();
    await tx
      .insertInto('signing_keys')
      .values({
        id: key.id,
        tenant_id: tenantId,
        public_key: key.publicKey,
        private_key: storedKey(key, opts.secretKey),
        created_at: iso(now),
        retired_at: null,
        expires_at: null,
      })
      .execute();
    // In the same transaction: a tenant never exists without the entry that records its creation.
    await appendAudit(
      tx,
      {
        tenantId,
        actor: opts.actor ?? DEFAULT_ACTOR,
        action: 'tenant.create',
        target: tenantId,
        details: { telemetry: opts.telemetry ?? 'counts', keyId: key.id },
      },
      now,
    );
  });
  return {
    tenantId,
    enrollmentToken,
    key: { id: key.id, publicKey: key.publicKey, status: 'current', expiresAt: null },
  };
}

/** Replaces the enrollment token (devices already enrolled keep working); returns the new one. */
export async function newEnrollmentToken(
  db: Db,
  tenantId: string,
  opts: { actor?: string; now?: number } = {},
): Promise<string> {
  await requireTenant(db, tenantId);
  const token = randomSecret();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('tenants')
      .set({ enrollment_token_hash: sha256Hex(token) })
      .where('id', '=', tenantId)
      .execute();
    await appendAudit(
      tx,
      { tenantId, actor: opts.actor ?? DEFAULT_ACTOR, action: 'tenant.enrollment-token' },
      opts.now ?? Date.now(),
    );
  });
  return token;
}

/** Sets the tenant's telemetry level. */
export async function setTelemetry(
  db: Db,
  tenantId: string,
  level: TelemetryLevel,
  opts: { actor?: string; now?: number } = {},
): Promise<void> {
  await requireTenant(db, tenantId);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('tenants').set({ telemetry: level }).where('id', '=', tenantId).execute();
    await appendAudit(
      tx,
      {
        tenantId,
        actor: opts.actor ?? DEFAULT_ACTOR,
        action: 'tenant.telemetry',
        details: { telemetry: level },
      },
      opts.now ?? Date.now(),
    );
  });
}

/** The keys that sign now: the current one and previous ones still in their grace period. */
export async function signingKeys(
  db: Db,
  tenantId: string,
  now: number,
): Promise<SigningKeyTable[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', iso(now))]))
    .execute();
  // Current key first, then previous keys newest first: clients that try keys in order hit the
  // current one at once.
  return rows.sort((a, b) =>
    a.retired_at === null
      ? -1
      : b.retired_at === null
        ? 1
        : b.created_at.localeCompare(a.created_at),
  );
}

/** The public half of `signingKeys`, for the keys endpoint and the CLI. */
export function publicKeys(rows: SigningKeyTable[]): PublicKeyInfo[] {
  return rows.map((k) => ({
    id: k.id,
    publicKey: k.public_key,
    status: k.retired_at === null ? 'current' : 'previous',
    expiresAt: k.expires_at,
  }));
}

/**
 * Makes a new current key; the old current key keeps signing (beside the new one) for
 * `graceDays`, so browsers that pin it accept policies until IT has pinned the new key.
 */
export async function rotateKey(
  db: Db,
  tenantId: string,
  opts: { graceDays: number; now?: number; actor?: string; secretKey?: Buffer | undefined },
): Promise<PublicKeyInfo[]> {
  await requireTenant(db, tenantId);
  const now = opts.now ?? Date.now();
  const key = newSigningKey();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('signing_keys')
      .set({ retired_at: iso(now), expires_at: iso(now + opts.graceDays * 86_400_000) })
      .where('tenant_id', '=', tenantId)
      .where('retired_at', 'is', null)
      .execute();
    await tx
      .insertInto('signing_keys')
      .values({
        id: key.id,
        tenant_id: tenantId,
        public_key: key.publicKey,
        private_key: storedKey(key, opts.secretKey),
        created_at: iso(now),
        retired_at: null,
        expires_at: null,
      })
      .execute();
    await appendAudit(
      tx,
      {
        tenantId,
        actor: opts.actor ?? DEFAULT_ACTOR,
        action: 'key.rotate',
        target: key.id,
        details: { graceDays: opts.graceDays },
      },
      now,
    );
  });
  return publicKeys(await signingKeys(db, tenantId, now));
}

/** Validates and publishes a policy document as the tenant's next revision; returns it. */
export async function publishPolicy(
  db: Db,
  tenantId: string,
  document: unknown,
  now = Date.now(),
  actor = DEFAULT_ACTOR,
): Promise<number> {
  const doc = validatePolicyDocument(document);
  await requireTenant(db, tenantId);
  return db.transaction().execute(async (tx) => {
    const last = await tx
      .selectFrom('policies')
      .select((eb) => eb.fn.max('revision').as('rev'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    const revision = Number(last?.rev ?? 0) + 1;
    // Two publishes racing for the same revision: the primary key refuses the second, which then
    // fails loudly instead of overwriting.
    await tx
      .insertInto('policies')
      .values({
        tenant_id: tenantId,
        revision,
        document: JSON.stringify(doc),
        published_at: iso(now),
      })
      .execute();
    await appendAudit(
      tx,
      { tenantId, actor, action: 'policy.publish', details: { revision } },
      now,
    );
    return revision;
  });
}

/**
 * Encrypts every signing key still stored in the clear (rows from before encryption at rest);
 * returns how many. Idempotent: it runs at every start and admin command, after the migrations,
 * because the SQL migrations cannot see the secret key.
 */
export async function encryptStoredKeys(db: Db, secret: Buffer): Promise<number> {
  const rows = await db.selectFrom('signing_keys').select(['id', 'private_key']).execute();
  let n = 0;
  for (const r of rows) {
    if (isEncryptedKey(r.private_key)) continue;
    const r2 = await db
      .updateTable('signing_keys')
      .set({ private_key: encryptPrivateKey(r.private_key, r.id, secret) })
      .where('id', '=', r.id)
      // Only if still clear: two instances starting together encrypt each row once.
      .where('private_key', '=', r.private_key)
      .executeTakeFirst();
    n += Number(r2.numUpdatedRows);
  }
  return n;
}
