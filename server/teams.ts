/**
 * Teams (issue 6: "per-team trends, repeat incidents falling after coaching or not; a person's
 * pseudonymous history only where policy and role allow").
 *
 * - Trends read the daily rollups (summary.ts), never the incidents table, and follow its
 *   k-anonymity rule (`protectGroups`): a team is shown by name only with at least k people with
 *   incidents in the period; smaller teams are summed into "other" or withheld.
 * - A repeat incident is an incident by someone who already had one in the N days before it (an
 *   earlier one the same day counts too). Coaching notes mark when a team, or one person in it,
 *   was coached; each note is shown with the team's (or person's) repeats in the same number of
 *   days before and after it. Team figures are withheld when the team had fewer than k people with
 *   incidents in that window. Figures are by day (from `rollup_user_day`), so the note's own day
 *   is in neither window: a day's incidents cannot be placed before or after a talk that day.
 * - A person's history (their incidents: time, site, channel, types, level, action, outcome; never
 *   text or reasons) is readable as the tenant setting `person_history` says: `off` (nobody),
 *   `admins` (the default) or `admins-and-managers` (admins, and managers for their own teams'
 *   incidents only). Auditors never. Each reading is audited, naming the pseudonym only by its
 *   SHA-256, like reveal grants.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from './audit.ts';
import { sha256Hex } from './crypto.ts';
import type { Db } from './db/index.ts';
import { actorEmails, maskFreeText, type Actor } from './overrides.ts';
import {
  incidentLevel,
  minGroupSize,
  periodDays,
  previousPeriod,
  protectGroups,
  type Period,
  type Viewer,
} from './summary.ts';

/** Who may read a person's pseudonymous history. */
export const PERSON_HISTORY = ['off', 'admins', 'admins-and-managers'] as const;
export type PersonHistory = (typeof PERSON_HISTORY)[number];
/** The setting of a tenant that has never chosen (the migration's column default). */
export const DEFAULT_PERSON_HISTORY: PersonHistory = 'admins';
/** The most incidents one history answer lists (newest first). */
export const HISTORY_MAX = 500;
/** The most notes one coaching answer lists (newest first). */
export const NOTES_MAX = 200;

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(dayMs(day) + n * DAY_MS);

const isPersonHistory = (v: string): v is PersonHistory =>
  (PERSON_HISTORY as readonly string[]).includes(v);

/** The tenant's person-history rule. */
export async function personHistorySetting(db: Db, tenantId: string): Promise<PersonHistory> {
  const t = await db
    .selectFrom('tenants')
    .select('person_history')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  return t && isPersonHistory(t.person_history) ? t.person_history : DEFAULT_PERSON_HISTORY;
}

/** Sets the tenant's person-history rule, audited with the old and new value. */
export async function setPersonHistory(
  db: Db,
  who: Actor,
  value: PersonHistory,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await personHistorySetting(tx, who.tenantId);
    await tx
      .updateTable('tenants')
      .set({ person_history: value })
      .where('id', '=', who.tenantId)
      .execute();
    await appendAudit(
      tx,
      {
        tenantId: who.tenantId,
        actor: who.actor,
        action: 'tenant.person_history',
        details: { from: before, to: value },
      },
      now,
    );
  });
}

/** Whether a role may read a person's history (and see pseudonyms beside decisions). */
export function mayReadHistory(setting: PersonHistory, role: Viewer['role']): boolean {
  if (role === 'admin') return setting !== 'off';
  if (role === 'manager') return setting === 'admins-and-managers';
  return false;
}

const scopeTeams = (viewer: Viewer) =>
  viewer.role === 'manager' ? [...new Set(viewer.teams)] : null;

// --- Trends ---------------------------------------------------------------------------------

export interface TrendPoint {
  /** First day of the bucket. */
  start: string;
  incidents: number;
  items: number;
  /** Incidents in the matching bucket of the previous period (null when withheld). */
  previous: number | null;
}
export interface TeamTrendRow {
  /** The team; null for incidents without a team. */
  team: string | null;
  users: number;
  incidents: number;
  items: number;
  /** Incidents in the previous period of the same length; null when it held 1 to k-1 people. */
  previous: number | null;
  series: TrendPoint[];
}
export interface TeamTrend {
  period: Period;
  previousPeriod: Period;
  bucket: 'day' | 'week';
  k: number;
  teams: TeamTrendRow[];
  /** Teams under k, summed with enough others to hold k people; null when none. */
  other: (Omit<TeamTrendRow, 'team'> & { groups: number }) | null;
  /** Teams withheld entirely: the whole scope held fewer than k people. */
  withheldTeams: number;
}

