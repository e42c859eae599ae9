/**
 * Reading the text of a request body, for the network backstop. Runs in the page's MAIN world,
 * on every request that carries a body, so it stays small and cheap: no engine here, only the
 * text the isolated world will scan.
 *
 * What a body becomes:
 * - strings: as they are, except JSON (its strings and numbers, one per line, each with its key,
 *   so `\n` escapes and quoting do not hide a value) and form encoding (decoded `name: value`);
 * - URLSearchParams and FormData: `name: value` lines; text files in a FormData are read too;
 * - Blob, ArrayBuffer and typed arrays: decoded as UTF-8 when they look like text, otherwise they
 *   carry no text to check (images, archives, compressed data);
 * - a Request's body: read from a clone;
 * - a ReadableStream, or text over MAX_BODY_BYTES: unreadable, and the page's fail mode decides.
 *
 * Objects are recognised by their brand (`Object.prototype.toString`), not `instanceof`, so a
 * body made in another frame of the page is read the same way.
 */

/** Bodies larger than this (bytes, or UTF-16 units for strings) are not read: fail mode. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Why a body could not be read. Part of the channel's vocabulary: add, never rename. */
export const UNREADABLE_REASONS = ['too-large', 'stream', 'error', 'needs-wait'] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

/** What a body holds, once read. */
export type Reading =
  /** Nothing to check: no body, an empty one, or bytes that are not text. */
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'unreadable'; reason: UnreadableReason };

/** A body read now, or one that needs an asynchronous read first (blobs, files, requests). */
export type Extraction = Reading | { kind: 'pending'; read: () => Promise<Reading> };

const NONE: Reading = { kind: 'none' };
const toTag = Object.prototype.toString;

function brand(value: object): string {
  return toTag.call(value).slice(8, -1);
}

/** The reading of a body as `fetch`, `XMLHttpRequest.send`, `sendBeacon` or `WebSocket.send` get it. */
export function extractBody(body: unknown, contentType?: string | null): Extraction {
  if (body === null || body === undefined) return NONE;
  if (typeof body === 'string') return readString(body, contentType);
  if (typeof body !== 'object') return readString(String(body), contentType);
  if (ArrayBuffer.isView(body)) {
    return readBytes(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), contentType);
  }
  switch (brand(body)) {
    case 'ArrayBuffer':
    case 'SharedArrayBuffer':
      return readBytes(new Uint8Array(body as ArrayBuffer), contentType);
    case 'Blob':
    case 'File':
      return readBlob(body as Blob);
    case 'URLSearchParams':
      return readString(pairsText(body as URLSearchParams), 'text/plain');
    case 'FormData':
      return readFormData(body as FormData);
    case 'ReadableStream':
      return { kind: 'unreadable', reason: 'stream' };
    case 'HTMLDocument':
    case 'XMLDocument':
    case 'Document':
      return readString((body as Document).documentElement?.outerHTML ?? '', 'text/html');
    default:
      // The browser sends what ToString gives for any other value; so do we.
      try {
        return readString(String(body), contentType);
      } catch {
        return { kind: 'unreadable', reason: 'error' };
      }
  }
}

/** A fetch's body: `init.body` when given, else the Request's own body (read from a clone). */
export function extractFetchBody(input: unknown, init: unknown): Extraction {
  if (typeof init === 'object' && init !== null) {
    const body = (init as RequestInit).body;
    if (body !== null && body !== undefined) {
      return extractBody(body, headerOf((init as RequestInit).headers, 'content-type'));
    }
  }
  if (typeof input === 'object' && input !== null && brand(input) === 'Request') {
    const request = input as Request;
    if (request.body === null) return NONE;
    let copy: Request;
    try {
      copy = request.clone();
    } catch {
      // Its body was already used: fetch itself will fail, there is nothing left to send.
      return NONE;
    }
    const type = request.headers.get('content-type');
    return {
      kind: 'pending',
      read: async () => {
        const buffer = await copy.arrayBuffer();
        if (buffer.byteLength > MAX_BODY_BYTES) return sniffTooLarge(new Uint8Array(buffer));
        return settle(readBytes(new Uint8Array(buffer), type));
      },
    };
  }
  return NONE;
}

/** One header of a RequestInit's `headers` (a Headers, a list of pairs or a record). */
function headerOf(headers: unknown, name: string): string | null {
  if (headers === null || headers === undefined) return null;
  try {
    return new Headers(headers as HeadersInit).get(name);
  } catch {
    return null;
  }
}

/** Text as the isolated world should see it: JSON and form encoding decoded. */
export function bodyText(raw: string, contentType?: string | null): string {
  const type = (contentType ?? '').toLowerCase();
  const lead = firstNonSpace(raw);
  if (lead === '{' || lead === '[' || type.includes('json')) {
    const json = jsonText(raw);
    if (json !== null) return json;
  }
  if (type.includes('x-www-form-urlencoded') || (!type && looksFormEncoded(raw))) {
    try {
      return pairsText(new URLSearchParams(raw));
    } catch {
      return raw;
    }
  }
  return raw;
}

function readString(raw: string, contentType?: string | null): Reading {
  if (raw.length > MAX_BODY_BYTES) return { kind: 'unreadable', reason: 'too-large' };
  const text = bodyText(raw, contentType);
  return text.trim() === '' ? NONE : { kind: 'text', text };
}

function readBytes(bytes: Uint8Array, contentType?: string | null): Reading {
  if (bytes.byteLength === 0) return NONE;
  if (bytes.byteLength > MAX_BODY_BYTES) return sniffTooLarge(bytes);
  const text = decodeText(bytes);
  return text === null ? NONE : readString(text, contentType);
}

