/**
 * `/api/v1/dashboard/*`: the few figures the dashboard (issue 6) needs that the summary API
 * (routes/summary.ts) does not give: the enrolled browsers with the policy revision each last
 * fetched (or, before its first fetch, reported with incidents) and whether it is out of date,
 * and the top unapproved AI tools of a period.
 *
 * Everything is scoped by the session's tenant. Unapproved tools follow the summary API's rules:
 * a manager sees only their teams, nothing when those teams held fewer than k users in the period,
 * and a tool's distinct-user count is shown only when it is at least k (else null: "fewer than k").
 */
import { Hono } from 'hono';
import { sql } from 'kysely';
import * as v from 'valibot';
import { fail, readQuery, type AppEnv, type Deps } from '../http.ts';
import { requireUser } from '../session.ts';
import { minGroupSize, periodProblem, type Period } from '../summary.ts';
import * as doc from './docs.ts';

/** A device that has not been seen for this long counts as silent (out of date). */
export const SILENT_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-28'));
const Limit = v.pipe(
  v.string(),
  v.regex(/^\d{1,3}$/, 'limit must be a whole number'),
  v.transform(Number),
  v.minValue(1, 'limit must be at least 1'),
  v.maxValue(100, 'limit must be at most 100'),
);

/** Query of `GET /api/v1/dashboard/unapproved-tools`. */
export const ToolsQuery = v.strictObject({ from: Day, to: Day, limit: v.optional(Limit) }, (i) =>
  i.expected === 'never' ? 'unknown query parameter (allowed: from, to, limit)' : i.message,
);

/** `GET /api/v1/dashboard/unapproved-tools` answer. */
export const ToolsResponse = v.object({
  period: v.object({ from: v.string(), to: v.string() }),
  k: v.number(),
  /** True when a manager's teams held fewer than k users in the period: no tools are listed. */
  suppressed: v.boolean(),
  tools: v.array(
    v.object({
      /** Catalogue site id, or the host for a site the catalogue does not know. */
      key: v.string(),
      incidents: v.number(),
      /** Distinct pseudonyms; null when fewer than k (k-anonymity). */
      users: v.nullable(v.number()),
    }),
  ),
});

/** Why a device counts as out of date. */
export const OUTDATED_REASONS = ['extension', 'policy', 'silent'] as const;

/** `GET /api/v1/dashboard/devices` answer. */
export const DevicesResponse = v.object({
  /** The tenant's newest published policy revision (null: none published yet). */
  currentPolicy: v.nullable(v.number()),
  /** The newest extension version among the tenant's active devices. */
  newestExtension: v.nullable(v.string()),
  silentAfterDays: v.number(),
  devices: v.array(
    v.object({
      id: v.string(),
      browser: v.string(),
      extensionVersion: v.string(),
      /**
       * The policy revision the device last fetched or confirmed; for a device that has not
       * fetched since 0009, the highest revision its incidents reported (null: neither).
       */
      policyVersion: v.nullable(v.number()),
      /** Where policyVersion comes from: the device's own fetch, its incidents, or nowhere. */
      policySource: v.nullable(v.picklist(['fetch', 'incidents'])),
      /** When the device last fetched or confirmed the policy (null: not since 0009). */
      policyFetchedAt: v.nullable(v.string()),
      enrolledAt: v.string(),
      lastSeenAt: v.string(),
      revokedAt: v.nullable(v.string()),
      incidentsDropped: v.number(),
      outdated: v.array(v.picklist(OUTDATED_REASONS)),
    }),
  ),
});

