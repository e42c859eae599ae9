/**
 * `/api/v1/teams/*` (teams.ts): per-team trends and coaching with repeat incidents for everyone
 * signed in (a manager: their teams; k-anonymity as in the summaries); coaching notes written by
 * admins and managers (masked, audited); a person's pseudonymous history for admins, or managers
 * of that person's team, as the tenant's `person_history` setting allows (every reading audited);
 * and that setting, which admins change (audited).
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { Pseudonym } from '../erasure.ts';
import { fail, readBody, readQuery, type AppEnv, type Deps } from '../http.ts';
import { requireUser } from '../session.ts';
import { periodProblem, type Period } from '../summary.ts';
import {
  PERSON_HISTORY,
  addCoachingNote,
  auditHistoryRead,
  coachingReport,
  mayReadHistory,
  personHistory,
  personHistorySetting,
  setPersonHistory,
  teamKnown,
  teamTrend,
} from '../teams.ts';
import { FreeText, TeamName, actorOf, optionalPeriod, viewerOf } from './overrides.ts';
import * as doc from './docs.ts';

const DAY_MS = 86_400_000;
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-28'));
const whole = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,4}$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );
const unknown = (allowed: string, what: string) => (i: v.BaseIssue<unknown>) =>
  i.expected === 'never' ? `unknown ${what} (allowed: ${allowed})` : i.message;

/** Query of `GET /api/v1/teams/trend`. */
export const TrendQuery = v.strictObject(
  {
    from: Day,
    to: Day,
    bucket: v.optional(v.picklist(['day', 'week'], 'bucket must be day or week')),
  },
  unknown('from, to, bucket', 'query parameter'),
);
/** Query of `GET /api/v1/teams/coaching`. */
export const CoachingQuery = v.strictObject(
  {
    from: Day,
    to: Day,
    repeatDays: v.optional(whole('repeatDays', 1, 90)),
    compareDays: v.optional(whole('compareDays', 1, 90)),
  },
  unknown('from, to, repeatDays, compareDays', 'query parameter'),
);
/** Query of `GET /api/v1/teams/people/:id/history`. */
export const HistoryQuery = v.strictObject(
  { from: v.optional(Day), to: v.optional(Day) },
  unknown('from, to', 'query parameter'),
);
/** `POST /api/v1/teams/notes` body. */
export const NoteRequest = v.strictObject(
  {
    team: TeamName,
    day: v.pipe(v.string('day must be a day like 2026-11-28'), Day),
    note: FreeText('note'),
    user: v.optional(Pseudonym),
  },
  unknown('team, day, note, user', 'field'),
);
/** `POST /api/v1/teams/settings` body. */
export const TeamSettings = v.strictObject(
  {
    personHistory: v.picklist(
      PERSON_HISTORY,
      `personHistory must be one of ${PERSON_HISTORY.join(', ')}`,
    ),
  },
  unknown('personHistory', 'field'),
);

