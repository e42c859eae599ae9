/**
 * `POST /api/v1/visits` through `app.request()` on a real SQLite file and the real PostgreSQL:
 * counts land per (device, day, site, host), only a larger count changes a row (a replay or a
 * stale batch changes nothing, not even received_at), each device writes only into its own tenant,
 * and bad input of every kind is a 4xx that names the field. Retention removes days past the
 * period. Migration 0011 keeps every row of the table 0007 made.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type CreatedTenant } from '../admin.ts';
import { MIGRATIONS } from '../db/migrations.ts';
import { createApp } from '../app.ts';
import { silentLogger } from '../log.ts';
import { runRetention } from '../retention.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';
import { VISITS_MAX } from './visits.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const USER = 'u_test_visits_agent_0001';

function visit(over: Record<string, unknown> = {}) {
  return {
    day: '2026-11-27',
    siteId: 'chatgpt',
    host: 'chatgpt.com',
    pageClass: 'unapproved-ai',
    count: 3,
    user: USER,
    team: 'Support EMEA',
    ...over,
  };
}

describe.each(BACKENDS)('visits route on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let now = T0;
  let a: CreatedTenant;
  let b: CreatedTenant;
  let deviceA = { deviceId: '', credential: '' };
  let deviceB = { deviceId: '', credential: '' };

  async function enroll(tenant: CreatedTenant) {
    const res = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        extensionVersion: '0.1.0',
        browser: 'chrome',
      }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { deviceId: string; credential: string };
  }

  function post(credential: string, body: unknown, headers: Record<string, string> = {}) {
    return app.request('/api/v1/visits', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${credential}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  const rows = (tenantId: string) =>
    t.db
      .selectFrom('visits')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('day')
      .orderBy('site_id')
      .execute();

  beforeAll(async () => {
    t = await backend.open();
    app = createApp({ db: t.db, log: silentLogger, now: () => now, rateLimitPerMinute: 1000 });
    a = await createTenant(t.db, { name: 'Visits A', now: T0 });
    b = await createTenant(t.db, { name: 'Visits B', now: T0 });
    deviceA = await enroll(a);
    deviceB = await enroll(b);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('stores counts per device, day and site; a replay changes nothing; only a larger count is news', async () => {
    const batch = {
      records: [
        visit(),
        visit({ siteId: 'claude', host: 'claude.ai', count: 1, pageClass: 'approved-ai' }),
        visit({ day: '2026-11-28', count: 2, team: null }),
      ],
    };
    let res = await post(deviceA.credential, batch);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 3, changed: 3 });
    const first = await rows(a.tenantId);
    expect(first.map((r) => [r.day, r.site_id, Number(r.count), r.page_class, r.team])).toEqual([
      ['2026-11-27', 'chatgpt', 3, 'unapproved-ai', 'Support EMEA'],
      ['2026-11-27', 'claude', 1, 'approved-ai', 'Support EMEA'],
      ['2026-11-28', 'chatgpt', 2, 'unapproved-ai', null],
    ]);
    expect(first.every((r) => r.device_id === deviceA.deviceId && r.user_pseudonym === USER)).toBe(
      true,
    );
    // Exactly these columns: no address, path or title has anywhere to go.
    expect(Object.keys(first[0]!).sort()).toEqual(
      [
        'count',
        'day',
        'device_id',
        'host',
        'page_class',
        'received_at',
        'site_id',
        'team',
        'tenant_id',
        'user_pseudonym',
      ].sort(),
    );

    // The same batch again, later: nothing changes, not even when it was received.
    now = T0 + 60_000;
    res = await post(deviceA.credential, batch);
    expect(await res.json()).toEqual({ received: 3, changed: 0 });
    expect(await rows(a.tenantId)).toEqual(first);

    // A stale count (a batch that arrives late) is ignored; a larger one raises the row.
    res = await post(deviceA.credential, {
      records: [visit({ count: 1 }), visit({ siteId: 'claude', host: 'claude.ai', count: 5 })],
    });
    expect(await res.json()).toEqual({ received: 2, changed: 1 });
    const after = await rows(a.tenantId);
    expect(after.map((r) => Number(r.count))).toEqual([3, 5, 2]);
    expect(after[1]!.received_at).toBe(new Date(now).toISOString());
    expect(after[0]!.received_at).toBe(first[0]!.received_at);
  });

  it('keeps two hosts of one site on one day as two rows, each raised on its own', async () => {
    const day = '2026-11-26';
    const older = visit({ day, host: 'chat.openai.com', count: 1 });
    let res = await post(deviceA.credential, {
      records: [visit({ day, pageClass: 'approved-ai' }), older],
    });
    expect(await res.json()).toEqual({ received: 2, changed: 2 });
    res = await post(deviceA.credential, { records: [{ ...older, count: 2 }] });
    expect(await res.json()).toEqual({ received: 1, changed: 1 });
    const onDay = (await rows(a.tenantId)).filter((r) => r.day === day);
    expect(onDay.map((r) => [r.site_id, r.host, r.page_class, Number(r.count)]).sort()).toEqual([
      ['chatgpt', 'chat.openai.com', 'unapproved-ai', 2],
      ['chatgpt', 'chatgpt.com', 'approved-ai', 3],
    ]);
    // Out of the other tests' way: their figures are for other days.
    await t.db
      .deleteFrom('visits')
      .where('tenant_id', '=', a.tenantId)
      .where('day', '=', day)
      .execute();
  });

  it("keeps each device in its own tenant; another device's counts are its own rows", async () => {
    const res = await post(deviceB.credential, { records: [visit({ count: 9 })] });
    expect(await res.json()).toEqual({ received: 1, changed: 1 });
    const inB = await rows(b.tenantId);
    expect(inB).toHaveLength(1);
    expect(inB[0]).toMatchObject({ device_id: deviceB.deviceId, tenant_id: b.tenantId });
    // A's rows are untouched by B's larger count for the same day and site.
    expect((await rows(a.tenantId)).map((r) => Number(r.count))).toEqual([3, 5, 2]);
  });

  it('refuses bad input with a 4xx that names the field, and stores nothing', async () => {
    const before = await rows(a.tenantId);
    const cases: [unknown, number, RegExp][] = [
      ['{"records": [', 400, /not valid JSON/],
      [{ records: [] }, 400, /at least one record/],
      [{ records: [visit()], extra: 1 }, 400, /unknown field/],
      [
        { records: [visit({ url: 'https://chatgpt.com/c/1' })] },
        400,
        /records\.0\.url.*unknown field/,
      ],
      [{ records: [visit({ title: 'A chat' })] }, 400, /unknown field/],
      [
        { records: [visit({ siteId: 'zendesk' })] },
        400,
        /records\.0\.siteId.*catalogue AI site id/,
      ],
      [{ records: [visit({ siteId: 'not-a-site' })] }, 400, /catalogue AI site id/],
      [{ records: [visit({ host: 'chatgpt.com/c/1' })] }, 400, /records\.0\.host/],
      [{ records: [visit({ pageClass: 'support-tool' })] }, 400, /AI page class/],
      [{ records: [visit({ count: 0 })] }, 400, /records\.0\.count.*at least 1/],
      [{ records: [visit({ count: 1.5 })] }, 400, /whole number/],
      [{ records: [visit({ count: '3' })] }, 400, /records\.0\.count/],
      [{ records: [visit({ day: '2026-02-30' })] }, 400, /calendar day/],
      [{ records: [visit({ day: '27/11/2026' })] }, 400, /day like/],
      [{ records: [visit({ day: '2019-12-31' })] }, 400, /2020 or later/],
      [
        { records: [visit({ day: '2026-12-01' })] },
        400,
        /records\.0\.day: must not be in the future/,
      ],
      [{ records: [visit({ user: 'short' })] }, 400, /records\.0\.user/],
      [{ records: [visit({ team: 'A\u0007B' })] }, 400, /control characters/],
      [
        { records: [visit(), visit({ count: 4 })] },
        400,
        /records\.1: the same day, siteId and host as records\.0/,
      ],
      [
        { records: Array.from({ length: VISITS_MAX + 1 }, (_, i) => visit({ count: i + 1 })) },
        400,
        /at most 500 records/,
      ],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(deviceA.credential, body);
      const text = await res.text();
      expect(res.status, text).toBe(status);
      expect(text, JSON.stringify(body).slice(0, 200)).toMatch(message);
    }
    // Not JSON at all, and no credential.
    const form = await post(deviceA.credential, 'a=1', { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
    const anonymous = await app.request('/api/v1/visits', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ records: [visit()] }),
    });
    expect(anonymous.status).toBe(401);
    expect(await rows(a.tenantId)).toEqual(before);
  });

  it('answers a device over its rate limit with 429 and Retry-After', async () => {
    const strict = createApp({
      db: t.db,
      log: silentLogger,
      now: () => now,
      rateLimitPerMinute: 2,
    });
    const send = () =>
      strict.request('/api/v1/visits', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${deviceB.credential}`,
        },
        body: JSON.stringify({ records: [visit({ count: 9 })] }),
      });
    now = T0 + 10 * 60_000;
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets retention delete visit days before the period, and keeps the rest', async () => {
    // B keeps 180 days by default: at T0 + 200 days, B's day of 2026-11-27 is past it; A's rows too.
    const later = T0 + 200 * 86_400_000;
    now = later;
    await post(deviceB.credential, { records: [visit({ day: '2027-06-10', count: 1 })] });
    const r = await runRetention(t.db, later);
    expect(r.find((x) => x.tenantId === b.tenantId)).toMatchObject({ visits: 1 });
    expect(r.find((x) => x.tenantId === a.tenantId)).toMatchObject({ visits: 3 });
    expect((await rows(b.tenantId)).map((x) => x.day)).toEqual(['2027-06-10']);
    expect(await rows(a.tenantId)).toEqual([]);
  });
});

describe.each(BACKENDS)('migration 0011_visits_by_host on $name', (backend) => {
  let t: TestDb;
  afterAll(async () => {
    await t?.drop();
  });

  it('keeps every row of the table 0007 made, and then takes a second host of a site and day', async () => {
    t = await backend.open();
    const tenant = await createTenant(t.db, { name: 'Visits migration', now: T0 });
    // The table as 0007 made it (keyed by site alone), holding what an older release stored.
    const db = t.db as unknown as Kysely<unknown>;
    await db.schema.dropTable('visits').execute();
    await MIGRATIONS['0007_visits']!.up(db);
    const old = [
      ['2026-11-27', 'chatgpt', 'chat.openai.com', 'unapproved-ai', 3, 'Support EMEA'],
      ['2026-11-27', 'claude', 'claude.ai', 'approved-ai', 1, null],
      ['2026-11-28', 'chatgpt', 'chatgpt.com', 'approved-ai', 2, 'Support EMEA'],
    ] as const;
    await t.db
      .insertInto('visits')
      .values(
        old.map(([day, site, host, pageClass, count, team]) => ({
          tenant_id: tenant.tenantId,
          device_id: 'device-1',
          day,
          site_id: site,
          host,
          page_class: pageClass,
          user_pseudonym: USER,
          team,
          count,
          received_at: new Date(T0).toISOString(),
        })),
      )
      .execute();
    const before = await t.db
      .selectFrom('visits')
      .selectAll()
      .orderBy('day')
      .orderBy('site_id')
      .execute();

    await MIGRATIONS['0011_visits_by_host']!.up(db);
    expect(
      await t.db.selectFrom('visits').selectAll().orderBy('day').orderBy('site_id').execute(),
    ).toEqual(before);
    // The other host of ChatGPT on the first day is a row of its own now.
    await t.db
      .insertInto('visits')
      .values({ ...before[0]!, host: 'chatgpt.com', count: 5 })
      .execute();
    const chatgpt = await t.db
      .selectFrom('visits')
      .select(['host', 'count'])
      .where('day', '=', '2026-11-27')
      .where('site_id', '=', 'chatgpt')
      .execute();
    expect(chatgpt.map((r) => [r.host, Number(r.count)]).sort()).toEqual([
      ['chat.openai.com', 3],
      ['chatgpt.com', 5],
    ]);
    // The same host twice is still one row.
    await expect(
      t.db
        .insertInto('visits')
        .values({ ...before[0]!, count: 9 })
        .execute(),
    ).rejects.toThrow();
    // The period index is back under its name, on the new table.
    const indexes =
      backend.name === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master
            where type = 'index' and tbl_name = 'visits' and name = 'visits_tenant_day'`.execute(
            t.db,
          )
        : await sql<{ name: string }>`select indexname as name from pg_indexes
            where schemaname = current_schema() and tablename = 'visits'
            and indexname = 'visits_tenant_day'`.execute(t.db);
    expect(indexes.rows).toEqual([{ name: 'visits_tenant_day' }]);
  });
});
