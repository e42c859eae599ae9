/**
 * The channel between the backstop's hooks in the page's MAIN world and the guard in the
 * extension's isolated world. It must answer synchronously (`sendBeacon` and `WebSocket.send`
 * cannot wait), so it is made of DOM events, which run their listeners in every world before
 * `dispatchEvent` returns.
 *
 * The handshake: the MAIN world makes a private, detached node and hands it over in a
 * MouseEvent's `relatedTarget` (a node crosses worlds as itself; a CustomEvent's `detail` would
 * not). Both content scripts run at document_start before any page script, in either order, so:
 * the MAIN world announces the node (`hello`) and listens for `call`; the isolated world listens
 * for `hello` and sends `call`, which makes the MAIN world announce again. The first `hello` wins;
 * both sides stop listening on the window once connected, or when the document has finished
 * parsing, so a page script never sees the node and cannot join later.
 *
 * After that, everything happens on the private node:
 * - `check` (detail: the body's text) and `unreadable` (detail: a reason) from MAIN to isolated;
 * - `answer` (detail: `allow` or `stop`) back, dispatched from inside the isolated listener, so it
 *   arrives before the MAIN world's `dispatchEvent` returns;
 * - `ready` (detail: the fail mode) and `bye` (the content script was unloaded) from isolated.
 *
 * Only strings cross, and each side checks what it gets. Nothing the isolated world answers is
 * more than `allow` or `stop`: the page learns no type, count or value from the backstop.
 */
import { MAX_BODY_BYTES, UNREADABLE_REASONS, type UnreadableReason } from './body.ts';

/** Event names. Both content scripts of one build use them; a page cannot see them in use. */
export const EVENTS = {
  hello: 'hush-backstop:hello',
  call: 'hush-backstop:call',
  ready: 'hush-backstop:ready',
  check: 'hush-backstop:check',
  unreadable: 'hush-backstop:unreadable',
  answer: 'hush-backstop:answer',
  bye: 'hush-backstop:bye',
} as const;

/** A window with its constructors (the type of `window` itself). */
export type PageWindow = Window & typeof globalThis;

export type Verdict = 'allow' | 'stop';
export type FailMode = 'open' | 'closed';

function failVerdict(mode: FailMode): Verdict {
  return mode === 'closed' ? 'stop' : 'allow';
}

/** The MAIN world's end: asks, and knows what to do when nobody answers. */
export interface MainChannel {
  /** `waiting` (no isolated world yet), `connected`, or `off` (the guard was unloaded). */
  readonly state: 'waiting' | 'connected' | 'off';
  /** May a body with this text leave? */
  check(text: string): Verdict;
  /** May a body Hush could not read leave? */
  unreadable(reason: UnreadableReason): Verdict;
}

/**
 * Opens the MAIN world's end on `win`. `fallback` is the fail mode while no isolated world has
 * answered (it never connected, or its listener failed): the page class's built-in one.
 */
export function openMainChannel(win: PageWindow, fallback: FailMode): MainChannel {
  const doc = win.document;
  const node = doc.createElement('div');
  // Bound now, before any page script can replace the prototypes' methods.
  const winDispatch = win.dispatchEvent.bind(win);
  const winListen = win.addEventListener.bind(win);
  const winUnlisten = win.removeEventListener.bind(win);
  const nodeDispatch = node.dispatchEvent.bind(node);
  const nodeListen = node.addEventListener.bind(node);
  const Custom = win.CustomEvent;
  const Mouse = win.MouseEvent;

  let state: MainChannel['state'] = 'waiting';
  let failMode: FailMode = fallback;
  let answer: Verdict | undefined;

  const announce = (): void => {
    if (state !== 'waiting') return;
    winDispatch(new Mouse(EVENTS.hello, { relatedTarget: node }));
  };
  const stopListening = (): void => {
    winUnlisten(EVENTS.call, announce);
    doc.removeEventListener('DOMContentLoaded', stopListening);
  };
  nodeListen(EVENTS.ready, (event: Event) => {
    if (state !== 'waiting') return;
    const detail: unknown = (event as CustomEvent).detail;
    failMode = detail === 'open' || detail === 'closed' ? detail : fallback;
    state = 'connected';
    stopListening();
  });
  nodeListen(EVENTS.answer, (event: Event) => {
    const detail: unknown = (event as CustomEvent).detail;
    if (detail === 'allow' || detail === 'stop') answer = detail;
  });
  nodeListen(EVENTS.bye, () => {
    state = 'off';
    stopListening();
  });
  winListen(EVENTS.call, announce);
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', stopListening);
  announce();

  const ask = (type: string, detail: string): Verdict => {
    if (state === 'off') return 'allow';
    if (state === 'waiting') return failVerdict(fallback);
    answer = undefined;
    nodeDispatch(new Custom(type, { detail }));
    const got = answer;
    answer = undefined;
    return got ?? failVerdict(failMode);
  };

  return {
    get state() {
      return state;
    },
    check: (text) => ask(EVENTS.check, text),
    unreadable: (reason) => ask(EVENTS.unreadable, reason),
  };
}

