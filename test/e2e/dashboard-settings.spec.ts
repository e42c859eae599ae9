/**
 * The Settings and False alarms pages (issue 6) and the devices' policy revision, in Debian's
 * Chromium against the REAL backend (dashboard-harness.ts): false-alarm reports sent through the
 * device API and every figure of the page checked against the SQLite file; a device fetching the
 * policy and the devices page showing the revision it fetched; an admin changing retention, k and
 * telemetry (the rows and the audit log checked), adding a webhook (the secret shown once, a test
 * event delivered to a real local receiver that checks the signature, then deleted) and rotating
 * the signing key (two keys, both signing); an auditor reading without any control, and a manager
 * seeing neither page, in the UI and through the API. Screenshots: docs/dashboard/settings.png,
 * docs/dashboard/false-alarms.png.
 *
 * Needs the built dashboard (`npm run build:dashboard`; `npm test` builds it first).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { faker } from '@faker-js/faker';
import { expect, test, type Page } from '@playwright/test';
import { DETECTORS } from '../../rules/index.ts';
import {
  DAY_MS,
  DashboardHarness,
  MIDNIGHT,
  PERIOD,
  PREVIOUS,
  shot,
  SITES,
  day,
  fmt,
  inPeriod,
} from './dashboard-harness.ts';

test.describe.configure({ mode: 'serial' });

const h = new DashboardHarness();
let page: Page;

/** Detectors the seeded reports name: built-in ones and one the server cannot know. */
const REPORTED = ['phone', 'email', 'credit-card', 'bank-account', 'ipv4', 'ticket-ref'];
const TYPES_OF = new Map(DETECTORS.map((d) => [d.id, [...d.types] as string[]]));

/** What the local webhook receiver got. */
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
});

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await h.start({ seed: 2046 });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  // False alarms from every seeded device over both periods, through the device API.
  for (const d of h.devices) {
    for (let i = 0; i < 14; i++) {
      const minutes = faker.number.int({ min: 1, max: 55 * 24 * 60 });
      await h.post(
        '/api/v1/false-alarms',
        {
          id: randomUUID(),
          time: MIDNIGHT + DAY_MS - minutes * 60_000,
          detector: faker.helpers.weightedArrayElement(
            REPORTED.map((value, i) => ({ value, weight: REPORTED.length - i })),
          ),
          host: faker.helpers.arrayElement(SITES).host,
        },
        { authorization: `Bearer ${d.credential}` },
      );
    }
  }
  page = await h.newPage();
  await h.signIn(page, h.people.admin);
});

test.afterAll(async () => {
  await new Promise<void>((r) => receiver.close(() => r()));
  await h.stop();
});

/** The tenant's false alarms in period `p`, grouped by `column`. */
function grouped(column: 'detector' | 'host', p = PERIOD): Map<string, number> {
  const [a, b] = inPeriod(p);
  const rows = h.db
    .prepare(
      `select ${column} as k, count(*) as n from false_alarms where tenant_id = ? and time >= ?
       and time < ? group by k`,
    )
    .all(h.tenantId, a, b) as { k: string; n: number }[];
  return new Map(rows.map((r) => [r.k, r.n]));
}

function adminId(): string {
  return (
    h.db.prepare('select id from users where email = ?').get(h.people.admin.email) as { id: string }
  ).id;
}

function audits(action: string): { actor: string; details: string }[] {
  return h.db
    .prepare('select actor, details from audit_log where tenant_id = ? and action = ? order by seq')
    .all(h.tenantId, action) as { actor: string; details: string }[];
}

