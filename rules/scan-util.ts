/**
 * Facts about the text being scanned that several detectors need, computed once per text and
 * shared: in one scan every pattern detector is handed the same normalised string, so a memo on
 * the last text seen turns N copies into one. The memos hold the last text (lowerOf: the last
 * two), so they never grow; a detector called on another text simply recomputes.
 */

import type { TextTest } from './types.ts';

// Two slots, the most recent first: a detector that lower-cases a part of the text between two
// uses of the whole (context windows of a slice) must not make the whole be copied again.
let memoText: string | null = null;
let memoLower: string | null = null;
let olderText: string | null = null;
let olderLower: string | null = null;

/**
 * `text.toLowerCase()`, computed once for the text of the current scan. A 2 KB prompt costs a
 * few microseconds to copy, and six detectors used to copy it each.
 */
export function lowerOf(text: string): string {
  // Equal text may be another string object (each scan normalises anew): the slot keeps the
  // current one, so the next check succeeds on identity instead of comparing every character.
  if (text === memoText) {
    memoText = text;
    return memoLower!;
  }
  if (text === olderText) {
    [olderText, olderLower, memoText, memoLower] = [memoText, memoLower, text, olderLower];
    return memoLower!;
  }
  olderText = memoText;
  olderLower = memoLower;
  memoText = text;
  memoLower = text.toLowerCase();
  return memoLower;
}

/**
 * A prefilter that passes when any of `patterns` matches: the same answer as one pattern of
 * their alternation (at the top level, with the same flags), found faster when a branch that
 * starts with common characters slows the scan for all the others. Tried in order, so the
 * cheapest should come first.
 */
export function anyOf(...patterns: TextTest[]): TextTest {
  return {
    test(text: string): boolean {
      // Indexed, as in every loop a scan runs: see scanWith in engine.ts.
      for (let i = 0; i < patterns.length; i++) if (patterns[i]!.test(text)) return true;
      return false;
    },
  };
}

/**
 * The alternation of `words` (regular-expression sources, each starting with a plain lower-case
 * letter), grouped by that letter: "p(?:assword|asswd|...)|k(?:ennwort)". A flat list of thirty
 * words is tried word by word at every position of the text; grouped, a position whose
 * character starts no word is passed at once. Words keep their order inside a group, and words
 * in different groups cannot match at the same position, so the matches are the same as the
 * flat list's, with or without the `i` flag.
 */
export function byFirstLetter(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const rest = groups.get(w[0]!);
    if (rest) rest.push(w.slice(1));
    else groups.set(w[0]!, [w.slice(1)]);
  }
  return `(?:${[...groups].map(([first, rest]) => `${first}(?:${rest.join('|')})`).join('|')})`;
}

/**
 * The matches of the global `re` in `text`, exactly as `text.matchAll(re)` gives them: from
 * `re.lastIndex` on, an empty match stepping one character (one code point with the u or v
 * flag), and `re.lastIndex` left as the loop body leaves it. matchAll copies the pattern on
 * every call (RegExp[Symbol.species]); a scan makes some sixty such calls, and the copies cost
 * as much as a tenth of scanning a short prompt. Here the pattern itself is used, its lastIndex
 * set for each search and put back after it, so a loop body that uses the same pattern (even
 * through matchesOf) neither disturbs the iteration nor sees it. Throws a TypeError for a
 * pattern without the g flag, as matchAll does.
 */
