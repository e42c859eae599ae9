/**
 * The webhook admin routes through `app.request()` on SQLite and PostgreSQL: create (secret shown
 * once), list, test against a real local receiver that checks the signature, delete, roles,
 * tenant isolation, audit entries, and bad input answered 400 with a message.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { silentLogger } from '../log.ts';
import { testSession } from '../test-data.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';
import { verifySignature } from '../webhooks.ts';

const NOW = Date.now();

describe.each(BACKENDS)('webhook routes on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let tenantId: string;
  let admin: Record<string, string>;
  let auditor: Record<string, string>;
  let manager: Record<string, string>;
  let otherAdmin: Record<string, string>;
  const received: { headers: Record<string, unknown>; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  let url = '';

  beforeAll(async () => {
    t = await backend.open();
    tenantId = (await createTenant(t.db, { name: 'Hook Routes', now: NOW })).tenantId;
    const other = (await createTenant(t.db, { name: 'Elsewhere', now: NOW })).tenantId;
    app = createApp({
      db: t.db,
      log: silentLogger,
      now: () => Date.now(),
      rateLimitPerMinute: 100,
    });
    admin = (await testSession(t.db, tenantId, 'admin', [], NOW)).headers;
    auditor = (await testSession(t.db, tenantId, 'auditor', [], NOW)).headers;
    manager = (await testSession(t.db, tenantId, 'manager', ['Alpha'], NOW)).headers;
    otherAdmin = (await testSession(t.db, other, 'admin', [], NOW)).headers;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=receiver-side`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await t?.drop();
  });

  const call = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('creates, lists, tests and deletes a webhook, audited, with the secret shown once', async () => {
    received.length = 0;
    const created = await call('POST', '/api/v1/webhooks', admin, {
      url,
      format: 'cef',
      events: ['incidents', 'anomalies'],
    });
    expect(created.status).toBe(201);
    const { webhook, secret } = created.body as { webhook: { id: string }; secret: string };
    expect(secret).toMatch(/^whsec_/);
    const list = await call('GET', '/api/v1/webhooks', auditor);
    expect(list.status).toBe(200);
    expect(list.body.webhooks).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect((list.body.webhooks as unknown[])[0]).toMatchObject({
      id: webhook.id,
      format: 'cef',
      events: ['anomalies', 'incidents'],
    });

    const test = await call('POST', `/api/v1/webhooks/${webhook.id}/test`, admin);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ delivered: true, status: 200, error: null });
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.body).toMatch(/^CEF:0\|Hush\|Hush\|1\.0\|test\|Webhook test\|0\|/);
    expect(
      verifySignature(
        secret,
        String(r.headers['x-hush-signature']),
        String(r.headers['x-hush-timestamp']),
        r.body,
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);

    // Another tenant's admin can neither see, test nor delete it.
    expect((await call('GET', '/api/v1/webhooks', otherAdmin)).body.webhooks).toEqual([]);
    expect((await call('POST', `/api/v1/webhooks/${webhook.id}/test`, otherAdmin)).status).toBe(
      404,
    );
    expect((await call('DELETE', `/api/v1/webhooks/${webhook.id}`, otherAdmin)).status).toBe(404);

    expect(await call('DELETE', `/api/v1/webhooks/${webhook.id}`, admin)).toEqual({
      status: 200,
      body: { deleted: true },
    });
    expect((await call('DELETE', `/api/v1/webhooks/${webhook.id}`, admin)).status).toBe(404);
    expect((await call('DELETE', '/api/v1/webhooks/not-a-uuid', admin)).status).toBe(404);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'details'])
      .where('tenant_id', '=', tenantId)
      .where('action', 'like', 'webhook.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'webhook.create',
      'webhook.test',
      'webhook.delete',
    ]);
    expect(audit.every((a) => a.target === webhook.id)).toBe(true);
    const text = JSON.stringify(audit);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('receiver-side');
    expect(JSON.parse(audit[0]!.details)).toEqual({
      host: new URL(url).host,
      format: 'cef',
      events: ['anomalies', 'incidents'],
    });
  });

  it('is for admins (auditors may list)', async () => {
    const body = { url, events: ['anomalies'] };
    expect((await call('POST', '/api/v1/webhooks', manager, body)).status).toBe(403);
    expect((await call('POST', '/api/v1/webhooks', auditor, body)).status).toBe(403);
    expect((await call('GET', '/api/v1/webhooks', manager)).status).toBe(403);
    expect((await call('GET', '/api/v1/webhooks', {})).status).toBe(401);
    // Without the CSRF token, a state change is refused even for an admin.
    expect((await call('POST', '/api/v1/webhooks', { cookie: admin.cookie! }, body)).status).toBe(
      403,
    );
  });

  it('answers 503 naming the problem when HUSH_SECRET_KEY is not the key a secret was sealed with', async () => {
    const deps = { db: t.db, log: silentLogger, now: () => Date.now(), rateLimitPerMinute: 100 };
    const sealing = createApp({ ...deps, secretKey: Buffer.alloc(32, 1) });
    const created = await sealing.request('/api/v1/webhooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify({ url, events: ['incidents'] }),
    });
    expect(created.status).toBe(201);
    const { webhook } = (await created.json()) as { webhook: { id: string } };
    const wrongKey = createApp({ ...deps, secretKey: Buffer.alloc(32, 2) });
    const res = await wrongKey.request(`/api/v1/webhooks/${webhook.id}/test`, {
      method: 'POST',
      headers: admin,
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: 'secret_key',
      message: `webhook ${webhook.id} secret does not decrypt: HUSH_SECRET_KEY is not the key it was stored with`,
    });
    expect((await call('DELETE', `/api/v1/webhooks/${webhook.id}`, admin)).status).toBe(200);
  });

  it('refuses bad input with 400 and a message, storing nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [{ url: 'http://siem.example.com/x', events: ['incidents'] }, /https/],
      [{ url: 'https://u:p@siem.example.com/x', events: ['incidents'] }, /user name/],
      [{ url: 'not a url', events: ['incidents'] }, /absolute URL/],
      [{ url: 'https://siem.example.com/x', events: [] }, /at least one/],
      [{ url: 'https://siem.example.com/x', events: ['everything'] }, /incidents, anomalies/],
      [{ url: 'https://siem.example.com/x', events: ['incidents'], format: 'xml' }, /json, cef/],
      [
        { url: 'https://siem.example.com/x', events: ['incidents'], secret: 'mine' },
        /unknown field/,
      ],
      [{ url: 42, events: ['incidents'] }, /string/],
      ['[', /JSON/],
    ];
    for (const [body, message] of cases) {
      const r = await call('POST', '/api/v1/webhooks', admin, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(String(r.body.message)).toMatch(message);
    }
    expect((await call('GET', '/api/v1/webhooks', admin)).body.webhooks).toEqual([]);
  });
});
