/**
 * The network backstop's hooks, installed in the page's MAIN world at document_start: `fetch`,
 * `XMLHttpRequest.prototype.send` (with `open` and `abort`, to know a request's method, mode and
 * generation), `WebSocket.prototype.send`, `navigator.sendBeacon` and `HTMLFormElement.prototype
 * .submit`. Each reads the body (body.ts), asks whether it may leave (`allowed`), and either
 * calls the browser's own function or stops the request the way a network failure would look:
 *
 * - fetch rejects with a TypeError that names Hush;
 * - XMLHttpRequest fails like a network error (readyState 4, status 0, `error` and `loadend`;
 *   a synchronous request throws a NetworkError DOMException);
 * - WebSocket.send drops the message; the socket stays open;
 * - sendBeacon returns false; form.submit() submits nothing.
 *
 * A call without a body goes straight to the browser's function: one property check, nothing
 * else. Bodies that need an asynchronous read (blobs, files, Request objects) delay the request
 * until they are read; WebSocket messages keep their order.
 *
 * The wrappers keep the originals' `name` and `length` and property attributes, are not
 * constructors (methods, like the originals), and call the originals captured at install time.
 * They keep honest code working; a hostile page can still get an unhooked function (see
 * docs/guard.md, "Network backstop").
 */
import type { PageWindow } from './channel.ts';
import { extractBody, extractFetchBody, formFieldsText, settle, type Reading } from './body.ts';

/** Whether a request whose body reads as `reading` may leave (asks the isolated world). */
export type Gate = (reading: Reading) => boolean;

/** What a stopped fetch rejects with, and a stopped synchronous XHR throws. */
export const STOPPED_MESSAGE =
  'Hush stopped this request: it carries data that may not leave this site.';

