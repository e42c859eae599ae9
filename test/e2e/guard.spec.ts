/**
 * The in-page guard, end to end: Debian's Chromium with the BUILT extension (.output/chrome-mv3;
 * run `npx wxt build` first), fixture chat pages with real editor libraries served at
 * https://chatgpt.com (a catalogue AI site, so class `unapproved-ai`: mask everything). For each
 * editor: a real paste (clipboard + Ctrl+V) is masked before the editor sees it; a typed raw
 * value stops the first send and is masked in the editor's model, the second send carries only
 * tokens; clean text goes out on the first send. A page in no class is left alone.
 * All values are made up (a Luhn-valid test-range card, an email on an invented domain).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { EXTENSION_DIR, expect, launchWithExtension, test } from './fixtures.ts';
import { buildSites } from './sites/build.mjs';
import { EDITORS, serveChatSite, type ChatSite, type Editor } from './sites/serve.ts';

const AI_HOST = 'https://chatgpt.com';
const UNGUARDED_HOST = 'https://example.org';
const EMAIL = 'jane.roe@mailbox-example.net';
const CARD = '4539 1488 0343 6467';
const PASTED = `Customer ${EMAIL} paid with ${CARD} yesterday.`;
const PASTED_MASKED = 'Customer [EMAIL_1] paid with [CREDIT_CARD_1] yesterday.';
const TYPED = `Refund ${EMAIL} please`;
const TYPED_MASKED = 'Refund [EMAIL_1] please';
const CLEAN = 'Please summarise the delivery delay policy in two lines.';
/** Every spelling of the raw values that must never be in a request. */
const RAW = [EMAIL, CARD, CARD.replace(/ /g, ''), 'mailbox-example'];

let context: BrowserContext;
let profile: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  ({ context, dir: profile } = await launchWithExtension());
  for (const origin of [AI_HOST, UNGUARDED_HOST]) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
});

test.afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  site: ChatSite;
  input: Locator;
  errors: string[];
}

let opened: Opened | undefined;

async function open(editor: Editor, host = AI_HOST): Promise<Opened> {
  const site = await serveChatSite(context, { host, editor });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url);
  await expect(page.getByRole('status').first()).toHaveText('ready');
  const input =
    editor === 'tinymce'
      ? page.frameLocator('#editor iframe').locator('body#prompt')
      : page.locator('#prompt');
  opened = { page, site, input, errors };
  return opened;
}

test.afterEach(async () => {
  if (!opened) return;
  const { page, site, errors } = opened;
  opened = undefined;
  expect(errors, 'no uncaught errors on the page').toEqual([]);
  await page.close();
  await site.close();
});

/** The editor's text as shown (textarea value, or rendered text), spaces normalised. */
async function shown(o: Opened, editor: Editor): Promise<string> {
  const raw = editor === 'textarea' ? await o.input.inputValue() : await o.input.innerText();
  return raw.replace(/\u00a0/g, ' ').trim();
}

function noRawValueSent(site: ChatSite): void {
  for (const request of site.requests) {
    for (const value of RAW)
      expect(request.body, 'a request carried a raw value').not.toContain(value);
  }
}

async function realPaste(o: Opened, text: string): Promise<void> {
  await o.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await o.input.click();
  await o.page.keyboard.press('Control+V');
}

const notice = (page: Page): Locator => page.locator('#hush-notice').getByRole('status');

for (const editor of EDITORS) {
  test.describe(editor, () => {
    test('a pasted email and card are masked before the editor sees them', async () => {
      const o = await open(editor);
      await realPaste(o, PASTED);
      await expect(notice(o.page)).toContainText('Hush masked 2 values (email, card)');
      await expect.poll(() => shown(o, editor)).toBe(PASTED_MASKED);
      await o.page.keyboard.press('Enter');
      await expect.poll(() => o.site.sentTexts()).toEqual([PASTED_MASKED]);
      noRawValueSent(o.site);
    });

    test('a typed raw value stops the first send, is masked in place, and the second send is masked', async () => {
      const o = await open(editor);
      await o.input.click();
      await o.page.keyboard.type(TYPED);
      await o.page.keyboard.press('Enter');
      await expect.poll(() => shown(o, editor)).toBe(TYPED_MASKED);
      await expect(notice(o.page)).toContainText('Hush masked 1 value (email)');
      expect(o.site.requests, 'the first send was stopped').toEqual([]);
      await o.page.keyboard.press('Enter');
      await expect.poll(() => o.site.sentTexts()).toEqual([TYPED_MASKED]);
      noRawValueSent(o.site);
    });

    test('clean text is sent unchanged on the first Enter', async () => {
      const o = await open(editor);
      await o.input.click();
      await o.page.keyboard.type(CLEAN);
      await o.page.keyboard.press('Enter');
      await expect.poll(() => o.site.sentTexts()).toEqual([CLEAN]);
      await expect(o.page.locator('#hush-notice')).toHaveCount(0);
    });
  });
}

test.describe('send button and Undo', () => {
  for (const editor of ['textarea', 'prosemirror'] as const) {
    test(`${editor}: the Send button is stopped once, the second click sends masked text`, async () => {
      const o = await open(editor);
      await o.input.click();
      await o.page.keyboard.type(TYPED);
      const send = o.page.getByRole('button', { name: 'Send' });
      await send.click();
      await expect.poll(() => shown(o, editor)).toBe(TYPED_MASKED);
      expect(o.site.requests).toEqual([]);
      await send.click();
      await expect.poll(() => o.site.sentTexts()).toEqual([TYPED_MASKED]);
      noRawValueSent(o.site);
    });

    test(`${editor}: Undo puts the pasted original back, and sending it masks it again`, async () => {
      const o = await open(editor);
      await realPaste(o, PASTED);
      await expect.poll(() => shown(o, editor)).toBe(PASTED_MASKED);
      await notice(o.page).getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => shown(o, editor)).toBe(PASTED);
      await expect(o.page.locator('#hush-notice')).toHaveCount(0);
      // Undo is for editing: what must be masked is still masked when it is sent.
      await o.page.keyboard.press('Enter');
      await expect.poll(() => shown(o, editor)).toBe(PASTED_MASKED);
      expect(o.site.requests).toEqual([]);
    });
  }
});

test.describe('a page in no class', () => {
  test('the manifest does not match it, and raw text is pasted and sent as it is', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      content_scripts: { matches: string[] }[];
    };
    const matches = manifest.content_scripts.flatMap((s) => s.matches);
    expect(matches).toContain('*://chatgpt.com/*');
    expect(matches.some((m) => m.includes('example.org') || m.includes('<all_urls>'))).toBe(false);

    const o = await open('textarea', UNGUARDED_HOST);
    await realPaste(o, PASTED);
    await expect.poll(() => shown(o, 'textarea')).toBe(PASTED);
    await o.page.keyboard.press('Enter');
    await expect.poll(() => o.site.sentTexts()).toEqual([PASTED]);
    await expect(o.page.locator('#hush-notice')).toHaveCount(0);
  });
});
