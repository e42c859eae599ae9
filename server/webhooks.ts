/**
 * Outbound webhooks (issue 5): per tenant, admin-configured URLs that receive new incidents (in
 * batches) and anomalies, as JSON or as CEF for a SIEM, signed with HMAC-SHA-256.
 *
 * Delivery is at least once, from a durable outbox table: an event becomes one outbox row per
 * webhook in the same transaction that decides it exists, and a row leaves `pending` only when a
 * receiver answered 2xx (`delivered`) or after `maxAttempts` failures (`failed`). Between
 * attempts the row waits an exponentially growing delay with jitter. An instance claims a row
 * with a conditional UPDATE (and a lease, so a row claimed by an instance that died is retried
 * after the lease), so two instances never send the same attempt. A receiver can still see an
 * event twice (an answer lost on the way back), so every delivery carries the event id for dedup.
 *
 * What leaves the service is what the incident record holds minus the override reason: counts,
 * entity types, sites, hosts, channel/action/outcome, pseudonyms and team names. Never text.
 *
 * Signing: `X-Hush-Signature: v1=<hex HMAC-SHA-256(secret, "<timestamp>.<body>")>` with
 * `X-Hush-Timestamp` (Unix seconds, set at each attempt). A receiver recomputes the HMAC over the
 * raw body, compares in constant time, and refuses timestamps older than its replay window
 * (`verifySignature`, five minutes by default). The secret is shown to the admin once, at
 * creation. The service must keep it to sign, so it is stored encrypted (AES-256-GCM under
 * HUSH_SECRET_KEY, the webhook id as associated data, crypto.ts `encryptText`), like the tenants'
 * signing keys, and decrypted only for the moment of signing one attempt: a copy of the database
 * alone cannot forge deliveries. Secrets stored in the clear by an older version are encrypted at
 * the next start (`encryptStoredWebhookSecrets`).
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from './db/index.ts';
import type { WebhookOutboxTable } from './db/schema.ts';
import type { Job } from './jobs.ts';
import { cefLine, type CefEvent } from './cef.ts';
import { decryptText, encryptText, isEncryptedKey, randomSecret } from './crypto.ts';
import { incidentLevel } from './summary.ts';

export const WEBHOOK_FORMATS = ['json', 'cef'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export const WEBHOOK_EVENTS = ['incidents', 'anomalies'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Webhooks a tenant may have. */
export const WEBHOOKS_MAX = 20;
/** Incidents in one `incidents` event. */
export const INCIDENTS_PER_EVENT = 500;
/** Incidents received within this long before now are left for the next run (late commits). */
export const INCIDENT_GRACE_MS = 2 * 60_000;
/** The replay window receivers should use (and `verifySignature` does by default). */
export const SIGNATURE_TOLERANCE_S = 300;
/** The version string CEF lines carry. */
export const EVENT_FORMAT_VERSION = '1.0';

/** Delivery settings; tests shorten them. */
export interface DeliveryOptions {
  /** Attempts before a row is marked failed (default 8). */
  maxAttempts?: number;
  /** The first retry's delay (default 30 s); it doubles each attempt. */
  baseDelayMs?: number;
  /** The longest delay between attempts (default 1 h). */
  maxDelayMs?: number;
  /** How long a claimed row is ours before another instance may take it (default 2 min). */
  leaseMs?: number;
  /** One attempt's timeout (default 10 s). */
  timeoutMs?: number;
  /** Rows handled in one call (default 100). */
  limit?: number;
  /** Attempts in flight at once (default 4). */
  concurrency?: number;
  fetch?: typeof fetch;
  /** Uniform in [0, 1): the jitter (tests pass their own). */
  random?: () => number;
  /** Decrypts the stored webhook secrets (HUSH_SECRET_KEY); unset only for clear rows in tests. */
  secretKey?: Buffer | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;

/**
 * Null when `raw` is an acceptable webhook URL, else why not: https anywhere, http only to this
 * machine (tests and local relays), no user name or password in it.
 */
export function webhookUrlProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'must be an absolute URL like https://siem.example.com/hush';
  }
  if (raw.length > 2048) return 'must be at most 2048 characters';
  if (u.username || u.password) return 'must not hold a user name or password';
  if (u.hash) return 'must not hold a #fragment';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:') {
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    return local ? null : 'must use https (http is allowed only to localhost, for tests)';
  }
  return 'must use https';
}