/** Installs every hook on `win`. */
export function installHooks(win: PageWindow, allowed: Gate): void {
  hookFetch(win, allowed);
  hookXhr(win, allowed);
  hookWebSocket(win, allowed);
  hookBeacon(win, allowed);
  hookFormSubmit(win, allowed);
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Replaces `owner[name]` (or the first prototype that has it) with `make(original)`, keeping
 * the property's attributes and the function's `name` and `length`. Returns false when there is
 * nothing to hook.
 */
function replace(
  owner: object,
  name: string,
  make: (original: AnyFunction) => AnyFunction,
): boolean {
  let holder: object | null = owner;
  let descriptor: PropertyDescriptor | undefined;
  while (holder && !(descriptor = Object.getOwnPropertyDescriptor(holder, name))) {
    holder = Object.getPrototypeOf(holder) as object | null;
  }
  if (!holder || !descriptor || typeof descriptor.value !== 'function') return false;
  const original = descriptor.value as AnyFunction;
  const wrapper = make(original);
  Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  Object.defineProperty(holder, name, { ...descriptor, value: wrapper });
  return true;
}

/** A method (not a constructor, no prototype, like the browser's own) that runs `body`. */
function method(body: (self: unknown, args: IArguments) => unknown): AnyFunction {
  return {
    hooked(this: unknown) {
      // eslint-disable-next-line prefer-rest-params
      return body(this, arguments);
    },
  }.hooked as AnyFunction;
}

function hookFetch(win: PageWindow, allowed: Gate): void {
  const Promise_ = win.Promise;
  const TypeError_ = win.TypeError;
  replace(win, 'fetch', (original) =>
    method((self, args) => {
      const extraction = extractFetchBody(args[0], args[1]);
      if (extraction.kind === 'none') return Reflect.apply(original, self, args);
      const go = (reading: Reading): unknown =>
        allowed(reading)
          ? Reflect.apply(original, self, args)
          : Promise_.reject(new TypeError_(STOPPED_MESSAGE));
      if (extraction.kind !== 'pending') return go(extraction);
      return settle(extraction).then(go);
    }),
  );
}

interface XhrState {
  method: string;
  sync: boolean;
  /** Bumped by open() and abort(): a delayed send of an older generation is dropped. */
  generation: number;
}

function hookXhr(win: PageWindow, allowed: Gate): void {
  const Xhr = win.XMLHttpRequest as typeof XMLHttpRequest | undefined;
  if (!Xhr) return;
  const proto = Xhr.prototype;
  const states = new WeakMap<object, XhrState>();
  const setTimeout_ = win.setTimeout.bind(win);
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const Progress = win.ProgressEvent;
  const DOMException_ = win.DOMException;
  const Event_ = win.Event;

  replace(proto, 'open', (original) =>
    method((self, args) => {
      const result = Reflect.apply(original, self, args);
      // Only reached when open() succeeded: the request is now in the OPENED state.
      const previous = states.get(self as object);
      states.set(self as object, {
        method: String(args[0]).toUpperCase(),
        sync: args.length >= 3 && !args[2],
        generation: (previous?.generation ?? 0) + 1,
      });
      // A request that failed through us before looks failed no longer.
      delete (self as { readyState?: number }).readyState;
      return result;
    }),
  );
  replace(proto, 'abort', (original) =>
    method((self, args) => {
      const state = states.get(self as object);
      if (state) state.generation++;
      return Reflect.apply(original, self, args);
    }),
  );

  /** Looks like the browser's network error: done, status 0, `error` then `loadend`. */
  const fail = (xhr: XMLHttpRequest): void => {
    setTimeout_(() => {
      Object.defineProperty(xhr, 'readyState', { configurable: true, get: () => 4 });
      dispatch.call(xhr, new Event_('readystatechange'));
      dispatch.call(xhr, new Progress('error'));
      dispatch.call(xhr, new Progress('loadend'));
    }, 0);
  };

  replace(proto, 'send', (original) => {
    /** A body read now: send it, or fail the way the browser fails a request. */
    const decideNow = (xhr: XMLHttpRequest, reading: Reading, args: IArguments): unknown => {
      if (allowed(reading)) return Reflect.apply(original, xhr, args);
      if (states.get(xhr)?.sync) throw new DOMException_(STOPPED_MESSAGE, 'NetworkError');
      dispatch.call(xhr, new Progress('loadstart'));
      fail(xhr);
      return undefined;
    };
    return method((self, args) => {
      const xhr = self as XMLHttpRequest;
      const state = states.get(xhr);
      // Not opened through us, or a method whose body the browser drops: nothing to check.
      // (A send in the wrong state reaches the browser's send, which throws as it should.)
      if (!state || state.method === 'GET' || state.method === 'HEAD' || xhr.readyState !== 1) {
        return Reflect.apply(original, self, args);
      }
      const extraction = extractBody(args[0]);
      if (extraction.kind === 'none') return Reflect.apply(original, self, args);
      if (extraction.kind !== 'pending') return decideNow(xhr, extraction, args);
      if (state.sync) {
        // A synchronous request cannot wait for a read: Hush cannot check it.
        return decideNow(xhr, { kind: 'unreadable', reason: 'needs-wait' }, args);
      }
      const generation = state.generation;
      void settle(extraction).then((reading) => {
        if (states.get(xhr)?.generation !== generation) return;
        if (!allowed(reading)) {
          fail(xhr);
          return;
        }
        try {
          Reflect.apply(original, xhr, args);
        } catch {
          fail(xhr);
        }
      });
      return undefined;
    });
  });
}

function hookWebSocket(win: PageWindow, allowed: Gate): void {
  const Ws = win.WebSocket as typeof WebSocket | undefined;
  if (!Ws) return;
  /** Messages waiting for a read, per socket: later messages wait behind them, in order. */
  const queues = new WeakMap<object, Promise<void>>();
  replace(Ws.prototype, 'send', (original) =>
    method((self, args) => {
      const socket = self as object;
      const queued = queues.get(socket);
      const extraction = extractBody(args[0]);
      if (!queued && extraction.kind !== 'pending') {
        if (extraction.kind === 'none' || allowed(extraction)) {
          return Reflect.apply(original, self, args);
        }
        return undefined;
      }
      const next = (queued ?? Promise.resolve()).then(async () => {
        const reading = await settle(extraction);
        if (!allowed(reading)) return;
        try {
          Reflect.apply(original, self, args);
        } catch {
          // The socket closed meanwhile: the browser drops the message too.
        }
      });
      queues.set(socket, next);
      void next.then(() => {
        if (queues.get(socket) === next) queues.delete(socket);
      });
      return undefined;
    }),
  );
}

function hookBeacon(win: PageWindow, allowed: Gate): void {
  const nav = win.navigator as Navigator | undefined;
  if (!nav || typeof nav.sendBeacon !== 'function') return;
  replace(nav, 'sendBeacon', (original) =>
    method((self, args) => {
      const extraction = extractBody(args[1]);
      if (extraction.kind === 'none') return Reflect.apply(original, self, args);
      if (extraction.kind !== 'pending') {
        return allowed(extraction) ? Reflect.apply(original, self, args) : false;
      }
      // A beacon must answer now: it is queued, read, and then sent or dropped. A page that
      // unloads before the read ends loses it, which is the safe way to lose it.
      void settle(extraction).then((reading) => {
        if (allowed(reading)) Reflect.apply(original, self, args);
      });
      return true;
    }),
  );
}

function hookFormSubmit(win: PageWindow, allowed: Gate): void {
  const Form = win.HTMLFormElement as typeof HTMLFormElement | undefined;
  if (!Form) return;
  replace(Form.prototype, 'submit', (original) =>
    method((self, args) =>
      allowed(formFieldsText(self as HTMLFormElement))
        ? Reflect.apply(original, self, args)
        : undefined,
    ),
  );
}
