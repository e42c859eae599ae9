/**
 * `POST /api/v1/visits`: the shadow-AI inventory's raw counts (issue 4 reports them, issue 6 shows
 * them): how many pages of each catalogue AI site a device loaded on each of its agent's local
 * days, per host as visited (`chatgpt.com` and `chat.openai.com` are one site). A record holds the
 * day, the site id, the host and its page class, the count and the agent's pseudonym and team: no
 * address, path or title (the extension never has them in the count).
 *
 * Idempotent by design: a device's count for a (day, site, host) only grows, so the stored row
 * takes a reported count only when it is larger. A replayed or late batch changes nothing, not
 * even `received_at`, and a batch is one statement, stored whole or not at all.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { CATALOGUE } from '@/lib/sites/catalogue.ts';
import { deviceAuth } from '../auth.ts';
import { deviceCors } from '../cors.ts';
import { fail, readBody, type AppEnv, type Deps } from '../http.ts';
import { deviceRateLimit } from '../ratelimit.ts';
import { HOST_PATTERN } from '../schemas.ts';
import * as doc from './docs.ts';

/** The most records one request may hold: 90 days of a busy agent's sites fit in a few. */
export const VISITS_MAX = 500;
/** The largest count one device may report for one site on one day. */
export const VISIT_COUNT_MAX = 100_000;

/** The catalogue's AI site ids: the only sites the extension counts (lib/visits.ts). */
const AI_SITE_IDS = new Set(CATALOGUE.filter((s) => s.kind === 'ai').map((s) => s.id));
/** The page classes an AI site can have; a support tool is never counted as a visit. */
export const VISIT_PAGE_CLASSES = ['unapproved-ai', 'approved-ai'] as const;

const DAY_MS = 86_400_000;
const DAY_MIN = '2020-01-01';

/** Whether `day` is a real calendar day written YYYY-MM-DD. */
function isDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

const unknownField = (allowed: string) => (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never'
    ? `unknown field (allowed: ${allowed})`
    : `must be an object with ${allowed}`;

/** One (day, site, host) count of one device. */
export const VisitRecord = v.strictObject(
  {
    day: v.pipe(
      v.string('must be a local day (a string)'),
      v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-28'),
      v.check(isDay, 'must be a calendar day like 2026-11-28'),
      v.check((d) => d >= DAY_MIN, 'must be in 2020 or later'),
    ),
    siteId: v.pipe(
      v.string('must be a catalogue AI site id (a string)'),
      v.check((id) => AI_SITE_IDS.has(id), 'must be a catalogue AI site id like chatgpt'),
    ),
    host: v.pipe(
      v.string('must be a host name (a string)'),
      v.regex(HOST_PATTERN, 'must be a lower-case host name like chat.example.com'),
    ),
    pageClass: v.picklist(
      VISIT_PAGE_CLASSES,
      (i) =>
        `must be an AI page class: one of ${VISIT_PAGE_CLASSES.join(', ')} (got ${i.received})`,
    ),
    count: v.pipe(
      v.number('must be the number of visits (a number)'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(VISIT_COUNT_MAX, `must be at most ${VISIT_COUNT_MAX}`),
    ),
    user: v.pipe(
      v.string('must be the user pseudonym (a string)'),
      v.regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be a pseudonym: 16 to 128 base64url characters'),
    ),
    team: v.optional(
      v.nullable(
        v.pipe(
          v.string('must be a team name (a string)'),
          v.minLength(1, 'must not be empty'),
          v.maxLength(200, 'must be at most 200 characters'),
          v.regex(/^[^\p{Cc}]*$/u, 'must not hold control characters'),
        ),
      ),
    ),
  },
  unknownField('day, siteId, host, pageClass, count, user, team'),
);

export const VisitBatch = v.strictObject(
  {
    records: v.pipe(
      v.array(VisitRecord, 'must be a list of visit records'),
      v.minLength(1, 'must hold at least one record'),
      v.maxLength(VISITS_MAX, `must hold at most ${VISITS_MAX} records`),
    ),
  },
  unknownField('records'),
);

export const VisitBatchResponse = v.object({
  /** Records in the batch. */
  received: v.number(),
  /** Rows created or raised; the rest already held that count or more (a replay). */
  changed: v.number(),
});

export function visitRoutes(deps: Deps) {
  // CORS first: a preflight carries no credential and must be answered before authentication.
  const before = [deviceCors(), deviceAuth(deps), deviceRateLimit(deps)];
  return new Hono<AppEnv>().use(...before).post('/', async (c) => {
    const { records } = await readBody(c, VisitBatch);
    const now = deps.now();
    // A local day runs at most 14 hours ahead of UTC; a later day is a broken clock.
    const latest = new Date(now + DAY_MS).toISOString().slice(0, 10);
    const seen = new Map<string, number>();
    records.forEach((r, i) => {
      if (r.day > latest) {
        fail(400, 'invalid_request', `records.${i}.day: must not be in the future`);
      }
      // One statement cannot raise one row twice (PostgreSQL refuses it): say which repeats.
      const key = `${r.day} ${r.siteId} ${r.host}`;
      const first = seen.get(key);
      if (first !== undefined) {
        fail(
          400,
          'invalid_request',
          `records.${i}: the same day, siteId and host as records.${first} (one record a day, site and host)`,
        );
      }
      seen.set(key, i);
    });
    const device = c.var.device;
    const received = new Date(now).toISOString();
    const changed = await deps.db
      .insertInto('visits')
      .values(
        records.map((r) => ({
          tenant_id: device.tenant_id,
          device_id: device.id,
          day: r.day,
          site_id: r.siteId,
          host: r.host,
          page_class: r.pageClass,
          user_pseudonym: r.user,
          team: r.team ?? null,
          count: r.count,
          received_at: received,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'device_id', 'day', 'site_id', 'host'])
          .doUpdateSet((eb) => ({
            count: eb.ref('excluded.count'),
            page_class: eb.ref('excluded.page_class'),
            user_pseudonym: eb.ref('excluded.user_pseudonym'),
            team: eb.ref('excluded.team'),
            received_at: eb.ref('excluded.received_at'),
          }))
          // Only a larger count is news: a replay or a stale batch leaves the row as it is.
          .whereRef('visits.count', '<', 'excluded.count'),
      )
      .returning('day')
      .execute();
    deps.log.log('info', 'visits stored', {
      tenantId: device.tenant_id,
      deviceId: device.id,
      received: records.length,
      changed: changed.length,
    });
    return c.json({ received: records.length, changed: changed.length });
  });
}

/** The OpenAPI entry of the route, spread into ROUTES (openapi.ts). */
export const VISITS_ROUTES: doc.RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/visits',
    summary:
      'Store AI visit counts per local day, catalogue site and host (at most 500); a count only grows, so a replay changes nothing',
    device: true,
    body: VisitBatch,
    responses: {
      '200': ['Stored (a replay changes nothing)', VisitBatchResponse],
      ...doc.deviceWrite,
    },
  },
];
