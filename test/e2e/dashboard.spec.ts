/**
 * The dashboard (issue 6) in Debian's Chromium against the REAL backend: `hush-server start` on a
 * fresh SQLite file and a free port, a tenant and its people made through the CLI and the one-time
 * setup links, devices enrolled and incidents sent through the real API, rollups brought up to
 * date by the server's own function. Generated data (faker, seeded; dated back from today's UTC
 * midnight, so the pictures change only with the date).
 *
 * Every figure a page shows is checked against the SQLite file itself. Role limits are checked in
 * the UI and through the API from the same signed-in page. Screenshots of each page go to
 * docs/dashboard/*.png.
 *
 * Needs the built dashboard (`npm run build:dashboard`; `npm test` builds it first).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { faker } from '@faker-js/faker';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { Secret, TOTP } from 'otpauth';
import Papa from 'papaparse';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.ts';

test.describe.configure({ mode: 'serial' });

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'docs/dashboard');
const DAY_MS = 86_400_000;
const MIDNIGHT = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The period the pages show: the 28 days ending today (the dashboard's default). */
const PERIOD = { from: day(MIDNIGHT - 27 * DAY_MS), to: day(MIDNIGHT) };
const PREVIOUS = { from: day(MIDNIGHT - 55 * DAY_MS), to: day(MIDNIGHT - 28 * DAY_MS) };
const MANAGER_TEAM = 'Support EMEA';
/** A team name a spreadsheet would run as a formula: the CSV export must neutralise it. */
const FORMULA_TEAM = '=HYPERLINK("http://attacker.example")';

interface Person {
  email: string;
  password: string;
  secret: string | null;
}

let dir = '';
let dbFile = '';
let server: ChildProcess | null = null;
let base = '';
let tenantId = '';
let enrollmentToken = '';
let browser: Browser;
let adminPage: Page;
let db: Database.Database;
const people: Record<'admin' | 'manager' | 'auditor' | 'formula', Person> = {} as never;
let lastStep = 0;

