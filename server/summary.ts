/**
 * Summaries for the dashboard (issue 6 shows them): incidents over time and by type, level, site,
 * action, outcome, channel and page class against the previous period, and by team and by person
 * (pseudonym), with k-anonymity.
 *
 * Summaries read daily rollups, never the incidents table: `rollup_user_day` (incidents per
 * pseudonym, team and day) and `rollup_dim_day` (incidents per dimension value, team and day). A
 * tenant with 10 million incidents over 180 days has about a hundred thousand rollup rows, so a
 * dashboard query reads thousands of rows, not millions (issue 5: p95 under 100 ms through
 * rollups; `npm run bench:server` measures it). Rollups are rebuilt a whole tenant-day at a time
 * from the incidents, so rebuilding is idempotent and two instances doing it agree; the scheduled
 * job `refreshRollups` rebuilds the days touched by incidents that arrived since its watermark.
 *
 * K-anonymity (issue 5, "small groups are hidden"): a team is shown by name only when at least k
 * distinct users (tenant setting `min_group_size`, default 5) had incidents in it in the period.
 * Smaller teams are merged into one "other" group; when "other" would still hold fewer than k
 * users, the next-smallest shown teams join it until it holds k (complementary suppression), so
 * the tenant total minus the shown teams never isolates a small group. If the whole scope has
 * fewer than k users, nothing is shown and the answer says so. Persons (pseudonyms) are listed
 * only inside teams that are shown by name; everyone else is one "other" row under the same rule.
 */
import { LEVELS, TYPE_INFO, isEntityType } from '@/rules/types.ts';
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './db/index.ts';
import type { Job } from './jobs.ts';

/** The dimensions a summary breaks incidents down by. */
export const DIMENSIONS = [
  'type',
  'level',
  'site',
  'action',
  'outcome',
  'channel',
  'pageClass',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Who is asking: admins and auditors see the whole tenant, a manager only their teams. */
export interface Viewer {
  tenantId: string;
  role: 'admin' | 'manager' | 'auditor';
  teams: readonly string[];
}

/** Whole UTC days, both ends included, as YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

/** The longest period a summary covers. */
export const PERIOD_MAX_DAYS = 366;
/** The k used when a tenant row has none (it always has: the column defaults to 5). */
export const DEFAULT_MIN_GROUP_SIZE = 5;
/** Rollups are rebuilt for incidents that arrived this long before the watermark too. */
const REFRESH_OVERLAP_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
const ROLLUP_STATE = 'rollup';
/** The row whose lock serialises rollup rebuilds. */
const ROLLUP_LOCK = 'rollup-lock';

const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Days from `from` to `to`, both included. */
export const periodDays = (p: Period) => Math.round((dayMs(p.to) - dayMs(p.from)) / DAY_MS) + 1;

/** The period of the same length that ends the day before `p` starts. */
export function previousPeriod(p: Period): Period {
  const n = periodDays(p);
  return { from: dayOf(dayMs(p.from) - n * DAY_MS), to: dayOf(dayMs(p.from) - DAY_MS) };
}

/** Null when valid, else why not (for a 400). */
export function periodProblem(p: Period): string | null {
  for (const d of [p.from, p.to]) {
    const ms = dayMs(d);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(ms) || dayOf(ms) !== d) {
      return `${d} is not a day like 2026-11-28`;
    }
  }
  if (p.from > p.to) return 'from must not be after to';
  if (periodDays(p) > PERIOD_MAX_DAYS) return `a period covers at most ${PERIOD_MAX_DAYS} days`;
  return null;
}

// --- Rollups --------------------------------------------------------------------------------

const levelRank = new Map<string, number>(LEVELS.map((l, i) => [l, i]));

