/**
 * Enrollment: registers this browser once with the backend named in managed policy
 * (`POST /api/v1/enroll` with IT's tenant id and enrollment token) and keeps the device credential
 * in storage.local. See docs/policy.md ("Sync with the backend").
 *
 * The user is a pseudonym: HMAC-SHA-256 of the managed user id, else the profile's email (only when
 * the browser already lets Hush read it), else a random id of this profile, normalised exactly as
 * the backend does (server/people/pseudonym.ts: NFC, trimmed, lower-cased). The HMAC key is the
 * tenant's pseudonym key when IT sets `pseudonymKey` in managed policy (printed by `hush-server
 * tenant pseudonym-key`): the backend keeps the same key, so an admin's audited "reveal" check can
 * match a candidate. Without it the key is derived with HKDF from the enrollment token and the
 * tenant id: every browser of one tenant still gives one user the same pseudonym, but the backend
 * cannot compute it, so reveal never matches. A derived key is kept with the enrollment: a later
 * change of the token (IT replaces it) does not change the pseudonyms of enrolled devices; a
 * change of the managed key recomputes the pseudonym at the next sync.
 *
 * Storage keys (forever): `sync:enrolment` (the versioned record below, validated on read),
 * `sync:enrol-status` (the last attempt and the backoff), `sync:profile-id` (the random id).
 */
import * as v from 'valibot';
import type { ManagedConnection } from '@/lib/policy/managed.ts';
import { apiUrl, fromBase64, send, toBase64Url, type FetchLike, type LocalArea } from './http.ts';

/** What the incident uploader needs to talk to the backend for this device. */
export interface Enrolment {
  backendUrl: string;
  tenantId: string;
  deviceId: string;
  /** `<deviceId>.<secret>`: send as `Authorization: Bearer <credential>`. */
  credential: string;
  /** HMAC-SHA-256 (base64url, 43 characters) of the user id or email, or of a random profile id. */
  userPseudonym: string;
  /** The team from managed policy, if IT set one. */
  team: string | null;
}

export const KEYS = {
  enrolment: 'sync:enrolment',
  status: 'sync:enrol-status',
  profileId: 'sync:profile-id',
} as const;

/** The storage.local key of the enrollment record (forever). */
export const ENROLMENT_KEY = KEYS.enrolment;

/** The part of browser.storage enrollment reads (pass `browser.storage`; tests pass a fake). */
export interface EnrolmentStorage {
  local: { get(keys: string[]): Promise<Record<string, unknown>> };
}

const Credential = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{16,128}$/));

const RecordV1 = v.object({
  v: v.literal(1),
  backendUrl: v.pipe(v.string(), v.url()),
  tenantId: v.pipe(v.string(), v.minLength(1)),
  deviceId: v.pipe(v.string(), v.minLength(1)),
  credential: Credential,
  userPseudonym: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
  team: v.nullable(v.string()),
  /** Base64url HMAC key of the pseudonym (tenant-scoped). Never leaves the device. */
  pseudonymKey: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
  /**
   * Where the key came from: IT's managed `pseudonymKey`, or HKDF of the token (`derived`).
   * Optional because records written before the managed key existed lack it: they are derived.
   */
  keySource: v.optional(v.picklist(['managed', 'derived'])),
  /** What the pseudonym was made from, so a change of identity recomputes it. */
  identity: v.picklist(['managed', 'email', 'profile']),
  enrolledAt: v.number(),
});

/** The stored enrollment record (version 1). */
export type EnrolmentRecord = v.InferOutput<typeof RecordV1>;

/** Reads a stored record; anything unreadable counts as not enrolled. */
export function readEnrolmentRecord(raw: unknown): EnrolmentRecord | null {
  const r = v.safeParse(RecordV1, raw);
  return r.success ? r.output : null;
}

function publicPart(record: EnrolmentRecord): Enrolment {
  const { backendUrl, tenantId, deviceId, credential, userPseudonym, team } = record;
  return { backendUrl, tenantId, deviceId, credential, userPseudonym, team };
}

/** The current enrollment, or null when this browser is not (or no longer) enrolled. */
export async function loadEnrolment(storage: EnrolmentStorage): Promise<Enrolment | null> {
  const items = await storage.local.get([KEYS.enrolment]);
  const record = readEnrolmentRecord(items[KEYS.enrolment]);
  return record ? publicPart(record) : null;
}

/** Why the last enrollment attempt failed (identifiers, forever; never a response body). */
export const ENROL_REASONS = [
  'not-configured',
  'unauthorized',
  'offline',
  'server-error',
  'bad-response',
] as const;
export type EnrolReason = (typeof ENROL_REASONS)[number];

