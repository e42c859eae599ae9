/**
 * The real backend behind the dashboard's end-to-end tests (issue 6), shared by every
 * `dashboard*.spec.ts`: `hush-server start` on a fresh SQLite file and a free port, a tenant and its
 * people made through the CLI and the one-time setup links, devices enrolled and incidents sent
 * through the real API, rollups brought up to date by the server's own function. Generated data
 * (faker, seeded; dated back from today's UTC midnight, so the pictures change only with the date).
 *
 * Each spec file makes its own `DashboardHarness` in beforeAll (`await h.start()`) and stops it in
 * afterAll, so spec files do not depend on each other's data. Figures are checked against the
 * SQLite file itself (`h.db`, read-only; `h.count`).
 *
 * Needs the built dashboard (`npm run build:dashboard`; `npm test` builds it first).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { faker } from '@faker-js/faker';
import { chromium, expect, type Browser, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { Secret, TOTP } from 'otpauth';
import Papa from 'papaparse';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.ts';
import { serverCli } from '../../server/test-cli.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Where page screenshots go, for the README and docs/dashboard.md. */
const SHOTS = join(ROOT, 'docs/dashboard');

/**
 * Saves a screenshot of `target` as docs/dashboard/`name` when HUSH_SHOTS=1 (see
 * docs/dashboard.md): the pictures are documentation, renewed on purpose, not rewritten (and the
 * tracked files changed) by every test run.
 */
export async function shot(
  target: Page | Locator,
  name: string,
  options: {
    fullPage?: boolean;
    clip?: { x: number; y: number; width: number; height: number };
  } = {},
): Promise<void> {
  if (process.env.HUSH_SHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await target.screenshot({ path: join(SHOTS, name), ...options });
}
export const DAY_MS = 86_400_000;
export const MIDNIGHT = Math.floor(Date.now() / DAY_MS) * DAY_MS;
export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The 28 days up to today, and the 28 before them. */
export const PERIOD = { from: day(MIDNIGHT - 27 * DAY_MS), to: day(MIDNIGHT) };
export const PREVIOUS = { from: day(MIDNIGHT - 55 * DAY_MS), to: day(MIDNIGHT - 28 * DAY_MS) };
export const MANAGER_TEAM = 'Support EMEA';
/** A team name a spreadsheet would run as a formula: the CSV export must neutralise it. */
export const FORMULA_TEAM = '=HYPERLINK("http://attacker.example")';

export interface Person {
  email: string;
  password: string;
  secret: string | null;
}

export const SITES = [
  { siteId: 'chatgpt', host: 'chatgpt.com', pageClass: 'approved-ai' },
  { siteId: 'claude', host: 'claude.ai', pageClass: 'unapproved-ai' },
  { siteId: 'gemini', host: 'gemini.google.com', pageClass: 'unapproved-ai' },
  { siteId: null, host: 'chat.unknown-ai.example', pageClass: 'unapproved-ai' },
  { siteId: 'zendesk', host: 'acme.zendesk.com', pageClass: 'support-tool' },
] as const;
/** [action, outcome, weight] of the seeded decisions. */
export const DECISIONS = [
  ['mask', 'masked', 6],
  ['block', 'blocked', 2],
  ['warn', 'warned', 2],
  ['warn', 'overridden', 1],
  ['monitor', 'monitored', 2],
  ['allow', 'allowed', 1],
] as const;
export const TYPES = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'PERSON', 'IBAN', 'US_SSN'];
/** Teams and how many people each has (Onboarding stays below the default k of 5). */
export const TEAMS: [string, number][] = [
  [MANAGER_TEAM, 7],
  ['Support Americas', 6],
  ['Billing', 5],
  ['Onboarding', 2],
];

export const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** A period as the half-open ISO range the incidents' `time` column is compared with. */
export const inPeriod = (p: { from: string; to: string }) =>
  [
    `${p.from}T00:00:00.000Z`,
    new Date(Date.parse(`${p.to}T00:00:00Z`) + DAY_MS).toISOString(),
  ] as const;

