/**
 * Tenant isolation and roles, for EVERY route the app serves (issue 5): role (anonymous, device,
 * admin, manager, auditor) x route x own/other tenant, on a real SQLite file and the real
 * PostgreSQL.
 *
 * - Every route must be listed in ACCESS; a new route fails the first test until it is.
 * - Own tenant: a role the route does not allow gets 403 (401 without a session); an allowed role
 *   gets past the gate (path ids are unknown uuids here, so nothing is changed).
 * - Other tenant: every role of tenant A (and A's device) calls every route with tenant B's ids
 *   in the path and B's identifiers in the body. No answer may contain any of B's identifiers,
 *   no path naming a B object may answer 2xx, and B's rows in every table with a tenant_id are
 *   byte-for-byte the same afterwards.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, publishPolicy, type CreatedTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { randomSecret, sha256Hex } from '../crypto.ts';
import { silentLogger } from '../log.ts';
import { TEST_SCRYPT } from '../people/password.ts';
import { pseudonymKey, pseudonymOf } from '../people/pseudonym.ts';
import { newTotpSecret } from '../people/totp.ts';
import { createUser } from '../people/users.ts';
import { ABSOLUTE_MS, csrfTokenFor, type Role } from '../session.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';
import { createWebhook } from '../webhooks.ts';

type Access = 'public' | 'device' | 'session' | readonly Role[];
const ADMIN = ['admin'] as const;
const READERS = ['admin', 'auditor'] as const;

/** Who may call each route. `session`: any signed-in role. */
const ACCESS: Record<string, Access> = {
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/setup': 'public',
  'POST /api/v1/enroll': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /dashboard/*': 'public',
  'GET /api/v1/dashboard/unapproved-tools': 'session',
  'GET /api/v1/dashboard/devices': READERS,
  'GET /api/v1/false-alarm-summary': READERS,
  'GET /api/v1/settings': READERS,
  'POST /api/v1/settings': ADMIN,
  'GET /api/v1/settings/keys': READERS,
  'POST /api/v1/settings/keys/rotate': ADMIN,
  'GET /api/v1/overrides': 'session',
  'GET /api/v1/overrides/:id': 'session',
  'POST /api/v1/overrides/:id/comments': ['admin', 'manager'],
  'POST /api/v1/overrides/:id/close': ['admin', 'manager'],
  'POST /api/v1/overrides/:id/reopen': ['admin', 'manager'],
  'GET /api/v1/teams/trend': 'session',
  'GET /api/v1/teams/coaching': 'session',
  'GET /api/v1/teams/settings': 'session',
  'POST /api/v1/teams/settings': ADMIN,
  'POST /api/v1/teams/notes': ['admin', 'manager'],
  'GET /api/v1/teams/people/:id/history': ['admin', 'manager'],
  'GET /setup': 'public',
  'POST /setup': 'public',
  'GET /login': 'public',
  'POST /login': 'public',
  'GET /api/v1/policy': 'device',
  'GET /api/v1/policy/keys': 'device',
  'POST /api/v1/incidents': 'device',
  'POST /api/v1/false-alarms': 'device',
  'POST /api/v1/visits': 'device',
  'GET /api/v1/shadow-ai/tools': 'session',
  'POST /api/v1/shadow-ai/tools/:site/decision': ADMIN,
  'POST /api/v1/auth/logout': 'session',
  'GET /api/v1/auth/session': 'session',
  'POST /api/v1/auth/password': 'session',
  'POST /api/v1/auth/totp/setup': 'session',
  'POST /api/v1/auth/totp/confirm': 'session',
  'POST /logout': 'session',
  'GET /api/v1/summary/overview': 'session',
  'GET /api/v1/summary/sites': 'session',
  'GET /api/v1/summary/teams': 'session',
  'GET /api/v1/summary/people': 'session',
  'GET /api/v1/anomalies': 'session',
  'GET /api/v1/users': READERS,
  'GET /api/v1/devices': READERS,
  'GET /api/v1/audit': READERS,
  'GET /api/v1/audit/verify': READERS,
  'GET /api/v1/webhooks': READERS,
  'POST /api/v1/users/invitations': ADMIN,
  'POST /api/v1/users/:id': ADMIN,
  'POST /api/v1/users/:id/revoke': ADMIN,
  'POST /api/v1/users/:id/sessions/revoke': ADMIN,
  'POST /api/v1/devices/:id/revoke': ADMIN,
  'POST /api/v1/reveal/grants': ADMIN,
  'POST /api/v1/reveal/grants/:id/check': ADMIN,
  'POST /api/v1/erasure': ADMIN,
  'POST /api/v1/summary/settings': ADMIN,
  'POST /api/v1/anomalies/detect': ADMIN,
  'POST /api/v1/webhooks': ADMIN,
  'DELETE /api/v1/webhooks/:id': ADMIN,
  'POST /api/v1/webhooks/:id/test': ADMIN,
  'GET /api/v1/policies': 'session',
  'GET /api/v1/policies/draft': 'session',
  'GET /api/v1/policies/:revision': 'session',
  'PUT /api/v1/policies/draft': ADMIN,
  'DELETE /api/v1/policies/draft': ADMIN,
  'POST /api/v1/policies/draft/publish': ADMIN,
  'POST /api/v1/policies/:revision/rollback': ADMIN,
};

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const ROLES: Role[] = ['admin', 'manager', 'auditor'];

interface Fixture {
  tenant: CreatedTenant;
  users: Record<Role, string>;
  emails: string[];
  device: string;
  credential: string;
  pseudonym: string;
  team: string;
  grant: string;
  webhook: string;
}

describe.each(BACKENDS)('role x route x tenant matrix on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const now = T0;
  let a: Fixture;
  let b: Fixture;

  /** A session made straight in the database (the sign-in path is tested in people.test.ts). */
  async function session(userId: string, tenantId: string) {
    const id = randomSecret(32);
    await t.db
      .insertInto('sessions')
      .values({
        id_hash: sha256Hex(id),
        tenant_id: tenantId,
        user_id: userId,
        created_at: new Date(now).toISOString(),
        last_seen_at: new Date(now).toISOString(),
        expires_at: new Date(now + ABSOLUTE_MS).toISOString(),
        revoked_at: null,
      })
      .execute();
    return { cookie: `hush_session=${id}`, 'x-csrf-token': csrfTokenFor(id) };
  }

  async function fixture(name: string, team: string): Promise<Fixture> {
    const tenant = await createTenant(t.db, { name, now });
    await publishPolicy(t.db, tenant.tenantId, { version: 1 }, now);
    const users = {} as Record<Role, string>;
    const emails: string[] = [];
    for (const role of ROLES) {
      const email = `${role}.${name.toLowerCase()}@example.com`;
      const u = await createUser(
        t.db,
        {
          tenantId: tenant.tenantId,
          email,
          role,
          teams: role === 'manager' ? [team] : [],
          password: 'matrix test password',
          totpSecret: role === 'admin' ? newTotpSecret() : null,
        },
        now,
        TEST_SCRYPT,
      );
      users[role] = u.id;
      emails.push(email);
    }
    const enrolled = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        extensionVersion: '0.1.0',
        browser: 'chrome',
      }),
    });
    const { deviceId, credential } = (await enrolled.json()) as {
      deviceId: string;
      credential: string;
    };
    const key = await pseudonymKey(t.db, tenant.tenantId, now);
    const pseudonym = pseudonymOf(key, `agent@${name.toLowerCase()}.example`);
    const records = Array.from({ length: 6 }, (_, i) => ({
      id: randomUUID(),
      time: T0 - (i + 1) * 60_000,
      siteId: 'chatgpt',
      host: 'chatgpt.com',
      pageClass: 'unapproved-ai',
      channel: 'paste',
      action: 'mask',
      outcome: 'masked',
      counts: { EMAIL: 1 },
      policyVersion: 1,
      extensionVersion: '0.1.0',
      user: pseudonym,
      team,
    }));
    const sent = await app.request('/api/v1/incidents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ records }),
    });
    expect(sent.status).toBe(200);
    const grant = randomUUID();
    await t.db
      .insertInto('reveal_grants')
      .values({
        id: grant,
        tenant_id: tenant.tenantId,
        user_id: users.admin,
        pseudonym,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + 3_600_000).toISOString(),
      })
      .execute();
    const hook = await createWebhook(
      t.db,
      {
        tenantId: tenant.tenantId,
        url: `https://siem.${name.toLowerCase()}.example/hook`,
        format: 'json',
        events: ['incidents'],
        actor: 'test',
      },
      now,
    );
    return {
      tenant,
      users,
      emails,
      device: deviceId,
      credential,
      pseudonym,
      team,
      grant,
      webhook: hook.webhook.id,
    };
  }

  /** B's rows in every table that has a tenant_id column, as sorted JSON. */
  async function snapshot(tenantId: string): Promise<Record<string, string[]>> {
    const tables = await t.db.introspection.getTables();
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      if (!table.columns.some((c) => c.name === 'tenant_id')) continue;
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(
        table.name,
      )} where tenant_id = ${tenantId}`.execute(t.db);
      out[table.name] = rows.rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  }

  function routes(): { method: string; path: string }[] {
    const seen = new Map<string, { method: string; path: string }>();
    for (const r of app.routes) {
      if (r.method === 'ALL') continue;
      const path = r.path.length > 1 ? r.path.replace(/\/$/, '') : r.path;
      seen.set(`${r.method} ${path}`, { method: r.method, path });
    }
    return [...seen.values()];
  }

  /** A body naming the target tenant's things, for routes that take one. */
  function body(f: Fixture): Record<string, unknown> {
    return {
      pseudonym: f.pseudonym,
      reason: 'matrix test: checking tenant isolation',
      code: '123456',
      candidates: [`agent@${f.tenant.tenantId}`],
      role: 'auditor',
      teams: [f.team],
    };
  }

  function call(
    method: string,
    path: string,
    headers: Record<string, string>,
    payload: Record<string, unknown> | undefined,
  ) {
    const form = path === '/setup' || path === '/login' || path === '/logout';
    const send = method !== 'GET' && method !== 'HEAD';
    return app.request(
      path,
      {
        method,
        headers: {
          origin: 'http://localhost',
          ...(send
            ? { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' }
            : {}),
          ...headers,
        },
        ...(send
          ? {
              body: form
                ? new URLSearchParams({ _csrf: headers['x-csrf-token'] ?? '' }).toString()
                : JSON.stringify(payload ?? {}),
            }
          : {}),
      },
      { incoming: { socket: { remoteAddress: '198.51.100.99' } } },
    );
  }

  /** Fills `:id` with the id of the kind the path names, from `f` (or an unknown uuid). */
  function fill(path: string, f: Fixture | null): string {
    const unknown = randomUUID();
    const id = !f
      ? unknown
      : path.startsWith('/api/v1/users/')
        ? f.users.manager
        : path.startsWith('/api/v1/devices/')
          ? f.device
          : path.startsWith('/api/v1/reveal/')
            ? f.grant
            : path.startsWith('/api/v1/webhooks/')
              ? f.webhook
              : unknown;
    return path.replace(':id', id);
  }

  beforeAll(async () => {
    t = await backend.open();
    app = createApp({
      db: t.db,
      log: silentLogger,
      now: () => now,
      rateLimitPerMinute: 100_000,
      passwordCost: TEST_SCRYPT,
    });
    a = await fixture('Acme', 'Team-A-Support');
    b = await fixture('Bobco', 'Team-B-Only');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('knows every route the app serves', () => {
    const missing = routes()
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => !(k in ACCESS));
    expect(missing, 'add these routes to ACCESS in matrix.test.ts').toEqual([]);
  });

  it('own tenant: each role passes exactly the routes it is allowed', async () => {
    const problems: string[] = [];
    for (const { method, path } of routes()) {
      const access = ACCESS[`${method} ${path}`]!;
      if (access === 'public') continue;
      const target = fill(path, null);
      const actors: [string, Record<string, string>][] = [
        ['anonymous', {}],
        ['device', { authorization: `Bearer ${a.credential}` }],
        ...(await Promise.all(
          ROLES.map(
            async (r) =>
              [r, await session(a.users[r], a.tenant.tenantId)] as [string, Record<string, string>],
          ),
        )),
      ];
      for (const [who, headers] of actors) {
        const res = await call(method, target, headers, {});
        const allowed =
          access === 'device'
            ? who === 'device'
            : access === 'session'
              ? ROLES.includes(who as Role)
              : (access as readonly string[]).includes(who);
        const err =
          res.status >= 400
            ? ((await res.json().catch(() => ({}))) as { error?: string }).error
            : undefined;
        const refused =
          res.status === 401 || (res.status === 403 && (err === 'forbidden' || err === 'csrf'));
        if (res.status >= 500) problems.push(`${who} ${method} ${path}: ${res.status}`);
        if (allowed && refused)
          problems.push(`${who} refused at ${method} ${path} (${res.status})`);
        if (!allowed && !refused)
          problems.push(`${who} let through ${method} ${path} (${res.status})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("other tenant: no role of A reads or changes anything of B's, on any route", async () => {
    const before = await snapshot(b.tenant.tenantId);
    const markers = [
      b.tenant.tenantId,
      ...Object.values(b.users),
      ...b.emails,
      b.device,
      b.pseudonym,
      b.team,
      b.grant,
      b.webhook,
      b.tenant.key.id,
      b.tenant.key.publicKey,
    ];
    const problems: string[] = [];
    const actors: [string, () => Promise<Record<string, string>>][] = [
      ['anonymous', async () => ({})],
      ['device A', async () => ({ authorization: `Bearer ${a.credential}` })],
      ...ROLES.map(
        (r) =>
          [`${r} A`, () => session(a.users[r], a.tenant.tenantId)] as [
            string,
            () => Promise<Record<string, string>>,
          ],
      ),
    ];
    for (const { method, path } of routes()) {
      const target = fill(path, b);
      for (const [who, headers] of actors) {
        // A fresh session per call: some routes end the session (logout, password change).
        const res = await call(method, target, await headers(), body(b));
        const text = await res.text();
        if (res.status >= 500) problems.push(`${who} ${method} ${path}: ${res.status}`);
        if (path.includes(':id') && res.status < 300) {
          problems.push(`${who} ${method} ${target}: ${res.status} on another tenant's object`);
        }
        for (const m of markers) {
          if (text.includes(m)) problems.push(`${who} ${method} ${path} leaked B's ${m}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot(b.tenant.tenantId)).toEqual(before);
  });

  it("devices: each credential reaches its own tenant's policy and data only", async () => {
    const policy = async (credential: string) => {
      const res = await app.request('/api/v1/policy', {
        headers: { authorization: `Bearer ${credential}` },
      });
      const body = (await res.json()) as { payload: string };
      return JSON.parse(body.payload) as { tenantId: string };
    };
    expect((await policy(a.credential)).tenantId).toBe(a.tenant.tenantId);
    expect((await policy(b.credential)).tenantId).toBe(b.tenant.tenantId);
    // A device credential is not a session, and a session is not a device credential.
    const s = await session(a.users.admin, a.tenant.tenantId);
    expect((await app.request('/api/v1/policy', { headers: s })).status).toBe(401);
    expect(
      (
        await app.request('/api/v1/users', {
          headers: { authorization: `Bearer ${a.credential}` },
        })
      ).status,
    ).toBe(401);
  });
});
