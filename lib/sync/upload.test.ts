// The uploader's logic over the real store (fake-indexeddb in Node) and a scripted backend. The
// same uploader against the real server, on SQLite and PostgreSQL, is upload.backend.test.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentRecord } from '@/lib/incidents/record.ts';
import { openIncidentStore, storeOpener, type IncidentStore } from '@/lib/incidents/store.ts';
import type { Enrolment } from './enrollment.ts';
import {
  BACKOFF_CAP_MS,
  LEASE_MS,
  UPLOAD_STATE_KEY,
  backoffDelay,
  createUploader,
  readUploadState,
  retryAfterMs,
  toWire,
  type UploaderDeps,
} from './upload.ts';

const T0 = Date.UTC(2026, 10, 2, 9, 30, 17, 250);
const ENROLMENT: Enrolment = {
  backendUrl: 'https://hush.example.test/base/',
  tenantId: 'tenant-1',
  deviceId: 'dev1',
  credential: 'dev1.abcdefghijklmnopqrstuvwxyz012345',
  userPseudonym: 'u'.repeat(43),
  team: 'Support EMEA',
};

let n = 0;
const open: IncidentStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function record(i: number, over: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    time: T0 + i * 1000,
    siteId: 'chatgpt',
    host: 'chatgpt.com',
    pageClass: 'unapproved-ai',
    channel: 'paste',
    action: 'mask',
    outcome: 'masked',
    counts: { EMAIL: 1 },
    state: 'pending',
    sentAt: null,
    extensionVersion: '0.1.0',
    policyVersion: 3,
    ...over,
  };
}

interface Call {
  url: string;
  headers: Record<string, string>;
  body: { records: Array<Record<string, unknown>>; droppedTotal?: number };
}

type Answer = Response | 'offline' | ((call: Call) => Response | 'offline');

/** A scripted backend: answers in order (the last one repeats), recording every request. */
function backend(...answers: Answer[]) {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const call: Call = {
      url,
      headers: init.headers as Record<string, string>,
      body: JSON.parse(init.body as string) as Call['body'],
    };
    calls.push(call);
    let answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (typeof answer === 'function') answer = answer(call);
    if (answer === 'offline') throw new TypeError('fetch failed');
    return answer;
  };
  return { calls, fetch };
}

const ok = () => new Response('{"received":1,"new":1,"reasonsDropped":0}', { status: 200 });
const status = (s: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error: 'x', message: `status ${s}` }), { status: s, headers });

async function setup(over: Partial<UploaderDeps> & { records?: IncidentRecord[] } = {}) {
  const name = `upload-test-${++n}`;
  const get = storeOpener(async () => {
    const s = await openIncidentStore({ name });
    open.push(s);
    return s;
  });
  const store = await get();
  for (const r of over.records ?? []) await store.add(r);
  let now = T0 + 60_000;
  const warnings: string[] = [];
  const unauthorized: string[] = [];
  const deps: UploaderDeps = {
    store: get,
    getEnrolment: async () => ENROLMENT,
    allowReasons: () => false,
    onUnauthorized: (e) => void unauthorized.push(e.credential),
    fetch: backend(ok()).fetch,
    now: () => now,
    random: () => 0.5,
    warn: (m) => warnings.push(m),
    ...over,
  };
  return {
    store,
    uploader: createUploader(deps),
    deps,
    warnings,
    unauthorized,
    setNow: (t: number) => (now = t),
    now: () => now,
  };
}

describe('what leaves the browser', () => {
  it('is exactly the listed fields: minute, site, class, channel, action, counts, versions, pseudonym, team', () => {
    const r = record(1, { reason: 'Approved by [EMAIL]' });
    const wire = toWire(r, ENROLMENT, false);
    expect(wire).toEqual({
      id: r.id,
      time: Date.UTC(2026, 10, 2, 9, 30),
      siteId: 'chatgpt',
      host: 'chatgpt.com',
      pageClass: 'unapproved-ai',
      channel: 'paste',
      action: 'mask',
      outcome: 'masked',
      counts: { EMAIL: 1 },
      policyVersion: 3,
      extensionVersion: '0.1.0',
      user: ENROLMENT.userPseudonym,
      team: 'Support EMEA',
    });
    expect(toWire(r, ENROLMENT, true).reason).toBe('Approved by [EMAIL]');
    // Records made before policy versions were kept report the built-in defaults.
    const { policyVersion: _, ...old } = record(2);
    expect(toWire(old, ENROLMENT, true).policyVersion).toBe(0);
  });

  it('sends the team as the backend takes it, or none', () => {
    expect(toWire(record(1), { ...ENROLMENT, team: '  ' }, false).team).toBeNull();
    expect(toWire(record(1), { ...ENROLMENT, team: 'A\u0007B' }, false).team).toBe('AB');
    expect(toWire(record(1), { ...ENROLMENT, team: 'x'.repeat(300) }, false).team).toHaveLength(
      200,
    );
  });
});

