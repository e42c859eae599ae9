/**
 * Summaries against a real SQLite file and the real PostgreSQL: figures from the rollups match a
 * plain recount of the generated incidents, k-anonymity hides every team under k (also against
 * differencing a team view with the total and two scopes with each other), and a manager sees
 * only their teams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './admin.ts';
import type { IncidentTable } from './db/schema.ts';
import {
  byPerson,
  byTeam,
  incidentLevel,
  overview,
  previousPeriod,
  protectGroups,
  rebuildRollups,
  refreshRollups,
  setMinGroupSize,
  type Period,
  type Viewer,
} from './summary.ts';
import { fakeUser, incidentRow, insertIncidents, seeded } from './test-data.ts';
import { BACKENDS, type TestDb } from './test-util.ts';

const DAY = 86_400_000;
const T_END = Date.UTC(2026, 10, 28); // the last day of the period, 2026-11-28
/** Team -> number of users: Gamma has k-1 = 4 users, Delta 1, no team 2. */
const TEAMS: [string | null, number][] = [
  ['Alpha', 6],
  ['Beta', 5],
  ['Gamma', 4],
  ['Delta', 1],
  [null, 2],
];
const PERIOD: Period = { from: '2026-11-22', to: '2026-11-28' };

function generate(tenantId: string): IncidentTable[] {
  const rnd = seeded(42);
  const rows: IncidentTable[] = [];
  for (const [team, n] of TEAMS) {
    for (let u = 0; u < n; u++) {
      const user = fakeUser(team ?? 'none', u);
      for (let d = 0; d < 14; d++) {
        const perDay = Math.floor(rnd() * 4);
        for (let i = 0; i < perDay; i++) {
          const time = T_END - d * DAY + Math.floor(rnd() * DAY);
          rows.push(incidentRow(tenantId, rnd, { time, user, team }));
        }
      }
    }
  }
  return rows;
}

const inPeriod = (r: IncidentTable, p: Period) =>
  r.time.slice(0, 10) >= p.from && r.time.slice(0, 10) <= p.to;