test('false alarms: by detector, site, day and type, as in the database', async () => {
  await page.goto(`${h.base}/dashboard/false-alarms?from=${PERIOD.from}&to=${PERIOD.to}`);
  await expect(page.getByRole('heading', { name: 'False alarms', level: 1 })).toBeVisible();
  const [a, b] = inPeriod(PERIOD);
  const total = h.db
    .prepare(
      'select count(*) as n, count(distinct device_id) as d from false_alarms where tenant_id = ? and time >= ? and time < ?',
    )
    .get(h.tenantId, a, b) as { n: number; d: number };
  expect(total.n).toBeGreaterThan(20);
  const figure = (k: string) => page.locator(`[data-figure="${k}"] .figure-value`);
  await expect(figure('reports')).toHaveText(fmt.format(total.n));
  await expect(figure('devices')).toHaveText(fmt.format(total.d));
  const previousTotal = [...grouped('detector', PREVIOUS).values()].reduce((s, n) => s + n, 0);
  await expect(page.locator('[data-figure="reports"] .figure-note')).toContainText(
    `previous period: ${fmt.format(previousTotal)}`,
  );

  // By detector: reports, the previous period and distinct devices, row by row.
  const byDetector = grouped('detector');
  const before = grouped('detector', PREVIOUS);
  const rows = await h.csvOf(page, 'False alarms by detector');
  expect(rows[0]).toEqual([
    'Detector',
    'Source',
    'Data types',
    'Reports',
    'Previous period',
    'Change',
    'Devices',
    'Sites',
    'What it finds',
  ]);
  expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(
    new Set([...byDetector.keys(), ...before.keys()]),
  );
  for (const r of rows.slice(1)) {
    const id = r[0]!;
    expect(Number(r[3]), `${id} reports`).toBe(byDetector.get(id) ?? 0);
    expect(Number(r[4]), `${id} previous`).toBe(before.get(id) ?? 0);
    const devices = (
      h.db
        .prepare(
          'select count(distinct device_id) as n from false_alarms where tenant_id = ? and time >= ? and time < ? and detector = ?',
        )
        .get(h.tenantId, a, b, id) as { n: number }
    ).n;
    expect(Number(r[6]), `${id} devices`).toBe(devices);
    expect(r[1], `${id} source`).toBe(TYPES_OF.has(id) ? 'built-in' : 'unknown to the server');
    expect(r[2], `${id} types`).toBe((TYPES_OF.get(id) ?? []).join('; '));
  }

  // By site.
  const bySite = grouped('host');
  const sitesBefore = grouped('host', PREVIOUS);
  const sites = await h.csvOf(page, 'False alarms by site');
  expect(new Map(sites.slice(1).map((r) => [r[0], [Number(r[2]), Number(r[3])]]))).toEqual(
    new Map(
      [...new Set([...bySite.keys(), ...sitesBefore.keys()])].map((k) => [
        k,
        [bySite.get(k) ?? 0, sitesBefore.get(k) ?? 0],
      ]),
    ),
  );
  expect(sites.find((r) => r[0] === 'claude.ai')?.[1]).toBe('Claude');

  // Every day of the period.
  const days = await h.csvOf(page, 'False alarms by day');
  expect(days).toHaveLength(29);
  for (const [d, n] of days.slice(1)) {
    const [x, y] = inPeriod({ from: d!, to: d! });
    const want = (
      h.db
        .prepare(
          'select count(*) as n from false_alarms where tenant_id = ? and time >= ? and time < ?',
        )
        .get(h.tenantId, x, y) as { n: number }
    ).n;
    expect(Number(n), d).toBe(want);
  }

  // By type: the reports of every detector that can emit it, against incidents holding it.
  const types = await h.csvOf(page, 'False alarms by data type');
  const want = new Map<string, number>();
  for (const [id, n] of byDetector)
    for (const t of TYPES_OF.get(id) ?? []) want.set(t, (want.get(t) ?? 0) + n);
  expect(new Map(types.slice(1).map((r) => [r[0], Number(r[2])]))).toEqual(want);
  for (const r of types.slice(1)) {
    const incidents = (
      h.db
        .prepare(
          `select count(*) as n from incidents, json_each(incidents.counts) j where tenant_id = ?
           and time >= ? and time < ? and j.key = ?`,
        )
        .get(h.tenantId, a, b, r[0]) as { n: number }
    ).n;
    expect(Number(r[3]), `${r[0]} incidents`).toBe(incidents);
    expect(r[4], `${r[0]} share`).toBe(incidents ? String(Number(r[2]) / incidents) : '');
  }
  expect(types.find((r) => r[0] === 'PHONE')).toBeTruthy();

  // The way to tune: a link to the Policy page.
  const hint = page.locator('[data-hint="policy"]');
  await expect(hint.getByRole('link', { name: 'Policy page' })).toHaveAttribute(
    'href',
    '/dashboard/policy',
  );
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
  await shot(page, 'false-alarms.png', { fullPage: true });
});

