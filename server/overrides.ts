/**
 * The override review queue (issue 6: "the queue of 'send anyway' decisions with their (masked)
 * reasons, to review, comment on and close: a person reviews every high-risk decision").
 *
 * An override is an incident with outcome `overridden`. It is high-risk when its level (the
 * highest level among its types, summary.ts `incidentLevel`) is CONFIDENTIAL or RESTRICTED, and
 * every high-risk override counts as needing review until someone closes it. A review row
 * (`override_reviews`) exists only once a decision has been closed (or closed and reopened), so a
 * new incident is open without any write at ingest.
 *
 * Comments and coaching notes are written by dashboard users about a decision, and people paste
 * what they have in front of them: the text goes through the engine's scan and is masked
 * (`[EMAIL_1]`, ...) before it is stored, so the database never holds a customer's value from a
 * comment. The token map that `mask` returns holds the raw values; it is dropped here and never
 * stored, logged or returned.
 *
 * Managers see only their teams' overrides; the pseudonym of the person who overrode is shown only
 * to those who may read a person's history (teams.ts `mayReadHistory`), so the queue cannot be
 * used to build a person's record around that rule.
 */
import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql, type SqlBool } from 'kysely';
import { LEVELS, TYPE_INFO, mask, scan } from '@/rules/api.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './db/index.ts';
import { incidentLevel, type Period, type Viewer } from './summary.ts';

