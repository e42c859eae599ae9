/**
 * Enrollment and signed policy sync, end to end: the REAL backend (`server/cli.ts start`, its own
 * process, on a temporary SQLite file and a free port), a tenant, signing key and policy made with
 * the backend's own admin functions, a REAL managed-policy file naming the backend, tenant,
 * enrollment token and pinned public key, and Debian's Chromium with the built extension
 * (HUSH_OUT_DIR). It shows: the browser enrolls (a row in `devices`); the signed policy arrives
 * and changes what the guard does on a fixture AI page; an unchanged policy answers 304 (the
 * backend's CORS exposes ETag and allows If-None-Match); a policy signed only by a key the browser
 * does not pin, or by no signature of the pinned key's algorithm, is refused and the last good one
 * stays; once IT pins the new key, the policy is taken.
 *
 * The browser talks to the backend directly: the backend answers CORS for extension origins
 * (server/cors.ts), which an extension's service worker needs to read a cross-origin answer.
 * Tampering with the payload in transit needs a party in between and is proven by the unit tests
 * with real WebCrypto (lib/sync/policy-sync.test.ts). All values are made up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createTenant, publishPolicy, rotateKey, type CreatedTenant } from '../../server/admin.ts';
import { openDb, type Db } from '../../server/db/index.ts';
import { serverCli } from '../../server/test-cli.ts';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  EXTENSION_DIR,
  expect,
  extensionFlags,
  test,
} from './fixtures.ts';
import { copyWithOwnKey, managedPolicyFile, type ManagedPolicyFile } from './managed-policy.ts';
import { buildSites } from './sites/build.mjs';
import { serveChatSite, type ChatSite } from './sites/serve.ts';

const AI_HOST = 'https://chatgpt.com';
const EMAIL = 'rowan.tellis@harbour-example.net';
const BLOCK_EMAIL = { version: 1, rules: { 'unapproved-ai': { byType: { EMAIL: 'block' } } } };
const ALLOW_EMAIL = { version: 1, rules: { 'unapproved-ai': { byType: { EMAIL: 'allow' } } } };

let dataDir: string;
let backend: ChildProcess | null = null;
let backendUrl: string;
let db: Db;
let tenant: CreatedTenant;
let extension: Awaited<ReturnType<typeof copyWithOwnKey>>;
let policyFile: ManagedPolicyFile;
let profile: string;
let context: BrowserContext;
let site: ChatSite;

/** Starts `hush-server start` on a free port and resolves with its address. */
async function startBackend(): Promise<string> {
  const child = spawn(process.execPath, serverCli('start'), {
    env: {
      ...process.env,
      HUSH_PORT: '0',
      HUSH_HOST: '127.0.0.1',
      HUSH_DB_FILE: join(dataDir, 'hush.sqlite'),
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  backend = child;
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"msg":"listening".*?"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the backend exited (${code}): ${err}`)));
  });
}

/** The extension's service worker now (it may have been restarted since the last call). */
async function worker(): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Fires the sync alarm now, as its 5-minute period would. */
async function syncNow(): Promise<void> {
  await (
    await worker()
  ).evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { alarms: { create(n: string, i: object): Promise<void> } };
      }
    ).chrome.alarms.create('hush:policy-sync', { when: Date.now(), periodInMinutes: 5 }),
  );
}

/**
 * Where enrollment and sync stand, as the extension stored them (state and reason codes, never a
 * credential): what the waits below poll, so that a failure says why.
 */
async function syncState(): Promise<unknown> {
  try {
    return await (
      await worker()
    ).evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      const items = await api.storage.local.get(['sync:policy', 'sync:enrol-status']);
      const e = items['sync:enrol-status'] as Record<string, unknown> | undefined;
      const p = items['sync:policy'] as
        { result?: string; reason?: string; accepted?: { revision?: number } | null } | undefined;
      return {
        enrolment: e ? { state: e.state, reason: e.reason, failures: e.failures } : null,
        policy: p
          ? { result: p.result, reason: p.reason, revision: p.accepted?.revision ?? null }
          : null,
      };
    });
  } catch (err) {
    // The worker is being restarted: the next poll reads it again.
    return { unreadable: String(err) };
  }
}

