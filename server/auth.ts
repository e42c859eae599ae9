/**
 * Device authentication: `Authorization: Bearer <deviceId>.<secret>`. The device id finds the row
 * (one indexed read) and the secret's SHA-256 is compared in constant time; see crypto.ts for why
 * SHA-256 suffices for a random 256-bit secret.
 */
import { createMiddleware } from 'hono/factory';
import { sameDigest, sha256Hex } from './crypto.ts';
import { fail, type AppEnv, type Deps } from './http.ts';

const BEARER = /^Bearer ([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16,128})$/;

/** How stale `last_seen_at` may get before a request refreshes it (one write per device per 10 min). */
const SEEN_EVERY_MS = 10 * 60_000;

/** Requires a valid device credential and puts the device on `c.var.device`. */
export function deviceAuth(deps: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const m = BEARER.exec(c.req.header('authorization') ?? '');
    const challenge = { 'www-authenticate': 'Bearer realm="hush"' };
    if (!m) {
      fail(
        401,
        'unauthorized',
        'send the device credential as Authorization: Bearer <credential>',
        undefined,
        challenge,
      );
    }
    const device = await deps.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', m[1]!)
      .executeTakeFirst();
    // The same answer for an unknown device, a wrong secret and a revoked device (routes/devices.ts):
    // no probing for device ids.
    if (
      !device ||
      device.revoked_at != null ||
      !sameDigest(device.credential_hash, sha256Hex(m[2]!))
    ) {
      fail(401, 'unauthorized', 'the device credential is not valid', undefined, challenge);
    }
    const now = deps.now();
    if (now - Date.parse(device.last_seen_at) > SEEN_EVERY_MS) {
      const seen = new Date(now).toISOString();
      await deps.db
        .updateTable('devices')
        .set({ last_seen_at: seen })
        .where('id', '=', device.id)
        .execute();
      device.last_seen_at = seen;
    }
    c.set('device', device);
    await next();
  });
}
