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

/**
 * Word flag: the word has a character above ASCII or an apostrophe part; set by the tokenizer.
 * Such a word also gets the WordFlags of its lower case when that is all ASCII letters (the
 * Kelvin sign is the only character above ASCII that lower-cases to one), so a word without a
 * flag is in no list of ASCII words.
 */
export const WIDE = 1;

/** The Kelvin sign, which lower-cases to an ASCII "k". */
const KELVIN = 0x212a;

// Character classes for the tokenizer.
const C_SPACE = 0;
const C_LETTER = 1;
const C_DIGIT = 2;
const C_OTHER = 3;
const C_NEWLINE = 4;

/** The class of each ASCII character, so the tokenizer reads one table entry per character. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] =
    c === 10
      ? C_NEWLINE
      : c <= 32
        ? C_SPACE
        : c >= 48 && c <= 57
          ? C_DIGIT
          : (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
            ? C_LETTER
            : C_OTHER;
}

const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/;
// Classes of the BMP code points above ASCII, computed on first use (0 = not yet known).
const WIDE_CLASS = new Uint8Array(0x10000);

/** The class (C_LETTER, C_SPACE or C_OTHER) of a code unit above ASCII. */
function wideClass(c: number): number {
  let k = WIDE_CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LETTER.test(ch) ? C_LETTER + 8 : SPACE.test(ch) ? C_SPACE + 8 : C_OTHER + 8;
    WIDE_CLASS[c] = k;
  }
  return k - 8;
}