/**
 * Waits until the browser holds revision 1 (email: block). Each test starts from there, also
 * when it runs alone in a fresh worker (after another test failed, Playwright starts one).
 */
async function revisionOneTaken(): Promise<void> {
  await expect
    .poll(syncState, { timeout: 60_000 })
    .toMatchObject({ enrolment: { state: 'enrolled' }, policy: { revision: 1 } });
}

/** IT's managed settings for this browser, pinning `signingKey`. */
function settings(signingKey: string): Record<string, unknown> {
  return {
    backendUrl,
    tenantId: tenant.tenantId,
    enrollmentToken: tenant.enrollmentToken,
    policySigningKey: signingKey,
    user: { id: 'agent-e2e-0001', team: 'Tier 2' },
  };
}

async function openOptions(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extension.id}/options.html`);
  await expect(page.getByTestId('sync-status')).toBeVisible();
  return page;
}

async function pasteEmail(page: Page): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), `Write to ${EMAIL} today`);
  await page.locator('#prompt').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+V');
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await buildSites();
  dataDir = mkdtempSync(join(tmpdir(), 'hush-sync-e2e-'));
  backendUrl = await startBackend();
  // The admin functions the CLI runs, on the backend's own database file.
  db = openDb({ file: join(dataDir, 'hush.sqlite') });
  tenant = await createTenant(db, { name: 'Harbour Example Support' });
  await publishPolicy(db, tenant.tenantId, BLOCK_EMAIL);

  extension = await copyWithOwnKey(EXTENSION_DIR, 'hush-sync-ext-');
  policyFile = managedPolicyFile(extension.id, 'sync');
  // IT deploys the settings before the browser starts.
  policyFile.write(settings(tenant.key.publicKey));
  profile = mkdtempSync(join(tmpdir(), 'hush-sync-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...extensionFlags(extension.dir), ...CHROMIUM_FLAGS],
  });
  expect(new URL((await worker()).url()).host, 'the copy runs under its own id').toBe(extension.id);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: AI_HOST });
  site = await serveChatSite(context, { host: AI_HOST, editor: 'textarea' });
});

test.afterAll(async () => {
  policyFile?.remove();
  await site?.close();
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  extension?.remove();
  await db?.destroy();
  if (backend && backend.exitCode === null) {
    const exited = new Promise((r) => backend!.once('exit', r));
    backend.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The sync record as the extension stored it (reason codes only), for waiting and messages. */
async function syncRecord(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    const items = await api.storage.local.get(['sync:policy', 'sync:enrol-status']);
    return { policy: items['sync:policy'], enrolment: items['sync:enrol-status'] };
  });
}

test('the browser enrolls and the signed policy changes what the guard does', async () => {
  test.setTimeout(120_000);
  // Enrolled: one device row for the tenant, made by the extension itself.
  await expect
    .poll(
      async () => ({
        devices: (
          await db
            .selectFrom('devices')
            .select(['tenant_id', 'browser'])
            .where('tenant_id', '=', tenant.tenantId)
            .execute()
        ).map((d) => d.browser),
        // Not asserted: shown when the wait fails.
        extension: await syncState(),
      }),
      { timeout: 60_000 },
    )
    .toMatchObject({ devices: ['chrome'] });

  // Revision 1 taken. Not necessarily by the last run: when Chromium delivers the managed
  // settings after the worker started, storage.onChanged('managed') asks for one more sync,
  // which finds the policy unchanged ('not-modified').
  await revisionOneTaken();
  const options = await openOptions();
  expect(JSON.stringify(await syncRecord(options))).toMatch(/"result":"(updated|not-modified)"/);
  await expect(options.getByTestId('last-sync')).toContainText('revision 1');
  await expect(options.getByTestId('enrolment')).toHaveText('Enrolled with the company backend');
  await expect(options.getByTestId('policy-source')).toContainText(
    'the company backend (revision 1)',
  );
  await expect(options.locator('tr[data-field="rules.unapproved-ai.byType"]')).toHaveAttribute(
    'data-source',
    'synced',
  );
  // Neither the credential nor IT's token is on the page.
  await expect(options.locator('body')).not.toContainText(tenant.enrollmentToken);
  await options.close();

  // The synced rule (email: block) applies on an unapproved AI site; the default would mask.
  const page = await context.newPage();
  await page.goto(site.url);
  await expect(page.locator('#status')).toHaveText('ready');
  await pasteEmail(page);
  await expect(page.locator('#hush-notice').getByRole('status')).toContainText(
    'Hush blocked this paste',
  );
  await expect(page.locator('#prompt')).toHaveValue('');
  await page.close();
});

test('an unchanged policy answers 304 through CORS (ETag exposed, If-None-Match allowed)', async () => {
  test.setTimeout(90_000);
  await revisionOneTaken();
  const options = await openOptions();
  const before = (await syncRecord(options)) as { policy: { lastAttemptAt: number } };
  await syncNow();
  // A 304 is only possible when the extension could read the ETag of the last answer and send it
  // back: both need the backend's CORS headers (exposed ETag, allowed If-None-Match).
  await expect
    .poll(
      async () => {
        const r = (await syncRecord(options)) as {
          policy: { lastAttemptAt: number; result: string };
        };
        return r.policy.lastAttemptAt > before.policy.lastAttemptAt ? r.policy.result : 'waiting';
      },
      { timeout: 30_000 },
    )
    .toBe('not-modified');
  await expect(options.getByTestId('policy-source')).toContainText('(revision 1)');
  await options.close();
});

test('a policy the pinned key did not sign is refused; the last good one stays', async () => {
  test.setTimeout(150_000);
  await revisionOneTaken();
  // IT publishes revision 2 (email allowed) and rotates the signing key with no grace period, but
  // has not yet pinned the new key: the backend now signs only with a key the browser does not
  // trust, as it would for anyone who got hold of the backend without IT's managed settings.
  await publishPolicy(db, tenant.tenantId, ALLOW_EMAIL);
  const keys = await rotateKey(db, tenant.tenantId, { graceDays: 0 });
  const newKey = keys.find((k) => k.status === 'current');
  const options = await openOptions();
  const lastSync = options.getByTestId('last-sync');

  await syncNow();
  await expect(lastSync).toContainText('the policy signature did not verify', { timeout: 30_000 });
  await expect(lastSync).toHaveAttribute('data-failed', 'true');
  await expect(options.getByTestId('policy-source')).toContainText('(revision 1)');

  // IT pins a key of another algorithm (ECDSA P-256): the Ed25519 signatures are not for it.
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .publicKey.export({ type: 'spki', format: 'der' })
    .toString('base64');
  policyFile.write(settings(p256));
  await expect(lastSync).toContainText('not signed with the pinned key', { timeout: 60_000 });

  // The last good policy (revision 1: email blocked) still applies on the page.
  const page = await context.newPage();
  await page.goto(site.url);
  await expect(page.locator('#status')).toHaveText('ready');
  await pasteEmail(page);
  await expect(page.locator('#hush-notice').getByRole('status')).toContainText(
    'Hush blocked this paste',
  );

  // IT pins the new key: the change of managed policy syncs at once, revision 2 is taken, and the
  // guard follows it without a reload.
  const current = newKey!.publicKey;
  policyFile.write(settings(current));
  await expect(lastSync).toHaveText(/^(New policy received|Up to date) \(revision 2\)/, {
    timeout: 60_000,
  });
  await expect
    .poll(
      async () => {
        await pasteEmail(page);
        return page.locator('#prompt').inputValue();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe(`Write to ${EMAIL} today`);
  expect(site.requests).toEqual([]);
  await page.close();

  // The popup says the same.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extension.id}/popup.html`);
  await expect(popup.getByTestId('policy-source')).toContainText('(revision 2)');
  await expect(popup.getByTestId('last-sync')).toHaveAttribute('data-failed', 'false');
  await popup.close();
  await options.close();
});