/** The highest classification level among an incident's types ('NONE' when it has none). */
export function incidentLevel(types: Iterable<string>): string {
  let best = -1;
  for (const t of types) {
    if (!isEntityType(t)) continue;
    best = Math.max(best, levelRank.get(TYPE_INFO[t].level) ?? -1);
  }
  return best < 0 ? 'NONE' : LEVELS[best]!;
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

// The rank of each entity type's level, as a SQL CASE over a type name. Type names are fixed
// identifiers from rules/types.ts (checked below), so inlining them as literals is safe.
const RANK_CASE = (key: string) =>
  `CASE ${key} ${Object.entries(TYPE_INFO)
    .map(([type, info]) => {
      if (!/^[A-Z_]+$/.test(type)) throw new Error(`unexpected entity type name ${type}`);
      return `WHEN '${type}' THEN ${levelRank.get(info.level)}`;
    })
    .join(' ')} END`;
const LEVEL_CASE = (rank: string) =>
  `CASE ${rank} ${LEVELS.map((l, i) => `WHEN ${i} THEN '${l}'`).join(' ')} ELSE 'NONE' END`;

/** Every table rollupDay fills; each is keyed by tenant and day. */
const ROLLUP_TABLES = ['rollup_user_day', 'rollup_dim_day', 'rollup_site_user_day'] as const;

/** The simple dimensions: a column (or expression) of the incident each. */
const COLUMN_DIMS: [dim: string, expr: string][] = [
  ['all', "''"],
  ['site', 'coalesce(site_id, host)'],
  ['action', 'action'],
  ['outcome', 'outcome'],
  ['channel', 'channel'],
  ['pageClass', 'page_class'],
];

/**
 * Rebuilds one tenant-day of rollups from its incidents, in one transaction: the rows for that
 * day are replaced whole, so rebuilding twice gives the same rows. The aggregation runs inside
 * the database (INSERT ... SELECT ... GROUP BY; entity types through SQLite's `json_each` or
 * PostgreSQL's `json_each_text`), so a day of 55,000 incidents never crosses into JavaScript.
 * Rebuilds are serialised by a lock row, so two instances rebuilding one day queue, not clash.
 */
export async function rollupDay(db: Db, tenantId: string, day: string): Promise<void> {
  const start = `${day}T00:00:00.000Z`;
  const end = `${dayOf(dayMs(day) + DAY_MS)}T00:00:00.000Z`;
  const pgsql = isPostgres(db);
  const each = pgsql
    ? (col: string) => `json_each_text(${col}::json)`
    : (col: string) => `json_each(${col})`;
  const value = pgsql ? 'j.value::integer' : 'j.value';
  const where = sql`i.tenant_id = ${tenantId} AND i.time >= ${start} AND i.time < ${end}`;
  const head = sql`CAST(${tenantId} AS text), CAST(${day} AS text)`;
  const team = sql.raw("coalesce(i.team, '')");
  await db.transaction().execute(async (tx) => {
    // The first write of the transaction: PostgreSQL's row lock and SQLite's write lock.
    await tx
      .insertInto('rollup_state')
      .values({ name: ROLLUP_LOCK, position: day })
      .onConflict((oc) => oc.column('name').doUpdateSet({ position: day }))
      .execute();
    for (const table of ROLLUP_TABLES) {
      await tx.deleteFrom(table).where('tenant_id', '=', tenantId).where('day', '=', day).execute();
    }
    await sql`INSERT INTO rollup_user_day (tenant_id, day, team, user_pseudonym, incidents, items)
      SELECT ${head}, ${team}, i.user_pseudonym, count(*), sum(i.total)
      FROM incidents i WHERE ${where} GROUP BY ${team}, i.user_pseudonym`.execute(tx);
    await sql`INSERT INTO rollup_site_user_day
        (tenant_id, day, page_class, site, team, user_pseudonym, incidents)
      SELECT ${head}, i.page_class, coalesce(i.site_id, i.host), ${team}, i.user_pseudonym, count(*)
      FROM incidents i WHERE ${where}
      GROUP BY i.page_class, coalesce(i.site_id, i.host), ${team}, i.user_pseudonym`.execute(tx);
    const dims = sql`INSERT INTO rollup_dim_day (tenant_id, day, team, dim, key, incidents, items)`;
    for (const [dim, expr] of COLUMN_DIMS) {
      const key = sql.raw(
        expr.replace(/\b(site_id|host|action|outcome|channel|page_class)\b/g, 'i.$1'),
      );
      // PostgreSQL refuses a constant in GROUP BY, so the 'all' row groups by team alone.
      const groupBy = dim === 'all' ? team : sql`${team}, ${key}`;
      await sql`${dims} SELECT ${head}, ${team}, CAST(${dim} AS text), ${key}, count(*), sum(i.total)
        FROM incidents i WHERE ${where} GROUP BY ${groupBy}`.execute(tx);
    }
    await sql`${dims} SELECT ${head}, ${team}, 'type', j.key, count(*), sum(${sql.raw(value)})
      FROM incidents i CROSS JOIN ${sql.raw(each('i.counts'))} j
      WHERE ${where} GROUP BY ${team}, j.key`.execute(tx);
    const rank = sql.raw(`(SELECT max(${RANK_CASE('j.key')}) FROM ${each('i.counts')} j)`);
    await sql`${dims} SELECT ${head}, x.team, 'level', ${sql.raw(LEVEL_CASE('x.r'))}, count(*), sum(x.total)
      FROM (SELECT ${team} AS team, ${rank} AS r, i.total FROM incidents i WHERE ${where}) x
      GROUP BY x.team, ${sql.raw(LEVEL_CASE('x.r'))}`.execute(tx);
  });
}

/**
 * Brings rollups up to date: rebuilds every tenant-day that holds an incident received since the
 * last run (minus an overlap, so a batch whose transaction committed just after the previous run
 * read is not missed), then moves the watermark to `now`. Run by the scheduled job under a lease,
 * and safe to run anywhere else too (rebuilding a day is idempotent).
 */
export async function refreshRollups(db: Db, now: number): Promise<{ days: number }> {
  const state = await db
    .selectFrom('rollup_state')
    .select('position')
    .where('name', '=', ROLLUP_STATE)
    .executeTakeFirst();
  const since = state
    ? new Date(Date.parse(state.position) - REFRESH_OVERLAP_MS).toISOString()
    : '';
  const upTo = new Date(now).toISOString();
  // Tenant by tenant, so each lookup is a range of the (tenant_id, received_at) index rather
  // than a scan of every incident.
  const tenants = await db.selectFrom('tenants').select('id').execute();
  const touched: { tenant_id: string; day: string }[] = [];
  for (const t of tenants) {
    const days = await db
      .selectFrom('incidents')
      .select(sql<string>`substr(time, 1, 10)`.as('day'))
      .distinct()
      .where('tenant_id', '=', t.id)
      .where('received_at', '>=', since)
      .where('received_at', '<=', upTo)
      .execute();
    for (const d of days) touched.push({ tenant_id: t.id, day: d.day });
  }
  for (const t of touched) await rollupDay(db, t.tenant_id, t.day);
  await pruneRollups(db, now);
  await db
    .insertInto('rollup_state')
    .values({ name: ROLLUP_STATE, position: upTo })
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: upTo }))
    .execute();
  return { days: touched.length };
}

