/**
 * Keyword lists found together: every list made with `keywords()` is searched in ONE pass over
 * the text (an Aho-Corasick automaton over all their words), memoised on the last text, so a
 * scan pays one linear pass however many detectors ask "is one of my words here, and where?".
 *
 * Why: each detector used to answer that with its own regular expression over the whole text
 * (a prefilter, then anchors for its label pattern). Fifty such passes over a 2 KB prompt cost
 * more than the detectors' real work, and each alternation of thirty words is tried word by word
 * at every position. The automaton reads each character once: about 10 µs for 2 KB with every
 * list's words, where the passes it replaces took over 100 µs.
 *
 * Matching ignores case the way a regular expression's `i` flag does (without `u`): a text
 * character matches a word's letter when it is that letter in lower or upper case. An
 * underscore, in a word or in the text, reads as a space: a key's words are found as words. Words are
 * plain strings, not patterns; a list that needs a pattern keeps its pattern and uses a list of
 * the literal parts every match must contain (then `at` gives the places to try it: see
 * matchAllAt in rules/context.ts).
 */
import type { TextTest } from './types.ts';

const UNDERSCORES = /_/g;

/** A list of words registered with the shared automaton. */
export interface Keywords extends TextTest {
  /** Whether `text` holds one of the words. */
  test(text: string): boolean;
  /** Where each occurrence of a word starts, overlapping ones included, in ascending order. */
  at(text: string): readonly number[];
}

// The registry: every list's words, lower-cased, and whether they count only as whole words.
// Lists are module-level constants of the detectors, so it only grows while modules load; the
// automaton is rebuilt when it has grown.
const lists: string[][] = [];
const wholeWords: boolean[] = [];
let built: Automaton | null = null;

// The last text searched and what was found in it (see Found).
let memoText: string | null = null;
let memoFound: Found | null = null;

const NONE: readonly number[] = Object.freeze([]);

/** Up to how many occurrences in a text Found.at makes its arrays at their size. */
const EXACT_UP_TO = 4096;

/**
 * Registers `words` (plain strings, compared without case) and returns their test. Call it once
 * per list at module level: every call adds to the automaton that every scan runs.
 *
 * With `wholeWord`, an occurrence counts only with no ASCII letter or digit right before or
 * after it: `\b`'s boundaries, and the underscore's too, which separates a key's words
 * (`routing_number`); every word must then start and end with a letter or digit.
 */
export function keywords(words: readonly string[], opts: { wholeWord?: boolean } = {}): Keywords {
  const clean = [...new Set(words.map((w) => w.toLowerCase().replace(UNDERSCORES, ' ')))];
  if (clean.length === 0 || clean.some((w) => w.length === 0)) {
    throw new Error('keywords: every word must be a non-empty string');
  }
  const whole = opts.wholeWord === true;
  if (
    whole &&
    clean.some((w) => !isWordChar(w.charCodeAt(0)) || !isWordChar(w.charCodeAt(w.length - 1)))
  ) {
    throw new Error('keywords: a whole word must start and end with a letter or digit');
  }
  const id = lists.length;
  lists.push(clean);
  wholeWords.push(whole);
  built = null;
  return {
    test: (text) => foundIn(text).present[id] === 1,
    at: (text) => foundIn(text).at(id),
  };
}

function foundIn(text: string): Found {
  if (text === memoText && memoFound !== null && memoFound.present.length === lists.length) {
    // Equal text may be another string object (each scan normalises anew): holding the current
    // one lets the next check succeed on identity instead of comparing every character again.
    memoText = text;
    return memoFound;
  }
  built ??= build(lists, wholeWords);
  memoFound = built.run(text, lists.length);
  memoText = text;
  return memoFound;
}

/**
 * What one pass found: which lists occur (a byte per list), and every occurrence as a (list,
 * start) pair in the order the pass met their ends. A list's sorted starts are made when first
 * asked for: most lists are only tested, and a pass over a long text meets many short words.
 *
 * Only the Found of the memoised text is ever read (foundIn returns it at once, and callers read
 * it at once), so the pass reuses one set of buffers for every text instead of allocating them
 * per scan; only the starts handed out are new arrays, since callers keep those.
 */
class Found {
  constructor(
    readonly present: Uint8Array,
    private readonly pairs: Int32Array,
    private readonly count: number,
    /** The starts of each list given out so far for this text (undefined: not yet made). */
    private readonly starts: (readonly number[] | undefined)[],
  ) {}

  at(list: number): readonly number[] {
    if (this.present[list] !== 1) return NONE;
    let out = this.starts[list];
    if (out === undefined) {
      // Counted first and made at that size: an array grown by push starts at seventeen
      // places, for the few starts a list has in a prompt. Not in a text with more than
      // EXACT_UP_TO occurrences: there the count would be a second pass per list, and V8 makes
      // a long preallocated array a slow dictionary.
      let size = 0;
      if (this.count <= 2 * EXACT_UP_TO) {
        for (let k = 0; k < this.count; k += 2) if (this.pairs[k] === list) size++;
      }
      const found: number[] = size > 0 ? new Array<number>(size) : [];
      let n = 0;
      let sorted = true;
      for (let k = 0; k < this.count; k += 2) {
        if (this.pairs[k] !== list) continue;
        const start = this.pairs[k + 1]!;
        const last = n > 0 ? found[n - 1]! : -1;
        if (start === last) continue;
        if (start < last) sorted = false;
        found[n++] = start;
      }
      found.length = n;
      out = sorted ? found : [...new Set(found)].sort((x, y) => x - y);
      this.starts[list] = out;
    }
    return out;
  }
}

