/**
 * The in-page guard, end to end: Debian's Chromium with the BUILT extension (.output/chrome-mv3;
 * run `npx wxt build` first), fixture chat pages with real editor libraries served at
 * https://chatgpt.com (a catalogue AI site, so class `unapproved-ai`: mask everything). For each
 * editor, with a value of every group (contact, address, payment, government id, health, secret):
 * a real paste (clipboard + Ctrl+V) is masked before the editor sees it; typed values stop the
 * first send and are masked in the editor's model, the second send carries only tokens; no raw
 * value is in any request; clean text goes out on the first send. A page in no class is left
 * alone. All values are made up (a Luhn-valid test-range card, an email on an invented domain).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { EXTENSION_DIR, expect, launchWithExtension, test } from './fixtures.ts';
import { buildSites } from './sites/build.mjs';
import {
  EDITORS,
  FRAME_EDITORS,
  TEXTAREA_EDITORS,
  serveChatSite,
  type ChatSite,
  type Editor,
  type Page as FixturePage,
} from './sites/serve.ts';

const AI_HOST = 'https://chatgpt.com';
const UNGUARDED_HOST = 'https://example.org';
const EMAIL = 'jane.roe@mailbox-example.net';
const CARD = '4539 1488 0343 6467';
/**
 * One made-up value of every group issue 3 names: contact (name, email, phone), address,
 * payment (card, IBAN), government id (SSN), health (medical record number) and a secret.
 * No brackets or line-leading digits: editors auto-close and auto-list those while typing.
 */
const VALUES = {
  name: 'Maria Jensen',
  email: EMAIL,
  phone: '+44 20 7946 0958',
  address: '42 Elm Street, Springfield, IL 62704',
  card: CARD,
  iban: 'DE89 3704 0044 0532 0130 00',
  ssn: '536-22-8714',
  mrn: '00482913',
  token: 'ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12',
};
const EVERY_GROUP =
  `Customer ${VALUES.name}, ${VALUES.email}, phone ${VALUES.phone}, lives at ${VALUES.address}. ` +
  `Card ${VALUES.card}, IBAN ${VALUES.iban}, SSN ${VALUES.ssn}, MRN ${VALUES.mrn}, ` +
  `token ${VALUES.token} for the refund.`;
const EVERY_GROUP_MASKED =
  'Customer [PERSON_1], [EMAIL_1], phone [PHONE_1], lives at [ADDRESS_1]. ' +
  'Card [CREDIT_CARD_1], IBAN [IBAN_1], SSN [US_SSN_1], MRN [MEDICAL_RECORD_1], ' +
  'token [API_KEY_1] for the refund.';
const PASTED = EVERY_GROUP;
const PASTED_MASKED = EVERY_GROUP_MASKED;
const TYPED = EVERY_GROUP;
const TYPED_MASKED = EVERY_GROUP_MASKED;
const CLEAN = 'Please summarise the delivery delay policy in two lines.';
/** Every spelling of the raw values that must never be in a request. */
const RAW = [
  ...Object.values(VALUES),
  ...Object.values(VALUES).map((v) => v.replace(/[ -]/g, '')),
  'mailbox-example',
  'Jensen',
  'Elm Street',
];

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

async function open(editor: FixturePage, host = AI_HOST): Promise<Opened> {
  const site = await serveChatSite(context, { host, editor });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url);
  await expect(page.locator('#status')).toHaveText('ready');
  const input = FRAME_EDITORS.includes(editor)
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
  const raw = TEXTAREA_EDITORS.includes(editor)
    ? await o.input.inputValue()
    : await o.input.innerText();
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

/**
 * Types a value of every group (after `pauseMs`, Enter): the first send is stopped and the text
 * masked in place (`read` gives the editor's text), the second sends the masked text only.
 */
