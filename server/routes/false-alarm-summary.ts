/**
 * `GET /api/v1/false-alarm-summary`: the "this was not sensitive" reports of a period (issue 6,
 * "False alarms: reports from agents by detector and site, to tune policy"), for the dashboard.
 *
 * What a report holds is what routes/false-alarms.ts stores: a detector id, a host and a minute,
 * from one device; never text, never a person or team. So:
 *
 * - Figures are by detector, by site and by day, each against the previous period of the same
 *   length, with how many distinct devices reported (many reports from one browser read
 *   differently from the same number spread over the fleet).
 * - Incidents record entity types, not detectors, so the share of false alarms is per type: the
 *   reports of every detector that can emit a type, against the incidents holding that type in
 *   the period (daily rollups, summary.ts). A detector that emits several types (bank-account:
 *   BANK_ACCOUNT and ROUTING_NUMBER) counts under each, since a report does not say which.
 * - Admins and auditors only. Reports carry no team, so a manager's team scope cannot be applied
 *   to them, and tenant-wide figures would show a manager more than their teams; tuning policy is
 *   an admin's job anyway. No k-anonymity applies: the figures count detectors, sites and
 *   devices, never people.
 */
import { Hono } from 'hono';
import { sql } from 'kysely';
import * as v from 'valibot';
import { isEntityType, TYPE_INFO } from '@/rules/types.ts';
import { findSite } from '@/lib/sites/match.ts';
import type { Db } from '../db/index.ts';
import { fail, readQuery, type AppEnv, type Deps } from '../http.ts';
import { requireUser } from '../session.ts';
import {
  periodDays,
  periodProblem,
  previousPeriod,
  rolledUpThrough,
  type Period,
} from '../summary.ts';
import * as doc from './docs.ts';

const DAY_MS = 86_400_000;
/** How many of a site's detectors its row names. */
export const SITE_TOP_DETECTORS = 3;

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-28'));

/** Query of `GET /api/v1/false-alarm-summary`: whole UTC days, both included. */
export const FalseAlarmSummaryQuery = v.strictObject({ from: Day, to: Day }, (i) =>
  i.expected === 'never' ? 'unknown query parameter (allowed: from, to)' : i.message,
);

const PeriodShape = v.object({ from: v.string(), to: v.string() });
const Counts = {
  /** Reports in the period. */
  reports: v.number(),
  /** Reports in the previous period of the same length. */
  previous: v.number(),
  /** Distinct devices that reported in the period. */
  devices: v.number(),
};

/** Where a detector id comes from. */
export const DETECTOR_SOURCES = ['built-in', 'custom', 'unknown'] as const;

/** `GET /api/v1/false-alarm-summary` answer. */
export const FalseAlarmSummaryResponse = v.object({
  period: PeriodShape,
  previousPeriod: PeriodShape,
  total: v.number(),
  previousTotal: v.number(),
  /** Distinct devices that reported in the period. */
  devices: v.number(),
  /** One entry a day of the period; `previous` is the same day of the previous period. */
  series: v.array(v.object({ day: v.string(), reports: v.number(), previous: v.number() })),
  detectors: v.array(
    v.object({
      detector: v.string(),
      /** built-in (rules/index.ts), custom (the published policy's customDetectors), unknown. */
      source: v.picklist(DETECTOR_SOURCES),
      description: v.nullable(v.string()),
      /** The entity types the detector can emit (empty when unknown). */
      types: v.array(v.string()),
      /** Whether the newest published policy turns the detector off. */
      disabled: v.boolean(),
      ...Counts,
      /** Distinct hosts it was reported on in the period. */
      sites: v.number(),
    }),
  ),
  sites: v.array(
    v.object({
      host: v.string(),
      /** The catalogue site the host belongs to (lib/sites), or null. */
      siteId: v.nullable(v.string()),
      siteName: v.nullable(v.string()),
      ...Counts,
      /** The site's most reported detectors in the period, at most SITE_TOP_DETECTORS. */
      topDetectors: v.array(v.object({ detector: v.string(), reports: v.number() })),
    }),
  ),
  types: v.array(
    v.object({
      type: v.string(),
      label: v.string(),
      /** Reports of the detectors that can emit the type. */
      reports: v.number(),
      /** Incidents holding the type in the period (daily rollups). */
      incidents: v.number(),
      /** reports / incidents; null when there were no incidents of the type. */
      share: v.nullable(v.number()),
    }),
  ),
  /** The newest published revision, whose custom and disabled detectors are shown. */
  policyRevision: v.nullable(v.number()),
  /** When the rollups the incident counts come from were last brought up to date. */
  rolledUpThrough: v.nullable(v.string()),
});
export type FalseAlarmSummary = v.InferOutput<typeof FalseAlarmSummaryResponse>;

/** What the summary needs to know about a detector id. */
interface DetectorInfo {
  source: (typeof DETECTOR_SOURCES)[number];
  description: string | null;
  types: string[];
}

let builtIns: Promise<Map<string, DetectorInfo>> | null = null;

