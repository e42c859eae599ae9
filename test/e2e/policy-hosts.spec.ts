/**
 * Hosts IT adds in policy (issue 4), end to end: Debian's Chromium with a COPY of the built
 * extension (its own key, so its own id) and a REAL managed policy file naming two hosts in no
 * catalogue entry, both served by the test (Playwright routes; nothing leaves the machine):
 *
 * - chat.hush-fixture.example, an extra unapproved AI site Hush has access to: the background
 *   registers the guard and the backstop there at runtime, a pasted email is masked, and the
 *   page's fetch is hooked;
 * - help.hush-fixture.example, an extra support tool Hush has NO access to: nothing runs there,
 *   and the options page says it is not guarded yet, why, and offers to allow it.
 *
 * Access to the first host is granted the way an install grants it (the copy's manifest lists
 * it under host_permissions): headless Chromium cannot click the permission prompt that the
 * options page's button opens, and ExtensionSettings' `runtime_allowed_hosts` grants no access
 * (it only exempts hosts from `runtime_blocked_hosts`; see docs/deploy/README.md). Hush's code
 * path is the same either way: it asks permissions.contains. When IT removes the host, the
 * registration goes and a new page there is unguarded. All values are made up.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
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

const AI = 'chat.hush-fixture.example';
const SUPPORT = 'help.hush-fixture.example';
const EMAIL = 'jane.roe@mailbox-example.net';

let context: BrowserContext;
let profile: string;
let worker: Worker;
let extension: Awaited<ReturnType<typeof copyWithOwnKey>> | undefined;
let extensionId: string;
let policyFile: ManagedPolicyFile | undefined;
const sites: ChatSite[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  extension = await copyWithOwnKey(EXTENSION_DIR, 'hush-policy-hosts-');
  extensionId = extension.id;
  // Host access to the AI host, as granted (see the module comment); none to the support host.
  const manifestPath = join(extension.dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = [`*://${AI}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));

  policyFile = managedPolicyFile(extensionId, 'policy-hosts');
  policyFile.write({ policy: { sites: { unapprovedAi: [AI], supportTools: [SUPPORT] } } });

  profile = mkdtempSync(join(tmpdir(), 'hush-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...extensionFlags(extension.dir), ...CHROMIUM_FLAGS],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  expect(new URL(worker.url()).host, 'the copy runs under its own id').toBe(extensionId);
  for (const host of [AI, SUPPORT]) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: `https://${host}`,
    });
    sites.push(await serveChatSite(context, { host: `https://${host}`, editor: 'textarea' }));
  }
});

test.afterAll(async () => {
  policyFile?.remove();
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  extension?.remove();
});

/** The ids of the content scripts the extension has registered at runtime. */
function registered(): Promise<string[]> {
  return worker.evaluate(async () => {
    const chromeApi = (
      globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
      }
    ).chrome;
    return (await chromeApi.scripting.getRegisteredContentScripts()).map((s) => s.id).sort();
  });
}

async function open(host: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`https://${host}/`);
  await expect(page.locator('#status')).toHaveText('ready');
  return page;
}

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#prompt').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+V');
}

const fetchIsNative = (page: Page) => page.evaluate(() => String(fetch).includes('[native code]'));

test("the guard runs on IT's extra AI host, and goes when IT removes the host", async () => {
  test.setTimeout(120_000);
  // The first managed read takes seconds after start; the registration follows it.
  await expect
    .poll(registered, { timeout: 30_000 })
    .toEqual(['hush-policy-unapproved-ai-backstop', 'hush-policy-unapproved-ai-guard']);

  const page = await open(AI);
  await paste(page, `Write to ${EMAIL} today`);
  await expect(page.locator('#prompt')).toHaveValue('Write to [EMAIL_1] today');
  expect(await fetchIsNative(page), 'the backstop hooks fetch in the page').toBe(false);

  // The support host has no access: nothing runs there, the email pastes as it is.
  const support = await open(SUPPORT);
  await paste(support, `Write to ${EMAIL} today`);
  await expect(support.locator('#prompt')).toHaveValue(`Write to ${EMAIL} today`);
  expect(await fetchIsNative(support)).toBe(true);
  await support.close();

  // IT removes the AI host: the registration goes; a page opened now is not guarded.
  policyFile!.write({ policy: { sites: { supportTools: [SUPPORT] } } });
  await expect.poll(registered, { timeout: 30_000 }).toEqual([]);
  await page.reload();
  await expect(page.locator('#status')).toHaveText('ready');
  await paste(page, `Write to ${EMAIL} today`);
  await expect(page.locator('#prompt')).toHaveValue(`Write to ${EMAIL} today`);
  expect(await fetchIsNative(page)).toBe(true);
  await page.close();
  for (const site of sites) expect(site.requests).toEqual([]);
});

test('the options page names the host that is not guarded yet, and why', async () => {
  test.setTimeout(90_000);
  policyFile!.write({ policy: { sites: { unapprovedAi: [AI], supportTools: [SUPPORT] } } });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const list = page.getByTestId('coverage');
  const state = (pattern: string) => list.locator(`tr[data-pattern="${pattern}"]`);
  await expect(state(AI)).toHaveAttribute('data-state', 'guarded', { timeout: 30_000 });
  await expect(state(AI)).toContainText('Guarded.');
  await expect(state(SUPPORT)).toHaveAttribute('data-state', 'no-access');
  await expect(state(SUPPORT)).toContainText(
    'Not guarded yet: Hush has not been allowed to run on this site.',
  );
  await expect(list.getByRole('status')).toHaveText('1 of these sites is not guarded yet.');
  await expect(list.getByRole('button', { name: 'Allow Hush on this site' })).toBeVisible();
  await page.close();
});