const Point = v.object({
  start: v.string(),
  incidents: v.number(),
  items: v.number(),
  previous: v.nullable(v.number()),
});
const TrendRow = {
  users: v.number(),
  incidents: v.number(),
  items: v.number(),
  previous: v.nullable(v.number()),
  series: v.array(Point),
};
/** `GET /api/v1/teams/trend` answer. */
export const TrendResponse = v.object({
  period: v.object({ from: v.string(), to: v.string() }),
  previousPeriod: v.object({ from: v.string(), to: v.string() }),
  bucket: v.picklist(['day', 'week']),
  k: v.number(),
  teams: v.array(v.object({ team: v.nullable(v.string()), ...TrendRow })),
  other: v.nullable(v.object({ groups: v.number(), ...TrendRow })),
  withheldTeams: v.number(),
});
const Window = v.object({
  from: v.string(),
  to: v.string(),
  days: v.number(),
  withheld: v.nullable(v.picklist(['fewer-than-k', 'person-history', 'not-yet'])),
  incidents: v.nullable(v.number()),
  repeats: v.nullable(v.number()),
  people: v.nullable(v.number()),
  repeaters: v.nullable(v.number()),
});
/** `GET /api/v1/teams/coaching` answer. */
export const CoachingResponse = v.object({
  period: v.object({ from: v.string(), to: v.string() }),
  k: v.number(),
  repeatDays: v.number(),
  compareDays: v.number(),
  notes: v.array(
    v.object({
      id: v.string(),
      team: v.string(),
      user: v.nullable(v.string()),
      person: v.boolean(),
      day: v.string(),
      note: v.string(),
      author: v.string(),
      authorEmail: v.nullable(v.string()),
      createdAt: v.string(),
      before: Window,
      after: Window,
    }),
  ),
  more: v.number(),
});
/** `POST /api/v1/teams/notes` answer. */
export const NoteResponse = v.object({ id: v.string(), note: v.string(), masked: v.number() });
/** `GET /api/v1/teams/people/:id/history` answer. */
export const HistoryResponse = v.object({
  user: v.string(),
  teams: v.array(v.nullable(v.string())),
  incidents: v.array(
    v.object({
      id: v.string(),
      time: v.string(),
      site: v.string(),
      host: v.string(),
      pageClass: v.string(),
      channel: v.string(),
      types: v.array(v.string()),
      level: v.string(),
      action: v.string(),
      outcome: v.string(),
      team: v.nullable(v.string()),
    }),
  ),
  more: v.number(),
});
/** `GET` and `POST /api/v1/teams/settings` answer. */
export const TeamSettingsResponse = v.object({
  personHistory: v.picklist(PERSON_HISTORY),
  /** Whether the signed-in user may read a person's history under it. */
  mayReadHistory: v.boolean(),
});

function period(q: { from: string; to: string }): Period {
  const p = { from: q.from, to: q.to };
  const problem = periodProblem(p);
  if (problem) fail(400, 'invalid_request', problem);
  return p;
}

export function teamRoutes(deps: Deps) {
  const anyone = requireUser(deps);
  const writer = requireUser(deps, ['admin', 'manager']);
  const settingOf = (c: Context<AppEnv>) => personHistorySetting(deps.db, c.var.user.tenantId);
  return new Hono<AppEnv>()
    .get('/trend', anyone, async (c) => {
      const q = readQuery(c, TrendQuery);
      return c.json(await teamTrend(deps.db, viewerOf(c), period(q), q.bucket ?? 'week'));
    })
    .get('/coaching', anyone, async (c) => {
      const q = readQuery(c, CoachingQuery);
      const mayPerson = mayReadHistory(await settingOf(c), c.var.user.role);
      return c.json(
        await coachingReport(deps.db, viewerOf(c), period(q), {
          repeatDays: q.repeatDays ?? 30,
          compareDays: q.compareDays ?? 28,
          now: deps.now(),
          mayPerson,
        }),
      );
    })
    .post('/notes', writer, async (c) => {
      const body = await readBody(c, NoteRequest);
      const user = c.var.user;
      const problem = periodProblem({ from: body.day, to: body.day });
      if (problem) fail(400, 'invalid_request', `day: ${problem}`);
      if (Date.parse(`${body.day}T00:00:00Z`) > deps.now() + DAY_MS) {
        fail(400, 'invalid_request', 'day: a coaching note cannot be dated in the future');
      }
      if (user.role === 'manager' && !user.teams.includes(body.team)) {
        fail(403, 'not_your_team', 'managers add notes only for their own teams');
      }
      if (body.user !== undefined && !mayReadHistory(await settingOf(c), user.role)) {
        fail(
          403,
          'person_history_not_allowed',
          "notes about one person follow the tenant's person-history setting, which does not allow it for your role",
        );
      }
      if (!(await teamKnown(deps.db, user.tenantId, body.team, body.user))) {
        fail(
          404,
          'not_found',
          body.user === undefined
            ? 'no incidents from this team in this tenant'
            : 'no incidents from this person in this team',
        );
      }
      const r = await addCoachingNote(deps.db, actorOf(c), body, deps.now());
      return c.json(r, 201);
    })
    .get('/settings', anyone, async (c) => {
      const s = await settingOf(c);
      return c.json({ personHistory: s, mayReadHistory: mayReadHistory(s, c.var.user.role) });
    })
    .post('/settings', requireUser(deps, ['admin']), async (c) => {
      const body = await readBody(c, TeamSettings);
      await setPersonHistory(deps.db, actorOf(c), body.personHistory, deps.now());
      return c.json({
        personHistory: body.personHistory,
        mayReadHistory: mayReadHistory(body.personHistory, c.var.user.role),
      });
    })
    .get('/people/:id/history', writer, async (c) => {
      const setting = await settingOf(c);
      if (!mayReadHistory(setting, c.var.user.role)) {
        fail(
          403,
          'person_history_not_allowed',
          setting === 'off'
            ? "this tenant's person-history setting is off"
            : "this tenant's person-history setting allows admins only",
        );
      }
      const user = c.req.param('id');
      if (!v.is(Pseudonym, user)) {
        fail(400, 'invalid_request', 'id must be a user pseudonym: 16 to 128 base64url characters');
      }
      const q = readQuery(c, HistoryQuery);
      const h = await personHistory(deps.db, viewerOf(c), user, optionalPeriod(q));
      if (!h) fail(404, 'not_found', 'no incidents of this person in your scope');
      await auditHistoryRead(deps.db, actorOf(c), user, h.incidents.length, deps.now());
      return c.json(h);
    });
}