/**
 * The built-in detectors' types and sentences, loaded on first use: the registry brings the whole
 * engine (name lists included), which the server needs for nothing else on most requests, so
 * startup does not pay for it.
 */
function builtInDetectors(): Promise<Map<string, DetectorInfo>> {
  builtIns ??= Promise.all([import('@/rules/index.ts'), import('@/rules/descriptions.ts')]).then(
    ([{ DETECTORS }, { DESCRIPTIONS }]) =>
      new Map(
        DETECTORS.map((d) => [
          d.id,
          { source: 'built-in', description: DESCRIPTIONS[d.id] ?? null, types: [...d.types] },
        ]),
      ),
  );
  return builtIns;
}

/** The parts of a policy document read here; anything else in it is left alone. */
const PolicyEngine = v.object({
  engine: v.optional(
    v.object({
      disabledDetectors: v.optional(v.array(v.string())),
      customDetectors: v.optional(
        v.array(
          v.object({
            id: v.string(),
            type: v.optional(v.string()),
            description: v.optional(v.string()),
          }),
        ),
      ),
    }),
  ),
});

/** The newest policy's revision, custom detectors and disabled detector ids. */
async function policyDetectors(db: Db, tenantId: string) {
  const row = await db
    .selectFrom('policies')
    .select(['revision', 'document'])
    .where('tenant_id', '=', tenantId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  const custom = new Map<string, DetectorInfo>();
  const disabled = new Set<string>();
  if (!row) return { revision: null, custom, disabled };
  let doc: unknown = null;
  try {
    doc = JSON.parse(row.document);
  } catch {
    // Published documents are JSON by construction; a broken one just names no detectors.
  }
  const r = v.safeParse(PolicyEngine, doc);
  if (r.success) {
    for (const id of r.output.engine?.disabledDetectors ?? []) disabled.add(id);
    for (const d of r.output.engine?.customDetectors ?? []) {
      // Custom detectors default to the CUSTOM type (rules/custom/*.ts).
      custom.set(d.id, {
        source: 'custom',
        description: d.description ?? null,
        types: [d.type ?? 'CUSTOM'],
      });
    }
  }
  return { revision: Number(row.revision), custom, disabled };
}

/** The half-open ISO range of a period's `time` values. */
function range(p: Period): [string, string] {
  return [
    `${p.from}T00:00:00.000Z`,
    new Date(Date.parse(`${p.to}T00:00:00.000Z`) + DAY_MS).toISOString(),
  ];
}

/** Most reports first, then most in the previous period, then by name. */
function byReports<T extends { reports: number; previous: number }>(key: (x: T) => string) {
  return (a: T, b: T) =>
    b.reports - a.reports || b.previous - a.previous || key(a).localeCompare(key(b));
}

/** Builds the summary of `tenantId`'s false-alarm reports over `p`. */
export async function falseAlarmSummary(
  db: Db,
  tenantId: string,
  p: Period,
): Promise<FalseAlarmSummary> {
  const prev = previousPeriod(p);
  const [start, end] = range(p);
  const [pStart, pEnd] = range(prev);
  const base = (a: string, b: string) =>
    db
      .selectFrom('false_alarms')
      .where('tenant_id', '=', tenantId)
      .where('time', '>=', a)
      .where('time', '<', b);
  const n = sql<number>`count(*)`;
  const distinctDevices = sql<number>`count(distinct device_id)`;
  const dayExpr = sql<string>`substr(time, 1, 10)`;
  const [
    detectorRows,
    detectorPrev,
    hostRows,
    hostPrev,
    pairs,
    days,
    totals,
    typeRows,
    policy,
    known,
    through,
  ] = await Promise.all([
    base(start, end)
      .select([
        'detector',
        n.as('n'),
        distinctDevices.as('devices'),
        sql<number>`count(distinct host)`.as('sites'),
      ])
      .groupBy('detector')
      .execute(),
    base(pStart, pEnd)
      .select(['detector', n.as('n')])
      .groupBy('detector')
      .execute(),
    base(start, end)
      .select(['host', n.as('n'), distinctDevices.as('devices')])
      .groupBy('host')
      .execute(),
    base(pStart, pEnd)
      .select(['host', n.as('n')])
      .groupBy('host')
      .execute(),
    base(start, end)
      .select(['host', 'detector', n.as('n')])
      .groupBy(['host', 'detector'])
      .execute(),
    // Both periods in one read: they are adjacent, the previous one just before.
    base(pStart, end)
      .select([dayExpr.as('day'), n.as('n')])
      .groupBy(sql`substr(time, 1, 10)`)
      .execute(),
    base(start, end).select(distinctDevices.as('devices')).executeTakeFirst(),
    db
      .selectFrom('rollup_dim_day')
      .select(['key', sql<number>`sum(incidents)`.as('n')])
      .where('tenant_id', '=', tenantId)
      .where('dim', '=', 'type')
      .where('day', '>=', p.from)
      .where('day', '<=', p.to)
      .groupBy('key')
      .execute(),
    policyDetectors(db, tenantId),
    builtInDetectors(),
    rolledUpThrough(db),
  ]);

  const info = (id: string): DetectorInfo =>
    known.get(id) ?? policy.custom.get(id) ?? { source: 'unknown', description: null, types: [] };
  // Detectors: every one reported in either period, so a drop to zero still shows.
  const detPrev = new Map(detectorPrev.map((r) => [r.detector, Number(r.n)]));
  const detectors = detectorRows.map((r) => ({
    detector: r.detector,
    ...info(r.detector),
    disabled: policy.disabled.has(r.detector),
    reports: Number(r.n),
    previous: detPrev.get(r.detector) ?? 0,
    devices: Number(r.devices),
    sites: Number(r.sites),
  }));
  for (const [detector, previous] of detPrev) {
    if (detectorRows.some((r) => r.detector === detector)) continue;
    detectors.push({
      detector,
      ...info(detector),
      disabled: policy.disabled.has(detector),
      reports: 0,
      previous,
      devices: 0,
      sites: 0,
    });
  }
  detectors.sort(byReports((d) => d.detector));

  // Sites, with each one's most reported detectors.
  const top = new Map<string, { detector: string; reports: number }[]>();
  for (const r of pairs) {
    const list = top.get(r.host) ?? [];
    list.push({ detector: r.detector, reports: Number(r.n) });
    top.set(r.host, list);
  }
  const hPrev = new Map(hostPrev.map((r) => [r.host, Number(r.n)]));
  const sites = hostRows.map((r) => ({
    host: r.host,
    reports: Number(r.n),
    previous: hPrev.get(r.host) ?? 0,
    devices: Number(r.devices),
  }));
  for (const [host, previous] of hPrev) {
    if (!hostRows.some((r) => r.host === host))
      sites.push({ host, reports: 0, previous, devices: 0 });
  }
  sites.sort(byReports((s) => s.host));

  // Days of the period against the same day of the previous one.
  const perDay = new Map(days.map((d) => [d.day, Number(d.n)]));
  const dayAt = (from: string, i: number) =>
    new Date(Date.parse(`${from}T00:00:00.000Z`) + i * DAY_MS).toISOString().slice(0, 10);
  const series = Array.from({ length: periodDays(p) }, (_, i) => ({
    day: dayAt(p.from, i),
    reports: perDay.get(dayAt(p.from, i)) ?? 0,
    previous: perDay.get(dayAt(prev.from, i)) ?? 0,
  }));

  // Types: every type a reported detector can emit, against the incidents holding it.
  const incidentsOf = new Map(typeRows.map((r) => [r.key, Number(r.n)]));
  const typeReports = new Map<string, number>();
  for (const d of detectors) {
    if (d.reports === 0) continue;
    for (const t of d.types) typeReports.set(t, (typeReports.get(t) ?? 0) + d.reports);
  }
  const types = [...typeReports]
    .map(([type, reports]) => {
      const incidents = incidentsOf.get(type) ?? 0;
      return {
        type,
        label: isEntityType(type) ? TYPE_INFO[type].label : type,
        reports,
        incidents,
        share: incidents > 0 ? reports / incidents : null,
      };
    })
    .sort((a, b) => b.reports - a.reports || a.type.localeCompare(b.type));

  return {
    period: p,
    previousPeriod: prev,
    total: series.reduce((s, d) => s + d.reports, 0),
    previousTotal: series.reduce((s, d) => s + d.previous, 0),
    devices: Number(totals?.devices ?? 0),
    series,
    detectors,
    sites: sites.map((s) => {
      // Path-prefixed catalogue entries (huggingface.co/chat) do not match a bare host: the row
      // then shows the host alone.
      const entry = findSite(`https://${s.host}/`);
      return {
        ...s,
        siteId: entry?.id ?? null,
        siteName: entry?.name ?? null,
        topDetectors: (top.get(s.host) ?? [])
          .sort((a, b) => b.reports - a.reports || a.detector.localeCompare(b.detector))
          .slice(0, SITE_TOP_DETECTORS),
      };
    }),
    types,
    policyRevision: policy.revision,
    rolledUpThrough: through,
  };
}

export function falseAlarmSummaryRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/', requireUser(deps, ['admin', 'auditor']), async (c) => {
    const q = readQuery(c, FalseAlarmSummaryQuery);
    const p: Period = { from: q.from, to: q.to };
    const problem = periodProblem(p);
    if (problem) fail(400, 'invalid_request', problem);
    return c.json(await falseAlarmSummary(deps.db, c.var.user.tenantId, p));
  });
}

/** The OpenAPI entry of the route, spread into ROUTES (openapi.ts). */
export const FALSE_ALARM_SUMMARY_ROUTES: doc.RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/false-alarm-summary',
    summary:
      'False-alarm reports of the period by detector, site, day and entity type (against incidents of that type), each against the previous period (admin, auditor). Query: from, to (YYYY-MM-DD, both included)',
    device: false,
    responses: {
      '200': ['The summary', FalseAlarmSummaryResponse],
      ...doc.badQuery,
      ...doc.adminOrAuditor,
    },
  },
];
