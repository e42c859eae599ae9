/**
 * The summary and anomaly routes through `app.request()` on SQLite and PostgreSQL: sessions and
 * roles, a manager's scope, tenant isolation, k set by an admin (audited), and bad queries
 * answered 400 with a message, never 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { silentLogger } from '../log.ts';
import { refreshRollups } from '../summary.ts';
import { fakeUser, incidentRow, insertIncidents, seeded, testSession } from '../test-data.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
const Q = 'from=2026-11-22&to=2026-11-28';

describe.each(BACKENDS)('summary routes on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let tenantId: string;
  let admin: Record<string, string>;
  let manager: Record<string, string>;
  let smallManager: Record<string, string>;
  let auditor: Record<string, string>;
  let otherAdmin: Record<string, string>;

  beforeAll(async () => {
    t = await backend.open();
    tenantId = (await createTenant(t.db, { name: 'Routes Co', now: NOW })).tenantId;
    const other = (await createTenant(t.db, { name: 'Elsewhere', now: NOW })).tenantId;
    const rnd = seeded(11);
    const rows = [];
    for (const [team, n] of [
      ['Alpha', 6],
      ['Small', 3],
    ] as const) {
      for (let u = 0; u < n; u++) {
        for (let d = 1; d <= 14; d++) {
          rows.push(
            incidentRow(tenantId, rnd, { time: NOW - d * DAY, user: fakeUser(team, u), team }),
          );
        }
      }
    }
    await insertIncidents(t.db, rows);
    await refreshRollups(t.db, NOW);
    app = createApp({ db: t.db, log: silentLogger, now: () => NOW, rateLimitPerMinute: 100 });
    admin = (await testSession(t.db, tenantId, 'admin', [], NOW)).headers;
    auditor = (await testSession(t.db, tenantId, 'auditor', [], NOW)).headers;
    manager = (await testSession(t.db, tenantId, 'manager', ['Alpha'], NOW)).headers;
    smallManager = (await testSession(t.db, tenantId, 'manager', ['Small'], NOW)).headers;
    otherAdmin = (await testSession(t.db, other, 'admin', [], NOW)).headers;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(path, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const post = async (path: string, body: unknown, headers: Record<string, string>) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('needs a session', async () => {
    for (const path of ['overview', 'sites', 'teams', 'people']) {
      expect((await get(`/api/v1/summary/${path}?${Q}`)).status).toBe(401);
    }
    expect((await get(`/api/v1/anomalies?${Q}`)).status).toBe(401);
  });

  it('answers each role with its scope', async () => {
    const all = await get(`/api/v1/summary/overview?${Q}`, admin);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ teams: null, suppressed: false, total: { incidents: 63 } });
    expect((await get(`/api/v1/summary/overview?${Q}`, auditor)).body).toMatchObject({
      total: { incidents: 63 },
    });
    const mine = await get(`/api/v1/summary/overview?${Q}&bucket=week`, manager);
    expect(mine.body).toMatchObject({ teams: ['Alpha'], total: { incidents: 42 } });
    expect(mine.body.series).toHaveLength(1);
    const small = await get(`/api/v1/summary/overview?${Q}`, smallManager);
    expect(small.body).toMatchObject({ suppressed: true, total: null });
    const teams = await get(`/api/v1/summary/teams?${Q}`, admin);
    // Small (3 users) is merged with Alpha, so nothing shows by name and "other" holds 9 users.
    expect(teams.body).toMatchObject({ teams: [], other: { groups: 2, users: 9 } });
    const people = await get(`/api/v1/summary/people?${Q}&limit=3`, manager);
    expect(people.body).toMatchObject({ more: 3 });
    expect(people.body.people).toHaveLength(3);
    const sites = await get(`/api/v1/summary/sites?${Q}&limit=2`, admin);
    expect((sites.body.sites as unknown[]).length).toBeLessThanOrEqual(2);
    // Another tenant's admin sees none of this tenant's incidents.
    expect((await get(`/api/v1/summary/overview?${Q}`, otherAdmin)).body).toMatchObject({
      total: { incidents: 0, items: 0 },
    });
  });

  it('lets an admin set k (audited), and no one else', async () => {
    expect((await post('/api/v1/summary/settings', { minGroupSize: 3 }, manager)).status).toBe(403);
    expect((await post('/api/v1/summary/settings', { minGroupSize: 3 }, auditor)).status).toBe(403);
    const { cookie } = admin;
    expect(
      (await post('/api/v1/summary/settings', { minGroupSize: 3 }, { cookie: cookie! })).status,
    ).toBe(403);
    for (const bad of [
      { minGroupSize: 1 },
      { minGroupSize: 2.5 },
      { minGroupSize: '3' },
      { k: 3 },
      {},
    ]) {
      const r = await post('/api/v1/summary/settings', bad, admin);
      expect(r.status).toBe(400);
      expect(String(r.body.message)).toMatch(/minGroupSize|unknown field/);
    }
    expect((await post('/api/v1/summary/settings', '{"minGroupSize":', admin)).status).toBe(400);
    const ok = await post('/api/v1/summary/settings', { minGroupSize: 3 }, admin);
    expect(ok).toEqual({ status: 200, body: { minGroupSize: 3 } });
    const teams = await get(`/api/v1/summary/teams?${Q}`, admin);
    expect((teams.body.teams as { team: string }[]).map((x) => x.team).sort()).toEqual([
      'Alpha',
      'Small',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('tenant_id', '=', tenantId)
      .where('action', '=', 'summary.k.set')
      .execute();
    expect(audit).toEqual([{ action: 'summary.k.set', details: '{"minGroupSize":3}' }]);
    await post('/api/v1/summary/settings', { minGroupSize: 5 }, admin);
  });

  it('refuses bad queries with 400 and a message', async () => {
    for (const q of [
      '',
      'from=2026-11-22',
      'from=2026-11-22&to=2026-13-01',
      'from=2026-11-28&to=2026-11-22',
      'from=2020-01-01&to=2026-11-28',
      `${Q}&bucket=month`,
      `${Q}&team=Alpha`,
      'from=22.11.2026&to=2026-11-28',
    ]) {
      const r = await get(`/api/v1/summary/overview?${q}`, admin);
      expect(r.status, q).toBe(400);
      expect(r.body.message, q).toBeTruthy();
    }
    expect((await get(`/api/v1/summary/people?${Q}&limit=0`, admin)).status).toBe(400);
    expect((await get(`/api/v1/summary/people?${Q}&limit=abc`, admin)).status).toBe(400);
  });

  it('lists anomalies and runs detection on request (admin, audited)', async () => {
    expect((await post('/api/v1/anomalies/detect', { day: '2026-11-28' }, manager)).status).toBe(
      403,
    );
    expect((await post('/api/v1/anomalies/detect', { day: '28.11.2026' }, admin)).status).toBe(400);
    expect((await post('/api/v1/anomalies/detect', { day: '2026-02-30' }, admin)).status).toBe(400);
    // Alpha's 28-day baseline is mostly zeros (its incidents start 14 days back), so 6 a day
    // is above median 0 + 3 * sigma floor 1: a team spike. Small's 3 a day is under the minimum.
    const r = await post('/api/v1/anomalies/detect', { day: '2026-11-28' }, admin);
    expect(r).toEqual({ status: 200, body: { day: '2026-11-28', found: 1, new: 1 } });
    const list = await get(`/api/v1/anomalies?${Q}`, manager);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      anomalies: [{ day: '2026-11-28', kind: 'team', subject: 'Alpha', count: 6 }],
      withheld: 0,
    });
    const small = await get(`/api/v1/anomalies?${Q}`, smallManager);
    expect(small.body).toMatchObject({ anomalies: [], withheld: 0 });
    expect((await get(`/api/v1/anomalies?${Q}`, otherAdmin)).body).toMatchObject({ anomalies: [] });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenantId)
      .where('action', '=', 'anomalies.detect')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
