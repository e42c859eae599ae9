/**
 * The dashboard (issue 6) in Debian's Chromium against the REAL backend (dashboard-harness.ts):
 * the shell, sign-in, Overview, Devices, Users, Audit, keyboard use and role limits. Every figure a
 * page shows is checked against the SQLite file itself. Role limits are checked in the UI and
 * through the API from the same signed-in page. Screenshots of each page go to
 * docs/dashboard/*.png.
 *
 * Needs the built dashboard (`npm run build:dashboard`; `npm test` builds it first).
 */
import { expect, test, type Page } from '@playwright/test';
import {
  DashboardHarness,
  FORMULA_TEAM,
  MANAGER_TEAM,
  PERIOD,
  PREVIOUS,
  shot,
  fmt,
  inPeriod,
  pct,
} from './dashboard-harness.ts';

test.describe.configure({ mode: 'serial' });

const h = new DashboardHarness();
let adminPage: Page;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await h.start();
});

test.afterAll(async () => {
  await h.stop();
});

test('serves the app with a strict CSP, client routes and no inline script', async () => {
  const res = await fetch(`${h.base}/dashboard/devices`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  const html = await res.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  const js = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  const asset = await fetch(h.base + js);
  expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(asset.headers.get('cache-control')).toContain('immutable');
  expect((await fetch(`${h.base}/dashboard/assets/missing.js`)).status).toBe(404);
  expect((await fetch(`${h.base}/dashboard/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
});

test('sign-in page: a wrong password is refused with the server message; TOTP signs in', async () => {
  adminPage = await h.newPage();
  const page = adminPage;
  await page.goto(`${h.base}/dashboard/`);
  await expect(page.getByRole('heading', { name: 'Sign in to Hush' })).toBeVisible();
  await page.getByLabel('Tenant id').fill(h.tenantId);
  await page.getByLabel('Email').fill(h.people.admin.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByLabel('Authenticator code').fill('000000');
  await shot(page, 'sign-in.png');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not right');
  await h.signIn(page, h.people.admin);
});

test('overview: figures, breakdowns and unapproved tools match the database', async () => {
  const page = adminPage;
  await page.goto(`${h.base}/dashboard/?from=${PERIOD.from}&to=${PERIOD.to}&bucket=day`);
  const total = h.count('');
  const previous = h.count('', [], PREVIOUS);
  expect(total).toBeGreaterThan(100);
  const figure = (k: string) => page.locator(`[data-figure="${k}"] .figure-value`);
  await expect(figure('incidents')).toHaveText(fmt.format(total));
  await expect(page.locator('[data-figure="incidents"] .figure-note')).toContainText(
    `previous period: ${fmt.format(previous)}`,
  );
  const quiet = h.count(`and outcome in ('allowed', 'monitored')`);
  await expect(figure('no-intervention')).toHaveText(pct.format(quiet / total));
  const items = (
    h.db
      .prepare(
        'select sum(total) as n from incidents where tenant_id = ? and time >= ? and time < ?',
      )
      .get(h.tenantId, ...inPeriod(PERIOD)) as { n: number }
  ).n;
  await expect(figure('items')).toHaveText(fmt.format(items));

  // The per-day table, row by row, against the database.
  const series = await h.csvOf(page, 'Incidents by day');
  expect(series[0]).toEqual(['Day', 'Incidents', 'Items found', 'Previous period']);
  expect(series).toHaveLength(29);
  for (const [d, n] of series.slice(1)) {
    expect(Number(n), d).toBe(h.count('', [], { from: d!, to: d! }));
  }

  // Top unapproved tools.
  const [a, b] = inPeriod(PERIOD);
  const tools = h.db
    .prepare(
      `select coalesce(site_id, host) as k, count(*) as n from incidents where tenant_id = ?
       and time >= ? and time < ? and page_class = 'unapproved-ai' group by k order by n desc, k`,
    )
    .all(h.tenantId, a, b) as { k: string; n: number }[];
  const shown = await h.csvOf(page, 'Unapproved AI tools by incidents');
  expect(shown.slice(1).map((r) => [r[0], Number(r[1])])).toEqual(tools.map((t) => [t.k, t.n]));
  await expect(figure('unapproved')).toHaveText(String(tools.length));

  // By action and by site, with the previous period.
  for (const [dim, column] of [
    ['action', 'action'],
    ['site', 'coalesce(site_id, host)'],
  ] as const) {
    const rows = await h.csvOf(page, `Incidents by ${dim === 'action' ? 'action' : 'site'}`);
    const want = h.db
      .prepare(
        `select ${column} as k, count(*) as n from incidents where tenant_id = ? and time >= ?
         and time < ? group by k`,
      )
      .all(h.tenantId, a, b) as { k: string; n: number }[];
    const got = new Map(rows.slice(1).map((r) => [r[0], Number(r[1])]));
    expect(got).toEqual(new Map(want.map((w) => [w.k, w.n])));
    for (const r of rows.slice(1)) {
      const where = dim === 'action' ? 'and action = ?' : 'and coalesce(site_id, host) = ?';
      expect(Number(r[3]), `${dim} ${r[0]} previous`).toBe(h.count(where, [r[0]], PREVIOUS));
    }
  }
  // By type: an incident counts once for each type it holds.
  const byType = new Map<string, number>();
  for (const r of h.db
    .prepare('select counts from incidents where tenant_id = ? and time >= ? and time < ?')
    .all(h.tenantId, a, b) as { counts: string }[]) {
    for (const t of Object.keys(JSON.parse(r.counts) as object))
      byType.set(t, (byType.get(t) ?? 0) + 1);
  }
  const types = await h.csvOf(page, 'Incidents by data type');
  expect(new Map(types.slice(1).map((r) => [r[0], Number(r[1])]))).toEqual(byType);

  // Usable at 1280x720: nothing wider than the window.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
  await shot(page, 'overview.png', { fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toBeHidden();
  await expect(page.getByRole('button', { name: /Download CSV/ }).first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('devices: versions, policy revisions and who is out of date match the database', async () => {
  const page = adminPage;
  await page.getByRole('link', { name: 'Devices' }).click();
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  const devices = h.db
    .prepare('select id, extension_version as v from devices where tenant_id = ?')
    .all(h.tenantId) as { id: string; v: string }[];
  const policy = new Map(
    (
      h.db
        .prepare(
          'select device_id as d, max(policy_version) as p from incidents where tenant_id = ? group by device_id',
        )
        .all(h.tenantId) as { d: string; p: number }[]
    ).map((r) => [r.d, r.p]),
  );
  const current = (
    h.db.prepare('select max(revision) as r from policies where tenant_id = ?').get(h.tenantId) as {
      r: number;
    }
  ).r;
  expect(current).toBe(2);
  const outdated = devices.filter((d) => d.v !== '0.2.0' || policy.get(d.id)! < current);
  expect(outdated.length).toBe(3);
  await expect(page.locator('[data-figure="active"] .figure-value')).toHaveText(
    String(devices.length),
  );
  await expect(page.locator('[data-figure="outdated"] .figure-value')).toHaveText(
    String(outdated.length),
  );
  const rows = await h.csvOf(page, 'Enrolled devices');
  expect(rows[0]).toEqual([
    'Device',
    'Browser',
    'Extension',
    'Policy revision',
    'Enrolled',
    'Last seen',
    'Status',
    'Incidents dropped',
  ]);
  expect(
    rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual(devices.map((d) => d.id).sort());
  for (const r of rows.slice(1)) {
    expect(Number(r[3]), `policy of ${r[0]}`).toBe(policy.get(r[0]!));
    const late = outdated.some((d) => d.id === r[0]);
    expect(r[6], `status of ${r[0]}`).toMatch(late ? /^out of date/ : /^current$/);
  }
  await shot(page, 'devices.png', { fullPage: true });
  await page.getByRole('link', { name: 'Show only devices that are out of date' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(outdated.length);
});

test('users and roles: the list matches the database; CSV neutralises formulas', async () => {
  const page = adminPage;
  await page.getByRole('link', { name: 'Users and roles' }).click();
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();
  const users = h.db
    .prepare('select email, role from users where tenant_id = ? order by email')
    .all(h.tenantId) as { email: string; role: string }[];
  expect(users).toHaveLength(4);
  await expect(page.locator('tbody tr')).toHaveCount(users.length);
  const rows = await h.csvOf(page, 'Users');
  expect(
    rows
      .slice(1)
      .map((r) => [r[0], r[1]])
      .sort(),
  ).toEqual(users.map((u) => [u.email, u.role]));
  const formula = rows.find((r) => r[0] === h.people.formula.email)!;
  expect(formula[2]).toBe(`'${FORMULA_TEAM}`);
  // An admin invites: a one-time link, shown once.
  await page.getByLabel('Role').selectOption('auditor');
  await page.getByRole('button', { name: 'Make a one-time link' }).click();
  await expect(page.getByRole('status')).toContainText(`${h.base}/setup?token=`);
  await shot(page, 'users.png', { fullPage: true });
});

test('audit log: the chain verifies and the entries match the database', async () => {
  const page = adminPage;
  await page.getByRole('link', { name: 'Audit log' }).click();
  const n = (
    h.db.prepare('select count(*) as n from audit_log where tenant_id = ?').get(h.tenantId) as {
      n: number;
    }
  ).n;
  expect(n).toBeGreaterThan(3);
  await expect(page.locator('[data-verify="ok"]')).toContainText(`Chain verified: ${n} entries`);
  const rows = await h.csvOf(page, 'Audit entries, newest first');
  const want = h.db
    .prepare('select seq, action from audit_log where tenant_id = ? order by seq desc')
    .all(h.tenantId) as { seq: number; action: string }[];
  expect(rows.slice(1).map((r) => [Number(r[0]), r[3]])).toEqual(
    want.slice(0, 100).map((w) => [w.seq, w.action]),
  );
  await shot(page, 'audit.png', { fullPage: true });
});

test('keyboard: the skip link comes first and moves focus to the content', async () => {
  const page = adminPage;
  await page.goto(`${h.base}/dashboard/devices`);
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  // The heading renders before the device list loads; Tab order is only defined once it has.
  const toggle = page.getByRole('link', { name: 'Show only devices that are out of date' });
  await expect(toggle).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
});

test('a manager sees only their teams, and not the admin pages', async () => {
  const page = await h.newPage();
  await h.signIn(page, h.people.manager);
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  // Other pages (Teams, Shadow AI, ...) have their own specs; the admin and auditor pages must
  // not be offered to a manager.
  await expect(nav.getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
  for (const name of ['Devices', 'Users and roles', 'Audit log', 'Settings', 'False alarms']) {
    await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
  }
  await page.goto(`${h.base}/dashboard/?from=${PERIOD.from}&to=${PERIOD.to}`);
  const own = h.count('and team = ?', [MANAGER_TEAM]);
  expect(own).toBeLessThan(h.count(''));
  await expect(page.locator('[data-figure="incidents"] .figure-value')).toHaveText(fmt.format(own));
  await expect(page.getByText(`Your teams: ${MANAGER_TEAM}.`)).toBeVisible();
  const sites = await h.csvOf(page, 'Incidents by site');
  const [a, b] = inPeriod(PERIOD);
  const want = h.db
    .prepare(
      `select coalesce(site_id, host) as k, count(*) as n from incidents where tenant_id = ?
       and time >= ? and time < ? and team = ? group by k`,
    )
    .all(h.tenantId, a, b, MANAGER_TEAM) as { k: string; n: number }[];
  expect(new Map(sites.slice(1).map((r) => [r[0], Number(r[1])]))).toEqual(
    new Map(want.map((w) => [w.k, w.n])),
  );
  await shot(page, 'overview-manager.png', { fullPage: true });
  for (const path of ['devices', 'users', 'audit']) {
    await page.goto(`${h.base}/dashboard/${path}`);
    await expect(page.getByRole('alert')).toContainText('not available to the manager role');
  }
  const api = await page.request.get(`${h.base}/api/v1/devices`);
  expect(api.status()).toBe(403);
  // A manager whose only team has fewer than k h.people sees nothing at all.
  const small = await h.newPage();
  await h.signIn(small, h.people.formula);
  await expect(small.getByRole('status')).toContainText('Figures withheld');
  await small.context().close();
  await page.context().close();
});

test('an auditor reads users, devices and the audit log but changes nothing', async () => {
  const page = await h.newPage();
  await h.signIn(page, h.people.auditor);
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  for (const name of ['Overview', 'Devices', 'Users and roles', 'Audit log']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Users and roles' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(4);
  await expect(page.getByRole('form', { name: 'Invite a user' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
  await expect(page.getByText('only an admin can change it')).toBeVisible();
  const session = (await (await page.request.get(`${h.base}/api/v1/auth/session`)).json()) as {
    csrfToken: string;
  };
  const invite = await page.request.post(`${h.base}/api/v1/users/invitations`, {
    headers: { 'x-csrf-token': session.csrfToken, origin: h.base },
    data: { role: 'admin' },
  });
  expect(invite.status()).toBe(403);
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.locator('[data-verify="ok"]')).toBeVisible();
  await page.context().close();
  expect(h.cspErrors).toEqual([]);
});
