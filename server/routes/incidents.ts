/**
 * `POST /api/v1/incidents`: a batch of at most 1,000 incident records, idempotent on each
 * record's id (per tenant). A replayed batch answers 200 with `new: 0`; the extension marks its
 * records sent on any 200. The batch is one INSERT, so it is stored whole or not at all: a 200 is
 * only sent after the database committed it.
 */
import { Hono } from 'hono';
import { deviceAuth } from '../auth.ts';
import { deviceCors } from '../cors.ts';
import { readBody, type AppEnv, type Deps } from '../http.ts';
import { deviceRateLimit } from '../ratelimit.ts';
import { IncidentBatch } from '../schemas.ts';

export function incidentRoutes(deps: Deps) {
  // CORS first: a preflight carries no credential and must be answered before authentication.
  const before = [deviceCors(), deviceAuth(deps), deviceRateLimit(deps)];
  return new Hono<AppEnv>().use(...before).post('/', async (c) => {
    const { records, droppedTotal } = await readBody(c, IncidentBatch);
    const device = c.var.device;
    const tenant = await deps.db
      .selectFrom('tenants')
      .select('telemetry')
      .where('id', '=', device.tenant_id)
      .executeTakeFirstOrThrow();
    const keepReasons = tenant.telemetry === 'counts-and-reasons';
    let reasonsDropped = 0;
    const received = new Date(deps.now()).toISOString();
    const rows = records.map((r) => {
      // Zero counts carry nothing; keep the stored map as small as the extension's own.
      const counts = Object.fromEntries(Object.entries(r.counts).filter(([, n]) => n > 0));
      const reason = r.reason?.trim() ? r.reason : null;
      if (reason !== null && !keepReasons) reasonsDropped++;
      return {
        tenant_id: device.tenant_id,
        id: r.id.toLowerCase(),
        device_id: device.id,
        time: new Date(r.time).toISOString(),
        site_id: r.siteId ?? null,
        host: r.host,
        page_class: r.pageClass,
        channel: r.channel,
        action: r.action,
        outcome: r.outcome,
        counts: JSON.stringify(counts),
        total: Object.values(counts).reduce((a, n) => a + n, 0),
        policy_version: r.policyVersion,
        extension_version: r.extensionVersion,
        user_pseudonym: r.user,
        team: r.team ?? null,
        reason: keepReasons ? reason : null,
        received_at: received,
      };
    });
    const inserted = await deps.db
      .insertInto('incidents')
      .values(rows)
      .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
      .returning('id')
      .execute();
    if (droppedTotal !== undefined && droppedTotal > 0) {
      // A running total: only a larger figure is written, so a replay or a late batch is a no-op.
      await deps.db
        .updateTable('devices')
        .set({ incidents_dropped: droppedTotal })
        .where('id', '=', device.id)
        .where('incidents_dropped', '<', droppedTotal)
        .execute();
    }
    deps.log.log('info', 'incidents stored', {
      tenantId: device.tenant_id,
      deviceId: device.id,
      received: rows.length,
      new: inserted.length,
    });
    return c.json({ received: rows.length, new: inserted.length, reasonsDropped });
  });
}
