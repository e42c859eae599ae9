/**
 * The false-alarm summary through `app.request()` on a real SQLite file and the real PostgreSQL:
 * reports sent through the device API, counted by detector (built-in, custom from the published
 * policy, unknown), by site and by day against the previous period, per entity type against the
 * incidents holding that type (daily rollups), other tenants' reports left out, roles, and bad
 * queries answered 400.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESCRIPTIONS } from '@/rules/descriptions.ts';
import { createTenant, publishPolicy, type CreatedTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { silentLogger } from '../log.ts';
import { refreshRollups } from '../summary.ts';
import { testSession } from '../test-data.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';
import { FALSE_ALARM_SUMMARY_ROUTES, type FalseAlarmSummary } from './false-alarm-summary.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
/** Seven days up to NOW's day; the previous period is the seven before. */
const PERIOD = { from: '2026-11-22', to: '2026-11-28' };
const at = (day: string, minute = 600) => Date.parse(`${day}T00:00:00Z`) + minute * 60_000;

describe.each(BACKENDS)('false-alarm summary on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let tenant: CreatedTenant;
  let other: CreatedTenant;
  const who: Record<'admin' | 'auditor' | 'manager', Record<string, string>> = {
    admin: {},
    auditor: {},
    manager: {},
  };
  const creds: string[] = [];

  async function enroll(c: CreatedTenant) {
    const res = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: c.tenantId,
        enrollmentToken: c.enrollmentToken,
        extensionVersion: '0.2.0',
        browser: 'chrome',
      }),
    });
    return ((await res.json()) as { credential: string }).credential;
  }

  async function report(credential: string, detector: string, host: string, time: number) {
    const res = await app.request('/api/v1/false-alarms', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ id: randomUUID(), time, detector, host }),
    });
    expect(res.status).toBe(200);
  }

  async function incidents(credential: string, counts: Record<string, number>[]) {
    const records = counts.map((c, i) => ({
      id: randomUUID(),
      time: at('2026-11-25', i),
      host: 'claude.ai',
      siteId: 'claude',
      pageClass: 'unapproved-ai',
      channel: 'paste',
      action: 'mask',
      outcome: 'masked',
      counts: c,
      policyVersion: 1,
      extensionVersion: '0.2.0',
      user: `u_test_false_alarm_${String(i).padStart(4, '0')}`,
      team: 'Support',
    }));
    const res = await app.request('/api/v1/incidents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ records }),
    });
    expect(res.status).toBe(200);
  }

  const summary = async (q = `from=${PERIOD.from}&to=${PERIOD.to}`, as = who.auditor) => {
    const res = await app.request(`/api/v1/false-alarm-summary?${q}`, { headers: as });
    return {
      status: res.status,
      body: (await res.json()) as FalseAlarmSummary & { message?: string },
    };
  };

  beforeAll(async () => {
    t = await backend.open();
    app = createApp({ db: t.db, log: silentLogger, now: () => NOW, rateLimitPerMinute: 100_000 });
    tenant = await createTenant(t.db, { name: 'False alarms', now: NOW });
    other = await createTenant(t.db, { name: 'Elsewhere', now: NOW });
    await publishPolicy(
      t.db,
      tenant.tenantId,
      {
        version: 1,
        engine: {
          disabledDetectors: ['ipv4'],
          customDetectors: [
            {
              id: 'project-code',
              kind: 'regex',
              pattern: 'PRJ-[0-9]{6}',
              description: 'Internal project codes',
            },
          ],
        },
      },
      NOW,
    );
    who.admin = (await testSession(t.db, tenant.tenantId, 'admin', [], NOW)).headers;
    who.auditor = (await testSession(t.db, tenant.tenantId, 'auditor', [], NOW)).headers;
    who.manager = (await testSession(t.db, tenant.tenantId, 'manager', ['Support'], NOW)).headers;
    for (let i = 0; i < 3; i++) creds.push(await enroll(tenant));
    const [a, b, c] = creds as [string, string, string];
    // This period: phone 4 (3 devices, 2 sites), bank-account 2, project-code 1, ipv4 1,
    // a detector the server does not know 1; the previous period: phone 1, email 2.
    await report(a, 'phone', 'claude.ai', at('2026-11-22'));
    await report(a, 'phone', 'claude.ai', at('2026-11-22', 601));
    await report(b, 'phone', 'claude.ai', at('2026-11-25'));
    await report(c, 'phone', 'chat.unknown-ai.example', at('2026-11-28'));
    await report(a, 'bank-account', 'claude.ai', at('2026-11-26'));
    await report(a, 'bank-account', 'chat.unknown-ai.example', at('2026-11-26', 5));
    await report(b, 'project-code', 'chatgpt.com', at('2026-11-27'));
    await report(b, 'ipv4', 'chatgpt.com', at('2026-11-27', 9));
    await report(c, 'gone-detector', 'chatgpt.com', at('2026-11-24'));
    await report(a, 'phone', 'claude.ai', at('2026-11-15'));
    await report(a, 'email', 'chatgpt.com', at('2026-11-21'));
    await report(b, 'email', 'chatgpt.com', at('2026-11-21', 700));
    // Outside both periods.
    await report(a, 'phone', 'claude.ai', at('2026-11-14'));
    // Another tenant's report on the same day is not counted.
    await report(await enroll(other), 'phone', 'claude.ai', at('2026-11-25'));
    // Incidents: 8 holding PHONE, 2 holding BANK_ACCOUNT, none holding ROUTING_NUMBER.
    await incidents(a, [
      ...Array.from({ length: 6 }, () => ({ PHONE: 1 })),
      { PHONE: 2, BANK_ACCOUNT: 1 },
      { PHONE: 1, EMAIL: 3 },
      { BANK_ACCOUNT: 1 },
    ]);
    await refreshRollups(t.db, NOW);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('counts by detector, with where each detector comes from and what it emits', async () => {
    const { status, body } = await summary();
    expect(status).toBe(200);
    expect(body.period).toEqual(PERIOD);
    expect(body.previousPeriod).toEqual({ from: '2026-11-15', to: '2026-11-21' });
    expect(body.total).toBe(9);
    expect(body.previousTotal).toBe(3);
    expect(body.devices).toBe(3);
    expect(body.policyRevision).toBe(1);
    const by = new Map(body.detectors.map((d) => [d.detector, d]));
    expect(body.detectors.map((d) => d.detector)).toEqual([
      'phone',
      'bank-account',
      'gone-detector',
      'ipv4',
      'project-code',
      'email',
    ]);
    expect(by.get('phone')).toEqual({
      detector: 'phone',
      source: 'built-in',
      description: DESCRIPTIONS.phone,
      types: ['PHONE'],
      disabled: false,
      reports: 4,
      previous: 1,
      devices: 3,
      sites: 2,
    });
    expect(by.get('bank-account')).toMatchObject({
      types: ['BANK_ACCOUNT', 'ROUTING_NUMBER'],
      reports: 2,
      devices: 1,
    });
    expect(by.get('ipv4')).toMatchObject({ source: 'built-in', disabled: true, reports: 1 });
    expect(by.get('project-code')).toMatchObject({
      source: 'custom',
      description: 'Internal project codes',
      types: ['CUSTOM'],
      reports: 1,
    });
    expect(by.get('gone-detector')).toMatchObject({
      source: 'unknown',
      description: null,
      types: [],
      reports: 1,
    });
    // Reported only in the previous period: still listed, so the drop shows.
    expect(by.get('email')).toMatchObject({ reports: 0, previous: 2, devices: 0, sites: 0 });
  });

  it('counts by site with its catalogue name and most reported detectors', async () => {
    const { body } = await summary();
    expect(body.sites).toEqual([
      {
        host: 'claude.ai',
        siteId: 'claude',
        siteName: 'Claude',
        reports: 4,
        previous: 1,
        devices: 2,
        topDetectors: [
          { detector: 'phone', reports: 3 },
          { detector: 'bank-account', reports: 1 },
        ],
      },
      {
        host: 'chatgpt.com',
        siteId: 'chatgpt',
        siteName: expect.any(String) as string,
        reports: 3,
        previous: 2,
        devices: 2,
        topDetectors: [
          { detector: 'gone-detector', reports: 1 },
          { detector: 'ipv4', reports: 1 },
          { detector: 'project-code', reports: 1 },
        ],
      },
      {
        host: 'chat.unknown-ai.example',
        siteId: null,
        siteName: null,
        reports: 2,
        previous: 0,
        devices: 2,
        topDetectors: [
          { detector: 'bank-account', reports: 1 },
          { detector: 'phone', reports: 1 },
        ],
      },
    ]);
  });

  it('gives every day of the period against the same day of the previous one', async () => {
    const { body } = await summary();
    expect(body.series).toEqual([
      { day: '2026-11-22', reports: 2, previous: 1 },
      { day: '2026-11-23', reports: 0, previous: 0 },
      { day: '2026-11-24', reports: 1, previous: 0 },
      { day: '2026-11-25', reports: 1, previous: 0 },
      { day: '2026-11-26', reports: 2, previous: 0 },
      { day: '2026-11-27', reports: 2, previous: 0 },
      { day: '2026-11-28', reports: 1, previous: 2 },
    ]);
  });

  it('sets reports per type against the incidents holding that type', async () => {
    const { body } = await summary();
    expect(body.types).toEqual([
      { type: 'PHONE', label: 'Phone number', reports: 4, incidents: 8, share: 0.5 },
      {
        type: 'BANK_ACCOUNT',
        label: expect.any(String) as string,
        reports: 2,
        incidents: 2,
        share: 1,
      },
      {
        type: 'ROUTING_NUMBER',
        label: expect.any(String) as string,
        reports: 2,
        incidents: 0,
        share: null,
      },
      {
        type: 'CUSTOM',
        label: expect.any(String) as string,
        reports: 1,
        incidents: 0,
        share: null,
      },
      {
        type: 'IP_ADDRESS',
        label: expect.any(String) as string,
        reports: 1,
        incidents: 0,
        share: null,
      },
    ]);
    expect(body.rolledUpThrough).toBe(new Date(NOW).toISOString());
  });

  it('admins and auditors only; a manager is refused (reports carry no team)', async () => {
    expect((await summary(undefined, who.admin)).status).toBe(200);
    expect((await summary(undefined, who.manager)).status).toBe(403);
    expect((await summary(undefined, {})).status).toBe(401);
    const device = await app.request(
      `/api/v1/false-alarm-summary?from=${PERIOD.from}&to=${PERIOD.to}`,
      { headers: { authorization: `Bearer ${creds[0]!}` } },
    );
    expect(device.status).toBe(401);
  });

  it('answers 400 naming the problem for bad queries', async () => {
    for (const [q, msg] of [
      ['from=2026-11-01', 'to'],
      [`from=${PERIOD.from}&to=${PERIOD.to}&detector=phone`, 'unknown query parameter'],
      ['from=2026-11-30&to=2026-11-01', 'from must not be after to'],
      ['from=2026-02-30&to=2026-03-01', 'not a day'],
      ['from=2024-01-01&to=2026-01-01', 'at most 366 days'],
      ['from=yesterday&to=today', 'must be a day like'],
    ] as const) {
      const r = await summary(q);
      expect(r.status, q).toBe(400);
      expect(r.body.message, q).toContain(msg);
    }
  });

  it('is described in the OpenAPI list', () => {
    expect(FALSE_ALARM_SUMMARY_ROUTES.map((r) => r.path)).toEqual(['/api/v1/false-alarm-summary']);
  });
});