function isLetterCode(c: number): boolean {
  if (c < 128) return ASCII_CLASS[c] === C_LETTER;
  return wideClass(c) === C_LETTER;
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

/**
 * A fixed set of word hashes, each with flag bits, looked up with two typed-array reads (an
 * open-addressing table): the tokenizer classifies every ASCII word with it, which costs far
 * less than a Set lookup per word. Hashes can collide, so a flag only says the word MAY be one
 * of the listed words; the scanner checks the word itself before relying on it.
 */
export class WordFlags {
  /** Key (hash) and flags of each slot, side by side: a probe reads one cache line. */
  private slots = new Int32Array(2 * 1024);
  /**
   * One bit per slot, set when it is taken: 1 KB that stays in the fastest cache. Most words
   * of a text are in no list and their first slot is empty, which this answers without
   * touching the table.
   */
  private taken = new Uint32Array(1024 / 32);
  private mask = 1023;
  private size = 0;
  /** Per three ASCII letters (26 x 26 x 26): whether a listed ending ends with them. */
  readonly tails = new Uint8Array(26 * 26 * 26);
  /** The flag of an ASCII word of five letters or more whose last three letters are in tails. */
  tailFlag = 0;

  /** Adds `flag` to every word of `words` (lower case). Bit 0 (WIDE) is the tokenizer's own. */
  add(words: Iterable<string>, flag: number): this {
    for (const w of words) this.put(wordHash(w, 0, w.length), flag);
    return this;
  }

  /**
   * Gives `flag` to ASCII words of five letters or more that end with the last three letters
   * of one of `endings` (lower case, at least three letters; endings that end with other
   * characters are skipped, as no ASCII word ends with them).
   */
  addTails(endings: Iterable<string>, flag: number): this {
    for (const e of endings) {
      let key = 0;
      let ok = e.length >= 3;
      for (let k = e.length - 3; ok && k < e.length; k++) {
        const c = e.charCodeAt(k) - 97;
        ok = c >= 0 && c < 26;
        key = key * 26 + c;
      }
      if (ok) this.tails[key] = 1;
    }
    this.tailFlag = flag;
    return this;
  }

  private put(h: number, flag: number): void {
    if ((this.size + 1) * 4 > this.mask + 1) this.resize();
    const slots = this.slots;
    let p = (h ^ (h >>> 13)) & this.mask;
    while (slots[2 * p + 1] !== 0 && slots[2 * p] !== h) p = (p + 1) & this.mask;
    if (slots[2 * p + 1] === 0) this.size++;
    slots[2 * p] = h;
    slots[2 * p + 1] = slots[2 * p + 1]! | flag;
    this.taken[p >>> 5] = this.taken[p >>> 5]! | (1 << (p & 31));
  }

  private resize(): void {
    const old = this.slots;
    const n = old.length; // twice the old slot count: the new slot count
    this.slots = new Int32Array(2 * n);
    this.taken = new Uint32Array(n / 32);
    this.mask = n - 1;
    this.size = 0;
    for (let p = 0; p < n / 2; p++)
      if (old[2 * p + 1] !== 0) this.put(old[2 * p]!, old[2 * p + 1]!);
  }

  /** The flags of the word with hash `h`; 0 when it is not listed. */
  get(h: number): number {
    const mask = this.mask;
    let p = (h ^ (h >>> 13)) & mask;
    if ((this.taken[p >>> 5]! & (1 << (p & 31))) === 0) return 0;
    const slots = this.slots;
    for (;;) {
      const v = slots[2 * p + 1]!;
      if (v === 0 || slots[2 * p] === h) return v;
      p = (p + 1) & mask;
    }
  }
}

/** The arrays a token list fills; one set is kept between scans (see Tokens.release). */
interface Buffers {
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  flags: Int32Array;
  /** Indices of the numbers and of the words with flags, in order. */
  marked: Int32Array;
  /** The lower-case cache (see Tokens.low): token index, owner and text per slot. */
  lowKeys: Int32Array;
  lowOwners: Int32Array;
  lowVals: string[];
}

function buffers(cap: number): Buffers {
  return {
    starts: new Int32Array(cap),
    ends: new Int32Array(cap),
    kinds: new Uint8Array(cap),
    flags: new Int32Array(cap),
    marked: new Int32Array(cap),
    lowKeys: new Int32Array(LOW_CACHE),
    lowOwners: new Int32Array(LOW_CACHE),
    lowVals: new Array<string>(LOW_CACHE).fill(''),
  };
}

/** Doubles the capacity of `b`, keeping its first `n` entries. */
function grow(b: Buffers, n: number): Buffers {
  const g = buffers(b.starts.length * 2);
  g.starts.set(b.starts.subarray(0, n));
  g.ends.set(b.ends.subarray(0, n));
  g.kinds.set(b.kinds.subarray(0, n));
  g.flags.set(b.flags.subarray(0, n));
  g.marked.set(b.marked.subarray(0, n));
  // The cache is keyed by owner, so it moves over as it is.
  g.lowKeys = b.lowKeys;
  g.lowOwners = b.lowOwners;
  g.lowVals = b.lowVals;
  return g;
}

/**
 * The buffers kept between scans, or null while a token list holds them. Allocating the typed
 * arrays per text cost more than tokenising a short text; buffers above KEEP_MAX tokens are not
 * kept, so a 1 MB paste does not pin megabytes after its scan.
 */
let spare: Buffers | null = null;
const KEEP_MAX = 1 << 16;

/** Slots of the lower-case cache of a token list (a power of two). */
const LOW_CACHE = 256;

/** Numbers the token lists, so that a cache slot filled for an earlier text never matches. */
let lastOwner = 0;

/** The token list of one text. */
export class Tokens {
  // Typed arrays grown by doubling: a 1 MB paste has ~300,000 tokens, and plain arrays of
  // numbers cost several times more to fill and to collect.
  private buf: Buffers;
  private starts: Int32Array;
  private ends: Int32Array;
  private kinds: Uint8Array;
  /** Per word: WIDE, or the WordFlags of its hash (and tail) when it is all ASCII. */
  private flagBits: Int32Array;
  private markedIdx: Int32Array;
  private count = 0;
  private markedCount = 0;
  /**
   * Lower-case texts of recently asked tokens, in a direct-mapped cache of LOW_CACHE slots kept
   * with the buffers: the scanner asks about the few tokens around one position at a time, and
   * an array of one slot per token costs more to make than it saves on a long text.
   */
  private lowKeys: Int32Array;
  private lowOwners: Int32Array;
  private lowVals: string[];
  /** This list's number in lowOwners. */
  private readonly owner: number;

  // A number (with one glued ASCII letter, as in "221B" or "12a", but not "5th"), a word
  // (letters and marks, with an optional apostrophe part as in "d'Alsace"), a line break, or one
  // other visible character. Runs are cut at 12 digits and 40 letters so every token is bounded;
  // one pass over the text, so tokenising is linear.
  constructor(
    readonly text: string,
    table: WordFlags,
  ) {
    const len = text.length;
    const tails = table.tails;
    const tailFlag = table.tailFlag;
    // Most texts have a token per three to four characters; a long text gets that many slots
    // at once instead of growing through copies.
    const want = 16 + (len >> 2) + (len >> 3);
    let b = spare;
    spare = null;
    if (b === null || (want > KEEP_MAX && b.starts.length < want)) b = buffers(want);
    let cap = b.starts.length;
    let starts = b.starts;
    let ends = b.ends;
    let kinds = b.kinds;
    let flagBits = b.flags;
    let marked = b.marked;
    let n = 0;
    let m = 0;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      const k = c < 128 ? ASCII_CLASS[c]! : wideClass(c);
      if (k === C_SPACE) {
        i++;
        continue;
      }
      if (n === cap) {
        b = grow(b, n);
        cap = b.starts.length;
        starts = b.starts;
        ends = b.ends;
        kinds = b.kinds;
        flagBits = b.flags;
        marked = b.marked;
      }
      starts[n] = i;
      if (k === C_LETTER) {
        // The word's hash (see wordHash) is computed here, while its characters are read anyway.
        let h = c >= 65 && c <= 90 ? c | 32 : c === KELVIN ? 107 : c;
        let wide = c >= 128;
        // Whether the word's lower case is all ASCII letters (its only character above ASCII
        // is the Kelvin sign, which lower-cases to "k"), so that h is the hash of its lower case.
        let ascii = !wide || c === KELVIN;
        let j = i + 1;
        for (; j < len && j - i < 40; j++) {
          const d = text.charCodeAt(j);
          if (d < 128) {
            if (ASCII_CLASS[d] !== C_LETTER) break;
            h = (Math.imul(h, 31) + (d | 32)) | 0;
          } else {
            if (wideClass(d) !== C_LETTER) break;
            wide = true;
            if (d === KELVIN) h = (Math.imul(h, 31) + 107) | 0;
            else ascii = false;
          }
        }
        const q = text.charCodeAt(j);
        if ((q === 39 || q === 0x2019) && j + 1 < len && isLetterCode(text.charCodeAt(j + 1))) {
          let e = j + 1;
          while (e < len && e - j <= 20 && isLetterCode(text.charCodeAt(e))) e++;
          wide = true;
          ascii = false;
          j = e;
        }
        let f = ascii ? table.get(h) : 0;
        if (wide) {
          f |= WIDE;
        } else if (j - i >= 5) {
          // All ASCII letters: setting bit 5 lower-cases them.
          const t3 =
            (((text.charCodeAt(j - 3) | 32) - 97) * 26 + (text.charCodeAt(j - 2) | 32) - 97) * 26 +
            (text.charCodeAt(j - 1) | 32) -
            97;
          if (tails[t3] === 1) f |= tailFlag;
        }
        ends[n] = j;
        kinds[n] = WORD;
        flagBits[n] = f;
        if (f !== 0) marked[m++] = n;
        n++;
        i = j;
        continue;
      }
      if (k === C_DIGIT) {
        let j = i + 1;
        while (j < len && j - i < 12) {
          const d = text.charCodeAt(j);
          if (d < 48 || d > 57) break;
          j++;
        }
        if (j < len) {
          const a = text.charCodeAt(j);
          if (
            ((a >= 65 && a <= 90) || (a >= 97 && a <= 122)) &&
            !(j + 1 < len && isLetterCode(text.charCodeAt(j + 1)))
          ) {
            j++;
          }
        }
        ends[n] = j;
        kinds[n] = NUM;
        flagBits[n] = 0;
        marked[m++] = n;
        n++;
        i = j;
        continue;
      }
      ends[n] = i + 1;
      kinds[n] = k === C_NEWLINE ? NEWLINE : PUNCT;
      flagBits[n] = 0;
      n++;
      i++;
    }
    this.buf = b;
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
    this.flagBits = flagBits;
    this.markedIdx = marked;
    this.count = n;
    this.markedCount = m;
    this.lowKeys = b.lowKeys;
    this.lowOwners = b.lowOwners;
    this.lowVals = b.lowVals;
    // Wraps after 2^31 lists; a slot that old is long overwritten.
    this.owner = lastOwner = (lastOwner + 1) | 0;
  }

  /**
   * Hands the buffers back for the next token list. The list must not be used afterwards (its
   * arrays are refilled by the next text).
   */
  release(): void {
    if (this.buf.starts.length <= KEEP_MAX) spare = this.buf;
    this.count = 0;
    this.markedCount = 0;
  }

  /** How many tokens are marked: every number, and every word with flags. */
  get marks(): number {
    return this.markedCount;
  }

  /** The token index of the m-th marked token (in text order). */
  marked(m: number): number {
    return this.markedIdx[m]!;
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

  /**
   * The flags of word token i: WIDE when it has a character above ASCII or an apostrophe part,
   * otherwise the WordFlags entry of its hash (0 for numbers, punctuation and unlisted words).
   */
  flags(i: number): number {
    return i >= 0 && i < this.count ? this.flagBits[i]! : 0;
  }

  /** The token's text. */
  str(i: number): string {
    return this.text.slice(this.start(i), this.end(i));
  }

  /** The token's text in lower case (cached). */
  low(i: number): string {
    // Indices outside the list are not cached: their text is always empty.
    if (i < 0 || i >= this.count) return '';
    const slot = i & (LOW_CACHE - 1);
    if (this.lowKeys[slot] === i && this.lowOwners[slot] === this.owner) return this.lowVals[slot]!;
    const l = this.str(i).toLowerCase();
    this.lowKeys[slot] = i;
    this.lowOwners[slot] = this.owner;
    this.lowVals[slot] = l;
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
