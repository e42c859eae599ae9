/**
 * Reversible replies, end to end: Debian's Chromium with the BUILT extension, a fixture chat page
 * at https://chatgpt.com. The agent's paste is masked to tokens; when the "AI's reply" (written
 * into the page by the page's own script, streamed in pieces as chat sites do) carries those
 * tokens, Hush draws the real values over them in a CLOSED shadow root (read here through the
 * DevTools protocol, which sees closed roots; page scripts cannot), copying the reply puts the
 * real values on the clipboard, and the page's DOM and the page's copy listeners never see them.
 * All values are made up.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect, launchWithExtension, test } from './fixtures.ts';
import { buildSites } from './sites/build.mjs';
import { serveChatSite, type ChatSite } from './sites/serve.ts';

const AI_HOST = 'https://chatgpt.com';
const EMAIL = 'ansel.brook@ferry-example.org';
const CARD = '4539 1488 0343 6467';
const PASTED = `Customer ${EMAIL} paid with ${CARD} yesterday.`;
const MASKED = 'Customer [EMAIL_1] paid with [CREDIT_CARD_1] yesterday.';

let context: BrowserContext;
let profile: string;
let site: ChatSite;
let page: Page;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  ({ context, dir: profile } = await launchWithExtension());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: AI_HOST });
  site = await serveChatSite(context, { host: AI_HOST, editor: 'textarea' });
});

test.afterAll(async () => {
  await site?.close();
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test.beforeEach(async () => {
  page = await context.newPage();
  // The page's own view: every text it is ever given, and what its copy listeners can read.
  await page.addInitScript(() => {
    const w = window as unknown as { __seen: string[]; __copied: string[] };
    w.__seen = [];
    w.__copied = [];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') w.__seen.push(r.target.textContent ?? '');
        for (const n of r.addedNodes) w.__seen.push(n.textContent ?? '');
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
    document.addEventListener('copy', (e) => {
      w.__copied.push(e.clipboardData?.getData('text/plain') ?? '');
    });
  });
  await page.goto(`${AI_HOST}/`);
  await expect(page.locator('#status')).toHaveText('ready');
  await page.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
  await page.locator('#prompt').click();
  await page.keyboard.press('Control+V');
  await expect(page.locator('#prompt')).toHaveValue(MASKED);
});

test.afterEach(async () => {
  await page.close();
});

/** The page writes the AI's reply the way chat sites stream one: a block, then pieces of text. */
async function streamReply(pieces: string[], id = 'reply', style = ''): Promise<void> {
  await page.evaluate(
    async ({ pieces, id, style }) => {
      const box = document.createElement('div');
      box.id = id;
      box.setAttribute('style', style);
      const p = document.createElement('p');
      box.append(p);
      document.body.append(box);
      for (const piece of pieces) {
        p.append(document.createTextNode(piece));
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    { pieces, id, style },
  );
}

interface Chip {
  text: string;
  x: number;
  y: number;
  width: number;
}

/** The chips in Hush's closed shadow root, with their boxes, as DevTools sees them. */
async function chips(cdp: CDPSession): Promise<Chip[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const out: Chip[] = [];
  const visit = async (node: DomNode, inHost: boolean): Promise<void> => {
    const here = inHost || node.nodeName === 'HUSH-REPLIES';
    if (here && node.nodeName === 'SPAN') {
      const text = (node.children ?? []).map((c) => c.nodeValue ?? '').join('');
      try {
        const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as {
          model: { border: number[]; width: number };
        };
        out.push({ text, x: model.border[0]!, y: model.border[1]!, width: model.width });
      } catch {
        // Not rendered (display: none): a token out of view.
      }
    }
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      await visit(child, here);
    }
  };
  await visit(root, false);
  return out;
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** Where the page lays out `token` inside #`id` (the chip must sit there). */
function tokenBox(token: string, id = 'reply'): Promise<{ x: number; y: number; width: number }> {
  return page.evaluate(
    ({ token, id }) => {
      const box = document.getElementById(id)!;
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const all = texts.map((t) => t.data).join('');
      let at = all.indexOf(token);
      const range = document.createRange();
      for (const t of texts) {
        if (at < t.data.length) {
          range.setStart(t, at);
          break;
        }
        at -= t.data.length;
      }
      let end = all.indexOf(token) + token.length;
      for (const t of texts) {
        if (end <= t.data.length) {
          range.setEnd(t, end);
          break;
        }
        end -= t.data.length;
      }
      const r = range.getClientRects()[0]!;
      return { x: r.left, y: r.top, width: r.width };
    },
    { token, id },
  );
}

async function pageNeverHeld(values: string[]): Promise<void> {
  const view = await page.evaluate(() => {
    const w = window as unknown as { __seen: string[]; __copied: string[] };
    return {
      html: document.documentElement.outerHTML,
      seen: w.__seen.join('\n'),
      copied: w.__copied.join('\n'),
      shadow: document.querySelector('hush-replies')?.shadowRoot ?? null,
    };
  });
  for (const value of values) {
    expect(view.html, 'the page DOM holds a real value').not.toContain(value);
    expect(view.seen, 'the page was handed a real value').not.toContain(value);
    expect(view.copied, "the page's copy listener read a real value").not.toContain(value);
  }
  expect(view.shadow, 'the overlay root is closed').toBeNull();
}

test('tokens in a streamed reply show the real values over them, and only tokens this tab issued', async () => {
  const cdp = await context.newCDPSession(page);
  // The token arrives split over two pieces of text, as a streamed reply may split it.
  await streamReply([
    'I have written to [EMA',
    'IL_1] and refunded [CREDIT_CARD_1]. ',
    'Another customer, [EMAIL_7], is unknown.',
  ]);
  await expect
    .poll(async () => (await chips(cdp)).map((c) => c.text).sort())
    .toEqual([CARD, EMAIL]);
  const shown = await chips(cdp);
  for (const [value, token] of [
    [EMAIL, '[EMAIL_1]'],
    [CARD, '[CREDIT_CARD_1]'],
  ] as const) {
    const chip = shown.find((c) => c.text === value)!;
    const box = await tokenBox(token);
    expect(Math.abs(chip.x - box.x), `${token} chip sits on its token`).toBeLessThan(2);
    expect(Math.abs(chip.y - box.y)).toBeLessThan(4);
    expect(chip.width).toBeGreaterThanOrEqual(box.width - 1);
  }
  await expect(page.locator('#reply')).toContainText('[EMAIL_1]');
  await pageNeverHeld([EMAIL, CARD, CARD.replace(/ /g, '')]);
});

test('a token scrolled out of its pane shows no chip, and shows it again when scrolled back', async () => {
  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => {
    const pane = document.createElement('div');
    pane.id = 'pane';
    pane.setAttribute('style', 'height: 60px; overflow: auto; border: 1px solid');
    pane.innerHTML =
      '<div style="height: 400px">padding</div><p id="late">Mail [EMAIL_1] today.</p>';
    document.body.prepend(pane);
  });
  // Created hidden (it is out of view); give the overlay time to read the new text.
  await expect.poll(async () => (await chips(cdp)).length).toBe(0);
  await page.evaluate(() => document.getElementById('late')!.scrollIntoView());
  await expect.poll(async () => (await chips(cdp)).map((c) => c.text)).toEqual([EMAIL]);
  await page.evaluate(() => (document.getElementById('pane')!.scrollTop = 0));
  await expect.poll(async () => (await chips(cdp)).length).toBe(0);
});

test('copying a reply puts the real values on the clipboard, out of the page’s reach', async () => {
  await streamReply(['Done: [EMAIL_1] was charged on [CREDIT_CARD_1].']);
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#reply p')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.keyboard.press('Control+C');
  const clip = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const html = items[0]!.types.includes('text/html')
      ? await (await items[0]!.getType('text/html')).text()
      : '';
    return { text: await navigator.clipboard.readText(), html };
  });
  expect(clip.text).toBe(`Done: ${EMAIL} was charged on ${CARD}.`);
  expect(clip.html).toContain(EMAIL);
  expect(clip.html).not.toContain('[EMAIL_1]');
  // Copying text without tokens is left to the browser and the page.
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#status')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.keyboard.press('Control+C');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('ready');
  // The page's copy listener ran for that copy only: the reply's copy was stopped before it.
  const copies = await page.evaluate(
    () => (window as unknown as { __copied: string[] }).__copied.length,
  );
  expect(copies).toBe(1);
  await pageNeverHeld([EMAIL, CARD]);
});
