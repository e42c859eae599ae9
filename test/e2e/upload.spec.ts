/**
 * Incidents reach the real backend exactly once, end to end: Debian's Chromium with the BUILT
 * extension (HUSH_OUT_DIR), a fixture chat page served at chatgpt.com, and the real backend
 * (server/app.ts on a real SQLite file) behind a real HTTP listener started by the test. IT's
 * settings (backend, tenant, enrollment token, user) come from a real managed-policy file for a
 * copy of the build with its own id (managed-policy.ts), so the extension enrolls itself; it then
 * reports masked pastes, keeps them while the backend is down, survives a browser restart, and
 * delivers each one once when the backend is back. IT also sets the tenant's pseudonym key (from
 * the backend, as `tenant pseudonym-key` prints it), so the user in each row is the pseudonym the
 * backend's reveal check computes; the popup shows the uploader's status throughout. All values
 * are made up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createTenant, type CreatedTenant } from '../../server/admin.ts';
import { createApp } from '../../server/app.ts';
import { migrate, openDb, type Db } from '../../server/db/index.ts';
import { pseudonymKey, pseudonymOf } from '../../server/people/pseudonym.ts';
import { silentLogger } from '../../server/log.ts';
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
import { serveChatSite } from './sites/serve.ts';

const AI_HOST = 'https://chatgpt.com';
const EMAIL = 'orla.venn@quartz-example.net';
const CARD = '4539 1488 0343 6467';
const PASTED = `Customer ${EMAIL} paid with ${CARD} yesterday.`;
const RAW = [EMAIL, CARD, CARD.replace(/ /g, ''), 'quartz-example'];
// IT's spelling of the user id: normalised the same way at both ends (NFC, trim, lower case).
const USER_ID = ' Agent-0007@Example.TEST ';

let dataDir: string;
let db: Db;
let tenant: CreatedTenant;
let server: ServerType | null = null;
let port = 0;
let profile: string;
let context: BrowserContext;
let worker: Worker;
let extension: Awaited<ReturnType<typeof copyWithOwnKey>>;
let managed: ManagedPolicyFile;
let tenantKey: string;

async function startBackend(): Promise<void> {
  const app = createApp({ db, log: silentLogger, now: Date.now, rateLimitPerMinute: 600 });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
}

async function stopBackend(): Promise<void> {
  const s = server;
  server = null;
  if (!s) return;
  await new Promise<void>((resolve) => {
    s.close(() => resolve());
    (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}

async function launch(): Promise<void> {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...extensionFlags(extension.dir), ...CHROMIUM_FLAGS],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: AI_HOST });
  await serveChatSite(context, { host: AI_HOST, editor: 'textarea' });
}

/** The backend's incident rows for this tenant. */
function rows() {
  return db.selectFrom('incidents').selectAll().where('tenant_id', '=', tenant.tenantId).execute();
}

async function pasteOnce(): Promise<void> {
  const page: Page = await context.newPage();
  await page.goto(`${AI_HOST}/`);
  await expect(page.locator('#status')).toHaveText('ready');
  await page.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
  await page.locator('#prompt').click();
  await page.keyboard.press('Control+V');
  await expect(page.locator('#prompt')).not.toHaveValue('');
  await expect(page.locator('#prompt')).not.toHaveValue(new RegExp(EMAIL.replace(/\./g, '\\.')));
  await page.close();
}

/** The popup's report lines (uploader status and what waits), read fresh on each call. */
async function popupReports(): Promise<{ status: string; pending: string }> {
  const popup = await context.newPage();
  try {
    await popup.goto(`chrome-extension://${extension.id}/popup.html`);
    const status = popup.getByTestId('upload-status');
    await expect(status).toBeVisible();
    return {
      status: (await status.textContent()) ?? '',
      pending: (await popup.getByTestId('upload-pending').textContent()) ?? '',
    };
  } finally {
    await popup.close();
  }
}

/** The pending records in the extension's queue (read in the service worker). */
function pendingInQueue(): Promise<number> {
  return worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hush-incidents');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const all = idb.transaction('incidents').objectStore('incidents').getAll();
          all.onsuccess = () => {
            idb.close();
            resolve(
              (all.result as { state: string }[]).filter((r) => r.state === 'pending').length,
            );
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  dataDir = mkdtempSync(join(tmpdir(), 'hush-upload-e2e-'));
  db = openDb({ file: join(dataDir, 'hush.sqlite') });
  await migrate(db);
  tenant = await createTenant(db, { name: 'Upload E2E' });
  tenantKey = await pseudonymKey(db, tenant.tenantId, Date.now());
  await startBackend();
  profile = mkdtempSync(join(tmpdir(), 'hush-upload-profile-'));
  extension = await copyWithOwnKey(EXTENSION_DIR, 'hush-upload-ext-');
  managed = managedPolicyFile(extension.id, 'upload');
  managed.write({
    backendUrl: `http://127.0.0.1:${port}`,
    tenantId: tenant.tenantId,
    enrollmentToken: tenant.enrollmentToken,
    pseudonymKey: tenantKey,
    user: { id: USER_ID, team: 'Support EMEA' },
  });
  await launch();

  // The extension enrolls itself with what IT set (lib/sync/client.ts).
  await expect
    .poll(
      async () =>
        (
          await db
            .selectFrom('devices')
            .select('id')
            .where('tenant_id', '=', tenant.tenantId)
            .execute()
        ).length,
      { timeout: 30_000 },
    )
    .toBe(1);
});