/** A webhook as the API lists it (never the secret). */
export interface WebhookInfo {
  id: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
  createdAt: string;
  createdBy: string;
  /** Outbox rows by status. */
  deliveries: { pending: number; delivered: number; failed: number };
}

const parseEvents = (s: string) =>
  s.split(',').filter((e): e is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(e));

/** Creates a webhook; the secret is returned here only. Throws with a clear message on bad input. */
export async function createWebhook(
  db: Db,
  input: {
    tenantId: string;
    url: string;
    format: WebhookFormat;
    events: readonly WebhookEvent[];
    actor: string;
    /** Encrypts the secret at rest; unset (tests only) stores it in the clear. */
    secretKey?: Buffer | undefined;
  },
  now: number,
): Promise<{ webhook: WebhookInfo; secret: string }> {
  const problem = webhookUrlProblem(input.url);
  if (problem) throw new WebhookInputError(`url: ${problem}`);
  const events = [...new Set(input.events)].sort();
  if (events.length === 0) throw new WebhookInputError('events: name at least one event type');
  const have = await db
    .selectFrom('webhooks')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', input.tenantId)
    .executeTakeFirstOrThrow();
  if (Number(have.n) >= WEBHOOKS_MAX) {
    throw new WebhookInputError(`a tenant may have at most ${WEBHOOKS_MAX} webhooks`);
  }
  const id = randomUUID();
  const secret = `whsec_${randomSecret(32)}`;
  const row = {
    id,
    tenant_id: input.tenantId,
    url: input.url,
    format: input.format,
    events: events.join(','),
    secret: input.secretKey ? encryptText(secret, id, input.secretKey) : secret,
    // Only incidents that arrive from now on are sent, not the tenant's history.
    incidents_cursor: iso(Math.floor(now / MINUTE) * MINUTE),
    created_at: iso(now),
    created_by: input.actor,
  };
  await db.insertInto('webhooks').values(row).execute();
  return {
    webhook: {
      id,
      url: row.url,
      format: input.format,
      events,
      createdAt: row.created_at,
      createdBy: row.created_by,
      deliveries: { pending: 0, delivered: 0, failed: 0 },
    },
    secret,
  };
}

/** Bad input to a webhook operation (the route answers 400 with the message). */
export class WebhookInputError extends Error {}

/** The tenant's webhooks with delivery counts. */
export async function listWebhooks(db: Db, tenantId: string): Promise<WebhookInfo[]> {
  const hooks = await db
    .selectFrom('webhooks')
    .select(['id', 'url', 'format', 'events', 'created_at', 'created_by'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const stats =
    hooks.length === 0
      ? []
      : await db
          .selectFrom('webhook_outbox')
          .select(['webhook_id', 'status', (e) => e.fn.countAll<number>().as('n')])
          // By webhook id, which the (webhook_id, event_id) unique index serves.
          .where(
            'webhook_id',
            'in',
            hooks.map((h) => h.id),
          )
          .groupBy(['webhook_id', 'status'])
          .execute();
  return hooks.map((h) => {
    const d = { pending: 0, delivered: 0, failed: 0 };
    for (const s of stats) {
      if (s.webhook_id !== h.id) continue;
      const key = s.status === 'delivering' ? 'pending' : s.status;
      if (key === 'pending' || key === 'delivered' || key === 'failed') d[key] += Number(s.n);
    }
    return {
      id: h.id,
      url: h.url,
      format: h.format === 'cef' ? 'cef' : 'json',
      events: parseEvents(h.events),
      createdAt: h.created_at,
      createdBy: h.created_by,
      deliveries: d,
    };
  });
}

/** Deletes a webhook and its undelivered events; false when the tenant has no such webhook. */
export async function deleteWebhook(db: Db, tenantId: string, id: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .deleteFrom('webhooks')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) return false;
    await tx.deleteFrom('webhook_outbox').where('webhook_id', '=', id).execute();
    return true;
  });
}