/** The OpenAPI entries of the team routes, spread into ROUTES in openapi.ts. */
export const TEAM_ROUTES: doc.RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/teams/trend',
    summary:
      'Incidents per team by day or week against the previous period, from the rollups, with k-anonymity (any signed-in user; a manager sees only their teams). Query: from, to, bucket (day|week, default week)',
    device: false,
    responses: { '200': ['The trends', TrendResponse], ...doc.badInput, ...doc.roleOrCsrf },
  },
  {
    method: 'get',
    path: '/api/v1/teams/coaching',
    summary:
      "Coaching notes dated in the period with repeat incidents (by someone who had one in the repeatDays before) in the compareDays before and after each; team figures withheld under k, a person's only where the person-history setting allows. Query: from, to, repeatDays (default 30), compareDays (default 28)",
    device: false,
    responses: {
      '200': ['The notes with figures', CoachingResponse],
      ...doc.badInput,
      ...doc.roleOrCsrf,
    },
  },
  {
    method: 'post',
    path: '/api/v1/teams/notes',
    summary:
      'Record that a team (or one person in it, by pseudonym) was coached on a day (admin; manager for their teams; audited). The note is masked by the engine before it is stored',
    device: false,
    body: NoteRequest,
    responses: {
      '201': ['The stored (masked) note', NoteResponse],
      ...doc.jsonWrite(doc.roleOrCsrf),
      '404': doc.error('No incidents from this team (or person) in the tenant'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/teams/settings',
    summary:
      "The tenant's person-history setting (off, admins, admins-and-managers) and whether it lets the signed-in user read a person's history",
    device: false,
    responses: { '200': ['The setting', TeamSettingsResponse], ...doc.roleOrCsrf },
  },
  {
    method: 'post',
    path: '/api/v1/teams/settings',
    summary: "Set the tenant's person-history setting (admin; audited)",
    device: false,
    body: TeamSettings,
    responses: { '200': ['Set', TeamSettingsResponse], ...doc.jsonWrite(doc.roleOrCsrf) },
  },
  {
    method: 'get',
    path: '/api/v1/teams/people/:id/history',
    summary:
      "A person's incidents by pseudonym, newest first, at most 500: time, site, channel, types, level, action, outcome; never text (admins, or managers of the person's team, as the person-history setting allows; each reading audited). Query: from and to (both or neither)",
    device: false,
    responses: {
      '200': ['The history', HistoryResponse],
      ...doc.badInput,
      ...doc.roleOrCsrf,
      '404': doc.error('No incidents of this person in your scope'),
    },
  },
];
