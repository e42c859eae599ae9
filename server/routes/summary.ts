/**
 * `/api/v1/summary/*` (what the dashboard shows) and `/api/v1/anomalies`, for signed-in users.
 * Everything is scoped by the session's tenant; a manager's answers cover only their teams, and
 * team and person views follow the k-anonymity rule of summary.ts.
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { detectAnomalies, listAnomalies } from '../anomalies.ts';
import { appendAudit } from '../audit.ts';
import { fail, readBody, readQuery, type AppEnv, type Deps } from '../http.ts';
import { requireUser } from '../session.ts';
import {
  byPerson,
  byTeam,
  overview,
  periodProblem,
  refreshRollups,
  setMinGroupSize,
  type Period,
  type Viewer,
} from '../summary.ts';

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-28'));
const Limit = v.pipe(
  v.string(),
  v.regex(/^\d{1,4}$/, 'limit must be a whole number'),
  v.transform(Number),
  v.minValue(1, 'limit must be at least 1'),
  v.maxValue(1000, 'limit must be at most 1000'),
);
const unknownParam = (allowed: string) => (i: v.BaseIssue<unknown>) =>
  i.expected === 'never' ? `unknown query parameter (allowed: ${allowed})` : i.message;

/** Query of the overview: a period of whole UTC days (both included) and the bucket size. */
export const OverviewQuery = v.strictObject(
  {
    from: Day,
    to: Day,
    bucket: v.optional(v.picklist(['day', 'week'], 'bucket must be day or week')),
  },
  unknownParam('from, to, bucket'),
);
/** Query of the team view. */
export const PeriodQuery = v.strictObject({ from: Day, to: Day }, unknownParam('from, to'));
/** Query of the site and person views. */
export const LimitedPeriodQuery = v.strictObject(
  { from: Day, to: Day, limit: v.optional(Limit) },
  unknownParam('from, to, limit'),
);

const Figures = { incidents: v.number(), items: v.number() };
const PeriodShape = v.object({ from: v.string(), to: v.string() });
const Row = v.object({ key: v.string(), ...Figures, previous: v.nullable(v.number()) });
const Other = v.nullable(v.object({ groups: v.number(), users: v.number(), ...Figures }));

/** `GET /api/v1/summary/overview` answer. */
export const OverviewResponse = v.object({
  period: PeriodShape,
  previousPeriod: PeriodShape,
  bucket: v.picklist(['day', 'week']),
  k: v.number(),
  teams: v.nullable(v.array(v.string())),
  suppressed: v.boolean(),
  previousSuppressed: v.boolean(),
  total: v.nullable(v.object(Figures)),
  previousTotal: v.nullable(v.object(Figures)),
  series: v.array(v.object({ start: v.string(), ...Figures, previous: v.nullable(v.number()) })),
  breakdown: v.object({
    type: v.array(Row),
    level: v.array(Row),
    site: v.array(Row),
    action: v.array(Row),
    outcome: v.array(Row),
    channel: v.array(Row),
    pageClass: v.array(Row),
  }),
  rolledUpThrough: v.nullable(v.string()),
});

/** `GET /api/v1/summary/sites` answer: the top AI sites (catalogue id, or host when unknown). */
export const SitesResponse = v.object({
  period: PeriodShape,
  suppressed: v.boolean(),
  sites: v.array(Row),
});

/** `GET /api/v1/summary/teams` answer. */
export const TeamsResponse = v.object({
  period: PeriodShape,
  k: v.number(),
  teams: v.array(v.object({ team: v.nullable(v.string()), users: v.number(), ...Figures })),
  other: Other,
  withheldTeams: v.number(),
});

/** `GET /api/v1/summary/people` answer. */
export const PeopleResponse = v.object({
  period: PeriodShape,
  k: v.number(),
  people: v.array(v.object({ user: v.string(), team: v.nullable(v.string()), ...Figures })),
  more: v.number(),
  other: Other,
  withheldUsers: v.number(),
});