test('devices: the policy revision a device fetched is on its row and on the page', async () => {
  // The third seeded device reported revision 1 with its incidents; it now fetches revision 2.
  const d = h.devices[2]!;
  expect(d.policy).toBe(1);
  const row = () =>
    h.db
      .prepare('select policy_revision as r, policy_fetched_at as at from devices where id = ?')
      .get(d.deviceId) as { r: number | null; at: string | null };
  expect(row()).toEqual({ r: null, at: null });
  await page.goto(`${h.base}/dashboard/devices`);
  let devices = await h.csvOf(page, 'Enrolled devices');
  let mine = devices.find((r) => r[0] === d.deviceId)!;
  expect(mine[3]).toBe('1');
  expect(mine[6]).toMatch(/^out of date: .*old policy/);

  const res = await fetch(`${h.base}/api/v1/policy`, {
    headers: { authorization: `Bearer ${d.credential}` },
  });
  expect(res.status).toBe(200);
  const served = JSON.parse(((await res.json()) as { payload: string }).payload) as {
    revision: number;
  };
  expect(served.revision).toBe(2);
  const fetched = row();
  expect(fetched.r).toBe(2);
  expect(Date.now() - Date.parse(fetched.at!)).toBeLessThan(60_000);
  // Polling again with the ETag: 304, and the row is not rewritten within ten minutes.
  const again = await fetch(`${h.base}/api/v1/policy`, {
    headers: {
      authorization: `Bearer ${d.credential}`,
      'if-none-match': res.headers.get('etag')!,
    },
  });
  expect(again.status).toBe(304);
  expect(row()).toEqual(fetched);

  await page.reload();
  devices = await h.csvOf(page, 'Enrolled devices');
  mine = devices.find((r) => r[0] === d.deviceId)!;
  expect(mine[3]).toBe('2');
  expect(mine[6]).toBe('current');
  const tr = page.locator('tbody tr', { hasText: d.deviceId.slice(0, 8) });
  await expect(tr).toContainText('2 (fetched');
});

test('settings: an admin changes retention, k and telemetry; the rows and audit log agree', async () => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Data and privacy settings' });
  await expect(form.getByLabel('Retention (days)')).toHaveValue('180');
  await expect(form.getByLabel(/^k:/)).toHaveValue('5');
  await expect(form.getByLabel('Telemetry level')).toHaveValue('counts');
  await form.getByLabel('Retention (days)').fill('90');
  await form.getByLabel(/^k:/).fill('6');
  await form.getByLabel('Telemetry level').selectOption('counts-and-reasons');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
    'Saved: retention, k, telemetry level.',
  );
  expect(
    h.db
      .prepare('select retention_days, min_group_size, telemetry from tenants where id = ?')
      .get(h.tenantId),
  ).toEqual({ retention_days: 90, min_group_size: 6, telemetry: 'counts-and-reasons' });
  const actor = `user:${adminId()}`;
  expect(audits('tenant.retention')).toEqual([
    { actor, details: JSON.stringify({ from: 180, to: 90 }) },
  ]);
  expect(audits('summary.k.set')).toEqual([
    { actor, details: JSON.stringify({ minGroupSize: 6 }) },
  ]);
  expect(audits('tenant.telemetry').at(-1)).toEqual({
    actor,
    details: JSON.stringify({ telemetry: 'counts-and-reasons' }),
  });
  // A value out of range: the browser's own check stops it; through the API the server says why.
  const session = (await (await page.request.get(`${h.base}/api/v1/auth/session`)).json()) as {
    csrfToken: string;
  };
  const bad = await page.request.post(`${h.base}/api/v1/settings`, {
    headers: { 'x-csrf-token': session.csrfToken, origin: h.base },
    data: { retentionDays: 0 },
  });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { message: string }).message).toContain('at least 1');
  await page.reload();
  await expect(form.getByLabel('Retention (days)')).toHaveValue('90');
  await expect(form.getByLabel(/^k:/)).toHaveValue('6');
});