describe('backoff', () => {
  it('grows exponentially with full jitter up to the cap, never below a second', () => {
    expect(backoffDelay(1, () => 0.999)).toBe(9990);
    expect(backoffDelay(3, () => 0.5)).toBe(20_000);
    expect(backoffDelay(30, () => 0.999)).toBe(Math.floor(0.999 * BACKOFF_CAP_MS));
    expect(backoffDelay(5, () => 0)).toBe(1000);
    for (let f = 1; f < 40; f++) {
      const d = backoffDelay(f);
      expect(d).toBeGreaterThanOrEqual(1000);
      expect(d).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    }
  });

  it('reads Retry-After as seconds or a date, capped', () => {
    expect(retryAfterMs('120', T0)).toBe(120_000);
    expect(retryAfterMs(new Date(T0 + 30_000).toUTCString(), T0)).toBe(30_000 - 250);
    expect(retryAfterMs('999999', T0)).toBe(BACKOFF_CAP_MS);
    expect(retryAfterMs('0', T0)).toBe(1000);
    expect(retryAfterMs('soon', T0)).toBeNull();
    expect(retryAfterMs(null, T0)).toBeNull();
  });
});

describe('uploader', () => {
  it('sends pending records in batches with the credential, and marks them sent', async () => {
    const api = backend(ok());
    const { uploader, store, now } = await setup({
      records: [1, 2, 3, 4, 5].map((i) => record(i)),
      fetch: api.fetch,
      batchSize: 2,
    });
    expect(await uploader.run()).toEqual({ status: 'done', sent: 5, rejected: 0 });
    expect(api.calls.map((c) => c.body.records.length)).toEqual([2, 2, 1]);
    expect(api.calls[0]!.url).toBe('https://hush.example.test/base/api/v1/incidents');
    expect(api.calls[0]!.headers.authorization).toBe(`Bearer ${ENROLMENT.credential}`);
    expect(await store.pendingCount()).toBe(0);
    expect(await store.get(record(1).id)).toMatchObject({ state: 'sent', sentAt: now() });
    // Nothing pending: no request at all.
    expect(await uploader.run()).toEqual({ status: 'done', sent: 0, rejected: 0 });
    expect(api.calls).toHaveLength(3);
  });

  it('leaves the reason out unless the telemetry level allows it at upload time', async () => {
    let allow = false;
    const api = backend(ok());
    const { uploader, store } = await setup({
      records: [record(1, { reason: 'Approved by [EMAIL]' })],
      fetch: api.fetch,
      allowReasons: () => allow,
    });
    await uploader.run();
    expect(api.calls[0]!.body.records[0]).not.toHaveProperty('reason');
    allow = true;
    await store.add(record(2, { reason: 'Approved by [NAME]' }));
    await uploader.run();
    expect(api.calls[1]!.body.records[0]!.reason).toBe('Approved by [NAME]');
  });

  it('keeps everything while offline or failing, backs off with jitter, then sends each record once', async () => {
    const api = backend('offline', status(500), status(502), ok());
    const { uploader, store, setNow, now, deps } = await setup({
      records: [record(1), record(2)],
      fetch: api.fetch,
      random: () => 1,
    });
    let r = await uploader.run();
    expect(r).toMatchObject({ status: 'failed', error: 'offline', sent: 0 });
    expect(r.nextAttemptAt).toBe(now() + 10_000);
    // Before the backoff ends, nothing is asked of the backend.
    expect(await uploader.run()).toMatchObject({
      status: 'waiting',
      nextAttemptAt: r.nextAttemptAt,
    });
    expect(api.calls).toHaveLength(1);
    setNow(r.nextAttemptAt!);
    r = await uploader.run();
    expect(r).toMatchObject({ status: 'failed', error: 'server-error' });
    expect(r.nextAttemptAt).toBe(now() + 20_000);
    setNow(r.nextAttemptAt!);
    r = await uploader.run();
    expect(r.nextAttemptAt).toBe(now() + 40_000);
    // A new worker (a new uploader over the same database) knows the backoff.
    const fresh = createUploader(deps);
    expect((await fresh.run()).status).toBe('waiting');
    setNow(r.nextAttemptAt!);
    expect(await fresh.run()).toEqual({ status: 'done', sent: 2, rejected: 0 });
    expect(await store.pendingCount()).toBe(0);
    expect(readUploadState(await store.readSync(UPLOAD_STATE_KEY))).toMatchObject({
      failures: 0,
      nextAttemptAt: 0,
      lastError: null,
    });
  });

  it('honours Retry-After on 429 and 503', async () => {
    const api = backend(
      status(429, { 'retry-after': '42' }),
      status(503, { 'retry-after': '7' }),
      ok(),
    );
    const { uploader, setNow, now } = await setup({ records: [record(1)], fetch: api.fetch });
    let r = await uploader.run();
    expect(r).toMatchObject({ status: 'failed', error: 'rate-limited' });
    expect(r.nextAttemptAt).toBe(now() + 42_000);
    setNow(now() + 41_000);
    expect((await uploader.run()).status).toBe('waiting');
    setNow(now() + 1000);
    r = await uploader.run();
    expect(r).toMatchObject({ status: 'failed', error: 'server-error' });
    expect(r.nextAttemptAt).toBe(now() + 7_000);
    setNow(r.nextAttemptAt!);
    expect((await uploader.run()).sent).toBe(1);
  });

  it('asks for re-enrollment on 401 and keeps the records', async () => {
    const api = backend(status(401));
    const { uploader, store, unauthorized } = await setup({
      records: [record(1)],
      fetch: api.fetch,
    });
    expect(await uploader.run()).toMatchObject({ status: 'failed', error: 'unauthorized' });
    expect(unauthorized).toEqual([ENROLMENT.credential]);
    expect(await store.pendingCount()).toBe(1);
  });

  it('drops only the record the backend will never take, names why, and sends the rest', async () => {
    const bad = record(3);
    const api = backend((call) =>
      call.body.records.some((r) => r.id === bad.id)
        ? new Response(
            JSON.stringify({
              error: 'invalid_request',
              message: 'records.0.host: must be a lower-case host name like chat.example.com',
            }),
            { status: 400 },
          )
        : ok(),
    );
    const { uploader, store, warnings } = await setup({
      records: [1, 2, 3, 4, 5, 6, 7].map((i) => (i === 3 ? bad : record(i))),
      fetch: api.fetch,
    });
    expect(await uploader.run()).toEqual({ status: 'done', sent: 6, rejected: 1 });
    expect(await store.pendingCount()).toBe(0);
    expect(await store.get(bad.id)).toBeNull();
    expect(await store.rejectedCount()).toBe(1);
    expect(warnings).toEqual([
      `Hush: the backend refused incident ${bad.id} for good (400 records.0.host: must be a lower-case host name like chat.example.com)`,
    ]);
    // Halving finds it in 2·log2(n) + 1 requests, not one per record.
    expect(api.calls.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(7)) + 1);
  });

  it('keeps the queue when the endpoint itself refuses (a wrong URL, a proxy 403)', async () => {
    const api = backend(status(404));
    const { uploader, store } = await setup({ records: [record(1), record(2)], fetch: api.fetch });
    expect(await uploader.run()).toMatchObject({ status: 'failed', error: 'refused' });
    expect(await store.pendingCount()).toBe(2);
    expect(await store.rejectedCount()).toBe(0);
  });

  it('runs one upload at a time: a second caller finds the lease taken until it is released or expires', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api = backend(ok());
    const slow = async (url: string, init: RequestInit) => {
      await gate;
      return api.fetch(url, init);
    };
    const { uploader, deps, setNow, now } = await setup({ records: [record(1)], fetch: slow });
    const first = uploader.run();
    await new Promise((r) => setTimeout(r, 20));
    const other = createUploader({ ...deps, fetch: api.fetch });
    expect(await other.run()).toEqual({ status: 'busy', sent: 0, rejected: 0 });
    release();
    expect(await first).toEqual({ status: 'done', sent: 1, rejected: 0 });
    expect(api.calls).toHaveLength(1);
    // A run killed while holding the lease: the next one waits for it to expire.
    const s = await deps.store();
    await s.add(record(2));
    expect(await s.tryLease('killed-worker', now(), LEASE_MS)).toBe(true);
    expect((await other.run()).status).toBe('busy');
    setNow(now() + LEASE_MS + 1);
    expect(await other.run()).toEqual({ status: 'done', sent: 1, rejected: 0 });
  });

  it('reports the dropped-records total with each batch', async () => {
    const api = backend(ok());
    const name = `upload-test-${++n}`;
    const small = await openIncidentStore({ name, maxRecords: 2 });
    open.push(small);
    for (const i of [1, 2, 3, 4]) await small.add(record(i));
    const { uploader } = await setup({ store: async () => small, fetch: api.fetch });
    expect(await uploader.run()).toMatchObject({ status: 'done', sent: 2 });
    expect(api.calls[0]!.body.droppedTotal).toBe(2);
    expect((await uploader.state()).droppedReported).toBe(2);
  });

  it('sends nothing and keeps everything while not enrolled', async () => {
    const api = backend(ok());
    const { uploader, store } = await setup({
      records: [record(1)],
      fetch: api.fetch,
      getEnrolment: async () => null,
    });
    expect(await uploader.run()).toEqual({ status: 'not-enrolled', sent: 0, rejected: 0 });
    expect(api.calls).toHaveLength(0);
    expect(await store.pendingCount()).toBe(1);
  });
});
