/**
 * Policy sync: fetches the tenant's signed policy (`GET /api/v1/policy`, conditional on the last
 * ETag) and stores it as the synced layer (`policy:synced`, which lib/policy/service.ts reads and
 * watches) only when all of these hold:
 *
 * - a signature verifies (WebCrypto; Ed25519, or ECDSA P-256 with SHA-256) over the exact payload
 *   bytes with the public key IT pinned in managed policy (`policySigningKey`);
 * - the payload names the managed tenant;
 * - its revision is not lower than the last accepted one (an old signed policy replayed);
 * - its policy document passes the policy schema strictly (`parseLayer(migrate(doc))`).
 *
 * Anything else keeps the last good policy and records the failure (time and a reason code, never
 * the body). Offline, the last good policy applies.
 *
 * Storage key (forever): `sync:policy`, the record below: what was accepted last (tenant,
 * revision, ETag, key id) and the last attempt's result. It is written together with
 * `policy:synced` in one `set`, so the two never disagree.
 */
import * as v from 'valibot';
import type { ManagedConnection } from '@/lib/policy/managed.ts';
import { migrate } from '@/lib/policy/migrate.ts';
import { parseLayer, PolicyError } from '@/lib/policy/schema.ts';
import { KEYS as POLICY_KEYS } from '@/lib/policy/service.ts';
import type { Enrolment } from './enrollment.ts';
import { apiUrl, fromBase64, send, type FetchLike, type LocalArea } from './http.ts';

export const SYNC_KEY = 'sync:policy';

/** Why a sync did not bring a new policy (identifiers, forever; shown and reported as they are). */
export const SYNC_REASONS = [
  'not-configured', // no backend, tenant or enrollment token in managed policy
  'not-enrolled', // enrollment has not succeeded (yet)
  'no-signing-key', // IT pinned no policySigningKey: nothing could be accepted
  'bad-key', // the pinned key is not an Ed25519 or ECDSA P-256 public key
  'offline', // no answer (network down, timeout)
  'unauthorized', // 401: the credential is no longer valid (re-enrollment follows)
  'no-policy', // 404: nothing published for the tenant yet
  'server-error', // 5xx or 429
  'bad-response', // another status, or a body that is not a signed policy
  'unsigned', // no signature this client can check
  'bad-signature', // no signature verifies with the pinned key
  'invalid-payload', // signed, but the payload is not a policy payload
  'tenant-mismatch', // signed for another tenant
  'rollback', // a lower revision than the last accepted one
  'invalid-policy', // the document fails the policy schema
] as const;
export type SyncReason = (typeof SYNC_REASONS)[number];

const Accepted = v.object({
  tenantId: v.string(),
  revision: v.number(),
  etag: v.nullable(v.string()),
  keyId: v.string(),
  publishedAt: v.string(),
  acceptedAt: v.number(),
});

const SyncRecordV1 = v.object({
  v: v.literal(1),
  /** The policy in `policy:synced`; null when none has been accepted. */
  accepted: v.nullable(Accepted),
  lastAttemptAt: v.nullable(v.number()),
  /** The last time the backend confirmed the policy in force (new or unchanged). */
  lastSuccessAt: v.nullable(v.number()),
  result: v.nullable(v.picklist(['updated', 'not-modified', 'failed'])),
  reason: v.nullable(v.picklist(SYNC_REASONS)),
  /** Failed syncs in a row. */
  failures: v.number(),
});

/** What the last syncs did: shown by the popup and options page, reported with incidents. */
export type SyncRecord = v.InferOutput<typeof SyncRecordV1>;

export const EMPTY_SYNC: SyncRecord = {
  v: 1,
  accepted: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  result: null,
  reason: null,
  failures: 0,
};

/** Reads the stored sync record; unreadable counts as empty (no policy accepted). */
export function readSyncRecord(raw: unknown): SyncRecord {
  const r = v.safeParse(SyncRecordV1, raw);
  return r.success ? r.output : EMPTY_SYNC;
}

/** The sync record as stored now. */
export async function loadSyncRecord(local: Pick<LocalArea, 'get'>): Promise<SyncRecord> {
  return readSyncRecord((await local.get([SYNC_KEY]))[SYNC_KEY]);
}

const SignedPolicy = v.object({
  payload: v.string(),
  signatures: v.array(v.object({ keyId: v.string(), alg: v.string(), signature: v.string() })),
});

const Payload = v.object({
  tenantId: v.string(),
  revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
  publishedAt: v.string(),
  policy: v.record(v.string(), v.unknown()),
});

/** Signature algorithms and how WebCrypto imports and checks each. */
const ALGS = {
  Ed25519: { importAs: { name: 'Ed25519' }, verifyAs: { name: 'Ed25519' } },
  ES256: {
    importAs: { name: 'ECDSA', namedCurve: 'P-256' },
    verifyAs: { name: 'ECDSA', hash: 'SHA-256' },
  },
} as const;
type Alg = keyof typeof ALGS;

/** Imports the pinned SubjectPublicKeyInfo (base64) as whichever supported kind it is. */
export async function importPinnedKey(
  spkiB64: string,
): Promise<{ alg: Alg; key: CryptoKey } | null> {
  const der = fromBase64(spkiB64);
  if (!der) return null;
  for (const alg of Object.keys(ALGS) as Alg[]) {
    try {
      const key = await crypto.subtle.importKey('spki', der, ALGS[alg].importAs, false, ['verify']);
      return { alg, key };
    } catch {
      // Not this kind of key: try the next.
    }
  }
  return null;
}

/**
 * The id of the first signature over `payload` that verifies with the pinned key, or the reason
 * none does. Only signatures of the pinned key's algorithm are tried; the key id is not trusted
 * to pick one (any signature may be checked, only a valid one counts).
 */