/** The levels that make an override high-risk: each such override must be reviewed. */
export const HIGH_RISK_LEVELS = ['CONFIDENTIAL', 'RESTRICTED'] as const;
/** What a reviewer concludes when closing. */
export const VERDICTS = ['justified', 'coached', 'policy-gap'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** The level filter of the queue: `high` (the default), `all`, or one level ('NONE': no type). */
export const LEVEL_FILTERS = ['high', 'all', 'NONE', ...LEVELS] as const;
export type LevelFilter = (typeof LEVEL_FILTERS)[number];
export const STATUS_FILTERS = ['open', 'closed', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
/** The longest comment or note, before masking. */
export const TEXT_MAX = 2000;

const DAY_MS = 86_400_000;
const levelRank = new Map<string, number>(LEVELS.map((l, i) => [l, i]));
const HIGH_RANK = levelRank.get('CONFIDENTIAL')!;

// The rank of an incident's level, as SQL over its counts (the same rule as summary.ts's
// rollups: the highest level among its entity types, NULL when none is known). Type names are
// fixed identifiers from rules/types.ts (checked here), so inlining them as literals is safe.
const RANK_CASE = `CASE j.key ${Object.entries(TYPE_INFO)
  .map(([type, info]) => {
    if (!/^[A-Z_]+$/.test(type)) throw new Error(`unexpected entity type name ${type}`);
    return `WHEN '${type}' THEN ${levelRank.get(info.level)}`;
  })
  .join(' ')} END`;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** `coalesce(level rank, -1)` of incident `i`: -1 for NONE, 0 PUBLIC ... 3 RESTRICTED. */
function rankOf(db: Db) {
  const each = isPostgres(db) ? 'json_each_text(i.counts::json)' : 'json_each(i.counts)';
  return sql<number>`coalesce((SELECT max(${sql.raw(RANK_CASE)}) FROM ${sql.raw(each)} j), -1)`;
}

/** The ranks a level filter keeps. */
function ranksFor(level: LevelFilter): number[] | null {
  if (level === 'all') return null;
  if (level === 'high') return LEVELS.map((_, i) => i).filter((i) => i >= HIGH_RANK);
  if (level === 'NONE') return [-1];
  return [levelRank.get(level)!];
}

/**
 * Masks what the engine finds in free text written in the dashboard. Returns the masked text and
 * how many values were replaced (a count, never the values).
 */
export function maskFreeText(text: string): { text: string; masked: number } {
  const r = mask(text, scan(text), { strategy: 'token' });
  return { text: r.text, masked: r.replacements.length };
}

/** One override as the queue and the detail view show it. Never the page's text. */
export interface OverrideItem {
  id: string;
  time: string;
  /** Catalogue site id, or the host for a site the catalogue does not know. */
  site: string;
  host: string;
  channel: string;
  pageClass: string;
  action: string;
  team: string | null;
  /** The pseudonym; null unless the viewer may read a person's history. */
  user: string | null;
  types: string[];
  level: string;
  highRisk: boolean;
  /** The agent's reason, masked by the extension; null when the tenant keeps counts only. */
  reason: string | null;
  status: 'open' | 'closed';
  verdict: Verdict | null;
  closedBy: string | null;
  closedAt: string | null;
  /** Whole days since the decision. */
  ageDays: number;
  comments: number;
}

export interface QueueFilter {
  status: StatusFilter;
  level: LevelFilter;
  /** One team (exact name); undefined: every team in scope. */
  team?: string | undefined;
  /** Whole UTC days; undefined: every override the tenant still keeps. */
  period?: Period | undefined;
  limit: number;
  offset: number;
}

export interface QueueCounts {
  /** Overrides in scope (team and period filters applied, status and level not). */
  total: number;
  open: number;
  /** High-risk overrides nobody has closed yet: what still needs a person's review. */
  openHighRisk: number;
  closed: number;
}

export interface Queue {
  items: OverrideItem[];
  /** Overrides matching every filter (items is one page of them). */
  matching: number;
  counts: QueueCounts;
  /** The teams the viewer is limited to (null: the whole tenant). */
  teams: string[] | null;
}

/** Options that depend on the tenant's rules rather than the query. */
export interface ViewOptions {
  now: number;
  /** Whether the viewer may see pseudonyms (teams.ts `mayReadHistory`). */
  showUsers: boolean;
}

function scopeTeams(viewer: Viewer): string[] | null {
  return viewer.role === 'manager' ? [...new Set(viewer.teams)] : null;
}

/** Overridden incidents in the viewer's scope, joined with their review. */
function scoped(db: Db, viewer: Viewer, teams: string[] | null) {
  let q = db
    .selectFrom('incidents as i')
    .leftJoin('override_reviews as r', (j) =>
      j.onRef('r.tenant_id', '=', 'i.tenant_id').onRef('r.incident_id', '=', 'i.id'),
    )
    .where('i.tenant_id', '=', viewer.tenantId)
    .where('i.outcome', '=', 'overridden');
  if (teams) q = q.where('i.team', 'in', teams);
  return q;
}

const STATUS = sql<string>`coalesce(r.status, 'open')`;

function selectItem(q: ReturnType<typeof scoped>) {
  return q.select([
    'i.id',
    'i.time',
    'i.site_id',
    'i.host',
    'i.channel',
    'i.page_class',
    'i.action',
    'i.team',
    'i.user_pseudonym',
    'i.counts',
    'i.reason',
    STATUS.as('status'),
    'r.verdict',
    'r.closed_by',
    'r.closed_at',
    sql<number>`(SELECT count(*) FROM override_comments c WHERE c.tenant_id = i.tenant_id AND c.incident_id = i.id)`.as(
      'comments',
    ),
  ]);
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItem>['execute']>>[number];

function toItem(r: ItemRow, o: ViewOptions): OverrideItem {
  let types: string[] = [];
  try {
    types = Object.keys(JSON.parse(r.counts) as Record<string, unknown>).sort();
  } catch {
    // Ingest stores validated JSON; a row that is not is shown without types rather than failing.
  }
  const level = incidentLevel(types);
  return {
    id: r.id,
    time: r.time,
    site: r.site_id ?? r.host,
    host: r.host,
    channel: r.channel,
    pageClass: r.page_class,
    action: r.action,
    team: r.team,
    user: o.showUsers ? r.user_pseudonym : null,
    types,
    level,
    highRisk: (HIGH_RISK_LEVELS as readonly string[]).includes(level),
    reason: r.reason,
    status: r.status === 'closed' ? 'closed' : 'open',
    verdict: (VERDICTS as readonly string[]).includes(r.verdict ?? '')
      ? (r.verdict as Verdict)
      : null,
    closedBy: r.closed_by,
    closedAt: r.closed_at,
    ageDays: Math.max(0, Math.floor((o.now - Date.parse(r.time)) / DAY_MS)),
    comments: Number(r.comments),
  };
}

const periodRange = (p: Period) =>
  [
    `${p.from}T00:00:00.000Z`,
    new Date(Date.parse(`${p.to}T00:00:00.000Z`) + DAY_MS).toISOString(),
  ] as const;

/** The review queue for `viewer`, oldest decision first (the one waiting longest). */
export async function overrideQueue(
  db: Db,
  viewer: Viewer,
  f: QueueFilter,
  o: ViewOptions,
): Promise<Queue> {
  const teams = scopeTeams(viewer);
  const empty: Queue = {
    items: [],
    matching: 0,
    counts: { total: 0, open: 0, openHighRisk: 0, closed: 0 },
    teams,
  };
  if (teams?.length === 0) return empty;
  const rank = rankOf(db);
  const inScope = () => {
    let q = scoped(db, viewer, teams);
    if (f.team !== undefined) q = q.where('i.team', '=', f.team);
    if (f.period) {
      const [start, end] = periodRange(f.period);
      q = q.where('i.time', '>=', start).where('i.time', '<', end);
    }
    return q;
  };
  const filtered = () => {
    let q = inScope();
    if (f.status !== 'all') q = q.where(STATUS, '=', f.status);
    const ranks = ranksFor(f.level);
    if (ranks) q = q.where(sql<SqlBool>`${rank} in (${sql.join(ranks)})`);
    return q;
  };
  const high = sql.raw(String(HIGH_RANK));
  const [counts, matching, rows] = await Promise.all([
    inScope()
      .select([
        sql<number>`count(*)`.as('total'),
        sql<number>`sum(CASE WHEN ${STATUS} = 'open' THEN 1 ELSE 0 END)`.as('open'),
        sql<number>`sum(CASE WHEN ${STATUS} = 'open' AND ${rank} >= ${high} THEN 1 ELSE 0 END)`.as(
          'open_high',
        ),
      ])
      .executeTakeFirst(),
    filtered()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirst(),
    selectItem(filtered())
      .orderBy('i.time')
      .orderBy('i.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
  ]);
  const total = Number(counts?.total ?? 0);
  const open = Number(counts?.open ?? 0);
  return {
    items: rows.map((r) => toItem(r, o)),
    matching: Number(matching?.n ?? 0),
    counts: { total, open, openHighRisk: Number(counts?.open_high ?? 0), closed: total - open },
    teams,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One override in the viewer's scope, or null (unknown id, not an override, not their team). */
export async function overrideOf(
  db: Db,
  viewer: Viewer,
  id: string,
  o: ViewOptions,
): Promise<OverrideItem | null> {
  const teams = scopeTeams(viewer);
  if (!UUID.test(id) || teams?.length === 0) return null;
  const row = await selectItem(scoped(db, viewer, teams).where('i.id', '=', id)).executeTakeFirst();
  return row ? toItem(row, o) : null;
}

export interface OverrideComment {
  id: string;
  /** `user:<id>`. */
  author: string;
  /** The author's sign-in email (null when the user no longer exists). */
  authorEmail: string | null;
  createdAt: string;
  /** As stored: masked. */
  body: string;
}

/** The emails of `user:<id>` actors of one tenant. */
export async function actorEmails(
  db: Db,
  tenantId: string,
  actors: (string | null)[],
): Promise<Map<string, string>> {
  const ids = [
    ...new Set(actors.filter((a): a is string => !!a?.startsWith('user:')).map((a) => a.slice(5))),
  ];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [`user:${r.id}`, r.email]));
}

/** The comments on one override, oldest first. */
export async function commentsOf(
  db: Db,
  tenantId: string,
  incidentId: string,
): Promise<OverrideComment[]> {
  const rows = await db
    .selectFrom('override_comments')
    .select(['id', 'author', 'created_at', 'body'])
    .where('tenant_id', '=', tenantId)
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const emails = await actorEmails(
    db,
    tenantId,
    rows.map((r) => r.author),
  );
  return rows.map((r) => ({
    id: r.id,
    author: r.author,
    authorEmail: emails.get(r.author) ?? null,
    createdAt: r.created_at,
    body: r.body,
  }));
}

/** Who acts: the tenant, and the audit actor (`user:<id>`). */
export interface Actor {
  tenantId: string;
  actor: string;
}

/** Stores a comment (masked) on an override and audits it; returns the stored comment. */
export async function addComment(
  db: Db,
  who: Actor,
  incidentId: string,
  body: string,
  now: number,
): Promise<{ comment: OverrideComment; masked: number }> {
  const m = maskFreeText(body.trim());
  const id = randomUUID();
  const createdAt = new Date(now).toISOString();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('override_comments')
      .values({
        id,
        tenant_id: who.tenantId,
        incident_id: incidentId,
        author: who.actor,
        created_at: createdAt,
        body: m.text,
      })
      .execute();
    await appendAudit(
      tx,
      {
        tenantId: who.tenantId,
        actor: who.actor,
        action: 'override.comment',
        target: incidentId,
        details: { commentId: id, masked: m.masked },
      },
      now,
    );
  });
  const emails = await actorEmails(db, who.tenantId, [who.actor]);
  return {
    comment: {
      id,
      author: who.actor,
      authorEmail: emails.get(who.actor) ?? null,
      createdAt,
      body: m.text,
    },
    masked: m.masked,
  };
}

/**
 * Closes an open override with a verdict (and an optional comment, masked), audited in the same
 * transaction. Returns false when it was already closed (the caller answers 409): the upsert only
 * changes a row whose status is still open, so two reviewers closing at once cannot both win.
 */
export async function closeOverride(
  db: Db,
  who: Actor,
  item: OverrideItem,
  verdict: Verdict,
  comment: string | undefined,
  now: number,
): Promise<{ closed: boolean; masked: number }> {
  const at = new Date(now).toISOString();
  const m = comment?.trim() ? maskFreeText(comment.trim()) : null;
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .insertInto('override_reviews')
      .values({
        tenant_id: who.tenantId,
        incident_id: item.id,
        status: 'closed',
        closed_by: who.actor,
        closed_at: at,
        verdict,
      })
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'incident_id'])
          .doUpdateSet({ status: 'closed', closed_by: who.actor, closed_at: at, verdict })
          .where('override_reviews.status', '=', 'open'),
      )
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return { closed: false, masked: 0 };
    let commentId: string | null = null;
    if (m) {
      commentId = randomUUID();
      await tx
        .insertInto('override_comments')
        .values({
          id: commentId,
          tenant_id: who.tenantId,
          incident_id: item.id,
          author: who.actor,
          created_at: at,
          body: m.text,
        })
        .execute();
    }
    await appendAudit(
      tx,
      {
        tenantId: who.tenantId,
        actor: who.actor,
        action: 'override.close',
        target: item.id,
        details: { verdict, level: item.level, commentId, masked: m?.masked ?? 0 },
      },
      now,
    );
    return { closed: true, masked: m?.masked ?? 0 };
  });
}

