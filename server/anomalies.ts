/**
 * Anomalies (issue 5): a day on which a person's or a team's incident count rose well above their
 * own trailing baseline. Spikes are stored, listed (under k-anonymity for managers) and sent to
 * webhooks.
 *
 * The rule is robust, because daily incident counts are small, skewed and mostly zero: over the
 * previous `baselineDays` days (days without incidents count as 0), take the median and the
 * median absolute deviation (MAD); the day is a spike when its count is at least `minCount` and
 * above `median + k * max(1.4826 * MAD, sigmaFloor)`. (1.4826 * MAD estimates the standard
 * deviation of normal data; the floor keeps a quiet baseline of all zeros from flagging every
 * small burst, and `minCount` keeps 1 -> 3 from counting.) A subject needs `minHistoryDays` of
 * history before its first day with incidents, so a newcomer's first busy day is not a "spike".
 *
 * Detection reads the daily rollups (summary.ts), is idempotent (one row per tenant, day, kind
 * and subject), and runs from a scheduled job for the previous UTC day and on request.
 */
import type { Db } from './db/index.ts';
import type { Job } from './jobs.ts';
import { minGroupSize, refreshRollups, type Period, type Viewer } from './summary.ts';
import { enqueueAnomaly } from './webhooks.ts';

/** The anomaly rule's settings. */
export interface AnomalyRule {
  baselineDays: number;
  /** MAD multiplier. */
  k: number;
  /** Spikes below this count are ignored. */
  minCount: number;
  /** The smallest spread assumed, in incidents a day. */
  sigmaFloor: number;
  /** Days a subject must have been seen before the day checked. */
  minHistoryDays: number;
}

export const DEFAULT_RULE: AnomalyRule = {
  baselineDays: 28,
  k: 3,
  minCount: 5,
  sigmaFloor: 1,
  minHistoryDays: 7,
};

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Applies the rule to one day's count and its baseline (one count a day, zeros included). */
export function checkSpike(
  count: number,
  baseline: readonly number[],
  rule: AnomalyRule = DEFAULT_RULE,
): { anomalous: boolean; median: number; threshold: number } {
  const med = median([...baseline]);
  const mad = median(baseline.map((x) => Math.abs(x - med)));
  const sigma = Math.max(1.4826 * mad, rule.sigmaFloor);
  const threshold = Math.round((med + rule.k * sigma) * 100) / 100;
  return { anomalous: count >= rule.minCount && count > threshold, median: med, threshold };
}

/** One detected spike, as the API lists it. */
export interface Anomaly {
  day: string;
  kind: 'person' | 'team';
  /** The pseudonym (person) or the team name (team; null for "no team"). */
  subject: string | null;
  team: string | null;
  count: number;
  baselineMedian: number;
  threshold: number;
  detectedAt: string;
}

/**
 * Checks `day` for every person and team of the tenant against the days before it, stores new
 * spikes and queues them for the tenant's webhooks. Returns how many spikes the day has and how
 * many were new.
 */
export async function detectAnomalies(
  db: Db,
  tenantId: string,
  day: string,
  now: number,
  rule: AnomalyRule = DEFAULT_RULE,
): Promise<{ found: number; new: number }> {
  const first = dayOf(dayMs(day) - rule.baselineDays * DAY_MS);
  const rows = await db
    .selectFrom('rollup_user_day')
    .select(['day', 'team', 'user_pseudonym', 'incidents'])
    .where('tenant_id', '=', tenantId)
    .where('day', '>=', first)
    .where('day', '<=', day)
    .execute();
  // Subject -> day index (0 = first baseline day, baselineDays = the day checked) -> count.
  const series = new Map<string, { kind: 'person' | 'team'; subject: string; counts: number[] }>();
  // A person's team on the day checked: where most of their incidents were.
  const teamOfPerson = new Map<string, { team: string; n: number }>();
  const slot = (kind: 'person' | 'team', subject: string) => {
    const key = `${kind}\u0000${subject}`;
    let s = series.get(key);
    if (!s) {
      s = { kind, subject, counts: new Array<number>(rule.baselineDays + 1).fill(0) };
      series.set(key, s);
    }
    return s;
  };
  for (const r of rows) {
    const i = Math.round((dayMs(r.day) - dayMs(first)) / DAY_MS);
    const n = Number(r.incidents);
    slot('person', r.user_pseudonym).counts[i]! += n;
    slot('team', r.team).counts[i]! += n;
    if (r.day === day) {
      const cur = teamOfPerson.get(r.user_pseudonym);
      if (!cur || n > cur.n) teamOfPerson.set(r.user_pseudonym, { team: r.team, n });
    }
  }
  const found: Anomaly[] = [];
  for (const s of series.values()) {
    const count = s.counts[rule.baselineDays]!;
    if (count < rule.minCount) continue;
    const baseline = s.counts.slice(0, rule.baselineDays);
    const firstSeen = baseline.findIndex((n) => n > 0);
    if (firstSeen < 0 || rule.baselineDays - firstSeen < rule.minHistoryDays) continue;
    const verdict = checkSpike(count, baseline, rule);
    if (!verdict.anomalous) continue;
    const team = s.kind === 'team' ? s.subject : (teamOfPerson.get(s.subject)?.team ?? '');
    found.push({
      day,
      kind: s.kind,
      subject: s.kind === 'team' && s.subject === '' ? null : s.subject,
      team: team === '' ? null : team,
      count,
      baselineMedian: verdict.median,
      threshold: verdict.threshold,
      detectedAt: new Date(now).toISOString(),
    });
  }
  let fresh = 0;
  for (const a of found) {
    const inserted = await db
      .insertInto('anomalies')
      .values({
        tenant_id: tenantId,
        day,
        kind: a.kind,
        subject: a.subject ?? '',
        team: a.team ?? '',
        count: a.count,
        baseline_median: a.baselineMedian,
        threshold: a.threshold,
        detected_at: a.detectedAt,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'day', 'kind', 'subject']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
      fresh++;
      await enqueueAnomaly(
        db,
        tenantId,
        {
          day,
          kind: a.kind,
          subject: a.subject ?? '',
          team: a.team,
          count: a.count,
          baselineMedian: a.baselineMedian,
          threshold: a.threshold,
        },
        now,
      );
    }
  }
  return { found: found.length, new: fresh };
}