export async function verifySigned(
  payload: string,
  signatures: readonly { keyId: string; alg: string; signature: string }[],
  pinned: { alg: Alg; key: CryptoKey },
): Promise<{ keyId: string } | { reason: 'unsigned' | 'bad-signature' }> {
  const bytes = new TextEncoder().encode(payload);
  const candidates = signatures.filter((s) => s.alg === pinned.alg);
  if (candidates.length === 0) return { reason: 'unsigned' };
  for (const s of candidates) {
    const sig = fromBase64(s.signature);
    if (!sig) continue;
    try {
      if (await crypto.subtle.verify(ALGS[pinned.alg].verifyAs, pinned.key, sig, bytes)) {
        return { keyId: s.keyId };
      }
    } catch {
      // A malformed signature is just not a valid one.
    }
  }
  return { reason: 'bad-signature' };
}

export interface SyncDeps {
  local: LocalArea;
  fetch: FetchLike;
  connection: ManagedConnection;
  enrolment: Enrolment;
  now: () => number;
}

/** The outcome of one sync; `unauthorized` tells the caller to enroll again. */
export type SyncResult =
  | { result: 'updated'; revision: number }
  | { result: 'not-modified'; revision: number }
  | { result: 'failed'; reason: SyncReason };

/** Records a sync that could not run at all (not configured, not enrolled). */
export async function recordSyncFailure(
  local: LocalArea,
  reason: SyncReason,
  now: number,
): Promise<void> {
  const last = await loadSyncRecord(local);
  await local.set({
    [SYNC_KEY]: {
      ...last,
      lastAttemptAt: now,
      result: 'failed',
      reason,
      failures: last.failures + 1,
    } satisfies SyncRecord,
  });
}

/** One sync: fetch, check, and store or keep the last good policy. Never throws for the network. */
export async function syncPolicy(deps: SyncDeps): Promise<SyncResult> {
  const { connection, enrolment, local } = deps;
  const now = deps.now();
  let last = await loadSyncRecord(local);
  if (last.accepted && last.accepted.tenantId !== connection.tenantId) {
    // IT moved this browser to another tenant: the old tenant's policy no longer applies, and
    // its revision must not hold back the new tenant's.
    await local.remove([POLICY_KEYS.synced]);
    last = { ...last, accepted: null };
    await local.set({ [SYNC_KEY]: last });
  }
  const fail = async (reason: SyncReason): Promise<SyncResult> => {
    await local.set({
      [SYNC_KEY]: {
        ...last,
        lastAttemptAt: now,
        result: 'failed',
        reason,
        failures: last.failures + 1,
      } satisfies SyncRecord,
    });
    return { result: 'failed', reason };
  };

  if (!connection.policySigningKey) return fail('no-signing-key');
  const pinned = await importPinnedKey(connection.policySigningKey);
  if (!pinned) return fail('bad-key');

  const headers: Record<string, string> = { authorization: `Bearer ${enrolment.credential}` };
  const stored = await local.get([POLICY_KEYS.synced]);
  // Ask conditionally only when the policy the ETag stands for is still stored.
  if (last.accepted?.etag && stored[POLICY_KEYS.synced] !== undefined) {
    headers['if-none-match'] = last.accepted.etag;
  }
  const res = await send(deps.fetch, apiUrl(enrolment.backendUrl, '/api/v1/policy'), {
    method: 'GET',
    headers,
  });
  if (!res) return fail('offline');
  if (res.status === 304 && last.accepted) {
    await local.set({
      [SYNC_KEY]: {
        ...last,
        lastAttemptAt: now,
        lastSuccessAt: now,
        result: 'not-modified',
        reason: null,
        failures: 0,
      } satisfies SyncRecord,
    });
    return { result: 'not-modified', revision: last.accepted.revision };
  }
  if (res.status === 401) return fail('unauthorized');
  if (res.status === 404) return fail('no-policy');
  if (res.status >= 500 || res.status === 429) return fail('server-error');
  if (res.status !== 200) return fail('bad-response');

  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return fail('bad-response');
  }
  const signed = v.safeParse(SignedPolicy, body);
  if (!signed.success) return fail('bad-response');
  // Verify the bytes received before reading anything in them.
  const verified = await verifySigned(signed.output.payload, signed.output.signatures, pinned);
  if ('reason' in verified) return fail(verified.reason);

  let payload: v.InferOutput<typeof Payload>;
  try {
    const parsed = v.safeParse(Payload, JSON.parse(signed.output.payload));
    if (!parsed.success) return fail('invalid-payload');
    payload = parsed.output;
  } catch {
    return fail('invalid-payload');
  }
  if (payload.tenantId !== connection.tenantId) return fail('tenant-mismatch');
  if (last.accepted && payload.revision < last.accepted.revision) return fail('rollback');
  let document: Record<string, unknown>;
  try {
    document = migrate(payload.policy);
    parseLayer(document);
  } catch (err) {
    if (err instanceof PolicyError) return fail('invalid-policy');
    throw err;
  }
  const accepted = {
    tenantId: payload.tenantId,
    revision: payload.revision,
    etag: res.headers.get('etag'),
    keyId: verified.keyId,
    publishedAt: payload.publishedAt,
    acceptedAt: now,
  };
  await local.set({
    [POLICY_KEYS.synced]: document,
    [SYNC_KEY]: {
      v: 1,
      accepted,
      lastAttemptAt: now,
      lastSuccessAt: now,
      result: 'updated',
      reason: null,
      failures: 0,
    } satisfies SyncRecord,
  });
  return { result: 'updated', revision: payload.revision };
}
