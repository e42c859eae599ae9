/**
 * "Publishing a policy changes what a browser with the extension does" (issue 6), end to end: the
 * REAL backend with the dashboard (dashboard-harness.ts), Debian's Chromium with a copy of the built
 * extension (HUSH_OUT_DIR) under REAL managed policy naming that backend, its tenant and pinned key,
 * and a fixture chat page served at chatgpt.com (an unapproved AI site by default).
 *
 * The browser enrolls and applies revision 2 (the built-in rules: an email address pasted into an
 * unapproved AI site is masked). An admin then changes the policy in the dashboard's form (email:
 * block) and publishes it there. After the browser's next policy check the same paste is blocked.
 * The sync helpers below follow test/e2e/sync.spec.ts. All values are made up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { DashboardHarness } from './dashboard-harness.ts';
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

test.describe.configure({ mode: 'serial' });

const AI_HOST = 'https://chatgpt.com';
const EMAIL = 'ilse.brandvold@kestrel-example.net';

const h = new DashboardHarness();
let extension: Awaited<ReturnType<typeof copyWithOwnKey>>;
let policyFile: ManagedPolicyFile;
let profile: string;
let context: BrowserContext;
let site: ChatSite;

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

async function pasteEmail(page: Page): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), `Write to ${EMAIL} today`);
  await page.locator('#prompt').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+V');
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await buildSites();
  await h.start({ seed: 7007 });
  const key = h.db
    .prepare('select public_key from signing_keys where tenant_id = ? and retired_at is null')
    .get(h.tenantId) as { public_key: string };
  extension = await copyWithOwnKey(EXTENSION_DIR, 'hush-publish-ext-');
  policyFile = managedPolicyFile(extension.id, 'policy-publish');
  policyFile.write({
    backendUrl: h.base,
    tenantId: h.tenantId,
    enrollmentToken: h.enrollmentToken,
    policySigningKey: key.public_key,
    user: { id: 'agent-e2e-0042', team: 'Billing' },
  });
  profile = mkdtempSync(join(tmpdir(), 'hush-publish-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...extensionFlags(extension.dir), ...CHROMIUM_FLAGS],
  });
  expect(new URL((await worker()).url()).host).toBe(extension.id);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: AI_HOST });
  site = await serveChatSite(context, { host: AI_HOST, editor: 'textarea' });
});

test.afterAll(async () => {
  policyFile?.remove();
  await site?.close();
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  extension?.remove();
  await h.stop();
});

test('a policy published in the dashboard changes what the extension does on an AI page', async () => {
  test.setTimeout(180_000);
  const devices = () =>
    (
      h.db.prepare('select count(*) as n from devices where tenant_id = ?').get(h.tenantId) as {
        n: number;
      }
    ).n;
  // The harness seeded 5 devices; the browser makes the sixth.
  await expect.poll(devices, { timeout: 60_000 }).toBe(6);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extension.id}/options.html`);
  const lastSync = options.getByTestId('last-sync');
  // A second sync right after the first may answer "Up to date (revision 2)" instead.
  await expect(lastSync).toContainText('(revision 2)', { timeout: 60_000 });

  // Revision 2 is `{"version": 1}`: the built-in rules mask an email on an unapproved AI site.
  const page = await context.newPage();
  await page.goto(site.url);
  await expect(page.locator('#status')).toHaveText('ready');
  await pasteEmail(page);
  await expect(page.locator('#hush-notice').getByRole('status')).toContainText('Hush masked');
  const masked = await page.locator('#prompt').inputValue();
  expect(masked).toMatch(/^Write to .+ today$/);
  expect(masked).not.toContain(EMAIL);

  // The admin blocks email addresses on unapproved AI sites, in the dashboard, and publishes.
  const dash = await h.newPage();
  await h.signIn(dash, h.people.admin);
  await dash.goto(`${h.base}/dashboard/policy`);
  const ai = dash.locator('[data-section="class-unapproved-ai"]');
  await ai.getByLabel('Type to add to Action per data type').selectOption('EMAIL');
  await ai.getByLabel('Choice to add to Action per data type').selectOption('block');
  await ai.getByRole('button', { name: 'Add to Action per data type' }).click();
  await dash.getByRole('button', { name: 'Publish…' }).click();
  await dash
    .getByRole('dialog', { name: 'Publish revision 3?' })
    .getByRole('button', { name: 'Publish', exact: true })
    .click();
  await expect(
    dash.getByRole('status').filter({ hasText: 'Published as revision 3.' }),
  ).toBeVisible();
  const row = h.db
    .prepare('select document from policies where tenant_id = ? and revision = 3')
    .get(h.tenantId) as { document: string };
  expect(JSON.parse(row.document)).toEqual({
    version: 1,
    rules: { 'unapproved-ai': { byType: { EMAIL: 'block' } } },
  });
  await dash.context().close();

  // The browser's next policy check (forced here instead of waiting for its 5-minute alarm)
  // takes revision 3, and the open page follows it without a reload: the same paste is blocked.
  await syncNow();
  await expect(lastSync).toHaveText(/^(New policy received|Up to date) \(revision 3\)/, {
    timeout: 60_000,
  });
  await expect
    .poll(
      async () => {
        await pasteEmail(page);
        return page.locator('#hush-notice').getByRole('status').textContent();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toContain('Hush blocked this paste');
  await expect(page.locator('#prompt')).toHaveValue('');
  // Nothing was sent to the AI site in all this.
  expect(site.requests).toEqual([]);
  await page.close();
  await options.close();
});
