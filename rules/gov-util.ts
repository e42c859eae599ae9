/**
 * Helpers shared by the government-id and date-of-birth detectors: context scoring where the
 * nearest cue wins, "label then value" extraction, and calendar checks.
 *
 * Pure functions; every loop here does a bounded amount of work per match of a global regex, so
 * the detectors that use them stay linear in the length of the text.
 */
import {
  clamp,
  contextWords,
  DEFAULT_WINDOW,
  keyView,
  matchAllAt,
  NON_PERSONAL_NUMBER,
} from './context.ts';
import type { Keywords } from './keywords.ts';
import type { Candidate, EntityType } from './types.ts';
import { CHAT_STAMP, CLOCK, matchesOf } from './scan-util.ts';
import { columnBelow, columnHeader, type Cell } from './table.ts';

/** A global copy of `re` (cached), so callers may pass plain, non-global patterns. */
const globalCache = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (g === undefined) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    globalCache.set(re, g);
  }
  return g;
}

/**
 * How far the closest match of `words` is from [start, end), in characters, in the lower-cased
 * window on either side; Infinity when there is none. `words` should be written in lower case.
 *
 * Labels come before their values in every language we support, and a form puts one field on a
 * line, so a cue after the value or on another line counts as farther than it is: in
 * "Steuer-ID: 86297540719\nRechnung: INV-2025-98028" the label on the same line must beat the
 * invoice on the next one.
 */
export function cueDistance(
  text: string,
  start: number,
  end: number,
  words: RegExp,
  window = DEFAULT_WINDOW,
): number {
  const left = contextWords(text.slice(Math.max(0, start - window), start));
  const right = contextWords(text.slice(end, end + window));
  return distanceIn(left, right, globalOf(words));
}

/** cueDistance over windows already cut and lower-cased; `g` is global. */
function distanceIn(left: string, right: string, g: RegExp): number {
  let best = Infinity;
  // exec in a loop rather than matchAll, which clones the pattern on every call: this runs
  // once or twice per candidate, so the clone dominated the cost on number-dense text.
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = -1;
  while ((m = g.exec(left)) !== null) {
    lastEnd = m.index + m[0].length;
    if (m[0].length === 0) g.lastIndex++;
  }
  if (lastEnd >= 0) {
    const nl = left.indexOf('\n', lastEnd) >= 0;
    best = left.length - lastEnd + (nl ? OTHER_LINE : 0);
  }
  g.lastIndex = 0;
  m = g.exec(right);
  g.lastIndex = 0;
  if (m) {
    const nl = right.lastIndexOf('\n', m.index) >= 0;
    best = Math.min(best, 2 * m.index + AFTER + (nl ? OTHER_LINE : 0));
  }
  return best;
}

/** `re.test(s)` from the start, whatever state a global `re` was left in. */
function testOnce(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(s);
  re.lastIndex = 0;
  return hit;
}

/** Extra distance for a cue on another line, and for one after the value (see cueDistance). */
const OTHER_LINE = 24;
const AFTER = 4;

export interface ContextOptions {
  /** Words that say "this is the value we look for" (lower case). */
  positive: RegExp;
  /** Words that say "this is some other number"; defaults to NON_PERSONAL_NUMBER. */
  negative?: RegExp;
  /** Added when a positive word is near. */
  up: number;
  /** Subtracted when a negative word is near and no positive word is closer. Default 0.4. */
  down?: number;
  window?: number;
}

/**
 * Like scoreWithContext in context.ts, but when both kinds of words are near, the closer one
 * decides: in "in this case my SSN is 123-45-6789" the word "case" must not cancel "SSN", while
 * in "SSN on file; order 123456789" the word "order" labels the number.
 */