// --- Events -------------------------------------------------------------------------------------

/** An incident as webhooks carry it: the stored record minus the override reason. */
export interface IncidentEventRecord {
  id: string;
  time: string;
  siteId: string | null;
  host: string;
  pageClass: string;
  channel: string;
  action: string;
  outcome: string;
  counts: Record<string, number>;
  items: number;
  user: string;
  team: string | null;
  policyVersion: number;
}

/** An anomaly as webhooks carry it. */
export interface AnomalyEventData {
  day: string;
  kind: 'person' | 'team';
  subject: string;
  team: string | null;
  count: number;
  baselineMedian: number;
  threshold: number;
}

/** The JSON envelope every delivery of format `json` is. */
export interface EventEnvelope {
  id: string;
  type: 'incidents' | 'anomaly' | 'test';
  tenantId: string;
  time: string;
  data: { incidents: IncidentEventRecord[] } | { anomaly: AnomalyEventData } | { message: string };
}

/** A stable event id from its parts, so the same event is the same id wherever it is made. */
export function eventId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `evt_${h.slice(0, 32)}`;
}

const outboxRow = (webhookId: string, env: EventEnvelope, now: number): WebhookOutboxTable => ({
  id: randomUUID(),
  tenant_id: env.tenantId,
  webhook_id: webhookId,
  event_id: env.id,
  event_type: env.type,
  payload: JSON.stringify(env),
  status: 'pending',
  attempts: 0,
  next_attempt_at: iso(now),
  lease_until: null,
  last_status: null,
  last_error: null,
  created_at: iso(now),
  delivered_at: null,
});

/**
 * Queues an anomaly for every webhook of the tenant that takes anomalies. Queuing the same
 * anomaly again is a no-op (the event id is derived from it).
 */