/** Team -> distinct people with incidents in `p`, among `teams` (null: every team). */
async function peopleByTeam(db: Db, tenantId: string, p: Period, teams: string[] | null) {
  let q = db
    .selectFrom('rollup_user_day')
    .select(['team', 'user_pseudonym'])
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('day', '>=', p.from)
    .where('day', '<=', p.to);
  if (teams) q = q.where('team', 'in', teams);
  const out = new Map<string, Set<string>>();
  for (const r of await q.execute()) {
    let s = out.get(r.team);
    if (!s) out.set(r.team, (s = new Set()));
    s.add(r.user_pseudonym);
  }
  return out;
}

/**
 * Per-team incidents by day or week in the period, each against the previous period of the same
 * length, under the k-anonymity rule. Which teams are shown is decided on the period; a shown
 * team's previous figures are withheld when it had 1 to k-1 people with incidents then, and the
 * "other" group's likewise for its teams together.
 */
export async function teamTrend(
  db: Db,
  viewer: Viewer,
  period: Period,
  bucket: 'day' | 'week',
): Promise<TeamTrend> {
  const k = await minGroupSize(db, viewer.tenantId);
  const scope = scopeTeams(viewer);
  const prev = previousPeriod(period);
  const base: TeamTrend = {
    period,
    previousPeriod: prev,
    bucket,
    k,
    teams: [],
    other: null,
    withheldTeams: 0,
  };
  if (scope?.length === 0) return base;
  const users = await peopleByTeam(db, viewer.tenantId, period, scope);
  const verdict = protectGroups(users, k);
  const visible = [...verdict.shown, ...verdict.merged];
  if (visible.length === 0) return { ...base, withheldTeams: verdict.withheld.length };
  const [before, rows] = await Promise.all([
    peopleByTeam(db, viewer.tenantId, prev, visible),
    db
      .selectFrom('rollup_dim_day')
      .select(['team', 'day', 'incidents', 'items'])
      .where('tenant_id', '=', viewer.tenantId)
      .where('day', '>=', prev.from)
      .where('day', '<=', period.to)
      .where('dim', '=', 'all')
      .where('team', 'in', visible)
      .execute(),
  ]);
  const n = periodDays(period);
  const size = bucket === 'day' ? 1 : 7;
  const buckets = Math.ceil(n / size);
  const blank = (): TrendPoint[] =>
    Array.from({ length: buckets }, (_, i) => ({
      start: addDays(period.from, i * size),
      incidents: 0,
      items: 0,
      previous: 0,
    }));
  const series = new Map<string, TrendPoint[]>(visible.map((t) => [t, blank()]));
  for (const r of rows) {
    const offset = Math.round((dayMs(r.day) - dayMs(period.from)) / DAY_MS);
    const s = series.get(r.team);
    if (!s) continue;
    if (offset >= 0) {
      const p = s[Math.floor(offset / size)]!;
      p.incidents += Number(r.incidents);
      p.items += Number(r.items);
    } else {
      s[Math.floor((offset + n) / size)]!.previous! += Number(r.incidents);
    }
  }
  const withhold = (teams: string[]) => {
    const u = new Set<string>();
    for (const t of teams) for (const x of before.get(t) ?? []) u.add(x);
    return u.size > 0 && u.size < k;
  };
  const finish = (s: TrendPoint[], hidden: boolean) => {
    if (hidden) for (const p of s) p.previous = null;
    return {
      incidents: s.reduce((a, p) => a + p.incidents, 0),
      items: s.reduce((a, p) => a + p.items, 0),
      previous: hidden ? null : s.reduce((a, p) => a + p.previous!, 0),
      series: s,
    };
  };
  const teams = verdict.shown
    .map((t) => ({
      team: t === '' ? null : t,
      users: users.get(t)!.size,
      ...finish(series.get(t)!, withhold([t])),
    }))
    .sort((a, b) => b.incidents - a.incidents || ((a.team ?? '') < (b.team ?? '') ? -1 : 1));
  let other: TeamTrend['other'] = null;
  if (verdict.merged.length > 0) {
    const s = blank();
    const u = new Set<string>();
    for (const t of verdict.merged) {
      for (const x of users.get(t)!) u.add(x);
      series.get(t)!.forEach((p, i) => {
        s[i]!.incidents += p.incidents;
        s[i]!.items += p.items;
        s[i]!.previous! += p.previous!;
      });
    }
    other = {
      groups: verdict.merged.length,
      users: u.size,
      ...finish(s, withhold(verdict.merged)),
    };
  }
  return { ...base, teams, other, withheldTeams: 0 };
}