export function contextScore(
  text: string,
  start: number,
  end: number,
  base: number,
  opts: ContextOptions,
): { score: number; reason?: string } {
  const window = opts.window ?? DEFAULT_WINDOW;
  const left = contextWords(text.slice(Math.max(0, start - window), start));
  const right = contextWords(text.slice(end, end + window));
  let pos = distanceIn(left, right, globalOf(opts.positive));
  let neg = distanceIn(left, right, globalOf(opts.negative ?? NON_PERSONAL_NUMBER));
  // In a pasted table the column's header is the closest word of all ("SSN" over a column of
  // bare numbers, "Order" over order numbers).
  if (pos !== 0 && neg !== 0) {
    const header = columnHeader(text, start, end)?.toLowerCase();
    if (header !== undefined) {
      if (testOnce(opts.positive, header)) pos = 0;
      else if (testOnce(opts.negative ?? NON_PERSONAL_NUMBER, header)) neg = 0;
    }
  }
  let score = base;
  let reason: string | undefined;
  if (pos !== Infinity) {
    score += opts.up;
    reason = 'context';
  }
  if (neg !== Infinity && !(pos < neg)) {
    score -= opts.down ?? 0.4;
    reason = reason ? 'mixed context' : 'negative context';
  }
  return reason === undefined ? { score: clamp(score) } : { score: clamp(score), reason };
}

/**
 * A value whose check digits held, as a candidate scored by its context (contextScore); its
 * reason is the context's, or 'checksum' when no word near it counts.
 */
export function checkedCandidate(
  text: string,
  start: number,
  end: number,
  type: EntityType,
  base: number,
  opts: ContextOptions,
): Candidate {
  const { score, reason } = contextScore(text, start, end, base, opts);
  return { start, end, type, score, reason: reason ?? 'checksum' };
}

/**
 * The common loop of a national number's detector: each match that `check` accepts (its check
 * digits, its date) and that is no part of a longer number, as a candidate of `type` scored by
 * its context from `base` (a number, or one per match). Matches whose end the pattern's own
 * look-ahead decides: the candidate is the whole match.
 */
export function checkedMatches(
  text: string,
  matches: Iterable<RegExpExecArray>,
  type: EntityType,
  check: (m: RegExpExecArray) => boolean,
  base: number | ((m: RegExpExecArray) => number),
  opts: ContextOptions,
): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches) {
    if (!check(m)) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (!notInLongerNumber(text, start, end)) continue;
    const b = typeof base === 'number' ? base : base(m);
    out.push(checkedCandidate(text, start, end, type, b, opts));
  }
  return out;
}

/** One value found right after (or right before) a label such as "passport no.". */
export interface CuedValue {
  start: number;
  end: number;
  match: RegExpExecArray;
  /** Whether the label came before the value (the usual "Label: value" order). */
  labelBefore: boolean;
}

// Module-level, as every pattern of the helpers here, which run per label and per candidate in
// every scan: a regex literal inside a function makes a new RegExp object each time it runs.
const HAS_DIGIT = /\d/;
const ENDS_VALUE = /[0-9A-Z][ \t,;:()[\]/-]*$/;
const BLANK_LINE = /\n[ \t]*\n/;
const ONLY_PUNCTUATION = /^[ \t,;:()[\]/-]*$/;
const DIGIT_THEN_SEPARATOR = /\d[ ./-]$/;
/**
 * A chat turn's time stamp at a line's start ("[3/19/24, 8:44 PM]", "(8:18:10 PM)", "17:31"), or
 * a turn's header line ending in its time ("User  5:43 PM", "Customer · 12:08 PM").
 */
const TURN_STAMP = new RegExp(
  String.raw`\n[ \t>]*(?:${CHAT_STAMP}|[^\n\d]{1,40}?(?:[ \t]{2,}|[ \t]*·[ \t]*)${CLOCK}[ \t]*(?=\n))`,
  'g',
);
const SEPARATOR_THEN_DIGIT = /^[ ./-]\d|^,\d{1,2}(?![\d/.:-])/;

/**
 * Labels of other personal numbers (lower case). Between a label and a value they mean the value
 * belongs to the nearer label: in "Passport and SSN: 536221847" the number is the SSN.
 */
export const OTHER_ID_LABELS =
  /\b(?:ssn|social security|soc\.? sec|tax|steuer|dni|nie|nif|aadh|pan|nino|national insurance|insurance|vitale|iban|account|phone|tel|mobile|dob|birth)/;

/** What may stand between a label and its value: punctuation, filler words, no other number. */
function gapAllowed(gap: string, extraBad?: RegExp): boolean {
  if (HAS_DIGIT.test(gap) || BLANK_LINE.test(gap)) {
    // A chat's next turn, its time stamp and speaker, may stand between a question and its
    // answer ("DOB please\nUser  5:43 PM\n29th march 1997", "date of birth?\n(8:18 PM) Theron:
    // Aug 23rd '56"); blank lines then part the turns, not the label from its value.
    if (!gap.includes('\n')) return false;
    TURN_STAMP.lastIndex = 0;
    const bare = gap.replace(TURN_STAMP, '\n');
    if (bare === gap || HAS_DIGIT.test(bare)) return false;
    gap = bare;
  }
  const lower = gap.toLowerCase();
  if (NON_PERSONAL_NUMBER.test(lower)) return false;
  return !(extraBad && extraBad.test(lower));
}

