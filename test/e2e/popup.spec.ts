/**
 * Incidents, the per-tab summary, the popup and the shadow-AI visit count, end to end: Debian's
 * Chromium with the BUILT extension, fixture chat pages served at catalogue hosts. A masked paste
 * on an AI site becomes an incident in the service worker's IndexedDB (types and counts, no
 * value), the popup shows the site's class and what Hush did on the page the tab shows now, and
 * each page load of an AI site counts one visit. All values are made up.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, launchWithExtension, test } from './fixtures.ts';
import { buildSites } from './sites/build.mjs';
import { serveChatSite, type ChatSite } from './sites/serve.ts';

const AI_HOST = 'https://chatgpt.com';
const SUPPORT_HOST = 'https://acme.zendesk.com';
const UNGUARDED_HOST = 'https://example.org';
const EMAIL = 'mara.quill@parcel-example.net';
const CARD = '4539 1488 0343 6467';
const PASTED = `Customer ${EMAIL} paid with ${CARD} yesterday.`;
/** Every spelling of the raw values that must never be stored anywhere. */
const RAW = [EMAIL, CARD, CARD.replace(/ /g, ''), 'parcel-example'];

let context: BrowserContext;
let profile: string;
let worker: Worker;
let extensionId: string;
const sites: ChatSite[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  ({ context, dir: profile } = await launchWithExtension());
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: AI_HOST });
  sites.push(await serveChatSite(context, { host: AI_HOST, editor: 'textarea' }));
  sites.push(await serveChatSite(context, { host: SUPPORT_HOST, editor: 'textarea' }));
  sites.push(await serveChatSite(context, { host: UNGUARDED_HOST, editor: 'textarea' }));
});

