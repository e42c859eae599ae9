/**
 * `/api/v1/overrides/*`: the review queue of "send anyway" decisions (overrides.ts). Everyone
 * signed in reads (a manager only their teams' decisions); admins and managers comment, close with
 * a verdict and reopen; auditors only read. Every write is audited. Comments are masked by the
 * engine before they are stored, and the answer says how many values were masked.
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { fail, readBody, readQuery, type AppEnv, type Deps } from '../http.ts';
import {
  LEVEL_FILTERS,
  STATUS_FILTERS,
  TEXT_MAX,
  VERDICTS,
  addComment,
  closeOverride,
  commentsOf,
  overrideOf,
  overrideQueue,
  reopenOverride,
  type OverrideItem,
} from '../overrides.ts';
import { requireUser } from '../session.ts';
import { periodProblem, type Period, type Viewer } from '../summary.ts';
import { mayReadHistory, personHistorySetting } from '../teams.ts';
import * as doc from './docs.ts';

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-28'));
const whole = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,6}$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );
/** A team name as incidents carry it (schemas.ts IncidentRecord.team). */
export const TeamName = v.pipe(
  v.string('team must be a team name (a string)'),
  v.minLength(1, 'team must not be empty'),
  v.maxLength(200, 'team must be at most 200 characters'),
  v.regex(/^[^\p{Cc}]*$/u, 'team must not hold control characters'),
);
const oneOf = <T extends readonly string[]>(list: T, name: string) =>
  v.picklist(list, `${name} must be one of ${list.join(', ')}`);
/** The message for a strict object's unknown key: names the allowed ones, never echoes a value. */
const unknown =
  (allowed: string, what: 'query parameter' | 'field') =>
  (i: v.BaseIssue<unknown>): string =>
    i.expected === 'never' ? `unknown ${what} (allowed: ${allowed})` : i.message;

/** Free text written in the dashboard: 1 to TEXT_MAX characters, masked before it is stored. */
export const FreeText = (name: string) =>
  v.pipe(
    v.string(`${name} must be text`),
    v.transform((s) => s.trim()),
    v.minLength(1, `${name} must not be empty`),
    v.maxLength(TEXT_MAX, `${name} must be at most ${TEXT_MAX} characters`),
  );

/** Query of `GET /api/v1/overrides`. */
export const QueueQuery = v.strictObject(
  {
    status: v.optional(oneOf(STATUS_FILTERS, 'status')),
    level: v.optional(oneOf(LEVEL_FILTERS, 'level')),
    team: v.optional(TeamName),
    from: v.optional(Day),
    to: v.optional(Day),
    limit: v.optional(whole('limit', 1, 500)),
    offset: v.optional(whole('offset', 0, 1_000_000)),
  },
  unknown('status, level, team, from, to, limit, offset', 'query parameter'),
);

/** `POST /api/v1/overrides/:id/comments` body. */
export const CommentRequest = v.strictObject({ body: FreeText('body') }, unknown('body', 'field'));

/** `POST /api/v1/overrides/:id/close` body. */
export const CloseRequest = v.strictObject(
  { verdict: oneOf(VERDICTS, 'verdict'), comment: v.optional(FreeText('comment')) },
  unknown('verdict, comment', 'field'),
);

/** `POST /api/v1/overrides/:id/reopen` body (empty). */
export const ReopenRequest = v.strictObject({}, unknown('none', 'field'));

const Item = v.object({
  id: v.string(),
  time: v.string(),
  site: v.string(),
  host: v.string(),
  channel: v.string(),
  pageClass: v.string(),
  action: v.string(),
  team: v.nullable(v.string()),
  user: v.nullable(v.string()),
  types: v.array(v.string()),
  level: v.string(),
  highRisk: v.boolean(),
  reason: v.nullable(v.string()),
  status: v.picklist(['open', 'closed']),
  verdict: v.nullable(v.picklist(VERDICTS)),
  closedBy: v.nullable(v.string()),
  closedAt: v.nullable(v.string()),
  ageDays: v.number(),
  comments: v.number(),
});
const Comment = v.object({
  id: v.string(),
  author: v.string(),
  authorEmail: v.nullable(v.string()),
  createdAt: v.string(),
  body: v.string(),
});

/** `GET /api/v1/overrides` answer. */
export const QueueResponse = v.object({
  items: v.array(Item),
  matching: v.number(),
  counts: v.object({
    total: v.number(),
    open: v.number(),
    openHighRisk: v.number(),
    closed: v.number(),
  }),
  teams: v.nullable(v.array(v.string())),
  /** Whether pseudonyms are shown (the tenant's person-history rule for this role). */
  showUsers: v.boolean(),
});
/** `GET /api/v1/overrides/:id` answer. */
export const DetailResponse = v.object({
  override: Item,
  comments: v.array(Comment),
  closedByEmail: v.nullable(v.string()),
});
/** `POST /api/v1/overrides/:id/comments` answer. */
export const CommentResponse = v.object({ comment: Comment, masked: v.number() });
/** `POST /api/v1/overrides/:id/close` and `/reopen` answer. */
export const ReviewResponse = v.object({ override: Item, masked: v.number() });

/** Validates a query against a strict schema; the first problem answers 400. */
/** An optional period from `from` and `to`: both or neither; checked like the summaries'. */
export function optionalPeriod(q: { from?: string; to?: string }): Period | undefined {
  if (q.from === undefined && q.to === undefined) return undefined;
  if (q.from === undefined || q.to === undefined) {
    fail(400, 'invalid_request', 'give both from and to, or neither');
  }
  const p = { from: q.from, to: q.to };
  const problem = periodProblem(p);
  if (problem) fail(400, 'invalid_request', problem);
  return p;
}

