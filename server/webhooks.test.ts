/**
 * Outbound webhooks against a real local HTTP receiver (node:http on 127.0.0.1) and a real SQLite
 * file and PostgreSQL: signed JSON and CEF deliveries verified the way a receiver would, retries
 * with backoff until success (exactly one successful delivery per event), giving up after N
 * attempts, two delivering instances at once, and what a delivery may hold.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTenant } from './admin.ts';
import { cefHeader, cefLine, cefValue, parseCef } from './cef.ts';
import {
  createWebhook,
  deleteWebhook,
  deliverDue,
  enqueueAnomaly,
  enqueueIncidentEvents,
  encryptStoredWebhookSecrets,
  listWebhooks,
  retryDelay,
  sendTestEvent,
  signature,
  verifySignature,
  webhookJob,
  webhookUrlProblem,
  type EventEnvelope,
} from './webhooks.ts';
import { runDueJobs } from './jobs.ts';
import { silentLogger } from './log.ts';
import { createApp } from './app.ts';
import { fakeUser, incidentRow, insertIncidents, seeded, testSession } from './test-data.ts';
import { BACKENDS, type TestDb } from './test-util.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const MINUTE = 60_000;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A receiver on 127.0.0.1; `answer` picks the status for each request. */
async function receiver(answer: (r: Received, n: number) => number) {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered: 0,
      };
      r.answered = answer(r, got.length);
      got.push(r);
      res.writeHead(r.answered, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    got,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhook pieces', () => {
  it('accepts https anywhere and http only to localhost', () => {
    expect(webhookUrlProblem('https://siem.example.com/hush')).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:9000/x')).toBeNull();
    expect(webhookUrlProblem('http://localhost/x')).toBeNull();
    expect(webhookUrlProblem('http://siem.example.com/x')).toMatch(/https/);
    expect(webhookUrlProblem('ftp://siem.example.com/x')).toMatch(/https/);
    expect(webhookUrlProblem('https://user:pw@siem.example.com/')).toMatch(/user name/);
    expect(webhookUrlProblem('not a url')).toMatch(/absolute URL/);
  });

  it('escapes CEF header fields and extension values as the specification says', () => {
    expect(cefHeader('a|b\\c')).toBe('a\\|b\\\\c');
    expect(cefValue('a=b\\c|d\ne\r\nf\rg')).toBe('a\\=b\\\\c|d\\ne\\nf\\rg');
    const line = cefLine('1.0', {
      signatureId: 'x|y',
      name: 'N\\ame',
      severity: 5,
      extensions: [
        ['cs3', 'Team | A = B \\ C\nD'],
        ['suser', 'u_test'],
        ['empty', null],
      ],
    });
    expect(line).toBe(
      'CEF:0|Hush|Hush|1.0|x\\|y|N\\\\ame|5|cs3=Team | A \\= B \\\\ C\\nD suser=u_test',
    );
    const parsed = parseCef(line);
    expect(parsed.header).toEqual(['CEF:0', 'Hush', 'Hush', '1.0', 'x|y', 'N\\ame', '5']);
    expect(parsed.extensions).toEqual({ cs3: 'Team | A = B \\ C\nD', suser: 'u_test' });
  });

  it('signs over timestamp and body, and refuses tampering and replays', () => {
    const sig = signature('whsec_x', 1_800_000_000, '{"a":1}');
    expect(verifySignature('whsec_x', sig, '1800000000', '{"a":1}', 1_800_000_100)).toBe(true);
    expect(verifySignature('whsec_x', sig, '1800000000', '{"a":2}', 1_800_000_100)).toBe(false);
    expect(verifySignature('whsec_y', sig, '1800000000', '{"a":1}', 1_800_000_100)).toBe(false);
    expect(verifySignature('whsec_x', sig, '1800000000', '{"a":1}', 1_800_000_301)).toBe(false);
    expect(verifySignature('whsec_x', sig, '1800000001', '{"a":1}', 1_800_000_100)).toBe(false);
  });

  it('backs off exponentially with jitter, capped', () => {
    const lo = () => 0;
    const hi = () => 0.999999;
    expect(retryDelay(1, lo, 1000, 60_000)).toBe(500);
    expect(retryDelay(1, hi, 1000, 60_000)).toBe(1000);
    expect(retryDelay(3, lo, 1000, 60_000)).toBe(2000);
    expect(retryDelay(3, hi, 1000, 60_000)).toBe(4000);
    expect(retryDelay(20, hi, 1000, 60_000)).toBe(60_000);
  });
});