/**
 * Deletes rollups and anomalies of days wholly before each tenant's retention period
 * (retention.ts deletes the incidents; the pseudonyms in `rollup_user_day` and `anomalies` must
 * not outlive them).
 */
export async function pruneRollups(db: Db, now: number): Promise<void> {
  const tenants = await db.selectFrom('tenants').select(['id', 'retention_days']).execute();
  for (const t of tenants) {
    const cutoff = dayOf(now - Number(t.retention_days) * DAY_MS);
    for (const table of [...ROLLUP_TABLES, 'anomalies'] as const) {
      await db.deleteFrom(table).where('tenant_id', '=', t.id).where('day', '<', cutoff).execute();
    }
  }
}

/**
 * Rebuilds a tenant's rollups for the days it has incidents in `days` (or all its rollup days):
 * call after deleting incidents (retention, erasure) so no rollup keeps a deleted record's counts
 * or pseudonym.
 */
export async function rebuildRollups(db: Db, tenantId: string): Promise<{ days: number }> {
  const days = new Set(
    (
      await db
        .selectFrom('rollup_user_day')
        .select('day')
        .distinct()
        .where('tenant_id', '=', tenantId)
        .execute()
    ).map((r) => r.day),
  );
  for (const r of await db
    .selectFrom('incidents')
    .select(sql<string>`substr(time, 1, 10)`.as('day'))
    .distinct()
    .where('tenant_id', '=', tenantId)
    .execute()) {
    days.add(r.day);
  }
  for (const day of days) await rollupDay(db, tenantId, day);
  return { days: days.size };
}