export interface CueOptions {
  /** Most characters allowed between the end of the label and the value. */
  maxGap: number;
  /** Longest value the `value` pattern can match (bounds the slice that is searched). */
  maxValue: number;
  /** Accepts or rejects a value match (shape checks, checksums). */
  accept: (m: RegExpExecArray) => boolean;
  /** Words (lower case) that, between label and value, mean the value is something else. */
  badGap?: RegExp;
  /**
   * Most characters allowed between a value and a label that FOLLOWS it ("123456789 (passport)").
   * 0 or unset: only the label-then-value order is looked at.
   */
  maxGapAfter?: number;
  /**
   * A cheap pattern every value contains, tested on the slice before the value pattern runs.
   * Default: a digit. Most labels in prose are followed by none.
   */
  needs?: RegExp;
  /**
   * Where labels can be: a keyword list every match of `label` holds at most `lead` characters
   * from its start (see matchAllAt in rules/context.ts). The label pattern is then tried only
   * there instead of at every position of the text.
   */
  anchors?: { readonly words: Keywords; readonly lead: number };
}

/**
 * Finds values introduced by a label: for each match of `label` in `text`, the first match of
 * `value` after it that `accept`s, provided only punctuation and words without digits stand
 * between them. Values contain a match of `opts.needs` (a digit by default). `value` must be global and
 * may use look-behinds; it is run on bounded slices next to the label, so its work per label is
 * constant.
 */
export function valuesNearLabels(
  text: string,
  label: RegExp,
  value: RegExp,
  opts: CueOptions,
): CuedValue[] {
  const out: CuedValue[] = [];
  // The starts taken, made with the first value: most texts hold no label with a value.
  let seen: Set<number> | null = null;
  const values = globalOf(value);
  // Labels are read with a key's underscores as spaces (`passport_no`, `date_of_birth`).
  const keys = keyView(text);
  const labels = opts.anchors
    ? matchAllAt(keys, globalOf(label), opts.anchors.words.at(text), opts.anchors.lead)
    : matchesOf(keys, globalOf(label));
  for (const lm of labels) {
    seen = addValue(out, seen, valueAfter(text, lm.index + lm[0].length, values, opts));
    if (opts.maxGapAfter) {
      seen = addValue(out, seen, valueBefore(text, lm.index, values, opts, opts.maxGapAfter));
    }
    // A label that heads a table's column ("DOB" over a column of dates in a CSV export) labels
    // every cell under it.
    const column = columnBelow(text, lm.index, lm.index + lm[0].length);
    if (column && gapAllowed(column.header.replace(lm[0], ' '), opts.badGap)) {
      for (const cell of column.cells) {
        seen = addValue(out, seen, valueInCell(text, cell, values, opts));
      }
    }
  }
  return out;
}

/**
 * The cells of a pasted table's columns whose header is a label: from each of the keyword
 * positions `at`, the column under the header cell holding it, when that whole cell (read as
 * words, see contextWords) matches `header`. Each column once. For detectors whose label pattern
 * takes its value along ("Account number: 48213377") and so cannot match a header alone. Each
 * cell comes with its header, in words.
 */
export function cellsUnderHeaders(
  text: string,
  at: readonly number[],
  header: RegExp,
): (Cell & { header: string; headerAt: number })[] {
  const out: (Cell & { header: string; headerAt: number })[] = [];
  let lastFirst = -1;
  for (const a of at) {
    const column = columnBelow(text, a, a + 1);
    if (column === null || column.cells[0]!.start === lastFirst) continue;
    const words = contextWords(column.header);
    if (!testOnce(header, words)) continue;
    lastFirst = column.cells[0]!.start;
    for (const c of column.cells) {
      out.push({ start: c.start, end: c.end, header: words, headerAt: a });
    }
  }
  return out;
}