// --- Repeat incidents and coaching -----------------------------------------------------------

/** Why a window's figures are not given. */
export type Withheld = 'fewer-than-k' | 'person-history' | 'not-yet';

export interface RepeatWindow {
  from: string;
  to: string;
  /** Days in the window so far (the window after a recent note is not over yet). */
  days: number;
  withheld: Withheld | null;
  incidents: number | null;
  /** Incidents by someone who had another in the N days before (or earlier that day). */
  repeats: number | null;
  /** People with incidents in the window. */
  people: number | null;
  /** People with at least one repeat in the window. */
  repeaters: number | null;
}

interface UserDay {
  user: string;
  day: string;
  incidents: number;
}

/** Repeat figures of `rows` (which must reach `repeatDays` before the window) in `w`. */
export function repeatFigures(
  rows: readonly UserDay[],
  w: { from: string; to: string },
  repeatDays: number,
): { incidents: number; repeats: number; people: number; repeaters: number } {
  const byUser = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let m = byUser.get(r.user);
    if (!m) byUser.set(r.user, (m = new Map()));
    m.set(r.day, (m.get(r.day) ?? 0) + r.incidents);
  }
  let incidents = 0;
  let repeats = 0;
  let people = 0;
  let repeaters = 0;
  for (const days of byUser.values()) {
    const sorted = [...days.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    let mine = 0;
    let myRepeats = 0;
    sorted.forEach(([day, n], i) => {
      if (day < w.from || day > w.to) return;
      const prev = sorted[i - 1];
      const earlier = prev !== undefined && prev[0] >= addDays(day, -repeatDays);
      mine += n;
      myRepeats += earlier ? n : n - 1;
    });
    if (mine === 0) continue;
    incidents += mine;
    repeats += myRepeats;
    people++;
    if (myRepeats > 0) repeaters++;
  }
  return { incidents, repeats, people, repeaters };
}

export interface CoachingNote {
  id: string;
  team: string;
  /** The coached person's pseudonym; null for a team note, or when the viewer may not see it. */
  user: string | null;
  /** Whether the note is about one person. */
  person: boolean;
  day: string;
  /** As stored: masked. */
  note: string;
  author: string;
  authorEmail: string | null;
  createdAt: string;
  before: RepeatWindow;
  after: RepeatWindow;
}

export interface CoachingReport {
  period: Period;
  k: number;
  repeatDays: number;
  compareDays: number;
  notes: CoachingNote[];
  /** Notes in the period beyond NOTES_MAX. */
  more: number;
}

/**
 * The coaching notes dated in `period` for the viewer's teams, newest first, each with repeat
 * figures for the `compareDays` days before and after it.
 */
