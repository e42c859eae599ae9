/**
 * Text of an Internet message (RFC 5322 with MIME, RFC 2045-2047): the address and subject
 * headers, every text/plain and text/html part decoded from its transfer encoding and charset,
 * and attachments in formats we read, through `readAttachment`. The message is parsed as a
 * byte-per-char string so that each part can be decoded with its own charset.
 */
import { binaryString, decodeBytes, htmlToText, stringBytes } from './text.ts';

/** Headers a reader (and a model) sees; routing headers are noise. */
const KEPT_HEADERS = ['from', 'to', 'cc', 'bcc', 'reply-to', 'subject'];
const MAX_DEPTH = 8;

export interface Attachment {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** Reads an attached file; returns its text, or a note when it cannot be read. */
export type AttachmentReader = (file: Attachment) => { text?: string; note?: string };

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers = new Map<string, string>();
  // Unfold continuation lines (RFC 5322 2.2.3) before splitting fields.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(key)) headers.set(key, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** `text/plain; charset="utf-8"` -> value and parameters (RFC 2045 5.1, RFC 2231 not needed). */
function parseHeaderValue(value: string | undefined): {
  value: string;
  params: Map<string, string>;
} {
  const params = new Map<string, string>();
  const [first = '', ...rest] = (value ?? '').split(';');
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase().replace(/\*$/, '');
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"')) v = v.slice(1, v.lastIndexOf('"') > 0 ? v.lastIndexOf('"') : undefined);
    // RFC 2231 extended value: charset'lang'percent-encoded.
    const ext = /^([\w-]+)'[^']*'(.*)$/.exec(v);
    if (ext) v = decodeBytes(stringBytes(safeUnescape(ext[2] ?? '')), ext[1]);
    params.set(key, v);
  }
  return { value: first.trim().toLowerCase(), params };
}

function safeUnescape(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function decodeBase64(body: string): string {
  let clean = body.replace(/[^A-Za-z0-9+/]/g, '');
  // A dangling sixth bit-group cannot form a byte; drop it rather than let atob throw.
  if (clean.length % 4 === 1) clean = clean.slice(0, -1);
  // atob exists in Node 16+ and browsers and returns the byte-per-char form we parse in.
  return atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
}

/** RFC 2047 encoded words in headers: =?charset?B?...?= and =?charset?Q?...?=. */
export function decodeHeader(value: string): string {
  const decoded = value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_m, charset: string, enc: string, text: string) => {
        const raw =
          enc.toUpperCase() === 'B'
            ? decodeBase64(text)
            : decodeQuotedPrintable(text.replace(/_/g, ' '));
        return decodeBytes(stringBytes(raw), charset.replace(/\*.*$/, ''));
      },
    );
  // Headers may also carry raw UTF-8 (RFC 6532); they arrive here one byte per char.
  return /[\x80-\xff]/.test(decoded) && !/[^\x00-\xff]/.test(decoded)
    ? decodeBytes(stringBytes(decoded))
    : decoded;
}

function transferDecode(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64') return decodeBase64(part.body);
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return part.body;
}

export function emlText(
  bytes: Uint8Array,
  readAttachment: AttachmentReader,
  depth = 0,
): { text: string; notes: string[] } {
  const notes: string[] = [];
  const out: string[] = [];
  const top = splitPart(binaryString(bytes));
  const headerLines = KEPT_HEADERS.flatMap((key) => {
    const value = top.headers.get(key);
    return value
      ? [
          `${key === 'reply-to' ? 'Reply-To' : key[0]?.toUpperCase() + key.slice(1)}: ${decodeHeader(value)}`,
        ]
      : [];
  });
  if (headerLines.length) out.push(headerLines.join('\n'));
  walkPart(top, depth, out, notes, readAttachment);
  return { text: out.join('\n\n'), notes };
}

function walkPart(
  part: Part,
  depth: number,
  out: string[],
  notes: string[],
  readAttachment: AttachmentReader,
): void {
  const type = parseHeaderValue(part.headers.get('content-type') ?? 'text/plain');
  const disposition = parseHeaderValue(part.headers.get('content-disposition'));
  const filename = decodeHeader(
    disposition.params.get('filename') ?? type.params.get('name') ?? '',
  );
  if (type.value.startsWith('multipart/')) {
    const boundary = type.params.get('boundary');
    if (!boundary || depth >= MAX_DEPTH) {
      notes.push('a multipart section could not be split');
      return;
    }
    for (const raw of splitMultipart(part.body, boundary)) {
      walkPart(splitPart(raw), depth + 1, out, notes, readAttachment);
    }
    return;
  }
  const decoded = transferDecode(part);
  const isAttachment =
    disposition.value === 'attachment' || (filename !== '' && !type.value.startsWith('text/'));
  if (type.value === 'message/rfc822' && depth < MAX_DEPTH) {
    const inner = emlText(stringBytes(decoded), readAttachment, depth + 1);
    out.push(inner.text);
    notes.push(...inner.notes);
    return;
  }
  if (
    !isAttachment &&
    (type.value === 'text/plain' || type.value === 'text/html' || type.value === '')
  ) {
    const text = decodeBytes(stringBytes(decoded), type.params.get('charset'));
    out.push(type.value === 'text/html' ? htmlToText(text) : text.trim());
    return;
  }
  const result = readAttachment({ name: filename, type: type.value, bytes: stringBytes(decoded) });
  if (result.text?.trim()) out.push(`[attachment ${filename || type.value}]\n${result.text}`);
  if (result.note) notes.push(`attachment ${filename || type.value}: ${result.note}`);
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  const delimiter = `--${boundary}`;
  const lines = body.split(/\r?\n/);
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith(delimiter)) {
      if (current) parts.push(current.join('\n'));
      if (line.slice(delimiter.length).startsWith('--')) return parts;
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  // No closing delimiter (truncated mail): keep what arrived.
  if (current) parts.push(current.join('\n'));
  return parts;
}
