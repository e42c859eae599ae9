// Both ends in one world here (a happy-dom window per test); in Chromium they are two worlds
// sharing the DOM, which the e2e test (test/e2e/backstop.spec.ts) covers. The protocol is the
// same events either way.
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENTS, listenForMain, openMainChannel, type IsolatedHandlers } from './channel.ts';

let happy: HappyWindow;
let win: Window & typeof globalThis;
const controllers: AbortController[] = [];

beforeEach(() => {
  happy = new HappyWindow({ url: 'https://chatgpt.com/' });
  win = happy as unknown as Window & typeof globalThis;
});

function isolated(handlers: Partial<IsolatedHandlers> = {}) {
  const controller = new AbortController();
  controllers.push(controller);
  const asked: string[] = [];
  const end = listenForMain(
    win,
    {
      failMode: 'closed',
      check: (text) => {
        asked.push(text);
        return text.includes('secret') ? 'stop' : 'allow';
      },
      unreadable: (reason) => {
        asked.push(`unreadable:${reason}`);
        return 'stop';
      },
      ...handlers,
    },
    controller.signal,
  );
  return { end, asked, controller };
}

afterEach(async () => {
  for (const c of controllers.splice(0)) c.abort();
  await happy.happyDOM.close();
});

/** A fresh page (window) for the second half of a test. */
function newPage(): void {
  controllers.splice(0).forEach((c) => c.abort());
  void happy.happyDOM.close();
  happy = new HappyWindow({ url: 'https://chatgpt.com/' });
  win = happy as unknown as Window & typeof globalThis;
}

describe('the backstop channel', () => {
  it('connects when the isolated world listens first', () => {
    const { end, asked } = isolated();
    const main = openMainChannel(win, 'closed');
    expect(main.state).toBe('connected');
    expect(end.connected()).toBe(true);
    expect(main.check('hello')).toBe('allow');
    expect(main.check('a secret')).toBe('stop');
    expect(main.unreadable('stream')).toBe('stop');
    expect(asked).toEqual(['hello', 'a secret', 'unreadable:stream']);
  });

  it('connects when the MAIN world opens first', () => {
    const main = openMainChannel(win, 'closed');
    expect(main.state).toBe('waiting');
    const { end } = isolated();
    expect(end.connected()).toBe(true);
    expect(main.state).toBe('connected');
    expect(main.check('a secret')).toBe('stop');
  });

  it("uses the page class's fail mode while nobody answers", () => {
    const closed = openMainChannel(win, 'closed');
    expect(closed.check('hello')).toBe('stop');
    expect(closed.unreadable('too-large')).toBe('stop');
    newPage();
    const open = openMainChannel(win, 'open');
    expect(open.check('hello')).toBe('allow');
  });

  it('fails per the fail mode when the isolated check throws or answers nonsense', () => {
    isolated({
      check: () => {
        throw new Error('engine failed');
      },
    });
    const main = openMainChannel(win, 'open');
    // The isolated world's fail mode (closed) wins over the fallback once connected.
    expect(main.check('anything')).toBe('stop');

    newPage();
    isolated({ failMode: 'open', check: () => 'maybe' as never });
    const other = openMainChannel(win, 'closed');
    expect(other.check('anything')).toBe('allow');
  });

  it('lets everything through once the guard is unloaded (bye)', () => {
    const { controller } = isolated();
    const main = openMainChannel(win, 'closed');
    expect(main.check('a secret')).toBe('stop');
    controller.abort();
    expect(main.state).toBe('off');
    expect(main.check('a secret')).toBe('allow');
  });

  it('ignores a forged hello once connected, and a hello whose node is in the page', () => {
    const { asked } = isolated();
    const main = openMainChannel(win, 'closed');
    // A page script announcing its own node gets no listener on it.
    const forged = win.document.createElement('div');
    win.dispatchEvent(new win.MouseEvent(EVENTS.hello, { relatedTarget: forged }));
    let answered = false;
    forged.addEventListener(EVENTS.answer, () => (answered = true));
    forged.dispatchEvent(new win.CustomEvent(EVENTS.check, { detail: 'a secret' }));
    expect(answered).toBe(false);
    expect(asked).toEqual([]);
    expect(main.check('a secret')).toBe('stop');

    // Before any connection, a node attached to the document is refused too.
    newPage();
    const late = isolated();
    const attached = win.document.body.appendChild(win.document.createElement('div'));
    win.dispatchEvent(new win.MouseEvent(EVENTS.hello, { relatedTarget: attached }));
    expect(late.end.connected()).toBe(false);
  });

  it('answers only strings, and checks nothing that is not one', () => {
    // Watch the handshake the way the isolated world sees it, to send malformed questions.
    let node: EventTarget | null = null;
    win.addEventListener(EVENTS.hello, (e) => (node ??= (e as MouseEvent).relatedTarget), {
      capture: true,
    });
    const main = openMainChannel(win, 'closed');
    const { asked } = isolated();
    expect(main.state).toBe('connected');
    expect(node).not.toBeNull();
    const answers: unknown[] = [];
    node!.addEventListener(EVENTS.answer, (e) => answers.push((e as CustomEvent).detail));
    node!.dispatchEvent(new win.CustomEvent(EVENTS.check, { detail: { text: 'a secret' } }));
    node!.dispatchEvent(new win.CustomEvent(EVENTS.unreadable, { detail: 'made-up-reason' }));
    expect(answers).toEqual(['stop', 'stop']);
    expect(asked).toEqual(['unreadable:error']);
  });
});