interface Automaton {
  run(text: string, listCount: number): Found;
}

/**
 * The automaton: characters mapped to a small alphabet (every character no word holds is symbol
 * 0), a full transition table (failure links folded in, so each character costs one lookup), and
 * per state the (list, word length) pairs that end there, suffixes' outputs included.
 */
function build(all: readonly string[][], whole: readonly boolean[]): Automaton {
  const ascii = new Uint8Array(128);
  const other = new Map<number, number>();
  let symbols = 1;
  const symbolOf = (c: number): number => (c < 128 ? ascii[c]! : (other.get(c) ?? 0));
  const define = (ch: string, s: number) => {
    if (ch.length !== 1) return;
    const c = ch.charCodeAt(0);
    if (symbolOf(c) !== 0) return;
    if (c < 128) ascii[c] = s;
    else other.set(c, s);
  };
  for (const words of all) {
    for (const w of words) {
      for (const ch of w) {
        if (symbolOf(ch.charCodeAt(0)) !== 0 || ch.length !== 1) continue;
        const s = symbols++;
        define(ch, s);
        define(ch.toUpperCase(), s);
      }
    }
  }
  // Words with characters outside the BMP are matched code unit by code unit.
  for (const words of all) {
    for (const w of words) {
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (symbolOf(c) === 0) define(w[i]!, symbols++);
      }
    }
  }
  // An underscore reads as a space, in words and in text: a key's words are a label's
  // (`date_de_naissance` holds "date de naissance"). Offsets are unchanged.
  ascii[95] = ascii[32]!;
  const A = symbols;

  // The trie, then breadth-first failure links.
  const next: Map<number, number>[] = [new Map()];
  const outs: number[][] = [[]]; // flattened pairs: list id, word length
  all.forEach((words, list) => {
    for (const w of words) {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const a = symbolOf(w.charCodeAt(i));
        let n = next[s]!.get(a);
        if (n === undefined) {
          n = next.length;
          next.push(new Map());
          outs.push([]);
          next[s]!.set(a, n);
        }
        s = n;
      }
      outs[s]!.push(list, w.length);
    }
  });
  const S = next.length;
  if (S > 0xffff) throw new Error('keywords: too many words for the automaton');
  const delta = new Uint16Array(S * A);
  const fail = new Uint32Array(S);
  const queue: number[] = [];
  for (const [a, n] of next[0]!) {
    delta[a] = n;
    queue.push(n);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    const f = fail[s]!;
    if (outs[f]!.length > 0) outs[s]!.push(...outs[f]!);
    for (let a = 0; a < A; a++) {
      const n = next[s]!.get(a);
      if (n === undefined) {
        delta[s * A + a] = delta[f * A + a]!;
      } else {
        delta[s * A + a] = n;
        fail[n] = s === 0 ? 0 : delta[f * A + a]!;
        queue.push(n);
      }
    }
  }
  const out = outs.map((o) => (o.length > 0 ? Int32Array.from(o) : null));
  const ends = Uint8Array.from(outs, (o) => (o.length > 0 ? 1 : 0));
  // Every UTF-16 code unit's symbol in one table: a lookup per character, no branch on ASCII.
  const symbolAt = A <= 0x100 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
  symbolAt.set(ascii);
  for (const [c, sym] of other) symbolAt[c] = sym;

  // The buffers every pass reuses (see Found); pairs grows and keeps its size.
  let present = new Uint8Array(0);
  let pairs = new Int32Array(64);
  const starts: (readonly number[] | undefined)[] = [];
  return {
    run(text, listCount) {
      if (present.length !== listCount) present = new Uint8Array(listCount);
      else present.fill(0);
      if (starts.length !== listCount) starts.length = listCount;
      starts.fill(undefined);
      let count = 0;
      const n = text.length;
      let s = 0;
      for (let i = 0; i < n; i++) {
        s = delta[s * A + symbolAt[text.charCodeAt(i)]!]!;
        if (ends[s] === 0) continue;
        const o = out[s]!;
        for (let k = 0; k < o.length; k += 2) {
          const list = o[k]!;
          const start = i + 1 - o[k + 1]!;
          if (
            whole[list] &&
            ((start > 0 && isWordChar(text.charCodeAt(start - 1))) ||
              (i + 1 < n && isWordChar(text.charCodeAt(i + 1))))
          ) {
            continue;
          }
          present[list] = 1;
          if (count === pairs.length) {
            const more = new Int32Array(pairs.length * 2);
            more.set(pairs);
            pairs = more;
          }
          pairs[count++] = list;
          pairs[count++] = start;
        }
      }
      return new Found(present, pairs, count, starts);
    },
  };
}

/**
 * A word character for whole words: ASCII letters and digits. Not the underscore, which `\b`
 * counts: a key's parts are words (`routing_number` holds "routing").
 */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
