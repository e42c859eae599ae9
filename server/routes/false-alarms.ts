/** `POST /api/v1/false-alarms`: "this was not sensitive" (detector and site; never text). */
import { Hono } from 'hono';
import { deviceAuth } from '../auth.ts';
import { readBody, type AppEnv, type Deps } from '../http.ts';
import { deviceRateLimit } from '../ratelimit.ts';
import { FalseAlarm } from '../schemas.ts';

export function falseAlarmRoutes(deps: Deps) {
  return new Hono<AppEnv>().use(deviceAuth(deps), deviceRateLimit(deps)).post('/', async (c) => {
    const r = await readBody(c, FalseAlarm);
    const device = c.var.device;
    const inserted = await deps.db
      .insertInto('false_alarms')
      .values({
        tenant_id: device.tenant_id,
        id: r.id.toLowerCase(),
        device_id: device.id,
        time: new Date(r.time).toISOString(),
        detector: r.detector,
        host: r.host,
        received_at: new Date(deps.now()).toISOString(),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
      .returning('id')
      .execute();
    return c.json({ new: inserted.length === 1 });
  });
}
