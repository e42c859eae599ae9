/**
 * The upload guard, end to end: Debian's Chromium with the BUILT extension (run `npx wxt build`
 * first) and a fixture page that receives files like a chat site (a file input uploading on
 * `change`, a drop zone, a paste listener, a form posted with its file input), served at
 * https://chatgpt.com (class `unapproved-ai`: mask everything, fail closed), at a support tool
 * (warn on SSNs, fail open) and at a host in no class.
 *
 * Files are chosen with Playwright's setInputFiles from disk (the browser's own file selection: trusted
 * `input` and `change` events), dropped with the DevTools protocol's Input.dispatchDragEvent (a
 * trusted drop carrying files from disk) and pasted from the real clipboard (Ctrl+V). All
 * documents are built here; every value is made up.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { CARD, CLEAN, EMAIL, RAW, SSN, TICKET, docx, pdf, xlsx } from '../upload-samples.ts';
import { expect, launchWithExtension, test } from './fixtures.ts';
import { buildSites } from './sites/build.mjs';
import { serveChatSite, type ChatSite } from './sites/serve.ts';

const AI_HOST = 'https://chatgpt.com';
const SUPPORT_HOST = 'https://acme.zendesk.com';
const UNGUARDED_HOST = 'https://example.org';

/** A file to choose, drop or paste; the browser takes its type from the name, as from disk. */
interface Sample {
  name: string;
  buffer: Buffer;
}
const sample = (name: string, body: string | Uint8Array): Sample => ({
  name,
  buffer: Buffer.from(body),
});

const SENSITIVE = {
  txt: sample('ticket.txt', `${TICKET}\n`),
  csv: sample('tickets.csv', `id,email,card\n1,${EMAIL},${CARD}\n`),
  docx: sample('ticket.docx', docx(TICKET)),
  xlsx: sample('ticket.xlsx', xlsx(`email\tcard\n${EMAIL}\t${CARD}`)),
  pdf: sample('ticket.pdf', pdf(TICKET)),
};
const CLEAN_TXT = sample('notes.txt', `${CLEAN}\n`);
const CLEAN_DOCX = sample('policy.docx', docx(CLEAN));

let context: BrowserContext;
let profile: string;
let files: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  ({ context, dir: profile } = await launchWithExtension());
  for (const origin of [AI_HOST, SUPPORT_HOST, UNGUARDED_HOST]) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
  files = mkdtempSync(join(tmpdir(), 'hush-upload-files-'));
});

