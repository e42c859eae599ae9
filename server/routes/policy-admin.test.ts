/**
 * The dashboard's policy routes through `app.request()` on a real SQLite file and the real
 * PostgreSQL: draft save/read/discard with validation issues naming each path, publish (the
 * device route then serves the new revision, signed), rollback with from/to in the audit log,
 * who published each revision, bad input as 4xx, role limits, and another tenant's revisions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, publishPolicy, type CreatedTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { listAudit, verifyAudit } from '../audit.ts';
import { silentLogger } from '../log.ts';
import { testSession } from '../test-data.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

/** Verifies a signature the way the extension does: WebCrypto, with the pinned SPKI key. */
async function verify(publicKeySpki: string, signature: string, payload: string): Promise<boolean> {
  const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
  const key = await crypto.subtle.importKey('spki', b64(publicKeySpki), 'Ed25519', false, [
    'verify',
  ]);
  return crypto.subtle.verify('Ed25519', key, b64(signature), new TextEncoder().encode(payload));
}

describe.each(BACKENDS)('policy management API on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let now = T0;
  let tenant: CreatedTenant;
  let other: CreatedTenant;
  let admin: { userId: string; headers: Record<string, string> };
  let manager: Record<string, string>;
  let auditor: Record<string, string>;
  let device: string;

  const send = (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
    raw?: string,
  ) =>
    app.request(path, {
      method,
      headers: {
        ...headers,
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(raw !== undefined
        ? { body: raw }
        : body !== undefined
          ? { body: JSON.stringify(body) }
          : {}),
    });

  async function json<T>(res: Response, status: number): Promise<T> {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    return JSON.parse(text) as T;
  }

  beforeAll(async () => {
    t = await backend.open();
    app = createApp({ db: t.db, log: silentLogger, now: () => now, rateLimitPerMinute: 100_000 });
    tenant = await createTenant(t.db, { name: 'Policy Co', now });
    other = await createTenant(t.db, { name: 'Other Co', now });
    await publishPolicy(t.db, tenant.tenantId, { version: 1 }, now, 'cli:ops');
    await publishPolicy(t.db, other.tenantId, { version: 1, telemetry: 'counts' }, now, 'cli:x');
    await publishPolicy(t.db, other.tenantId, { version: 1 }, now, 'cli:x');
    admin = await testSession(t.db, tenant.tenantId, 'admin', [], now);
    manager = (await testSession(t.db, tenant.tenantId, 'manager', ['Support'], now)).headers;
    auditor = (await testSession(t.db, tenant.tenantId, 'auditor', [], now)).headers;
    const enrolled = await json<{ credential: string }>(
      await send(
        'POST',
        '/api/v1/enroll',
        {},
        {
          tenantId: tenant.tenantId,
          enrollmentToken: tenant.enrollmentToken,
          extensionVersion: '0.1.0',
          browser: 'chrome',
        },
      ),
      201,
    );
    device = enrolled.credential;
  });
  afterAll(() => t.drop());

  it('saves, reads, publishes and serves a draft signed to devices', async () => {
    const h = admin.headers;
    expect(await json(await send('GET', '/api/v1/policies/draft', h), 200)).toEqual({
      draft: null,
    });
    const doc = {
      version: 1,
      rules: { 'unapproved-ai': { byType: { EMAIL: 'block' } } },
      disclosure: { text: 'Hush checks what you paste into AI tools.' },
    };
    now += 1000;
    const saved = await json<{ draft: { basedOn: number; updatedBy: string } }>(
      await send('PUT', '/api/v1/policies/draft', h, { document: doc }),
      200,
    );
    expect(saved.draft).toEqual({
      document: doc,
      basedOn: 1,
      updatedBy: `user:${admin.userId}`,
      updatedAt: new Date(now).toISOString(),
    });
    // Readers see the draft too.
    for (const reader of [manager, auditor]) {
      const r = await json<{ draft: { document: unknown } }>(
        await send('GET', '/api/v1/policies/draft', reader),
        200,
      );
      expect(r.draft.document).toEqual(doc);
    }
    now += 1000;
    expect(await json(await send('POST', '/api/v1/policies/draft/publish', h), 201)).toEqual({
      revision: 2,
    });
    expect(await json(await send('GET', '/api/v1/policies/draft', h), 200)).toEqual({
      draft: null,
    });

    // The device route now serves revision 2, signed by the tenant's key.
    const res = await app.request('/api/v1/policy', {
      headers: { authorization: `Bearer ${device}` },
    });
    const body = await json<{ payload: string; signatures: { signature: string }[] }>(res, 200);
    const payload = JSON.parse(body.payload) as { revision: number; policy: unknown };
    expect(payload).toMatchObject({ revision: 2, policy: doc });
    expect(await verify(tenant.key.publicKey, body.signatures[0]!.signature, body.payload)).toBe(
      true,
    );

    const list = await json<{ revisions: unknown[] }>(
      await send('GET', '/api/v1/policies', manager),
      200,
    );
    expect(list.revisions).toEqual([
      {
        revision: 2,
        publishedAt: new Date(now).toISOString(),
        publishedBy: `user:${admin.userId}`,
        rollbackOf: null,
      },
      {
        revision: 1,
        publishedAt: new Date(T0).toISOString(),
        publishedBy: 'cli:ops',
        rollbackOf: null,
      },
    ]);
    const one = await json<{ document: unknown }>(
      await send('GET', '/api/v1/policies/2', auditor),
      200,
    );
    expect(one.document).toEqual(doc);
    const [entry] = await listAudit(t.db, tenant.tenantId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'policy.publish',
      actor: `user:${admin.userId}`,
      details: { revision: 2, previous: 1, basedOn: 1 },
    });
  });

  it('rolls back by publishing the old document as a new revision, audited with from/to', async () => {
    const h = admin.headers;
    now += 1000;
    expect(await json(await send('POST', '/api/v1/policies/1/rollback', h), 201)).toEqual({
      revision: 3,
    });
    const three = await json<{ document: unknown; rollbackOf: number }>(
      await send('GET', '/api/v1/policies/3', h),
      200,
    );
    expect(three).toMatchObject({ document: { version: 1 }, rollbackOf: 1 });
    const [entry] = await listAudit(t.db, tenant.tenantId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'policy.rollback',
      details: { from: 2, to: 1, revision: 3 },
    });
    // Rolling back to the newest revision changes nothing and says so.
    const again = await json<{ error: string }>(
      await send('POST', '/api/v1/policies/3/rollback', h),
      409,
    );
    expect(again.error).toBe('already_current');
    expect(await verifyAudit(t.db, tenant.tenantId)).toMatchObject({ ok: true });
  });

  it('refuses bad input with 4xx naming the problem, and stores nothing', async () => {
    const h = admin.headers;
    const before = await listAudit(t.db, tenant.tenantId, { limit: 1 });
    const cases: [string, string, unknown, string | undefined, number, RegExp][] = [
      ['PUT', '/api/v1/policies/draft', undefined, '{"document": ', 400, /not valid JSON/],
      [
        'PUT',
        '/api/v1/policies/draft',
        { document: {}, extra: 1 },
        undefined,
        400,
        /unknown field/,
      ],
      ['PUT', '/api/v1/policies/draft', [], undefined, 400, /document/],
      [
        'PUT',
        '/api/v1/policies/draft',
        { document: { version: 'one' } },
        undefined,
        400,
        /version/,
      ],
      [
        'PUT',
        '/api/v1/policies/draft',
        { document: { version: 1, rules: { 'unapproved-ai': { otherwise: 'explode' } } } },
        undefined,
        400,
        /rules\.unapproved-ai\.otherwise: must be one of/,
      ],
      ['GET', '/api/v1/policies/abc', undefined, undefined, 400, /revision/],
      ['GET', '/api/v1/policies/0', undefined, undefined, 400, /revision/],
      ['GET', '/api/v1/policies/99', undefined, undefined, 404, /no revision 99/],
      ['POST', '/api/v1/policies/99/rollback', undefined, undefined, 404, /no revision 99/],
      ['POST', '/api/v1/policies/draft/publish', undefined, undefined, 409, /no draft/],
    ];
    for (const [method, path, body, raw, status, message] of cases) {
      const res = await send(method, path, h, body, raw);
      const r = await json<{ message: string }>(res, status);
      expect(r.message, `${method} ${path}`).toMatch(message);
    }
    const invalid = await json<{ error: string; issues: { path: string }[] }>(
      await send('PUT', '/api/v1/policies/draft', h, {
        document: { version: 1, telemetry: 'all', sites: { approved: [{ pattern: 'http://x' }] } },
      }),
      400,
    );
    expect(invalid.error).toBe('invalid_policy');
    expect(invalid.issues.map((i) => i.path).sort()).toEqual([
      'sites.approved[0].pattern',
      'telemetry',
    ]);
    expect(await listAudit(t.db, tenant.tenantId, { limit: 1 })).toEqual(before);
    expect(await json(await send('GET', '/api/v1/policies/draft', h), 200)).toEqual({
      draft: null,
    });
  });

  it('lets managers and auditors read but not change', async () => {
    await json(
      await send('PUT', '/api/v1/policies/draft', admin.headers, { document: { version: 1 } }),
      200,
    );
    for (const reader of [manager, auditor]) {
      expect((await send('GET', '/api/v1/policies', reader)).status).toBe(200);
      expect((await send('GET', '/api/v1/policies/1', reader)).status).toBe(200);
      for (const [method, path, body] of [
        ['PUT', '/api/v1/policies/draft', { document: { version: 1 } }],
        ['DELETE', '/api/v1/policies/draft', undefined],
        ['POST', '/api/v1/policies/draft/publish', undefined],
        ['POST', '/api/v1/policies/1/rollback', undefined],
      ] as const) {
        const r = await json<{ error: string }>(await send(method, path, reader, body), 403);
        expect(r.error).toBe('forbidden');
      }
    }
    // No session at all: 401.
    expect((await send('GET', '/api/v1/policies', {})).status).toBe(401);
    // An admin without the CSRF token is refused too.
    const { 'x-csrf-token': _csrf, ...noCsrf } = admin.headers;
    expect((await send('POST', '/api/v1/policies/draft/publish', noCsrf)).status).toBe(403);
    // Nothing was published by the refused calls; the admin's discard works.
    const list = await json<{ revisions: unknown[] }>(
      await send('GET', '/api/v1/policies', auditor),
      200,
    );
    expect(list.revisions).toHaveLength(3);
    expect(await json(await send('DELETE', '/api/v1/policies/draft', admin.headers), 200)).toEqual({
      discarded: true,
    });
  });

  it("never shows or changes another tenant's revisions", async () => {
    // The other tenant has revisions 1 and 2; this one's numbers are its own.
    const mine = await json<{ document: unknown }>(
      await send('GET', '/api/v1/policies/1', auditor),
      200,
    );
    expect(mine.document).toEqual({ version: 1 });
    await publishPolicy(
      t.db,
      other.tenantId,
      { version: 1, reversibleMasking: true },
      now,
      'cli:x',
    );
    await publishPolicy(t.db, other.tenantId, { version: 1 }, now, 'cli:x');
    await publishPolicy(t.db, other.tenantId, { version: 1 }, now, 'cli:x');
    // Revisions 4 and 5 exist only in the other tenant (this one has 1 to 3).
    for (const n of [4, 5]) {
      expect((await send('GET', `/api/v1/policies/${n}`, admin.headers)).status).toBe(404);
      expect((await send('POST', `/api/v1/policies/${n}/rollback`, admin.headers)).status).toBe(
        404,
      );
    }
    const others = await t.db
      .selectFrom('policies')
      .select('revision')
      .where('tenant_id', '=', other.tenantId)
      .execute();
    expect(others).toHaveLength(5);
  });
});
