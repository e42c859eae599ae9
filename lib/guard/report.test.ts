// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { GuardEvent } from './context.ts';
import { connectReporter, type Runtime } from './report.ts';

type Listener = Parameters<Runtime['onMessage']['addListener']>[0];

/** A runtime that keeps what was sent and lets the test deliver messages to the listeners. */
function runtime(fail = false) {
  const sent: unknown[] = [];
  const listeners = new Set<Listener>();
  const rt: Runtime = {
    id: 'ext',
    sendMessage: async (m) => {
      sent.push(m);
      if (fail) throw new Error('Could not establish connection');
      return { ok: true };
    },
    onMessage: {
      addListener: (l) => listeners.add(l),
      removeListener: (l) => listeners.delete(l),
    },
  };
  const deliver = (message: unknown, from = 'ext') =>
    [...listeners].map((l) => l(message, { id: from })).find((r) => r !== undefined);
  return { rt, sent, listeners, deliver };
}

const event: GuardEvent = {
  channel: 'paste',
  action: 'mask',
  outcome: 'masked',
  counts: { EMAIL: 1 },
};

describe('connectReporter', () => {
  it('announces the top frame’s page and answers the popup with its id and address', async () => {
    const { rt, sent, deliver } = runtime();
    connectReporter(window, new AbortController().signal, rt);
    expect(sent).toHaveLength(1);
    const announced = sent[0] as { type: string; payload: { pageId: string; restored: boolean } };
    expect(announced.type).toBe('hush:page');
    expect(announced.payload.restored).toBe(false);
    expect(announced.payload.pageId).toMatch(/^[0-9a-f]{32}$/);
    expect(await deliver({ type: 'hush:which-page' })).toEqual({
      pageId: announced.payload.pageId,
      address: window.location.href,
    });
    // Another extension, or another question, gets no answer.
    expect(deliver({ type: 'hush:which-page' }, 'other')).toBeUndefined();
    expect(deliver({ type: 'hush:scan' })).toBeUndefined();
  });

  it('announces a page back from the back-forward cache as restored', () => {
    const { rt, sent } = runtime();
    connectReporter(window, new AbortController().signal, rt);
    const restored = new Event('pageshow') as PageTransitionEvent;
    Object.defineProperty(restored, 'persisted', { value: true });
    window.dispatchEvent(restored);
    expect((sent[1] as { payload: { restored: boolean } }).payload.restored).toBe(true);
  });

  it('sends valid decisions, caps a long reason, and drops what does not validate', () => {
    const { rt, sent } = runtime();
    const report = connectReporter(window, new AbortController().signal, rt);
    sent.length = 0;
    report(event);
    report({ ...event, outcome: 'overridden', reason: 'r'.repeat(900) });
    report({ ...event, counts: { EMAIL: -3 } });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({ type: 'hush:report', payload: event });
    expect((sent[1] as { payload: GuardEvent }).payload.reason).toHaveLength(500);
  });

  it('never throws into the page when the background cannot be reached, and stops on abort', async () => {
    const { rt, sent, listeners } = runtime(true);
    const controller = new AbortController();
    const report = connectReporter(window, controller.signal, rt);
    expect(() => report(event)).not.toThrow();
    await Promise.resolve();
    controller.abort();
    expect(listeners.size).toBe(0);
    const before = sent.length;
    report(event);
    expect(sent).toHaveLength(before);
  });
});