async function typedSendIsMasked(
  o: Opened,
  read: () => Promise<string>,
  pauseMs = 0,
): Promise<void> {
  await o.input.click();
  await o.page.keyboard.type(TYPED);
  if (pauseMs > 0) await o.page.waitForTimeout(pauseMs);
  await o.page.keyboard.press('Enter');
  await expect.poll(read).toBe(TYPED_MASKED);
  await expect(notice(o.page)).toContainText('Hush masked 9 values');
  expect(o.site.requests, 'the first send was stopped').toEqual([]);
  await o.page.keyboard.press('Enter');
  await expect.poll(() => o.site.sentTexts()).toEqual([TYPED_MASKED]);
  noRawValueSent(o.site);
}

// One page per editor: clean text, a paste and typed values one after another on it (each send
// clears the editor), so the suite loads each editor once instead of once per case.
for (const editor of EDITORS) {
  test(`${editor}: clean text goes out as it is; a paste and typed values of every group are masked`, async () => {
    const o = await open(editor);

    await test.step('clean text is sent unchanged on the first Enter', async () => {
      await o.input.click();
      await o.page.keyboard.type(CLEAN);
      await o.page.keyboard.press('Enter');
      await expect.poll(() => o.site.sentTexts()).toEqual([CLEAN]);
      await expect(o.page.locator('#hush-notice')).toHaveCount(0);
      o.site.forget();
    });

    await test.step('a paste with a value of every group is masked before the editor sees it', async () => {
      await realPaste(o, PASTED);
      await expect(notice(o.page)).toContainText('Hush masked 9 values');
      await expect.poll(() => shown(o, editor)).toBe(PASTED_MASKED);
      await o.page.keyboard.press('Enter');
      await expect.poll(() => o.site.sentTexts()).toEqual([PASTED_MASKED]);
      noRawValueSent(o.site);
      o.site.forget();
    });

    await test.step('typed values of every group stop the first send, are masked in place, and the second send is masked', async () => {
      // The paste's notice may still be up: the one read below must be the typed send's.
      await o.page.evaluate((id) => document.getElementById(id)?.remove(), 'hush-notice');
      await typedSendIsMasked(o, () => shown(o, editor));
    });
  });
}

test.describe('a send after a pause in typing', () => {
  // The overlay scans the text during the pause (its longest delay is 900 ms), and the send is
  // decided on those findings instead of a second scan inside the key handler.
  for (const editor of ['textarea', 'prosemirror'] as const) {
    test(`${editor}: is decided on the overlay's findings, masked and stopped the same way`, async () => {
      const o = await open(editor);
      await typedSendIsMasked(o, () => shown(o, editor), 1500);
    });
  }
});

test.describe('a composer inside a closed shadow root', () => {
  // Its events reach the guard from the host element; the guard looks in through the extension
  // API (chrome.dom.openOrClosedShadowRoot). The page's own code reads the field for the test.
  const composerText = (o: Opened): Promise<string> =>
    o.page.evaluate(() => window.__composerText?.() ?? '');

  test('typed values stop the first send and are masked in place; the second send is masked', async () => {
    const o = await open('closed-shadow');
    await typedSendIsMasked(o, () => composerText(o));
  });

  test('a paste is masked before the field sees it', async () => {
    const o = await open('closed-shadow');
    await realPaste(o, PASTED);
    await expect(notice(o.page)).toContainText('Hush masked 9 values');
    await expect.poll(() => composerText(o)).toBe(PASTED_MASKED);
    await o.page.keyboard.press('Enter');
    await expect.poll(() => o.site.sentTexts()).toEqual([PASTED_MASKED]);
    noRawValueSent(o.site);
  });
});

test.describe('send button and Undo', () => {
  for (const editor of ['textarea', 'prosemirror'] as const) {
    test(`${editor}: the Send button is stopped once, the second click sends masked text`, async () => {
      const o = await open(editor);
      await o.input.click();
      await o.page.keyboard.type(TYPED);
      const send = o.page.getByRole('button', { name: 'Send', exact: true });
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
