/**
 * `GET /api/v1/policy` (the tenant's latest policy, signed) and `GET /api/v1/policy/keys`.
 *
 * The policy is signed on every request by every key that signs now (see admin.ts rotateKey), so
 * during a rotation a browser pinning either key accepts it, and no signature is stored that a key
 * change could leave stale. Ed25519 signatures are deterministic, so the same policy and keys give
 * the same bytes and the same ETag on every instance.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { publicKeys, signingKeys } from '../admin.ts';
import { deviceAuth } from '../auth.ts';
import { decryptPrivateKey, signEd25519 } from '../crypto.ts';
import type { DeviceTable } from '../db/schema.ts';
import { fail, type AppEnv, type Deps } from '../http.ts';

/** Whether an If-None-Match header names `etag` (a list, `*`, or a weak form). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** How stale `policy_fetched_at` may get before an unchanged fetch refreshes it (as auth.ts). */
const FETCHED_EVERY_MS = 10 * 60_000;

/**
 * Keeps the revision a device holds on its row (since 0009). Devices poll every few minutes, so
 * an unchanged revision is written at most every FETCHED_EVERY_MS, not on every poll.
 */
async function recordFetch(deps: Deps, device: DeviceTable, revision: number): Promise<void> {
  const now = deps.now();
  const fetched = device.policy_fetched_at ? Date.parse(device.policy_fetched_at) : NaN;
  const same = device.policy_revision != null && Number(device.policy_revision) === revision;
  if (same && now - fetched <= FETCHED_EVERY_MS) return;
  await deps.db
    .updateTable('devices')
    .set({ policy_revision: revision, policy_fetched_at: new Date(now).toISOString() })
    .where('id', '=', device.id)
    .execute();
}

export function policyRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .use(deviceAuth(deps))
    .get('/', async (c) => {
      const tenantId = c.var.device.tenant_id;
      const policy = await deps.db
        .selectFrom('policies')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('revision', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!policy) fail(404, 'no_policy', 'no policy has been published for this tenant yet');
      const keys = await signingKeys(deps.db, tenantId, deps.now());
      const payload = JSON.stringify({
        tenantId,
        revision: policy.revision,
        publishedAt: policy.published_at,
        policy: JSON.parse(policy.document) as unknown,
      });
      const bytes = new TextEncoder().encode(payload);
      const body = JSON.stringify({
        payload,
        signatures: keys.map((k) => ({
          keyId: k.id,
          alg: 'Ed25519',
          signature: signEd25519(decryptPrivateKey(k.private_key, k.id, deps.secretKey), bytes),
        })),
      });
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      // Devices poll every few minutes; caches in between must ask again (the credential varies).
      const headers = { etag, 'cache-control': 'private, no-cache' };
      // A 304 means the device holds exactly these bytes, so the newest revision too: either way
      // the device now has `policy.revision`, which the devices page shows (dashboard-api.ts).
      await recordFetch(deps, c.var.device, policy.revision);
      if (matches(c.req.header('if-none-match'), etag)) {
        return c.body(null, 304, headers);
      }
      return c.body(body, 200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    })
    .get('/keys', async (c) => {
      const keys = await signingKeys(deps.db, c.var.device.tenant_id, deps.now());
      return c.json({ keys: publicKeys(keys).map((k) => ({ ...k, alg: 'Ed25519' as const })) });
    });
}