test.afterAll(async () => {
  await context?.close();
  for (const dir of [profile, files]) if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  site: ChatSite;
  errors: string[];
}
let opened: Opened | undefined;

async function open(host = AI_HOST): Promise<Opened> {
  const site = await serveChatSite(context, { host, editor: 'upload' });
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

/**
 * What the page's own handlers received: one entry a file, in the order the requests reached the
 * route. The fixture page uploads the files of one batch concurrently, so that order is not the
 * order of the batch; compare several files as a set and check the order with `inputFiles`.
 */
interface Received {
  text: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  source: string;
}
const received = (site: ChatSite): Received[] =>
  site.requests
    .filter((r) => r.contentType.includes('json'))
    .map((r) => JSON.parse(r.body) as Received);

const sha256 = (s: Sample): string => createHash('sha256').update(s.buffer).digest('hex');

function noRawValueSent(site: ChatSite): void {
  for (const request of site.requests) {
    for (const value of RAW)
      expect(request.body, 'a request carried a raw value').not.toContain(value);
  }
}

const notice = (page: Page): Locator => page.locator('#hush-notice').getByRole('status');
const inputFiles = (input: Locator): Promise<string[]> =>
  input.evaluate((el: HTMLInputElement) => [...(el.files ?? [])].map((f) => f.name));

/**
 * Writes samples to disk for a trusted selection: Playwright chooses files given by PATH through
 * the browser's own file selection (DevTools' DOM.setFileInputFiles), whose `input` and `change`
 * are trusted, as when the agent picks them; files given as buffers are set by script instead.
 */
function onDisk(samples: Sample | Sample[]): string[] {
  return [samples].flat().map((s) => {
    const path = join(files, s.name);
    writeFileSync(path, s.buffer);
    return path;
  });
}

/** Chooses `samples` in `input` the way the agent does. */
async function choose(input: Locator, samples: Sample | Sample[]): Promise<void> {
  await input.setInputFiles(onDisk(samples));
}

/**
 * A trusted drop of files from disk onto `target`, as the agent dragging them from the file
 * manager: DevTools' Input.dispatchDragEvent (dragEnter, dragOver, drop).
 */
async function dropFiles(page: Page, target: Locator, samples: Sample[]): Promise<void> {
  const paths = onDisk(samples);
  const box = (await target.boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await context.newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  }
  await cdp.detach();
}

/** Puts a small PNG (and `text`, when given) on the real clipboard and pastes into #composer. */
async function pasteImage(page: Page, text?: string): Promise<void> {
  await page.evaluate(async (t) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 8;
    canvas.getContext('2d')!.fillRect(0, 0, 4, 4);
    const png = await new Promise<Blob>((resolve) =>
      canvas.toBlob((b) => resolve(b!), 'image/png'),
    );
    const items: Record<string, Blob> = { 'image/png': png };
    if (t) items['text/plain'] = new Blob([t], { type: 'text/plain' });
    await navigator.clipboard.write([new ClipboardItem(items)]);
  }, text);
  await page.locator('#composer').click();
  await page.keyboard.press('Control+V');
}

test.describe('file input on an unapproved AI site', () => {
  for (const kind of ['docx', 'xlsx', 'pdf'] as const) {
    test(`a ${kind} with a customer's card and email is stopped and the input is emptied`, async () => {
      const o = await open();
      const input = o.page.locator('#file');
      await choose(input, SENSITIVE[kind]);
      await expect(notice(o.page)).toContainText(
        `Hush stopped ${SENSITIVE[kind].name} (email, card`,
      );
      expect(await inputFiles(input)).toEqual([]);
      expect(o.site.requests, 'the page received nothing').toEqual([]);
      await expect(o.page.locator('#received li')).toHaveCount(0);
    });
  }

  for (const kind of ['txt', 'csv'] as const) {
    test(`a ${kind} with a card and email reaches the page as a masked copy`, async () => {
      const o = await open();
      const input = o.page.locator('#file');
      await choose(input, SENSITIVE[kind]);
      await expect.poll(() => received(o.site).length).toBe(1);
      const [got] = received(o.site);
      expect(got!.name).toBe(SENSITIVE[kind].name);
      expect(got!.text).toContain('[EMAIL_1]');
      expect(got!.text).toContain('[CREDIT_CARD_1]');
      if (kind === 'csv') expect(got!.text).toBe('id,email,card\n1,[EMAIL_1],[CREDIT_CARD_1]\n');
      expect(await inputFiles(input)).toEqual([SENSITIVE[kind].name]);
      await expect(notice(o.page)).toContainText(
        `Hush masked 2 values (email, card) in ${SENSITIVE[kind].name}`,
      );
      noRawValueSent(o.site);
    });
  }

  test('clean files go through unchanged, with no notice', async () => {
    const o = await open();
    const input = o.page.locator('#file');
    await choose(input, [CLEAN_TXT, CLEAN_DOCX]);
    await expect.poll(() => received(o.site).length).toBe(2);
    // The page uploads each file on its own (read, hash, fetch, none awaited), so the order
    // requests arrive in is the page's race, not Hush's: compare them as a set. The order Hush
    // gives the page is the order of the input's files, asserted below.
    const got = received(o.site).map((r) => [r.name, r.sha256, r.size, r.source]);
    expect(got).toHaveLength(2);
    expect(got).toEqual(
      expect.arrayContaining([
        [CLEAN_TXT.name, sha256(CLEAN_TXT), CLEAN_TXT.buffer.length, 'input'],
        [CLEAN_DOCX.name, sha256(CLEAN_DOCX), CLEAN_DOCX.buffer.length, 'input'],
      ]),
    );
    expect(await inputFiles(input)).toEqual([CLEAN_TXT.name, CLEAN_DOCX.name]);
    await expect(o.page.locator('#hush-notice')).toHaveCount(0);
  });

  test('several files at once: the clean one goes, the others are stopped, the notice says which', async () => {
    const o = await open();
    const input = o.page.locator('#file');
    await choose(input, [CLEAN_TXT, SENSITIVE.docx, SENSITIVE.pdf]);
    await expect(notice(o.page)).toContainText('Hush stopped ticket.docx');
    await expect(notice(o.page)).toContainText('ticket.pdf');
    await expect(notice(o.page)).toContainText('notes.txt was sent');
    await expect.poll(() => received(o.site).map((r) => r.name)).toEqual(['notes.txt']);
    expect(await inputFiles(input)).toEqual(['notes.txt']);
    noRawValueSent(o.site);
  });

  test('a corrupt document and an over-size file are stopped (fail closed)', async () => {
    const o = await open();
    const input = o.page.locator('#file');
    const corrupt = sample('broken.docx', Buffer.from('PK\x03\x04 not really a zip'));
    await choose(input, corrupt);
    await expect(notice(o.page)).toContainText('Hush stopped broken.docx (it could not be read)');
    const big = sample('huge.log', Buffer.alloc(20 * 1024 * 1024 + 1, 'a'));
    await choose(input, big);
    await expect(notice(o.page)).toContainText('Hush stopped huge.log (it is too large to check)');
    expect(await inputFiles(input)).toEqual([]);
    expect(o.site.requests).toEqual([]);
  });

  test('a form that reads its file input only on submit never posts a stopped file', async () => {
    const o = await open();
    const input = o.page.locator('#form-file');
    await choose(input, SENSITIVE.docx);
    await expect(notice(o.page)).toContainText('Hush stopped ticket.docx');
    await o.page.getByTestId('form-submit').click();
    await expect.poll(() => o.site.requests.length).toBe(1);
    const body = o.site.requests[0]!.body;
    expect(body).toContain('form upload');
    expect(body).toContain('filename=""');
    expect(body).not.toContain('word/document.xml');
  });

  test('a form posts the masked copy of a text file, never the raw one', async () => {
    const o = await open();
    await choose(o.page.locator('#form-file'), SENSITIVE.txt);
    await expect(notice(o.page)).toContainText('Hush masked 2 values');
    await o.page.getByTestId('form-submit').click();
    await expect.poll(() => o.site.requests.length).toBe(1);
    expect(o.site.requests[0]!.body).toContain('filename="ticket.txt"');
    expect(o.site.requests[0]!.body).toContain('[CREDIT_CARD_1]');
    noRawValueSent(o.site);
  });
});

test.describe('drop and paste on an unapproved AI site', () => {
  test('dropped files: the clean one reaches the page unchanged, the docx is stopped', async () => {
    const o = await open();
    await dropFiles(o.page, o.page.getByTestId('dropzone'), [CLEAN_TXT, SENSITIVE.docx]);
    await expect(notice(o.page)).toContainText('Hush stopped ticket.docx');
    await expect
      .poll(() => received(o.site).map((r) => [r.name, r.sha256, r.source]))
      .toEqual([[CLEAN_TXT.name, sha256(CLEAN_TXT), 'drop']]);
    noRawValueSent(o.site);
  });

  test('a dropped text file with a card reaches the page masked', async () => {
    const o = await open();
    await dropFiles(o.page, o.page.getByTestId('dropzone'), [SENSITIVE.txt]);
    await expect.poll(() => received(o.site).map((r) => r.source)).toEqual(['drop']);
    expect(received(o.site)[0]!.text).toContain('[CREDIT_CARD_1]');
    noRawValueSent(o.site);
  });

  test('a file dropped on the file input is checked like a chosen one', async () => {
    const o = await open();
    const input = o.page.locator('#file');
    await dropFiles(o.page, input, [SENSITIVE.xlsx]);
    await expect(notice(o.page)).toContainText('Hush stopped ticket.xlsx');
    expect(await inputFiles(input)).toEqual([]);
    expect(o.site.requests).toEqual([]);
  });

  test('a pasted image (unreadable to Hush) is stopped; its text goes in, masked', async () => {
    const o = await open();
    await pasteImage(o.page, `Customer ${EMAIL} asked again`);
    await expect(o.page.locator('#composer')).toHaveValue('Customer [EMAIL_1] asked again');
    await expect(notice(o.page)).toContainText('Hush stopped image.png');
    expect(o.site.requests, 'the page received no file').toEqual([]);
  });
});

test.describe('other classes', () => {
  test('on a support tool (fail open) a pasted image goes through to the page', async () => {
    const o = await open(SUPPORT_HOST);
    await pasteImage(o.page);
    await expect
      .poll(() => received(o.site).map((r) => [r.type, r.source]))
      .toEqual([['image/png', 'paste']]);
    await expect(notice(o.page)).toContainText('image.png is a kind of file Hush cannot read');
  });

  test('on a support tool an SSN asks first: cancel stops the file, a reason lets it through', async () => {
    const o = await open(SUPPORT_HOST);
    const input = o.page.locator('#file');
    const file = sample('case.txt', `Customer SSN: ${SSN}\n`);
    // Hush's UI hosts (<hush-ui>) in the page, the first-visit notice included.
    const hosts = (): Promise<number> =>
      o.page.evaluate(() => document.querySelectorAll('hush-ui').length);
    const panelFocused = (): Promise<boolean> =>
      o.page.evaluate(() => document.activeElement?.localName === 'hush-ui');
    /** Two frames and a task: Preact runs effects (such as moving focus) after a paint. */
    const frames = (): Promise<void> =>
      o.page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
          ),
      );
    const before = await hosts();
    // The panel lives in a closed shadow root: the page (and Playwright) cannot reach into it,
    // so it is driven with the keyboard only, as an agent without a mouse would.
    await choose(input, file);
    await expect.poll(hosts).toBe(before + 1);
    await expect.poll(panelFocused).toBe(true);
    await expect(o.page.getByRole('dialog'), 'the page cannot see into the panel').toHaveCount(0);
    expect(await inputFiles(input), 'the input is empty while the agent decides').toEqual([]);
    await o.page.keyboard.press('Escape');
    await expect.poll(hosts).toBe(before);
    expect(o.site.requests).toEqual([]);
    expect(await inputFiles(input)).toEqual([]);

    await choose(input, file);
    await expect.poll(hosts).toBe(before + 1);
    // Focus starts on "Edit message" once the panel has rendered; Tab reaches "Send anyway…",
    // which opens the reason box and focuses it after the next frame.
    await expect.poll(panelFocused).toBe(true);
    await o.page.keyboard.press('Tab');
    await o.page.keyboard.press('Enter');
    await frames();
    await o.page.keyboard.type('Customer asked for the case file');
    await o.page.keyboard.press('Tab');
    await o.page.keyboard.press('Enter');
    await expect
      .poll(() => received(o.site).map((r) => r.text))
      .toEqual([`Customer SSN: ${SSN}\n`]);
    expect(await inputFiles(input)).toEqual(['case.txt']);
  });

  test('a file on a page in no class is untouched', async () => {
    const o = await open(UNGUARDED_HOST);
    await choose(o.page.locator('#file'), SENSITIVE.docx);
    await expect
      .poll(() => received(o.site).map((r) => r.sha256))
      .toEqual([sha256(SENSITIVE.docx)]);
    await expect(o.page.locator('#hush-notice')).toHaveCount(0);
  });
});