test('signing keys: a rotation with a grace period shows two keys, both signing', async () => {
  const keys = () =>
    h.db
      .prepare(
        'select id, retired_at, expires_at from signing_keys where tenant_id = ? order by created_at desc, id',
      )
      .all(h.tenantId) as { id: string; retired_at: string | null; expires_at: string | null }[];
  const before = keys();
  expect(before).toHaveLength(1);
  let rows = await h.csvOf(page, 'Signing keys');
  expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([[before[0]!.id, 'current']]);
  const form = page.getByRole('form', { name: 'Rotate the signing key' });
  await form.getByLabel(/Grace period/).fill('10');
  page.once('dialog', (d) => void d.accept());
  await form.getByRole('button', { name: 'Rotate key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'New key' })).toBeVisible();
  const after = keys();
  expect(after).toHaveLength(2);
  expect(after[1]!.id).toBe(before[0]!.id);
  expect(Date.parse(after[1]!.expires_at!) - Date.parse(after[1]!.retired_at!)).toBe(10 * DAY_MS);
  await expect(page.getByRole('status').filter({ hasText: 'New key' })).toContainText(after[0]!.id);
  await expect(
    page
      .locator('.table-block', { has: page.locator('caption', { hasText: 'Signing keys' }) })
      .locator('tbody tr'),
  ).toHaveCount(2);
  rows = await h.csvOf(page, 'Signing keys');
  expect(rows.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
    [after[0]!.id, 'current', ''],
    [after[1]!.id, 'previous', after[1]!.expires_at],
  ]);
  expect(audits('key.rotate')).toEqual([
    { actor: `user:${adminId()}`, details: JSON.stringify({ graceDays: 10 }) },
  ]);
  // Browsers pinning either key accept the policy: it carries both signatures.
  const res = await fetch(`${h.base}/api/v1/policy`, {
    headers: { authorization: `Bearer ${h.devices[0]!.credential}` },
  });
  const signed = (await res.json()) as { signatures: { keyId: string }[] };
  expect(signed.signatures.map((s) => s.keyId)).toEqual([after[0]!.id, after[1]!.id]);
});

test('webhooks: the secret is shown once, a test event reaches a real receiver, delete', async () => {
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hush-hook`;
  const form = page.getByRole('form', { name: 'Add a webhook' });
  await form.getByLabel('Webhook URL').fill(url);
  await form.getByLabel('anomalies').check();
  await form.getByRole('button', { name: 'Add webhook' }).click();
  const once = page.locator('[data-secret-once]');
  await expect(once).toContainText('shown only now');
  const secret = (await once.locator('code').textContent())!;
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  const hook = h.db
    .prepare('select id, url, format, events, secret from webhooks where tenant_id = ?')
    .get(h.tenantId) as { id: string; url: string; format: string; events: string; secret: string };
  expect(hook).toMatchObject({ url, format: 'json', events: 'anomalies,incidents' });
  // Stored encrypted, never as shown.
  expect(hook.secret).not.toContain(secret);
  const listed = await h.csvOf(page, 'Webhooks');
  expect(listed.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
    [url, 'json', 'anomalies; incidents'],
  ]);

  // A test event, signed with the secret shown.
  received.length = 0;
  await page.getByRole('button', { name: `Send a test event to ${url}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Test event' })).toContainText(
    'Test event delivered',
  );
  expect(received).toHaveLength(1);
  const got = received[0]!;
  const ts = String(got.headers['x-hush-timestamp']);
  const mac = createHmac('sha256', secret).update(`${ts}.${got.body}`).digest('hex');
  expect(got.headers['x-hush-signature']).toBe(`v1=${mac}`);
  expect((JSON.parse(got.body) as { type: string }).type).toBe('test');

  // Shown once: after a reload the secret is nowhere on the page.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
  await expect(page.locator('tbody code', { hasText: url })).toBeVisible();
  await expect(page.locator('[data-secret-once]')).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await shot(page, 'settings.png', { fullPage: true });

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: `Delete the webhook to ${url}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is deleted' })).toBeVisible();
  await expect(page.getByText('No webhook yet.')).toBeVisible();
  expect(
    (
      h.db.prepare('select count(*) as n from webhooks where tenant_id = ?').get(h.tenantId) as {
        n: number;
      }
    ).n,
  ).toBe(0);
  for (const action of ['webhook.create', 'webhook.test', 'webhook.delete']) {
    expect(
      audits(action).map((e) => e.actor),
      action,
    ).toEqual([`user:${adminId()}`]);
  }
});

test('an auditor reads settings, keys, webhooks and false alarms but changes nothing', async () => {
  const p = await h.newPage();
  await h.signIn(p, h.people.auditor);
  const nav = p.getByRole('navigation', { name: 'Dashboard' });
  await expect(nav.getByRole('link', { name: 'False alarms' })).toBeVisible();
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(p.getByText('only an admin can change them')).toBeVisible();
  const settings = await h.csvOf(p, 'Data and privacy settings');
  expect(settings.slice(1).map((r) => [r[0], r[1]])).toEqual([
    ['Retention (days)', '90'],
    ['k', '6'],
    ['Telemetry level', 'counts-and-reasons'],
  ]);
  await expect(p.locator('caption', { hasText: 'Signing keys' })).toBeVisible();
  await expect(p.locator('caption', { hasText: 'Webhooks' })).toBeVisible();
  await expect(p.getByRole('form')).toHaveCount(0);
  await expect(p.getByRole('button', { name: /Rotate|Add webhook|Save/ })).toHaveCount(0);
  const session = (await (await p.request.get(`${h.base}/api/v1/auth/session`)).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': session.csrfToken, origin: h.base };
  for (const [path, data] of [
    ['/api/v1/settings', { retentionDays: 30 }],
    ['/api/v1/settings/keys/rotate', { graceDays: 1 }],
    ['/api/v1/webhooks', { url: 'https://siem.example.com/x', events: ['incidents'] }],
  ] as const) {
    const r = await p.request.post(h.base + path, { headers, data });
    expect(r.status(), path).toBe(403);
  }
  expect(
    (
      h.db.prepare('select retention_days as d from tenants where id = ?').get(h.tenantId) as {
        d: number;
      }
    ).d,
  ).toBe(90);
  await nav.getByRole('link', { name: 'False alarms' }).click();
  await expect(p.locator('[data-figure="reports"] .figure-value')).not.toBeEmpty();
  await p.context().close();
});

test('a manager sees neither page, and the API refuses them', async () => {
  const p = await h.newPage();
  await h.signIn(p, h.people.manager);
  const nav = p.getByRole('navigation', { name: 'Dashboard' });
  await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'False alarms' })).toHaveCount(0);
  for (const path of ['settings', 'false-alarms']) {
    await p.goto(`${h.base}/dashboard/${path}`);
    await expect(p.getByRole('alert')).toContainText('not available to the manager role');
  }
  for (const path of [
    '/api/v1/settings',
    '/api/v1/settings/keys',
    `/api/v1/false-alarm-summary?from=${day(MIDNIGHT - 6 * DAY_MS)}&to=${day(MIDNIGHT)}`,
  ]) {
    expect((await p.request.get(h.base + path)).status(), path).toBe(403);
  }
  await p.context().close();
  expect(h.cspErrors).toEqual([]);
});