/**
 * The anomalies of a period the viewer may see. Admins and auditors see all; a manager sees those
 * of their teams, and only for teams that had at least k distinct users over the spike's
 * baseline window and day (k-anonymity: a spike in a team of three points at one of three).
 */
export async function listAnomalies(
  db: Db,
  viewer: Viewer,
  period: Period,
  rule: AnomalyRule = DEFAULT_RULE,
): Promise<{ anomalies: Anomaly[]; withheld: number }> {
  let q = db
    .selectFrom('anomalies')
    .selectAll()
    .where('tenant_id', '=', viewer.tenantId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .orderBy('day', 'desc')
    .orderBy('count', 'desc');
  const manager = viewer.role === 'manager';
  if (manager) {
    if (viewer.teams.length === 0) return { anomalies: [], withheld: 0 };
    q = q.where('team', 'in', [...viewer.teams]);
  }
  const rows = await q.execute();
  let allowed = (_day: string, _team: string) => true;
  if (manager && rows.length > 0) {
    const k = await minGroupSize(db, viewer.tenantId);
    const from = dayOf(dayMs(period.from) - rule.baselineDays * DAY_MS);
    const users = await db
      .selectFrom('rollup_user_day')
      .select(['day', 'team', 'user_pseudonym'])
      .where('tenant_id', '=', viewer.tenantId)
      .where('day', '>=', from)
      .where('day', '<=', period.to)
      .where('team', 'in', [...viewer.teams])
      .execute();
    const memo = new Map<string, boolean>();
    allowed = (day, team) => {
      const key = `${day}\u0000${team}`;
      let ok = memo.get(key);
      if (ok === undefined) {
        const lo = dayOf(dayMs(day) - rule.baselineDays * DAY_MS);
        const distinct = new Set(
          users
            .filter((u) => u.team === team && u.day >= lo && u.day <= day)
            .map((u) => u.user_pseudonym),
        );
        ok = distinct.size >= k;
        memo.set(key, ok);
      }
      return ok;
    };
  }
  const anomalies: Anomaly[] = [];
  let withheld = 0;
  for (const r of rows) {
    if (!allowed(r.day, r.team)) {
      withheld++;
      continue;
    }
    anomalies.push({
      day: r.day,
      kind: r.kind === 'team' ? 'team' : 'person',
      subject: r.kind === 'team' && r.subject === '' ? null : r.subject,
      team: r.team === '' ? null : r.team,
      count: Number(r.count),
      baselineMedian: Number(r.baseline_median),
      threshold: Number(r.threshold),
      detectedAt: r.detected_at,
    });
  }
  return { anomalies, withheld };
}

/** Checks the previous UTC day for every tenant (after bringing the rollups up to date). */
export async function detectYesterday(
  db: Db,
  now: number,
): Promise<{ tenants: number; new: number }> {
  await refreshRollups(db, now);
  const day = dayOf(now - DAY_MS);
  const tenants = await db.selectFrom('tenants').select('id').execute();
  let fresh = 0;
  for (const t of tenants) fresh += (await detectAnomalies(db, t.id, day, now)).new;
  return { tenants: tenants.length, new: fresh };
}

/** The scheduled anomaly check: hourly, so a missed run (every instance down) catches up soon. */
export function anomalyJob(opts: { everyMs?: number } = {}): Job {
  return {
    name: 'anomalies',
    everyMs: opts.everyMs ?? 3_600_000,
    run: (ctx) => detectYesterday(ctx.db, ctx.now()),
  };
}
