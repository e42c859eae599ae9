/**
 * The settings routes through `app.request()` on a real SQLite file and the real PostgreSQL:
 * reading and changing retention, k and telemetry (each change audited, unchanged values writing
 * nothing), signing keys listed with their dates and rotated with a grace period (the policy then
 * signed by both keys, the old one expiring), roles, and bad bodies answered 400 with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, publishPolicy } from '../admin.ts';
import { createApp } from '../app.ts';
import { verifyAudit } from '../audit.ts';
import { silentLogger } from '../log.ts';
import { testSession } from '../test-data.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';
import { SETTINGS_ROUTES } from './settings.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const DAY_MS = 86_400_000;

describe.each(BACKENDS)('settings routes on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let now = T0;
  let tenantId: string;
  let otherTenant: string;
  let admin: Record<string, string>;
  let adminId: string;
  let auditor: Record<string, string>;
  let manager: Record<string, string>;
  let credential: string;

  const call = async (
    method: 'GET' | 'POST',
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

  const audits = (action: string) =>
    t.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('tenant_id', '=', tenantId)
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    t = await backend.open();
    app = createApp({ db: t.db, log: silentLogger, now: () => now, rateLimitPerMinute: 1000 });
    const tenant = await createTenant(t.db, { name: 'Settings', now: T0 });
    tenantId = tenant.tenantId;
    otherTenant = (await createTenant(t.db, { name: 'Elsewhere', now: T0 })).tenantId;
    await publishPolicy(t.db, tenantId, { version: 1 }, T0);
    const a = await testSession(t.db, tenantId, 'admin', [], T0);
    admin = a.headers;
    adminId = a.userId;
    auditor = (await testSession(t.db, tenantId, 'auditor', [], T0)).headers;
    manager = (await testSession(t.db, tenantId, 'manager', ['Alpha'], T0)).headers;
    const enrolled = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId,
        enrollmentToken: tenant.enrollmentToken,
        extensionVersion: '0.1.0',
        browser: 'chrome',
      }),
    });
    credential = ((await enrolled.json()) as { credential: string }).credential;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('reads the defaults with their limits (admin and auditor)', async () => {
    for (const who of [admin, auditor]) {
      const r = await call('GET', '/api/v1/settings', who);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        retentionDays: 180,
        minGroupSize: 5,
        telemetry: 'counts',
        limits: {
          retentionDays: { min: 1, max: 3650 },
          minGroupSize: { min: 2, max: 1000 },
          graceDays: { min: 0, max: 3650 },
        },
      });
    }
  });

  it('changes each setting in the database, audited by the admin, and only what changed', async () => {
    const r = await call('POST', '/api/v1/settings', admin, {
      retentionDays: 90,
      minGroupSize: 7,
      telemetry: 'counts-and-reasons',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      retentionDays: 90,
      minGroupSize: 7,
      telemetry: 'counts-and-reasons',
      changed: ['retentionDays', 'minGroupSize', 'telemetry'],
    });
    const row = await t.db
      .selectFrom('tenants')
      .select(['retention_days', 'min_group_size', 'telemetry'])
      .where('id', '=', tenantId)
      .executeTakeFirstOrThrow();
    expect({ ...row, retention_days: Number(row.retention_days) }).toEqual({
      retention_days: 90,
      min_group_size: 7,
      telemetry: 'counts-and-reasons',
    });
    const actor = `user:${adminId}`;
    expect(await audits('tenant.retention')).toEqual([
      { actor, details: JSON.stringify({ from: 180, to: 90 }) },
    ]);
    expect(await audits('summary.k.set')).toEqual([
      { actor, details: JSON.stringify({ minGroupSize: 7 }) },
    ]);
    expect(await audits('tenant.telemetry')).toEqual([
      { actor, details: JSON.stringify({ telemetry: 'counts-and-reasons' }) },
    ]);
    // The same values again change nothing and write no audit entry; one new value, one entry.
    const again = await call('POST', '/api/v1/settings', admin, {
      retentionDays: 90,
      minGroupSize: 7,
      telemetry: 'counts',
    });
    expect(again.body.changed).toEqual(['telemetry']);
    expect(await audits('tenant.retention')).toHaveLength(1);
    expect(await audits('summary.k.set')).toHaveLength(1);
    expect(await audits('tenant.telemetry')).toHaveLength(2);
    expect((await call('GET', '/api/v1/settings', auditor)).body).toMatchObject({
      retentionDays: 90,
      minGroupSize: 7,
      telemetry: 'counts',
    });
    expect(await verifyAudit(t.db, tenantId)).toMatchObject({ ok: true });
    // The other tenant is untouched.
    const other = await t.db
      .selectFrom('tenants')
      .select(['retention_days', 'min_group_size', 'telemetry'])
      .where('id', '=', otherTenant)
      .executeTakeFirstOrThrow();
    expect(Number(other.retention_days)).toBe(180);
    expect(Number(other.min_group_size)).toBe(5);
  });

  it('refuses bad bodies with a 400 naming the problem, changing nothing', async () => {
    const cases: [unknown, string][] = [
      [{}, 'name at least one setting'],
      [{ retentionDays: 0 }, 'retentionDays must be at least 1'],
      [{ retentionDays: 3651 }, 'retentionDays must be at most 3650'],
      [{ retentionDays: 30.5 }, 'retentionDays must be a whole number'],
      [{ retentionDays: '30' }, 'retentionDays must be a number'],
      [{ minGroupSize: 1 }, 'minGroupSize must be at least 2'],
      [{ telemetry: 'everything' }, 'telemetry must be one of counts, counts-and-reasons'],
      [{ retentionDays: 30, tenantId: otherTenant }, 'unknown field'],
      // valibot's object schemas read an array as an object without keys: it names no setting.
      [[], 'name at least one setting'],
      ['{"retentionDays": 3', 'not valid JSON'],
    ];
    for (const [body, message] of cases) {
      const r = await call('POST', '/api/v1/settings', admin, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(String(r.body.message), JSON.stringify(body)).toContain(message);
    }
    const res = await app.request('/api/v1/settings', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/plain' },
      body: 'retentionDays=3',
    });
    expect(res.status).toBe(415);
    expect((await call('GET', '/api/v1/settings', admin)).body.retentionDays).toBe(90);
  });

  it('lets only an admin change settings; a manager reads nothing', async () => {
    expect((await call('POST', '/api/v1/settings', auditor, { retentionDays: 30 })).status).toBe(
      403,
    );
    expect((await call('POST', '/api/v1/settings', manager, { retentionDays: 30 })).status).toBe(
      403,
    );
    expect((await call('GET', '/api/v1/settings', manager)).status).toBe(403);
    expect((await call('GET', '/api/v1/settings/keys', manager)).status).toBe(403);
    expect((await call('GET', '/api/v1/settings', {})).status).toBe(401);
    // Without the CSRF token an admin's change is refused too.
    const noCsrf = { cookie: admin.cookie! };
    const r = await call('POST', '/api/v1/settings', noCsrf, { retentionDays: 30 });
    expect(r).toMatchObject({ status: 403, body: { error: 'csrf' } });
    expect((await call('GET', '/api/v1/settings', admin)).body.retentionDays).toBe(90);
  });

  it('lists keys and rotates with a grace period: both sign, then the old one expires', async () => {
    const before = await call('GET', '/api/v1/settings/keys', auditor);
    expect(before.status).toBe(200);
    const [first] = before.body.keys as { id: string; publicKey: string }[];
    expect(before.body.keys).toEqual([
      {
        id: first!.id,
        publicKey: first!.publicKey,
        status: 'current',
        createdAt: new Date(T0).toISOString(),
        retiredAt: null,
        expiresAt: null,
      },
    ]);
    // Never a private key in the answer.
    expect(JSON.stringify(before.body)).not.toMatch(/private/i);

    // A day later (sessions last an hour here, so fresh ones).
    now = T0 + DAY_MS;
    const adminNow = await testSession(t.db, tenantId, 'admin', [], now);
    const admin2 = adminNow.headers;
    const auditor2 = (await testSession(t.db, tenantId, 'auditor', [], now)).headers;
    expect(
      (await call('POST', '/api/v1/settings/keys/rotate', auditor2, { graceDays: 7 })).status,
    ).toBe(403);
    for (const [body, message] of [
      [{}, 'graceDays'],
      [{ graceDays: -1 }, 'graceDays must be at least 0'],
      [{ graceDays: 3651 }, 'graceDays must be at most 3650'],
      [{ graceDays: 7, keyId: first!.id }, 'unknown field'],
    ] as const) {
      const r = await call('POST', '/api/v1/settings/keys/rotate', admin2, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(String(r.body.message)).toContain(message);
    }
    const rotated = await call('POST', '/api/v1/settings/keys/rotate', admin2, { graceDays: 7 });
    expect(rotated.status).toBe(200);
    const keys = rotated.body.keys as { id: string; status: string; expiresAt: string | null }[];
    expect(keys.map((k) => k.status)).toEqual(['current', 'previous']);
    expect(keys[1]).toMatchObject({
      id: first!.id,
      retiredAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 7 * DAY_MS).toISOString(),
    });
    expect(await audits('key.rotate')).toEqual([
      { actor: `user:${adminNow.userId}`, details: JSON.stringify({ graceDays: 7 }) },
    ]);
    // The policy is now signed by both keys; after the grace only by the new one.
    const signers = async () => {
      const res = await app.request('/api/v1/policy', {
        headers: { authorization: `Bearer ${credential}` },
      });
      const body = (await res.json()) as { signatures: { keyId: string }[] };
      return body.signatures.map((s) => s.keyId);
    };
    expect(await signers()).toEqual([keys[0]!.id, first!.id]);
    now += 8 * DAY_MS;
    expect(await signers()).toEqual([keys[0]!.id]);
    const later = await call(
      'GET',
      '/api/v1/settings/keys',
      (await testSession(t.db, tenantId, 'auditor', [], now)).headers,
    );
    expect((later.body.keys as { status: string }[]).map((k) => k.status)).toEqual([
      'current',
      'expired',
    ]);
    expect(await verifyAudit(t.db, tenantId)).toMatchObject({ ok: true });
  });

  it('is described in the OpenAPI list', () => {
    expect(SETTINGS_ROUTES.map((r) => `${r.method} ${r.path}`)).toEqual([
      'get /api/v1/settings',
      'post /api/v1/settings',
      'get /api/v1/settings/keys',
      'post /api/v1/settings/keys/rotate',
    ]);
  });
});