test.afterAll(async () => {
  for (const site of sites) await site.close();
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

interface StoredIncident {
  id: string;
  siteId: string | null;
  host: string;
  pageClass: string;
  channel: string;
  action: string;
  outcome: string;
  counts: Record<string, number>;
  state: string;
  sentAt: number | null;
}

/** Every record in the service worker's incident database, read there with plain IndexedDB. */
function incidents(): Promise<StoredIncident[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredIncident[]>((resolve, reject) => {
        const open = indexedDB.open('hush-incidents');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('incidents')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('incidents').objectStore('incidents').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as StoredIncident[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Everything the extension keeps in storage (session and local), as JSON. */
function storedJson(): Promise<string> {
  return worker.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const chrome = (globalThis as any).chrome;
    const [session, local] = await Promise.all([
      chrome.storage.session.get(null),
      chrome.storage.local.get(null),
    ]);
    return JSON.stringify({ session, local });
  });
}

/** The tab whose summary says it shows `host` (tab ids are the browser's; this finds ours). */
async function tabShowing(host: string): Promise<number> {
  let id: number | undefined;
  await expect
    .poll(async () => {
      const all = (await worker.evaluate(async () => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const got = await (globalThis as any).chrome.storage.session.get('tabSummaries');
        return got.tabSummaries ?? {};
      })) as Record<string, { host: string }>;
      id = Object.entries(all).find(([, s]) => s.host === host)?.[0] as unknown as number;
      return id;
    })
    .toBeDefined();
  return Number(id);
}

/** The visit log (lib/visits.ts, version 2): day -> site id -> host -> visits. */
async function visits(): Promise<Record<string, Record<string, Record<string, number>>>> {
  return worker.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const got = await (globalThis as any).chrome.storage.local.get('aiVisits');
    return got.aiVisits ?? {};
  });
}

async function openChat(host: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${host}/`);
  await expect(page.locator('#status')).toHaveText('ready');
  return page;
}

async function pasteInto(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#prompt').click();
  await page.keyboard.press('Control+V');
}

async function popupFor(tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('page-class')).toBeVisible();
  return popup;
}

test('a masked paste becomes an incident with types and counts, never the value', async () => {
  const page = await openChat(AI_HOST);
  await pasteInto(page, PASTED);
  await expect(page.locator('#prompt')).toHaveValue(/\[EMAIL_1\]/);

  await expect
    .poll(async () => (await incidents()).filter((r) => r.channel === 'paste').length)
    .toBe(1);
  const [record] = (await incidents()).filter((r) => r.channel === 'paste');
  expect(record).toMatchObject({
    siteId: 'chatgpt',
    host: 'chatgpt.com',
    pageClass: 'unapproved-ai',
    channel: 'paste',
    action: 'mask',
    outcome: 'masked',
    counts: { EMAIL: 1, CREDIT_CARD: 1 },
    state: 'pending',
    sentAt: null,
  });
  expect(record!.id).toMatch(/^[0-9a-f-]{36}$/);

  const everything = JSON.stringify(await incidents()) + (await storedJson());
  for (const value of RAW) expect(everything, 'a raw value was stored').not.toContain(value);
  await page.close();
});

test('the popup shows the site, its class and what Hush did on the page the tab shows now', async () => {
  const page = await openChat(AI_HOST);
  await pasteInto(page, PASTED);
  await expect(page.locator('#prompt')).toHaveValue(/\[CREDIT_CARD_1\]/);
  const tabId = await tabShowing('chatgpt.com');

  const popup = await popupFor(tabId);
  await expect(popup.getByRole('heading', { level: 2, name: /ChatGPT/ })).toBeVisible();
  await expect(popup.getByTestId('page-class')).toHaveText('Unapproved AI tool');
  const table = popup.getByRole('table', { name: 'What Hush did on this page, by type of data' });
  await expect(table.getByRole('row')).toHaveText([
    'ActionDataCount',
    /Masked\s*Email address\s*1/,
    /Masked\s*Payment card data\s*1/,
  ]);
  expect(await popup.content()).not.toContain('parcel-example');

  // A new page in the tab starts over.
  await page.reload();
  await expect(page.locator('#status')).toHaveText('ready');
  await popup.reload();
  await expect(popup.getByTestId('summary-empty')).toBeVisible();
  await expect(popup.getByTestId('page-class')).toHaveText('Unapproved AI tool');

  // A page Hush does not guard never shows the last guarded page's summary.
  await page.goto(`${UNGUARDED_HOST}/`);
  await expect(page.locator('#status')).toHaveText('ready');
  await popup.reload();
  await expect(popup.getByTestId('page-class')).toHaveText('Not guarded');
  await expect(popup.getByText('Hush does not check this page.')).toBeVisible();
  await expect(popup.getByTestId('summary')).toHaveCount(0);

  // A support tool is named as one.
  await page.goto(`${SUPPORT_HOST}/agent/tickets/1`);
  await expect(page.locator('#status')).toHaveText('ready');
  await popup.reload();
  await expect(popup.getByRole('heading', { level: 2, name: /Zendesk/ })).toBeVisible();
  await expect(popup.getByTestId('page-class')).toHaveText('Support tool');
  await popup.close();
  await page.close();
});

test('each page load of an AI site counts one visit for the day; support tools count none', async () => {
  const before = await visits();
  const page = await openChat(AI_HOST);
  await page.reload();
  await expect(page.locator('#status')).toHaveText('ready');
  await page.goto(`${SUPPORT_HOST}/agent`);
  await expect(page.locator('#status')).toHaveText('ready');
  await page.goto(`${UNGUARDED_HOST}/`);
  await expect(page.locator('#status')).toHaveText('ready');

  type Log = Awaited<ReturnType<typeof visits>>;
  const sum = (hosts: Record<string, number> | undefined): number =>
    Object.values(hosts ?? {}).reduce((n, c) => n + c, 0);
  const total = (log: Log, site: string): number =>
    Object.values(log).reduce((n, day) => n + sum(day[site]), 0);
  await expect
    .poll(async () => total(await visits(), 'chatgpt'))
    .toBe(total(before, 'chatgpt') + 2);
  const after = await visits();
  expect(total(after, 'zendesk')).toBe(0);
  // Keyed by the local day of the browser.
  const today = await worker.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  // Under the host as visited (AI_HOST), not ChatGPT's first catalogue host.
  expect(after[today]?.chatgpt?.['chatgpt.com'] ?? 0).toBeGreaterThanOrEqual(2);
  await page.close();
});