/** The reference: counts straight from the rows. */
function recount(rows: IncidentTable[], p: Period, teams?: string[]) {
  const sel = rows.filter((r) => inPeriod(r, p) && (!teams || teams.includes(r.team ?? '')));
  const by = (f: (r: IncidentTable) => string[]) => {
    const m = new Map<string, number>();
    for (const r of sel) for (const k of f(r)) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const types = (r: IncidentTable) => Object.keys(JSON.parse(r.counts) as object);
  return {
    incidents: sel.length,
    items: sel.reduce((a, r) => a + r.total, 0),
    type: by(types),
    level: by((r) => [incidentLevel(types(r))]),
    site: by((r) => [r.site_id ?? r.host]),
    action: by((r) => [r.action]),
    channel: by((r) => [r.channel]),
    perDay: by((r) => [r.time.slice(0, 10)]),
    users: (team: string | null) =>
      new Set(sel.filter((r) => r.team === team).map((r) => r.user_pseudonym)),
  };
}

const asMap = (rows: { key: string; incidents: number }[]) =>
  new Map(rows.map((r) => [r.key, r.incidents]));

describe.each(BACKENDS)('summaries on $name', (backend) => {
  let t: TestDb;
  let tenantId: string;
  let rows: IncidentTable[];
  const admin = (): Viewer => ({ tenantId, role: 'admin', teams: [] });
  const manager = (...teams: string[]): Viewer => ({ tenantId, role: 'manager', teams });

  beforeAll(async () => {
    t = await backend.open();
    tenantId = (await createTenant(t.db, { name: 'Summary Co', now: T_END })).tenantId;
    rows = generate(tenantId);
    await insertIncidents(t.db, rows);
    const other = (await createTenant(t.db, { name: 'Other Co', now: T_END })).tenantId;
    await insertIncidents(t.db, generate(other));
    const r = await refreshRollups(t.db, T_END + DAY);
    expect(r.days).toBe(28); // 14 days for each of two tenants
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('overview figures match a recount, per dimension, per day and for the previous period', async () => {
    const o = await overview(t.db, admin(), PERIOD, 'day');
    const ref = recount(rows, PERIOD);
    const prevRef = recount(rows, previousPeriod(PERIOD));
    expect(o.suppressed).toBe(false);
    expect(o.total).toEqual({ incidents: ref.incidents, items: ref.items });
    expect(o.previousTotal).toEqual({ incidents: prevRef.incidents, items: prevRef.items });
    expect(asMap(o.breakdown.type)).toEqual(ref.type);
    expect(asMap(o.breakdown.level)).toEqual(ref.level);
    expect(asMap(o.breakdown.site)).toEqual(ref.site);
    expect(asMap(o.breakdown.action)).toEqual(ref.action);
    expect(asMap(o.breakdown.channel)).toEqual(ref.channel);
    for (const r of o.breakdown.type) expect(r.previous).toBe(prevRef.type.get(r.key) ?? 0);
    expect(o.series).toHaveLength(7);
    for (const s of o.series) {
      expect(s.incidents).toBe(ref.perDay.get(s.start) ?? 0);
      const prevDay = new Date(Date.parse(s.start) - 7 * DAY).toISOString().slice(0, 10);
      expect(s.previous).toBe(prevRef.perDay.get(prevDay) ?? 0);
    }
    // Top AI sites come first.
    const top = o.breakdown.site.map((s) => s.incidents);
    expect(top).toEqual([...top].sort((a, b) => b - a));
  });

  it('weekly buckets sum the days', async () => {
    const p = { from: '2026-11-15', to: '2026-11-28' };
    const o = await overview(t.db, admin(), p, 'week');
    const ref = recount(rows, p);
    expect(o.series.map((s) => s.start)).toEqual(['2026-11-15', '2026-11-22']);
    expect(o.series[0]!.incidents).toBe(
      recount(rows, { from: p.from, to: '2026-11-21' }).incidents,
    );
    expect(o.series[0]!.incidents + o.series[1]!.incidents).toBe(ref.incidents);
  });

  it('shows no team with fewer than k users, and the merged rest always holds k', async () => {
    const s = await byTeam(t.db, admin(), PERIOD);
    const ref = recount(rows, PERIOD);
    expect(s.k).toBe(5);
    expect(s.teams.map((x) => x.team).sort()).toEqual(['Alpha', 'Beta']);
    for (const team of s.teams) expect(ref.users(team.team).size).toBeGreaterThanOrEqual(5);
    // Gamma (4 users), Delta (1) and no team (2) are merged: 7 users, at least k.
    expect(s.other).toMatchObject({ groups: 3, users: 7 });
    // Differencing the total with the shown teams gives "other" (7 users), never a small team.
    const total = s.teams.reduce((a, x) => a + x.incidents, 0) + s.other!.incidents;
    expect(total).toBe(ref.incidents);
    expect(JSON.stringify(s)).not.toContain('Gamma');
    expect(JSON.stringify(s)).not.toContain('Delta');
  });

  it('merges the next-smallest team when the small ones hold fewer than k (k = 6)', async () => {
    await setMinGroupSize(t.db, tenantId, 6);
    try {
      // A manager of Alpha (6), Beta (5) and Delta (1): Beta and Delta are under 6, together 6.
      const s = await byTeam(t.db, manager('Alpha', 'Beta', 'Delta'), PERIOD);
      expect(s.teams.map((x) => x.team)).toEqual(['Alpha']);
      expect(s.other).toMatchObject({ groups: 2, users: 6 });
      // A manager of Alpha and Delta: Delta alone would be 1 user, so Alpha joins it.
      const s2 = await byTeam(t.db, manager('Alpha', 'Delta'), PERIOD);
      expect(s2.teams).toEqual([]);
      expect(s2.other).toMatchObject({ groups: 2, users: 7 });
      // The same manager's overview is the sum of both; Delta is never isolated.
      const o = await overview(t.db, manager('Alpha', 'Delta'), PERIOD, 'day');
      expect(o.total!.incidents).toBe(s2.other!.incidents);
    } finally {
      await setMinGroupSize(t.db, tenantId, 5);
    }
  });

  it('withholds everything when the scope holds fewer than k users', async () => {
    const o = await overview(t.db, manager('Gamma'), PERIOD, 'day');
    expect(o.suppressed).toBe(true);
    expect(o.total).toBeNull();
    expect(o.series).toEqual([]);
    expect(Object.values(o.breakdown).flat()).toEqual([]);
    const s = await byTeam(t.db, manager('Gamma'), PERIOD);
    expect(s).toMatchObject({ teams: [], other: null, withheldTeams: 1 });
    // Gamma (4) and Delta (1) together reach k = 5: shown merged, never apart.
    const s2 = await byTeam(t.db, manager('Gamma', 'Delta'), PERIOD);
    expect(s2).toMatchObject({ teams: [], other: { groups: 2, users: 5 }, withheldTeams: 0 });
    const p = await byPerson(t.db, manager('Gamma'), PERIOD);
    expect(p).toMatchObject({ people: [], other: null, withheldUsers: 4 });
    // A manager with no teams sees nothing at all.
    expect((await overview(t.db, manager(), PERIOD, 'day')).suppressed).toBe(true);
  });

  it('a manager sees only their teams', async () => {
    const o = await overview(t.db, manager('Beta'), PERIOD, 'day');
    const ref = recount(rows, PERIOD, ['Beta']);
    expect(o.teams).toEqual(['Beta']);
    expect(o.total).toEqual({ incidents: ref.incidents, items: ref.items });
    expect(asMap(o.breakdown.type)).toEqual(ref.type);
    const s = await byTeam(t.db, manager('Beta'), PERIOD);
    expect(s.teams.map((x) => x.team)).toEqual(['Beta']);
    const p = await byPerson(t.db, manager('Beta'), PERIOD);
    expect(new Set(p.people.map((x) => x.team))).toEqual(new Set(['Beta']));
    expect(p.people).toHaveLength(5);
  });

  it('lists persons only from teams shown by name', async () => {
    const p = await byPerson(t.db, admin(), PERIOD);
    const ref = recount(rows, PERIOD);
    expect(new Set(p.people.map((x) => x.team))).toEqual(new Set(['Alpha', 'Beta']));
    expect(p.people).toHaveLength(11);
    expect(p.other).toMatchObject({ users: 7 });
    for (const person of p.people) {
      const mine = rows.filter((r) => inPeriod(r, PERIOD) && r.user_pseudonym === person.user);
      expect(person.incidents).toBe(mine.length);
    }
    expect(p.people.reduce((a, x) => a + x.incidents, 0) + p.other!.incidents).toBe(ref.incidents);
    const text = JSON.stringify(p);
    for (const [team, n] of TEAMS.slice(2)) {
      for (let u = 0; u < n; u++) expect(text).not.toContain(fakeUser(team ?? 'none', u));
    }
  });

  it('k-anonymity holds for every scope and k (checked against the true user sets)', async () => {
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta'];
    const ref = recount(rows, PERIOD);
    for (const k of [2, 3, 5, 7, 20]) {
      await setMinGroupSize(t.db, tenantId, k);
      for (let mask = 1; mask < 16; mask++) {
        const teams = names.filter((_, i) => mask & (1 << i));
        const s = await byTeam(t.db, manager(...teams), PERIOD);
        for (const row of s.teams) expect(ref.users(row.team).size).toBeGreaterThanOrEqual(k);
        if (s.other) expect(s.other.users).toBeGreaterThanOrEqual(k);
        const o = await overview(t.db, manager(...teams), PERIOD, 'day');
        const scopeUsers = teams.reduce((a, x) => a + ref.users(x).size, 0);
        expect(o.suppressed).toBe(scopeUsers < k);
      }
    }
    await setMinGroupSize(t.db, tenantId, 5);
  });

  it('rollups pick up late batches and forget erased records', async () => {
    const rnd = seeded(7);
    const user = fakeUser('Alpha', 0);
    // Received just before the last refresh's watermark (a transaction that committed late).
    const late = incidentRow(tenantId, rnd, {
      time: T_END + 3600_000,
      user,
      team: 'Alpha',
      receivedAt: T_END + DAY - 60_000,
    });
    await insertIncidents(t.db, [late]);
    const before = (await overview(t.db, admin(), PERIOD, 'day')).total!.incidents;
    await refreshRollups(t.db, T_END + DAY + 120_000);
    expect((await overview(t.db, admin(), PERIOD, 'day')).total!.incidents).toBe(before + 1);
    // Erasure: the user's incidents are deleted, then the tenant's rollups rebuilt.
    await t.db
      .deleteFrom('incidents')
      .where('tenant_id', '=', tenantId)
      .where('user_pseudonym', '=', user)
      .execute();
    await rebuildRollups(t.db, tenantId);
    const left = await t.db
      .selectFrom('rollup_user_day')
      .select('day')
      .where('tenant_id', '=', tenantId)
      .where('user_pseudonym', '=', user)
      .execute();
    expect(left).toEqual([]);
    rows = rows.filter((r) => r.user_pseudonym !== user);
    expect((await overview(t.db, admin(), PERIOD, 'day')).total!.incidents).toBe(
      recount(rows, PERIOD).incidents,
    );
  });

  it('drops rollups and anomalies of days before the retention period', async () => {
    await t.db
      .updateTable('tenants')
      .set({ retention_days: 3 })
      .where('id', '=', tenantId)
      .execute();
    await refreshRollups(t.db, T_END + DAY);
    for (const table of ['rollup_user_day', 'rollup_dim_day'] as const) {
      const old = await t.db
        .selectFrom(table)
        .select('day')
        .where('tenant_id', '=', tenantId)
        .where('day', '<', '2026-11-26')
        .execute();
      expect(old).toEqual([]);
    }
    const kept = await t.db
      .selectFrom('rollup_user_day')
      .select('day')
      .distinct()
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(kept.map((r) => r.day).sort()).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
  });
});

describe('protectGroups', () => {
  const g = (sizes: Record<string, number>) =>
    new Map(
      Object.entries(sizes).map(([name, n]) => [
        name,
        new Set(Array.from({ length: n }, (_, i) => `${name}${i}`)),
      ]),
    );
  it('shows groups of k, merges smaller ones, and pulls in the smallest shown to reach k', () => {
    expect(protectGroups(g({ a: 5, b: 9 }), 5)).toEqual({
      shown: ['a', 'b'],
      merged: [],
      withheld: [],
    });
    expect(protectGroups(g({ a: 5, b: 9, c: 2, d: 3 }), 5)).toEqual({
      shown: ['a', 'b'],
      merged: ['c', 'd'],
      withheld: [],
    });
    expect(protectGroups(g({ a: 5, b: 9, c: 2 }), 5)).toEqual({
      shown: ['b'],
      merged: ['c', 'a'],
      withheld: [],
    });
    expect(protectGroups(g({ c: 2, d: 1 }), 5)).toEqual({
      shown: [],
      merged: [],
      withheld: ['d', 'c'],
    });
  });
});
