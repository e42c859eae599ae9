/**
 * Context words: the words near a candidate that raise or lower its score, as Presidio and
 * Purview do. A nine-digit number is nothing; beside "SSN" it is an SSN; beside "order #" it is
 * an order number.
 */
import { MatchIterator, NEVER, NO_MATCHES, stickyOf } from './scan-util.ts';
import { columnHeader } from './table.ts';
import type { Candidate, EntityType } from './types.ts';

/** Default number of characters looked at on each side of a candidate. */
export const DEFAULT_WINDOW = 48;

/** The text just before `start` (up to `window` characters), lower-cased. */
export function before(text: string, start: number, window = DEFAULT_WINDOW): string {
  let from = Math.max(0, start - window);
  // Never start inside a word: a cut "dpo" must not read as "po" (purchase order).
  if (from > 0 && isWordChar(text.charCodeAt(from - 1))) {
    while (from < start && isWordChar(text.charCodeAt(from))) from++;
  }
  return lowerWindow(BEFORE, text, from, start);
}

/** The text just after `end` (up to `window` characters), lower-cased. */
export function after(text: string, end: number, window = DEFAULT_WINDOW): string {
  let to = Math.min(text.length, end + window);
  // Never end inside a word: a cut "Toronto" must not read as "t".
  if (to < text.length && isWordChar(text.charCodeAt(to))) {
    while (to > end && isWordChar(text.charCodeAt(to - 1))) to--;
  }
  return lowerWindow(AFTER, text, end, to);
}

/** A window of a text, lower-cased, kept to be given again. */
interface WindowMemo {
  text: string | null;
  from: number;
  to: number;
  lower: string;
}

// The last window before and the last window after a candidate: detectors read one candidate's
// context with several word lists in a row (three beside a card number), and each read sliced
// and lower-cased the same windows again.
const BEFORE: WindowMemo = { text: null, from: 0, to: 0, lower: '' };
const AFTER: WindowMemo = { text: null, from: 0, to: 0, lower: '' };

/**
 * A window of text as its context words are read: lower-cased, and a key's underscores read
 * as spaces (`nhs_number`, `client_ip`, `date_of_birth` are the words "nhs number", "client ip",
 * "date of birth" to every list of them). Keeps the length, so offsets into it stay valid.
 */
export function contextWords(s: string): string {
  return underscoresAsSpaces(s.toLowerCase());
}

/** `s` with every underscore a space (the same length); `s` itself when it has none. */
export function underscoresAsSpaces(s: string): string {
  return s.includes('_') ? s.replace(UNDERSCORES, ' ') : s;
}
const UNDERSCORES = /_/g;

/**
 * `text` with every underscore read as a space, for label patterns written with spaces
 * ("account number", "driver's license") to match a key (`bank_account_number`,
 * `driver_license`). Same length, so a match's offsets are the text's. Memoised on the last text.
 */
export function keyView(text: string): string {
  if (text !== keyViewOf) {
    keyViewOf = text;
    keyViewText = underscoresAsSpaces(text);
  }
  return keyViewText;
}
let keyViewOf = '';
let keyViewText = '';

/** `contextWords(text.slice(from, to))`, from `memo` when it holds that window. */
function lowerWindow(memo: WindowMemo, text: string, from: number, to: number): string {
  if (from !== memo.from || to !== memo.to || text !== memo.text) {
    memo.lower = contextWords(text.slice(from, to));
    memo.from = from;
    memo.to = to;
  }
  // Equal text may be another string object: keep this one, so the next check is on identity.
  memo.text = text;
  return memo.lower;
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
  if (words.test(before(text, start, window)) || words.test(after(text, end, window))) return true;
  // In a pasted table the value's column header names it, however many cells stand between
  // them on the row ("nhs_number" over the third column of "patient,dob,nhs_number,...").
  const header = columnHeader(text, start, end);
  return header !== null && words.test(contextWords(header));
}

/**
 * Like `near`, but each window stops at a line break: for words that describe the value in its
 * own line ("AWS account 1234..."), not in the next one ("The user logged in ...").
 */