describe.each(BACKENDS)('webhooks on $name', (backend) => {
  let t: TestDb;
  let tenantId: string;
  let now = T0;
  const clock = () => now;

  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(async () => {
    await t?.drop();
  });
  beforeEach(async () => {
    now = T0;
    tenantId = (await createTenant(t.db, { name: 'Hooks Co', now: T0 })).tenantId;
  });

  /** Incidents received one minute after T0, with a reason the webhook must never carry. */
  async function someIncidents(n: number, team = 'Support | EMEA = 1') {
    const rnd = seeded(n);
    const rows = Array.from({ length: n }, (_, i) => ({
      ...incidentRow(tenantId, rnd, {
        time: T0,
        user: fakeUser('hooks', i % 3),
        team,
        receivedAt: T0 + MINUTE + i,
      }),
      reason: 'masked reason that must stay home',
    }));
    await insertIncidents(t.db, rows);
    return rows;
  }

  it('delivers new incidents as signed JSON, once, without override reasons', async () => {
    const rx = await receiver(() => 200);
    try {
      const { webhook, secret } = await createWebhook(
        t.db,
        { tenantId, url: rx.url, format: 'json', events: ['incidents'], actor: 'user:test' },
        T0,
      );
      expect(secret).toMatch(/^whsec_/);
      const rows = await someIncidents(3);
      // Within the grace period nothing is queued yet.
      now = T0 + 2 * MINUTE;
      expect((await enqueueIncidentEvents(t.db, now)).events).toBe(0);
      now = T0 + 4 * MINUTE;
      expect((await enqueueIncidentEvents(t.db, now)).events).toBe(1);
      expect((await enqueueIncidentEvents(t.db, now)).events).toBe(0);
      expect(await deliverDue(t.db, clock)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
      expect(rx.got).toHaveLength(1);
      const r = rx.got[0]!;
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      const ok = verifySignature(
        secret,
        String(r.headers['x-hush-signature']),
        String(r.headers['x-hush-timestamp']),
        r.body,
        Math.floor(now / 1000),
      );
      expect(ok).toBe(true);
      const env = JSON.parse(r.body) as EventEnvelope;
      expect(env.id).toBe(r.headers['x-hush-event-id']);
      expect(env.type).toBe('incidents');
      expect(env.tenantId).toBe(tenantId);
      const got = 'incidents' in env.data ? env.data.incidents : [];
      expect(got.map((x) => x.id).sort()).toEqual(rows.map((x) => x.id).sort());
      expect(r.body).not.toContain('reason');
      expect(Object.keys(got[0]!).sort()).toEqual(
        [
          'action',
          'channel',
          'counts',
          'host',
          'id',
          'items',
          'outcome',
          'pageClass',
          'policyVersion',
          'siteId',
          'team',
          'time',
          'user',
        ].sort(),
      );
      const list = await listWebhooks(t.db, tenantId);
      expect(list).toEqual([
        expect.objectContaining({
          id: webhook.id,
          deliveries: { pending: 0, delivered: 1, failed: 0 },
        }),
      ]);
      expect(JSON.stringify(list)).not.toContain(secret);
      // Nothing more to send.
      expect(await deliverDue(t.db, clock)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    } finally {
      await rx.close();
    }
  });

  it('delivers CEF lines a SIEM can parse, with the escapes in place', async () => {
    const rx = await receiver(() => 204);
    try {
      const { secret } = await createWebhook(
        t.db,
        {
          tenantId,
          url: rx.url,
          format: 'cef',
          events: ['incidents', 'anomalies'],
          actor: 'user:test',
        },
        T0,
      );
      const rows = await someIncidents(2);
      now = T0 + 5 * MINUTE;
      await enqueueIncidentEvents(t.db, now);
      await enqueueAnomaly(
        t.db,
        tenantId,
        {
          day: '2026-11-28',
          kind: 'person',
          subject: fakeUser('hooks', 0),
          team: 'Support | EMEA = 1',
          count: 40,
          baselineMedian: 2,
          threshold: 9,
        },
        now,
      );
      expect(await deliverDue(t.db, clock)).toMatchObject({ delivered: 2 });
      expect(rx.got).toHaveLength(2);
      for (const r of rx.got) {
        expect(r.headers['content-type']).toMatch(/^text\/plain/);
        expect(
          verifySignature(
            secret,
            String(r.headers['x-hush-signature']),
            String(r.headers['x-hush-timestamp']),
            r.body,
            Math.floor(now / 1000),
          ),
        ).toBe(true);
      }
      const lines = rx.got.flatMap((r) => r.body.trimEnd().split('\n'));
      expect(lines).toHaveLength(3);
      const parsed = lines.map(parseCef);
      const incidents = parsed.filter((p) => p.header[4]!.startsWith('incident:'));
      expect(incidents.map((p) => p.extensions.externalId).sort()).toEqual(
        rows.map((r) => r.id).sort(),
      );
      for (const p of incidents) {
        expect(p.header.slice(0, 4)).toEqual(['CEF:0', 'Hush', 'Hush', '1.0']);
        expect(p.extensions.cs3).toBe('Support | EMEA = 1');
        expect(p.extensions.cs3Label).toBe('team');
        expect(p.extensions.suser).toMatch(/^u_test_hooks_/);
      }
      expect(lines.join('\n')).toContain('cs3=Support | EMEA \\= 1');
      const anomaly = parsed.find((p) => p.header[4] === 'anomaly:person')!;
      expect(anomaly.extensions).toMatchObject({ cn1: '40', suser: fakeUser('hooks', 0) });
      expect(lines.join('\n')).not.toContain('reason');
    } finally {
      await rx.close();
    }
  });

  it('retries a receiver that fails twice, and it gets exactly one successful delivery an event', async () => {
    const failures = new Map<string, number>();
    const rx = await receiver((r) => {
      const id = String(r.headers['x-hush-event-id']);
      const n = failures.get(id) ?? 0;
      failures.set(id, n + 1);
      return n < 2 ? 503 : 200;
    });
    try {
      await createWebhook(
        t.db,
        { tenantId, url: rx.url, format: 'json', events: ['anomalies'], actor: 'user:test' },
        T0,
      );
      for (const subject of ['Alpha', 'Beta', 'Gamma']) {
        await enqueueAnomaly(
          t.db,
          tenantId,
          {
            day: '2026-11-28',
            kind: 'team',
            subject,
            team: subject,
            count: 50,
            baselineMedian: 3,
            threshold: 10,
          },
          now,
        );
      }
      // The same anomaly again is the same event: not queued twice.
      expect(
        await enqueueAnomaly(
          t.db,
          tenantId,
          {
            day: '2026-11-28',
            kind: 'team',
            subject: 'Alpha',
            team: 'Alpha',
            count: 50,
            baselineMedian: 3,
            threshold: 10,
          },
          now,
        ),
      ).toBe(0);
      const opts = { baseDelayMs: 1000, random: () => 0.5 };
      expect(await deliverDue(t.db, clock, opts)).toEqual({ delivered: 0, retrying: 3, failed: 0 });
      // Not due yet: nothing is sent before the backoff delay (1000 ms * 0.75).
      now += 500;
      expect(await deliverDue(t.db, clock, opts)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      now += 300;
      expect(await deliverDue(t.db, clock, opts)).toEqual({ delivered: 0, retrying: 3, failed: 0 });
      // The second retry waits twice as long (2000 ms * 0.75).
      now += 1400;
      expect(await deliverDue(t.db, clock, opts)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      now += 200;
      expect(await deliverDue(t.db, clock, opts)).toEqual({ delivered: 3, retrying: 0, failed: 0 });
      now += 3_600_000;
      expect(await deliverDue(t.db, clock, opts)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      const ok = new Map<string, number>();
      for (const r of rx.got) {
        if (r.answered === 200) {
          const id = String(r.headers['x-hush-event-id']);
          ok.set(id, (ok.get(id) ?? 0) + 1);
        }
      }
      expect([...ok.values()]).toEqual([1, 1, 1]);
      expect(rx.got).toHaveLength(9);
      expect(rx.got.map((r) => r.headers['x-hush-attempt']).sort()).toEqual([
        '1',
        '1',
        '1',
        '2',
        '2',
        '2',
        '3',
        '3',
        '3',
      ]);
      const rows = await t.db
        .selectFrom('webhook_outbox')
        .select(['status', 'attempts'])
        .where('tenant_id', '=', tenantId)
        .execute();
      expect(rows).toEqual([
        { status: 'delivered', attempts: 3 },
        { status: 'delivered', attempts: 3 },
        { status: 'delivered', attempts: 3 },
      ]);
    } finally {
      await rx.close();
    }
  });

  it('marks an event failed after N attempts at a receiver that always fails', async () => {
    const rx = await receiver(() => 500);
    try {
      await createWebhook(
        t.db,
        { tenantId, url: rx.url, format: 'json', events: ['anomalies'], actor: 'user:test' },
        T0,
      );
      await enqueueAnomaly(
        t.db,
        tenantId,
        {
          day: '2026-11-28',
          kind: 'team',
          subject: 'Alpha',
          team: 'Alpha',
          count: 50,
          baselineMedian: 3,
          threshold: 10,
        },
        now,
      );
      const opts = { maxAttempts: 4, baseDelayMs: 1000, random: () => 0.999 };
      const outcomes: string[] = [];
      for (let i = 0; i < 10; i++) {
        const r = await deliverDue(t.db, clock, opts);
        if (r.retrying) outcomes.push('retrying');
        if (r.failed) outcomes.push('failed');
        now += 60_000;
      }
      expect(outcomes).toEqual(['retrying', 'retrying', 'retrying', 'failed']);
      expect(rx.got).toHaveLength(4);
      const row = await t.db
        .selectFrom('webhook_outbox')
        .select(['status', 'attempts', 'last_status', 'last_error'])
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        status: 'failed',
        attempts: 4,
        last_status: 500,
        last_error: 'HTTP 500',
      });
    } finally {
      await rx.close();
    }
  });

  it('the scheduled job queues and delivers on one instance at a time', async () => {
    const rx = await receiver(() => 200);
    try {
      await createWebhook(
        t.db,
        { tenantId, url: rx.url, format: 'json', events: ['incidents'], actor: 'user:test' },
        T0,
      );
      await someIncidents(4);
      const ctx = { db: t.db, log: silentLogger, now: () => T0 + 5 * MINUTE };
      const job = webhookJob();
      const [a, b] = await Promise.all([
        runDueJobs(ctx, [job], 'instance-a'),
        runDueJobs(ctx, [job], 'instance-b'),
      ]);
      const ran = [...a, ...b].filter((o) => o.ran);
      expect(ran).toHaveLength(1);
      expect(ran[0]!.result).toMatchObject({ queued: 1, delivered: 1, failed: 0 });
      expect(rx.got).toHaveLength(1);
    } finally {
      await rx.close();
    }
  });

  it('two instances delivering at once send each event once', async () => {
    const rx = await receiver(() => 200);
    try {
      await createWebhook(
        t.db,
        { tenantId, url: rx.url, format: 'json', events: ['anomalies'], actor: 'user:test' },
        T0,
      );
      for (let i = 0; i < 20; i++) {
        await enqueueAnomaly(
          t.db,
          tenantId,
          {
            day: '2026-11-28',
            kind: 'person',
            subject: fakeUser('x', i),
            team: null,
            count: 50,
            baselineMedian: 3,
            threshold: 10,
          },
          now,
        );
      }
      const [a, b] = await Promise.all([deliverDue(t.db, clock), deliverDue(t.db, clock)]);
      expect(a.delivered + b.delivered).toBe(20);
      const ids = rx.got.map((r) => r.headers['x-hush-event-id']);
      expect(new Set(ids).size).toBe(20);
      expect(ids).toHaveLength(20);
    } finally {
      await rx.close();
    }
  });

  it('retries after a network error and a dead instance, and a test event is one attempt', async () => {
    // Nothing listens on this port: a network error, retried later.
    const dead = await receiver(() => 200);
    const url = dead.url;
    await dead.close();
    const { webhook } = await createWebhook(
      t.db,
      { tenantId, url, format: 'json', events: ['anomalies'], actor: 'user:test' },
      T0,
    );
    await enqueueAnomaly(
      t.db,
      tenantId,
      {
        day: '2026-11-28',
        kind: 'team',
        subject: 'Alpha',
        team: 'Alpha',
        count: 50,
        baselineMedian: 3,
        threshold: 10,
      },
      now,
    );
    expect(await deliverDue(t.db, clock)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const row = await t.db
      .selectFrom('webhook_outbox')
      .select(['last_error', 'last_status'])
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    expect(row.last_status).toBeNull();
    expect(row.last_error).toMatch(/^network: /);
    const test = await sendTestEvent(t.db, tenantId, webhook.id, clock);
    expect(test).toMatchObject({ delivered: false, status: null });
    // A row claimed by an instance that died mid-delivery is taken over after its lease.
    await t.db
      .updateTable('webhook_outbox')
      .set({
        status: 'delivering',
        lease_until: new Date(now + 1000).toISOString(),
        next_attempt_at: new Date(now).toISOString(),
      })
      .where('event_type', '=', 'anomaly')
      .where('tenant_id', '=', tenantId)
      .execute();
    expect((await deliverDue(t.db, clock)).retrying).toBe(0);
    now += 2000;
    expect((await deliverDue(t.db, clock)).retrying).toBe(1);
    expect(await deleteWebhook(t.db, tenantId, webhook.id)).toBe(true);
    expect(
      await t.db
        .selectFrom('webhook_outbox')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .execute(),
    ).toEqual([]);
    expect(await deleteWebhook(t.db, tenantId, webhook.id)).toBe(false);
  });
});

describe.each(BACKENDS)('webhook secrets at rest on $name', (backend) => {
  // Made here for the test run, never a real deployment's key.
  const KEY = randomBytes(32);
  const WRONG = randomBytes(32);
  let t: TestDb;
  let tenantId: string;
  const now = T0;
  const clock = () => now;
  const anomaly = {
    day: '2026-11-28',
    kind: 'team' as const,
    subject: 'Alpha',
    team: 'Alpha',
    count: 50,
    baselineMedian: 3,
    threshold: 10,
  };

  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(async () => {
    await t?.drop();
  });
  beforeEach(async () => {
    tenantId = (await createTenant(t.db, { name: 'Secret Co', now: T0 })).tenantId;
  });

  const stored = async (id: string) =>
    (
      await t.db
        .selectFrom('webhooks')
        .select('secret')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).secret;

  const verifies = (secret: string, r: Received) =>
    verifySignature(
      secret,
      String(r.headers['x-hush-signature']),
      String(r.headers['x-hush-timestamp']),
      r.body,
      Math.floor(now / 1000),
    );

  it('stores the secret encrypted and still signs deliveries a receiver verifies', async () => {
    const rx = await receiver(() => 200);
    try {
      const { webhook, secret } = await createWebhook(
        t.db,
        {
          tenantId,
          url: rx.url,
          format: 'json',
          events: ['anomalies'],
          actor: 'user:test',
          secretKey: KEY,
        },
        T0,
      );
      const s = await stored(webhook.id);
      expect(s).toMatch(/^enc:v1:/);
      expect(s).not.toContain(secret);
      expect(s).not.toContain(secret.slice('whsec_'.length));
      await enqueueAnomaly(t.db, tenantId, anomaly, now);
      expect(await deliverDue(t.db, clock, { secretKey: KEY })).toEqual({
        delivered: 1,
        retrying: 0,
        failed: 0,
      });
      const test = await sendTestEvent(t.db, tenantId, webhook.id, clock, { secretKey: KEY });
      expect(test).toMatchObject({ delivered: true, status: 200 });
      expect(rx.got).toHaveLength(2);
      for (const r of rx.got) expect(verifies(secret, r)).toBe(true);
      // The stored value is not a key a receiver would accept.
      expect(verifies(s, rx.got[0]!)).toBe(false);
    } finally {
      await rx.close();
    }
  });

  it('refuses a missing or wrong key with a clear error and spends no attempt', async () => {
    const rx = await receiver(() => 200);
    try {
      const { webhook, secret } = await createWebhook(
        t.db,
        {
          tenantId,
          url: rx.url,
          format: 'cef',
          events: ['anomalies'],
          actor: 'user:test',
          secretKey: KEY,
        },
        T0,
      );
      await enqueueAnomaly(t.db, tenantId, anomaly, now);
      const wrong = deliverDue(t.db, clock, { secretKey: WRONG });
      await expect(wrong).rejects.toThrow(
        `webhook ${webhook.id} secret does not decrypt: HUSH_SECRET_KEY is not the key it was stored with`,
      );
      await expect(deliverDue(t.db, clock)).rejects.toThrow(/no HUSH_SECRET_KEY is set/);
      await expect(
        sendTestEvent(t.db, tenantId, webhook.id, clock, { secretKey: WRONG }),
      ).rejects.toThrow(/does not decrypt/);
      expect(rx.got).toHaveLength(0);
      // The event waits, unspent, and no test event is left behind for the job.
      const rows = await t.db
        .selectFrom('webhook_outbox')
        .select(['event_type', 'status', 'attempts', 'lease_until'])
        .where('tenant_id', '=', tenantId)
        .execute();
      expect(rows).toEqual([
        { event_type: 'anomaly', status: 'pending', attempts: 0, lease_until: null },
      ]);
      expect(await deliverDue(t.db, clock, { secretKey: KEY })).toMatchObject({ delivered: 1 });
      expect(verifies(secret, rx.got[0]!)).toBe(true);
    } finally {
      await rx.close();
    }
  });

  it('encrypts through the API with the service key, and the test event verifies', async () => {
    const rx = await receiver(() => 200);
    try {
      const app = createApp({
        db: t.db,
        log: silentLogger,
        now: clock,
        rateLimitPerMinute: 100,
        secretKey: KEY,
      });
      const admin = (await testSession(t.db, tenantId, 'admin', [], T0)).headers;
      const created = await app.request('/api/v1/webhooks', {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ url: rx.url, format: 'json', events: ['incidents'] }),
      });
      expect(created.status).toBe(201);
      const { webhook, secret } = (await created.json()) as {
        webhook: { id: string };
        secret: string;
      };
      expect(await stored(webhook.id)).toMatch(/^enc:v1:/);
      const test = await app.request(`/api/v1/webhooks/${webhook.id}/test`, {
        method: 'POST',
        headers: admin,
      });
      expect(await test.json()).toMatchObject({ delivered: true, status: 200 });
      expect(verifies(secret, rx.got[0]!)).toBe(true);
    } finally {
      await rx.close();
    }
  });

  it('encrypts secrets an older version stored in the clear, once', async () => {
    const rx = await receiver(() => 200);
    try {
      // No key: what a version before encryption at rest wrote.
      const { webhook, secret } = await createWebhook(
        t.db,
        { tenantId, url: rx.url, format: 'json', events: ['anomalies'], actor: 'user:test' },
        T0,
      );
      expect(await stored(webhook.id)).toBe(secret);
      const [a, b] = await Promise.all([
        encryptStoredWebhookSecrets(t.db, KEY),
        encryptStoredWebhookSecrets(t.db, KEY),
      ]);
      // Two instances starting together convert the row once between them.
      expect(a + b).toBe(1);
      expect(await encryptStoredWebhookSecrets(t.db, KEY)).toBe(0);
      const s = await stored(webhook.id);
      expect(s).toMatch(/^enc:v1:/);
      expect(s).not.toContain(secret.slice('whsec_'.length));
      await enqueueAnomaly(t.db, tenantId, anomaly, now);
      expect(await deliverDue(t.db, clock, { secretKey: KEY })).toMatchObject({ delivered: 1 });
      expect(verifies(secret, rx.got[0]!)).toBe(true);
      // The webhook id is bound in: the ciphertext copied to another webhook does not decrypt.
      const other = await createWebhook(
        t.db,
        {
          tenantId,
          url: rx.url,
          format: 'json',
          events: ['anomalies'],
          actor: 'user:test',
          secretKey: KEY,
        },
        T0,
      );
      await t.db
        .updateTable('webhooks')
        .set({ secret: s })
        .where('id', '=', other.webhook.id)
        .execute();
      await expect(
        sendTestEvent(t.db, tenantId, other.webhook.id, clock, { secretKey: KEY }),
      ).rejects.toThrow(/does not decrypt/);
      expect(await deleteWebhook(t.db, tenantId, other.webhook.id)).toBe(true);
    } finally {
      await rx.close();
    }
  });
});
