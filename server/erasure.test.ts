/**
 * Erasure on a real SQLite file and the real PostgreSQL: one pseudonym's records go from every
 * table that keys by pseudonym, nobody else's (not even the same pseudonym in another tenant),
 * and the audit entry names only the pseudonym's hash. Through the API: admins only, CSRF token
 * required, bad input 400, and the audit routes list and verify the tenant's chain.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './admin.ts';
import { listAudit, verifyAudit } from './audit.ts';
import { createApp } from './app.ts';
import { randomSecret, sha256Hex } from './crypto.ts';
import type { Db } from './db/index.ts';
import type { IncidentTable } from './db/schema.ts';
import { ERASABLE_TABLES, eraseUser } from './erasure.ts';
import { silentLogger } from './log.ts';
import { csrfTokenFor, SESSION_COOKIE, type Role } from './session.ts';
import { BACKENDS, type TestDb } from './test-util.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const ALICE = 'u_test_erasure_alice_0001';
const BOB = 'u_test_erasure_bob_00002';

function incident(tenantId: string, user: string, i: number): IncidentTable {
  const at = new Date(NOW - (i + 1) * 60_000).toISOString();
  return {
    tenant_id: tenantId,
    id: randomUUID(),
    device_id: 'device-test',
    time: at,
    site_id: null,
    host: 'chat.example.com',
    page_class: 'unapproved-ai',
    channel: 'paste',
    action: 'mask',
    outcome: 'masked',
    counts: '{"EMAIL":1}',
    total: 1,
    policy_version: 1,
    extension_version: '0.1.0',
    user_pseudonym: user,
    team: 'Team Test',
    reason: null,
    received_at: at,
  };
}

/** A dashboard user with a live session; returns the cookie and CSRF headers. */
async function signedIn(db: Db, tenantId: string, role: Role) {
  const userId = randomUUID();
  const iso = new Date(NOW).toISOString();
  await db
    .insertInto('users')
    .values({
      id: userId,
      tenant_id: tenantId,
      email: `${role}-${userId.slice(0, 8)}@example.test`,
      role,
      teams: '[]',
      password_hash: 'not-a-real-hash',
      totp_secret: null,
      totp_last_step: null,
      created_at: iso,
      password_changed_at: iso,
      revoked_at: null,
    })
    .execute();
  const sid = randomSecret(32);
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256Hex(sid),
      tenant_id: tenantId,
      user_id: userId,
      created_at: iso,
      last_seen_at: iso,
      expires_at: new Date(NOW + 3_600_000).toISOString(),
      revoked_at: null,
    })
    .execute();
  return {
    userId,
    headers: { cookie: `${SESSION_COOKIE}=${sid}`, 'x-csrf-token': csrfTokenFor(sid) },
  };
}

/** `tenant user` -> the incident whose review and comments `seed` wrote. */
const reviewed = new Map<string, string>();

/** Puts ALICE and BOB rows into every pseudonym-keyed table of `tenantId`. */
async function seed(db: Db, tenantId: string, grantor: string) {
  for (const user of [ALICE, BOB]) {
    await db
      .insertInto('incidents')
      .values([0, 1, 2].map((i) => incident(tenantId, user, i)))
      .execute();
    await db
      .insertInto('rollup_user_day')
      .values({
        tenant_id: tenantId,
        day: '2026-11-28',
        team: 'Team Test',
        user_pseudonym: user,
        incidents: 3,
        items: 3,
      })
      .execute();
    await db
      .insertInto('rollup_site_user_day')
      .values({
        tenant_id: tenantId,
        day: '2026-11-28',
        page_class: 'unapproved-ai',
        site: 'claude',
        team: 'Team Test',
        user_pseudonym: user,
        incidents: 3,
      })
      .execute();
    await db
      .insertInto('anomalies')
      .values({
        tenant_id: tenantId,
        day: '2026-11-28',
        kind: 'person',
        subject: user,
        team: 'Team Test',
        count: 3,
        baseline_median: 0,
        threshold: 2,
        detected_at: new Date(NOW).toISOString(),
      })
      .execute();
    await db
      .insertInto('reveal_grants')
      .values({
        id: randomUUID(),
        tenant_id: tenantId,
        user_id: grantor,
        pseudonym: user,
        created_at: new Date(NOW).toISOString(),
        expires_at: new Date(NOW + 60_000).toISOString(),
      })
      .execute();
    await db
      .insertInto('visits')
      .values(
        ['chatgpt', 'claude'].map((site) => ({
          tenant_id: tenantId,
          device_id: `device-${user}`,
          day: '2026-11-28',
          site_id: site,
          host: `${site}.example.com`,
          page_class: 'unapproved-ai',
          user_pseudonym: user,
          team: 'Team Test',
          count: 4,
          received_at: new Date(NOW).toISOString(),
        })),
      )
      .execute();
    // Reviews and comments on the person's first decision, and a coaching note about them.
    const first = await db
      .selectFrom('incidents')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('user_pseudonym', '=', user)
      .orderBy('time')
      .executeTakeFirstOrThrow();
    reviewed.set(`${tenantId} ${user}`, first.id);
    const at = new Date(NOW).toISOString();
    await db
      .insertInto('override_reviews')
      .values({
        tenant_id: tenantId,
        incident_id: first.id,
        status: 'closed',
        closed_by: `user:${grantor}`,
        closed_at: at,
        verdict: 'coached',
      })
      .execute();
    await db
      .insertInto('override_comments')
      .values(
        ['Talked it through.', 'Closed.'].map((body) => ({
          id: randomUUID(),
          tenant_id: tenantId,
          incident_id: first.id,
          author: `user:${grantor}`,
          created_at: at,
          body,
        })),
      )
      .execute();
    await db
      .insertInto('coaching_notes')
      .values({
        id: randomUUID(),
        tenant_id: tenantId,
        team: 'Team Test',
        pseudonym: user,
        day: '2026-11-28',
        note: 'One-to-one.',
        author: `user:${grantor}`,
        created_at: at,
      })
      .execute();
  }
}

