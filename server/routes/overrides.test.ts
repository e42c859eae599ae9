/**
 * The override review routes through `app.request()` on SQLite and PostgreSQL: the queue's filters
 * and counts, a manager's teams, the auditor's read-only access, tenant isolation, comments masked
 * by the engine before they are stored (a generated email and phone number never reach the
 * database or the audit log), closing and reopening (audited), bad input answered 4xx with a
 * message, and retention removing the reviews of deleted incidents.
 */
import { faker } from '@faker-js/faker';
import type * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { listAudit } from '../audit.ts';
import type { IncidentTable } from '../db/schema.ts';
import { silentLogger } from '../log.ts';
import { runRetention } from '../retention.ts';
import { fakeUser, incidentRow, insertIncidents, seeded, testSession } from '../test-data.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';
import type {
  CommentResponse,
  DetailResponse,
  QueueResponse,
  ReviewResponse,
} from './overrides.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);

type Headers = Record<string, string>;
/** Every field the answers of these routes carry (each answer has some of them). */
type Answer = Partial<
  v.InferOutput<typeof QueueResponse> &
    v.InferOutput<typeof DetailResponse> &
    v.InferOutput<typeof CommentResponse> &
    v.InferOutput<typeof ReviewResponse>
> & { error?: string; message?: string };