export async function coachingReport(
  db: Db,
  viewer: Viewer,
  period: Period,
  opts: { repeatDays: number; compareDays: number; now: number; mayPerson: boolean },
): Promise<CoachingReport> {
  const k = await minGroupSize(db, viewer.tenantId);
  const scope = scopeTeams(viewer);
  const base: CoachingReport = {
    period,
    k,
    repeatDays: opts.repeatDays,
    compareDays: opts.compareDays,
    notes: [],
    more: 0,
  };
  if (scope?.length === 0) return base;
  let q = db
    .selectFrom('coaching_notes')
    .selectAll()
    .where('tenant_id', '=', viewer.tenantId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to);
  if (scope) q = q.where('team', 'in', scope);
  const all = await q.orderBy('day', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
  const notes = all.slice(0, NOTES_MAX);
  const today = dayOf(opts.now);
  const windows = (day: string) => {
    const before = { from: addDays(day, -opts.compareDays), to: addDays(day, -1) };
    const afterTo = addDays(day, opts.compareDays);
    const after = { from: addDays(day, 1), to: afterTo < today ? afterTo : today };
    return { before, after };
  };
  // One read of a team's daily rollups covering every window of its notes, plus the repeat
  // look-back before the earliest.
  const rowsOf = new Map<string, UserDay[]>();
  for (const team of new Set(notes.map((n) => n.team))) {
    const days = notes.filter((n) => n.team === team).map((n) => n.day);
    const from = addDays(
      days.reduce((a, b) => (a < b ? a : b)),
      -opts.compareDays - opts.repeatDays,
    );
    const to = addDays(
      days.reduce((a, b) => (a > b ? a : b)),
      opts.compareDays,
    );
    const rows = await db
      .selectFrom('rollup_user_day')
      .select(['user_pseudonym', 'day', 'incidents'])
      .where('tenant_id', '=', viewer.tenantId)
      .where('team', '=', team)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
    rowsOf.set(
      team,
      rows.map((r) => ({ user: r.user_pseudonym, day: r.day, incidents: Number(r.incidents) })),
    );
  }
  const window = (
    rows: UserDay[],
    w: { from: string; to: string },
    person: boolean,
  ): RepeatWindow => {
    const days = w.to < w.from ? 0 : periodDays(w);
    const none = { incidents: null, repeats: null, people: null, repeaters: null };
    if (days === 0) return { ...w, days, withheld: 'not-yet', ...none };
    if (person && !opts.mayPerson) return { ...w, days, withheld: 'person-history', ...none };
    const f = repeatFigures(rows, w, opts.repeatDays);
    if (!person && f.people < k) return { ...w, days, withheld: 'fewer-than-k', ...none };
    return { ...w, days, withheld: null, ...f };
  };
  const emails = await actorEmails(
    db,
    viewer.tenantId,
    notes.map((n) => n.author),
  );
  base.notes = notes.map((n) => {
    const person = n.pseudonym !== null;
    const teamRows = rowsOf.get(n.team) ?? [];
    const rows = person ? teamRows.filter((r) => r.user === n.pseudonym) : teamRows;
    const w = windows(n.day);
    return {
      id: n.id,
      team: n.team,
      user: person && opts.mayPerson ? n.pseudonym : null,
      person,
      day: n.day,
      note: n.note,
      author: n.author,
      authorEmail: emails.get(n.author) ?? null,
      createdAt: n.created_at,
      before: window(rows, w.before, person),
      after: window(rows, w.after, person),
    };
  });
  base.more = all.length - notes.length;
  return base;
}

/** Whether the tenant has any incident from `team` (and, when given, from `user` in it). */
export async function teamKnown(
  db: Db,
  tenantId: string,
  team: string,
  user?: string,
): Promise<boolean> {
  let q = db
    .selectFrom('incidents')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('team', '=', team);
  if (user !== undefined) q = q.where('user_pseudonym', '=', user);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

/** Stores a coaching note (masked) and audits it (never the text, nor the pseudonym). */
export async function addCoachingNote(
  db: Db,
  who: Actor,
  input: { team: string; day: string; note: string; user?: string | undefined },
  now: number,
): Promise<{ id: string; note: string; masked: number }> {
  const m = maskFreeText(input.note.trim());
  const id = randomUUID();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('coaching_notes')
      .values({
        id,
        tenant_id: who.tenantId,
        team: input.team,
        pseudonym: input.user ?? null,
        day: input.day,
        note: m.text,
        author: who.actor,
        created_at: new Date(now).toISOString(),
      })
      .execute();
    await appendAudit(
      tx,
      {
        tenantId: who.tenantId,
        actor: who.actor,
        action: 'coaching.note',
        target: id,
        details: {
          team: input.team,
          day: input.day,
          person: input.user !== undefined,
          masked: m.masked,
        },
      },
      now,
    );
  });
  return { id, note: m.text, masked: m.masked };
}

