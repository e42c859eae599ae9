/**
 * Context words: the words near a candidate that raise or lower its score, as Presidio and
 * Purview do. A nine-digit number is nothing; beside "SSN" it is an SSN; beside "order #" it is
 * an order number.
 */
import { stickyOf } from './scan-util.ts';

/** Default number of characters looked at on each side of a candidate. */
export const DEFAULT_WINDOW = 48;

/** The text just before `start` (up to `window` characters), lower-cased. */
export function before(text: string, start: number, window = DEFAULT_WINDOW): string {
  let from = Math.max(0, start - window);
  // Never start inside a word: a cut "dpo" must not read as "po" (purchase order).
  if (from > 0 && isWordChar(text.charCodeAt(from - 1))) {
    while (from < start && isWordChar(text.charCodeAt(from))) from++;
  }
  return text.slice(from, start).toLowerCase();
}

/** The text just after `end` (up to `window` characters), lower-cased. */
export function after(text: string, end: number, window = DEFAULT_WINDOW): string {
  let to = Math.min(text.length, end + window);
  // Never end inside a word: a cut "Toronto" must not read as "t".
  if (to < text.length && isWordChar(text.charCodeAt(to))) {
    while (to > end && isWordChar(text.charCodeAt(to - 1))) to--;
  }
  return text.slice(end, to).toLowerCase();
}

/** Letters (any script) and digits. */
function isWordChar(c: number): boolean {
  return isAlnum(c) || (c > 0x7f && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));
}

/**
 * Whether `words` matches the text around [start, end). The pattern is tested against the
 * lower-cased window before and after the candidate separately, so it cannot match the value.
 */
export function near(
  text: string,
  start: number,
  end: number,
  words: RegExp,
  window = DEFAULT_WINDOW,
): boolean {
  return words.test(before(text, start, window)) || words.test(after(text, end, window));
}

/** Whether `words` matches the text just before `start`. */
export function nearBefore(text: string, start: number, words: RegExp, window = DEFAULT_WINDOW) {
  return words.test(before(text, start, window));
}

/**
 * Words that say a number is an identifier of something that is NOT personal: an order, a
 * shipment, an invoice, a ticket, a product, a build. Beside them a bare number loses score.
 * Everyday words (case, line, page, part, run, example) are deliberately absent: "in this case my
 * SSN is ..." must not cancel a real label.
 */
export const NON_PERSONAL_NUMBER =
  /\b(?:order|orders|tracking|track|shipment|parcel|invoice|inv|ticket|case no|case number|ref|reference|sku|item no|product|part no|part number|model|serial|s\/n|version|ver|build|release|commit|sha|uuid|guid|request id|req|transaction id|txn|confirmation|booking|reservation|po|purchase order|rma|batch|lot|isbn|issn|doi|pid|test card|sandbox)\b/;

/** Clamp a score into 0..1. */
export function clamp(score: number): number {
  return score < 0 ? 0 : score > 1 ? 1 : score;
}

/**
 * Adjust a base score by context: `positive` near the value adds `up`, `negative` near it
 * subtracts `down`. Returns the score and which side decided, for the finding's reason.
 */
export function scoreWithContext(
  text: string,
  start: number,
  end: number,
  base: number,
  opts: {
    positive?: RegExp;
    negative?: RegExp;
    up?: number;
    down?: number;
    window?: number;
  },
): { score: number; reason?: string } {
  const window = opts.window ?? DEFAULT_WINDOW;
  let score = base;
  let reason: string | undefined;
  if (opts.positive && near(text, start, end, opts.positive, window)) {
    score += opts.up ?? 0.35;
    reason = 'context';
  }
  if (opts.negative && near(text, start, end, opts.negative, window)) {
    score -= opts.down ?? 0.4;
    reason = reason ? 'mixed context' : 'negative context';
  }
  return reason === undefined ? { score: clamp(score) } : { score: clamp(score), reason };
}