/** `POST /api/v1/summary/settings` body. */
export const SummarySettings = v.strictObject(
  {
    minGroupSize: v.pipe(
      v.number('minGroupSize must be a number'),
      v.integer('minGroupSize must be a whole number'),
      v.minValue(2, 'minGroupSize must be at least 2'),
      v.maxValue(1000, 'minGroupSize must be at most 1000'),
    ),
  },
  (i) => (i.expected === 'never' ? 'unknown field (allowed: minGroupSize)' : i.message),
);
export const SummarySettingsResponse = v.object({ minGroupSize: v.number() });

/** `GET /api/v1/anomalies` answer. */
export const AnomaliesResponse = v.object({
  period: PeriodShape,
  anomalies: v.array(
    v.object({
      day: v.string(),
      kind: v.picklist(['person', 'team']),
      subject: v.nullable(v.string()),
      team: v.nullable(v.string()),
      count: v.number(),
      baselineMedian: v.number(),
      threshold: v.number(),
      detectedAt: v.string(),
    }),
  ),
  /** Spikes of teams under k, left out for a manager. */
  withheld: v.number(),
});

/** `POST /api/v1/anomalies/detect` body and answer. */
export const DetectRequest = v.strictObject({ day: Day }, (i) =>
  i.expected === 'never' ? 'unknown field (allowed: day)' : i.message,
);
export const DetectResponse = v.object({ day: v.string(), found: v.number(), new: v.number() });

function period(q: { from: string; to: string }): Period {
  const p = { from: q.from, to: q.to };
  const problem = periodProblem(p);
  if (problem) fail(400, 'invalid_request', problem);
  return p;
}

const viewerOf = (c: Context<AppEnv>): Viewer => ({
  tenantId: c.var.user.tenantId,
  role: c.var.user.role,
  teams: c.var.user.teams,
});

export function summaryRoutes(deps: Deps) {
  const anyone = requireUser(deps);
  return new Hono<AppEnv>()
    .get('/overview', anyone, async (c) => {
      const q = readQuery(c, OverviewQuery);
      return c.json(await overview(deps.db, viewerOf(c), period(q), q.bucket ?? 'day'));
    })
    .get('/sites', anyone, async (c) => {
      const q = readQuery(c, LimitedPeriodQuery);
      const o = await overview(deps.db, viewerOf(c), period(q), 'week');
      return c.json({
        period: o.period,
        suppressed: o.suppressed,
        sites: o.breakdown.site.slice(0, q.limit ?? 10),
      });
    })
    .get('/teams', anyone, async (c) => {
      const q = readQuery(c, PeriodQuery);
      return c.json(await byTeam(deps.db, viewerOf(c), period(q)));
    })
    .get('/people', anyone, async (c) => {
      const q = readQuery(c, LimitedPeriodQuery);
      return c.json(await byPerson(deps.db, viewerOf(c), period(q), q.limit ?? 100));
    })
    .post('/settings', requireUser(deps, ['admin']), async (c) => {
      const body = await readBody(c, SummarySettings);
      const user = c.var.user;
      await setMinGroupSize(deps.db, user.tenantId, body.minGroupSize);
      await appendAudit(
        deps.db,
        {
          tenantId: user.tenantId,
          actor: `user:${user.id}`,
          action: 'summary.k.set',
          details: { minGroupSize: body.minGroupSize },
        },
        deps.now(),
      );
      return c.json({ minGroupSize: body.minGroupSize });
    });
}

export function anomalyRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/', requireUser(deps), async (c) => {
      const q = readQuery(c, PeriodQuery);
      const p = period(q);
      return c.json({ period: p, ...(await listAnomalies(deps.db, viewerOf(c), p)) });
    })
    .post('/detect', requireUser(deps, ['admin']), async (c) => {
      const { day } = await readBody(c, DetectRequest);
      period({ from: day, to: day });
      const user = c.var.user;
      const now = deps.now();
      await refreshRollups(deps.db, now);
      const r = await detectAnomalies(deps.db, user.tenantId, day, now);
      await appendAudit(
        deps.db,
        {
          tenantId: user.tenantId,
          actor: `user:${user.id}`,
          action: 'anomalies.detect',
          details: { day, found: r.found, new: r.new },
        },
        now,
      );
      return c.json({ day, ...r });
    });
}