/** When rollups were last brought up to date (null: never). */
export async function rolledUpThrough(db: Db): Promise<string | null> {
  const s = await db
    .selectFrom('rollup_state')
    .select('position')
    .where('name', '=', ROLLUP_STATE)
    .executeTakeFirst();
  return s?.position ?? null;
}

// --- K-anonymity ------------------------------------------------------------------------------

/** The tenant's k. */
export async function minGroupSize(db: Db, tenantId: string): Promise<number> {
  const t = await db
    .selectFrom('tenants')
    .select('min_group_size')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  return t ? Number(t.min_group_size) : DEFAULT_MIN_GROUP_SIZE;
}

/** Sets the tenant's k (at least 2: a k of 1 would hide nothing). */
export async function setMinGroupSize(db: Db, tenantId: string, k: number): Promise<void> {
  if (!Number.isInteger(k) || k < 2 || k > 1000)
    throw new Error('k must be a whole number 2 to 1000');
  await db.updateTable('tenants').set({ min_group_size: k }).where('id', '=', tenantId).execute();
}

/** Which groups may be shown by name, and which are merged into "other" or withheld. */
export interface GroupVerdict {
  shown: string[];
  /** Merged into one "other" group that holds at least k users. */
  merged: string[];
  /** Withheld entirely: together they hold fewer than k users (only when nothing is shown). */
  withheld: string[];
}

/**
 * The k-anonymity rule over groups of users: groups with at least k users are shown; the rest are
 * merged, and while the merged users number fewer than k the smallest shown group joins them. If
 * even all groups together hold fewer than k users, all are withheld.
 */
export function protectGroups(groups: Map<string, ReadonlySet<string>>, k: number): GroupVerdict {
  const bySize = [...groups.keys()].sort(
    (a, b) => groups.get(a)!.size - groups.get(b)!.size || (a < b ? -1 : 1),
  );
  const merged = bySize.filter((g) => groups.get(g)!.size < k);
  const shown = bySize.filter((g) => groups.get(g)!.size >= k);
  const union = new Set<string>();
  for (const g of merged) for (const u of groups.get(g)!) union.add(u);
  while (merged.length > 0 && union.size < k && shown.length > 0) {
    const g = shown.shift()!;
    merged.push(g);
    for (const u of groups.get(g)!) union.add(u);
  }
  if (merged.length > 0 && union.size < k) return { shown: [], merged: [], withheld: merged };
  return { shown: shown.sort(), merged, withheld: [] };
}

interface Scope {
  k: number;
  /** Teams the viewer may see; null: the whole tenant. */
  teams: string[] | null;
}

async function scopeOf(db: Db, viewer: Viewer): Promise<Scope> {
  const k = await minGroupSize(db, viewer.tenantId);
  return { k, teams: viewer.role === 'manager' ? [...new Set(viewer.teams)] : null };
}