/** True when the characters around [start, end) are not letters or digits (a whole token). */
export function isWholeToken(text: string, start: number, end: number): boolean {
  const prev = start > 0 ? text.charCodeAt(start - 1) : 32;
  const next = end < text.length ? text.charCodeAt(end) : 32;
  return !isAlnum(prev) && !isAlnum(next);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * The same matches as `text.matchAll(re)`, found faster: `re` is only tried at the `lead`
 * positions before each match of `anchor`, a cheap pattern (best a literal, so V8 can skip
 * ahead) that every match of `re` is known to contain. The caller guarantees that every match of
 * `re` starting at s has a match of `anchor` starting in [s, s + lead]; then no match is lost,
 * because the first anchor at or after the scan position bounds where the next match can start.
 * `re` must be global; `anchor` must be global and is reset here. Keeps a scan over a long text
 * with an expensive label pattern (look-behinds, long alternations) at the cost of the anchor.
 */
export function* matchAllNear(
  text: string,
  re: RegExp,
  anchor: RegExp,
  lead: number,
): Generator<RegExpExecArray> {
  const sticky = stickyOf(re);
  // pos: where the next match may start (the end of the last one); tried: positions below it
  // were already tried and failed.
  let pos = 0;
  let tried = 0;
  anchor.lastIndex = 0;
  for (;;) {
    if (anchor.lastIndex < pos) anchor.lastIndex = pos;
    const a = anchor.exec(text);
    if (a === null) return;
    const at = a.index;
    let found: RegExpExecArray | null = null;
    for (let s = Math.max(pos, tried, at - lead); s <= at; s++) {
      sticky.lastIndex = s;
      found = sticky.exec(text);
      if (found !== null) break;
    }
    if (found === null) {
      tried = at + 1;
      anchor.lastIndex = at + 1;
      continue;
    }
    yield found;
    // The same anchor may serve the next match too when this one ended before it.
    const end = found.index + found[0].length;
    pos = end > found.index ? end : end + 1;
    anchor.lastIndex = pos;
  }
}

/**
 * Every position where `anchor` (global) matches, overlapping ones included: the anchors of
 * matchAllAt, found once when several patterns are tried at the same places.
 */
export function anchorsOf(text: string, anchor: RegExp): number[] {
  const out: number[] = [];
  anchor.lastIndex = 0;
  for (let a = anchor.exec(text); a !== null; a = anchor.exec(text)) {
    out.push(a.index);
    anchor.lastIndex = a.index + 1;
  }
  anchor.lastIndex = 0;
  return out;
}

/**
 * matchAllNear with the anchor positions given (from anchorsOf): the same matches as
 * `text.matchAll(re)` under the same guarantee, that every match of `re` starting at s has an
 * anchor in [s, s + lead]. `re` must be global.
 */
export function* matchAllAt(
  text: string,
  re: RegExp,
  anchors: readonly number[],
  lead: number,
): Generator<RegExpExecArray> {
  const sticky = stickyOf(re);
  let pos = 0;
  let tried = 0;
  for (let k = 0; k < anchors.length; k++) {
    const at = anchors[k]!;
    if (at < pos) continue;
    let found: RegExpExecArray | null = null;
    for (let s = Math.max(pos, tried, at - lead); s <= at; s++) {
      sticky.lastIndex = s;
      found = sticky.exec(text);
      if (found !== null) break;
    }
    if (found === null) {
      tried = at + 1;
      continue;
    }
    yield found;
    const end = found.index + found[0].length;
    pos = end > found.index ? end : end + 1;
    // The same anchor may serve the next match too when this one ended before it.
    if (at >= pos) k--;
  }
}

/** A context tier: when `words` is within `window` characters, the score becomes `score`. */
export interface ContextTier {
  readonly words: RegExp;
  readonly window: number;
  readonly score: number;
  readonly reason: string;
}

/**
 * Scoring for values whose format or checksum is not enough alone (NPI, DEA numbers): the first
 * tier whose words are near sets the score (strongest first), else `base`; then `negative`
 * words near the value subtract `down`.
 */
export function tieredScore(
  text: string,
  start: number,
  end: number,
  base: { score: number; reason: string },
  tiers: readonly ContextTier[],
  negative: { words: RegExp; window: number; down: number },
): { score: number; reason: string } {
  let { score, reason } = base;
  for (const t of tiers) {
    if (near(text, start, end, t.words, t.window)) {
      score = t.score;
      reason = t.reason;
      break;
    }
  }
  if (near(text, start, end, negative.words, negative.window)) {
    score -= negative.down;
    reason += ', negative context';
  }
  return { score: clamp(score), reason };
}