test.afterAll(async () => {
  await context?.close();
  managed?.remove();
  extension?.remove();
  await stopBackend();
  await db?.destroy();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a masked paste reaches the backend once, with types and counts and no value', async () => {
  await pasteOnce();
  await expect.poll(async () => (await rows()).length, { timeout: 30_000 }).toBe(1);
  const [row] = await rows();
  expect(row).toMatchObject({
    host: 'chatgpt.com',
    page_class: 'unapproved-ai',
    channel: 'paste',
    team: 'Support EMEA',
    reason: null,
  });
  // The pseudonym the backend's reveal check computes for IT's user id, with the tenant's key.
  expect(row!.user_pseudonym).toBe(pseudonymOf(tenantKey, 'agent-0007@example.test'));
  expect(JSON.parse(row!.counts)).toMatchObject({ EMAIL: 1, CREDIT_CARD: 1 });
  expect(Date.parse(row!.time) % 60_000).toBe(0);
  const everything = JSON.stringify(await rows());
  for (const raw of RAW) expect(everything).not.toContain(raw);
  await expect.poll(pendingInQueue).toBe(0);
  await expect.poll(popupReports).toEqual({
    status: expect.stringMatching(/^Sent; last sent /),
    pending: 'Nothing waiting',
  });
});

test('backend down, browser restarted, backend back: every record arrives exactly once', async () => {
  test.setTimeout(180_000);
  await stopBackend();
  await pasteOnce();
  await pasteOnce();
  // The uploader tried and failed: both records wait in the queue.
  await expect.poll(pendingInQueue, { timeout: 20_000 }).toBe(2);
  expect(await rows()).toHaveLength(1);
  // The popup says why they wait and how many.
  await expect.poll(popupReports, { timeout: 20_000 }).toEqual({
    status: expect.stringMatching(/^Failed: the backend could not be reached; last sent /),
    pending: '2 reports waiting',
  });

  // The browser closes while they wait, and the backend comes back before it starts again.
  await context.close();
  await startBackend();
  await launch();
  await expect.poll(async () => (await rows()).length, { timeout: 120_000 }).toBe(3);
  const all = await rows();
  expect(new Set(all.map((r) => r.id)).size).toBe(3);
  await expect.poll(pendingInQueue).toBe(0);
  // Nothing more arrives later (no duplicate from a second worker or a replay).
  await new Promise((r) => setTimeout(r, 5000));
  expect(await rows()).toHaveLength(3);
  // The popup no longer shows the failure: the last attempt succeeded and nothing waits.
  await expect.poll(popupReports, { timeout: 20_000 }).toEqual({
    status: expect.stringMatching(/^Sent; last sent /),
    pending: 'Nothing waiting',
  });
});

test('"This was not sensitive" in the popup reaches false_alarms once: detector and host, no text', async () => {
  test.setTimeout(120_000);
  const page: Page = await context.newPage();
  await page.goto(`${AI_HOST}/`);
  await expect(page.locator('#status')).toHaveText('ready');
  await page.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
  await page.locator('#prompt').click();
  await page.keyboard.press('Control+V');
  await expect(page.locator('#prompt')).not.toHaveValue(new RegExp(EMAIL.replace(/\./g, '\\.')));
  // The tab whose summary holds the paste's decision (the background keeps it per tab).
  let tabId: string | undefined;
  await expect
    .poll(async () => {
      const all = (await worker.evaluate(async () => {
        const session = (
          globalThis as unknown as {
            chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.session;
        return (await session.get('tabSummaries')).tabSummaries ?? {};
      })) as Record<string, { host: string; recent?: unknown[] }>;
      tabId = Object.entries(all).find(
        ([, s]) => s.host === 'chatgpt.com' && (s.recent?.length ?? 0) > 0,
      )?.[0];
      return tabId;
    })
    .toBeDefined();

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extension.id}/popup.html?tab=${tabId}`);
  const button = popup.locator('[data-testid="false-alarm"][data-detector="email"]');
  await expect(button).toBeEnabled();
  // Keyboard only: focus the button and press Enter.
  await button.focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('false-alarm-message')).toContainText('reported as a false alarm');
  await expect(button).toBeDisabled();

  const alarms = () =>
    db.selectFrom('false_alarms').selectAll().where('tenant_id', '=', tenant.tenantId).execute();
  await expect.poll(async () => (await alarms()).length, { timeout: 30_000 }).toBe(1);
  const [row] = await alarms();
  expect(row).toMatchObject({ detector: 'email', host: 'chatgpt.com' });
  const everything = JSON.stringify(await alarms());
  for (const raw of RAW) expect(everything).not.toContain(raw);

  // A popup opened again shows the decision as reported (it cannot be sent twice) and counts
  // the report as sent once the backend acknowledged it.
  await expect
    .poll(
      async () => {
        await popup.reload();
        return popup.getByTestId('false-alarm-counts').textContent();
      },
      { timeout: 20_000 },
    )
    .toContain('0 waiting for the backend, 1 sent');
  const again = popup.locator('[data-testid="false-alarm"][data-detector="email"]');
  await expect(again).toBeDisabled();
  await expect(again).toHaveText(/^Reported/);
  await new Promise((r) => setTimeout(r, 2000));
  expect(await alarms()).toHaveLength(1);
  await popup.close();
  await page.close();
});