/** A body over the limit: unreadable if it is text, nothing to check if it is binary. */
function sniffTooLarge(bytes: Uint8Array): Reading {
  return decodeText(bytes.subarray(0, 1024), true) === null
    ? NONE
    : { kind: 'unreadable', reason: 'too-large' };
}

function readBlob(blob: Blob): Extraction {
  if (blob.size === 0) return NONE;
  const type = blob.type;
  return {
    kind: 'pending',
    read: async () => {
      if (blob.size > MAX_BODY_BYTES) {
        return sniffTooLarge(new Uint8Array(await blob.slice(0, 1024).arrayBuffer()));
      }
      return readBytes(new Uint8Array(await blob.arrayBuffer()), type);
    },
  };
}

/**
 * A multipart body: its text parts now, its files' contents after an asynchronous read (only
 * files that decode as text; images and archives carry nothing to check).
 */
function readFormData(form: FormData): Extraction {
  const lines: string[] = [];
  const files: { name: string; file: Blob }[] = [];
  let size = 0;
  for (const [name, value] of form) {
    if (typeof value === 'string') {
      lines.push(`${name}: ${value}`);
      size += name.length + value.length;
    } else {
      files.push({ name, file: value });
    }
  }
  if (size > MAX_BODY_BYTES) return { kind: 'unreadable', reason: 'too-large' };
  const text = lines.join('\n');
  if (files.length === 0) return text.trim() === '' ? NONE : { kind: 'text', text };
  return {
    kind: 'pending',
    read: async () => {
      const parts = [text];
      let total = size;
      for (const { name, file } of files) {
        const reading = await settle(readBlob(file));
        if (reading.kind === 'unreadable') return reading;
        if (reading.kind === 'text') {
          total += reading.text.length;
          if (total > MAX_BODY_BYTES) return { kind: 'unreadable', reason: 'too-large' };
          parts.push(`${name}: ${reading.text}`);
        }
      }
      const all = parts.join('\n');
      return all.trim() === '' ? NONE : { kind: 'text', text: all };
    },
  };
}

/** The reading of an extraction, waiting when it is pending; a failed read is `error`. */
export async function settle(extraction: Extraction): Promise<Reading> {
  if (extraction.kind !== 'pending') return extraction;
  try {
    return await extraction.read();
  } catch {
    return { kind: 'unreadable', reason: 'error' };
  }
}

/** The form fields a `form.submit()` would send (files are the upload guard's business). */
export function formFieldsText(form: HTMLFormElement): Reading {
  const lines: string[] = [];
  let size = 0;
  for (const el of Array.from(form.elements)) {
    const field = el as HTMLInputElement;
    if (!field.name || field.disabled) continue;
    const type = (field.type ?? '').toLowerCase();
    if (type === 'file' || type === 'submit' || type === 'button' || type === 'reset') continue;
    if ((type === 'checkbox' || type === 'radio') && !field.checked) continue;
    const value = typeof field.value === 'string' ? field.value : '';
    lines.push(`${field.name}: ${value}`);
    size += field.name.length + value.length;
    if (size > MAX_BODY_BYTES) return { kind: 'unreadable', reason: 'too-large' };
  }
  const text = lines.join('\n');
  return text.trim() === '' ? NONE : { kind: 'text', text };
}

function pairsText(params: URLSearchParams): string {
  const lines: string[] = [];
  for (const [name, value] of params) lines.push(`${name}: ${value}`);
  return lines.join('\n');
}

function firstNonSpace(s: string): string {
  for (let i = 0; i < s.length && i < 64; i++) {
    const c = s[i]!;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
  }
  return '';
}

/** `a=1&b=x%40y` with no spaces: URL-encoded pairs, which hide `@` and spaces from a scan. */
const FORM_ENCODED = /^[^\s=&]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*$/;

function looksFormEncoded(raw: string): boolean {
  return raw.length < 65_536 ? FORM_ENCODED.test(raw) : false;
}

/** How deep JSON inside JSON strings is unpacked (`{"body":"{\"text\":...}"}`). */
const JSON_DEPTH = 3;

/**
 * The strings and numbers of a JSON text, one per line with their key (`text: Hello`), or null
 * when it is not JSON. Keys stay beside their values: they are context for the detectors.
 */
export function jsonText(raw: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const lines: string[] = [];
  walk(value, '', lines, JSON_DEPTH);
  return lines.join('\n');
}

function walk(value: unknown, key: string, lines: string[], depth: number): void {
  if (typeof value === 'string') {
    const lead = firstNonSpace(value);
    if (depth > 0 && (lead === '{' || lead === '[')) {
      try {
        const inner: unknown = JSON.parse(value);
        if (typeof inner === 'object' && inner !== null) {
          walk(inner, key, lines, depth - 1);
          return;
        }
      } catch {
        // Not JSON after all: scan it as text below.
      }
    }
    lines.push(key ? `${key}: ${value}` : value);
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    lines.push(key ? `${key}: ${String(value)}` : String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) walk(item, key, lines, depth);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) walk(v, k, lines, depth);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 text, or null when the bytes are not text (invalid UTF-8, or control characters that
 * text does not have). `partial` accepts a multi-byte character cut at the end (a sniffed head).
 */
export function decodeText(bytes: Uint8Array, partial = false): string | null {
  let text: string;
  try {
    text = partial
      ? new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
      : decoder.decode(bytes);
  } catch {
    return null;
  }
  let controls = 0;
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return null;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  return controls * 100 > n ? null : text;
}
