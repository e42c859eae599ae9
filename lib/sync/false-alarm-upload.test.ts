// The false-alarm uploader's rules with a fake fetch over the real queue (fake-indexeddb): what
// leaves (exactly id, time, detector, host), enrollment first, backoff and Retry-After, a report
// refused for good, a refused credential. The real backend is in false-alarm-upload.backend.test.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openFalseAlarmStore, type FalseAlarmStore } from '@/lib/incidents/false-alarms.ts';
import type { Enrolment } from './enrollment.ts';
import { createFalseAlarmUploader, type FalseAlarmUploaderDeps } from './false-alarm-upload.ts';
import { BACKOFF_MIN_MS } from './upload.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const enrolment: Enrolment = {
  backendUrl: 'https://hush.example.test',
  tenantId: 't1',
  deviceId: 'd1',
  credential: 'd1.abcdefghijklmnopqrstuvwx',
  userPseudonym: 'p'.repeat(43),
  team: null,
};
let n = 0;
const stores: FalseAlarmStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

async function setup(answers: (() => Response | Promise<Response>)[]) {
  const store = await openFalseAlarmStore({ name: `fa-upload-${++n}` });
  stores.push(store);
  await store.add({ id: crypto.randomUUID(), time: NOW, detector: 'email', host: 'chatgpt.com' });
  const bodies: unknown[] = [];
  let unauthorized = 0;
  let now = NOW;
  const deps: FalseAlarmUploaderDeps = {
    store: async () => store,
    getEnrolment: async () => enrolment,
    onUnauthorized: () => {
      unauthorized++;
    },
    fetch: async (url, init) => {
      expect(url).toBe('https://hush.example.test/api/v1/false-alarms');
      expect((init.headers as Record<string, string>).authorization).toBe(
        `Bearer ${enrolment.credential}`,
      );
      bodies.push(JSON.parse(String(init.body)));
      const next = answers.shift();
      if (!next) throw new TypeError('network down');
      return next();
    },
    now: () => now,
    random: () => 0.5,
    warn: () => undefined,
  };
  return {
    store,
    answers,
    bodies,
    uploader: createFalseAlarmUploader(deps),
    deps,
    unauthorized: () => unauthorized,
    advance: (ms: number) => (now += ms),
  };
}

const ok = () => Response.json({ new: true });

describe('false-alarm uploader', () => {
  it('sends exactly id, time, detector and host, then marks the report sent', async () => {
    const t = await setup([ok]);
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 1, rejected: 0 });
    expect(Object.keys(t.bodies[0] as object).sort()).toEqual(['detector', 'host', 'id', 'time']);
    expect(t.bodies[0]).toMatchObject({ detector: 'email', host: 'chatgpt.com', time: NOW });
    expect(await t.store.counts()).toEqual({ pending: 0, sent: 1 });
  });

  it('sends nothing without an enrollment; the report waits', async () => {
    const t = await setup([ok]);
    const uploader = createFalseAlarmUploader({ ...t.deps, getEnrolment: async () => null });
    expect((await uploader.run()).status).toBe('not-enrolled');
    expect(t.bodies).toEqual([]);
    expect(await t.store.counts()).toEqual({ pending: 1, sent: 0 });
  });

  it('backs off when offline, waits, then sends once the wait is over', async () => {
    const t = await setup([]);
    const failed = await t.uploader.run();
    expect(failed.status).toBe('failed');
    expect(failed.nextAttemptAt! - NOW).toBeGreaterThanOrEqual(BACKOFF_MIN_MS);
    expect((await t.store.readState()).lastError).toBe('offline');
    expect((await t.uploader.run()).status).toBe('waiting');
    t.advance(failed.nextAttemptAt! - NOW);
    t.answers.push(ok);
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 1, rejected: 0 });
    expect(await t.store.counts()).toEqual({ pending: 0, sent: 1 });
  });

  it('honours Retry-After on 429', async () => {
    const t = await setup([
      () => new Response(null, { status: 429, headers: { 'retry-after': '120' } }),
    ]);
    const r = await t.uploader.run();
    expect(r.nextAttemptAt).toBe(NOW + 120_000);
    expect((await t.store.readState()).lastError).toBe('rate-limited');
  });

  it('deletes a report the backend refuses for good (400) and asks to enroll again on 401', async () => {
    const bad = await setup([() => Response.json({ error: 'invalid' }, { status: 400 })]);
    expect(await bad.uploader.run()).toEqual({ status: 'done', sent: 0, rejected: 1 });
    expect(await bad.store.counts()).toEqual({ pending: 0, sent: 0 });
    const denied = await setup([() => new Response(null, { status: 401 })]);
    expect((await denied.uploader.run()).status).toBe('failed');
    expect(denied.unauthorized()).toBe(1);
    expect(await denied.store.counts()).toEqual({ pending: 1, sent: 0 });
  });
});
