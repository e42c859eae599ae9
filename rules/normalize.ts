/**
 * Normalisation before matching, with offsets mapped back to the original text.
 *
 * People (and tools) hide values from detectors with full-width digits, zero-width characters,
 * soft hyphens, look-alike letters from another script, and typographic dashes. We fold those
 * into plain forms one code point at a time, so that every character of the normalised text
 * knows which original characters produced it.
 *
 * What is NOT done here, on purpose: separators between digits (`4 5 3 9 ...`) and spelled-out
 * punctuation (`john dot doe at gmail dot com`) are handled by the detectors that care, because
 * removing spaces globally would glue unrelated numbers together.
 */

export interface Normalised {
  /** The normalised text. */
  readonly text: string;
  /**
   * For each UTF-16 index i of `text`, the original index where the character that produced it
   * starts (starts[i]) and ends (ends[i], exclusive). Null when the text is unchanged.
   */
  readonly starts: Int32Array | null;
  readonly ends: Int32Array | null;
}

/** Characters that carry no visible content and are dropped. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // arabic letter mark
    cp === 0x180e || // mongolian vowel separator
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, direction marks
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2060 && cp <= 0x2064) || // word joiner, invisible operators
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0xfeff || // zero-width no-break space
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0000 && cp <= 0xe007f) // tag characters
  );
}

/** Dashes and minus signs that NFKC leaves alone but people use as separators. */
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63]);

/**
 * Cyrillic and Greek letters that look like Latin ones. Applied only inside a word that also
 * contains Latin letters or digits, so genuine Cyrillic or Greek text is left as it is.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  // Greek
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  τ: 't',
  υ: 'u',
  ι: 'i',
  κ: 'k',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

const nfkcCache = new Map<number, string>();

function foldCodePoint(cp: number, ch: string): string {
  if (cp < 0xa0) return ch;
  if (isInvisible(cp)) return '';
  if (DASHES.has(cp)) return '-';
  let out = nfkcCache.get(cp);
  if (out === undefined) {
    out = ch.normalize('NFKC');
    // NFKC maps some characters to a space plus a combining mark (e.g. spacing accents); keep
    // those as they were, they never hide a value.
    if (out.length > 1 && /^\s/.test(out)) out = ch;
    if (nfkcCache.size < 4096) nfkcCache.set(cp, out);
  }
  return out;
}

// Only ASCII control/printable characters: nothing to fold.
const PLAIN = /^[\x00-\x7f]*$/;

/**
 * Characters that may fold: everything outside ASCII, except Latin letters with diacritics and
 * basic Greek and Cyrillic letters, which NFKC leaves alone (their look-alikes are handled
 * separately, per word). Accented European text therefore takes the fast path.
 */
const MAY_FOLD =
  /[^\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u0131\u0134-\u013e\u0141-\u0148\u014a-\u017e\u0386-\u03ce\u0400-\u045f]/gu;

/** Normalise `input`; no copy and no offset maps when nothing folds (the common case). */
export function normalise(input: string): Normalised {
  if (PLAIN.test(input)) return { text: input, starts: null, ends: null };
  const parts: string[] = [];
  let starts: Int32Array | null = null;
  let ends: Int32Array | null = null;
  let n = 0; // output length so far
  let last = 0; // input copied up to here
  const grow = (need: number) => {
    if (starts && ends && need <= starts.length) return;
    const size = Math.max(need, Math.ceil(input.length * 1.25) + 16);
    const s2 = new Int32Array(size);
    const e2 = new Int32Array(size);
    if (starts && ends) {
      s2.set(starts.subarray(0, n));
      e2.set(ends.subarray(0, n));
    }
    starts = s2;
    ends = e2;
  };
  const copyTo = (to: number) => {
    // Identity mapping for the unchanged run [last, to).
    const len = to - last;
    if (len <= 0) return;
    grow(n + len);
    for (let k = 0; k < len; k++) {
      starts![n + k] = last + k;
      ends![n + k] = last + k + 1;
    }
    parts.push(input.slice(last, to));
    n += len;
    last = to;
  };
  MAY_FOLD.lastIndex = 0;
  for (let m = MAY_FOLD.exec(input); m !== null; m = MAY_FOLD.exec(input)) {
    const ch = m[0];
    const out = foldCodePoint(ch.codePointAt(0) as number, ch);
    if (out === ch) continue;
    const i = m.index;
    copyTo(i);
    grow(n + out.length);
    for (let k = 0; k < out.length; k++) {
      starts![n + k] = i;
      ends![n + k] = i + ch.length;
    }
    parts.push(out);
    n += out.length;
    last = i + ch.length;
  }
  let text = input;
  if (starts !== null) {
    copyTo(input.length);
    text = parts.join('');
  }
  const folded = foldLookalikes(text);
  if (starts === null) {
    if (folded === text) return { text: input, starts: null, ends: null };
    // Look-alike folding is one UTF-16 unit for one: identity maps.
    grow(input.length);
    copyTo(input.length);
  }
  return {
    text: folded,
    starts: (starts as Int32Array | null)!.subarray(0, n),
    ends: (ends as Int32Array | null)!.subarray(0, n),
  };
}

// A word (letters and digits) with at least one Greek or Cyrillic letter in it.
const WORD_WITH_GREEK_OR_CYRILLIC = /[\p{L}\p{N}]*[\u0370-\u03ff\u0400-\u052f][\p{L}\p{N}]*/gu;
const GREEK_OR_CYRILLIC = /[\u0370-\u03ff\u0400-\u052f]/;
const HAS_LATIN_OR_DIGIT = /[A-Za-z0-9]/;

function foldLookalikes(text: string): string {
  if (!GREEK_OR_CYRILLIC.test(text)) return text;
  return text.replace(WORD_WITH_GREEK_OR_CYRILLIC, (word) => {
    if (!HAS_LATIN_OR_DIGIT.test(word)) return word;
    let out = '';
    for (const ch of word) {
      const mapped = LOOKALIKES[ch];
      out += mapped !== undefined && ch.length === 1 ? mapped : ch;
    }
    return out;
  });
}

/** Maps a span of the normalised text back to the original text. */
export function toOriginalSpan(n: Normalised, start: number, end: number): [number, number] {
  if (n.starts === null || n.ends === null) return [start, end];
  const len = n.starts.length;
  if (len === 0) return [0, 0];
  const s = start < len ? n.starts[start]! : n.ends[len - 1]!;
  const e = end > 0 ? n.ends[Math.min(end, len) - 1]! : s;
  return [s, Math.max(s, e)];
}