/** Reopens a closed override (audited); false when it was not closed. */
export async function reopenOverride(
  db: Db,
  who: Actor,
  item: OverrideItem,
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('override_reviews')
      .set({ status: 'open', closed_by: null, closed_at: null, verdict: null })
      .where('tenant_id', '=', who.tenantId)
      .where('incident_id', '=', item.id)
      .where('status', '=', 'closed')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await appendAudit(
      tx,
      {
        tenantId: who.tenantId,
        actor: who.actor,
        action: 'override.reopen',
        target: item.id,
        details: { previousVerdict: item.verdict },
      },
      now,
    );
    return true;
  });
}

/**
 * Erasure (erasure.ts): the reviews and comments about the incidents of one pseudonym. Must run
 * before the incidents themselves are deleted, since it finds them through the incidents.
 */
export async function eraseReviewRows(
  tx: Db,
  table: 'override_reviews' | 'override_comments',
  tenantId: string,
  pseudonym: string,
): Promise<bigint> {
  const r = await tx
    .deleteFrom(table)
    .where('tenant_id', '=', tenantId)
    .where('incident_id', 'in', (eb) =>
      eb
        .selectFrom('incidents')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('user_pseudonym', '=', pseudonym),
    )
    .executeTakeFirst();
  return r.numDeletedRows;
}

/**
 * Retention (retention.ts): after a tenant's old incidents are deleted, their reviews and comments
 * go too (they are about a decision that is no longer kept). Returns how many rows were deleted.
 */
export async function pruneReviewRows(db: Db, tenantId: string): Promise<number> {
  let n = 0;
  for (const table of ['override_comments', 'override_reviews'] as const) {
    const r = await db
      .deleteFrom(table)
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('incidents')
              .select('incidents.id')
              .whereRef('incidents.tenant_id', '=', `${table}.tenant_id`)
              .whereRef('incidents.id', '=', `${table}.incident_id`),
          ),
        ),
      )
      .executeTakeFirst();
    n += Number(r.numDeletedRows);
  }
  return n;
}