// --- A person's history ------------------------------------------------------------------------

export interface HistoryItem {
  id: string;
  time: string;
  site: string;
  host: string;
  pageClass: string;
  channel: string;
  types: string[];
  level: string;
  action: string;
  outcome: string;
  team: string | null;
}

export interface PersonHistoryAnswer {
  user: string;
  /** The teams the listed incidents came from. */
  teams: (string | null)[];
  incidents: HistoryItem[];
  /** Incidents beyond HISTORY_MAX. */
  more: number;
}

/**
 * A person's incidents, newest first: for a manager only those from their teams. Null when there
 * are none the viewer may see. The caller checks the tenant's rule first and audits the reading.
 */
export async function personHistory(
  db: Db,
  viewer: Viewer,
  user: string,
  period: Period | undefined,
): Promise<PersonHistoryAnswer | null> {
  const scope = scopeTeams(viewer);
  if (scope?.length === 0) return null;
  let q = db
    .selectFrom('incidents')
    .select([
      'id',
      'time',
      'site_id',
      'host',
      'page_class',
      'channel',
      'counts',
      'action',
      'outcome',
      'team',
    ])
    .where('tenant_id', '=', viewer.tenantId)
    .where('user_pseudonym', '=', user);
  if (scope) q = q.where('team', 'in', scope);
  if (period) {
    q = q
      .where('time', '>=', `${period.from}T00:00:00.000Z`)
      .where('time', '<', `${addDays(period.to, 1)}T00:00:00.000Z`);
  }
  const rows = await q
    .orderBy('time', 'desc')
    .orderBy('id')
    .limit(HISTORY_MAX + 1)
    .execute();
  if (rows.length === 0) return null;
  let more = 0;
  if (rows.length > HISTORY_MAX) {
    rows.pop();
    let cq = db
      .selectFrom('incidents')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', viewer.tenantId)
      .where('user_pseudonym', '=', user);
    if (scope) cq = cq.where('team', 'in', scope);
    if (period) {
      cq = cq
        .where('time', '>=', `${period.from}T00:00:00.000Z`)
        .where('time', '<', `${addDays(period.to, 1)}T00:00:00.000Z`);
    }
    more = Number((await cq.executeTakeFirst())?.n ?? 0) - HISTORY_MAX;
  }
  const incidents = rows.map((r) => {
    let types: string[] = [];
    try {
      types = Object.keys(JSON.parse(r.counts) as Record<string, unknown>).sort();
    } catch {
      // Ingest stores validated JSON; a row that is not is listed without types.
    }
    return {
      id: r.id,
      time: r.time,
      site: r.site_id ?? r.host,
      host: r.host,
      pageClass: r.page_class,
      channel: r.channel,
      types,
      level: incidentLevel(types),
      action: r.action,
      outcome: r.outcome,
      team: r.team,
    };
  });
  return { user, teams: [...new Set(incidents.map((i) => i.team))], incidents, more };
}

/** Audits one reading of a person's history (the pseudonym only by its SHA-256). */
export async function auditHistoryRead(
  db: Db,
  who: Actor,
  user: string,
  incidents: number,
  now: number,
): Promise<void> {
  await appendAudit(
    db,
    {
      tenantId: who.tenantId,
      actor: who.actor,
      action: 'person.history.read',
      target: `pseudonym-sha256:${sha256Hex(user)}`,
      details: { incidents },
    },
    now,
  );
}

// --- Retention and erasure ---------------------------------------------------------------------

/** Retention (retention.ts): deletes coaching notes dated before the cutoff; returns how many. */
export async function pruneCoachingNotes(
  db: Db,
  tenantId: string,
  cutoff: string,
): Promise<number> {
  const r = await db
    .deleteFrom('coaching_notes')
    .where('tenant_id', '=', tenantId)
    .where('day', '<', cutoff.slice(0, 10))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Erasure (erasure.ts): the notes about one pseudonym. */
export async function eraseCoachingNotes(tx: Db, tenantId: string, user: string): Promise<bigint> {
  const r = await tx
    .deleteFrom('coaching_notes')
    .where('tenant_id', '=', tenantId)
    .where('pseudonym', '=', user)
    .executeTakeFirst();
  return r.numDeletedRows;
}
