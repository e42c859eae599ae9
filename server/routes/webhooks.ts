/**
 * `/api/v1/webhooks`: admins create, list, delete and test the tenant's outbound webhooks
 * (auditors may list). The secret is in the create answer only. Every change and test is audited
 * (the URL's host, never its path or query, which could hold a receiver's token).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { appendAudit } from '../audit.ts';
import { fail, readBody, type AppEnv, type Deps } from '../http.ts';
import { requireUser } from '../session.ts';
import {
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
  WebhookInputError,
  createWebhook,
  deleteWebhook,
  listWebhooks,
  sendTestEvent,
  webhookUrlProblem,
} from '../webhooks.ts';

/** `POST /api/v1/webhooks` body. */
export const WebhookCreate = v.strictObject(
  {
    url: v.pipe(
      v.string('url must be a string'),
      v.maxLength(2048, 'must be at most 2048 characters'),
      v.check(
        (u) => webhookUrlProblem(u) === null,
        (i) => webhookUrlProblem(String(i.input)) ?? '',
      ),
    ),
    format: v.optional(
      v.picklist(WEBHOOK_FORMATS, `must be one of ${WEBHOOK_FORMATS.join(', ')}`),
      'json',
    ),
    events: v.pipe(
      v.array(v.picklist(WEBHOOK_EVENTS, `must be one of ${WEBHOOK_EVENTS.join(', ')}`)),
      v.minLength(1, 'name at least one event type'),
      v.maxLength(WEBHOOK_EVENTS.length, 'name each event type once'),
    ),
  },
  (i) =>
    i.expected === 'never'
      ? 'unknown field (allowed: url, format, events)'
      : 'must be an object with url, format, events',
);

const Webhook = v.object({
  id: v.string(),
  url: v.string(),
  format: v.picklist(WEBHOOK_FORMATS),
  events: v.array(v.picklist(WEBHOOK_EVENTS)),
  createdAt: v.string(),
  createdBy: v.string(),
  deliveries: v.object({ pending: v.number(), delivered: v.number(), failed: v.number() }),
});

/** `POST /api/v1/webhooks` answer: the secret is shown here once. */
export const WebhookCreated = v.object({ webhook: Webhook, secret: v.string() });
export const WebhookList = v.object({ webhooks: v.array(Webhook) });
export const WebhookDeleted = v.object({ deleted: v.literal(true) });
export const WebhookTestResult = v.object({
  eventId: v.string(),
  delivered: v.boolean(),
  status: v.nullable(v.number()),
  error: v.nullable(v.string()),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function webhookId(raw: string): string {
  if (!UUID.test(raw)) fail(404, 'not_found', 'no such webhook');
  return raw;
}

export function webhookRoutes(deps: Deps) {
  const admin = requireUser(deps, ['admin']);
  const audit = (c: { var: AppEnv['Variables'] }, action: string, target: string, details = {}) =>
    appendAudit(
      deps.db,
      {
        tenantId: c.var.user.tenantId,
        actor: `user:${c.var.user.id}`,
        action,
        target,
        details,
      },
      deps.now(),
    );
  return new Hono<AppEnv>()
    .get('/', requireUser(deps, ['admin', 'auditor']), async (c) =>
      c.json({ webhooks: await listWebhooks(deps.db, c.var.user.tenantId) }),
    )
    .post('/', admin, async (c) => {
      const body = await readBody(c, WebhookCreate);
      try {
        const created = await createWebhook(
          deps.db,
          {
            tenantId: c.var.user.tenantId,
            url: body.url,
            format: body.format,
            events: body.events,
            actor: `user:${c.var.user.id}`,
            secretKey: deps.secretKey,
          },
          deps.now(),
        );
        await audit(c, 'webhook.create', created.webhook.id, {
          host: new URL(body.url).host,
          format: body.format,
          events: created.webhook.events,
        });
        return c.json(created, 201);
      } catch (e) {
        if (e instanceof WebhookInputError) fail(400, 'invalid_request', e.message);
        throw e;
      }
    })
    .delete('/:id', admin, async (c) => {
      const id = webhookId(c.req.param('id'));
      if (!(await deleteWebhook(deps.db, c.var.user.tenantId, id))) {
        fail(404, 'not_found', 'no such webhook');
      }
      await audit(c, 'webhook.delete', id);
      return c.json({ deleted: true as const });
    })
    .post('/:id/test', admin, async (c) => {
      const id = webhookId(c.req.param('id'));
      const r = await sendTestEvent(deps.db, c.var.user.tenantId, id, deps.now, {
        secretKey: deps.secretKey,
      });
      if (!r) return fail(404, 'not_found', 'no such webhook');
      await audit(c, 'webhook.test', id, { delivered: r.delivered, status: r.status });
      return c.json(r);
    });
}