describe.each(BACKENDS)('override routes on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let tenantId: string;
  let otherTenant: string;
  let admin: Headers;
  let adminId: string;
  let manager: Headers;
  let noTeams: Headers;
  let auditor: Headers;
  let otherAdmin: Headers;
  const rnd = seeded(61);
  const ids = {} as Record<'card' | 'email' | 'ip' | 'ssn' | 'masked' | 'theirs', string>;

  /** One incident of `team` with the given outcome, types and reason, `daysAgo` days back. */
  function row(
    tenant: string,
    team: string | null,
    outcome: string,
    counts: Record<string, number>,
    daysAgo: number,
    reason: string | null = null,
  ): IncidentTable {
    const r = incidentRow(tenant, rnd, {
      time: NOW - daysAgo * DAY,
      user: fakeUser(team ?? 'none', Math.floor(daysAgo)),
      team,
    });
    return {
      ...r,
      action: outcome === 'overridden' ? 'warn' : 'mask',
      outcome,
      counts: JSON.stringify(counts),
      total: Object.values(counts).reduce((a, n) => a + n, 0),
      reason,
    };
  }

  beforeAll(async () => {
    t = await backend.open();
    tenantId = (
      await createTenant(t.db, { name: 'Review Co', telemetry: 'counts-and-reasons', now: NOW })
    ).tenantId;
    otherTenant = (await createTenant(t.db, { name: 'Elsewhere', now: NOW })).tenantId;
    const rows = {
      card: row(
        tenantId,
        'Alpha',
        'overridden',
        { CREDIT_CARD: 1 },
        3,
        'refund needs [CREDIT_CARD_1]',
      ),
      email: row(tenantId, 'Alpha', 'overridden', { EMAIL: 2 }, 1, 'reply to [EMAIL_1]'),
      ip: row(tenantId, 'Beta', 'overridden', { IP_ADDRESS: 1 }, 2),
      ssn: row(tenantId, 'Beta', 'overridden', { US_SSN: 1, EMAIL: 1 }, 5),
      masked: row(tenantId, 'Alpha', 'masked', { EMAIL: 1 }, 1),
      theirs: row(otherTenant, 'Alpha', 'overridden', { CREDIT_CARD: 1 }, 1, 'their reason'),
    };
    for (const [k, r] of Object.entries(rows)) ids[k as keyof typeof rows] = r.id;
    await insertIncidents(t.db, Object.values(rows));
    app = createApp({ db: t.db, log: silentLogger, now: () => NOW, rateLimitPerMinute: 100 });
    const a = await testSession(t.db, tenantId, 'admin', [], NOW);
    admin = a.headers;
    adminId = a.userId;
    manager = (await testSession(t.db, tenantId, 'manager', ['Alpha'], NOW)).headers;
    noTeams = (await testSession(t.db, tenantId, 'manager', [], NOW)).headers;
    auditor = (await testSession(t.db, tenantId, 'auditor', [], NOW)).headers;
    otherAdmin = (await testSession(t.db, otherTenant, 'admin', [], NOW)).headers;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const get = async (path: string, headers: Headers = {}) => {
    const res = await app.request(path, { headers });
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const post = async (path: string, body: unknown, headers: Headers) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const queueIds = (body: Answer) => body.items!.map((i) => i.id);

  it('needs a session, and a reviewer role to write', async () => {
    expect((await get('/api/v1/overrides')).status).toBe(401);
    expect((await get(`/api/v1/overrides/${ids.card}`)).status).toBe(401);
    const c = await post(
      `/api/v1/overrides/${ids.card}/comments`,
      { body: 'looked at it' },
      auditor,
    );
    expect(c).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const cl = await post(`/api/v1/overrides/${ids.card}/close`, { verdict: 'justified' }, auditor);
    expect(cl.status).toBe(403);
    // A session cookie without the CSRF token does not write either.
    const noCsrf = await post(
      `/api/v1/overrides/${ids.card}/comments`,
      { body: 'x' },
      { cookie: admin.cookie! },
    );
    expect(noCsrf).toMatchObject({ status: 403, body: { error: 'csrf' } });
  });

  it('lists open high-risk overrides, oldest first, with counts, for each role its scope', async () => {
    const all = await get('/api/v1/overrides', admin);
    expect(all.status).toBe(200);
    // CREDIT_CARD and US_SSN are RESTRICTED, EMAIL CONFIDENTIAL; IP_ADDRESS is INTERNAL.
    expect(queueIds(all.body)).toEqual([ids.ssn, ids.card, ids.email]);
    expect(all.body.counts).toEqual({ total: 4, open: 4, openHighRisk: 3, closed: 0 });
    expect(all.body.matching).toBe(3);
    const card = all.body.items!.find((i) => i.id === ids.card);
    expect(card).toMatchObject({
      site: expect.any(String),
      team: 'Alpha',
      types: ['CREDIT_CARD'],
      level: 'RESTRICTED',
      highRisk: true,
      reason: 'refund needs [CREDIT_CARD_1]',
      status: 'open',
      verdict: null,
      ageDays: 3,
      comments: 0,
    });
    // The default person-history rule ('admins') lets an admin see who overrode.
    expect(all.body.showUsers).toBe(true);
    expect(card!.user).toMatch(/^u_test_Alpha_/);

    const auditorView = await get('/api/v1/overrides?level=all', auditor);
    expect(queueIds(auditorView.body)).toEqual([ids.ssn, ids.card, ids.ip, ids.email]);
    expect(auditorView.body.showUsers).toBe(false);
    expect(auditorView.body.items!.every((i) => i.user === null)).toBe(true);

    const mine = await get('/api/v1/overrides?level=all', manager);
    expect(queueIds(mine.body)).toEqual([ids.card, ids.email]);
    expect(mine.body).toMatchObject({
      teams: ['Alpha'],
      counts: { total: 2, open: 2, openHighRisk: 2 },
    });
    // A manager asking for another team's queue gets nothing, not that team's decisions.
    expect(queueIds((await get('/api/v1/overrides?team=Beta', manager)).body)).toEqual([]);
    expect((await get('/api/v1/overrides', noTeams)).body).toMatchObject({
      items: [],
      counts: { total: 0 },
    });
  });

  it('filters by level, team, period and pages', async () => {
    const q = async (s: string) => queueIds((await get(`/api/v1/overrides?${s}`, admin)).body);
    expect(await q('level=INTERNAL')).toEqual([ids.ip]);
    expect(await q('level=RESTRICTED')).toEqual([ids.ssn, ids.card]);
    expect(await q('level=CONFIDENTIAL')).toEqual([ids.email]);
    expect(await q('level=NONE')).toEqual([]);
    expect(await q('level=all&team=Beta')).toEqual([ids.ssn, ids.ip]);
    expect(await q('level=all&from=2026-11-26&to=2026-11-28')).toEqual([
      ids.card,
      ids.ip,
      ids.email,
    ]);
    expect(await q('level=all&limit=2&offset=1')).toEqual([ids.card, ids.ip]);
    const period = await get('/api/v1/overrides?from=2026-11-27&to=2026-11-29', admin);
    expect(period.body.counts).toEqual({ total: 2, open: 2, openHighRisk: 1, closed: 0 });
  });

  it('answers bad queries 400 with a message', async () => {
    for (const bad of [
      'status=pending',
      'level=LOW',
      'limit=0',
      'limit=501',
      'offset=-1',
      'from=2026-11-01',
      'from=2026-11-30&to=2026-11-01',
      'from=2026-02-30&to=2026-03-01',
      'from=2025-01-01&to=2026-11-01',
      'team=',
      'tenant=x',
    ]) {
      const r = await get(`/api/v1/overrides?${bad}`, admin);
      expect(r.status, bad).toBe(400);
      expect(r.body.message, bad).toBeTruthy();
    }
  });

  it('shows one decision with its comments; other scopes answer 404', async () => {
    const one = await get(`/api/v1/overrides/${ids.card}`, auditor);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      override: { id: ids.card, reason: 'refund needs [CREDIT_CARD_1]', user: null },
      comments: [],
      closedByEmail: null,
    });
    for (const [who, id] of [
      [manager, ids.ip],
      [admin, ids.masked],
      [admin, ids.theirs],
      [otherAdmin, ids.card],
      [admin, 'not-a-uuid'],
      [noTeams, ids.card],
    ] as const) {
      const r = await get(`/api/v1/overrides/${id}`, who);
      expect(r.status).toBe(404);
      expect(r.body.message).toBe('no such overridden decision in your scope');
    }
  });

  it('masks a comment with the engine before storing it, and audits without the text', async () => {
    faker.seed(6);
    // Example domains (RFC 2606) are left alone by the engine on purpose, so a generated address
    // at a real-looking provider is used.
    const email = faker.internet.email().toLowerCase();
    const phone = `+44 20 7${faker.string.numeric(3)} ${faker.string.numeric(4)}`;
    const text = `Customer ${email} called from ${phone}; agent had the ticket open.`;
    const r = await post(
      `/api/v1/overrides/${ids.card}/comments`,
      { body: `  ${text}  ` },
      manager,
    );
    expect(r.status).toBe(201);
    expect(r.body.masked).toBeGreaterThanOrEqual(2);
    expect(r.body.comment!.body).toContain('[EMAIL_1]');
    expect(r.body.comment!.body).not.toContain(email);
    expect(r.body.comment!.body).not.toContain(phone);
    expect(r.body.comment!.body).toMatch(/^Customer \[EMAIL_1\] called from \[PHONE_1\]; agent/);
    const stored = await t.db
      .selectFrom('override_comments')
      .selectAll()
      .where('incident_id', '=', ids.card)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tenant_id).toBe(tenantId);
    expect(stored[0]!.body).toBe(r.body.comment!.body);
    expect(JSON.stringify(stored)).not.toContain(email);
    const [entry] = await listAudit(t.db, tenantId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'override.comment',
      target: ids.card,
      details: { commentId: stored[0]!.id, masked: r.body.masked },
    });
    expect(JSON.stringify(entry)).not.toContain('Customer');

    const detail = await get(`/api/v1/overrides/${ids.card}`, admin);
    expect(detail.body.comments).toEqual([r.body.comment]);
    expect(detail.body.comments![0]!.authorEmail).toMatch(/^manager-.*@example\.com$/);
    expect(detail.body.override!.comments).toBe(1);
  });

  it('refuses bad comment bodies with a clear 4xx', async () => {
    const path = `/api/v1/overrides/${ids.email}/comments`;
    for (const bad of [
      '{',
      {},
      { body: '' },
      { body: '   ' },
      { body: 7 },
      { body: 'x'.repeat(2001) },
      { body: 'fine', author: 'someone else' },
      [],
    ]) {
      const r = await post(path, bad, admin);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.message).toBeTruthy();
    }
    const wrongType = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...admin },
      body: 'hello',
    });
    expect(wrongType.status).toBe(415);
    // 2,000 characters is the limit, not over it.
    expect((await post(path, { body: 'y'.repeat(2000) }, admin)).status).toBe(201);
    // Another tenant's admin cannot comment on this tenant's decision.
    expect(
      (await post(`/api/v1/overrides/${ids.card}/comments`, { body: 'x' }, otherAdmin)).status,
    ).toBe(404);
    expect(
      (await post(`/api/v1/overrides/${ids.ip}/comments`, { body: 'x' }, manager)).status,
    ).toBe(404);
  });

  it('closes with a verdict (audited), refuses a second close, and reopens', async () => {
    const path = `/api/v1/overrides/${ids.card}`;
    for (const bad of [
      {},
      { verdict: 'fine' },
      { verdict: 'coached', extra: 1 },
      { verdict: 'coached', comment: '' },
    ]) {
      expect((await post(`${path}/close`, bad, manager)).status, JSON.stringify(bad)).toBe(400);
    }
    const phone = `+44 20 7${faker.string.numeric(3)} ${faker.string.numeric(4)}`;
    const closed = await post(
      `${path}/close`,
      {
        verdict: 'coached',
        comment: `Talked it through; they should have called ${phone} instead.`,
      },
      manager,
    );
    expect(closed.status).toBe(200);
    expect(closed.body.override).toMatchObject({
      status: 'closed',
      verdict: 'coached',
      comments: 2,
    });
    expect(closed.body.masked).toBe(1);
    const again = await post(`${path}/close`, { verdict: 'justified' }, admin);
    expect(again).toMatchObject({ status: 409, body: { error: 'already_closed' } });
    const review = await t.db
      .selectFrom('override_reviews')
      .selectAll()
      .where('incident_id', '=', ids.card)
      .executeTakeFirstOrThrow();
    expect(review).toMatchObject({ tenant_id: tenantId, status: 'closed', verdict: 'coached' });
    expect(
      JSON.stringify(await t.db.selectFrom('override_comments').selectAll().execute()),
    ).not.toContain(phone);

    const q = await get('/api/v1/overrides', admin);
    expect(queueIds(q.body)).toEqual([ids.ssn, ids.email]);
    expect(q.body.counts).toEqual({ total: 4, open: 3, openHighRisk: 2, closed: 1 });
    const done = await get('/api/v1/overrides?status=closed', admin);
    expect(queueIds(done.body)).toEqual([ids.card]);
    const detail = await get(path, admin);
    expect(detail.body.closedByEmail).toMatch(/^manager-/);

    expect((await post(`${path}/reopen`, { verdict: 'x' }, admin)).status).toBe(400);
    const reopened = await post(`${path}/reopen`, {}, admin);
    expect(reopened.status).toBe(200);
    expect(reopened.body.override).toMatchObject({ status: 'open', verdict: null, closedBy: null });
    expect((await post(`${path}/reopen`, {}, admin)).body.error).toBe('not_closed');
    const actions = (await listAudit(t.db, tenantId, { limit: 3 })).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['override.reopen', 'override.close']);
    const closeEntry = (await listAudit(t.db, tenantId, { limit: 2 }))[1]!;
    expect(closeEntry.details).toMatchObject({
      verdict: 'coached',
      level: 'RESTRICTED',
      masked: 1,
    });
    expect(JSON.stringify(closeEntry)).not.toContain('Talked');
    // Closed again by the admin this time, so the queue test data is stable for what follows.
    expect((await post(`${path}/close`, { verdict: 'justified' }, admin)).status).toBe(200);
    // The other tenant's rows are untouched and its queue unchanged.
    const theirs = await get('/api/v1/overrides', otherAdmin);
    expect(queueIds(theirs.body)).toEqual([ids.theirs]);
    expect(theirs.body.counts).toMatchObject({ openHighRisk: 1, closed: 0 });
    expect(adminId).toBeTruthy();
  });

  it("shows pseudonyms as the tenant's person-history setting says", async () => {
    const set = (v: string) => post('/api/v1/teams/settings', { personHistory: v }, admin);
    expect((await set('admins-and-managers')).status).toBe(200);
    const mine = await get('/api/v1/overrides?level=all', manager);
    expect(mine.body.showUsers).toBe(true);
    expect(mine.body.items!.every((i) => i.user!.startsWith('u_test_Alpha'))).toBe(true);
    expect((await set('off')).status).toBe(200);
    const off = await get('/api/v1/overrides?level=all', admin);
    expect(off.body.showUsers).toBe(false);
    expect(off.body.items!.every((i) => i.user === null)).toBe(true);
    expect((await set('admins')).status).toBe(200);
  });

  it('retention removes the reviews and comments of deleted incidents only', async () => {
    const old = row(tenantId, 'Alpha', 'overridden', { EMAIL: 1 }, 200);
    await insertIncidents(t.db, [old]);
    expect(
      (await post(`/api/v1/overrides/${old.id}/comments`, { body: 'old one' }, admin)).status,
    ).toBe(201);
    expect(
      (await post(`/api/v1/overrides/${old.id}/close`, { verdict: 'justified' }, admin)).status,
    ).toBe(200);
    const r = await runRetention(t.db, NOW);
    expect(r.find((x) => x.tenantId === tenantId)).toMatchObject({ incidents: 1, reviews: 2 });
    const left = await t.db
      .selectFrom('override_comments')
      .select('incident_id')
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(left.map((c) => c.incident_id)).not.toContain(old.id);
    expect(left.map((c) => c.incident_id)).toContain(ids.card);
    const reviews = await t.db
      .selectFrom('override_reviews')
      .select('incident_id')
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(reviews.map((x) => x.incident_id)).toEqual([ids.card]);
  });
});