export async function enqueueAnomaly(
  db: Db,
  tenantId: string,
  anomaly: AnomalyEventData,
  now: number,
): Promise<number> {
  const hooks = await db
    .selectFrom('webhooks')
    .select(['id', 'events'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const env: EventEnvelope = {
    id: eventId(tenantId, 'anomaly', anomaly.day, anomaly.kind, anomaly.subject),
    type: 'anomaly',
    tenantId,
    time: iso(now),
    data: { anomaly },
  };
  const rows = hooks
    .filter((h) => parseEvents(h.events).includes('anomalies'))
    .map((h) => outboxRow(h.id, env, now));
  if (rows.length === 0) return 0;
  const r = await db
    .insertInto('webhook_outbox')
    .values(rows)
    .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Incidents fetched in one pass for one webhook; a run continues where it stopped. */
const INCIDENT_ROWS_PER_RUN = 20_000;

/**
 * Queues the incidents that arrived since each incident webhook's cursor, in events of at most
 * INCIDENTS_PER_EVENT grouped by the minute they arrived, and moves the cursor, in one
 * transaction. Incidents that arrived in the last INCIDENT_GRACE_MS are left for the next run,
 * so a batch whose transaction commits a little after its `received_at` is not skipped.
 */
export async function enqueueIncidentEvents(db: Db, now: number): Promise<{ events: number }> {
  const hooks = await db
    .selectFrom('webhooks')
    .select(['id', 'tenant_id', 'events', 'incidents_cursor'])
    .execute();
  let events = 0;
  const end = iso(Math.floor((now - INCIDENT_GRACE_MS) / MINUTE) * MINUTE);
  for (const h of hooks) {
    if (!parseEvents(h.events).includes('incidents') || h.incidents_cursor >= end) continue;
    let rows = await db
      .selectFrom('incidents')
      .selectAll()
      .where('tenant_id', '=', h.tenant_id)
      .where('received_at', '>=', h.incidents_cursor)
      .where('received_at', '<', end)
      .orderBy('received_at')
      .orderBy('id')
      .limit(INCIDENT_ROWS_PER_RUN)
      .execute();
    let upTo = end;
    if (rows.length === INCIDENT_ROWS_PER_RUN) {
      // Stop before the last (possibly partial) minute; if that is the only minute, take it whole.
      const lastMinute = iso(Math.floor(Date.parse(rows.at(-1)!.received_at) / MINUTE) * MINUTE);
      if (lastMinute > h.incidents_cursor) {
        upTo = lastMinute;
        rows = rows.filter((r) => r.received_at < upTo);
      } else {
        upTo = iso(Date.parse(lastMinute) + MINUTE);
        rows = await db
          .selectFrom('incidents')
          .selectAll()
          .where('tenant_id', '=', h.tenant_id)
          .where('received_at', '>=', h.incidents_cursor)
          .where('received_at', '<', upTo)
          .orderBy('received_at')
          .orderBy('id')
          .execute();
      }
    }
    const byMinute = new Map<string, IncidentEventRecord[]>();
    for (const r of rows) {
      const minute = iso(Math.floor(Date.parse(r.received_at) / MINUTE) * MINUTE);
      let list = byMinute.get(minute);
      if (!list) byMinute.set(minute, (list = []));
      list.push({
        id: r.id,
        time: r.time,
        siteId: r.site_id,
        host: r.host,
        pageClass: r.page_class,
        channel: r.channel,
        action: r.action,
        outcome: r.outcome,
        counts: JSON.parse(r.counts) as Record<string, number>,
        items: Number(r.total),
        user: r.user_pseudonym,
        team: r.team,
        policyVersion: Number(r.policy_version),
      });
    }
    const out: WebhookOutboxTable[] = [];
    for (const [minute, list] of byMinute) {
      for (let i = 0, part = 0; i < list.length; i += INCIDENTS_PER_EVENT, part++) {
        const env: EventEnvelope = {
          id: eventId(h.id, 'incidents', minute, String(part)),
          type: 'incidents',
          tenantId: h.tenant_id,
          time: iso(now),
          data: { incidents: list.slice(i, i + INCIDENTS_PER_EVENT) },
        };
        out.push(outboxRow(h.id, env, now));
      }
    }
    const moved = await db.transaction().execute(async (tx) => {
      // The cursor moves only from where this run read it: a second instance that got here
      // first has queued the same events (same ids), and this run then adds nothing.
      const r = await tx
        .updateTable('webhooks')
        .set({ incidents_cursor: upTo })
        .where('id', '=', h.id)
        .where('incidents_cursor', '=', h.incidents_cursor)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      for (let i = 0; i < out.length; i += 100) {
        await tx
          .insertInto('webhook_outbox')
          .values(out.slice(i, i + 100))
          .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
          .execute();
      }
      return true;
    });
    if (moved) events += out.length;
  }
  return { events };
}

// --- Formatting and signing ---------------------------------------------------------------------

const SEVERITY: Record<string, number> = {
  RESTRICTED: 8,
  CONFIDENTIAL: 6,
  INTERNAL: 4,
  PUBLIC: 2,
  NONE: 2,
};

/** The CEF lines for an event (one an incident; one for an anomaly or a test). */
export function cefLines(env: EventEnvelope): string[] {
  const d = env.data;
  if ('incidents' in d) {
    return d.incidents.map((r) => {
      const e: CefEvent = {
        signatureId: `incident:${r.action}`,
        name: `Sensitive data ${r.outcome}`,
        severity: SEVERITY[incidentLevel(Object.keys(r.counts))] ?? 2,
        extensions: [
          ['rt', Date.parse(r.time)],
          ['externalId', r.id],
          ['suser', r.user],
          ['dhost', r.host],
          ['act', r.action],
          ['outcome', r.outcome],
          ['app', r.channel],
          ['cn1Label', 'items'],
          ['cn1', r.items],
          ['cs1Label', 'site'],
          ['cs1', r.siteId],
          ['cs2Label', 'types'],
          [
            'cs2',
            Object.entries(r.counts)
              .map(([t, n]) => `${t}:${n}`)
              .join(','),
          ],
          ['cs3Label', 'team'],
          ['cs3', r.team],
          ['cs4Label', 'eventId'],
          ['cs4', env.id],
          ['cs5Label', 'pageClass'],
          ['cs5', r.pageClass],
          ['cs6Label', 'tenant'],
          ['cs6', env.tenantId],
        ],
      };
      return cefLine(EVENT_FORMAT_VERSION, e);
    });
  }
  if ('anomaly' in d) {
    const a = d.anomaly;
    return [
      cefLine(EVENT_FORMAT_VERSION, {
        signatureId: `anomaly:${a.kind}`,
        name: 'Incident spike',
        severity: 7,
        extensions: [
          ['rt', Date.parse(`${a.day}T00:00:00.000Z`)],
          ['suser', a.kind === 'person' ? a.subject : null],
          ['cn1Label', 'count'],
          ['cn1', a.count],
          ['cn2Label', 'threshold'],
          ['cn2', a.threshold],
          ['cs3Label', 'team'],
          ['cs3', a.team],
          ['cs4Label', 'eventId'],
          ['cs4', env.id],
          ['cs6Label', 'tenant'],
          ['cs6', env.tenantId],
        ],
      }),
    ];
  }
  return [
    cefLine(EVENT_FORMAT_VERSION, {
      signatureId: 'test',
      name: 'Webhook test',
      severity: 0,
      extensions: [
        ['rt', Date.parse(env.time)],
        ['msg', d.message],
        ['cs4Label', 'eventId'],
        ['cs4', env.id],
        ['cs6Label', 'tenant'],
        ['cs6', env.tenantId],
      ],
    }),
  ];
}

/** The body and content type a webhook of `format` receives for an event. */
export function formatEvent(
  format: string,
  env: EventEnvelope,
): { body: string; contentType: string } {
  if (format === 'cef') {
    return { body: cefLines(env).join('\n') + '\n', contentType: 'text/plain; charset=utf-8' };
  }
  return { body: JSON.stringify(env), contentType: 'application/json; charset=utf-8' };
}

/** `v1=<hex>`: HMAC-SHA-256 with the secret over `<timestamp>.<body>`. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: true when `header` is the signature of `body` at `timestamp` and the
 * timestamp is within `toleranceS` of `nowS` (both Unix seconds), so a captured delivery cannot
 * be replayed later.
 */
export function verifySignature(
  secret: string,
  header: string,
  timestamp: string,
  body: string,
  nowS: number,
  toleranceS = SIGNATURE_TOLERANCE_S,
): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  const ts = Number(timestamp);
  if (Math.abs(nowS - ts) > toleranceS) return false;
  const want = Buffer.from(signature(secret, ts, body));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}

// --- Delivery -----------------------------------------------------------------------------------

/** The delay before attempt `attempts + 1`: exponential, capped, with equal jitter. */
export function retryDelay(
  attempts: number,
  random: () => number,
  baseMs = 30_000,
  maxMs = 3_600_000,
): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}

export interface DeliveryResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/** Sends one attempt; returns the HTTP status (0 on a network error) and a short error. */
async function attempt(
  row: { event_id: string; event_type: string; payload: string; attempts: number },
  hook: { url: string; format: string; secret: string },
  now: number,
  opts: DeliveryOptions,
): Promise<{ status: number; error: string | null }> {
  const env = JSON.parse(row.payload) as EventEnvelope;
  const { body, contentType } = formatEvent(hook.format, env);
  const ts = Math.floor(now / 1000);
  try {
    const res = await (opts.fetch ?? fetch)(hook.url, {
      method: 'POST',
      // Redirects are not followed: a 3xx could send the event somewhere the admin never set.
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      headers: {
        'content-type': contentType,
        'user-agent': 'Hush-Webhooks/1',
        'x-hush-event-id': row.event_id,
        'x-hush-event-type': row.event_type,
        'x-hush-timestamp': String(ts),
        'x-hush-signature': signature(hook.secret, ts, body),
        'x-hush-attempt': String(row.attempts + 1),
      },
      body,
    });
    // The body is drained, never stored or logged: a receiver could echo anything.
    await res.arrayBuffer().catch(() => {});
    return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string } };
    const why = err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.name ?? 'error');
    return { status: 0, error: `network: ${why}`.slice(0, 200) };
  }
}

