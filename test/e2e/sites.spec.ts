/**
 * Proves the fixture chat pages behave like real chat sites before any guard test relies on them:
 * for every editor, typed, pasted and multi-line text reaches /api/send exactly as entered, read
 * from the editor's own model. Runs WITHOUT the extension, in Debian's Chromium.
 */
import {
  chromium,
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { buildSites } from './sites/build.mjs';
import {
  EDITORS,
  FRAME_EDITORS,
  serveChatSite,
  type ChatSite,
  type Editor,
} from './sites/serve.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from './fixtures.ts';

const HOST = 'https://chatgpt.com';
const TYPED = 'Hello from the fixture, order 12345 ships on Tuesday.';
const SECOND = 'A second message after the editor was cleared.';
const PASTED = 'Pasted text: ticket 8812 for the demo account.';
const LINES = ['First line of the message', 'Second line, after a break'];

/**
 * A synthetic paste is untrusted, so the browser itself never inserts its data: only editors that
 * handle paste in script take it. Plain form fields need a trusted paste, and so do Jodit and
 * Summernote, which leave plain text to the browser and handle only HTML and images, and Quill 1,
 * which lets the browser paste into a hidden element of its own and reads that.
 */
const NATIVE_ONLY: ReadonlySet<Editor> = new Set([
  'textarea',
  'contenteditable',
  'keyup-send',
  'keypress-send',
  'jodit',
  'summernote',
  'react-textarea',
  'quill1',
]);

let browser: Browser;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const { ms } = await buildSites();
  console.log(`fixture sites built in ${ms} ms`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
});

test.afterAll(async () => {
  await browser?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  site: ChatSite;
  /** The element the user types into (inside TinyMCE's iframe for TinyMCE). */
  input: Locator;
  errors: string[];
}

async function open(editor: Editor | 'script-send'): Promise<Opened> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const site = await serveChatSite(context, { host: HOST, editor });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url);
  await expect(page.locator('#status')).toHaveText('ready');
  expect(await page.evaluate(() => window.__editorReady)).toBe(true);
  const input = FRAME_EDITORS.includes(editor)
    ? page.frameLocator('#editor iframe').locator('body#prompt')
    : page.locator('#prompt');
  return { context, page, site, input, errors };
}

/** Dispatches a paste the way the guard's tests will: a ClipboardEvent carrying a DataTransfer. */
async function syntheticPaste(input: Locator, text: string): Promise<boolean> {
  return input.evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const event = new ClipboardEvent('paste', {
      clipboardData: transfer,
      bubbles: true,
      cancelable: true,
    });
    // Editors listen on their editable root or above; the event reaches both from here.
    const target = element.ownerDocument.activeElement ?? element;
    return target.dispatchEvent(event);
  }, text);
}

async function waitForSent(site: ChatSite, count: number): Promise<string[]> {
  await expect.poll(() => site.sentTexts().length).toBe(count);
  return site.sentTexts();
}

