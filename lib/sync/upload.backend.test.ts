// The uploader against the REAL backend: server/app.ts behind a real HTTP listener
// (@hono/node-server), on a real SQLite file and on the real PostgreSQL (each run its own
// database or schema, dropped afterwards; server/test-util.ts). The extension's side is the real
// incident store over fake-indexeddb. What is proven: a server that is down and comes back gets
// every record exactly once; a retry storm sends nothing twice; a 429 is waited out; a worker
// killed after the server stored a batch (before it marked the batch sent) loses nothing and
// duplicates nothing; the dropped-records total reaches the device's row.
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type CreatedTenant } from '@/server/admin.ts';
import { createApp } from '@/server/app.ts';
import { silentLogger } from '@/server/log.ts';
import { BACKENDS, ownDatabase, type Backend, type TestDb } from '@/server/test-util.ts';
import type { IncidentRecord } from '@/lib/incidents/record.ts';
import { openIncidentStore, type IncidentStore } from '@/lib/incidents/store.ts';
import type { Enrolment } from './enrollment.ts';
import type { FetchLike } from './http.ts';
import { LEASE_MS, createUploader, type UploaderDeps } from './upload.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
let dbs = 0;

/** PostgreSQL in a database of its own (see ownDatabase in server/test-util.ts). */
const ownPostgres: Backend = ownDatabase('hush_h5_upload');
const BACKENDS_HERE: Backend[] = BACKENDS.map((b) => (b.name === 'postgres' ? ownPostgres : b));

function record(i: number): IncidentRecord {
  return {
    id: crypto.randomUUID(),
    time: T0 - 3_600_000 + i * 1000,
    siteId: 'chatgpt',
    host: 'chatgpt.com',
    pageClass: 'unapproved-ai',
    channel: i % 2 ? 'paste' : 'send',
    action: 'mask',
    outcome: 'masked',
    counts: { EMAIL: 1 + (i % 3), CREDIT_CARD: i % 2 },
    state: 'pending',
    sentAt: null,
    extensionVersion: '0.1.0',
    policyVersion: 2,
  };
}