const StatusV1 = v.object({
  v: v.literal(1),
  state: v.picklist(['enrolled', 'failed', 'not-configured']),
  reason: v.optional(v.picklist(ENROL_REASONS)),
  at: v.number(),
  /** Failed attempts in a row (0 after a success). */
  failures: v.number(),
  /** No new attempt before this time (ms). */
  retryAt: v.number(),
});

/** The last enrollment attempt, for the popup and options page. */
export type EnrolStatus = v.InferOutput<typeof StatusV1>;

/** Reads the stored enrollment status; null when there is none (or it is unreadable). */
export function readEnrolStatus(raw: unknown): EnrolStatus | null {
  const r = v.safeParse(StatusV1, raw);
  return r.success ? r.output : null;
}

/** First retry after 30 s, doubling to at most an hour, with jitter so a fleet does not align. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
  return Math.round(base / 2 + (random() * base) / 2);
}

export interface EnrolDeps {
  local: LocalArea;
  fetch: FetchLike;
  /** The managed connection settings (PolicyService.connection()). */
  connection: ManagedConnection;
  /** The profile's email when the browser already lets Hush read it, else null. */
  profileEmail: () => Promise<string | null>;
  extensionVersion: string;
  /** `chrome`, `firefox`, `edge`...: a short lower-case name for the backend's device list. */
  browserName: string;
  now: () => number;
  random?: () => number;
}

const enc = new TextEncoder();

/** HKDF-SHA-256 of the enrollment token, scoped to the tenant: the pseudonym's HMAC key. */
export async function derivePseudonymKey(enrollmentToken: string, tenantId: string) {
  const ikm = await crypto.subtle.importKey('raw', enc.encode(enrollmentToken), 'HKDF', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: enc.encode('hush user pseudonym v1'),
      info: enc.encode(tenantId),
    },
    ikm,
    256,
  );
  return toBase64Url(new Uint8Array(bits));
}

/**
 * How an identity is normalised before hashing: NFC, trimmed, lower-cased. This must stay
 * byte-for-byte what the backend does (`normaliseUserId` in server/people/pseudonym.ts), or the
 * audited reveal check can never match; lib/sync/pseudonym-parity.test.ts compares the two.
 */
export function normaliseUserId(id: string): string {
  return id.normalize('NFC').trim().toLowerCase();
}

/** HMAC-SHA-256 of the normalised `identity` with the base64url key, base64url (43 characters). */
export async function pseudonymOf(keyB64Url: string, identity: string): Promise<string> {
  const raw = fromBase64(keyB64Url);
  if (!raw) throw new Error('the pseudonym key is not base64');
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = await crypto.subtle.sign('HMAC', key, enc.encode(normaliseUserId(identity)));
  return toBase64Url(new Uint8Array(mac));
}

/**
 * The pseudonym key to use now: IT's managed key when set; else the derived key a record already
 * holds (so replacing the token later keeps pseudonyms); else a fresh HKDF of the token. A record
 * whose key came from managed policy that IT has since removed falls back to the derived key.
 */
async function keyFor(
  connection: ManagedConnection,
  record: EnrolmentRecord | null,
  enrollmentToken: string,
  tenantId: string,
): Promise<{ key: string; source: 'managed' | 'derived' }> {
  if (connection.pseudonymKey) return { key: connection.pseudonymKey, source: 'managed' };
  if (record && (record.keySource ?? 'derived') === 'derived') {
    return { key: record.pseudonymKey, source: 'derived' };
  }
  return { key: await derivePseudonymKey(enrollmentToken, tenantId), source: 'derived' };
}

/** Whom the pseudonym stands for: IT's user id, the profile's email, or this profile. */
async function identityOf(
  deps: EnrolDeps,
): Promise<{ kind: EnrolmentRecord['identity']; value: string }> {
  const id = deps.connection.user?.id;
  if (id) return { kind: 'managed', value: id };
  const email = normaliseUserId((await deps.profileEmail().catch(() => null)) ?? '');
  if (email) return { kind: 'email', value: email };
  const items = await deps.local.get([KEYS.profileId]);
  const stored = items[KEYS.profileId];
  if (typeof stored === 'string' && /^[0-9a-f-]{36}$/.test(stored)) {
    return { kind: 'profile', value: stored };
  }
  const made = crypto.randomUUID();
  await deps.local.set({ [KEYS.profileId]: made });
  return { kind: 'profile', value: made };
}

async function setStatus(local: LocalArea, status: Omit<EnrolStatus, 'v'>): Promise<void> {
  await local.set({ [KEYS.status]: { v: 1, ...status } });
}

const EnrollAnswer = v.object({
  deviceId: v.pipe(v.string(), v.minLength(1)),
  credential: Credential,
});

/** The outcome of `ensureEnrolled`. */
export type EnrolResult =
  | { state: 'enrolled'; enrolment: Enrolment; fresh: boolean }
  | { state: 'not-configured' }
  | { state: 'waiting'; retryAt: number }
  | { state: 'failed'; reason: EnrolReason; retryAt: number };

