// The false-alarm uploader against the REAL backend (server/app.ts behind a real HTTP listener)
// on a real SQLite file and on the real PostgreSQL, each run in a database of its own, dropped
// afterwards. Proven: an enrolled device's report lands as one false_alarms row with the detector,
// host and minute (and no other content); a retry of the same report adds no row; a server that
// is down keeps the report queued until it is back.
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type CreatedTenant } from '@/server/admin.ts';
import { createApp } from '@/server/app.ts';
import { silentLogger } from '@/server/log.ts';
import { BACKENDS, ownDatabase, type Backend, type TestDb } from '@/server/test-util.ts';
import { openFalseAlarmStore, type FalseAlarmStore } from '@/lib/incidents/false-alarms.ts';
import type { Enrolment } from './enrollment.ts';
import { createFalseAlarmUploader } from './false-alarm-upload.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
let dbs = 0;

/** PostgreSQL in a database of its own (see ownDatabase in server/test-util.ts). */
const ownPostgres: Backend = ownDatabase('hush_h13_fa');
const BACKENDS_HERE: Backend[] = BACKENDS.map((b) => (b.name === 'postgres' ? ownPostgres : b));

describe.each(BACKENDS_HERE)(
  'false-alarm uploader against the real backend on $name',
  (backend) => {
    let t: TestDb;
    let tenant: CreatedTenant;
    let server: ServerType | null = null;
    let port = 0;
    const stores: FalseAlarmStore[] = [];

    async function start(): Promise<void> {
      const app = createApp({
        db: t.db,
        log: silentLogger,
        now: () => T0,
        rateLimitPerMinute: 1000,
      });
      await new Promise<void>((resolve) => {
        server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
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
      const { deviceId, credential } = (await res.json()) as {
        deviceId: string;
        credential: string;
      };
      return {
        backendUrl: `http://127.0.0.1:${port}`,
        tenantId: tenant.tenantId,
        deviceId,
        credential,
        userPseudonym: 'p'.repeat(43),
        team: null,
      };
    }
    const rows = (deviceId: string) =>
      t.db.selectFrom('false_alarms').selectAll().where('device_id', '=', deviceId).execute();

    beforeAll(async () => {
      t = await backend.open();
      tenant = await createTenant(t.db, { name: 'False Alarm Test', now: T0 });
    });
    afterEach(async () => {
      for (const s of stores.splice(0)) s.close();
      await stop();
      port = 0;
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('a report lands once, with detector, host and minute; down then up loses nothing', async () => {
      await start();
      const enrolment = await enroll();
      const store = await openFalseAlarmStore({ name: `fa-backend-${backend.name}-${++dbs}` });
      stores.push(store);
      const id = crypto.randomUUID();
      await store.add({ id, time: T0 + 42_123, detector: 'email', host: 'chatgpt.com' });
      await stop();

      let now = T0;
      const uploader = createFalseAlarmUploader({
        store: async () => store,
        getEnrolment: async () => enrolment,
        onUnauthorized: () => undefined,
        fetch: (url, init) => fetch(url, init),
        now: () => now,
        random: () => 0.5,
        warn: () => undefined,
      });
      const down = await uploader.run();
      expect(down.status).toBe('failed');
      expect(await store.counts()).toEqual({ pending: 1, sent: 0 });

      await start();
      now = down.nextAttemptAt!;
      expect(await uploader.run()).toEqual({ status: 'done', sent: 1, rejected: 0 });
      const stored = await rows(enrolment.deviceId);
      expect(stored).toHaveLength(1);
      const row = stored[0]!;
      expect(row.id).toBe(id);
      expect(row.detector).toBe('email');
      expect(row.host).toBe('chatgpt.com');
      expect(new Date(row.time as string | Date).getTime()).toBe(T0);
      // No column of the row holds anything but ids, the host, times and the detector.
      expect(Object.keys(row).sort()).toEqual(
        ['detector', 'device_id', 'host', 'id', 'received_at', 'tenant_id', 'time'].sort(),
      );

      // The same report again (its answer lost, say): the backend adds nothing.
      const again = await fetch(`${enrolment.backendUrl}/api/v1/false-alarms`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${enrolment.credential}`,
        },
        body: JSON.stringify({ id, time: T0, detector: 'email', host: 'chatgpt.com' }),
      });
      expect(await again.json()).toEqual({ new: false });
      expect(await rows(enrolment.deviceId)).toHaveLength(1);
    });
  },
);
