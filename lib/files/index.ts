/**
 * Local text extraction for files a page is about to receive (issue 3, uploads). Pure TypeScript
 * with no DOM: the content script calls it on the bytes of a chosen, dropped or pasted file, and
 * the guard scans the text and decides before the page sees the file. Anything that cannot be
 * read comes back as `ok: false` with a reason, so policy can apply its fail mode.
 */
import { emlText, type Attachment } from './eml.ts';
import { ExtractError, type Budget, type FailReason } from './errors.ts';
import { docxText, pptxText, xlsxText } from './ooxml.ts';
import { pdfText } from './pdf.ts';
import { claimedFormat, sniffFormat, type FileFormat } from './sniff.ts';
import { decodeBytes, htmlToText } from './text.ts';

export { sniffFormat, claimedFormat, type FileFormat } from './sniff.ts';
export type { FailReason } from './errors.ts';

export interface FileInput {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface ExtractLimits {
  /** Largest file read at all (default 25 MB); larger is `too-large`. */
  maxBytes?: number;
  /** Longest text returned (default 2,000,000 chars); longer is cut and `truncated`. */
  maxChars?: number;
  /** Most bytes all zip entries and PDF streams of one file may inflate to (default 50 MB). */
  maxExpandedBytes?: number;
}

export type ExtractResult =
  | {
      ok: true;
      text: string;
      format: string;
      truncated: boolean;
      /** What was not read, e.g. an image-only PDF or an unreadable attachment; policy decides. */
      note?: string;
    }
  | { ok: false; reason: FailReason; format?: string; detail: string };

export const DEFAULT_LIMITS = {
  maxBytes: 25 * 1024 * 1024,
  maxChars: 2_000_000,
  maxExpandedBytes: 50 * 1024 * 1024,
} as const satisfies Required<ExtractLimits>;

/** Attachments inside attachments (a mail in a mail) stop here. */
const MAX_NESTING = 4;

/**
 * Reads the text of a file. Async so callers can later move the work to a worker without an API
 * change; today it runs synchronously inside the promise.
 */
export async function extractText(
  file: FileInput,
  limits: ExtractLimits = {},
): Promise<ExtractResult> {
  const full = { ...DEFAULT_LIMITS, ...limits };
  return extract(file, full, { remaining: full.maxExpandedBytes }, 0);
}

function extract(
  file: FileInput,
  limits: Required<ExtractLimits>,
  budget: Budget,
  depth: number,
): ExtractResult {
  const format = sniffFormat(file.name, file.type, file.bytes);
  if (file.bytes.length > limits.maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      format,
      detail: `${file.bytes.length} bytes is over the ${limits.maxBytes}-byte limit`,
    };
  }
  try {
    const { text, notes } = read(format, file, limits, budget, depth);
    const truncated = text.length > limits.maxChars;
    // Never cut a surrogate pair in half: a lone surrogate would fail later UTF-8 encoding.
    let cut = limits.maxChars;
    if (truncated && /[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut--;
    const result: ExtractResult = {
      ok: true,
      text: truncated ? text.slice(0, cut) : text,
      format,
      truncated,
    };
    if (notes.length) result.note = notes.join('; ');
    return result;
  } catch (error) {
    if (error instanceof ExtractError)
      return { ok: false, reason: error.reason, format, detail: error.message };
    // Anything else is a reader bug meeting a hostile file: unreadable, so the fail mode applies.
    return { ok: false, reason: 'unreadable', format, detail: `reader failed: ${String(error)}` };
  }
}

function read(
  format: FileFormat,
  file: FileInput,
  limits: Required<ExtractLimits>,
  budget: Budget,
  depth: number,
): { text: string; notes: string[] } {
  const bytes = file.bytes;
  switch (format) {
    case 'txt':
    case 'csv':
    case 'tsv':
    case 'json':
    case 'md':
    case 'log':
    case 'xml':
      return { text: decodeBytes(bytes), notes: [] };
    case 'html':
      return { text: htmlToText(decodeBytes(bytes, htmlCharset(bytes))), notes: [] };
    case 'eml':
      return emlText(bytes, (attachment: Attachment) =>
        readAttachment(attachment, limits, budget, depth + 1),
      );
    case 'docx':
      return { text: docxText(bytes, budget), notes: [] };
    case 'xlsx':
      return { text: xlsxText(bytes, budget), notes: [] };
    case 'pptx':
      return { text: pptxText(bytes, budget), notes: [] };
    case 'pdf':
      return pdfText(bytes, budget);
    case 'ole':
      // A password-protected OOXML file is an OLE compound file holding an EncryptedPackage
      // stream (MS-OFFCRYPTO 2.3.4.4); the stream name is stored in UTF-16LE.
      if (hasUtf16Name(bytes, 'EncryptedPackage'))
        throw new ExtractError('encrypted', 'Office file is password-protected');
      throw new ExtractError('unsupported', 'legacy Office (OLE) files are not read');
    case 'binary':
      // A file named or typed as text whose bytes are not text: it was meant to be read.
      if (claimedFormat(file.name, file.type))
        throw new ExtractError('unreadable', 'content is not text');
      throw new ExtractError('unsupported', 'not a format Hush reads');
    case 'zip':
    case 'image':
    case 'archive':
      throw new ExtractError('unsupported', `${format} files are not read`);
  }
}

function readAttachment(
  attachment: Attachment,
  limits: Required<ExtractLimits>,
  budget: Budget,
  depth: number,
): { text?: string; note?: string } {
  if (depth > MAX_NESTING) return { note: 'nested too deeply' };
  const result = extract(attachment, limits, budget, depth);
  if (result.ok)
    return result.note ? { text: result.text, note: result.note } : { text: result.text };
  // A bomb inside a mail makes the whole mail too large, not a note.
  if (result.reason === 'too-large')
    throw new ExtractError('too-large', `attachment ${attachment.name}: ${result.detail}`);
  return { note: `${result.reason} (${result.detail})` };
}

/** `<meta charset>` or http-equiv content type in the first KiB of an HTML file. */
function htmlCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = [...name].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
