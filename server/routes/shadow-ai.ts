/**
 * `/api/v1/shadow-ai/*` (issue 6): the Shadow AI page's data and its one action.
 *
 * `GET /tools`: every AI tool seen in a period, from the extension's visit counts (routes/visits.ts)
 * and from incidents on AI pages: whether the tenant's newest published policy approves it (and
 * what the draft, if any, would make of it), the vendor facts (the catalogue's name and vendor;
 * zero data retention and data residency from the policy's approved-tool entry), the distinct users
 * (pseudonyms across visits and incidents, shown only from k: "fewer than k" is null, never the
 * number), and visits and incidents per day or week. A manager sees only their teams, and nothing
 * when those teams held fewer than k users in the period (the summary API's rule, summary.ts).
 *
 * A tool is a catalogue AI site id, or the host of an AI page the catalogue does not know (a host
 * the policy lists as unapproved AI), like `GET /api/v1/dashboard/unapproved-tools`. Visit days are
 * the agents' local days; incident days are UTC days of the incident's minute.
 *
 * `POST /tools/:site/decision {decision: 'approve' | 'block'}` (admin) changes the policy DRAFT
 * (policy/drafts.ts, which validates and audits the save); publishing stays a separate, reviewed
 * step on the Policy page. Approving adds the tool's patterns to `sites.approved`; blocking removes
 * the entries that approve exactly this tool and lists it under `sites.unapprovedAi` when the
 * catalogue alone would not. When a broader pattern decides (an exclusion, or an approval such as
 * `*.example.com`), the answer is 409 naming it: changing it would change other tools too, so that
 * is left to the Policy page.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { migrate } from '@/lib/policy/migrate.ts';
import { PolicyError, parseLayer, type ApprovedTool } from '@/lib/policy/schema.ts';
import { CATALOGUE, type SiteEntry } from '@/lib/sites/catalogue.ts';
import { findSite, matchesPattern } from '@/lib/sites/match.ts';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/index.ts';
import { fail, readBody, readQuery, type AppEnv, type Deps } from '../http.ts';
import { changeDraft, getDraft, latestPolicy, PolicyInvalidError } from '../policy/drafts.ts';
import { HOST_PATTERN } from '../schemas.ts';
import { requireUser } from '../session.ts';
import { minGroupSize, periodProblem, type Period } from '../summary.ts';
import * as doc from './docs.ts';

const DAY_MS = 86_400_000;
/** Incidents on these page classes are AI tool use; support-tool incidents are not. */
const AI_CLASSES = ['unapproved-ai', 'approved-ai'] as const;

/** A tool's standing under one policy document. */
export const TOOL_STATUSES = ['approved', 'partly-approved', 'unapproved', 'excluded'] as const;
export type ToolStatus = (typeof TOOL_STATUSES)[number];

export const DECISIONS = ['approve', 'block'] as const;

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-28'));

/** Query of `GET /api/v1/shadow-ai/tools`. */
export const ToolsQuery = v.strictObject(
  {
    from: Day,
    to: Day,
    bucket: v.optional(v.picklist(['day', 'week'], 'bucket must be day or week')),
  },
  (i) =>
    i.expected === 'never' ? 'unknown query parameter (allowed: from, to, bucket)' : i.message,
);

/** Body of `POST /api/v1/shadow-ai/tools/:site/decision`. */
export const DecisionBody = v.strictObject(
  {
    decision: v.picklist(
      DECISIONS,
      (i) => `must be one of ${DECISIONS.join(', ')} (got ${i.received})`,
    ),
  },
  (i) =>
    i.expected === 'never'
      ? 'unknown field (allowed: decision)'
      : 'must be an object with decision',
);

const Status = v.picklist(TOOL_STATUSES);

