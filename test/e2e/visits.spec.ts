/**
 * AI visit counts reach the real backend, end to end (issue 4 for the Shadow AI page, issue 6):
 * Debian's Chromium with the BUILT extension (HUSH_OUT_DIR), fixture chat pages served at
 * chatgpt.com, chat.openai.com (ChatGPT's other host) and claude.ai at addresses whose paths and
 * queries hold made-up customer data, and
 * the real backend (server/app.ts on a real SQLite file) behind a real HTTP listener. IT's settings
 * come from a real managed-policy file for a copy of the build with its own id (managed-policy.ts),
 * as in upload.spec.ts, so the extension enrolls itself. Each top-frame page load is counted; about
 * a minute later (a one-shot alarm, lib/sync/visits-upload.ts) the counts arrive: one row per
 * (device, local day, site, host as visited) with the count, the page class, the user's pseudonym
 * and team, and nothing of the address. A later visit raises the same row; a visit to the site's
 * other host is a row of its own under that host.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext } from '@playwright/test';
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

// Made-up customer data in the addresses visited: none of it may reach the backend.
const EMAIL = 'orla.venn@quartz-example.net';
const TICKET = 'ticket-884213';
const CHAT_PAGE = `https://chatgpt.com/c/${TICKET}?q=${encodeURIComponent(EMAIL)}`;
const CLAUDE_PAGE = `https://claude.ai/chat/${TICKET}#${EMAIL}`;
const OPENAI_PAGE = `https://chat.openai.com/c/${TICKET}?q=${encodeURIComponent(EMAIL)}`;
const USER_ID = 'agent-0042@example.test';
const TEAM = 'Support EMEA';

let dataDir: string;
let db: Db;
let tenant: CreatedTenant;
let server: ServerType | null = null;
let profile: string;
let context: BrowserContext;
let extension: Awaited<ReturnType<typeof copyWithOwnKey>>;
let managed: ManagedPolicyFile;
let tenantKey: string;

/** The local calendar day, as lib/visits.ts counts it (the browser runs on this machine's zone). */
function localDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The backend's visit rows for this tenant, by site and host. */
function rows() {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('tenant_id', '=', tenant.tenantId)
    .orderBy('site_id')
    .orderBy('host')
    .execute();
}

/** Loads `url` in a new tab until the guard is running, then closes the tab. */
/**
 * Fires the visit uploader's one-shot alarm now instead of a minute after the visits (the same
 * alarm, by name, through the real chrome.alarms of the service worker: the upload path is the
 * one a browser takes; only the wait is cut, which kept this file at two minutes of CI).
 */
async function uploadNow(): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(
    (name) =>
      (
        globalThis as unknown as {
          chrome: { alarms: { create(n: string, a: { when: number }): Promise<void> } };
        }
      ).chrome.alarms.create(name, { when: Date.now() + 100 }),
    // VISIT_UPLOAD_ALARM in lib/sync/visits-upload.ts (an alarm name is forever); that module
    // needs the extension's storage, so it is not imported here.
    'hush:visit-upload',
  );
}

async function visit(url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('#status')).toHaveText('ready');
  await page.close();
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  dataDir = mkdtempSync(join(tmpdir(), 'hush-visits-e2e-'));
  db = openDb({ file: join(dataDir, 'hush.sqlite') });
  await migrate(db);
  tenant = await createTenant(db, { name: 'Visits E2E' });
  tenantKey = await pseudonymKey(db, tenant.tenantId, Date.now());
  const app = createApp({ db, log: silentLogger, now: Date.now, rateLimitPerMinute: 600 });
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  profile = mkdtempSync(join(tmpdir(), 'hush-visits-profile-'));
  extension = await copyWithOwnKey(EXTENSION_DIR, 'hush-visits-ext-');
  managed = managedPolicyFile(extension.id, 'visits');
  managed.write({
    backendUrl: `http://127.0.0.1:${port}`,
    tenantId: tenant.tenantId,
    enrollmentToken: tenant.enrollmentToken,
    pseudonymKey: tenantKey,
    user: { id: USER_ID, team: TEAM },
  });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...extensionFlags(extension.dir), ...CHROMIUM_FLAGS],
  });
  await (context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker'));
  await serveChatSite(context, { host: 'https://chatgpt.com', editor: 'textarea' });
  await serveChatSite(context, { host: 'https://claude.ai', editor: 'textarea' });
  await serveChatSite(context, { host: 'https://chat.openai.com', editor: 'textarea' });
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
  const s = server;
  if (s) {
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  }
  await db?.destroy();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('page loads of AI sites arrive as per-day counts, with no part of the address', async () => {
  test.setTimeout(180_000);
  const today = localDay(Date.now());
  await visit(CHAT_PAGE);
  await visit(CHAT_PAGE);
  await visit(CLAUDE_PAGE);
  // Sent on the uploader's one-shot alarm (a minute after a visit; fired now, see uploadNow).
  await uploadNow();
  await expect
    .poll(async () => (await rows()).map((r) => [r.site_id, Number(r.count)]), {
      timeout: 150_000,
      intervals: [2000],
    })
    .toEqual([
      ['chatgpt', 2],
      ['claude', 1],
    ]);
  const stored = await rows();
  const device = await db
    .selectFrom('devices')
    .select('id')
    .where('tenant_id', '=', tenant.tenantId)
    .executeTakeFirstOrThrow();
  for (const r of stored) {
    expect(r).toMatchObject({
      device_id: device.id,
      day: today,
      page_class: 'unapproved-ai',
      team: TEAM,
      // The pseudonym the backend's reveal check computes for IT's user id.
      user_pseudonym: pseudonymOf(tenantKey, USER_ID),
    });
  }
  // The host the agent used (chatgpt.com), not ChatGPT's first catalogue host (chat.openai.com).
  expect(stored.map((r) => r.host)).toEqual(['chatgpt.com', 'claude.ai']);
  const everything = JSON.stringify(stored);
  for (const raw of [EMAIL, TICKET, 'quartz-example', '/c/', '/chat/', 'https:']) {
    expect(everything).not.toContain(raw);
  }
});

/** Waits until the backend's visit rows are `expected` ([site, host, count], in table order). */
async function expectRows(expected: [string, string, number][]): Promise<void> {
  await expect
    .poll(async () => (await rows()).map((r) => [r.site_id, r.host, Number(r.count)]), {
      timeout: 150_000,
      intervals: [2000],
    })
    .toEqual(expected);
}

test('a later visit raises the same row; nothing is doubled', async () => {
  test.setTimeout(180_000);
  await visit(CHAT_PAGE);
  await uploadNow();
  await expectRows([
    ['chatgpt', 'chatgpt.com', 3],
    ['claude', 'claude.ai', 1],
  ]);
});

test("a visit to the site's other host is reported under that host, beside the first", async () => {
  test.setTimeout(180_000);
  await visit(OPENAI_PAGE);
  await uploadNow();
  await expectRows([
    ['chatgpt', 'chat.openai.com', 1],
    ['chatgpt', 'chatgpt.com', 3],
    ['claude', 'claude.ai', 1],
  ]);
  const everything = JSON.stringify(await rows());
  for (const raw of [EMAIL, TICKET, 'quartz-example', '/c/', 'https:']) {
    expect(everything).not.toContain(raw);
  }
});
