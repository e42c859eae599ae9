// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { TokenVault } from '@/rules/index.ts';
import { guardContext, defaultSettings, type GuardContext } from './context.ts';
import { BATCH_MS, installReplies, REPLIES_HOST_TAG } from './replies.ts';

const EMAIL = 'ines.marlow@harbour-example.org';
let controller: AbortController;

function setup(reversible = true): { guard: GuardContext; token: string } {
  controller = new AbortController();
  const vault = new TokenVault({ seed: 7 });
  const token = vault.tokenFor('EMAIL', EMAIL);
  const guard = guardContext({
    win: window,
    pageClass: 'unapproved-ai',
    vault,
    signal: controller.signal,
    settings: { ...defaultSettings('unapproved-ai'), reversible },
  });
  installReplies(window, guard);
  return { guard, token };
}

afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
  getSelection()?.removeAllRanges();
});

const settle = () => new Promise((r) => setTimeout(r, BATCH_MS * 3));

function select(node: Node): void {
  const range = document.createRange();
  range.selectNodeContents(node);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

/** Dispatches a copy event as the browser would, and reports what became of it. */
function copy(target: Node) {
  const data = new DataTransfer();
  const event = new ClipboardEvent('copy', {
    clipboardData: data,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  let pageSaw = false;
  const listener = () => (pageSaw = true);
  document.addEventListener('copy', listener);
  target.dispatchEvent(event);
  document.removeEventListener('copy', listener);
  return {
    prevented: event.defaultPrevented,
    text: data.getData('text/plain'),
    html: data.getData('text/html'),
    pageSaw,
  };
}

describe('reversible replies', () => {
  it('puts the real value on the clipboard when a reply with an issued token is copied, out of the page’s sight', () => {
    const { token } = setup();
    const reply = document.createElement('p');
    reply.innerHTML = `Wrote to <b>${token}</b> &amp; [EMAIL_9].`;
    document.body.append(reply);
    select(reply);
    const result = copy(reply);
    expect(result.prevented).toBe(true);
    expect(result.text).toBe(`Wrote to ${EMAIL} & [EMAIL_9].`);
    expect(result.html).toContain(`<b>${EMAIL}</b>`);
    expect(result.html).toContain('[EMAIL_9]');
    expect(result.pageSaw).toBe(false);
    expect(document.documentElement.outerHTML).not.toContain(EMAIL);
  });

  it('escapes values in the HTML flavour', () => {
    controller = new AbortController();
    const vault = new TokenVault({ seed: 1 });
    const token = vault.tokenFor('PASSWORD', 'p<a>ss"&');
    installReplies(
      window,
      guardContext({ win: window, pageClass: 'unapproved-ai', vault, signal: controller.signal }),
    );
    const reply = document.createElement('p');
    reply.textContent = `Password ${token}`;
    document.body.append(reply);
    select(reply);
    const result = copy(reply);
    expect(result.text).toBe('Password p<a>ss"&');
    expect(result.html).toBe('Password p&#60;a&#62;ss&#34;&#38;');
  });

  it('leaves copies alone without issued tokens, in an editor, or when policy turns it off', () => {
    const { token } = setup();
    const plain = document.createElement('p');
    plain.textContent = 'Nothing here [EMAIL_4]';
    const editor = document.createElement('div');
    editor.contentEditable = 'true';
    editor.textContent = `Draft for ${token}`;
    document.body.append(plain, editor);
    select(plain);
    expect(copy(plain)).toMatchObject({ prevented: false, pageSaw: true, text: '' });
    select(editor);
    expect(copy(editor)).toMatchObject({ prevented: false, pageSaw: true });
    controller.abort();

    const off = setup(false);
    const reply = document.createElement('p');
    reply.textContent = `Wrote to ${off.token}`;
    document.body.append(reply);
    select(reply);
    expect(copy(reply)).toMatchObject({ prevented: false, pageSaw: true });
    // Policy arrives after the guard started: turning it on (or off) takes effect at once.
    off.guard.settings = { ...off.guard.settings, reversible: true };
    expect(copy(reply)).toMatchObject({
      prevented: true,
      pageSaw: false,
      text: `Wrote to ${EMAIL}`,
    });
    off.guard.settings = { ...off.guard.settings, reversible: false };
    expect(copy(reply)).toMatchObject({ prevented: false, pageSaw: true });
  });

  it('draws nothing into the page: a closed layer appears only for issued tokens, and goes on abort', async () => {
    const { token } = setup();
    const other = document.createElement('p');
    other.textContent = 'Unknown [EMAIL_3] and [NOT A TOKEN]';
    document.body.append(other);
    await settle();
    expect(document.querySelector(REPLIES_HOST_TAG)).toBeNull();

    const reply = document.createElement('p');
    document.body.append(reply);
    reply.append('Sent to [EMA');
    reply.append(`${token.slice(4)} today`);
    await settle();
    const host = document.querySelector(REPLIES_HOST_TAG);
    expect(host).not.toBeNull();
    expect(host!.shadowRoot).toBeNull(); // closed
    expect(document.documentElement.outerHTML).not.toContain(EMAIL);
    expect(reply.textContent).toBe(`Sent to ${token} today`);

    controller.abort();
    expect(document.querySelector(REPLIES_HOST_TAG)).toBeNull();
  });
});