async function countFor(db: Db, tenantId: string, user: string): Promise<Record<string, number>> {
  const n = async (q: Promise<{ n: string | number | bigint }>) => Number((await q).n);
  return {
    incidents: await n(
      db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('user_pseudonym', '=', user)
        .executeTakeFirstOrThrow(),
    ),
    rollup_user_day: await n(
      db
        .selectFrom('rollup_user_day')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('user_pseudonym', '=', user)
        .executeTakeFirstOrThrow(),
    ),
    rollup_site_user_day: await n(
      db
        .selectFrom('rollup_site_user_day')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('user_pseudonym', '=', user)
        .executeTakeFirstOrThrow(),
    ),
    anomalies: await n(
      db
        .selectFrom('anomalies')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('subject', '=', user)
        .executeTakeFirstOrThrow(),
    ),
    reveal_grants: await n(
      db
        .selectFrom('reveal_grants')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('pseudonym', '=', user)
        .executeTakeFirstOrThrow(),
    ),
    visits: await n(
      db
        .selectFrom('visits')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('user_pseudonym', '=', user)
        .executeTakeFirstOrThrow(),
    ),
    override_reviews: await n(
      db
        .selectFrom('override_reviews')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('incident_id', '=', reviewed.get(`${tenantId} ${user}`) ?? '')
        .executeTakeFirstOrThrow(),
    ),
    override_comments: await n(
      db
        .selectFrom('override_comments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('incident_id', '=', reviewed.get(`${tenantId} ${user}`) ?? '')
        .executeTakeFirstOrThrow(),
    ),
    coaching_notes: await n(
      db
        .selectFrom('coaching_notes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('pseudonym', '=', user)
        .executeTakeFirstOrThrow(),
    ),
  };
}

const SEEDED = {
  incidents: 3,
  rollup_user_day: 1,
  rollup_site_user_day: 1,
  anomalies: 1,
  reveal_grants: 1,
  visits: 2,
};
const NONE = {
  incidents: 0,
  rollup_user_day: 0,
  rollup_site_user_day: 0,
  anomalies: 0,
  reveal_grants: 0,
  visits: 0,
};
// Override reviews and comments (overrides.ts) and coaching notes (teams.ts), since 0008.
Object.assign(SEEDED, { override_reviews: 1, override_comments: 2, coaching_notes: 1 });
Object.assign(NONE, { override_reviews: 0, override_comments: 0, coaching_notes: 0 });

describe.each(BACKENDS)('erasure on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await backend.open();
    app = createApp({ db: t.db, log: silentLogger, now: () => NOW, rateLimitPerMinute: 100 });
  });
  afterAll(() => t.drop());

  it('removes exactly one pseudonym of one tenant, and audits only its hash', async () => {
    const a = (await createTenant(t.db, { name: 'Erasure A', now: NOW })).tenantId;
    const b = (await createTenant(t.db, { name: 'Erasure B', now: NOW })).tenantId;
    const adminA = await signedIn(t.db, a, 'admin');
    const adminB = await signedIn(t.db, b, 'admin');
    await seed(t.db, a, adminA.userId);
    await seed(t.db, b, adminB.userId);
    expect(Object.keys(SEEDED).sort()).toEqual([...ERASABLE_TABLES].sort());

    const r = await eraseUser(t.db, a, ALICE, { actor: 'cli:tester', now: NOW });
    expect(r.deleted).toEqual(SEEDED);
    expect(await countFor(t.db, a, ALICE)).toEqual(NONE);
    expect(await countFor(t.db, a, BOB)).toEqual(SEEDED);
    expect(await countFor(t.db, b, ALICE)).toEqual(SEEDED);

    const [entry] = await listAudit(t.db, a, { limit: 1 });
    expect(entry).toMatchObject({
      seq: r.auditSeq,
      action: 'user.erase',
      actor: 'cli:tester',
      target: `pseudonym-sha256:${sha256Hex(ALICE)}`,
      details: SEEDED,
    });
    expect(JSON.stringify(entry)).not.toContain(ALICE);
    expect(await verifyAudit(t.db, a)).toMatchObject({ ok: true });

    // Again: nothing left, still audited (a request is on record either way).
    const again = await eraseUser(t.db, a, ALICE, { actor: 'cli:tester', now: NOW });
    expect(again.deleted).toEqual(NONE);
    expect(again.auditSeq).toBe(r.auditSeq + 1);
  });

  it('refuses a malformed pseudonym or unknown tenant without touching anything', async () => {
    const a = (await createTenant(t.db, { name: 'Erasure bad', now: NOW })).tenantId;
    await expect(eraseUser(t.db, a, 'short', { actor: 'x', now: NOW })).rejects.toThrow(
      /pseudonym: must be a user pseudonym/,
    );
    await expect(eraseUser(t.db, 'no-such', ALICE, { actor: 'x', now: NOW })).rejects.toThrow(
      /no tenant/,
    );
    expect(await verifyAudit(t.db, a)).toMatchObject({ ok: true, entries: 1 });
  });

  it('through the API: admins erase in their own tenant; others are refused', async () => {
    const a = (await createTenant(t.db, { name: 'Erasure API', now: NOW })).tenantId;
    const other = (await createTenant(t.db, { name: 'Erasure other', now: NOW })).tenantId;
    const admin = await signedIn(t.db, a, 'admin');
    const auditor = await signedIn(t.db, a, 'auditor');
    const manager = await signedIn(t.db, a, 'manager');
    const otherAdmin = await signedIn(t.db, other, 'admin');
    await seed(t.db, a, admin.userId);
    await seed(t.db, other, otherAdmin.userId);
    const post = (headers: Record<string, string>, body: unknown) =>
      app.request('/api/v1/erasure', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    expect((await post({}, { pseudonym: ALICE })).status).toBe(401);
    expect((await post(auditor.headers, { pseudonym: ALICE })).status).toBe(403);
    expect((await post(manager.headers, { pseudonym: ALICE })).status).toBe(403);
    const noCsrf = await post({ cookie: admin.headers.cookie }, { pseudonym: ALICE });
    expect(noCsrf.status).toBe(403);
    for (const bad of [
      '{',
      { pseudonym: 'x' },
      { pseudonym: ALICE, name: 'Jane' },
      { pseudonym: 7 },
    ]) {
      const res = await post(admin.headers, bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBeTruthy();
    }
    expect(await countFor(t.db, a, ALICE)).toEqual(SEEDED);

    const ok = await post(admin.headers, { pseudonym: ALICE });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ pseudonymHash: sha256Hex(ALICE), deleted: SEEDED });
    expect(await countFor(t.db, a, ALICE)).toEqual(NONE);
    expect(await countFor(t.db, other, ALICE)).toEqual(SEEDED);

    // The audit routes: auditors and admins read and verify; managers may not; own tenant only.
    const list = await app.request('/api/v1/audit?limit=2', { headers: auditor.headers });
    expect(list.status).toBe(200);
    const { entries } = (await list.json()) as { entries: { action: string; actor: string }[] };
    expect(entries[0]).toMatchObject({ action: 'user.erase', actor: `user:${admin.userId}` });
    expect(entries).toHaveLength(2);
    const verify = await app.request('/api/v1/audit/verify', { headers: admin.headers });
    expect(await verify.json()).toMatchObject({ ok: true });
    expect((await app.request('/api/v1/audit', { headers: manager.headers })).status).toBe(403);
    for (const q of ['limit=0', 'limit=abc', 'before=-1', 'tenant=x']) {
      expect((await app.request(`/api/v1/audit?${q}`, { headers: admin.headers })).status).toBe(
        400,
      );
    }
    const theirs = await app.request('/api/v1/audit', { headers: otherAdmin.headers });
    const theirEntries = ((await theirs.json()) as { entries: { tenantId: string }[] }).entries;
    expect(theirEntries.every((e) => e.tenantId === other)).toBe(true);
  });
});