/**
 * Makes sure this browser is enrolled with the backend and tenant managed policy names now.
 * Enrolls when there is no record, or the record is for another backend or tenant (IT moved the
 * browser), or it was dropped after a 401 (`dropEnrolment`); keeps the record otherwise,
 * refreshing the pseudonym and team when IT's user settings changed. Failed attempts back off
 * (see `backoffMs`); never throws for the network or the backend.
 */
export async function ensureEnrolled(deps: EnrolDeps): Promise<EnrolResult> {
  const { backendUrl, tenantId, enrollmentToken } = deps.connection;
  const now = deps.now();
  if (!backendUrl || !tenantId || !enrollmentToken) {
    // IT removed the backend (or never set one): stop using a credential for it.
    await deps.local.remove([KEYS.enrolment]);
    await setStatus(deps.local, { state: 'not-configured', at: now, failures: 0, retryAt: 0 });
    return { state: 'not-configured' };
  }
  const items = await deps.local.get([KEYS.enrolment, KEYS.status]);
  const record = readEnrolmentRecord(items[KEYS.enrolment]);
  const team = deps.connection.user?.team ?? null;

  if (record && record.backendUrl === backendUrl && record.tenantId === tenantId) {
    const who = await identityOf(deps);
    const { key, source } = await keyFor(deps.connection, record, enrollmentToken, tenantId);
    const userPseudonym = await pseudonymOf(key, who.value);
    if (
      userPseudonym !== record.userPseudonym ||
      team !== record.team ||
      key !== record.pseudonymKey ||
      source !== record.keySource
    ) {
      const updated: EnrolmentRecord = {
        ...record,
        userPseudonym,
        team,
        identity: who.kind,
        pseudonymKey: key,
        keySource: source,
      };
      await deps.local.set({ [KEYS.enrolment]: updated });
      return { state: 'enrolled', enrolment: publicPart(updated), fresh: false };
    }
    return { state: 'enrolled', enrolment: publicPart(record), fresh: false };
  }

  const status = readEnrolStatus(items[KEYS.status]);
  if (status?.state === 'failed' && status.retryAt > now) {
    return { state: 'waiting', retryAt: status.retryAt };
  }
  const fail = async (reason: EnrolReason): Promise<EnrolResult> => {
    const failures = (status?.state === 'failed' ? status.failures : 0) + 1;
    const retryAt = now + backoffMs(failures, deps.random);
    await setStatus(deps.local, { state: 'failed', reason, at: now, failures, retryAt });
    return { state: 'failed', reason, retryAt };
  };

  const res = await send(deps.fetch, apiUrl(backendUrl, '/api/v1/enroll'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      tenantId,
      enrollmentToken,
      extensionVersion: deps.extensionVersion,
      browser: deps.browserName,
    }),
  });
  if (!res) return fail('offline');
  if (res.status === 401 || res.status === 403) return fail('unauthorized');
  if (res.status !== 201 && res.status !== 200) {
    return fail(res.status >= 500 || res.status === 429 ? 'server-error' : 'bad-response');
  }
  let answer: v.InferOutput<typeof EnrollAnswer>;
  try {
    const parsed = v.safeParse(EnrollAnswer, await res.json());
    if (!parsed.success) return fail('bad-response');
    answer = parsed.output;
  } catch {
    return fail('bad-response');
  }
  // A record for another backend or tenant is not this tenant's: its derived key is not reused.
  const { key: pseudonymKey, source: keySource } = await keyFor(
    deps.connection,
    null,
    enrollmentToken,
    tenantId,
  );
  const who = await identityOf(deps);
  const fresh: EnrolmentRecord = {
    v: 1,
    backendUrl,
    tenantId,
    deviceId: answer.deviceId,
    credential: answer.credential,
    userPseudonym: await pseudonymOf(pseudonymKey, who.value),
    team,
    pseudonymKey,
    keySource,
    identity: who.kind,
    enrolledAt: now,
  };
  await deps.local.set({
    [KEYS.enrolment]: fresh,
    [KEYS.status]: { v: 1, state: 'enrolled', at: now, failures: 0, retryAt: 0 },
  });
  return { state: 'enrolled', enrolment: publicPart(fresh), fresh: true };
}

/**
 * Forgets the credential after the backend refused it (401): the next `ensureEnrolled` enrolls
 * again. Only drops the record holding `credential`, so a 401 that arrives late for an old
 * credential does not throw away a newer one.
 */
export async function dropEnrolment(local: LocalArea, credential: string): Promise<void> {
  const items = await local.get([KEYS.enrolment]);
  const record = readEnrolmentRecord(items[KEYS.enrolment]);
  if (record?.credential === credential) await local.remove([KEYS.enrolment]);
}