export function matchesOf(text: string, re: RegExp): IterableIterator<RegExpExecArray, undefined> {
  if (!re.global) throw new TypeError('matchesOf: the pattern needs the g flag');
  const it = spareMatches ?? new Matches();
  spareMatches = null;
  if (it.setUp(text, re).began()) return it;
  spareMatches = it;
  return NO_MATCHES;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** The result object of every MatchIterator step (see there), made with the first one. */
let step: IteratorYieldResult<RegExpExecArray> | null = null;

/**
 * The shape of the match iterators (matchesOf, and matchAllNear and matchAllAt in context.ts),
 * which give what the generators they replace gave. A generator allocates its object, a register
 * file and a result object per match, and a scan starts a few dozen of them. These allocate at
 * most themselves: every step returns the same result object, `step` (for-of and spread read a
 * result before they ask any iterator for the next one); and a factory sets its iterator up and
 * runs the first search (began) before handing it out, so that one that found nothing (most, in
 * a scan) is never handed out but kept to be set up again for the next call (the "spare" of
 * each factory), while the caller gets NO_MATCHES.
 */
export abstract class MatchIterator implements IterableIterator<RegExpExecArray, undefined> {
  /** The match began() found, until next() gives it. */
  private first: RegExpExecArray | null = null;
  private finished = false;

  [Symbol.iterator](): this {
    return this;
  }

  /** Runs the first search of a search just set up; whether it found a match. */
  began(): boolean {
    this.finished = false;
    this.first = this.find();
    return this.first !== null;
  }

  next(): IteratorResult<RegExpExecArray, undefined> {
    let m = this.first;
    if (m !== null) {
      this.first = null;
    } else {
      if (this.finished) return DONE;
      // Set first, so that a search that throws ends the iteration, as it ends a generator.
      this.finished = true;
      m = this.find();
      if (m === null) return DONE;
      this.finished = false;
    }
    if (step === null) step = { done: false, value: m };
    else step.value = m;
    return step;
  }

  /** The next match, or null when there is none (find is then not called again). */
  protected abstract find(): RegExpExecArray | null;
}

/** The iterator of a search that found nothing: no match, and nothing allocated. */
class NoMatches implements IterableIterator<RegExpExecArray, undefined> {
  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<RegExpExecArray, undefined> {
    return DONE;
  }
}

export const NO_MATCHES: IterableIterator<RegExpExecArray, undefined> = Object.freeze(
  new NoMatches(),
);

/** A pattern that is never searched: what a spare iterator holds before its first set-up. */
export const NEVER = /(?!)/g;

/** matchesOf's iterator (see MatchIterator). */
class Matches extends MatchIterator {
  private text = '';
  private re = NEVER;
  /** Where the next search starts. */
  private pos = 0;

  setUp(text: string, re: RegExp): this {
    this.text = text;
    this.re = re;
    // matchAll's copy starts at the pattern's lastIndex.
    this.pos = re.lastIndex;
    return this;
  }

  protected find(): RegExpExecArray | null {
    const { text, re } = this;
    // Between steps, lastIndex is what the loop body left (matchAll never touches the
    // original's), so it is put back after every search.
    const outside = re.lastIndex;
    re.lastIndex = this.pos;
    const m = re.exec(text);
    if (m !== null) {
      this.pos = re.lastIndex;
      // The flags only matter after an empty match: reading re.flags makes a string.
      if (m[0] === '') this.pos = advance(text, this.pos, re.unicode || re.flags.includes('v'));
    }
    re.lastIndex = outside;
    return m;
  }
}

/** A Matches that found nothing, kept for the next call (see MatchIterator). */
let spareMatches: Matches | null = null;

/** The index after the character at `i` (AdvanceStringIndex in the ECMAScript spec). */
function advance(text: string, i: number, fullUnicode: boolean): number {
  if (!fullUnicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

let runsText: string | null = null;
/** Runs of letters and digits are told apart up to this length; longer ones count as this long. */
const LONGEST_RUN = 64;
/** Where runs start is kept from this length on (what matchesAtRuns serves); shorter are counted. */
const SHORTEST_LISTED = 8;
// What runsOf found in runsText: which lengths occur, and the runs of SHORTEST_LISTED
// characters or more in order (start and clamped length; runCount of them). Cleared and refilled
// for each new text, never made anew: a table and a list per length, allocated per text, cost
// about 2 KB a scan of a 2 KB prompt.
const runsSeen = new Uint8Array(LONGEST_RUN + 1);
const runStarts: number[] = [];
const runLengths: number[] = [];
let runCount = 0;
/** Scratch for matchesAtRuns: 1 at the lengths asked for, cleared again before it returns. */
const lengthAsked = new Uint8Array(LONGEST_RUN + 1);

/**
 * The whole tokens of ASCII letters and digits in `text` (runs not part of a longer run), one
 * pass per text: which lengths occur, and where the runs of SHORTEST_LISTED characters or more
 * start. Runs of LONGEST_RUN characters or more count as LONGEST_RUN long.
 */
function runsOf(text: string): void {
  if (text === runsText) {
    // Equal text may be another string object: keep this one, so the next check is on identity.
    runsText = text;
    return;
  }
  runsSeen.fill(0);
  runCount = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      run++;
    } else if (run > 0) {
      const n = run > LONGEST_RUN ? LONGEST_RUN : run;
      runsSeen[n] = 1;
      if (n >= SHORTEST_LISTED) {
        // Written in place: the lists keep their capacity from one text to the next.
        runStarts[runCount] = i - run;
        runLengths[runCount] = n;
        runCount++;
      }
      run = 0;
    }
  }
  runsText = text;
}

const clampRun = (n: number) => (n > LONGEST_RUN ? LONGEST_RUN : n);

/**
 * Whether `text` holds a whole token of `min` to `max` ASCII letters and digits (not part of a
 * longer run of them). Detectors of fixed-length codes (tax codes, licence and registration
 * numbers, wallet addresses) ask it before their pattern: most prompts hold no token of the
 * right length, and a pattern that tries its first character class at every letter costs far
 * more than this lookup. `max` above LONGEST_RUN means "or longer".
 */
export function hasAlnumRun(text: string, min: number, max = min): boolean {
  runsOf(text);
  for (let n = clampRun(min); n <= clampRun(max); n++) if (runsSeen[n] === 1) return true;
  return false;
}

/**
 * The matches of the global `re` in `text`, in order, for a pattern whose every match is a
 * whole token of ASCII letters and digits of one of `lengths` (the pattern's own look-arounds
 * must make sure of that): it is tried only at the start of such tokens instead of at every
 * position. The same matches as matchesOf(text, re) under that guarantee, because tokens do not
 * overlap. Lengths are from SHORTEST_LISTED to LONGEST_RUN.
 */
export function matchesAtRuns(
  text: string,
  re: RegExp,
  lengths: readonly number[],
): RegExpExecArray[] {
  for (let k = 0; k < lengths.length; k++) {
    const n = lengths[k]!;
    if (n < SHORTEST_LISTED || n > LONGEST_RUN) throw new RangeError(`matchesAtRuns: length ${n}`);
  }
  runsOf(text);
  for (let k = 0; k < lengths.length; k++) lengthAsked[lengths[k]!] = 1;
  const sticky = stickyOf(re);
  const out: RegExpExecArray[] = [];
  // The runs are in order of start and do not overlap, so the matches come in order.
  for (let k = 0; k < runCount; k++) {
    if (lengthAsked[runLengths[k]!] !== 1) continue;
    sticky.lastIndex = runStarts[k]!;
    const m = sticky.exec(text);
    if (m !== null) out.push(m);
  }
  for (let k = 0; k < lengths.length; k++) lengthAsked[lengths[k]!] = 0;
  return out;
}

const STICKY_COPIES = new WeakMap<RegExp, RegExp>();

/** A sticky copy of the global `re` (its flags without g), made once per pattern. */
export function stickyOf(re: RegExp): RegExp {
  let sticky = STICKY_COPIES.get(re);
  if (sticky === undefined) {
    sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y');
    STICKY_COPIES.set(re, sticky);
  }
  return sticky;
}

/** Arrays up to this length are sorted by sortShort itself; longer ones by Array#sort. */
const SHORT_SORT = 32;

/**
 * Sorts `items` in place by `order` and returns it, like `items.sort(order)` (stable, so the
 * same result for a consistent order). Array#sort allocates about a kilobyte of working state
 * on every call, however short the array, and a scan sorts a few short lists (candidates,
 * clusters of overlapping ones, address hits, the readings of a digit run). A short array is
 * sorted here by insertion, with no allocation; a long one (a 1 MB paste) by Array#sort.
 */
export function sortShort<T>(items: T[], order: (a: T, b: T) => number): T[] {
  if (items.length > SHORT_SORT) return items.sort(order);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && order(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/** A prefilter that passes when every test passes, tried in order: the cheapest first. */
export function allOf(...tests: TextTest[]): TextTest {
  return {
    test(text: string): boolean {
      for (let i = 0; i < tests.length; i++) if (!tests[i]!.test(text)) return false;
      return true;
    },
  };
}

/** An ASCII letter, digit or underscore (what `\w` matches), by its code. */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * The matches of the sticky `re` tried at those of `positions` that start a word (no `\w` right
 * before): where a keyword list (rules/keywords.ts) found its words. In order of position.
 */
export function stickyAtWordStarts(
  text: string,
  re: RegExp,
  positions: readonly number[],
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let i = 0; i < positions.length; i++) {
    const k = positions[i]!;
    if (k > 0 && isWordCode(text.charCodeAt(k - 1))) continue;
    re.lastIndex = k;
    const m = re.exec(text);
    if (m !== null) out.push(m);
  }
  return out;
}

/** The index of the first of the ascending `sorted` that is at or after `pos` (binary search). */
export function firstAtOrAfter(sorted: readonly number[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index of the first of `spans` (in text order, none inside another, so their ends ascend
 * too) that ends after `pos` (binary search): the first that can overlap a range from `pos`.
 */
export function firstEndingAfter(spans: readonly { end: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A clock time in a chat's stamp: "6:27 PM", "14:10", "8:44:34 p.m.". (Pattern source.) */
export const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?`;

/**
 * A chat line's time stamp, with the date a messenger's export adds and its brackets:
 * "[3/19/24, 8:44 PM]", "(8:18:10 PM)", "17:31". (Pattern source.)
 */
export const CHAT_STAMP = String.raw`[[(]?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]+)?${CLOCK}[\])]?`;

/**
 * The start of the line holding `pos` when it lies at most `max` characters back, else -1. A
 * bounded lastIndexOf: on a paste of one long line the plain search reads back to the text's
 * start for every candidate, which makes a scan quadratic.
 */
export function lineStartWithin(text: string, pos: number, max: number): number {
  const stop = Math.max(0, pos - max);
  for (let k = pos; k > stop; k--) if (text.charCodeAt(k - 1) === 10) return k;
  return stop === 0 ? 0 : -1;
}