/**
 * Delivers due outbox rows: claims each (pending and due, or delivering with an expired lease)
 * with a conditional UPDATE, sends it, and records the outcome: delivered on 2xx, else retried
 * after `retryDelay`, or failed after `maxAttempts`. Safe on several instances at once.
 */
export async function deliverDue(
  db: Db,
  now: () => number,
  opts: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const t = iso(now());
  const due = await db
    .selectFrom('webhook_outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', t)]),
        eb.and([eb('status', '=', 'delivering'), eb('lease_until', '<', t)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(opts.limit ?? 100)
    .execute();
  const result: DeliveryResult = { delivered: 0, retrying: 0, failed: 0 };
  const queue = due.map((r) => r.id);
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const outcome = await deliverRow(db, id, now, opts);
      if (outcome) result[outcome]++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  return result;
}

/**
 * Claims and attempts one outbox row; returns what became of it, or null when another instance
 * holds it or it is no longer due.
 */
export async function deliverRow(
  db: Db,
  id: string,
  now: () => number,
  opts: DeliveryOptions = {},
): Promise<keyof DeliveryResult | null> {
  const t = iso(now());
  const claim = await db
    .updateTable('webhook_outbox')
    .set({ status: 'delivering', lease_until: iso(now() + (opts.leaseMs ?? 120_000)) })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', t)]),
        eb.and([eb('status', '=', 'delivering'), eb('lease_until', '<', t)]),
      ]),
    )
    .executeTakeFirst();
  if (Number(claim.numUpdatedRows) !== 1) return null;
  const row = await db
    .selectFrom('webhook_outbox')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_outbox.webhook_id')
    .select([
      'webhook_outbox.event_id',
      'webhook_outbox.event_type',
      'webhook_outbox.payload',
      'webhook_outbox.attempts',
      'webhook_outbox.lease_until',
      'webhook_outbox.webhook_id',
      'webhooks.url',
      'webhooks.format',
      'webhooks.secret',
    ])
    .where('webhook_outbox.id', '=', id)
    .executeTakeFirst();
  if (!row) {
    // The webhook was deleted after the event was queued.
    await db.deleteFrom('webhook_outbox').where('id', '=', id).execute();
    return null;
  }
  let secret: string;
  try {
    secret = decryptText(
      row.secret,
      row.webhook_id,
      opts.secretKey,
      `webhook ${row.webhook_id} secret`,
    );
  } catch (e) {
    // A missing or wrong HUSH_SECRET_KEY is the operator's mistake, not the receiver's: the
    // claim is handed back without spending an attempt, and the error (naming the variable,
    // never the secret) stops the run, so the job log says what to fix.
    await db
      .updateTable('webhook_outbox')
      .set({ status: 'pending', lease_until: null })
      .where('id', '=', id)
      .where('status', '=', 'delivering')
      .where('lease_until', '=', row.lease_until)
      .execute();
    throw e;
  }
  const { status, error } = await attempt(row, { ...row, secret }, now(), opts);
  const attempts = row.attempts + 1;
  const done = iso(now());
  const maxAttempts = row.event_type === 'test' ? 1 : (opts.maxAttempts ?? 8);
  let outcome: keyof DeliveryResult;
  let set: Partial<WebhookOutboxTable>;
  if (error === null) {
    outcome = 'delivered';
    set = { status: 'delivered', delivered_at: done, lease_until: null };
  } else if (attempts >= maxAttempts) {
    outcome = 'failed';
    set = { status: 'failed', lease_until: null };
  } else {
    outcome = 'retrying';
    const delay = retryDelay(
      attempts,
      opts.random ?? Math.random,
      opts.baseDelayMs,
      opts.maxDelayMs,
    );
    set = { status: 'pending', next_attempt_at: iso(now() + delay), lease_until: null };
  }
  // Only our own claim is settled: if our lease ran out and another instance took the row, its
  // result counts, not ours.
  await db
    .updateTable('webhook_outbox')
    .set({ ...set, attempts, last_status: status || null, last_error: error })
    .where('id', '=', id)
    .where('status', '=', 'delivering')
    .where('lease_until', '=', row.lease_until)
    .execute();
  return outcome;
}