/** `GET /api/v1/shadow-ai/tools` answer. */
export const ToolsResponse = v.object({
  period: v.object({ from: v.string(), to: v.string() }),
  bucket: v.picklist(['day', 'week']),
  k: v.number(),
  /** The teams a manager's figures cover; null: the whole tenant. */
  teams: v.nullable(v.array(v.string())),
  /** True when a manager's teams held fewer than k users in the period: no tools are listed. */
  suppressed: v.boolean(),
  /** The newest published revision (null: none) and the draft, if there is one. */
  policy: v.object({
    revision: v.nullable(v.number()),
    draft: v.nullable(v.object({ basedOn: v.nullable(v.number()), updatedAt: v.string() })),
  }),
  /** The first day of each bucket. */
  buckets: v.array(v.string()),
  tools: v.array(
    v.object({
      /** Catalogue site id, or the host of an AI page the catalogue does not know. */
      key: v.string(),
      siteId: v.nullable(v.string()),
      name: v.string(),
      vendor: v.nullable(v.string()),
      /** The catalogue's patterns (hosts, or host/path), or the host itself. */
      hosts: v.array(v.string()),
      /** Under the newest published policy (the built-in defaults when none is published). */
      status: Status,
      /** Under the draft; null when there is no draft. */
      draftStatus: v.nullable(Status),
      /** From the published policy's approved-tool entry; null where it says nothing. */
      facts: v.object({
        zeroDataRetention: v.nullable(v.boolean()),
        dataResidency: v.nullable(v.array(v.string())),
      }),
      /** Distinct pseudonyms over visits and incidents; null when fewer than k (k-anonymity). */
      users: v.nullable(v.number()),
      visits: v.number(),
      incidents: v.number(),
      /** Per bucket, in the order of `buckets`. */
      series: v.array(v.object({ start: v.string(), visits: v.number(), incidents: v.number() })),
    }),
  ),
});

/** `POST /api/v1/shadow-ai/tools/:site/decision` answer. */
export const DecisionResponse = v.object({
  key: v.string(),
  decision: v.picklist(DECISIONS),
  /** False when the draft already said so (nothing was saved). */
  changed: v.boolean(),
  /** The tool's standing under the draft now (under the published policy when no draft). */
  draftStatus: Status,
  /** The draft; null when nothing changed and there is none (the published policy says so). */
  draft: v.nullable(v.object({ basedOn: v.nullable(v.number()), updatedAt: v.string() })),
});

// --- Tools and policy documents ---------------------------------------------------------------

/** The site lists of a policy document that decide a page's class (lib/policy/convert.ts). */
interface SiteLists {
  approved: ApprovedTool[];
  unapprovedAi: string[];
  supportTools: string[];
  excluded: string[];
}

/** A tool: what it is called and the patterns it covers. */
interface Tool {
  key: string;
  site: SiteEntry | null;
  patterns: readonly string[];
}

const AI_SITES = new Map(CATALOGUE.filter((s) => s.kind === 'ai').map((s) => [s.id, s]));

/** The tool a key names, or null when it names none (not an AI site id, not a host). */
export function toolOf(key: string): Tool | null {
  const site = AI_SITES.get(key);
  if (site) return { key, site, patterns: site.patterns };
  if (!key.includes('.') || !HOST_PATTERN.test(key)) return null;
  // A host of a catalogue AI site is that site: one tool, one row, one decision.
  const known = findSite(`https://${key}/`);
  if (known?.kind === 'ai') return { key: known.id, site: known, patterns: known.patterns };
  if (known) return null;
  return { key, site: null, patterns: [key] };
}

/** An address a pattern covers (a wildcard host stands for one of its subdomains). */
function urlOf(pattern: string): URL {
  return new URL(`https://${pattern.replace(/^\*\./, 'www.')}`);
}

/**
 * The site lists of a policy document, read as the extension reads a synced policy. A field the
 * document leaves out has its built-in default, an empty list (lib/policy/defaults.ts). A document
 * that cannot be read (never one saved through drafts.ts or published by it) counts as empty.
 */
function siteListsOf(doc: unknown): SiteLists {
  let layer: ReadonlyMap<string, unknown> = new Map();
  try {
    layer = parseLayer(migrate(doc));
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err;
  }
  const list = <T>(field: string): T[] => (layer.get(field) as T[] | undefined) ?? [];
  return {
    approved: list<ApprovedTool>('sites.approved'),
    unapprovedAi: list<string>('sites.unapprovedAi'),
    supportTools: list<string>('sites.supportTools'),
    excluded: list<string>('sites.excluded'),
  };
}

const covers = (url: URL, patterns: readonly string[]) =>
  patterns.find((p) => matchesPattern(url.hostname, url.pathname, p)) ?? null;

/** A page's class under the lists, in the order lib/policy/convert.ts `classify` uses. */
function classOf(url: URL, s: SiteLists): 'approved' | 'unapproved' | 'excluded' | 'other' {
  if (covers(url, s.excluded)) return 'excluded';
  if (
    covers(
      url,
      s.approved.map((a) => a.pattern),
    )
  )
    return 'approved';
  if (covers(url, s.unapprovedAi)) return 'unapproved';
  if (covers(url, s.supportTools)) return 'other';
  return findSite(url)?.kind === 'ai' ? 'unapproved' : 'other';
}

