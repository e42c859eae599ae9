/**
 * The agent's side of the guard, end to end: Debian's Chromium with the BUILT extension and the
 * fixture chat pages (real editor libraries) served at catalogue hosts. A support tool
 * (*.zendesk.com: secrets blocked, national ids need confirming, cards masked partially) and an
 * unapproved AI site (chatgpt.com: everything masked).
 *
 * The review panel lives in a CLOSED shadow root, so the page (and Playwright's locators) cannot
 * reach into it. The tests read it the way a screen reader does, from Chromium's accessibility
 * tree (CDP Accessibility.getFullAXTree), and work it with the keyboard or real mouse clicks at
 * its buttons' boxes. Reports are read where the background receives them: a listener the test
 * adds in the service worker records each `hush:report` message (types and counts only).
 * All values are made up.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, CDPSession, Locator, Page, Worker } from '@playwright/test';
import { expect, launchWithExtension, test } from './fixtures.ts';
import { buildSites } from './sites/build.mjs';
import {
  EDITORS,
  FRAME_EDITORS,
  TEXTAREA_EDITORS,
  serveChatSite,
  type ChatSite,
  type Editor,
} from './sites/serve.ts';

const SUPPORT_HOST = 'https://acme.zendesk.com';
const AI_HOST = 'https://chatgpt.com';
const EMAIL = 'jane.roe@mailbox-example.net';
const CARD = '4539 1488 0343 6467';
const KEY = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const SSN = '536-22-8170';
const SECRET_TEXT = `Deploy token ${KEY} for the build`;
const SSN_TEXT = `Customer SSN ${SSN}, please verify.`;
const TYPED = `Refund ${EMAIL} please`;
const TYPED_MASKED = 'Refund [EMAIL_1] please';
const PASTED = `Customer ${EMAIL} paid with ${CARD} yesterday.`;
const PASTED_MASKED = 'Customer [EMAIL_1] paid with [CREDIT_CARD_1] yesterday.';
const CLEAN = 'Please summarise the delivery delay policy in two lines.';
const PANEL_TITLE = 'Hush stopped this message: it contains sensitive data';

let context: BrowserContext;
let profile: string;
let worker: Worker;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildSites();
  ({ context, dir: profile } = await launchWithExtension());
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  for (const origin of [AI_HOST, SUPPORT_HOST]) {
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
  cdp: CDPSession;
}

const opened: Opened[] = [];

async function open(editor: Editor, host: string): Promise<Opened> {
  const site = await serveChatSite(context, { host, editor });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url);
  await expect(page.locator('#status')).toHaveText('ready');
  const input = FRAME_EDITORS.includes(editor)
    ? page.frameLocator('#editor iframe').locator('body#prompt')
    : page.locator('#prompt');
  const o = { page, site, input, errors, cdp: await context.newCDPSession(page) };
  opened.push(o);
  return o;
}

test.beforeEach(async () => {
  // A fresh record of what the content scripts hand to the background in this test.
  await worker.evaluate(() => {
    const g = globalThis as unknown as {
      hushReports?: unknown[];
      hushListening?: boolean;
      chrome: {
        runtime: {
          onMessage: { addListener(f: (m: { type?: string; payload?: unknown }) => void): void };
        };
      };
    };
    g.hushReports = [];
    if (g.hushListening) return;
    g.hushListening = true;
    g.chrome.runtime.onMessage.addListener((message) => {
      if (message?.type === 'hush:report') g.hushReports?.push(message.payload);
    });
  });
});

test.afterEach(async () => {
  for (const { page, site, errors } of opened.splice(0)) {
    expect(errors, 'no uncaught errors on the page').toEqual([]);
    await page.close();
    await site.close();
  }
});

/** The guard's decisions handed to the background in this test, in order. */
/**
 * The decisions the background received, without the detector ids each names (the false-alarm
 * button's input, checked in upload.spec.ts): these tests are about outcomes and counts.
 */
async function reports(): Promise<unknown[]> {
  const all = await worker.evaluate(
    () => (globalThis as unknown as { hushReports?: Record<string, unknown>[] }).hushReports ?? [],
  );
  return all.map(({ detectors: _detectors, ...event }) => event);
}

