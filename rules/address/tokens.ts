/**
 * A flat token list over the text for the address scanner: words, numbers, line breaks and
 * single punctuation characters, with their offsets. Spaces and tabs are dropped; the offsets
 * tell whether two tokens touch.
 */

/** Token kinds. */
export const WORD = 0;
export const NUM = 1;
export const NEWLINE = 2;
export const PUNCT = 3;

const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/;
// Classes of the BMP code points above ASCII, computed on first use: 1 letter, 2 space, 3 other.
const WIDE_CLASS = new Uint8Array(0x10000);

function wideClass(c: number): number {
  let k = WIDE_CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LETTER.test(ch) ? 1 : SPACE.test(ch) ? 2 : 3;
    WIDE_CLASS[c] = k;
  }
  return k;
}

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return wideClass(c) === 1;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A hash of the ASCII-lower-cased characters of text[start, end). */
export function wordHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c |= 32;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h;
}

/** The token list of one text. */
export class Tokens {
  // Typed arrays grown by doubling: a 1 MB paste has ~300,000 tokens, and plain arrays of
  // numbers cost several times more to fill and to collect.
  private starts: Int32Array;
  private ends: Int32Array;
  private kinds: Uint8Array;
  /** Per word: the wordHash of its text, when it is all ASCII. */
  private hashes: Int32Array;
  /** Per word: 1 when it has a character above ASCII (its hash is then not kept). */
  private wide: Uint8Array;
  private count = 0;
  /** Lower-case texts of the tokens asked for; sized after tokenising (see low). */
  private lowers: (string | undefined)[] = [];

  // A number (with one glued ASCII letter, as in "221B" or "12a", but not "5th"), a word
  // (letters and marks, with an optional apostrophe part as in "d'Alsace"), a line break, or one
  // other visible character. Runs are cut at 12 digits and 40 letters so every token is bounded;
  // one pass over the text, so tokenising is linear.
  constructor(readonly text: string) {
    const len = text.length;
    const cap = 16 + (len >> 2);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.kinds = new Uint8Array(cap);
    this.hashes = new Int32Array(cap);
    this.wide = new Uint8Array(cap);
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.push(i, i + 1, NEWLINE);
        i++;
        continue;
      }
      if (c <= 32 || (c >= 128 && wideClass(c) === 2)) {
        i++;
        continue;
      }
      if (isDigitCode(c)) {
        let j = i + 1;
        while (j < len && j - i < 12 && isDigitCode(text.charCodeAt(j))) j++;
        const a = text.charCodeAt(j);
        if (j < len && ((a >= 65 && a <= 90) || (a >= 97 && a <= 122))) {
          if (!(j + 1 < len && isLetterCode(text.charCodeAt(j + 1)))) j++;
        }
        this.push(i, j, NUM);
        i = j;
        continue;
      }
      if (isLetterCode(c)) {
        // The word's hash (see wordHash) is computed here, while its characters are read anyway.
        let h = c >= 65 && c <= 90 ? c | 32 : c;
        let wide = c >= 128;
        let j = i + 1;
        for (; j < len && j - i < 40; j++) {
          const d = text.charCodeAt(j);
          if (!isLetterCode(d)) break;
          if (d >= 128) wide = true;
          h = (Math.imul(h, 31) + (d >= 65 && d <= 90 ? d | 32 : d)) | 0;
        }
        const q = text.charCodeAt(j);
        if ((q === 39 || q === 0x2019) && j + 1 < len && isLetterCode(text.charCodeAt(j + 1))) {
          let k = j + 1;
          while (k < len && k - j <= 20 && isLetterCode(text.charCodeAt(k))) k++;
          // The apostrophe part is rare: hash the whole word again.
          h = wordHash(text, i, k);
          wide = true;
          j = k;
        }
        this.push(i, j, WORD);
        this.hashes[this.count - 1] = wide ? 0 : h;
        this.wide[this.count - 1] = wide ? 1 : 0;
        i = j;
        continue;
      }
      this.push(i, i + 1, PUNCT);
      i++;
    }
    // A holey array of the final size: a Map, or a sparse array grown by writes, costs several
    // times more per lookup on a 1 MB paste.
    this.lowers = new Array<string | undefined>(this.count);
  }

  private push(s: number, e: number, kind: number): void {
    const n = this.count;
    if (n === this.kinds.length) {
      const starts = new Int32Array(n * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(n * 2);
      ends.set(this.ends);
      this.ends = ends;
      const kinds = new Uint8Array(n * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const hashes = new Int32Array(n * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const wide = new Uint8Array(n * 2);
      wide.set(this.wide);
      this.wide = wide;
    }
    this.starts[n] = s;
    this.ends[n] = e;
    this.kinds[n] = kind;
    this.count = n + 1;
  }

  get length(): number {
    return this.count;
  }

  kind(i: number): number {
    return i >= 0 && i < this.count ? this.kinds[i]! : -1;
  }

  /** Start offset of token i; the text's length for an index outside the list. */
  start(i: number): number {
    return i >= 0 && i < this.count ? this.starts[i]! : this.text.length;
  }

  /** End offset of token i; the text's length for an index outside the list. */
  end(i: number): number {
    return i >= 0 && i < this.count ? this.ends[i]! : this.text.length;
  }

  /** wordHash of word token i when the word is all ASCII; undefined otherwise. */
  asciiHash(i: number): number | undefined {
    return this.wide[i] === 0 ? this.hashes[i] : undefined;
  }

  /** The token's text. */
  str(i: number): string {
    return this.text.slice(this.start(i), this.end(i));
  }

  /** The token's text in lower case (cached). */
  low(i: number): string {
    // Indices outside the list are not cached: their text is always empty.
    if (i < 0 || i >= this.count) return '';
    let l = this.lowers[i];
    if (l === undefined) {
      l = this.str(i).toLowerCase();
      this.lowers[i] = l;
    }
    return l;
  }

  isWord(i: number): boolean {
    return this.kind(i) === WORD;
  }

  isNum(i: number): boolean {
    return this.kind(i) === NUM;
  }

  isPunct(i: number, ch: string): boolean {
    return this.kind(i) === PUNCT && this.text[this.start(i)] === ch;
  }

  /** True when token i ends exactly where token i+1 starts (no space between). */
  touches(i: number): boolean {
    return i + 1 < this.length && this.end(i) === this.start(i + 1);
  }

  /** Word starting with an upper-case letter. */
  isCap(i: number): boolean {
    if (!this.isWord(i)) return false;
    const c = this.text.charCodeAt(this.start(i));
    if (c < 128) return c >= 65 && c <= 90;
    const ch = this.text[this.start(i)]!;
    return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
  }

  /** Word without any upper-case letter. */
  isLower(i: number): boolean {
    if (!this.isWord(i)) return false;
    const c = this.text.charCodeAt(this.start(i));
    if (c >= 65 && c <= 90) return false;
    const s = this.str(i);
    return s === s.toLowerCase();
  }

  /** Word of upper-case letters only (at least one letter). */
  isUpper(i: number): boolean {
    if (!this.isWord(i)) return false;
    const text = this.text;
    let ascii = true;
    for (let k = this.start(i), e = this.end(i); k < e; k++) {
      const c = text.charCodeAt(k);
      if (c >= 97 && c <= 122) return false;
      if (c >= 128) ascii = false;
    }
    if (ascii) return true;
    const s = this.str(i);
    return s === s.toUpperCase() && s !== s.toLowerCase();
  }

  /** Index of the first token whose start is >= pos (binary search). */
  indexAt(pos: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
