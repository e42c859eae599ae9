/**
 * User pseudonyms and the audited "reveal" check.
 *
 * The extension never sends who the user is: it sends `user` = base64url(HMAC-SHA-256(key,
 * normalised user id)), where the key is the tenant's pseudonym key and the user id is the email
 * or directory id IT configures (lib/sync). The server keeps the key (`pseudonym_keys`), so it can
 * answer one question and no other: "is this candidate the person behind that pseudonym?". An
 * admin asks it with a candidate they already know (from their own directory); the server stores
 * and logs neither the candidate nor any directory, only that the check happened and its outcome.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/index.ts';

/** How a user id is normalised before hashing: NFC, trimmed, lower-cased (emails are case-blind). */
export function normaliseUserId(id: string): string {
  return id.normalize('NFC').trim().toLowerCase();
}

/** The pseudonym of `userId` under `key` (base64url, 43 characters). */
export function pseudonymOf(key: string, userId: string): string {
  return createHmac('sha256', Buffer.from(key, 'base64url'))
    .update(normaliseUserId(userId), 'utf8')
    .digest('base64url');
}

/** The tenant's pseudonym key, made (32 random bytes) the first time it is asked for. */
export async function pseudonymKey(db: Db, tenantId: string, now: number): Promise<string> {
  const found = await db
    .selectFrom('pseudonym_keys')
    .select('key')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (found) return found.key;
  await db
    .insertInto('pseudonym_keys')
    .values({
      tenant_id: tenantId,
      key: randomBytes(32).toString('base64url'),
      created_at: new Date(now).toISOString(),
    })
    // Two instances making it at once: the first insert wins and both read it back.
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('pseudonym_keys')
    .select('key')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return row.key;
}

/** Which of `candidates` (index) is behind `pseudonym`, or null; compared in constant time. */
export function matchCandidate(
  key: string,
  pseudonym: string,
  candidates: string[],
): number | null {
  const want = Buffer.from(pseudonym);
  let found: number | null = null;
  candidates.forEach((c, i) => {
    const got = Buffer.from(pseudonymOf(key, c));
    if (got.length === want.length && timingSafeEqual(got, want) && found === null) found = i;
  });
  return found;
}
