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
  if (text === memoText) return memoLower!;
  if (text === olderText) {
    [olderText, olderLower, memoText, memoLower] = [memoText, memoLower, olderText, olderLower];
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
      for (const p of patterns) if (p.test(text)) return true;
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
export function* matchesOf(text: string, re: RegExp): Generator<RegExpExecArray, void, undefined> {
  if (!re.global) throw new TypeError('matchesOf: the pattern needs the g flag');
  const fullUnicode = re.unicode || re.flags.includes('v');
  // Where the next search starts; matchAll's copy starts at the pattern's lastIndex.
  let pos = re.lastIndex;
  for (;;) {
    // Between steps, lastIndex is what the loop body left (matchAll never touches the
    // original's), so it is put back after every search.
    const outside = re.lastIndex;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m !== null) {
      pos = re.lastIndex;
      if (m[0] === '') pos = advance(text, pos, fullUnicode);
    }
    re.lastIndex = outside;
    if (m === null) return;
    yield m;
  }
}

/** The index after the character at `i` (AdvanceStringIndex in the ECMAScript spec). */
function advance(text: string, i: number, fullUnicode: boolean): number {
  if (!fullUnicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

let runsText: string | null = null;
let runsSeen = new Uint8Array(0);
let runsByLength: (number[] | undefined)[] = [];
/** Runs of letters and digits are told apart up to this length; longer ones count as this long. */
const LONGEST_RUN = 64;
/** Where runs start is kept from this length on (what matchesAtRuns serves); shorter are counted. */
const SHORTEST_LISTED = 8;

/**
 * The whole tokens of ASCII letters and digits in `text` (runs not part of a longer run), one
 * pass per text: which lengths occur, and where the runs of SHORTEST_LISTED characters or more
 * start, by length. Runs of LONGEST_RUN characters or more count as LONGEST_RUN long.
 */
function runsOf(text: string): void {
  if (text === runsText) return;
  const seen = new Uint8Array(LONGEST_RUN + 1);
  const by: (number[] | undefined)[] = new Array<number[] | undefined>(LONGEST_RUN + 1);
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      run++;
    } else if (run > 0) {
      const n = run > LONGEST_RUN ? LONGEST_RUN : run;
      seen[n] = 1;
      if (n >= SHORTEST_LISTED) (by[n] ??= []).push(i - run);
      run = 0;
    }
  }
  runsText = text;
  runsSeen = seen;
  runsByLength = by;
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
  runsOf(text);
  const by = runsByLength;
  let starts: number[] = [];
  let lists = 0;
  for (const n of lengths) {
    if (n < SHORTEST_LISTED || n > LONGEST_RUN) throw new RangeError(`matchesAtRuns: length ${n}`);
    const at = by[n];
    if (at === undefined) continue;
    starts = lists === 0 ? at : starts.concat(at);
    lists++;
  }
  if (lists > 1) starts = starts.slice().sort((a, b) => a - b);
  const sticky = stickyOf(re);
  const out: RegExpExecArray[] = [];
  for (const s of starts) {
    sticky.lastIndex = s;
    const m = sticky.exec(text);
    if (m !== null) out.push(m);
  }
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

/** A prefilter that passes when every test passes, tried in order: the cheapest first. */
export function allOf(...tests: TextTest[]): TextTest {
  return {
    test(text: string): boolean {
      for (const t of tests) if (!t.test(text)) return false;
      return true;
    },
  };
}
