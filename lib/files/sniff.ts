/**
 * What a file really is. Magic bytes win over the name and MIME type, because a page (or an agent
 * renaming `export.zip` to `notes.txt`) controls both, and the site's own parser looks at bytes.
 */
import { looksBinary } from './text.ts';
import { isZip, readZipDirectory } from './zip.ts';

export const TEXT_FORMATS = ['txt', 'csv', 'tsv', 'json', 'md', 'log', 'xml', 'html'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];
/** Formats `extractText` reads. */
export type ReadableFormat = TextFormat | 'eml' | 'docx' | 'xlsx' | 'pptx' | 'pdf';
/**
 * Everything `sniffFormat` can answer. `ole` is a Compound File (legacy .doc/.xls, or an OOXML
 * file protected with a password); `binary` is anything else that is not text.
 */
export type FileFormat = ReadableFormat | 'zip' | 'ole' | 'image' | 'archive' | 'binary';

const BY_EXTENSION: Record<string, ReadableFormat> = {
  txt: 'txt',
  text: 'txt',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  jsonl: 'json',
  ndjson: 'json',
  md: 'md',
  markdown: 'md',
  log: 'log',
  xml: 'xml',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  eml: 'eml',
  docx: 'docx',
  docm: 'docx',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  pptx: 'pptx',
  pptm: 'pptx',
  pdf: 'pdf',
};

const BY_TYPE: Record<string, ReadableFormat> = {
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'application/json': 'json',
  'text/markdown': 'md',
  'text/xml': 'xml',
  'application/xml': 'xml',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'message/rfc822': 'eml',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

/** The format the name (else the MIME type) claims, if it is one we read. */
export function claimedFormat(name: string, type: string): ReadableFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name.trim())?.[1]?.toLowerCase();
  const byExt = ext ? BY_EXTENSION[ext] : undefined;
  if (byExt) return byExt;
  const mime = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return BY_TYPE[mime] ?? (mime.startsWith('text/') ? 'txt' : undefined);
}

const startsWith = (bytes: Uint8Array, ...sig: number[]): boolean =>
  sig.every((b, i) => bytes[i] === b);

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

/** The format of a file from its bytes first, then its name, then its MIME type, then content. */
export function sniffFormat(name: string, type: string, bytes: Uint8Array): FileFormat {
  const claimed = claimedFormat(name, type);
  // PDF readers accept junk before the header within the first KiB (PDF 32000-1, annex H.3).
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (isZip(bytes)) return zipKind(bytes, claimed);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(bytes, 0xff, 0xd8, 0xff) ||
    ascii(bytes, 0, 4) === 'GIF8' ||
    (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') ||
    startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) ||
    startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)
  ) {
    return 'image';
  }
  if (
    startsWith(bytes, 0x1f, 0x8b) ||
    startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) ||
    ascii(bytes, 0, 4) === 'Rar!'
  ) {
    return 'archive';
  }
  // Structured formats whose magic did not match: keep the claim so the reader reports the file
  // as unreadable rather than unsupported (the agent meant to send a document).
  if (claimed === 'docx' || claimed === 'xlsx' || claimed === 'pptx' || claimed === 'pdf') {
    return claimed;
  }
  if (looksBinary(bytes)) return 'binary';
  if (claimed) return claimed;
  return textKind(bytes);
}

function zipKind(bytes: Uint8Array, claimed: ReadableFormat | undefined): FileFormat {
  let entries: string[];
  try {
    entries = readZipDirectory(bytes).map((entry) => entry.name);
  } catch {
    // A damaged zip that claims to be a document goes to that reader, which reports it.
    return claimed === 'docx' || claimed === 'xlsx' || claimed === 'pptx' ? claimed : 'zip';
  }
  if (entries.includes('word/document.xml')) return 'docx';
  if (entries.includes('xl/workbook.xml')) return 'xlsx';
  if (entries.includes('ppt/presentation.xml')) return 'pptx';
  return 'zip';
}

/** A text file with no usable name or type: look at how it starts. */
function textKind(bytes: Uint8Array): TextFormat | 'eml' {
  const head = ascii(bytes, 0, 2048)
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart();
  if (/^<!doctype html|^<html[\s>]/i.test(head)) return 'html';
  if (/^<\?xml/i.test(head)) return 'xml';
  // A mail saved without its .eml name starts with header fields and has From and Subject.
  if (/^[\w-]+:[ \t]/.test(head) && /^From:/im.test(head) && /^Subject:/im.test(head)) {
    return 'eml';
  }
  if (/^[[{]/.test(head)) return 'json';
  return 'txt';
}