/**
 * Sends a test event to one webhook now (one attempt, no retries) and reports what the receiver
 * answered. Null when the tenant has no such webhook.
 */
export async function sendTestEvent(
  db: Db,
  tenantId: string,
  webhookId: string,
  now: () => number,
  opts: DeliveryOptions = {},
): Promise<{
  eventId: string;
  delivered: boolean;
  status: number | null;
  error: string | null;
} | null> {
  const hook = await db
    .selectFrom('webhooks')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', webhookId)
    .executeTakeFirst();
  if (!hook) return null;
  const env: EventEnvelope = {
    id: `evt_test_${randomUUID().replace(/-/g, '')}`,
    type: 'test',
    tenantId,
    time: iso(now()),
    data: { message: 'Test event from Hush: the webhook is reachable and the signature checks.' },
  };
  const row = outboxRow(webhookId, env, now());
  await db.insertInto('webhook_outbox').values(row).execute();
  let outcome: keyof DeliveryResult | null;
  try {
    outcome = await deliverRow(db, row.id, now, opts);
  } catch (e) {
    // The secret did not decrypt: a test event is not left behind for the job to send later.
    await db.deleteFrom('webhook_outbox').where('id', '=', row.id).execute();
    throw e;
  }
  const after = await db
    .selectFrom('webhook_outbox')
    .select(['last_status', 'last_error'])
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  return {
    eventId: env.id,
    delivered: outcome === 'delivered',
    status: after.last_status,
    error: after.last_error,
  };
}