export function nearInLine(
  text: string,
  start: number,
  end: number,
  words: RegExp,
  window = DEFAULT_WINDOW,
): boolean {
  const b = before(text, start, window);
  if (words.test(b.slice(b.lastIndexOf('\n') + 1))) return true;
  const a = after(text, end, window);
  const cut = a.indexOf('\n');
  return words.test(cut < 0 ? a : a.slice(0, cut));
}

/** Whether `words` matches the text just before `start`. */
export function nearBefore(text: string, start: number, words: RegExp, window = DEFAULT_WINDOW) {
  return words.test(before(text, start, window));
}

/**
 * Words that say a number is an identifier of something that is NOT personal: an order, a
 * shipment (or its carrier: FedEx, UPS, DHL), an invoice, a ticket, a product, a build. Beside them a bare number loses score.
 * Everyday words (case, line, page, part, run, example) are deliberately absent: "in this case my
 * SSN is ..." must not cancel a real label.
 */
export const NON_PERSONAL_NUMBER =
  /\b(?:order|orders|tracking|track|shipment|parcel|invoice|inv|ticket|case no|case number|ref|reference|sku|item no|product|part no|part number|pn|p\/n|model|serial|s\/n|version|ver|build|release|commit|sha|uuid|guid|request id|req|transaction id|txn|confirmation|booking|reservation|po|purchase order|rma|batch|lot|isbn|issn|doi|pid|test card|sandbox|fedex|ups|usps|dhl|waybill|consignment|awb|teilenummer|artikelnummer|ersatzteil|seriennummer|bestellnummer|rechnungsnummer|sendungsnummer|pieza|pièce|ricambio|codice articolo|numéro de série|número de serie|numero di serie|cpv|mmsi|imo)\b/;

/**
 * Words that present a value as a format, a placeholder or an example rather than someone's.
 * Not as part of a host, an address or a path ("jane@example.com", "test.acme.io").
 */
export const EXAMPLE_WORDS =
  /(?<![.@/:_-])\b(?:example|examples|e\.g|eg|sample|format|formatted|looks? like|such as|placeholder|dummy|fake|test|testing|mock|template|invalid|demo|ejemplo|formato|exemple|beispiel|z\.b|muster|esempio|exemplo|voorbeeld|formaat)\b(?![.@/_-]\w)/;

/**
 * A value published in documentation or held back from issue ("123-45-6789", the NHS number
 * 943 476 5919, a SIN starting with 0) given as someone's own: `label` names its kind near it
 * and no word near it calls it an example ("My NHS number is 943 476 5919"). A made-up customer's
 * in a test ticket, as the test card numbers are; it scores 0.6, or null when it does not count.
 */
export function documentedAsOwn(
  text: string,
  start: number,
  end: number,
  type: EntityType,
  label: RegExp,
  window = DEFAULT_WINDOW,
): Candidate | null {
  if (!near(text, start, end, label, window) || near(text, start, end, EXAMPLE_WORDS, window)) {
    return null;
  }
  return { start, end, type, score: 0.6, reason: 'context, documented example' };
}

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
export function matchAllNear(
  text: string,
  re: RegExp,
  anchor: RegExp,
  lead: number,
): IterableIterator<RegExpExecArray, undefined> {
  const it = spareNear ?? new MatchesNear();
  spareNear = null;
  if (it.setUp(text, re, anchor, lead).began()) return it;
  spareNear = it;
  return NO_MATCHES;
}

/** matchAllNear's iterator (a class, not a generator: see MatchIterator). */
class MatchesNear extends MatchIterator {
  private text = '';
  private sticky = NEVER;
  private anchor = NEVER;
  private lead = 0;
  /** Where the next match may start (the end of the last one). */
  private pos = 0;
  /** Positions below this were already tried and failed. */
  private tried = 0;
  /** The last match given, until the search resumes after it. */
  private last: RegExpExecArray | null = null;