// One page per editor: the steps run one after another on it (each send clears the editor, which
// the first step asserts), so the suite loads each editor once instead of once per case.
for (const editor of EDITORS) {
  test(`${editor}: typed, multi-line and pasted text reaches the site as entered`, async () => {
    const o = await open(editor);

    await test.step('typed text is sent by Enter, then by the Send button, and the editor clears', async () => {
      await o.input.click();
      await o.page.keyboard.type(TYPED);
      await o.page.keyboard.press('Enter');
      expect(await waitForSent(o.site, 1)).toEqual([TYPED]);

      await o.input.click();
      await o.page.keyboard.type(SECOND);
      await o.page.getByRole('button', { name: 'Send' }).click();
      expect(await waitForSent(o.site, 2)).toEqual([TYPED, SECOND]);

      await expect(o.page.locator('#sent li')).toHaveText([TYPED, SECOND]);
      const request = o.site.requests[0]!;
      expect(request.method).toBe('POST');
      expect(request.url).toBe(`${HOST}/api/send`);
      expect(JSON.parse(request.body)).toEqual({ text: TYPED });
      o.site.forget();
    });

    await test.step('Shift+Enter makes a new line and both lines are sent', async () => {
      await o.input.click();
      await o.page.keyboard.type(LINES[0]!);
      await o.page.keyboard.press('Shift+Enter');
      await o.page.keyboard.type(LINES[1]!);
      await o.page.keyboard.press('Enter');
      expect(await waitForSent(o.site, 1)).toEqual([LINES.join('\n')]);
      o.site.forget();
    });

    await test.step('a synthetic paste (ClipboardEvent + DataTransfer) is handled as the editor does', async () => {
      await o.input.click();
      const notCancelled = await syntheticPaste(o.input, PASTED);
      await o.page.getByRole('button', { name: 'Send' }).click();
      if (NATIVE_ONLY.has(editor)) {
        // Nobody handled it and the browser ignores untrusted pastes: nothing to send.
        expect(notCancelled).toBe(true);
        await o.page.waitForTimeout(200);
        expect(o.site.sentTexts()).toEqual([]);
      } else {
        expect(await waitForSent(o.site, 1)).toEqual([PASTED]);
      }
      o.site.forget();
    });

    // Native fields ignore untrusted pastes (asserted above), so this case exists only for the
    // editors that handle the paste event themselves; the real Ctrl+V step covers the others.
    if (!NATIVE_ONLY.has(editor))
      await test.step('a synthetic multi-line paste keeps its lines', async () => {
        await o.input.click();
        await syntheticPaste(o.input, LINES.join('\n'));
        await o.page.getByRole('button', { name: 'Send' }).click();
        expect(await waitForSent(o.site, 1)).toEqual([LINES.join('\n')]);
        o.site.forget();
      });

    await test.step('a real paste from the clipboard (Ctrl+V) is sent', async () => {
      await o.page.evaluate((text) => navigator.clipboard.writeText(text), LINES.join('\n'));
      await o.input.click();
      await o.page.keyboard.press('Control+V');
      await o.page.getByRole('button', { name: 'Send' }).click();
      expect(await waitForSent(o.site, 1)).toEqual([LINES.join('\n')]);
    });

    expect(o.errors, 'no uncaught errors on the page').toEqual([]);
    await o.context.close();
  });
}

test.describe('script-send', () => {
  let o: Opened;
  test.beforeEach(async () => {
    o = await open('script-send');
  });
  test.afterEach(async () => {
    expect(o.errors).toEqual([]);
    await o.context.close();
  });

  test('fetch, XMLHttpRequest, sendBeacon and a form post all reach the capture', async () => {
    const text = 'Script message for the fixture: card 4111 1111 1111 1111';
    await o.page.getByRole('button', { name: 'Send with fetch' }).click();
    await expect.poll(() => o.site.requests.length).toBe(1);
    await o.page.getByRole('button', { name: 'Send with XMLHttpRequest' }).click();
    await expect.poll(() => o.site.requests.length).toBe(2);
    await o.page.getByRole('button', { name: 'Send with sendBeacon' }).click();
    await expect.poll(() => o.site.requests.length).toBe(3);
    await o.page.getByRole('button', { name: 'Send with a form' }).click();
    await expect.poll(() => o.site.requests.length).toBe(4);

    const [viaFetch, viaXhr, viaBeacon, viaForm] = o.site.requests;
    expect(viaFetch).toMatchObject({ url: `${HOST}/api/send`, method: 'POST' });
    expect(JSON.parse(viaFetch!.body)).toEqual({ text });
    expect(viaXhr).toMatchObject({ url: `${HOST}/api/send`, method: 'POST' });
    expect(JSON.parse(viaXhr!.body)).toEqual({ text });
    expect(viaBeacon).toMatchObject({ url: `${HOST}/api/beacon`, method: 'POST' });
    expect(JSON.parse(viaBeacon!.body)).toEqual({ text });
    expect(viaForm).toMatchObject({ url: `${HOST}/api/send`, method: 'POST' });
    expect(new URLSearchParams(viaForm!.body).get('text')).toBe(text);
    expect(o.site.sentTexts()).toEqual([text, text]);
  });
});
