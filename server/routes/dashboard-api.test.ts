/**
 * The dashboard's own routes through `app.request()` on a real SQLite file and the real
 * PostgreSQL: devices with policy revisions and out-of-date reasons, the top unapproved AI tools
 * with k-anonymity and a manager's scope, bad queries; and the static app server (content types,
 * client-route fallback, no way out of its folder, a clear 404 when not built).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faker } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, publishPolicy, type CreatedTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { randomSecret, sha256Hex } from '../crypto.ts';
import { silentLogger } from '../log.ts';
import { TEST_SCRYPT } from '../people/password.ts';
import { newTotpSecret } from '../people/totp.ts';
import { createUser } from '../people/users.ts';
import { ABSOLUTE_MS, csrfTokenFor, type Role } from '../session.ts';
import { rebuildRollups } from '../summary.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';
import { compareVersions, DASHBOARD_ROUTES, SILENT_AFTER_DAYS } from './dashboard-api.ts';
import { DASHBOARD_CSP, dashboardRoutes } from './dashboard.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const DAY_MS = 86_400_000;
const PERIOD = 'from=2026-11-01&to=2026-11-28';

describe('compareVersions', () => {
  it('compares dotted numbers, not strings', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('0.1.0', '0.2.0')).toBe(-1);
  });
});

describe.each(BACKENDS)('dashboard API on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let now = T0;
  let tenant: CreatedTenant;
  const as: Partial<Record<Role | 'smallManager', Record<string, string>>> = {};

  async function session(role: Role, teams: string[] = []) {
    const u = await createUser(
      t.db,
      {
        tenantId: tenant.tenantId,
        email: faker.internet.email({ provider: 'example.com' }).toLowerCase(),
        role,
        teams,
        password: 'dashboard test password',
        totpSecret: role === 'admin' ? newTotpSecret() : null,
      },
      now,
      TEST_SCRYPT,
    );
    const id = randomSecret(32);
    await t.db
      .insertInto('sessions')
      .values({
        id_hash: sha256Hex(id),
        tenant_id: tenant.tenantId,
        user_id: u.id,
        created_at: new Date(now).toISOString(),
        last_seen_at: new Date(now).toISOString(),
        expires_at: new Date(now + ABSOLUTE_MS).toISOString(),
        revoked_at: null,
      })
      .execute();
    return { cookie: `hush_session=${id}`, 'x-csrf-token': csrfTokenFor(id) };
  }

  async function enroll(version: string) {
    const res = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        extensionVersion: version,
        browser: 'chrome',
      }),
    });
    return (await res.json()) as { deviceId: string; credential: string };
  }

  async function send(credential: string, records: Record<string, unknown>[]) {
    const res = await app.request('/api/v1/incidents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ records }),
    });
    expect(res.status).toBe(200);
  }

  const record = (over: Record<string, unknown>) => ({
    id: randomUUID(),
    time: T0 - 2 * DAY_MS,
    host: 'claude.ai',
    siteId: 'claude',
    pageClass: 'unapproved-ai',
    channel: 'paste',
    action: 'mask',
    outcome: 'masked',
    counts: { EMAIL: 1 },
    policyVersion: 2,
    extensionVersion: '0.2.0',
    user: faker.string.alphanumeric(43),
    team: 'Support',
    ...over,
  });

  const get = (path: string, who: Record<string, string> = {}) =>
    app.request(path, { headers: who });

  let devices: { deviceId: string; credential: string }[] = [];

  beforeAll(async () => {
    faker.seed(9);
    t = await backend.open();
    app = createApp({
      db: t.db,
      log: silentLogger,
      now: () => now,
      rateLimitPerMinute: 100_000,
      passwordCost: TEST_SCRYPT,
    });
    tenant = await createTenant(t.db, { name: 'Acme', now });
    await publishPolicy(t.db, tenant.tenantId, { version: 1 }, now);
    await publishPolicy(t.db, tenant.tenantId, { version: 1 }, now);
    devices = [await enroll('0.2.0'), await enroll('0.1.0'), await enroll('0.2.0')];
    // Six people in Support on claude.ai (unapproved); two on an unknown host; one in Tiny.
    const support = Array.from({ length: 6 }, () => faker.string.alphanumeric(43));
    await send(devices[0]!.credential, [
      ...support.map((user) => record({ user })),
      ...support
        .slice(0, 2)
        .map((user) => record({ user, siteId: null, host: 'ai.unknown.example' })),
      record({ host: 'chatgpt.com', siteId: 'chatgpt', pageClass: 'approved-ai' }),
    ]);
    await send(devices[1]!.credential, [record({ team: 'Tiny', policyVersion: 1 })]);
    // The third device reported nothing and was last seen long ago.
    now = T0 + (SILENT_AFTER_DAYS + 1) * DAY_MS;
    await send(devices[0]!.credential, [record({ time: T0 - DAY_MS })]);
    await send(devices[1]!.credential, [
      record({ time: T0 - DAY_MS, team: 'Tiny', policyVersion: 1 }),
    ]);
    // Unapproved tools read the daily rollups, which the server's job keeps up to date.
    await rebuildRollups(t.db, tenant.tenantId);
    // Sessions start now: they end after 30 idle minutes.
    as.admin = await session('admin');
    as.auditor = await session('auditor');
    as.manager = await session('manager', ['Support']);
    as.smallManager = await session('manager', ['Tiny']);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('devices: policy revision reported, and why each is out of date', async () => {
    const res = await get('/api/v1/dashboard/devices', as.auditor);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      currentPolicy: number;
      newestExtension: string;
      devices: { id: string; policyVersion: number | null; outdated: string[] }[];
    };
    expect(body.currentPolicy).toBe(2);
    expect(body.newestExtension).toBe('0.2.0');
    const by = new Map(body.devices.map((d) => [d.id, d]));
    expect(by.get(devices[0]!.deviceId)).toMatchObject({ policyVersion: 2, outdated: [] });
    expect(by.get(devices[1]!.deviceId)).toMatchObject({
      policyVersion: 1,
      outdated: ['extension', 'policy'],
    });
    expect(by.get(devices[2]!.deviceId)).toMatchObject({
      policyVersion: null,
      outdated: ['silent'],
    });
    expect((await get('/api/v1/dashboard/devices', as.manager)).status).toBe(403);
    expect((await get('/api/v1/dashboard/devices')).status).toBe(401);
  });

  it('devices: the revision a device fetched wins over its incidents; a 304 confirms it', async () => {
    const fetchPolicy = (credential: string, etag?: string) =>
      app.request('/api/v1/policy', {
        headers: {
          authorization: `Bearer ${credential}`,
          ...(etag ? { 'if-none-match': etag } : {}),
        },
      });
    const row = (id: string) =>
      t.db
        .selectFrom('devices')
        .select(['policy_revision', 'policy_fetched_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const listed = async (id: string) => {
      const body = (await (await get('/api/v1/dashboard/devices', as.admin)).json()) as {
        devices: { id: string; policySource: string | null }[];
      };
      return body.devices.find((d) => d.id === id);
    };
    // The second device reported revision 1 with its incidents; it now fetches revision 2.
    const d1 = devices[1]!;
    expect(await row(d1.deviceId)).toEqual({ policy_revision: null, policy_fetched_at: null });
    const first = await fetchPolicy(d1.credential);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(await row(d1.deviceId)).toEqual({
      policy_revision: 2,
      policy_fetched_at: new Date(now).toISOString(),
    });
    expect(await listed(d1.deviceId)).toMatchObject({
      policyVersion: 2,
      policySource: 'fetch',
      policyFetchedAt: new Date(now).toISOString(),
      outdated: ['extension'],
    });
    // Polling again at once with the ETag: 304, and no write (the row keeps its time).
    const fetchedAt = now;
    now += 60_000;
    expect((await fetchPolicy(d1.credential, etag)).status).toBe(304);
    expect((await row(d1.deviceId)).policy_fetched_at).toBe(new Date(fetchedAt).toISOString());
    // After ten minutes a 304 refreshes the time: the device still holds revision 2.
    now += 10 * 60_000;
    expect((await fetchPolicy(d1.credential, etag)).status).toBe(304);
    expect(await row(d1.deviceId)).toEqual({
      policy_revision: 2,
      policy_fetched_at: new Date(now).toISOString(),
    });
    // A device that holds the newest ETag but fetched before 0009 (no revision on its row): the
    // 304 alone records the newest revision.
    const d0 = devices[0]!;
    const etag0 = (await fetchPolicy(d0.credential)).headers.get('etag')!;
    await t.db
      .updateTable('devices')
      .set({ policy_revision: null, policy_fetched_at: null })
      .where('id', '=', d0.deviceId)
      .execute();
    expect((await listed(d0.deviceId))?.policySource).toBe('incidents');
    expect((await fetchPolicy(d0.credential, etag0)).status).toBe(304);
    expect((await row(d0.deviceId)).policy_revision).toBe(2);
    // A new revision: the device's old ETag no longer matches, it gets and records revision 3,
    // while the device that has not fetched it yet is now a policy behind.
    await publishPolicy(t.db, tenant.tenantId, { version: 1 }, now);
    expect((await fetchPolicy(d0.credential, etag0)).status).toBe(200);
    expect((await row(d0.deviceId)).policy_revision).toBe(3);
    expect(await listed(d0.deviceId)).toMatchObject({ policyVersion: 3, outdated: [] });
    expect(await listed(d1.deviceId)).toMatchObject({
      policyVersion: 2,
      outdated: ['extension', 'policy'],
    });
    // The silent device has neither a fetch nor an incident.
    expect(await listed(devices[2]!.deviceId)).toMatchObject({
      policyVersion: null,
      policySource: null,
      policyFetchedAt: null,
    });
  });

  it('unapproved tools: counted per site, people shown only from k', async () => {
    const res = await get(`/api/v1/dashboard/unapproved-tools?${PERIOD}`, as.admin);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { k: number; suppressed: boolean; tools: unknown[] };
    expect(body.k).toBe(5);
    expect(body.suppressed).toBe(false);
    expect(body.tools).toEqual([
      { key: 'claude', incidents: 9, users: 9 },
      { key: 'ai.unknown.example', incidents: 2, users: null },
    ]);
  });

  it('unapproved tools: a manager sees their teams only, nothing when under k', async () => {
    const mine = (await (
      await get(`/api/v1/dashboard/unapproved-tools?${PERIOD}`, as.manager)
    ).json()) as { tools: { key: string; incidents: number }[] };
    expect(mine.tools[0]).toEqual({ key: 'claude', incidents: 7, users: 7 });
    const small = (await (
      await get(`/api/v1/dashboard/unapproved-tools?${PERIOD}`, as.smallManager)
    ).json()) as { suppressed: boolean; tools: unknown[] };
    expect(small).toMatchObject({ suppressed: true, tools: [] });
  });

  it('unapproved tools: bad queries answer 400 naming the problem', async () => {
    for (const [q, msg] of [
      ['from=2026-11-01', 'to'],
      [`${PERIOD}&limit=0`, 'at least 1'],
      [`${PERIOD}&x=1`, 'unknown query parameter'],
      ['from=2026-11-30&to=2026-11-01', 'from must not be after to'],
      ['from=2026-02-30&to=2026-03-01', 'not a day'],
    ] as const) {
      const res = await get(`/api/v1/dashboard/unapproved-tools?${q}`, as.admin);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { message: string }).message, q).toContain(msg);
    }
  });

  it('is described in the OpenAPI list', () => {
    expect(DASHBOARD_ROUTES.map((r) => r.path)).toContain('/api/v1/dashboard/unapproved-tools');
  });
});

describe('dashboard static serving', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hush-dashboard-dist-'));
  const empty = mkdtempSync(join(tmpdir(), 'hush-dashboard-empty-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'index-abc.css'), 'body{}');
  const app = dashboardRoutes({ dir });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });

  it('serves files with their content type and CSP, and index.html for client routes', async () => {
    const js = await app.request('/dashboard/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    const css = await app.request('/dashboard/assets/index-abc.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const path of ['/dashboard/', '/dashboard/devices', '/dashboard/audit/x']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<title>app</title>');
    }
    expect((await app.request('/dashboard')).status).toBe(302);
  });

  it('answers 404 for missing files and anything outside its folder, never 500', async () => {
    for (const path of [
      '/dashboard/assets/nope.js',
      '/dashboard/../package.json',
      '/dashboard/%2e%2e/%2e%2e/package.json',
      '/dashboard/assets/..%2f..%2fpackage.json',
      '/dashboard/%E0%A4%A',
      '/dashboard/a%00.js',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('says how to build it when it is not built', async () => {
    const res = await dashboardRoutes({ dir: empty }).request('/dashboard/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('npm run build:dashboard');
  });
});