/** One device enrolled by `seed`, with its credential for the device API. */
export interface SeededDevice {
  deviceId: string;
  credential: string;
  version: string;
  policy: number;
}

export class DashboardHarness {
  dir = '';
  dbFile = '';
  server: ChildProcess | null = null;
  base = '';
  tenantId = '';
  enrollmentToken = '';
  browser!: Browser;
  /** The SQLite file, read-only: what every figure is checked against. */
  db!: Database.Database;
  people = {} as Record<'admin' | 'manager' | 'auditor' | 'formula', Person>;
  devices: SeededDevice[] = [];
  /** Content-Security-Policy errors seen on any page from `newPage`. */
  cspErrors: string[] = [];
  private lastStep = 0;

  /** Runs `hush-server ARGS` on this harness's file; returns its JSON output. */
  cli(...args: string[]): Record<string, unknown> {
    const r = spawnSync(process.execPath, serverCli(...args), {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HUSH_DB_FILE: this.dbFile, HUSH_LOG_LEVEL: 'warn' },
    });
    if (r.status !== 0) throw new Error(`hush-server ${args.join(' ')}: ${r.stderr}`);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  }

  /** A fresh TOTP code: each accepted step is used once, so wait for the next when needed. */
  async code(secret: string): Promise<string> {
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
    for (;;) {
      const now = Math.floor(Date.now() / 30_000);
      const step = Math.max(this.lastStep + 1, now);
      if (step <= now + 1) {
        this.lastStep = step;
        return totp.generate({ timestamp: step * 30_000 });
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  /** POSTs JSON to the server (not through a page); throws with the answer on a non-2xx. */
  async post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base, ...headers },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** Accepts a one-time link as the person would, through the setup API. */
  async accept(link: string, role: string, withTotp: boolean): Promise<Person> {
    const token = new URL(link).searchParams.get('token')!;
    const p: Person = {
      email: `${role}.${faker.string.alphanumeric(6).toLowerCase()}@example.com`,
      password: faker.internet.password({ length: 18 }),
      secret: withTotp ? new Secret({ size: 20 }).base32 : null,
    };
    await this.post('/api/v1/auth/setup', {
      token,
      email: p.email,
      password: p.password,
      ...(p.secret ? { totpSecret: p.secret, totpCode: await this.code(p.secret) } : {}),
    });
    return p;
  }

  /** Enrolls devices and sends seeded incidents through the real API. */
  async seed() {
    const users = TEAMS.flatMap(([team, n]) =>
      Array.from({ length: n }, () => ({ team, user: faker.string.alphanumeric(43) })),
    );
    for (const [version, policy] of [
      ['0.2.0', 2],
      ['0.2.0', 2],
      ['0.2.0', 1],
      ['0.1.0', 2],
      ['0.1.0', 1],
    ] as const) {
      const d = await this.post('/api/v1/enroll', {
        tenantId: this.tenantId,
        enrollmentToken: this.enrollmentToken,
        extensionVersion: version,
        browser: faker.helpers.arrayElement(['chrome', 'edge', 'firefox']),
      });
      this.devices.push({ ...(d as { deviceId: string; credential: string }), version, policy });
    }
    const weighted = DECISIONS.flatMap(([a, o, w]) => Array.from({ length: w }, () => [a, o]));
    for (const [i, d] of this.devices.entries()) {
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
      await this.post(
        '/api/v1/incidents',
        { records },
        { authorization: `Bearer ${d.credential}` },
      );
    }
  }

  /** Brings the daily rollups up to date with the server's own function, on the same file. */
  refreshRollups() {
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
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, F: this.dbFile } },
    );
    if (r.status !== 0) throw new Error(`rollup refresh failed: ${r.stderr}`);
  }

  /** Signs in through the dashboard's own sign-in page. */
  async signIn(page: Page, p: Person) {
    await page.goto(`${this.base}/dashboard/`);
    await page.getByLabel('Tenant id').fill(this.tenantId);
    await page.getByLabel('Email').fill(p.email);
    await page.getByLabel('Password').fill(p.password);
    if (p.secret) await page.getByLabel('Authenticator code').fill(await this.code(p.secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  }

  /** A page in a fresh context at a laptop's size, recording CSP errors. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text()))
        this.cspErrors.push(m.text());
    });
    return page;
  }

  /** Incidents of the tenant in period `p` matching the extra SQL `where` (starting with `and`). */
  count(where: string, params: unknown[] = [], p = PERIOD): number {
    const [a, b] = inPeriod(p);
    const row = this.db
      .prepare(
        `select count(*) as n from incidents where tenant_id = ? and time >= ? and time < ? ${where}`,
      )
      .get(this.tenantId, a, b, ...params) as { n: number };
    return row.n;
  }

  /** Downloads the CSV of the table captioned `caption` and parses it. */
  async csvOf(page: Page, caption: string): Promise<string[][]> {
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

  /**
   * Starts everything: tenant (two policy revisions published), server, the admin (with TOTP), a
   * manager of MANAGER_TEAM, an auditor and a manager of FORMULA_TEAM, seeded devices and
   * incidents, fresh rollups, the read-only database and a browser. Call in beforeAll with a
   * generous timeout (180 s).
   */
  async start(opts: { seed?: number } = {}) {
    if (!existsSync(join(ROOT, 'dist/dashboard/index.html'))) {
      throw new Error('the dashboard is not built: run `npm run build:dashboard` first');
    }
    faker.seed(opts.seed ?? 2026);
    this.dir = mkdtempSync(join(tmpdir(), 'hush-dashboard-e2e-'));
    this.dbFile = join(this.dir, 'hush.sqlite');
    const tenant = this.cli('tenant', 'create', 'Acme Support');
    this.tenantId = tenant.tenantId as string;
    this.enrollmentToken = tenant.enrollmentToken as string;
    const policy = join(this.dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ version: 1 }));
    this.cli('policy', 'publish', this.tenantId, policy);
    this.cli('policy', 'publish', this.tenantId, policy);
    const server = spawn(process.execPath, serverCli('start'), {
      cwd: ROOT,
      env: { ...process.env, HUSH_DB_FILE: this.dbFile, HUSH_PORT: '0', HUSH_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.server = server;
    this.base = await new Promise<string>((ok, fail) => {
      let out = '';
      server.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /"msg":"listening","url":"([^"]+)"/.exec(out);
        if (m) ok(m[1]!);
      });
      server.on('exit', (c) => fail(new Error(`hush-server exited (${c}) before listening`)));
    });
    server.stdout!.resume();
    const adminLink = this.cli('tenant', 'admin-link', this.tenantId, '--base', this.base)
      .link as string;
    this.people.admin = await this.accept(adminLink, 'admin', true);
    this.people.manager = await this.accept(this.invite('manager', MANAGER_TEAM), 'manager', false);
    this.people.auditor = await this.accept(this.invite('auditor'), 'auditor', false);
    this.people.formula = await this.accept(this.invite('manager', FORMULA_TEAM), 'formula', false);
    await this.seed();
    // Summaries read daily rollups, which the server's job refreshes every minute.
    this.refreshRollups();
    this.db = new Database(this.dbFile, { readonly: true, fileMustExist: true });
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
  }

  /** A one-time link for a new user with `role` (and teams, comma-separated), via the CLI. */
  invite(role: string, teams?: string): string {
    return this.cli(
      'tenant',
      'user',
      'add',
      this.tenantId,
      '--role',
      role,
      ...(teams ? ['--teams', teams] : []),
      '--base',
      this.base,
    ).link as string;
  }

  /** Stops the browser and the server and removes the folder. Call in afterAll. */
  async stop() {
    await this.browser?.close();
    this.db?.close();
    const server = this.server;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      // The server's graceful stop waits for its connections to end; one that a client keeps
      // open held the suite's teardown past its 60 s once in CI. After 10 s it is killed.
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