interface AXNode {
  nodeId: string;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
  backendDOMNodeId?: number;
  properties?: { name: string; value: { value: unknown } }[];
}

interface PanelView {
  /** The dialog's accessible name (aria-labelledby). */
  name: string;
  /** Every name in the dialog, joined: what a screen reader would read. */
  text: string;
  buttons: string[];
  /** The focused control's role and name, if focus is inside the dialog. */
  focused: string | null;
  nodes: AXNode[];
}

/** The review panel as the accessibility tree shows it, or null when none is open. */
async function panel(o: Opened): Promise<PanelView | null> {
  const { nodes } = (await o.cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const dialog = nodes.find((n) => n.role?.value === 'dialog');
  if (!dialog) return null;
  const inside: AXNode[] = [];
  const walk = (n: AXNode): void => {
    inside.push(n);
    for (const id of n.childIds ?? []) {
      const child = byId.get(id);
      if (child) walk(child);
    }
  };
  walk(dialog);
  const focused = inside.find((n) =>
    n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
  );
  return {
    name: dialog.name?.value ?? '',
    // Text nodes come in pieces ("API key or token", "(", "1", ")"): join them as they read.
    text: inside
      .filter((n) => n.role?.value === 'StaticText')
      .map((n) => n.name?.value ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .replace(/([([]) /g, '$1')
      .replace(/ ([)\],.:])/g, '$1'),
    buttons: inside.filter((n) => n.role?.value === 'button').map((n) => n.name?.value ?? ''),
    focused: focused ? `${focused.role?.value}: ${focused.name?.value ?? ''}` : null,
    nodes: inside,
  };
}

async function waitForPanel(o: Opened): Promise<PanelView> {
  await expect.poll(async () => (await panel(o))?.name ?? null).toBe(PANEL_TITLE);
  return (await panel(o))!;
}

/** A real mouse click in the middle of a panel button (the page cannot reach the button). */
async function clickInPanel(o: Opened, name: string): Promise<void> {
  const view = await waitForPanel(o);
  const node = view.nodes.find((n) => n.role?.value === 'button' && n.name?.value === name);
  if (!node?.backendDOMNodeId) throw new Error(`no panel button "${name}"`);
  const { model } = (await o.cdp.send('DOM.getBoxModel', {
    backendNodeId: node.backendDOMNodeId,
  })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await o.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** The id of the focused element in the page (through open shadow roots), for focus checks. */
function focusedId(o: Opened): Promise<string> {
  return o.page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const inEditor = el?.closest('#prompt');
    return inEditor ? 'prompt' : (el?.id ?? '');
  });
}

async function shown(o: Opened, editor: Editor): Promise<string> {
  const raw = TEXTAREA_EDITORS.includes(editor)
    ? await o.input.inputValue()
    : await o.input.innerText();
  return raw.replace(/\u00a0/g, ' ').trim();
}

const notice = (page: Page): Locator => page.locator('#hush-notice').getByRole('status');

function noValueIn(o: Opened, values: string[]): void {
  for (const request of o.site.requests) {
    for (const value of values) expect(request.body).not.toContain(value);
  }
}

test.describe('first-visit notice', () => {
  test('shows once per site, with the built-in text, in the top frame only', async () => {
    const claude = await open('textarea', 'https://claude.ai');
    const card = claude.page.locator('#hush-first-visit').getByRole('region');
    await expect(card).toHaveAccessibleName('Hush protects customer data on Claude');
    await expect(card).toContainText('Claude is not approved by your company for customer data');
    await card.getByRole('button', { name: 'Got it' }).click();
    await expect(claude.page.locator('#hush-first-visit')).toHaveCount(0);

    // Another site gets its own notice; a second page of the same site (any of its hosts) not.
    await claude.page.reload();
    await expect(claude.page.locator('#status')).toHaveText('ready');
    const desk = await open('tinymce', 'https://first.zendesk.com');
    const deskCard = desk.page.locator('#hush-first-visit').getByRole('region');
    await expect(deskCard).toHaveAccessibleName('Hush protects customer data on Zendesk');
    await expect(deskCard).toContainText('secrets are blocked');
    // TinyMCE's iframe runs the guard too, but only the top frame shows the notice.
    await expect(desk.page.locator('#hush-first-visit')).toHaveCount(1);
    expect(
      await desk.page.frameLocator('#editor iframe').locator('#hush-first-visit').count(),
    ).toBe(0);
    const again = await open('textarea', 'https://second.zendesk.com');
    await expect(again.page.locator('#hush-first-visit')).toHaveCount(0);
    await expect(claude.page.locator('#hush-first-visit')).toHaveCount(0);
  });
});

test.describe('review panel on a support tool', () => {
  test('a secret is blocked: the panel says what, where and why, and nothing is sent', async () => {
    const o = await open('textarea', SUPPORT_HOST);
    await o.input.click();
    await o.page.keyboard.type(SECRET_TEXT);
    await o.page.keyboard.press('Enter');

    const view = await waitForPanel(o);
    expect(view.text).toContain('API key or token (1)');
    expect(view.text).toContain('ghp_••••••••');
    expect(view.text).toContain('at character 14, found by github-token (format)');
    expect(view.text).toContain('blocked: cannot be sent here');
    expect(view.text).not.toContain(KEY);
    expect(view.buttons).toEqual(['Edit message', 'Cancel']);
    expect(view.focused).toBe('button: Edit message');
    // Nothing of the panel is in the page's DOM: its root is closed.
    expect(await o.page.evaluate(() => document.documentElement.outerHTML)).not.toContain('ghp_•');

    // Escape cancels, and focus goes back to the editor.
    await o.page.keyboard.press('Escape');
    await expect.poll(() => panel(o)).toBeNull();
    await expect.poll(() => focusedId(o)).toBe('prompt');
    expect(o.site.requests).toEqual([]);

    // The Send button is stopped too; "Edit message" selects the key for the agent to change.
    await o.page.getByRole('button', { name: 'Send', exact: true }).click();
    await waitForPanel(o);
    await o.page.keyboard.press('Enter');
    await expect.poll(() => panel(o)).toBeNull();
    expect(
      await o.input.evaluate((el: HTMLTextAreaElement) =>
        el.value.slice(el.selectionStart, el.selectionEnd),
      ),
    ).toBe(KEY);
    expect(o.site.requests).toEqual([]);
    await expect.poll(reports).toEqual([
      { channel: 'send', action: 'block', outcome: 'blocked', counts: { API_KEY: 1 } },
      { channel: 'send', action: 'block', outcome: 'blocked', counts: { API_KEY: 1 } },
    ]);
  });

  test('a national id asks first: send anyway with a reason sends it once, cancel sends nothing', async () => {
    const o = await open('textarea', SUPPORT_HOST);
    await o.input.click();
    await o.page.keyboard.type(SSN_TEXT);
    await o.page.keyboard.press('Enter');
    const view = await waitForPanel(o);
    expect(view.text).toContain('US Social Security number (1)');
    expect(view.text).toContain('•••-••-8170');
    expect(view.text).toContain('will be sent as is: check it');
    expect(view.text).not.toContain(SSN);
    expect(view.buttons).toEqual(['Edit message', 'Send anyway…', 'Cancel']);
    expect(o.site.requests).toEqual([]);

    await clickInPanel(o, 'Send anyway…');
    await expect.poll(async () => (await panel(o))?.focused).toMatch(/^textbox: Why must this/);
    // The reason is required; it carries an email, which is masked before it is recorded.
    await clickInPanel(o, 'Send with this reason');
    await expect
      .poll(async () => (await panel(o))?.text)
      .toContain('Write why this must be sent as is.');
    await o.page.keyboard.type(`Identity check asked by ${EMAIL}`);
    await clickInPanel(o, 'Send with this reason');
    await expect.poll(() => o.site.sentTexts()).toEqual([SSN_TEXT]);
    expect(await panel(o)).toBeNull();

    // That was one send: the same text again is asked about again, and Cancel sends nothing.
    await o.input.click();
    await o.page.keyboard.type(SSN_TEXT);
    await o.page.keyboard.press('Enter');
    await waitForPanel(o);
    await clickInPanel(o, 'Cancel');
    await expect.poll(() => panel(o)).toBeNull();
    await expect.poll(() => focusedId(o)).toBe('prompt');
    expect(await shown(o, 'textarea')).toBe(SSN_TEXT);
    expect(o.site.sentTexts()).toEqual([SSN_TEXT]);
    await expect.poll(reports).toEqual([
      {
        channel: 'send',
        action: 'warn',
        outcome: 'warned',
        counts: { US_SSN: 1 },
        reason: 'Identity check asked by [EMAIL_1]',
      },
      { channel: 'send', action: 'warn', outcome: 'cancelled', counts: { US_SSN: 1 } },
    ]);
  });

  test('keyboard only, in ProseMirror: Tab, Enter and Escape; focus comes back to the editor', async () => {
    const o = await open('prosemirror', SUPPORT_HOST);
    await o.input.click();
    await o.page.keyboard.type(SSN_TEXT);
    await o.page.keyboard.press('Enter');
    expect((await waitForPanel(o)).focused).toBe('button: Edit message');
    // Escape: the panel goes, focus is back, and typing goes on in the editor.
    await o.page.keyboard.press('Escape');
    await expect.poll(() => panel(o)).toBeNull();
    await expect.poll(() => focusedId(o)).toBe('prompt');
    await o.page.keyboard.press('End');
    await o.page.keyboard.type(' Thanks');
    await expect.poll(() => shown(o, 'prosemirror')).toBe(`${SSN_TEXT} Thanks`);

    await o.page.keyboard.press('Enter');
    await waitForPanel(o);
    // Tab moves to "Send anyway…"; Tab keeps cycling inside the dialog.
    await o.page.keyboard.press('Tab');
    await expect.poll(async () => (await panel(o))?.focused).toBe('button: Send anyway…');
    await o.page.keyboard.press('Tab');
    await o.page.keyboard.press('Tab');
    await expect.poll(async () => (await panel(o))?.focused).toBe('button: Edit message');
    await o.page.keyboard.press('Shift+Tab');
    await o.page.keyboard.press('Shift+Tab');
    await o.page.keyboard.press('Enter');
    await expect.poll(async () => (await panel(o))?.focused).toMatch(/^textbox: Why must this/);
    await o.page.keyboard.type('Customer asked us to confirm the number');
    await o.page.keyboard.press('Tab');
    await expect.poll(async () => (await panel(o))?.focused).toBe('button: Send with this reason');
    await o.page.keyboard.press('Enter');
    await expect.poll(() => o.site.sentTexts()).toEqual([`${SSN_TEXT} Thanks`]);
    await expect.poll(() => panel(o)).toBeNull();
  });
});

test.describe("send anyway goes out through the site's own send path, in every editor", () => {
  for (const editor of EDITORS) {
    test(`${editor}: a confirmed warning is sent once, as it is`, async () => {
      const o = await open(editor, SUPPORT_HOST);
      await o.input.click();
      await o.page.keyboard.type(SSN_TEXT);
      await o.page.keyboard.press('Enter');
      expect((await waitForPanel(o)).focused).toBe('button: Edit message');
      await o.page.keyboard.press('Tab');
      await o.page.keyboard.press('Enter');
      await expect.poll(async () => (await panel(o))?.focused).toMatch(/^textbox: Why must/);
      await o.page.keyboard.type('Customer asked us to confirm the number');
      await o.page.keyboard.press('Tab');
      await o.page.keyboard.press('Enter');
      await expect.poll(() => o.site.sentTexts()).toEqual([SSN_TEXT]);
      await expect(o.page.locator('#hush-notice')).toHaveCount(0);
    });
  }
});

test.describe('mask, Undo and send anyway on an unapproved AI site', () => {
  test('after a mask, the panel\'s "Mask and send" sends the masked text', async () => {
    const o = await open('prosemirror', AI_HOST);
    await o.input.click();
    await o.page.keyboard.type(TYPED);
    await o.page.keyboard.press('Enter');
    await expect.poll(() => shown(o, 'prosemirror')).toBe(TYPED_MASKED);
    await notice(o.page).getByRole('button', { name: 'Send anyway…' }).click();
    await waitForPanel(o);
    await clickInPanel(o, 'Back');
    await expect
      .poll(async () => (await panel(o))?.buttons)
      .toEqual(['Mask and send', 'Edit message', 'Send anyway…', 'Cancel']);
    await clickInPanel(o, 'Mask and send');
    await expect.poll(() => o.site.sentTexts()).toEqual([TYPED_MASKED]);
    noValueIn(o, [EMAIL]);
  });

  test('send anyway after a mask puts the original back and sends it once, with a reason', async () => {
    const o = await open('textarea', AI_HOST);
    await o.input.click();
    await o.page.keyboard.type(TYPED);
    await o.page.keyboard.press('Enter');
    await expect.poll(() => shown(o, 'textarea')).toBe(TYPED_MASKED);
    await notice(o.page).getByRole('button', { name: 'Send anyway…' }).click();
    // The panel opens with the reason box ready, listing what was masked.
    const view = await waitForPanel(o);
    expect(view.text).toContain('Email address (1)');
    expect(view.text).toContain('j•••••••@mailbox-example.net');
    expect(view.text).toContain('will be masked');
    expect(view.focused).toMatch(/^textbox: Why must this/);
    await o.page.keyboard.type('The customer wants this exact address in the draft');
    await clickInPanel(o, 'Send with this reason');
    await expect.poll(() => o.site.sentTexts()).toEqual([TYPED]);
    await expect.poll(reports).toEqual([
      { channel: 'send', action: 'mask', outcome: 'masked', counts: { EMAIL: 1 } },
      {
        channel: 'send',
        action: 'mask',
        outcome: 'overridden',
        counts: { EMAIL: 1 },
        reason: 'The customer wants this exact address in the draft',
      },
    ]);
  });

  test('a pasted value is masked before insertion; Undo puts the original in, the send guard still applies', async () => {
    const o = await open('lexical', AI_HOST);
    await o.page.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
    await o.input.click();
    await o.page.keyboard.press('Control+V');
    await expect.poll(() => shown(o, 'lexical')).toBe(PASTED_MASKED);
    await notice(o.page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => shown(o, 'lexical')).toBe(PASTED);
    await o.page.keyboard.press('Enter');
    await expect.poll(() => shown(o, 'lexical')).toBe(PASTED_MASKED);
    expect(o.site.requests).toEqual([]);
    await o.page.keyboard.press('Enter');
    await expect.poll(() => o.site.sentTexts()).toEqual([PASTED_MASKED]);
    noValueIn(o, [EMAIL, CARD]);
    await expect.poll(reports).toEqual([
      { channel: 'paste', action: 'mask', outcome: 'masked', counts: { EMAIL: 1, CREDIT_CARD: 1 } },
      { channel: 'paste', action: 'mask', outcome: 'undone', counts: { EMAIL: 1, CREDIT_CARD: 1 } },
      { channel: 'send', action: 'mask', outcome: 'masked', counts: { EMAIL: 1, CREDIT_CARD: 1 } },
    ]);
  });
});

test.describe('drop of text', () => {
  /** Adds a draggable ticket excerpt to the page and drags it onto the editor, as a person does. */
  async function dragText(o: Opened, text: string): Promise<void> {
    await o.page.evaluate((t) => {
      document.getElementById('hush-test-source')?.remove();
      const source = document.createElement('p');
      source.id = 'hush-test-source';
      source.draggable = true;
      source.textContent = 'ticket excerpt';
      source.addEventListener('dragstart', (event) => {
        event.dataTransfer?.setData('text/plain', t);
        event.dataTransfer?.setData('text/html', `<p>${t}</p>`);
      });
      document.body.prepend(source);
    }, text);
    await o.page.locator('#hush-test-source').dragTo(o.input);
  }

  for (const editor of ['textarea', 'prosemirror', 'quill'] as const) {
    test(`${editor}: a dropped email and card are masked like a paste`, async () => {
      const o = await open(editor, AI_HOST);
      await dragText(o, PASTED);
      await expect.poll(() => shown(o, editor)).toBe(PASTED_MASKED);
      await expect(notice(o.page)).toContainText(
        'Hush masked 2 values (email, card) before dropping.',
      );
      await o.page.keyboard.press('Enter');
      await expect.poll(() => o.site.sentTexts()).toEqual([PASTED_MASKED]);
      noValueIn(o, [EMAIL, CARD, CARD.replace(/ /g, '')]);
      await expect.poll(reports).toEqual([
        {
          channel: 'drop',
          action: 'mask',
          outcome: 'masked',
          counts: { EMAIL: 1, CREDIT_CARD: 1 },
        },
      ]);
    });
  }

  test('textarea: clean dropped text goes in as it is', async () => {
    const o = await open('textarea', AI_HOST);
    await dragText(o, CLEAN);
    await expect.poll(() => shown(o, 'textarea')).toBe(CLEAN);
    await expect(o.page.locator('#hush-notice')).toHaveCount(0);
    expect(await reports()).toEqual([]);
  });
});

/**
 * Holds the page's main thread for `ms` right after the editor takes its next edit, before it has
 * drawn it: what a loaded machine does to the page (another process takes the cores, a long task
 * runs). The hold sits after the editor's own handler: Ace's `input` on its textarea, Monaco's
 * `textupdate` on its EditContext.
 */
async function holdAfterNextEdit(o: Opened, ms: number): Promise<void> {
  await o.page.evaluate((ms) => {
    const hold = (): void => {
      const end = performance.now() + ms;
      while (performance.now() < end) {
        // Busy: nothing else runs on the page meanwhile, no frame either.
      }
    };
    const input = document.querySelector('.native-edit-context') as
      (Element & { editContext?: EventTarget }) | null;
    if (input?.editContext) input.editContext.addEventListener('textupdate', hold, { once: true });
    else window.addEventListener('input', hold, { once: true });
  }, ms);
}

/**
 * Types `char` and presses Enter without waiting in between: the Enter reaches the page while it
 * is still held (holdAfterNextEdit), so the page handles it before its next frame, which is when
 * the editor draws `char`. Playwright's keyboard waits for each key to be handled; CDP does not.
 */
async function typeAndSend(o: Opened, char: string): Promise<void> {
  const key = (type: 'keyDown' | 'keyUp', key: string, code: string, text?: string) =>
    o.cdp.send('Input.dispatchKeyEvent', {
      type,
      key,
      code,
      windowsVirtualKeyCode: key === 'Enter' ? 13 : key.toUpperCase().charCodeAt(0),
      ...(text ? { text, unmodifiedText: text } : {}),
    });
  const code = /\d/.test(char) ? `Digit${char}` : `Key${char.toUpperCase()}`;
  await Promise.all([
    key('keyDown', char, code, char),
    key('keyUp', char, code),
    key('keyDown', 'Enter', 'Enter', '\r'),
    key('keyUp', 'Enter', 'Enter'),
  ]);
}

test.describe('virtual editors on a loaded machine: a send is decided on what the editor holds', () => {
  for (const editor of ['ace', 'monaco', 'codemirror5'] as const) {
    test(`${editor}: Enter before the last keystroke is drawn still opens the panel; nothing is sent`, async () => {
      const o = await open(editor, SUPPORT_HOST);
      await o.input.click();
      // The national id is complete only with its last digit, which the view has not drawn when
      // the page handles Enter, 400 ms after the digit was typed.
      await o.page.keyboard.type(`Customer SSN ${SSN.slice(0, -1)}`);
      await holdAfterNextEdit(o, 400);
      await typeAndSend(o, SSN.slice(-1));
      const view = await waitForPanel(o);
      expect(view.text).toContain('US Social Security number (1)');
      expect(await shown(o, editor)).toBe(`Customer SSN ${SSN}`);
      expect(o.site.requests).toEqual([]);
      await clickInPanel(o, 'Cancel');
      await expect.poll(() => panel(o)).toBeNull();
      expect(o.site.requests).toEqual([]);
    });

    test(`${editor}: a clean message sent the same way goes out once, whole`, async () => {
      const o = await open(editor, SUPPORT_HOST);
      await o.input.click();
      await o.page.keyboard.type('Please summarise the delay polic');
      await holdAfterNextEdit(o, 400);
      await typeAndSend(o, 'y');
      await expect.poll(() => o.site.sentTexts()).toEqual(['Please summarise the delay policy']);
      await expect(o.page.locator('#hush-notice')).toHaveCount(0);
    });
  }
});
