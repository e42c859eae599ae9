/**
 * The network backstop, end to end: Debian's Chromium with the BUILT extension (run `npx wxt
 * build` first) and the `script-send` fixture page, which sends text from script with no editor
 * at all: fetch (string, Blob, Request, URL-encoded, multipart with a text file, a stream, an
 * oversized body), XMLHttpRequest (string, bytes, Blob, multipart), sendBeacon (string, Blob),
 * WebSocket (string, Blob; answered by routeWebSocket), form.submit(), and fetch from a frame
 * the page has just made. The guard's editor hooks never see any of it: only the MAIN-world
 * backstop can stop it.
 *
 * On https://chatgpt.com (unapproved AI: every type is masked, fail closed) a raw value never
 * reaches any captured request or socket message, and each stop looks like a network failure to
 * the page. Clean and already-masked text goes through on the first send. On a support tool the
 * rules differ (emails go, cards and keys stop; fail open). On a host in no class nothing is
 * hooked. All values are made up.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launchWithExtension, test } from './fixtures.ts';
import { buildSites } from './sites/build.mjs';
import { serveChatSite, type ChatSite } from './sites/serve.ts';

const AI_HOST = 'https://chatgpt.com';
const SUPPORT_HOST = 'https://acme.zendesk.com';
const UNGUARDED_HOST = 'https://example.org';

const EMAIL = 'jane.roe@mailbox-example.net';
const CARD = '4539 1488 0343 6467';
const SSN = '536-22-8817';
const KEY = 'ghp_R8x2Kq9LmP4vN7tZ1wY6sH3jD5fB0cA8eG2u';
const MRN = 'MRN: 48213377';
const PHONE = '+44 20 7946 0958';
const ADDRESS = '42 Harbour Lane, Bristol BS1 4QA';
/** One value of each group, so every channel is tried with a different kind of data. */
const RAW_TEXTS = [
  `Refund ${EMAIL} today`,
  `Card on file ${CARD}, expiry next year`,
  `Customer SSN ${SSN} for the claim`,
  `Deploy with token ${KEY} please`,
  `Patient ${MRN} asked about the results`,
  `Call back on ${PHONE} after five`,
  `Ship it to ${ADDRESS} by Friday`,
];
/** Every spelling of a raw value that must never be in a request. */
const RAW = [
  EMAIL,
  'mailbox-example',
  CARD,
  CARD.replace(/ /g, ''),
  SSN,
  KEY,
  '48213377',
  '7946 0958',
  'Harbour Lane',
];
const CLEAN = 'Please summarise the delivery delay policy in two lines.';
const MASKED = 'Refund [EMAIL_1] for the card •••• •••• •••• 6467 on [PHONE_2], as agreed.';
const STOPPED = 'TypeError Hush stopped this request';

/** Buttons of the fixture page, by the log name each writes. */
const CHANNELS = {
  fetch: 'send-fetch',
  xhr: 'send-xhr',
  beacon: 'send-beacon',
  form: 'send-form',
  ws: 'send-ws',
  'ws-blob': 'send-ws-blob',
  multipart: 'send-multipart',
  'multipart-xhr': 'send-multipart-xhr',
  blob: 'send-blob',
  'blob-xhr': 'send-blob-xhr',
  'bytes-xhr': 'send-bytes-xhr',
  request: 'send-request',
  'beacon-blob': 'send-beacon-blob',
  urlencoded: 'send-urlencoded',
  stream: 'send-stream',
  large: 'send-large',
  frame: 'send-frame',
} as const;
type ChannelName = keyof typeof CHANNELS;

/** How the page sees a stopped request on each channel. */
const STOPPED_LOOKS: Record<Exclude<ChannelName, 'stream' | 'large'>, string> = {
  fetch: STOPPED,
  xhr: 'error, state 4',
  beacon: 'false',
  form: 'submitted',
  ws: 'sent, open',
  'ws-blob': 'sent, open',
  multipart: STOPPED,
  'multipart-xhr': 'error, state 4',
  blob: STOPPED,
  'blob-xhr': 'error, state 4',
  'bytes-xhr': 'error, state 4',
  request: STOPPED,
  // A beacon with a Blob must answer before its body is read: it says queued, then is dropped.
  'beacon-blob': 'true',
  urlencoded: STOPPED,
  frame: STOPPED,
};
const CHECKED = Object.keys(STOPPED_LOOKS) as (keyof typeof STOPPED_LOOKS)[];

