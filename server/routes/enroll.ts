/** `POST /api/v1/enroll`: enrollment token -> device id and credential (returned once). */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { randomSecret, sameDigest, sha256Hex } from '../crypto.ts';
import { fail, readBody, type AppEnv, type Deps } from '../http.ts';
import { EnrollRequest } from '../schemas.ts';

export function enrollRoutes(deps: Deps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const body = await readBody(c, EnrollRequest);
    const tenant = await deps.db
      .selectFrom('tenants')
      .select(['id', 'enrollment_token_hash'])
      .where('id', '=', body.tenantId)
      .executeTakeFirst();
    // One answer for an unknown tenant and a wrong token, so tenant ids can't be probed.
    if (!tenant || !sameDigest(tenant.enrollment_token_hash, sha256Hex(body.enrollmentToken))) {
      fail(401, 'unauthorized', 'the tenant id or enrollment token is not valid');
    }
    const deviceId = randomUUID();
    const secret = randomSecret();
    const now = new Date(deps.now()).toISOString();
    await deps.db
      .insertInto('devices')
      .values({
        id: deviceId,
        tenant_id: tenant.id,
        credential_hash: sha256Hex(secret),
        extension_version: body.extensionVersion,
        browser: body.browser,
        enrolled_at: now,
        last_seen_at: now,
      })
      .execute();
    deps.log.log('info', 'device enrolled', { tenantId: tenant.id, deviceId });
    return c.json({ deviceId, credential: `${deviceId}.${secret}` }, 201);
  });
}
