import { describe, expect, it } from 'vitest';
import {
  MAX_BODY_BYTES,
  bodyText,
  decodeText,
  extractBody,
  extractFetchBody,
  jsonText,
  settle,
  type Extraction,
} from './body.ts';

// Values are made up: a test-range card and an email on an invented domain.
const EMAIL = 'jane.roe@mailbox-example.net';
const CARD = '4539 1488 0343 6467';

const text = (e: Extraction): string => {
  expect(e.kind).toBe('text');
  return (e as { text: string }).text;
};

describe('extractBody', () => {
  it('reads nothing from an absent or empty body', () => {
    expect(extractBody(null)).toEqual({ kind: 'none' });
    expect(extractBody(undefined)).toEqual({ kind: 'none' });
    expect(extractBody('')).toEqual({ kind: 'none' });
    expect(extractBody('   \n')).toEqual({ kind: 'none' });
    expect(extractBody(new Uint8Array(0))).toEqual({ kind: 'none' });
  });

  it('reads a plain string as it is', () => {
    expect(text(extractBody(`Refund ${EMAIL}`))).toBe(`Refund ${EMAIL}`);
  });

  it('reads JSON as its strings with their keys, so escapes hide nothing', () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: `Card\n${CARD}` }], n: 7 });
    expect(text(extractBody(body))).toBe(`role: user\ncontent: Card\n${CARD}\nn: 7`);
  });

  it('unpacks JSON inside JSON strings', () => {
    const inner = JSON.stringify({ text: `mail ${EMAIL}` });
    expect(jsonText(JSON.stringify({ body: inner }))).toBe(`text: mail ${EMAIL}`);
  });

  it('reads numbers too (a card sent as a JSON number)', () => {
    expect(jsonText('{"card":4539148803436467}')).toBe('card: 4539148803436467');
  });

  it('leaves text that only looks like JSON alone', () => {
    expect(text(extractBody('{not json} at all'))).toBe('{not json} at all');
  });

  it('decodes form encoding, which hides @ and spaces', () => {
    const encoded = new URLSearchParams({ text: `Refund ${EMAIL}` }).toString();
    expect(encoded).not.toContain('@');
    expect(text(extractBody(encoded))).toBe(`text: Refund ${EMAIL}`);
    expect(bodyText('a=1', 'application/x-www-form-urlencoded')).toBe('a: 1');
    expect(text(extractBody(new URLSearchParams({ a: EMAIL })))).toBe(`a: ${EMAIL}`);
  });

  it('does not take ordinary text for form encoding', () => {
    expect(bodyText('x=1 and y=2')).toBe('x=1 and y=2');
  });

  it('reads text bytes as UTF-8, from any view of a buffer', () => {
    const bytes = new TextEncoder().encode(`••• ${EMAIL} €`);
    expect(text(extractBody(bytes))).toBe(`••• ${EMAIL} €`);
    expect(text(extractBody(bytes.buffer))).toBe(`••• ${EMAIL} €`);
    const wide = new Uint8Array(bytes.length + 4);
    wide.set(bytes, 2);
    expect(text(extractBody(new DataView(wide.buffer, 2, bytes.length)))).toBe(`••• ${EMAIL} €`);
  });

  it('finds no text in binary data', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(extractBody(png)).toEqual({ kind: 'none' });
    expect(decodeText(new Uint8Array([0x61, 0x00, 0x62]))).toBeNull();
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41]))).toBeNull();
    const controls = new Uint8Array(100).fill(0x01);
    expect(decodeText(controls)).toBeNull();
  });

  it('reads a FormData: text parts now, text files after a read, binary files not at all', async () => {
    const plain = new FormData();
    plain.append('subject', 'Ticket');
    plain.append('body', `Refund ${EMAIL}`);
    expect(text(extractBody(plain))).toBe(`subject: Ticket\nbody: Refund ${EMAIL}`);

    const withFiles = new FormData();
    withFiles.append('subject', 'Ticket');
    withFiles.append('notes', new File([`card ${CARD}`], 'notes.txt', { type: 'text/plain' }));
    withFiles.append('photo', new File([new Uint8Array([0x89, 0x50, 0, 0])], 'p.png'));
    const e = extractBody(withFiles);
    expect(e.kind).toBe('pending');
    expect(await settle(e)).toEqual({ kind: 'text', text: `subject: Ticket\nnotes: card ${CARD}` });
  });

  it('reads a Blob after an asynchronous read', async () => {
    const e = extractBody(
      new Blob([JSON.stringify({ text: EMAIL })], { type: 'application/json' }),
    );
    expect(e.kind).toBe('pending');
    expect(await settle(e)).toEqual({ kind: 'text', text: `text: ${EMAIL}` });
  });

  it('cannot read a stream', () => {
    expect(extractBody(new ReadableStream())).toEqual({ kind: 'unreadable', reason: 'stream' });
  });

  it('does not read text over the limit, but lets big binary data be', async () => {
    const big = 'a'.repeat(MAX_BODY_BYTES + 1);
    expect(extractBody(big)).toEqual({ kind: 'unreadable', reason: 'too-large' });
    expect(await settle(extractBody(new Blob([big])))).toEqual({
      kind: 'unreadable',
      reason: 'too-large',
    });
    const binary = new Uint8Array(MAX_BODY_BYTES + 1);
    binary[0] = 0xff;
    expect(await settle(extractBody(new Blob([binary])))).toEqual({ kind: 'none' });
    const form = new FormData();
    form.append('a', big);
    expect(extractBody(form)).toEqual({ kind: 'unreadable', reason: 'too-large' });
  });

  it('reads what ToString gives for other values, as the browser sends', () => {
    expect(text(extractBody({ toString: () => `to ${EMAIL}` }))).toBe(`to ${EMAIL}`);
    expect(text(extractBody(42))).toBe('42');
    const throwing = {
      toString(): string {
        throw new Error('no');
      },
    };
    expect(extractBody(throwing)).toEqual({ kind: 'unreadable', reason: 'error' });
  });

  it('turns a failed read into an unreadable body', async () => {
    const failing: Extraction = { kind: 'pending', read: () => Promise.reject(new Error('x')) };
    expect(await settle(failing)).toEqual({ kind: 'unreadable', reason: 'error' });
  });
});

describe('extractFetchBody', () => {
  it('has nothing to read in a GET', () => {
    expect(extractFetchBody('/api', undefined)).toEqual({ kind: 'none' });
    expect(extractFetchBody('/api', { method: 'GET' })).toEqual({ kind: 'none' });
    expect(extractFetchBody(new Request('https://a.test/'), undefined)).toEqual({ kind: 'none' });
  });

  it('reads init.body, using the content type it was given', () => {
    const e = extractFetchBody('/api', {
      method: 'POST',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: 'to=jane.roe%40mailbox-example.net',
    });
    expect(text(e)).toBe(`to: ${EMAIL}`);
  });

  it("reads a Request's body from a clone, leaving the Request usable", async () => {
    const request = new Request('https://a.test/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `card ${CARD}` }),
    });
    const e = extractFetchBody(request, undefined);
    expect(await settle(e)).toEqual({ kind: 'text', text: `text: card ${CARD}` });
    expect(request.bodyUsed).toBe(false);
    expect(await request.text()).toContain(CARD);
  });

  it('prefers init.body over the Request body, as fetch does', () => {
    const request = new Request('https://a.test/api', { method: 'POST', body: 'old' });
    expect(text(extractFetchBody(request, { body: 'new' }))).toBe('new');
  });
});