/** Team -> distinct users in the period, within scope (team '' is "no team"). */
async function teamUsers(db: Db, tenantId: string, scope: Scope, p: Period) {
  const out = new Map<string, Set<string>>();
  if (scope.teams?.length === 0) return out;
  let q = db
    .selectFrom('rollup_user_day')
    .select(['team', 'user_pseudonym'])
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('day', '>=', p.from)
    .where('day', '<=', p.to);
  if (scope.teams) q = q.where('team', 'in', scope.teams);
  for (const r of await q.execute()) {
    let s = out.get(r.team);
    if (!s) out.set(r.team, (s = new Set()));
    s.add(r.user_pseudonym);
  }
  return out;
}

const unionSize = (groups: Map<string, Set<string>>) => {
  const u = new Set<string>();
  for (const s of groups.values()) for (const x of s) u.add(x);
  return u.size;
};

// --- Overview ---------------------------------------------------------------------------------

export interface Figures {
  incidents: number;
  items: number;
}
export interface BreakdownRow extends Figures {
  key: string;
  /** Incidents with this value in the previous period (null when it is withheld). */
  previous: number | null;
}
export interface SeriesPoint extends Figures {
  /** First day of the bucket. */
  start: string;
  /** Incidents in the matching bucket of the previous period (null when withheld). */
  previous: number | null;
}

export interface Overview {
  period: Period;
  previousPeriod: Period;
  bucket: 'day' | 'week';
  k: number;
  /** The teams summed (null: the whole tenant). */
  teams: string[] | null;
  /** True when the scope held fewer than k users in the period: no figures are given. */
  suppressed: boolean;
  /** True when the previous period's figures are withheld (fewer than k users then). */
  previousSuppressed: boolean;
  total: Figures | null;
  previousTotal: Figures | null;
  series: SeriesPoint[];
  breakdown: Record<Dimension, BreakdownRow[]>;
  rolledUpThrough: string | null;
}

const emptyBreakdown = (): Record<Dimension, BreakdownRow[]> =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as Record<
    Dimension,
    BreakdownRow[]
  >;

/**
 * Incidents in `period` for what the viewer may see, by bucket and by each dimension, each with
 * the previous period's figure. A manager's figures are withheld when their teams together held
 * fewer than k users (for the previous period separately).
 */
