/**
 * Helpers shared by the government-id and date-of-birth detectors: context scoring where the
 * nearest cue wins, "label then value" extraction, and calendar checks.
 *
 * Pure functions; every loop here does a bounded amount of work per match of a global regex, so
 * the detectors that use them stay linear in the length of the text.
 */
import { clamp, DEFAULT_WINDOW, NON_PERSONAL_NUMBER } from './context.ts';

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
 * Distance in characters between [start, end) and the closest match of `words` in the
 * lower-cased window on either side; Infinity when there is none. `words` is matched against
 * lower-cased text, so it should be written in lower case.
 */
export function cueDistance(
  text: string,
  start: number,
  end: number,
  words: RegExp,
  window = DEFAULT_WINDOW,
): number {
  const g = globalOf(words);
  let best = Infinity;
  const from = Math.max(0, start - window);
  const left = text.slice(from, start).toLowerCase();
  for (const m of left.matchAll(g)) {
    best = Math.min(best, left.length - (m.index + m[0].length));
  }
  const right = text.slice(end, end + window).toLowerCase();
  const m = g.exec(right);
  g.lastIndex = 0;
  if (m) best = Math.min(best, m.index);
  return best;
}

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
  const pos = cueDistance(text, start, end, opts.positive, window);
  const neg = cueDistance(text, start, end, opts.negative ?? NON_PERSONAL_NUMBER, window);
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

/** One value found right after (or right before) a label such as "passport no.". */
export interface CuedValue {
  start: number;
  end: number;
  match: RegExpExecArray;
  /** Whether the label came before the value (the usual "Label: value" order). */
  labelBefore: boolean;
}

/** What may stand between a label and its value: punctuation, filler words, no other number. */
function gapAllowed(gap: string, extraBad?: RegExp): boolean {
  if (/\d/.test(gap)) return false;
  if (/\n[ \t]*\n/.test(gap)) return false;
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
}

/**
 * Finds values introduced by a label: for each match of `label` in `text`, the first match of
 * `value` after it that `accept`s, provided only punctuation and words without digits stand
 * between them. `value` must be global and may use look-behinds; it is run on a bounded slice
 * that starts where the label ends, so its work per label is constant.
 */
export function valuesNearLabels(
  text: string,
  label: RegExp,
  value: RegExp,
  opts: CueOptions,
): CuedValue[] {
  const out: CuedValue[] = [];
  const seen = new Set<number>();
  const labels = globalOf(label);
  const values = globalOf(value);
  for (const lm of text.matchAll(labels)) {
    const lEnd = lm.index + lm[0].length;
    const slice = text.slice(lEnd, lEnd + opts.maxGap + opts.maxValue);
    values.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = values.exec(slice)) !== null) {
      if (m.index > opts.maxGap) break;
      if (!gapAllowed(slice.slice(0, m.index), opts.badGap)) break;
      // Only the very end of the slice can cut a value short; such a match is not trusted.
      const cut = m.index + m[0].length === slice.length && lEnd + slice.length < text.length;
      if (!cut && opts.accept(m)) {
        const start = lEnd + m.index;
        if (!seen.has(start)) {
          seen.add(start);
          out.push({ start, end: start + m[0].length, match: m, labelBefore: true });
        }
        break;
      }
      if (m[0].length === 0) values.lastIndex++;
    }
    values.lastIndex = 0;
    if (opts.maxGapAfter) {
      // "C01X00T47 (Reisepass)": the last acceptable value just before the label.
      const from = Math.max(0, lm.index - opts.maxGapAfter - opts.maxValue);
      const before = text.slice(from, lm.index);
      let last: RegExpExecArray | null = null;
      while ((m = values.exec(before)) !== null) {
        if (opts.accept(m)) last = m;
        if (m[0].length === 0) values.lastIndex++;
      }
      values.lastIndex = 0;
      if (last) {
        const gap = before.slice(last.index + last[0].length);
        const start = from + last.index;
        const clipped = last.index === 0 && from > 0;
        if (
          !clipped &&
          gap.length <= opts.maxGapAfter &&
          /^[\s,;:()[\]/-]*$/.test(gap) &&
          !seen.has(start)
        ) {
          seen.add(start);
          out.push({ start, end: start + last[0].length, match: last, labelBefore: false });
        }
      }
    }
  }
  return out;
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

/** True when the characters around [start, end) are not part of a longer grouped number. */
export function notInLongerNumber(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  return !/\d[ .,/-]$|[.,]$/.test(before) && !/^[ .,/-]\d|^[.,]\d/.test(after);
}
