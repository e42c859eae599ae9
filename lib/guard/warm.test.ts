// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenVault, type Finding } from '@/rules/index.ts';
import { WARM_PARTS } from '@/rules/warm.ts';
import { guardContext, type GuardContext } from './context.ts';
import { installWarmUp } from './warm.ts';

/** Idle callbacks the test runs by hand, one at a time. */
class IdleQueue {
  readonly pending = new Map<number, IdleRequestCallback>();
  readonly cancelled: number[] = [];
  #next = 1;
  request = (cb: IdleRequestCallback): number => {
    const id = this.#next++;
    this.pending.set(id, cb);
    return id;
  };
  cancel = (id: number): void => {
    this.cancelled.push(id);
    this.pending.delete(id);
  };
  /** Runs the oldest pending callback; false when there is none. */
  runOne(): boolean {
    const first = this.pending.entries().next();
    if (first.done) return false;
    const [id, cb] = first.value;
    this.pending.delete(id);
    cb({ didTimeout: false, timeRemaining: () => 50 });
    return true;
  }
}

type IdleWindow = Window & {
  requestIdleCallback: Window['requestIdleCallback'];
  cancelIdleCallback: Window['cancelIdleCallback'];
};

let controller: AbortController;
let idle: IdleQueue;
let scanned: string[];

function setup(
  rounds: number,
  scanImpl: (text: string) => Finding[] = (t) => (scanned.push(t), []),
): GuardContext {
  controller = new AbortController();
  const guard = guardContext({
    win: window,
    pageClass: 'unapproved-ai',
    vault: new TokenVault({ seed: 7 }),
    signal: controller.signal,
    scan: scanImpl,
  });
  installWarmUp(window, guard, rounds);
  return guard;
}

function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

beforeEach(() => {
  idle = new IdleQueue();
  scanned = [];
  // happy-dom has no idle callbacks; the page's window gets the queue.
  (window as IdleWindow).requestIdleCallback = idle.request;
  (window as IdleWindow).cancelIdleCallback = idle.cancel;
});

afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
  delete (window as Partial<IdleWindow>).requestIdleCallback;
  delete (window as Partial<IdleWindow>).cancelIdleCallback;
});

describe('installWarmUp', () => {
  it('waits for focus in an editable, then scans one part per idle callback, once', () => {
    setup(2);
    const host = mount('<button>Menu</button><textarea></textarea><div contenteditable></div>');
    expect(idle.pending.size).toBe(0);
    // Focus on something that is not an editor starts nothing.
    host.querySelector('button')!.focus();
    expect(idle.pending.size).toBe(0);
    host.querySelector('textarea')!.focus();
    // Nothing is scanned inside the focus listener: the first step waits for idle time.
    expect(scanned).toEqual([]);
    expect(idle.pending.size).toBe(1);
    let callbacks = 0;
    while (idle.runOne()) {
      callbacks++;
      expect(scanned.length).toBe(callbacks);
      expect(idle.pending.size).toBeLessThanOrEqual(1);
    }
    expect(callbacks).toBe(2 * WARM_PARTS.length);
    expect(scanned.slice(0, WARM_PARTS.length)).toEqual(WARM_PARTS);
    // Focus into another editor later: the warm-up does not run again.
    (host.querySelector('[contenteditable]') as HTMLElement).focus();
    host.querySelector('textarea')!.focus();
    expect(idle.pending.size).toBe(0);
    expect(scanned.length).toBe(2 * WARM_PARTS.length);
  });

  it('scans through the scan policy set last', () => {
    const guard = setup(1);
    mount('<textarea></textarea>').querySelector('textarea')!.focus();
    idle.runOne();
    const later: string[] = [];
    guard.scan = (t) => (later.push(t), []);
    while (idle.runOne());
    expect(scanned.length).toBe(1);
    expect(later.length).toBe(WARM_PARTS.length - 1);
  });

  it('stops when the guard is aborted, before or during the warm-up', () => {
    setup(2);
    const field = mount('<textarea></textarea>').querySelector('textarea')!;
    field.focus();
    idle.runOne();
    idle.runOne();
    expect(scanned.length).toBe(2);
    const [waiting] = [...idle.pending.keys()];
    controller.abort();
    expect(idle.cancelled).toEqual([waiting]);
    expect(idle.runOne()).toBe(false);
    expect(scanned.length).toBe(2);

    // Aborted before any focus: the listener is gone with the signal.
    scanned = [];
    setup(2);
    controller.abort();
    field.blur();
    field.focus();
    expect(idle.pending.size).toBe(0);
    expect(scanned).toEqual([]);
  });

  it('never throws into the page: a failing scan ends the warm-up quietly', () => {
    let calls = 0;
    setup(2, () => {
      calls++;
      throw new Error('engine failure');
    });
    mount('<textarea></textarea>').querySelector('textarea')!.focus();
    expect(() => idle.runOne()).not.toThrow();
    expect(calls).toBe(1);
    expect(idle.pending.size).toBe(0);
  });

  it('falls back to timers where the window has no idle callbacks', async () => {
    delete (window as Partial<IdleWindow>).requestIdleCallback;
    delete (window as Partial<IdleWindow>).cancelIdleCallback;
    vi.useFakeTimers();
    try {
      setup(1);
      mount('<textarea></textarea>').querySelector('textarea')!.focus();
      expect(scanned).toEqual([]);
      await vi.advanceTimersByTimeAsync(0);
      expect(scanned.length).toBeGreaterThanOrEqual(1);
      await vi.runAllTimersAsync();
      expect(scanned.length).toBe(WARM_PARTS.length);
    } finally {
      vi.useRealTimers();
    }
  });
});