/** Compares dotted numeric versions (1.10.0 > 1.9.3); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function dashboardApiRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/devices', requireUser(deps, ['admin', 'auditor']), async (c) => {
      const tenantId = c.var.user.tenantId;
      const now = deps.now();
      const [rows, policy] = await Promise.all([
        deps.db
          .selectFrom('devices')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .orderBy('enrolled_at')
          .orderBy('id')
          .execute(),
        deps.db
          .selectFrom('policies')
          .select((e) => e.fn.max<number>('revision').as('revision'))
          .where('tenant_id', '=', tenantId)
          .executeTakeFirst(),
      ]);
      // Devices that have not fetched the policy since 0009 have no revision on their row; for
      // them the newest revision their incidents reported stands in. Once every device has
      // polled (they do every few minutes), the incidents are not read at all.
      const versions = rows.some((d) => d.policy_revision == null)
        ? await deps.db
            .selectFrom('incidents')
            .select(['device_id', (e) => e.fn.max<number>('policy_version').as('v')])
            .where('tenant_id', '=', tenantId)
            .where('device_id', 'in', (eb) =>
              eb
                .selectFrom('devices')
                .select('id')
                .where('tenant_id', '=', tenantId)
                .where('policy_revision', 'is', null),
            )
            .groupBy('device_id')
            .execute()
        : [];
      const policyOf = new Map(versions.map((r) => [r.device_id, Number(r.v)]));
      const currentPolicy = policy?.revision == null ? null : Number(policy.revision);
      let newestExtension: string | null = null;
      for (const d of rows) {
        if (d.revoked_at !== null) continue;
        if (newestExtension === null || compareVersions(d.extension_version, newestExtension) > 0)
          newestExtension = d.extension_version;
      }
      const devices = rows.map((d) => {
        const fetched = d.policy_revision == null ? null : Number(d.policy_revision);
        const reported = policyOf.get(d.id) ?? null;
        const policyVersion = fetched ?? reported;
        const policySource =
          fetched !== null ? ('fetch' as const) : reported !== null ? ('incidents' as const) : null;
        const outdated: (typeof OUTDATED_REASONS)[number][] = [];
        if (d.revoked_at === null) {
          if (newestExtension && compareVersions(d.extension_version, newestExtension) < 0)
            outdated.push('extension');
          if (currentPolicy !== null && policyVersion !== null && policyVersion < currentPolicy)
            outdated.push('policy');
          if (now - Date.parse(d.last_seen_at) > SILENT_AFTER_DAYS * DAY_MS)
            outdated.push('silent');
        }
        return {
          id: d.id,
          browser: d.browser,
          extensionVersion: d.extension_version,
          policyVersion,
          policySource,
          policyFetchedAt: d.policy_fetched_at ?? null,
          enrolledAt: d.enrolled_at,
          lastSeenAt: d.last_seen_at,
          revokedAt: d.revoked_at,
          incidentsDropped: Number(d.incidents_dropped ?? 0),
          outdated,
        };
      });
      return c.json({
        currentPolicy,
        newestExtension,
        silentAfterDays: SILENT_AFTER_DAYS,
        devices,
      });
    })
    .get('/unapproved-tools', requireUser(deps), async (c) => {
      const q = readQuery(c, ToolsQuery);
      const p: Period = { from: q.from, to: q.to };
      const problem = periodProblem(p);
      if (problem) fail(400, 'invalid_request', problem);
      const user = c.var.user;
      const k = await minGroupSize(deps.db, user.tenantId);
      const teams = user.role === 'manager' ? [...new Set(user.teams)] : null;
      // Both figures read the daily rollups (summary.ts rollupDay), refreshed every minute: over
      // ten million incidents the same query on the incidents took seconds.
      if (teams) {
        // The same rule as the summary overview: a manager's scope with fewer than k users in
        // the period shows nothing, so the figures cannot single out one agent.
        const scope =
          teams.length === 0
            ? 0
            : Number(
                (
                  await deps.db
                    .selectFrom('rollup_user_day')
                    .select(sql<number>`count(distinct user_pseudonym)`.as('n'))
                    .where('tenant_id', '=', user.tenantId)
                    .where('day', '>=', p.from)
                    .where('day', '<=', p.to)
                    .where('team', 'in', teams)
                    .executeTakeFirst()
                )?.n ?? 0,
              );
        if (scope < k) return c.json({ period: p, k, suppressed: true, tools: [] });
      }
      let tq = deps.db
        .selectFrom('rollup_site_user_day')
        .select([
          'site as key',
          (e) => e.fn.sum<number>('incidents').as('n'),
          sql<number>`count(distinct user_pseudonym)`.as('users'),
        ])
        .where('tenant_id', '=', user.tenantId)
        .where('day', '>=', p.from)
        .where('day', '<=', p.to)
        .where('page_class', '=', 'unapproved-ai');
      if (teams) tq = tq.where('team', 'in', teams);
      const rows = await tq
        .groupBy('site')
        .orderBy('n', 'desc')
        .orderBy('key')
        .limit(q.limit ?? 10)
        .execute();
      return c.json({
        period: p,
        k,
        suppressed: false,
        tools: rows.map((r) => ({
          key: r.key,
          incidents: Number(r.n),
          users: Number(r.users) >= k ? Number(r.users) : null,
        })),
      });
    });
}

/** The OpenAPI entries of the dashboard's routes (API and the static app), spread into ROUTES. */
export const DASHBOARD_ROUTES: doc.RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/dashboard/devices',
    summary:
      "The tenant's enrolled browsers with extension and policy versions and why each is out of date (admin, auditor)",
    device: false,
    responses: { '200': ['The devices', DevicesResponse], ...doc.adminOrAuditor },
  },
  {
    method: 'get',
    path: '/api/v1/dashboard/unapproved-tools',
    summary:
      'The unapproved AI tools with the most incidents in the period, users counted only from k (any signed-in user; a manager sees only their teams). Query: from, to, limit (default 10)',
    device: false,
    responses: { '200': ['The tools', ToolsResponse], ...doc.badQuery, ...doc.noSession },
  },
  {
    method: 'get',
    path: '/dashboard/*',
    summary:
      'The dashboard web app (Preact): its files, and index.html for every client route (HTML, no inline script)',
    device: false,
    responses: {
      '200': ['A file of the app', null],
      '302': ['/dashboard redirects to /dashboard/', null],
      '404': ['No such file, or the dashboard is not built (npm run build:dashboard)', null],
    },
  },
];