let context: BrowserContext;
let profile: string;
/** Every message any page sent over a WebSocket, across the run (reset per test). */
let socketMessages: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  ({ context, dir: profile } = await launchWithExtension());
  await context.routeWebSocket(/\/api\/ws$/, (ws) => {
    ws.onMessage((message) => socketMessages.push(String(message)));
  });
});

test.afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  site: ChatSite;
  errors: string[];
}
let opened: Opened | undefined;

async function open(host: string): Promise<Opened> {
  socketMessages = [];
  const site = await serveChatSite(context, { host, editor: 'script-send' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url);
  await expect(page.locator('#status')).toHaveText('ready');
  opened = { page, site, errors };
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

/** The page's log lines. */
function log(page: Page): Promise<string[]> {
  return page.locator('#log li').allTextContents();
}

/**
 * Sends `text` through `channel` and waits until the page has logged how it went; returns that
 * line without its name. The click is dispatched straight to the button: the first-visit notice
 * may cover it, and the point here is the script path, not the pointer.
 */
async function send(page: Page, channel: ChannelName, text: string): Promise<string> {
  // A hidden field: an editable one would be the guard's send interception's business.
  await page.locator('#script-text').evaluate((el, value) => {
    (el as HTMLInputElement).value = value;
  }, text);
  const before = (await log(page)).length;
  await page.locator(`button[data-testid=${CHANNELS[channel]}]`).dispatchEvent('click');
  await expect.poll(async () => (await log(page)).length, { timeout: 10_000 }).toBe(before + 1);
  const line = (await log(page))[before]!;
  expect(line.startsWith(`${channel}: `), line).toBe(true);
  return line.slice(channel.length + 2);
}

/** What every captured request and socket message carried, URL-decoded where it was encoded. */
function everythingSent(site: ChatSite): string[] {
  const bodies = site.requests.map((r) => r.body).concat(socketMessages);
  return bodies.map((b) => {
    if (!/^[^\s=&]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*$/.test(b)) return b;
    return decodeURIComponent(b.replace(/\+/g, ' '));
  });
}

function expectNoRawValue(site: ChatSite): void {
  const all = site.requests.map((r) => r.body).concat(socketMessages, everythingSent(site));
  for (const body of all) {
    for (const raw of RAW) expect(body, 'a raw value left the page').not.toContain(raw);
  }
}

/** A clean fetch and a clean socket message, both awaited: delayed sends have settled by then. */
async function settle(o: Opened): Promise<void> {
  const requests = o.site.requests.length;
  const messages = socketMessages.length;
  expect(await send(o.page, 'fetch', CLEAN)).toBe('200');
  expect(await send(o.page, 'ws', CLEAN)).toBe('sent, open');
  await expect.poll(() => o.site.requests.length).toBeGreaterThan(requests);
  await expect.poll(() => socketMessages.length).toBeGreaterThan(messages);
}

/** The notice's text (in its shadow root), or '' when there is none. */
async function noticeText(page: Page): Promise<string> {
  const host = page.locator('#hush-notice');
  if ((await host.count()) === 0) return '';
  return host.evaluate((el) => el.shadowRoot?.textContent ?? '');
}

test.describe('on an unapproved AI site', () => {
  test('a raw value is stopped on every channel, and each stop looks like a network failure', async () => {
    const o = await open(AI_HOST);
    const seen: Record<string, string> = {};
    for (const [i, channel] of CHECKED.entries()) {
      seen[channel] = await send(o.page, channel, RAW_TEXTS[i % RAW_TEXTS.length]!);
    }
    for (const channel of CHECKED) {
      expect(seen[channel], channel).toContain(STOPPED_LOOKS[channel]);
    }
    await settle(o);
    expectNoRawValue(o.site);
    // Only the two clean sentinel sends arrived.
    expect(o.site.requests.map((r) => JSON.parse(r.body) as unknown)).toEqual([{ text: CLEAN }]);
    expect(socketMessages).toEqual([JSON.stringify({ text: CLEAN })]);
  });

  test('the notice names the types and never the value', async () => {
    const o = await open(AI_HOST);
    expect(await send(o.page, 'xhr', `Customer ${EMAIL} paid with ${CARD}`)).toContain('error');
    await expect.poll(() => noticeText(o.page)).toContain('Hush stopped a request');
    const text = await noticeText(o.page);
    expect(text).toMatch(/email/);
    expect(text).toMatch(/card/);
    for (const raw of RAW) expect(text).not.toContain(raw);
    expect(o.site.requests).toEqual([]);
  });

  test('clean text goes through unchanged on the first send, on every channel', async () => {
    const o = await open(AI_HOST);
    for (const channel of CHECKED) {
      const result = await send(o.page, channel, CLEAN);
      expect(result, channel).not.toContain('error');
      expect(result, channel).not.toContain('Hush');
      expect(result, channel).not.toBe('false');
    }
    // fetch x6 + xhr x4 + beacon x2 + form = 13 requests; 2 socket messages.
    await expect.poll(() => o.site.requests.length).toBe(13);
    await expect.poll(() => socketMessages.length).toBe(2);
    for (const body of everythingSent(o.site)) expect(body).toContain('delivery delay policy');
    expect(o.site.sentTexts().filter((t) => t === CLEAN).length).toBeGreaterThanOrEqual(4);
  });

  test('text Hush already masked goes through', async () => {
    const o = await open(AI_HOST);
    for (const channel of ['fetch', 'xhr', 'beacon', 'ws', 'multipart', 'blob-xhr'] as const) {
      const result = await send(o.page, channel, MASKED);
      expect(result, channel).not.toContain('error');
      expect(result, channel).not.toContain('Hush');
    }
    await expect.poll(() => o.site.requests.length).toBe(5);
    await expect.poll(() => socketMessages).toEqual([JSON.stringify({ text: MASKED })]);
    expect(o.site.sentTexts().length).toBeGreaterThanOrEqual(2);
    for (const text of o.site.sentTexts()) expect(text).toBe(MASKED);
  });

  test('a body Hush cannot read is stopped (fail closed)', async () => {
    const o = await open(AI_HOST);
    expect(await send(o.page, 'stream', CLEAN)).toContain(STOPPED);
    expect(await send(o.page, 'large', CLEAN)).toContain(STOPPED);
    await expect.poll(() => noticeText(o.page)).toContain('could not check');
    await settle(o);
    expect(o.site.requests.map((r) => JSON.parse(r.body) as unknown)).toEqual([{ text: CLEAN }]);
  });

  test('the hooks keep the names and lengths of the functions they wrap', async () => {
    const o = await open(AI_HOST);
    const shape = await o.page.evaluate(() => [
      [fetch.name, fetch.length, 'prototype' in fetch],
      [XMLHttpRequest.prototype.send.name, XMLHttpRequest.prototype.send.length],
      [XMLHttpRequest.prototype.open.name, XMLHttpRequest.prototype.open.length],
      [WebSocket.prototype.send.name, WebSocket.prototype.send.length],
      [navigator.sendBeacon.name, navigator.sendBeacon.length],
      [HTMLFormElement.prototype.submit.name, HTMLFormElement.prototype.submit.length],
      String(fetch).includes('[native code]'),
    ]);
    expect(shape).toEqual([
      ['fetch', 1, false],
      ['send', 0],
      ['open', 2],
      ['send', 1],
      ['sendBeacon', 1],
      ['submit', 0],
      // toString is not disguised: the hook is there for honest pages, not hidden from them.
      false,
    ]);
  });
});

test('on a support tool, the support rules apply: emails go, cards and keys stop; fail open', async () => {
  const o = await open(SUPPORT_HOST);
  expect(await send(o.page, 'fetch', `Reply to ${EMAIL} about the refund`)).toBe('200');
  expect(await send(o.page, 'fetch', `Card on file ${CARD}`)).toContain(STOPPED);
  expect(await send(o.page, 'ws', `Deploy with token ${KEY}`)).toBe('sent, open');
  expect(await send(o.page, 'large', CLEAN)).toBe('200');
  await settle(o);
  const sent = everythingSent(o.site).join('\n');
  expect(sent).toContain(EMAIL);
  expect(sent).not.toContain(CARD);
  expect(sent).not.toContain(KEY);
});

test('a page in no class is not hooked, and its requests go out as they are', async () => {
  const o = await open(UNGUARDED_HOST);
  expect(await o.page.evaluate(() => String(fetch).includes('[native code]'))).toBe(true);
  expect(await send(o.page, 'fetch', RAW_TEXTS[0]!)).toBe('200');
  expect(await send(o.page, 'beacon', RAW_TEXTS[1]!)).toBe('true');
  expect(await send(o.page, 'ws', RAW_TEXTS[2]!)).toBe('sent, open');
  await expect.poll(() => o.site.requests.length).toBe(2);
  await expect.poll(() => socketMessages.length).toBe(1);
  expect(o.site.sentTexts()).toEqual([RAW_TEXTS[0]]);
  expect(await noticeText(o.page)).toBe('');
});