export async function overview(
  db: Db,
  viewer: Viewer,
  period: Period,
  bucket: 'day' | 'week',
): Promise<Overview> {
  const scope = await scopeOf(db, viewer);
  const prev = previousPeriod(period);
  const base: Overview = {
    period,
    previousPeriod: prev,
    bucket,
    k: scope.k,
    teams: scope.teams,
    suppressed: false,
    previousSuppressed: false,
    total: null,
    previousTotal: null,
    series: [],
    breakdown: emptyBreakdown(),
    rolledUpThrough: await rolledUpThrough(db),
  };
  // Only a manager's scope is a group of people chosen by team; the whole tenant is not.
  if (scope.teams) {
    const [cur, before] = await Promise.all([
      teamUsers(db, viewer.tenantId, scope, period),
      teamUsers(db, viewer.tenantId, scope, prev),
    ]);
    if (unionSize(cur) < scope.k) return { ...base, suppressed: true, previousSuppressed: true };
    base.previousSuppressed = unionSize(before) < scope.k && before.size > 0;
  }
  const figures = (from: string, to: string) => {
    let q = db
      .selectFrom('rollup_dim_day')
      .where('tenant_id', '=', viewer.tenantId)
      .where('day', '>=', from)
      .where('day', '<=', to);
    // A manager with no teams never gets here: their scope holds no users, so it is suppressed.
    if (scope.teams) q = q.where('team', 'in', scope.teams);
    return q;
  };
  const [daily, dims, prevDims] = await Promise.all([
    figures(prev.from, period.to)
      .where('dim', '=', 'all')
      .select([
        'day',
        (e) => e.fn.sum<number>('incidents').as('n'),
        (e) => e.fn.sum<number>('items').as('items'),
      ])
      .groupBy('day')
      .execute(),
    figures(period.from, period.to)
      .where('dim', '<>', 'all')
      .select([
        'dim',
        'key',
        (e) => e.fn.sum<number>('incidents').as('n'),
        (e) => e.fn.sum<number>('items').as('items'),
      ])
      .groupBy(['dim', 'key'])
      .execute(),
    base.previousSuppressed
      ? Promise.resolve([])
      : figures(prev.from, prev.to)
          .where('dim', '<>', 'all')
          .select(['dim', 'key', (e) => e.fn.sum<number>('incidents').as('n')])
          .groupBy(['dim', 'key'])
          .execute(),
  ]);
  const n = periodDays(period);
  const size = bucket === 'day' ? 1 : 7;
  const buckets = Math.ceil(n / size);
  const series: SeriesPoint[] = Array.from({ length: buckets }, (_, i) => ({
    start: dayOf(dayMs(period.from) + i * size * DAY_MS),
    incidents: 0,
    items: 0,
    previous: base.previousSuppressed ? null : 0,
  }));
  const total: Figures = { incidents: 0, items: 0 };
  const previousTotal: Figures = { incidents: 0, items: 0 };
  const from = dayMs(period.from);
  for (const d of daily) {
    const offset = Math.round((dayMs(d.day) - from) / DAY_MS);
    const incidents = Number(d.n);
    const items = Number(d.items);
    if (offset >= 0) {
      const s = series[Math.floor(offset / size)]!;
      s.incidents += incidents;
      s.items += items;
      total.incidents += incidents;
      total.items += items;
    } else if (!base.previousSuppressed) {
      const s = series[Math.floor((offset + n) / size)]!;
      s.previous! += incidents;
      previousTotal.incidents += incidents;
      previousTotal.items += items;
    }
  }
  const prevOf = new Map(prevDims.map((r) => [`${r.dim}\u0000${r.key}`, Number(r.n)]));
  const breakdown = emptyBreakdown();
  for (const r of dims) {
    const rows = breakdown[r.dim as Dimension];
    if (!rows) continue;
    rows.push({
      key: r.key,
      incidents: Number(r.n),
      items: Number(r.items),
      previous: base.previousSuppressed ? null : (prevOf.get(`${r.dim}\u0000${r.key}`) ?? 0),
    });
  }
  for (const rows of Object.values(breakdown)) {
    rows.sort((a, b) => b.incidents - a.incidents || (a.key < b.key ? -1 : 1));
  }
  return {
    ...base,
    total,
    previousTotal: base.previousSuppressed ? null : previousTotal,
    series,
    breakdown,
  };
}

// --- By team and by person ----------------------------------------------------------------------

export interface TeamRow extends Figures {
  /** The team name; null for incidents without a team. */
  team: string | null;
  users: number;
}
export interface OtherRow extends Figures {
  /** How many teams (or persons) "other" sums. */
  groups: number;
  users: number;
}
export interface TeamSummary {
  period: Period;
  k: number;
  teams: TeamRow[];
  /** Teams under k merged (with enough others to reach k users); null when none. */
  other: OtherRow | null;
  /** Teams withheld entirely: the whole scope held fewer than k users. */
  withheldTeams: number;
}