/** What the isolated world does with a question. Each returns the verdict; throwing = fail mode. */
export interface IsolatedHandlers {
  check(text: string): Verdict;
  unreadable(reason: UnreadableReason): Verdict;
  failMode: FailMode;
}

/**
 * Opens the isolated world's end on `win`: waits for the MAIN world's node, then answers its
 * questions until `signal` aborts (then says `bye`, and the hooks let everything through).
 * Returns whether the handshake completed (tests use it; the content script does not need it).
 */
export function listenForMain(
  win: PageWindow,
  handlers: IsolatedHandlers,
  signal: AbortSignal,
): { connected(): boolean } {
  const doc = win.document;
  let node: EventTarget | null = null;
  const fail = failVerdict(handlers.failMode);

  const reply = (target: EventTarget, verdict: Verdict): void => {
    target.dispatchEvent(new win.CustomEvent(EVENTS.answer, { detail: verdict }));
  };
  const answerWith = (event: Event, decide: (detail: string) => Verdict): void => {
    const target = event.currentTarget;
    if (!target || target !== node) return;
    const detail: unknown = (event as CustomEvent).detail;
    let verdict: Verdict;
    try {
      verdict = typeof detail === 'string' ? decide(detail) : fail;
    } catch {
      verdict = fail;
    }
    reply(target, verdict === 'allow' || verdict === 'stop' ? verdict : fail);
  };

  const onHello = (event: Event): void => {
    if (node) return;
    const candidate = (event as MouseEvent).relatedTarget;
    // The MAIN world's node is a detached element; anything else is not ours.
    if (!(candidate instanceof win.Node) || candidate.isConnected) return;
    event.stopImmediatePropagation();
    node = candidate;
    const listen = { signal } as const;
    node.addEventListener(
      EVENTS.check,
      (e) => answerWith(e, (text) => (text.length > MAX_BODY_BYTES ? fail : handlers.check(text))),
      listen,
    );
    node.addEventListener(
      EVENTS.unreadable,
      (e) => answerWith(e, (reason) => handlers.unreadable(unreadableReason(reason))),
      listen,
    );
    const connected = node;
    signal.addEventListener(
      'abort',
      () => connected.dispatchEvent(new win.CustomEvent(EVENTS.bye)),
      { once: true },
    );
    stopListening();
    node.dispatchEvent(new win.CustomEvent(EVENTS.ready, { detail: handlers.failMode }));
  };
  const stopListening = (): void => {
    win.removeEventListener(EVENTS.hello, onHello, true);
    doc.removeEventListener('DOMContentLoaded', stopListening);
  };

  if (!signal.aborted) {
    win.addEventListener(EVENTS.hello, onHello, { capture: true, signal });
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', stopListening);
    win.dispatchEvent(new win.Event(EVENTS.call));
  }
  return { connected: () => node !== null };
}

function unreadableReason(detail: string): UnreadableReason {
  return (UNREADABLE_REASONS as readonly string[]).includes(detail)
    ? (detail as UnreadableReason)
    : 'error';
}
