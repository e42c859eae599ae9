/**
 * Generated incidents for the summary, anomaly and webhook tests and the benchmark: synthetic
 * pseudonyms and team names only (no real people's data), from a seeded generator so a failing
 * test fails the same way every time.
 */
import { randomUUID } from 'node:crypto';
import { randomSecret, sha256Hex } from './crypto.ts';
import type { Db } from './db/index.ts';
import { SESSION_COOKIE, csrfTokenFor } from './session.ts';
import type { IncidentTable } from './db/schema.ts';

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An obviously fake pseudonym of the valid shape (16+ base64url characters). */
export const fakeUser = (team: string, i: number) =>
  `u_test_${team.replace(/[^A-Za-z0-9]/g, '')}_${String(i).padStart(6, '0')}`;

export const SITES = [
  ['chatgpt', 'chatgpt.com'],
  ['claude', 'claude.ai'],
  [null, 'unknown-ai.example.com'],
] as const;
export const TYPES = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN'] as const;
export const CHANNELS = ['paste', 'send', 'typing'] as const;
export const ACTIONS = [
  ['mask', 'masked'],
  ['block', 'blocked'],
  ['warn', 'overridden'],
] as const;

let counter = 0;
/** A unique incident id (UUID shape) for generated rows. */
export function testId(): string {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** One incident row as the ingest route stores it. */
export function incidentRow(
  tenantId: string,
  rnd: () => number,
  o: { time: number; user: string; team: string | null; receivedAt?: number },
): IncidentTable {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const [siteId, host] = pick(SITES);
  const [action, outcome] = pick(ACTIONS);
  const counts: Record<string, number> = {};
  const nTypes = 1 + Math.floor(rnd() * 2);
  for (let i = 0; i < nTypes; i++) counts[pick(TYPES)] = 1 + Math.floor(rnd() * 3);
  return {
    tenant_id: tenantId,
    id: testId(),
    device_id: 'test-device',
    time: new Date(Math.floor(o.time / 60_000) * 60_000).toISOString(),
    site_id: siteId,
    host,
    page_class: 'unapproved-ai',
    channel: pick(CHANNELS),
    action,
    outcome,
    counts: JSON.stringify(counts),
    total: Object.values(counts).reduce((a, n) => a + n, 0),
    policy_version: 1,
    extension_version: '0.1.0',
    user_pseudonym: o.user,
    team: o.team,
    reason: null,
    received_at: new Date(o.receivedAt ?? o.time).toISOString(),
  };
}

/** Inserts rows in chunks (SQLite and PostgreSQL both cap parameters a statement). */
export async function insertIncidents(db: Db, rows: IncidentTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('incidents')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/**
 * A signed-in dashboard user for route tests: a user row and a live session written straight to
 * the database (the login flow has its own tests), returned as the headers a browser would send.
 */
export async function testSession(
  db: Db,
  tenantId: string,
  role: 'admin' | 'manager' | 'auditor',
  teams: string[],
  now: number,
): Promise<{ userId: string; headers: Record<string, string> }> {
  const userId = randomUUID();
  const sessionId = randomSecret(32);
  await db
    .insertInto('users')
    .values({
      id: userId,
      tenant_id: tenantId,
      email: `${role}-${userId.slice(0, 8)}@example.com`,
      role,
      teams: JSON.stringify(teams),
      password_hash: 'scrypt$test-only',
      totp_secret: null,
      totp_last_step: null,
      created_at: new Date(now).toISOString(),
      password_changed_at: new Date(now).toISOString(),
      revoked_at: null,
    })
    .execute();
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256Hex(sessionId),
      tenant_id: tenantId,
      user_id: userId,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: new Date(now + 3_600_000).toISOString(),
      revoked_at: null,
    })
    .execute();
  return {
    userId,
    headers: { cookie: `${SESSION_COOKIE}=${sessionId}`, 'x-csrf-token': csrfTokenFor(sessionId) },
  };
}
