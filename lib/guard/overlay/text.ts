/**
 * The typing overlay's text work, pure (no DOM) so it is unit-tested without a page: scanning a
 * large field again only around what changed, and finding where an offset of the editor's
 * rendered text (`innerText`, what the guard scans and sends) lies among its DOM text nodes.
 */
import type { Finding } from '@/rules/index.ts';

/**
 * Fields up to this many characters are scanned whole after every pause in typing (a few
 * milliseconds at most). Longer ones are scanned whole once, then only around each change, so a
 * key pressed while a scan runs waits well under a millisecond for it.
 */
export const FULL_SCAN_CHARS = 2_000;
/** Fields longer than this are not scanned while typing at all (the send guard still is). */
export const MAX_SCAN_CHARS = 1_000_000;
/** Characters of context kept around a change when only the change is scanned again. */
export const WINDOW_MARGIN = 256;

export interface ScanResult {
  findings: Finding[];
  /**
   * True when `findings` came from one scan of the whole text, so they equal what `scan(text)`
   * returns and the send guard may use them instead of scanning again.
   */
  complete: boolean;
}

/**
 * Findings for `text`, given the findings for the field's previous text. Short fields (and any
 * field seen for the first time) are scanned whole. A long field is scanned again only from the
 * line before the first changed character to the line after the last one, with WINDOW_MARGIN
 * characters of context either side (detectors look at nearby words); findings outside that
 * window are kept, moved by the change in length. Such a result is marked incomplete: a detector
 * with a wider view could judge differently, so the send guard scans again on its own.
 */
export function rescan(
  text: string,
  previous: { text: string; findings: readonly Finding[] } | undefined,
  scan: (text: string) => Finding[],
): ScanResult {
  if (text.length > MAX_SCAN_CHARS) return { findings: [], complete: false };
  if (!previous || text.length <= FULL_SCAN_CHARS) return { findings: scan(text), complete: true };
  const before = previous.text;
  const max = Math.min(before.length, text.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (prefix === text.length && prefix === before.length) {
    return { findings: [...previous.findings], complete: false };
  }
  const delta = text.length - before.length;
  const from = lineStart(text, Math.max(0, prefix - WINDOW_MARGIN));
  const to = lineEnd(text, Math.min(text.length, text.length - suffix + WINDOW_MARGIN));
  // Where the window's end was in the previous text: everything after it is unchanged.
  const oldTo = to - delta;
  const fresh = scan(text.slice(from, to)).map((f) => ({
    ...f,
    start: f.start + from,
    end: f.end + from,
  }));
  const head = previous.findings.filter((f) => f.end <= from);
  const tail = previous.findings
    .filter((f) => f.start >= oldTo)
    .map((f) => ({ ...f, start: f.start + delta, end: f.end + delta }));
  return { findings: [...head, ...fresh, ...tail], complete: false };
}

/** The start of the line `at` is on, if it begins within WINDOW_MARGIN characters; else `at`. */
function lineStart(text: string, at: number): number {
  const nl = text.lastIndexOf('\n', at);
  return nl >= 0 && at - nl <= WINDOW_MARGIN ? nl + 1 : at;
}

/** The end of the line `at` is on, if it ends within WINDOW_MARGIN characters; else `at`. */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl >= 0 && nl - at <= WINDOW_MARGIN ? nl : at;
}

/** Characters that `innerText` may add, drop or collapse between DOM text and rendered text. */
export function isLooseSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0a ||
    code === 0x09 ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x200b ||
    code === 0xfeff
  );
}

/** A position among text chunks: chunk `chunk`, character `offset` in it. */
export interface ChunkPosition {
  chunk: number;
  offset: number;
}

/** How far ahead to look for a character that the rendered text has and the DOM hides. */
const RESYNC_WINDOW = 200;

/**
 * For each index into `text` (an editor's rendered text), the position of the same character
 * among `chunks` (the data of its DOM text nodes, in document order), or null when it cannot be
 * found. The rendered text adds line breaks between blocks and collapses spaces, and the DOM may
 * hold characters the rendering hides (a placeholder, a zero-width space), so the two are
 * aligned on their other characters: each one in `text` is matched to the next equal one among
 * the chunks, looking at most RESYNC_WINDOW characters ahead. Indices must point at characters
 * that are not loose space (see isLooseSpace); `indices` need not be sorted.
 */
export function alignOffsets(
  text: string,
  chunks: readonly string[],
  indices: readonly number[],
): (ChunkPosition | null)[] {
  const out: (ChunkPosition | null)[] = indices.map(() => null);
  const wanted = new Map<number, number[]>();
  for (const [k, i] of indices.entries()) {
    const list = wanted.get(i);
    if (list) list.push(k);
    else wanted.set(i, [k]);
  }
  const last = Math.max(-1, ...indices);
  let chunk = 0;
  let offset = 0;
  /** Moves to the next character that is not loose space; false at the end. */
  const skipSpace = (): boolean => {
    for (;;) {
      const data = chunks[chunk];
      if (data === undefined) return false;
      if (offset >= data.length) {
        chunk++;
        offset = 0;
        continue;
      }
      if (!isLooseSpace(data.charCodeAt(offset))) return true;
      offset++;
    }
  };
  for (let i = 0; i <= last && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLooseSpace(code)) continue;
    if (!skipSpace()) break;
    let c = chunk;
    let o = offset;
    let found = false;
    for (let seen = 0; seen <= RESYNC_WINDOW;) {
      const data = chunks[c];
      if (data === undefined) break;
      if (o >= data.length) {
        c++;
        o = 0;
        continue;
      }
      if (data.charCodeAt(o) === code) {
        found = true;
        break;
      }
      o++;
      seen++;
    }
    if (!found) continue; // The DOM does not have this character nearby: leave it unmatched.
    chunk = c;
    offset = o;
    const ks = wanted.get(i);
    if (ks) for (const k of ks) out[k] = { chunk, offset };
    offset++;
  }
  return out;
}