export const viewerOf = (c: Context<AppEnv>): Viewer => ({
  tenantId: c.var.user.tenantId,
  role: c.var.user.role,
  teams: c.var.user.teams,
});

export const actorOf = (c: Context<AppEnv>) => ({
  tenantId: c.var.user.tenantId,
  actor: `user:${c.var.user.id}`,
});

export function overrideRoutes(deps: Deps) {
  const anyone = requireUser(deps);
  const reviewer = requireUser(deps, ['admin', 'manager']);
  const showUsers = async (c: Context<AppEnv>) =>
    mayReadHistory(await personHistorySetting(deps.db, c.var.user.tenantId), c.var.user.role);
  /** The override named in the path, in the viewer's scope, or 404. */
  const itemOf = async (c: Context<AppEnv>): Promise<OverrideItem> => {
    const item = await overrideOf(deps.db, viewerOf(c), c.req.param('id') ?? '', {
      now: deps.now(),
      showUsers: await showUsers(c),
    });
    if (!item) fail(404, 'not_found', 'no such overridden decision in your scope');
    return item;
  };
  return new Hono<AppEnv>()
    .get('/', anyone, async (c) => {
      const q = readQuery(c, QueueQuery);
      const show = await showUsers(c);
      const queue = await overrideQueue(
        deps.db,
        viewerOf(c),
        {
          status: q.status ?? 'open',
          level: q.level ?? 'high',
          team: q.team,
          period: optionalPeriod(q),
          limit: q.limit ?? 100,
          offset: q.offset ?? 0,
        },
        { now: deps.now(), showUsers: show },
      );
      return c.json({ ...queue, showUsers: show });
    })
    .get('/:id', anyone, async (c) => {
      const item = await itemOf(c);
      const comments = await commentsOf(deps.db, c.var.user.tenantId, item.id);
      const closer = item.closedBy
        ? await deps.db
            .selectFrom('users')
            .select('email')
            .where('tenant_id', '=', c.var.user.tenantId)
            .where('id', '=', item.closedBy.replace(/^user:/, ''))
            .executeTakeFirst()
        : undefined;
      return c.json({ override: item, comments, closedByEmail: closer?.email ?? null });
    })
    .post('/:id/comments', reviewer, async (c) => {
      const item = await itemOf(c);
      const body = await readBody(c, CommentRequest);
      const r = await addComment(deps.db, actorOf(c), item.id, body.body, deps.now());
      return c.json(r, 201);
    })
    .post('/:id/close', reviewer, async (c) => {
      const item = await itemOf(c);
      const body = await readBody(c, CloseRequest);
      const r = await closeOverride(
        deps.db,
        actorOf(c),
        item,
        body.verdict,
        body.comment,
        deps.now(),
      );
      if (!r.closed)
        fail(409, 'already_closed', 'this decision is already closed; reopen it first');
      return c.json({ override: await itemOf(c), masked: r.masked });
    })
    .post('/:id/reopen', reviewer, async (c) => {
      const item = await itemOf(c);
      await readBody(c, ReopenRequest);
      if (!(await reopenOverride(deps.db, actorOf(c), item, deps.now()))) {
        fail(409, 'not_closed', 'this decision is open already');
      }
      return c.json({ override: await itemOf(c), masked: 0 });
    });
}

/** What a write to one decision may refuse. */
const write: doc.Responses = {
  ...doc.jsonWrite(doc.roleOrCsrf),
  '404': doc.error('No such overridden decision in your scope'),
};

/** The OpenAPI entries of the override routes, spread into ROUTES in openapi.ts. */
export const OVERRIDE_ROUTES: doc.RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/overrides',
    summary:
      "The review queue of overridden decisions, oldest first, with counts of open and open high-risk ones (any signed-in user; a manager sees only their teams; pseudonyms only where the tenant's person-history rule allows). Query: status (open|closed|all, default open), level (high|all|NONE|PUBLIC|INTERNAL|CONFIDENTIAL|RESTRICTED, default high), team, from and to (both or neither), limit (1-500, default 100), offset",
    device: false,
    responses: { '200': ['The queue', QueueResponse], ...doc.badQuery, ...doc.roleOrCsrf },
  },
  {
    method: 'get',
    path: '/api/v1/overrides/:id',
    summary: 'One overridden decision with its (masked) reason, review and comments',
    device: false,
    responses: {
      '200': ['The decision', DetailResponse],
      ...doc.roleOrCsrf,
      '404': doc.error('No such overridden decision in your scope'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/overrides/:id/comments',
    summary:
      'Comment on a decision (admin, manager; audited). The text is masked by the engine before it is stored: never quote customer data',
    device: false,
    body: CommentRequest,
    responses: { '201': ['The stored (masked) comment', CommentResponse], ...write },
  },
  {
    method: 'post',
    path: '/api/v1/overrides/:id/close',
    summary:
      'Close a decision with a verdict (justified, coached, policy-gap) and an optional masked comment (admin, manager; audited)',
    device: false,
    body: CloseRequest,
    responses: { '200': ['Closed', ReviewResponse], ...write, '409': doc.error('Already closed') },
  },
  {
    method: 'post',
    path: '/api/v1/overrides/:id/reopen',
    summary: 'Reopen a closed decision (admin, manager; audited). Body: {}',
    device: false,
    body: ReopenRequest,
    responses: { '200': ['Open again', ReviewResponse], ...write, '409': doc.error('Not closed') },
  },
];
