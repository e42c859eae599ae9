/**
 * Per-device rate limit: a fixed one-minute window counted in the database, so every instance
 * behind a load balancer sees the same count (the service keeps no state of its own). One upsert
 * per request; a device's older windows are deleted when its new window opens.
 */
import { sql } from 'kysely';
import { createMiddleware } from 'hono/factory';
import { fail, type AppEnv, type Deps } from './http.ts';

/** Counts this request against the device's minute and answers 429 over the limit. */
export function deviceRateLimit(deps: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = `device:${c.var.device.id}`;
    const now = deps.now();
    const window = Math.floor(now / 60_000);
    const row = await deps.db
      .insertInto('rate_limits')
      .values({ key, window })
      .onConflict((oc) =>
        oc.columns(['key', 'window']).doUpdateSet({ count: sql<number>`rate_limits.count + 1` }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    const count = Number(row.count);
    if (count === 1) {
      await deps.db
        .deleteFrom('rate_limits')
        .where('key', '=', key)
        .where('window', '<', window)
        .execute();
    }
    if (count > deps.rateLimitPerMinute) {
      const retry = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
      fail(
        429,
        'rate_limited',
        `more than ${deps.rateLimitPerMinute} requests this minute from this device; retry in ${retry} s`,
        undefined,
        { 'retry-after': String(retry) },
      );
    }
    await next();
  });
}