/** The tool's standing: every pattern approved, some, none, or every one excluded. */
function statusOf(tool: Tool, s: SiteLists): ToolStatus {
  const classes = tool.patterns.map((p) => classOf(urlOf(p), s));
  if (classes.every((c) => c === 'excluded')) return 'excluded';
  const approved = classes.filter((c) => c === 'approved').length;
  if (approved === classes.length) return 'approved';
  return approved > 0 ? 'partly-approved' : 'unapproved';
}

/** The approved-tool entry that covers the tool, for its vendor facts. */
function approvalOf(tool: Tool, s: SiteLists): ApprovedTool | null {
  for (const p of tool.patterns) {
    const url = urlOf(p);
    if (covers(url, s.excluded)) continue;
    const entry = s.approved.find((a) => matchesPattern(url.hostname, url.pathname, a.pattern));
    if (entry) return entry;
  }
  return null;
}

/** A decision that a broader rule of the policy decides; the message names the rule. */
class DecisionConflict extends Error {}
/** The draft already says what was decided: nothing to save. */
class Unchanged extends Error {}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const normal = (p: unknown) => (typeof p === 'string' ? p.trim().toLowerCase() : p);

/**
 * Applies `decision` for `tool` to a draft document in place (drafts.ts `changeDraft` hands a
 * fresh copy). Throws DecisionConflict when a broader pattern decides, Unchanged when the document
 * already says so.
 */
export function applyDecision(
  doc: Record<string, unknown>,
  tool: Tool,
  decision: (typeof DECISIONS)[number],
): void {
  const before = JSON.stringify(doc);
  if (!isRecord(doc.sites)) doc.sites = {};
  const sites = doc.sites as Record<string, unknown>;
  const urls = tool.patterns.map((p) => ({ pattern: p, url: urlOf(p) }));
  let lists = siteListsOf(doc);
  if (decision === 'approve') {
    for (const { url } of urls) {
      const excludedBy = covers(url, lists.excluded);
      if (excludedBy) {
        throw new DecisionConflict(
          `${tool.key} is excluded from Hush by the sites.excluded pattern ${excludedBy}; change that on the Policy page`,
        );
      }
    }
    const approved = Array.isArray(sites.approved) ? [...(sites.approved as unknown[])] : [];
    for (const { pattern, url } of urls) {
      if (classOf(url, lists) !== 'approved') approved.push({ pattern });
    }
    sites.approved = approved;
    // Tidy: an approved pattern listed as unapproved AI too would only confuse a reader.
    if (Array.isArray(sites.unapprovedAi)) {
      sites.unapprovedAi = (sites.unapprovedAi as unknown[]).filter(
        (p) => !tool.patterns.includes(normal(p) as string),
      );
    }
  } else {
    if (Array.isArray(sites.approved)) {
      sites.approved = (sites.approved as unknown[]).filter(
        (a) => !(isRecord(a) && tool.patterns.includes(normal(a.pattern) as string)),
      );
    }
    lists = siteListsOf(doc);
    for (const { url } of urls) {
      if (covers(url, lists.excluded)) continue;
      const still = covers(
        url,
        lists.approved.map((a) => a.pattern),
      );
      if (still) {
        throw new DecisionConflict(
          `${tool.key} is still approved by the sites.approved pattern ${still}, which covers more than this tool; change that on the Policy page`,
        );
      }
    }
    const unapproved = Array.isArray(sites.unapprovedAi)
      ? [...(sites.unapprovedAi as unknown[])]
      : [];
    for (const { pattern, url } of urls) {
      // The catalogue already makes its AI sites unapproved; a host it does not know needs listing.
      const c = classOf(url, lists);
      if (c !== 'unapproved' && c !== 'excluded') unapproved.push(pattern);
    }
    if (unapproved.length > 0 || Array.isArray(sites.unapprovedAi)) sites.unapprovedAi = unapproved;
  }
  if (JSON.stringify(doc) === before) throw new Unchanged();
}

// --- Queries --------------------------------------------------------------------------------

