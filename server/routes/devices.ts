/**
 * `/api/v1/devices/*`: the tenant's enrolled browsers (admins and auditors read; admins revoke).
 * A revoked device's credential stops working at once (auth.ts checks `revoked_at`); the device
 * must enroll again to send anything. Revocation is audited.
 */
import { Hono } from 'hono';
import { appendAudit } from '../audit.ts';
import { fail, type AppEnv, type Deps } from '../http.ts';
import { requireUser } from '../session.ts';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function deviceRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/', requireUser(deps, ['admin', 'auditor']), async (c) => {
      const rows = await deps.db
        .selectFrom('devices')
        .selectAll()
        .where('tenant_id', '=', c.var.user.tenantId)
        .orderBy('enrolled_at')
        .orderBy('id')
        .execute();
      return c.json({
        devices: rows.map((d) => ({
          id: d.id,
          browser: d.browser,
          extensionVersion: d.extension_version,
          enrolledAt: d.enrolled_at,
          lastSeenAt: d.last_seen_at,
          revokedAt: d.revoked_at,
        })),
      });
    })
    .post('/:id/revoke', requireUser(deps, ['admin']), async (c) => {
      const id = c.req.param('id');
      const now = deps.now();
      const device = ID.test(id)
        ? await deps.db
            .selectFrom('devices')
            .select(['id', 'revoked_at'])
            .where('id', '=', id)
            .where('tenant_id', '=', c.var.user.tenantId)
            .executeTakeFirst()
        : undefined;
      if (!device) fail(404, 'not_found', 'no such device in this tenant');
      const revokedAt = device.revoked_at ?? new Date(now).toISOString();
      if (device.revoked_at === null) {
        await deps.db
          .updateTable('devices')
          .set({ revoked_at: revokedAt })
          .where('id', '=', id)
          .execute();
        await appendAudit(
          deps.db,
          {
            tenantId: c.var.user.tenantId,
            actor: `user:${c.var.user.id}`,
            action: 'device.revoke',
            target: id,
          },
          now,
        );
      }
      return c.json({ id, revokedAt }, 200);
    });
}