/** Delivered and failed outbox rows are kept this long (for the list's counts), then deleted. */
export const OUTBOX_KEEP_MS = 30 * 86_400_000;

/** Deletes delivered and failed outbox rows older than OUTBOX_KEEP_MS; returns how many. */
export async function pruneOutbox(db: Db, now: number): Promise<number> {
  const r = await db
    .deleteFrom('webhook_outbox')
    .where('status', 'in', ['delivered', 'failed'])
    .where('created_at', '<', iso(now - OUTBOX_KEEP_MS))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The scheduled webhook work: queue new incidents, then deliver what is due, in rounds of
 * `limit` rows until nothing is due or about half the lease has passed.
 */
export function webhookJob(opts: { everyMs?: number; delivery?: DeliveryOptions } = {}): Job {
  const leaseMs = 5 * 60_000;
  return {
    name: 'webhooks',
    everyMs: opts.everyMs ?? 60_000,
    leaseMs,
    async run(ctx) {
      const start = ctx.now();
      const pruned = await pruneOutbox(ctx.db, start);
      const queued = await enqueueIncidentEvents(ctx.db, start);
      const total: DeliveryResult = { delivered: 0, retrying: 0, failed: 0 };
      for (;;) {
        const r = await deliverDue(ctx.db, ctx.now, opts.delivery);
        total.delivered += r.delivered;
        total.retrying += r.retrying;
        total.failed += r.failed;
        const handled = r.delivered + r.retrying + r.failed;
        if (handled < (opts.delivery?.limit ?? 100) || ctx.now() - start > leaseMs / 2) break;
      }
      return { queued: queued.events, pruned, ...total };
    },
  };
}

/**
 * Encrypts webhook secrets stored in the clear (by a version before encryption at rest) under
 * `secret`; returns how many. Idempotent and safe on two instances starting together (each row
 * is updated only while it still holds the clear value). It runs at every start, after the
 * migrations, because the SQL migrations cannot see the secret key.
 */
export async function encryptStoredWebhookSecrets(db: Db, secret: Buffer): Promise<number> {
  const rows = await db.selectFrom('webhooks').select(['id', 'secret']).execute();
  let n = 0;
  for (const r of rows) {
    if (isEncryptedKey(r.secret)) continue;
    const u = await db
      .updateTable('webhooks')
      .set({ secret: encryptText(r.secret, r.id, secret) })
      .where('id', '=', r.id)
      .where('secret', '=', r.secret)
      .executeTakeFirst();
    n += Number(u.numUpdatedRows);
  }
  return n;
}
