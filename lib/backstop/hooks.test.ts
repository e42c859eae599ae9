// The hooks against a small stand-in window whose "browser functions" record their calls; the
// real browser functions are exercised in Chromium by test/e2e/backstop.spec.ts.
import { describe, expect, it } from 'vitest';
import type { Reading } from './body.ts';
import { installHooks, STOPPED_MESSAGE } from './hooks.ts';

/** Stops any body whose text mentions "secret"; records what it was asked. */
function gate() {
  const asked: Reading[] = [];
  const allowed = (reading: Reading): boolean => {
    asked.push(reading);
    return !(reading.kind === 'text' && reading.text.includes('secret'));
  };
  return { asked, allowed };
}

function fakeWindow() {
  const sent: unknown[][] = [];
  class FakeSocket {
    send(data: unknown): void {
      sent.push(['ws', data]);
    }
  }
  const win = {
    Promise,
    TypeError,
    WebSocket: FakeSocket,
    navigator: {
      sendBeacon(url: string, data?: unknown): boolean {
        sent.push(['beacon', url, data]);
        return true;
      },
    },
    fetch(input: unknown, init?: unknown): Promise<string> {
      sent.push(['fetch', input, init]);
      return Promise.resolve('response');
    },
  };
  return { win, sent, FakeSocket };
}

describe('installHooks', () => {
  it('keeps name and length, and passes calls without a body straight through', async () => {
    const { win, sent } = fakeWindow();
    const { asked, allowed } = gate();
    const fetchBefore = win.fetch;
    installHooks(win as unknown as Window & typeof globalThis, allowed);
    expect(win.fetch).not.toBe(fetchBefore);
    expect([win.fetch.name, win.fetch.length]).toEqual(['fetch', fetchBefore.length]);
    expect([win.navigator.sendBeacon.name, win.navigator.sendBeacon.length]).toEqual([
      'sendBeacon',
      2,
    ]);
    expect('prototype' in win.fetch).toBe(false);
    expect(await win.fetch('/api')).toBe('response');
    expect(asked).toEqual([]);
    expect(sent).toEqual([['fetch', '/api', undefined]]);
  });

  it('stops a fetch with a TypeError naming Hush, and lets a clean one go', async () => {
    const { win, sent } = fakeWindow();
    installHooks(win as unknown as Window & typeof globalThis, gate().allowed);
    await expect(win.fetch('/api', { method: 'POST', body: 'a secret' })).rejects.toThrow(
      new TypeError(STOPPED_MESSAGE),
    );
    await expect(win.fetch('/api', { method: 'POST', body: 'hello' })).resolves.toBe('response');
    // A Blob body is read first.
    await expect(
      win.fetch('/api', { method: 'POST', body: new Blob(['a secret']) }),
    ).rejects.toThrow(TypeError);
    expect(sent.map((s) => (s[2] as { body: unknown }).body)).toEqual(['hello']);
  });

  it('answers a beacon at once: false when stopped; a Blob beacon is read, then sent or dropped', async () => {
    const { win, sent } = fakeWindow();
    installHooks(win as unknown as Window & typeof globalThis, gate().allowed);
    expect(win.navigator.sendBeacon('/b', 'a secret')).toBe(false);
    expect(win.navigator.sendBeacon('/b', 'hello')).toBe(true);
    const secretBlob = new Blob(['a secret']);
    const cleanBlob = new Blob(['fine']);
    expect(win.navigator.sendBeacon('/b', secretBlob)).toBe(true);
    expect(win.navigator.sendBeacon('/b', cleanBlob)).toBe(true);
    await expect.poll(() => sent.length).toBe(2);
    expect(sent).toEqual([
      ['beacon', '/b', 'hello'],
      ['beacon', '/b', cleanBlob],
    ]);
  });

  it('drops a stopped WebSocket message and keeps the order of the rest', async () => {
    const { win, sent, FakeSocket } = fakeWindow();
    installHooks(win as unknown as Window & typeof globalThis, gate().allowed);
    const socket = new FakeSocket();
    const blob = new Blob(['second']);
    socket.send('first');
    socket.send(blob); // needs a read: what follows waits behind it
    socket.send('a secret');
    socket.send('third');
    expect(sent).toEqual([['ws', 'first']]);
    await expect.poll(() => sent.length).toBe(3);
    expect(sent).toEqual([
      ['ws', 'first'],
      ['ws', blob],
      ['ws', 'third'],
    ]);
    socket.send('a secret');
    socket.send('fourth');
    expect(sent.at(-1)).toEqual(['ws', 'fourth']);
  });
});
