/**
 * Managed policy, end to end: Debian's Chromium with the built extension and a REAL managed
 * policy file under /etc/chromium/policies/managed/, as IT would deploy it. Without a restart:
 * IT's action change (email: mask -> block) shows in an open guarded page, IT's approval of a
 * site changes its class, and the options page shows where each value came from and refuses to
 * change locked fields while an unlocked preference can still be set.
 *
 * A policy file there applies to every Chromium on the machine. So that parallel test runs of
 * other engineers are not affected, this test loads a COPY of the built extension with a key of
 * its own (so its own id) and writes policy for that id only; the file is removed afterwards,
 * even when a test fails. All values are made up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
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
const EMAIL = 'jane.roe@mailbox-example.net';

let context: BrowserContext;
let profile: string;
let extension: Awaited<ReturnType<typeof copyWithOwnKey>> | undefined;
let extensionId: string;
let policyFile: ManagedPolicyFile | undefined;

function writePolicy(settings: Record<string, unknown>): void {
  policyFile!.write(settings);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  // A copy of the build with its own key: policy for this id touches no other test's browser.
  extension = await copyWithOwnKey(EXTENSION_DIR);
  extensionId = extension.id;
  policyFile = managedPolicyFile(extensionId, 'policy');

  profile = mkdtempSync(join(tmpdir(), 'hush-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...extensionFlags(extension.dir), ...CHROMIUM_FLAGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  expect(new URL(worker.url()).host, 'the copy runs under its own id').toBe(extensionId);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: AI_HOST });
});

test.afterAll(async () => {
  policyFile?.remove();
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  extension?.remove();
});

async function openOptions(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hush: policy and preferences');
  return page;
}

const row = (page: Page, field: string) => page.locator(`tr[data-field="${field}"]`);

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#prompt').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+V');
}

test('IT changes take effect in an open page without a restart', async () => {
  test.setTimeout(90_000);
  let site: ChatSite | undefined;
  try {
    site = await serveChatSite(context, { host: AI_HOST, editor: 'textarea' });
    const page = await context.newPage();
    await page.goto(site.url);
    await expect(page.locator('#status')).toHaveText('ready');
    const notice = page.locator('#hush-notice').getByRole('status');

    // No policy yet: the built-in rule masks an email on an unapproved AI site.
    await paste(page, `Write to ${EMAIL} today`);
    await expect(page.locator('#prompt')).toHaveValue('Write to [EMAIL_1] today');

    writePolicy({
      policy: { rules: { 'unapproved-ai': { byType: { EMAIL: 'block' } } } },
      locked: ['rules.unapproved-ai.byType'],
    });
    const options = await openOptions();
    // Chromium notices the file within seconds; the options page follows live.
    await expect(row(options, 'rules.unapproved-ai.byType')).toHaveAttribute(
      'data-source',
      'managed',
      {
        timeout: 30_000,
      },
    );
    await options.close();

    await paste(page, `Write to ${EMAIL} today`);
    await expect(notice).toContainText('Hush blocked this paste');
    await expect(page.locator('#prompt')).toHaveValue('');

    // IT approves the site: it becomes an approved AI tool, where an email is allowed.
    writePolicy({
      policy: {
        rules: { 'unapproved-ai': { byType: { EMAIL: 'block' } } },
        sites: {
          approved: [
            { pattern: 'chatgpt.com', name: 'ChatGPT Enterprise', zeroDataRetention: true },
          ],
        },
      },
    });
    await expect
      .poll(
        async () => {
          await paste(page, `Write to ${EMAIL} today`);
          return page.locator('#prompt').inputValue();
        },
        { timeout: 30_000, intervals: [1000] },
      )
      .toBe(`Write to ${EMAIL} today`);
    expect(site.requests).toEqual([]);
    await page.close();
  } finally {
    await site?.close();
  }
});

test('locked fields show as locked and cannot be changed; unlocked preferences can', async () => {
  test.setTimeout(90_000);
  writePolicy({
    tenantId: 'acme-e2e',
    enrollmentToken: 'e2e-token-not-secret',
    policy: { rules: { 'unapproved-ai': { strategy: 'redact' } }, telemetry: 'counts-and-reasons' },
    locked: ['rules.unapproved-ai.strategy', 'telemetry'],
  });
  const page = await openOptions();
  const locked = row(page, 'rules.unapproved-ai.strategy');
  await expect(locked).toHaveAttribute('data-source', 'managed', { timeout: 30_000 });
  await expect(locked).toHaveAttribute('data-locked', 'true');
  await expect(locked.getByTestId('lock')).toHaveText(/Locked by IT/);
  const lockedSelect = locked.getByRole('combobox');
  await expect(lockedSelect).toBeDisabled();
  await expect(lockedSelect).toHaveValue('redact');
  await expect(lockedSelect).toHaveAccessibleDescription('Locked by IT.');
  await expect(row(page, 'telemetry')).toHaveAttribute('data-locked', 'true');
  await expect(page.getByTestId('policy-summary')).toContainText('tenant acme-e2e');
  await expect(page.locator('body')).not.toContainText('e2e-token-not-secret');

  // A preference IT left open: the agent's choice is stored and applies.
  const approved = row(page, 'rules.approved-ai.strategy');
  await expect(approved).toHaveAttribute('data-source', 'default');
  await approved.getByRole('combobox').selectOption('synthetic');
  await expect(approved).toHaveAttribute('data-source', 'local');
  await expect(approved.getByRole('combobox')).toHaveValue('synthetic');

  // Even written around the page, a preference for a locked field does not apply.
  await page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { storage: { local: { set(items: object): Promise<void> } } };
      }
    ).chrome.storage.local.set({
      'policy:local': { version: 1, rules: { 'unapproved-ai': { strategy: 'synthetic' } } },
    }),
  );
  await page.reload();
  await expect(locked).toHaveAttribute('data-source', 'managed');
  await expect(locked.getByRole('combobox')).toHaveValue('redact');
  await page.close();
});

test("IT's disclosure text and approved alternative reach the first-visit notice", async () => {
  test.setTimeout(90_000);
  writePolicy({
    policy: {
      disclosure: {
        text: 'Example Corp reviews what you share with AI tools.',
        url: 'https://intranet.example.com/ai-policy',
      },
      approvedAlternative: { name: 'Company GPT', url: 'https://gpt.example.com/' },
    },
  });
  const options = await openOptions();
  await expect(row(options, 'disclosure.text')).toHaveAttribute('data-source', 'managed', {
    timeout: 30_000,
  });
  await options.close();
  const site = await serveChatSite(context, { host: 'https://claude.ai', editor: 'textarea' });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    const card = page.locator('#hush-first-visit').getByRole('region');
    await expect(card).toContainText('Example Corp reviews what you share with AI tools.');
    await expect(card.getByRole('link', { name: /Company GPT/ })).toHaveAttribute(
      'href',
      'https://gpt.example.com/',
    );
    await page.close();
  } finally {
    await site.close();
  }
});

test("a paste in the page's first moment waits for IT's policy instead of the defaults", async () => {
  test.setTimeout(90_000);
  writePolicy({ policy: { rules: { 'unapproved-ai': { byType: { EMAIL: 'block' } } } } });
  const options = await openOptions();
  await expect(row(options, 'rules.unapproved-ai.byType')).toHaveAttribute(
    'data-source',
    'managed',
    { timeout: 30_000 },
  );
  await options.close();
  // The page pastes while it is still being parsed: the guard is there (document_start), the
  // policy's answer is not yet, since the background is busy for a moment (as it may be with a
  // large upload to scan). A synthetic paste has no default action, so only the guard can put
  // text in; under the built-in defaults the email would go in masked.
  const html = `<!doctype html><meta charset="utf-8"><title>early paste</title>
<textarea id="prompt"></textarea>
<script>
  const el = document.getElementById('prompt');
  el.focus();
  const data = new DataTransfer();
  data.setData('text/plain', 'Write to ${EMAIL} today');
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
</script>`;
  const origin = 'https://gemini.google.com';
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  try {
    const page = await context.newPage();
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const busy = worker.evaluate(() => {
      const until = Date.now() + 1_500;
      while (Date.now() < until);
    });
    await page.goto(`${origin}/app`);
    await busy;
    await expect(page.locator('#hush-notice').getByRole('status')).toContainText(
      'Hush blocked this paste',
    );
    await expect(page.locator('#prompt')).toHaveValue('');
    await page.close();
  } finally {
    await context.unroute(`${origin}/**`);
  }
});