const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The visit and incident rows of the period that the viewer may see. */
function scoped(db: Db, tenantId: string, p: Period, teams: string[] | null) {
  const visits = () => {
    let q = db
      .selectFrom('visits')
      .where('tenant_id', '=', tenantId)
      .where('day', '>=', p.from)
      .where('day', '<=', p.to);
    if (teams) q = q.where('team', 'in', teams);
    return q;
  };
  // Incidents are read from their daily rollup per person and site (summary.ts rollupDay,
  // refreshed every minute), not from the incidents: over millions of them that took seconds.
  const incidents = () => {
    let q = db
      .selectFrom('rollup_site_user_day')
      .where('tenant_id', '=', tenantId)
      .where('page_class', 'in', AI_CLASSES)
      .where('day', '>=', p.from)
      .where('day', '<=', p.to);
    if (teams) q = q.where('team', 'in', teams);
    return q;
  };
  return { visits, incidents };
}

type ToolsAnswer = v.InferOutput<typeof ToolsResponse>;

export function shadowAiRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/tools', requireUser(deps), async (c) => {
      const q = readQuery(c, ToolsQuery);
      const period: Period = { from: q.from, to: q.to };
      const problem = periodProblem(period);
      if (problem) fail(400, 'invalid_request', problem);
      const bucket = q.bucket ?? 'day';
      const user = c.var.user;
      const k = await minGroupSize(deps.db, user.tenantId);
      // A manager with no teams has an empty scope: `in ()` is no valid SQL, and nothing is seen.
      const teams = user.role === 'manager' ? [...new Set(user.teams)] : null;
      const [published, draft] = await Promise.all([
        latestPolicy(deps.db, user.tenantId),
        getDraft(deps.db, user.tenantId),
      ]);
      const size = bucket === 'day' ? 1 : 7;
      const n = Math.round((dayMs(period.to) - dayMs(period.from)) / DAY_MS) + 1;
      const buckets = Array.from({ length: Math.ceil(n / size) }, (_, i) =>
        dayOf(dayMs(period.from) + i * size * DAY_MS),
      );
      const base: ToolsAnswer = {
        period,
        bucket,
        k,
        teams,
        suppressed: false,
        policy: {
          revision: published?.revision ?? null,
          draft: draft ? { basedOn: draft.basedOn, updatedAt: draft.updatedAt } : null,
        },
        buckets,
        tools: [],
      };
      if (teams?.length === 0) return c.json({ ...base, suppressed: true });
      const s = scoped(deps.db, user.tenantId, period, teams);
      const pairs = () =>
        s
          .visits()
          .select(['site_id as key', 'user_pseudonym as u'])
          .union(s.incidents().select(['site as key', 'user_pseudonym as u']));
      if (teams) {
        // The summary API's rule: a manager's scope of fewer than k users shows nothing, so the
        // figures cannot single out one agent.
        const scope = await deps.db
          .selectFrom(
            s
              .visits()
              .select('user_pseudonym as u')
              .union(s.incidents().select('user_pseudonym as u'))
              .as('x'),
          )
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirst();
        if (Number(scope?.n ?? 0) < k) return c.json({ ...base, suppressed: true });
      }
      const [visitRows, incidentRows, userRows] = await Promise.all([
        s
          .visits()
          .select(['site_id as key', 'day', (e) => e.fn.sum<number>('count').as('n')])
          .groupBy(['site_id', 'day'])
          .execute(),
        s
          .incidents()
          .select(['site as key', 'day', (e) => e.fn.sum<number>('incidents').as('n')])
          .groupBy(['site', 'day'])
          .execute(),
        deps.db
          .selectFrom(pairs().as('x'))
          .select(['x.key', (e) => e.fn.countAll<number>().as('n')])
          .groupBy('x.key')
          .execute(),
      ]);
      const publishedLists = siteListsOf(published?.document ?? { version: 1 });
      const draftLists = draft ? siteListsOf(draft.document) : null;
      const tools = new Map<string, ToolsAnswer['tools'][number]>();
      const row = (rawKey: string) => {
        const tool = toolOf(rawKey) ?? { key: rawKey, site: null, patterns: [rawKey] };
        let out = tools.get(tool.key);
        if (!out) {
          const approval = approvalOf(tool, publishedLists);
          out = {
            key: tool.key,
            siteId: tool.site?.id ?? null,
            name: tool.site?.name ?? approval?.name ?? tool.key,
            vendor: tool.site?.vendor ?? null,
            hosts: [...tool.patterns],
            status: statusOf(tool, publishedLists),
            draftStatus: draftLists ? statusOf(tool, draftLists) : null,
            facts: {
              zeroDataRetention: approval?.zeroDataRetention ?? null,
              dataResidency: approval?.dataResidency ? [...approval.dataResidency] : null,
            },
            users: null,
            visits: 0,
            incidents: 0,
            series: buckets.map((start) => ({ start, visits: 0, incidents: 0 })),
          };
          tools.set(tool.key, out);
        }
        return out;
      };
      const slot = (day: string) =>
        Math.floor(Math.round((dayMs(day) - dayMs(period.from)) / DAY_MS) / size);
      for (const r of visitRows) {
        const t = row(r.key);
        const n = Number(r.n);
        t.visits += n;
        t.series[slot(r.day)]!.visits += n;
      }
      for (const r of incidentRows) {
        const t = row(r.key);
        const n = Number(r.n);
        t.incidents += n;
        t.series[slot(r.day)]!.incidents += n;
      }
      // Two raw keys can be one tool (a catalogue site's host in an old incident): add them up,
      // then apply k to the sum. A sum of distinct counts can only overstate, never single out.
      const users = new Map<string, number>();
      for (const r of userRows) {
        const key = row(r.key).key;
        users.set(key, (users.get(key) ?? 0) + Number(r.n));
      }
      for (const t of tools.values()) {
        const u = users.get(t.key) ?? 0;
        t.users = u >= k ? u : null;
      }
      const list = [...tools.values()].sort(
        (a, b) => b.visits - a.visits || b.incidents - a.incidents || (a.key < b.key ? -1 : 1),
      );
      return c.json({ ...base, tools: list });
    })
    .post('/tools/:site/decision', requireUser(deps, ['admin']), async (c) => {
      const { decision } = await readBody(c, DecisionBody);
      const key = c.req.param('site');
      const tool = toolOf(key);
      if (!tool) {
        fail(
          404,
          'not_found',
          'no such AI tool: name a catalogue AI site id (chatgpt) or the host of an AI page',
        );
      }
      const user = c.var.user;
      const actor = `user:${user.id}`;
      const now = deps.now();
      let changed = true;
      try {
        await changeDraft(
          deps.db,
          user.tenantId,
          (doc) => applyDecision(doc, tool, decision),
          actor,
          now,
        );
      } catch (err) {
        if (err instanceof Unchanged) changed = false;
        else if (err instanceof DecisionConflict) fail(409, 'conflict', err.message);
        else if (err instanceof PolicyInvalidError) {
          fail(409, 'policy_invalid', `the draft would not be a valid policy: ${err.message}`);
        } else throw err;
      }
      if (changed) {
        // The draft module audits the save (its size); this entry says what was decided and by whom.
        await appendAudit(
          deps.db,
          {
            tenantId: user.tenantId,
            actor,
            action: 'shadow-ai.decision',
            target: `tool:${tool.key}`,
            details: { decision },
          },
          now,
        );
      }
      const draft = await getDraft(deps.db, user.tenantId);
      // Unchanged with no draft: the published policy already says so.
      const doc = draft?.document ?? (await latestPolicy(deps.db, user.tenantId))?.document;
      return c.json({
        key: tool.key,
        decision,
        changed,
        draftStatus: statusOf(tool, siteListsOf(doc ?? { version: 1 })),
        draft: draft ? { basedOn: draft.basedOn, updatedAt: draft.updatedAt } : null,
      });
    });
}

/** The OpenAPI entries of the Shadow AI routes, spread into ROUTES (openapi.ts). */
export const SHADOW_AI_ROUTES: doc.RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/shadow-ai/tools',
    summary:
      'Every AI tool seen in the period (visits and incidents): approval under the published policy and the draft, vendor facts, users counted only from k, visits and incidents by day or week (any signed-in user; a manager sees only their teams). Query: from, to, bucket (day, week)',
    device: false,
    responses: { '200': ['The tools', ToolsResponse], ...doc.badQuery, ...doc.noSession },
  },
  {
    method: 'post',
    path: '/api/v1/shadow-ai/tools/:site/decision',
    summary:
      'Approve or block an AI tool in the policy draft (not published: review and publish on the Policy page); audited (admin; X-CSRF-Token). :site is a catalogue AI site id or a host',
    device: false,
    body: DecisionBody,
    responses: {
      '200': ['The draft now says so', DecisionResponse],
      ...doc.adminWrite,
      '404': doc.error('No such AI tool'),
      '409': doc.error('A broader policy rule decides; change it on the Policy page'),
    },
  },
];