/**
 * Appends `v` to `out` unless it is null or a value with the same start is there; returns
 * `seen`, the starts in `out` (made with the first value). A function, not a closure over the
 * two, since valuesNearLabels runs several times in every scan.
 */
function addValue(
  out: CuedValue[],
  seen: Set<number> | null,
  v: CuedValue | null,
): Set<number> | null {
  if (v === null) return seen;
  seen ??= new Set();
  if (!seen.has(v.start)) {
    seen.add(v.start);
    out.push(v);
  }
  return seen;
}

/** The first acceptable value that fills most of a table cell (see valuesNearLabels). */
function valueInCell(text: string, cell: Cell, values: RegExp, opts: CueOptions): CuedValue | null {
  if (cell.end - cell.start > opts.maxValue + 8) return null;
  // One character more, so the value's look-ahead sees the separator.
  const slice = text.slice(cell.start, cell.end + 1);
  values.lastIndex = 0;
  const m = values.exec(slice);
  values.lastIndex = 0;
  if (m === null || m.index + m[0].length > cell.end - cell.start) return null;
  if (!gapAllowed(slice.slice(0, m.index), opts.badGap) || !opts.accept(m)) return null;
  const start = cell.start + m.index;
  return { start, end: start + m[0].length, match: m, labelBefore: true };
}

/** The first acceptable value after a label that ends at `from`. */
function valueAfter(
  text: string,
  from: number,
  values: RegExp,
  opts: CueOptions,
): CuedValue | null {
  // One character more than the longest reach, so the value's look-ahead sees what follows it.
  const slice = text.slice(from, from + opts.maxGap + opts.maxValue + 1);
  if (!(opts.needs ?? HAS_DIGIT).test(slice)) return null;
  values.lastIndex = 0;
  let found: CuedValue | null = null;
  let m: RegExpExecArray | null;
  while ((m = values.exec(slice)) !== null) {
    if (m.index > opts.maxGap || !gapAllowed(slice.slice(0, m.index), opts.badGap)) break;
    if (opts.accept(m)) {
      found = {
        start: from + m.index,
        end: from + m.index + m[0].length,
        match: m,
        labelBefore: true,
      };
      break;
    }
    if (m[0].length === 0) values.lastIndex++;
  }
  values.lastIndex = 0;
  return found;
}

/** The last acceptable value ending at most `maxGap` characters before a label at `at`. */
function valueBefore(
  text: string,
  at: number,
  values: RegExp,
  opts: CueOptions,
  maxGap: number,
): CuedValue | null {
  // One character more than the longest reach, so the value's look-behind sees what precedes
  // it; a value cut short at the slice's start would leave too long a gap and is rejected.
  // Ids and dates end in a digit or a capital; most labels follow ordinary words.
  if (!ENDS_VALUE.test(text.slice(Math.max(0, at - maxGap - 1), at))) return null;
  const from = Math.max(0, at - maxGap - opts.maxValue - 1);
  const slice = text.slice(from, at);
  if (!(opts.needs ?? HAS_DIGIT).test(slice)) return null;
  values.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = values.exec(slice)) !== null) {
    if (opts.accept(m)) last = m;
    if (m[0].length === 0) values.lastIndex++;
  }
  values.lastIndex = 0;
  if (!last) return null;
  const gap = slice.slice(last.index + last[0].length);
  // "C01X00T47 (Reisepass)": only brackets and punctuation between value and label, on one
  // line; a label on the next line belongs to the next value.
  if (gap.length > maxGap || !ONLY_PUNCTUATION.test(gap)) return null;
  const start = from + last.index;
  return { start, end: start + last[0].length, match: last, labelBefore: false };
}

/** Days in `month` (1..12) of `year`, with the Gregorian leap-year rule. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether year-month-day is a real calendar date (a two-digit year is taken as 19xx/20xx). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  // A two-digit year only matters for 29 February; 2000 is a leap year, so "00" passes.
  const y = year < 100 ? 2000 + year : year;
  return day <= daysInMonth(y, month);
}

/**
 * True when [start, end) is not a piece of a longer number: "1 123 456 789", "0.123456789",
 * "123456789.50" or "123456789,50" (a price). A comma before is allowed, as in CSV rows.
 */
export function notInLongerNumber(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 4);
  return !DIGIT_THEN_SEPARATOR.test(before) && !SEPARATOR_THEN_DIGIT.test(after);
}
