/**
 * The guard in editors that edit through a hidden input and draw a virtual view of their model
 * (Monaco, Ace, CodeMirror 5): Debian's Chromium with the BUILT extension, fixture pages at https://chatgpt.com
 * (class `unapproved-ai`: everything masked). The focused element of such an editor holds at most
 * the caret's line, so these tests put the value on ANOTHER line than the caret and send right
 * after typing (before the editor has drawn the last keystroke): the whole message must be read,
 * masked in the editor's model, and only tokens sent. guard.spec.ts runs the common cases over
 * every fixture editor; values are made up.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, launchWithExtension, test } from './fixtures.ts';
import { buildSites } from './sites/build.mjs';
import { serveChatSite, type ChatSite } from './sites/serve.ts';

const AI_HOST = 'https://chatgpt.com';
const VIRTUAL_EDITORS = ['monaco', 'ace', 'codemirror5'] as const;
type VirtualEditor = (typeof VIRTUAL_EDITORS)[number];
const EMAIL = 'jane.roe@mailbox-example.net';
const CARD = '4539 1488 0343 6467';
const FIRST = `Refund ${EMAIL} today`;
const FIRST_MASKED = 'Refund [EMAIL_1] today';
const SECOND = `and the card ${CARD}`;
const SECOND_MASKED = 'and the card [CREDIT_CARD_1]';

let context: BrowserContext;
let profile: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  ({ context, dir: profile } = await launchWithExtension());
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

async function open(editor: VirtualEditor): Promise<Opened> {
  const site = await serveChatSite(context, { host: AI_HOST, editor });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url);
  await expect(page.locator('#status')).toHaveText('ready');
  opened = { page, site, input: page.locator('#prompt'), errors };
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

/** The drawn lines (#prompt is the editor's view), spaces normalised. */
async function shown(o: Opened): Promise<string> {
  return (await o.input.innerText()).replace(/\u00a0/g, ' ').trim();
}

function noRawValueSent(site: ChatSite): void {
  for (const request of site.requests) {
    for (const value of [EMAIL, CARD, CARD.replace(/ /g, ''), 'mailbox-example']) {
      expect(request.body, 'a request carried a raw value').not.toContain(value);
    }
  }
}

const notice = (page: Page): Locator => page.locator('#hush-notice').getByRole('status');

for (const editor of VIRTUAL_EDITORS) {
  test.describe(editor, () => {
    test('values on every line, caret on the last: Enter masks the whole message in place', async () => {
      const o = await open(editor);
      await o.input.click();
      await o.page.keyboard.type(FIRST);
      await o.page.keyboard.press('Shift+Enter');
      await o.page.keyboard.type(SECOND);
      await o.page.keyboard.press('Enter');
      await expect.poll(() => shown(o)).toBe(`${FIRST_MASKED}\n${SECOND_MASKED}`);
      await expect(notice(o.page)).toContainText('Hush masked 2 values');
      expect(o.site.requests, 'the first send was stopped').toEqual([]);
      await o.page.keyboard.press('Enter');
      await expect.poll(() => o.site.sentTexts()).toEqual([`${FIRST_MASKED}\n${SECOND_MASKED}`]);
      noRawValueSent(o.site);
    });

    test('the caret on a clean line after a value: the Send button is stopped, then sends tokens', async () => {
      const o = await open(editor);
      await o.input.click();
      await o.page.keyboard.type(FIRST);
      await o.page.keyboard.press('Shift+Enter');
      await o.page.keyboard.type('thanks');
      const send = o.page.getByRole('button', { name: 'Send', exact: true });
      await send.click();
      await expect.poll(() => shown(o)).toBe(`${FIRST_MASKED}\nthanks`);
      expect(o.site.requests).toEqual([]);
      await send.click();
      await expect.poll(() => o.site.sentTexts()).toEqual([`${FIRST_MASKED}\nthanks`]);
      noRawValueSent(o.site);
    });

    test('clean lines go out on the first Enter, as they are', async () => {
      const o = await open(editor);
      await o.input.click();
      await o.page.keyboard.type('Please summarise');
      await o.page.keyboard.press('Shift+Enter');
      await o.page.keyboard.type('the delay policy.');
      await o.page.keyboard.press('Enter');
      await expect.poll(() => o.site.sentTexts()).toEqual(['Please summarise\nthe delay policy.']);
      await expect(o.page.locator('#hush-notice')).toHaveCount(0);
    });
  });
}