  setUp(text: string, re: RegExp, anchor: RegExp, lead: number): this {
    this.text = text;
    this.sticky = stickyOf(re);
    this.anchor = anchor;
    this.lead = lead;
    this.pos = 0;
    this.tried = 0;
    this.last = null;
    anchor.lastIndex = 0;
    return this;
  }

  protected find(): RegExpExecArray | null {
    const { text, sticky, anchor, lead } = this;
    if (this.last !== null) {
      // The same anchor may serve the next match too when the last one ended before it. (Done
      // when the search resumes, after the loop body, as the generator this was did.)
      this.pos = afterMatch(this.last);
      anchor.lastIndex = this.pos;
      this.last = null;
    }
    for (;;) {
      if (anchor.lastIndex < this.pos) anchor.lastIndex = this.pos;
      const a = anchor.exec(text);
      if (a === null) return null;
      const at = a.index;
      const found = firstMatchFrom(sticky, text, Math.max(this.pos, this.tried, at - lead), at);
      if (found === null) {
        this.tried = at + 1;
        anchor.lastIndex = at + 1;
        continue;
      }
      this.last = found;
      return found;
    }
  }
}

/** The first match of `sticky` starting at a position in [from, at], or null. */
function firstMatchFrom(
  sticky: RegExp,
  text: string,
  from: number,
  at: number,
): RegExpExecArray | null {
  for (let s = from; s <= at; s++) {
    sticky.lastIndex = s;
    const found = sticky.exec(text);
    if (found !== null) return found;
  }
  return null;
}

/** Where the search resumes after `m`: its end, or one past an empty match. */
function afterMatch(m: RegExpExecArray): number {
  const end = m.index + m[0].length;
  return end > m.index ? end : end + 1;
}

/** A MatchesNear that found nothing, kept for the next call (see MatchIterator). */
let spareNear: MatchesNear | null = null;

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
export function matchAllAt(
  text: string,
  re: RegExp,
  anchors: readonly number[],
  lead: number,
): IterableIterator<RegExpExecArray, undefined> {
  if (anchors.length === 0) return NO_MATCHES;
  const it = spareAt ?? new MatchesAt();
  spareAt = null;
  if (it.setUp(text, re, anchors, lead).began()) return it;
  spareAt = it;
  return NO_MATCHES;
}

const NO_ANCHORS: readonly number[] = Object.freeze([]);

/** matchAllAt's iterator (a class, not a generator: see MatchIterator). */
class MatchesAt extends MatchIterator {
  private text = '';
  private sticky = NEVER;
  private anchors = NO_ANCHORS;
  private lead = 0;
  /** The anchor to try next. */
  private k = 0;
  /** Where the next match may start (the end of the last one). */
  private pos = 0;
  /** Positions below this were already tried and failed. */
  private tried = 0;
  /** The last match given, until the search resumes after it. */
  private last: RegExpExecArray | null = null;

  setUp(text: string, re: RegExp, anchors: readonly number[], lead: number): this {
    this.text = text;
    this.sticky = stickyOf(re);
    this.anchors = anchors;
    this.lead = lead;
    this.k = 0;
    this.pos = 0;
    this.tried = 0;
    this.last = null;
    return this;
  }

  protected find(): RegExpExecArray | null {
    const { text, sticky, anchors, lead } = this;
    if (this.last !== null) {
      this.pos = afterMatch(this.last);
      // The same anchor may serve the next match too when the last one ended before it.
      if (anchors[this.k]! < this.pos) this.k++;
      this.last = null;
    }
    for (; this.k < anchors.length; this.k++) {
      const at = anchors[this.k]!;
      if (at < this.pos) continue;
      const found = firstMatchFrom(sticky, text, Math.max(this.pos, this.tried, at - lead), at);
      if (found === null) {
        this.tried = at + 1;
        continue;
      }
      this.last = found;
      return found;
    }
    return null;
  }
}

/** A MatchesAt that found nothing, kept for the next call (see MatchIterator). */
let spareAt: MatchesAt | null = null;

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