function cli(...args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HUSH_DB_FILE: dbFile, HUSH_LOG_LEVEL: 'warn' },
  });
  if (r.status !== 0) throw new Error(`hush-server ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** A fresh TOTP code: each accepted step is used once, so wait for the next when needed. */
async function code(secret: string): Promise<string> {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(lastStep + 1, now);
    if (step <= now + 1) {
      lastStep = step;
      return totp.generate({ timestamp: step * 30_000 });
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Accepts a one-time link as the person would, through the setup API. */
async function accept(link: string, role: string, withTotp: boolean): Promise<Person> {
  const token = new URL(link).searchParams.get('token')!;
  const p: Person = {
    email: `${role}.${faker.string.alphanumeric(6).toLowerCase()}@example.com`,
    password: faker.internet.password({ length: 18 }),
    secret: withTotp ? new Secret({ size: 20 }).base32 : null,
  };
  await post('/api/v1/auth/setup', {
    token,
    email: p.email,
    password: p.password,
    ...(p.secret ? { totpSecret: p.secret, totpCode: await code(p.secret) } : {}),
  });
  return p;
}

const SITES = [
  { siteId: 'chatgpt', host: 'chatgpt.com', pageClass: 'approved-ai' },
  { siteId: 'claude', host: 'claude.ai', pageClass: 'unapproved-ai' },
  { siteId: 'gemini', host: 'gemini.google.com', pageClass: 'unapproved-ai' },
  { siteId: null, host: 'chat.unknown-ai.example', pageClass: 'unapproved-ai' },
  { siteId: 'zendesk', host: 'acme.zendesk.com', pageClass: 'support-tool' },
] as const;
const DECISIONS = [
  ['mask', 'masked', 6],
  ['block', 'blocked', 2],
  ['warn', 'warned', 2],
  ['warn', 'overridden', 1],
  ['monitor', 'monitored', 2],
  ['allow', 'allowed', 1],
] as const;
const TYPES = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'PERSON', 'IBAN', 'US_SSN'];
const TEAMS: [string, number][] = [
  [MANAGER_TEAM, 7],
  ['Support Americas', 6],
  ['Billing', 5],
  ['Onboarding', 2],
];

/** Enrolls devices and sends seeded incidents through the real API. */
async function seed() {
  const users = TEAMS.flatMap(([team, n]) =>
    Array.from({ length: n }, () => ({ team, user: faker.string.alphanumeric(43) })),
  );
  const devices = [];
  for (const [version, policy] of [
    ['0.2.0', 2],
    ['0.2.0', 2],
    ['0.2.0', 1],
    ['0.1.0', 2],
    ['0.1.0', 1],
  ] as const) {
    const d = await post('/api/v1/enroll', {
      tenantId,
      enrollmentToken,
      extensionVersion: version,
      browser: faker.helpers.arrayElement(['chrome', 'edge', 'firefox']),
    });
    devices.push({ ...(d as { deviceId: string; credential: string }), version, policy });
  }
  const weighted = DECISIONS.flatMap(([a, o, w]) => Array.from({ length: w }, () => [a, o]));
  for (const [i, d] of devices.entries()) {
    const records = Array.from({ length: 90 }, () => {
      const who = faker.helpers.arrayElement(users);
      const site = faker.helpers.arrayElement(SITES);
      const [action, outcome] = faker.helpers.arrayElement(weighted);
      const types = faker.helpers.arrayElements(TYPES, { min: 1, max: 3 });
      const minutes = faker.number.int({ min: 1, max: 55 * 24 * 60 });
      return {
        id: randomUUID(),
        time: MIDNIGHT + DAY_MS - minutes * 60_000,
        ...(site.siteId ? { siteId: site.siteId } : {}),
        host: site.host,
        pageClass: site.pageClass,
        channel: faker.helpers.arrayElement(['paste', 'send', 'typing', 'upload']),
        action,
        outcome,
        counts: Object.fromEntries(types.map((t) => [t, faker.number.int({ min: 1, max: 4 })])),
        policyVersion: i === 0 ? 1 : d.policy,
        extensionVersion: d.version,
        user: who.user,
        team: who.team,
      };
    });
    // The first device's early records carry revision 1 and its later ones revision 2: the
    // devices page must take the newest revision a device reported.
    if (i === 0) records[89]!.policyVersion = 2;
    await post('/api/v1/incidents', { records }, { authorization: `Bearer ${d.credential}` });
  }
}
/** Signs in through the dashboard's own sign-in page. */
async function signIn(page: Page, p: Person) {
  await page.goto(`${base}/dashboard/`);
  await page.getByLabel('Tenant id').fill(tenantId);
  await page.getByLabel('Email').fill(p.email);
  await page.getByLabel('Password').fill(p.password);
  if (p.secret) await page.getByLabel('Authenticator code').fill(await code(p.secret));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  return page;
}
const cspErrors: string[] = [];

const inPeriod = (p: { from: string; to: string }) =>
  [
    `${p.from}T00:00:00.000Z`,
    new Date(Date.parse(`${p.to}T00:00:00Z`) + DAY_MS).toISOString(),
  ] as const;

function count(where: string, params: unknown[] = [], p = PERIOD): number {
  const [a, b] = inPeriod(p);
  const row = db
    .prepare(
      `select count(*) as n from incidents where tenant_id = ? and time >= ? and time < ? ${where}`,
    )
    .get(tenantId, a, b, ...params) as { n: number };
  return row.n;
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

async function csvOf(page: Page, caption: string): Promise<string[][]> {
  const block = page.locator('.table-block', {
    has: page.locator('caption', { hasText: caption }),
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    block.getByRole('button', { name: /Download CSV/ }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!existsSync(join(ROOT, 'dist/dashboard/index.html'))) {
    throw new Error('the dashboard is not built: run `npm run build:dashboard` first');
  }
  faker.seed(2026);
  dir = mkdtempSync(join(tmpdir(), 'hush-dashboard-e2e-'));
  dbFile = join(dir, 'hush.sqlite');
  const tenant = cli('tenant', 'create', 'Acme Support');
  tenantId = tenant.tenantId as string;
  enrollmentToken = tenant.enrollmentToken as string;
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ version: 1 }));
  cli('policy', 'publish', tenantId, policy);
  cli('policy', 'publish', tenantId, policy);
  server = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'start'], {
    cwd: ROOT,
    env: { ...process.env, HUSH_DB_FILE: dbFile, HUSH_PORT: '0', HUSH_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((ok, fail) => {
    let out = '';
    server!.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /"msg":"listening","url":"([^"]+)"/.exec(out);
      if (m) ok(m[1]!);
    });
    server!.on('exit', (c) => fail(new Error(`hush-server exited (${c}) before listening`)));
  });
  server.stdout!.resume();
  const adminLink = cli('tenant', 'admin-link', tenantId, '--base', base).link as string;
  people.admin = await accept(adminLink, 'admin', true);
  const add = (role: string, teams?: string) =>
    cli(
      'tenant',
      'user',
      'add',
      tenantId,
      '--role',
      role,
      ...(teams ? ['--teams', teams] : []),
      '--base',
      base,
    ).link as string;
  people.manager = await accept(add('manager', MANAGER_TEAM), 'manager', false);
  people.auditor = await accept(add('auditor'), 'auditor', false);
  people.formula = await accept(add('manager', FORMULA_TEAM), 'formula', false);
  await seed();
  // Summaries read daily rollups, which the server's job refreshes every minute; the same
  // function brings them up to date now, on the same file.
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { openDb } from './server/db/index.ts'; import { refreshRollups } from './server/summary.ts';
       const db = openDb({ file: process.env.F }); await refreshRollups(db, Date.now()); await db.destroy();`,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, F: dbFile } },
  );
  if (r.status !== 0) throw new Error(`rollup refresh failed: ${r.stderr}`);
  db = new Database(dbFile, { readonly: true, fileMustExist: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  await browser?.close();
  db?.close();
  server?.kill('SIGTERM');
  if (server && server.exitCode === null) await new Promise((r) => server!.once('exit', r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('serves the app with a strict CSP, client routes and no inline script', async () => {
  const res = await fetch(`${base}/dashboard/devices`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  const html = await res.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  const js = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  const asset = await fetch(base + js);
  expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(asset.headers.get('cache-control')).toContain('immutable');
  expect((await fetch(`${base}/dashboard/assets/missing.js`)).status).toBe(404);
  expect((await fetch(`${base}/dashboard/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
});

test('sign-in page: a wrong password is refused with the server message; TOTP signs in', async () => {
  adminPage = await newPage();
  const page = adminPage;
  await page.goto(`${base}/dashboard/`);
  await expect(page.getByRole('heading', { name: 'Sign in to Hush' })).toBeVisible();
  await page.getByLabel('Tenant id').fill(tenantId);
  await page.getByLabel('Email').fill(people.admin.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByLabel('Authenticator code').fill('000000');
  await page.screenshot({ path: join(SHOTS, 'sign-in.png') });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not right');
  await signIn(page, people.admin);
});

test('overview: figures, breakdowns and unapproved tools match the database', async () => {
  const page = adminPage;
  await page.goto(`${base}/dashboard/?from=${PERIOD.from}&to=${PERIOD.to}&bucket=day`);
  const total = count('');
  const previous = count('', [], PREVIOUS);
  expect(total).toBeGreaterThan(100);
  const figure = (k: string) => page.locator(`[data-figure="${k}"] .figure-value`);
  await expect(figure('incidents')).toHaveText(fmt.format(total));
  await expect(page.locator('[data-figure="incidents"] .figure-note')).toContainText(
    `previous period: ${fmt.format(previous)}`,
  );
  const quiet = count(`and outcome in ('allowed', 'monitored')`);
  await expect(figure('no-intervention')).toHaveText(pct.format(quiet / total));
  const items = (
    db
      .prepare(
        'select sum(total) as n from incidents where tenant_id = ? and time >= ? and time < ?',
      )
      .get(tenantId, ...inPeriod(PERIOD)) as { n: number }
  ).n;
  await expect(figure('items')).toHaveText(fmt.format(items));

  // The per-day table, row by row, against the database.
  const series = await csvOf(page, 'Incidents by day');
  expect(series[0]).toEqual(['Day', 'Incidents', 'Items found', 'Previous period']);
  expect(series).toHaveLength(29);
  for (const [d, n] of series.slice(1)) {
    expect(Number(n), d).toBe(count('', [], { from: d!, to: d! }));
  }

  // Top unapproved tools.
  const [a, b] = inPeriod(PERIOD);
  const tools = db
    .prepare(
      `select coalesce(site_id, host) as k, count(*) as n from incidents where tenant_id = ?
       and time >= ? and time < ? and page_class = 'unapproved-ai' group by k order by n desc, k`,
    )
    .all(tenantId, a, b) as { k: string; n: number }[];
  const shown = await csvOf(page, 'Unapproved AI tools by incidents');
  expect(shown.slice(1).map((r) => [r[0], Number(r[1])])).toEqual(tools.map((t) => [t.k, t.n]));
  await expect(figure('unapproved')).toHaveText(String(tools.length));

  // By action and by site, with the previous period.
  for (const [dim, column] of [
    ['action', 'action'],
    ['site', 'coalesce(site_id, host)'],
  ] as const) {
    const rows = await csvOf(page, `Incidents by ${dim === 'action' ? 'action' : 'site'}`);
    const want = db
      .prepare(
        `select ${column} as k, count(*) as n from incidents where tenant_id = ? and time >= ?
         and time < ? group by k`,
      )
      .all(tenantId, a, b) as { k: string; n: number }[];
    const got = new Map(rows.slice(1).map((r) => [r[0], Number(r[1])]));
    expect(got).toEqual(new Map(want.map((w) => [w.k, w.n])));
    for (const r of rows.slice(1)) {
      const where = dim === 'action' ? 'and action = ?' : 'and coalesce(site_id, host) = ?';
      expect(Number(r[3]), `${dim} ${r[0]} previous`).toBe(count(where, [r[0]], PREVIOUS));
    }
  }
  // By type: an incident counts once for each type it holds.
  const byType = new Map<string, number>();
  for (const r of db
    .prepare('select counts from incidents where tenant_id = ? and time >= ? and time < ?')
    .all(tenantId, a, b) as { counts: string }[]) {
    for (const t of Object.keys(JSON.parse(r.counts) as object))
      byType.set(t, (byType.get(t) ?? 0) + 1);
  }
  const types = await csvOf(page, 'Incidents by data type');
  expect(new Map(types.slice(1).map((r) => [r[0], Number(r[1])]))).toEqual(byType);

  // Usable at 1280x720: nothing wider than the window.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toBeHidden();
  await expect(page.getByRole('button', { name: /Download CSV/ }).first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('devices: versions, policy revisions and who is out of date match the database', async () => {
  const page = adminPage;
  await page.getByRole('link', { name: 'Devices' }).click();
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  const devices = db
    .prepare('select id, extension_version as v from devices where tenant_id = ?')
    .all(tenantId) as { id: string; v: string }[];
  const policy = new Map(
    (
      db
        .prepare(
          'select device_id as d, max(policy_version) as p from incidents where tenant_id = ? group by device_id',
        )
        .all(tenantId) as { d: string; p: number }[]
    ).map((r) => [r.d, r.p]),
  );
  const current = (
    db.prepare('select max(revision) as r from policies where tenant_id = ?').get(tenantId) as {
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
  const rows = await csvOf(page, 'Enrolled devices');
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
  await page.screenshot({ path: join(SHOTS, 'devices.png'), fullPage: true });
  await page.getByRole('link', { name: 'Show only devices that are out of date' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(outdated.length);
});

test('users and roles: the list matches the database; CSV neutralises formulas', async () => {
  const page = adminPage;
  await page.getByRole('link', { name: 'Users and roles' }).click();
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();
  const users = db
    .prepare('select email, role from users where tenant_id = ? order by email')
    .all(tenantId) as { email: string; role: string }[];
  expect(users).toHaveLength(4);
  await expect(page.locator('tbody tr')).toHaveCount(users.length);
  const rows = await csvOf(page, 'Users');
  expect(
    rows
      .slice(1)
      .map((r) => [r[0], r[1]])
      .sort(),
  ).toEqual(users.map((u) => [u.email, u.role]));
  const formula = rows.find((r) => r[0] === people.formula.email)!;
  expect(formula[2]).toBe(`'${FORMULA_TEAM}`);
  // An admin invites: a one-time link, shown once.
  await page.getByLabel('Role').selectOption('auditor');
  await page.getByRole('button', { name: 'Make a one-time link' }).click();
  await expect(page.getByRole('status')).toContainText(`${base}/setup?token=`);
  await page.screenshot({ path: join(SHOTS, 'users.png'), fullPage: true });
});

test('audit log: the chain verifies and the entries match the database', async () => {
  const page = adminPage;
  await page.getByRole('link', { name: 'Audit log' }).click();
  const n = (
    db.prepare('select count(*) as n from audit_log where tenant_id = ?').get(tenantId) as {
      n: number;
    }
  ).n;
  expect(n).toBeGreaterThan(3);
  await expect(page.locator('[data-verify="ok"]')).toContainText(`Chain verified: ${n} entries`);
  const rows = await csvOf(page, 'Audit entries, newest first');
  const want = db
    .prepare('select seq, action from audit_log where tenant_id = ? order by seq desc')
    .all(tenantId) as { seq: number; action: string }[];
  expect(rows.slice(1).map((r) => [Number(r[0]), r[3]])).toEqual(
    want.slice(0, 100).map((w) => [w.seq, w.action]),
  );
  await page.screenshot({ path: join(SHOTS, 'audit.png'), fullPage: true });
});

test('keyboard: the skip link comes first and moves focus to the content', async () => {
  const page = adminPage;
  await page.goto(`${base}/dashboard/devices`);
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('link', { name: 'Show only devices that are out of date' }),
  ).toBeFocused();
});

test('a manager sees only their teams, and not the admin pages', async () => {
  const page = await newPage();
  await signIn(page, people.manager);
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(nav.getByRole('link')).toHaveText(['Overview']);
  await page.goto(`${base}/dashboard/?from=${PERIOD.from}&to=${PERIOD.to}`);
  const own = count('and team = ?', [MANAGER_TEAM]);
  expect(own).toBeLessThan(count(''));
  await expect(page.locator('[data-figure="incidents"] .figure-value')).toHaveText(fmt.format(own));
  await expect(page.getByText(`Your teams: ${MANAGER_TEAM}.`)).toBeVisible();
  const sites = await csvOf(page, 'Incidents by site');
  const [a, b] = inPeriod(PERIOD);
  const want = db
    .prepare(
      `select coalesce(site_id, host) as k, count(*) as n from incidents where tenant_id = ?
       and time >= ? and time < ? and team = ? group by k`,
    )
    .all(tenantId, a, b, MANAGER_TEAM) as { k: string; n: number }[];
  expect(new Map(sites.slice(1).map((r) => [r[0], Number(r[1])]))).toEqual(
    new Map(want.map((w) => [w.k, w.n])),
  );
  await page.screenshot({ path: join(SHOTS, 'overview-manager.png'), fullPage: true });
  for (const path of ['devices', 'users', 'audit']) {
    await page.goto(`${base}/dashboard/${path}`);
    await expect(page.getByRole('alert')).toContainText('not available to the manager role');
  }
  const api = await page.request.get(`${base}/api/v1/devices`);
  expect(api.status()).toBe(403);
  // A manager whose only team has fewer than k people sees nothing at all.
  const small = await newPage();
  await signIn(small, people.formula);
  await expect(small.getByRole('status')).toContainText('Figures withheld');
  await small.context().close();
  await page.context().close();
});

test('an auditor reads users, devices and the audit log but changes nothing', async () => {
  const page = await newPage();
  await signIn(page, people.auditor);
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(nav.getByRole('link')).toHaveText([
    'Overview',
    'Devices',
    'Users and roles',
    'Audit log',
  ]);
  await nav.getByRole('link', { name: 'Users and roles' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(4);
  await expect(page.getByRole('form', { name: 'Invite a user' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
  await expect(page.getByText('only an admin can change it')).toBeVisible();
  const session = (await (await page.request.get(`${base}/api/v1/auth/session`)).json()) as {
    csrfToken: string;
  };
  const invite = await page.request.post(`${base}/api/v1/users/invitations`, {
    headers: { 'x-csrf-token': session.csrfToken, origin: base },
    data: { role: 'admin' },
  });
  expect(invite.status()).toBe(403);
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.locator('[data-verify="ok"]')).toBeVisible();
  await page.context().close();
  expect(cspErrors).toEqual([]);
});