describe.each(BACKENDS_HERE)('uploader against the real backend on $name', (backend) => {
  let t: TestDb;
  let tenant: CreatedTenant;
  let now = T0;
  let rateLimit = 1000;
  let server: ServerType | null = null;
  let port = 0;
  const stores: IncidentStore[] = [];

  const app = () =>
    createApp({ db: t.db, log: silentLogger, now: () => now, rateLimitPerMinute: rateLimit });

  /** Starts the real HTTP listener (on the same port after a stop, so the URL stays). */
  async function start(): Promise<void> {
    const a = app();
    await new Promise<void>((resolve) => {
      server = serve({ fetch: a.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  }
  async function stop(): Promise<void> {
    const s = server;
    server = null;
    if (!s) return;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  }

  async function enroll(): Promise<Enrolment> {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        extensionVersion: '0.1.0',
        browser: 'chrome',
      }),
    });
    expect(res.status).toBe(201);
    const { deviceId, credential } = (await res.json()) as { deviceId: string; credential: string };
    return {
      backendUrl: `http://127.0.0.1:${port}`,
      tenantId: tenant.tenantId,
      deviceId,
      credential,
      userPseudonym: 'p'.repeat(43),
      team: 'Support EMEA',
    };
  }

  async function queue(
    count: number,
    maxRecords?: number,
  ): Promise<{ name: string; store: IncidentStore }> {
    const name = `upload-backend-${backend.name}-${++dbs}`;
    const store = await openIncidentStore({ name, ...(maxRecords ? { maxRecords } : {}) });
    stores.push(store);
    for (let i = 0; i < count; i++) await store.add(record(i), T0);
    return { name, store };
  }

  const stored = async (deviceId: string) => {
    const rows = await t.db
      .selectFrom('incidents')
      .select(['id'])
      .where('device_id', '=', deviceId)
      .execute();
    return { count: rows.length, distinct: new Set(rows.map((r) => r.id)).size };
  };

  function deps(
    store: () => Promise<IncidentStore>,
    enrolment: Enrolment,
    over: Partial<UploaderDeps> = {},
  ): UploaderDeps {
    return {
      store,
      getEnrolment: async () => enrolment,
      allowReasons: () => true,
      onUnauthorized: () => undefined,
      fetch: (url, init) => fetch(url, init),
      now: () => now,
      random: () => 0.5,
      warn: () => undefined,
      batchSize: 100,
      ...over,
    };
  }

  beforeAll(async () => {
    t = await backend.open();
    tenant = await createTenant(t.db, {
      name: 'Upload Test',
      telemetry: 'counts-and-reasons',
      now: T0,
    });
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) s.close();
    await stop();
    // A new port for the next test: no kept-alive connection to a closed listener is reused.
    port = 0;
    now = T0;
    rateLimit = 1000;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('server down, a retry storm, then up: backs off, and every record arrives exactly once', async () => {
    await start();
    const enrolment = await enroll();
    // A bounded queue of 250 that was given 260: the 10 oldest are dropped and reported.
    const { store } = await queue(260, 250);
    expect(await store.droppedPending()).toBe(10);
    await stop();

    const uploader = createUploader(deps(async () => store, enrolment));
    const first = await uploader.run();
    expect(first).toMatchObject({ status: 'failed', error: 'offline', sent: 0 });
    const waitUntil = first.nextAttemptAt!;
    expect(waitUntil).toBeGreaterThan(now);

    // A retry storm while down: many workers, alarms and new records all asking at once. None
    // may send before the backoff ends, and at most one runs at a time.
    const storm = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createUploader(deps(async () => store, enrolment)).run({ force: i % 5 === 0 }),
      ),
    );
    expect(storm.every((r) => r.sent === 0)).toBe(true);
    expect(await store.pendingCount()).toBe(250);

    await start();
    // The storm's forced runs failed too and pushed the backoff further out.
    const backoff = (await uploader.state()).nextAttemptAt;
    expect(backoff).toBeGreaterThanOrEqual(waitUntil);
    now = backoff;
    // The storm again, now with the server up: the records are sent once between them.
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createUploader(deps(async () => store, enrolment)).run()),
    );
    let sent = results.reduce((a, r) => a + r.sent, 0);
    // A run that found the lease taken leaves the rest to the next alarm.
    for (let i = 0; i < 5 && (await store.pendingCount()) > 0; i++)
      sent += (await uploader.run()).sent;
    expect(sent).toBe(250);
    expect(await store.pendingCount()).toBe(0);
    expect(await stored(enrolment.deviceId)).toEqual({ count: 250, distinct: 250 });
    const device = await t.db
      .selectFrom('devices')
      .select('incidents_dropped')
      .where('id', '=', enrolment.deviceId)
      .executeTakeFirstOrThrow();
    expect(Number(device.incidents_dropped)).toBe(10);
  });

  it('waits out a 429 with its Retry-After, then finishes without duplicates', async () => {
    rateLimit = 3;
    await start();
    const enrolment = await enroll();
    const { store } = await queue(450);
    const uploader = createUploader(deps(async () => store, enrolment));
    const r = await uploader.run();
    // Three requests fit in the minute (100 records each); the fourth is refused with 429.
    expect(r).toMatchObject({ status: 'failed', error: 'rate-limited', sent: 300 });
    expect(r.nextAttemptAt! - now).toBe(60_000);
    expect((await uploader.run()).status).toBe('waiting');
    now = r.nextAttemptAt!;
    expect(await uploader.run()).toEqual({ status: 'done', sent: 150, rejected: 0 });
    expect(await stored(enrolment.deviceId)).toEqual({ count: 450, distinct: 450 });
  });

  it('a worker killed after the server stored a batch: the next one resends it, nothing lost or doubled', async () => {
    await start();
    const enrolment = await enroll();
    const { name } = await queue(330);
    const answers: number[] = [];
    let calls = 0;
    // The first worker's second request reaches the server and is stored, but the worker dies
    // before it reads the answer: its run never finishes and its lease stays behind.
    const dying: FetchLike = async (url, init) => {
      const res = await fetch(url, init);
      answers.push(((await res.clone().json()) as { new: number }).new);
      if (++calls === 2) return new Promise<Response>(() => undefined);
      return res;
    };
    const openStore = async () => {
      const s = await openIncidentStore({ name });
      stores.push(s);
      return s;
    };
    const worker1 = createUploader(deps(openStore, enrolment, { fetch: dying }));
    void worker1.run();
    await expect.poll(() => calls, { timeout: 10_000 }).toBe(2);

    // A new service worker: its own connection to the same database.
    const counting: FetchLike = async (url, init) => {
      const res = await fetch(url, init);
      answers.push(((await res.clone().json()) as { new: number }).new);
      return res;
    };
    const worker2 = createUploader(deps(openStore, enrolment, { fetch: counting }));
    expect((await worker2.run()).status).toBe('busy');
    now += LEASE_MS + 1;
    expect(await worker2.run()).toEqual({ status: 'done', sent: 330 - 100, rejected: 0 });
    // The batch the dead worker sent came again and was stored 0 times more.
    expect(answers).toEqual([100, 100, 0, 100, 30]);
    expect(await stored(enrolment.deviceId)).toEqual({ count: 330, distinct: 330 });
    const check = await openStore();
    expect(await check.pendingCount()).toBe(0);
  });
});