async function teamFigures(db: Db, tenantId: string, p: Period, teams: string[]) {
  if (teams.length === 0) return new Map<string, Figures>();
  const rows = await db
    .selectFrom('rollup_dim_day')
    .select([
      'team',
      (e) => e.fn.sum<number>('incidents').as('n'),
      (e) => e.fn.sum<number>('items').as('items'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('day', '>=', p.from)
    .where('day', '<=', p.to)
    .where('dim', '=', 'all')
    .where('team', 'in', teams)
    .groupBy('team')
    .execute();
  return new Map(rows.map((r) => [r.team, { incidents: Number(r.n), items: Number(r.items) }]));
}

/** Incidents by team in the period, under the k-anonymity rule. */
export async function byTeam(db: Db, viewer: Viewer, period: Period): Promise<TeamSummary> {
  const scope = await scopeOf(db, viewer);
  const users = await teamUsers(db, viewer.tenantId, scope, period);
  const verdict = protectGroups(users, scope.k);
  const figs = await teamFigures(db, viewer.tenantId, period, [
    ...verdict.shown,
    ...verdict.merged,
  ]);
  const teams = verdict.shown
    .map((t) => ({ team: t === '' ? null : t, users: users.get(t)!.size, ...figs.get(t)! }))
    .sort((a, b) => b.incidents - a.incidents);
  let other: OtherRow | null = null;
  if (verdict.merged.length > 0) {
    const u = new Set<string>();
    other = { groups: verdict.merged.length, users: 0, incidents: 0, items: 0 };
    for (const t of verdict.merged) {
      for (const x of users.get(t)!) u.add(x);
      other.incidents += figs.get(t)?.incidents ?? 0;
      other.items += figs.get(t)?.items ?? 0;
    }
    other.users = u.size;
  }
  return { period, k: scope.k, teams, other, withheldTeams: verdict.withheld.length };
}

export interface PersonRow extends Figures {
  /** The pseudonym, never the person's name (revealing needs the audited step of issue 5). */
  user: string;
  team: string | null;
}
export interface PersonSummary {
  period: Period;
  k: number;
  people: PersonRow[];
  /** Persons not listed because there are more than `limit`. */
  more: number;
  /** Persons of teams under k, summed (at least k users); null when none. */
  other: OtherRow | null;
  /** Persons withheld entirely: the whole scope held fewer than k users. */
  withheldUsers: number;
}

/**
 * Incidents by person (pseudonym) in the period, most first: only persons of teams shown by name
 * under the k-anonymity rule are listed; the rest are summed into "other" or withheld.
 */
export async function byPerson(
  db: Db,
  viewer: Viewer,
  period: Period,
  limit = 100,
): Promise<PersonSummary> {
  const scope = await scopeOf(db, viewer);
  const users = await teamUsers(db, viewer.tenantId, scope, period);
  const verdict = protectGroups(users, scope.k);
  const withheldUsers = unionSize(
    new Map(verdict.withheld.map((t) => [t, users.get(t)!] as const)),
  );
  const visible = [...verdict.shown, ...verdict.merged];
  if (visible.length === 0) {
    return { period, k: scope.k, people: [], more: 0, other: null, withheldUsers };
  }
  const rows = await db
    .selectFrom('rollup_user_day')
    .select([
      'team',
      'user_pseudonym',
      (e) => e.fn.sum<number>('incidents').as('n'),
      (e) => e.fn.sum<number>('items').as('items'),
    ])
    .where('tenant_id', '=', viewer.tenantId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .where('team', 'in', visible)
    .groupBy(['team', 'user_pseudonym'])
    .execute();
  const shown = new Set(verdict.shown);
  const people: PersonRow[] = [];
  let other: OtherRow | null = null;
  const otherUsers = new Set<string>();
  for (const r of rows) {
    const f = { incidents: Number(r.n), items: Number(r.items) };
    if (shown.has(r.team)) {
      people.push({ user: r.user_pseudonym, team: r.team === '' ? null : r.team, ...f });
    } else {
      other ??= { groups: 0, users: 0, incidents: 0, items: 0 };
      otherUsers.add(r.user_pseudonym);
      other.incidents += f.incidents;
      other.items += f.items;
    }
  }
  if (other) {
    other.users = otherUsers.size;
    other.groups = otherUsers.size;
  }
  people.sort((a, b) => b.incidents - a.incidents || (a.user < b.user ? -1 : 1));
  return {
    period,
    k: scope.k,
    people: people.slice(0, limit),
    more: Math.max(0, people.length - limit),
    other,
    withheldUsers,
  };
}

/** The scheduled rollup refresh: every minute, so the dashboard lags arrivals by about that. */
export function rollupJob(opts: { everyMs?: number } = {}): Job {
  return {
    name: 'summary-rollup',
    everyMs: opts.everyMs ?? 60_000,
    run: (ctx) => refreshRollups(ctx.db, ctx.now()),
  };
}
