/**
 * A flat token list over the text for the address scanner: words, numbers, line breaks and
 * single punctuation characters, with their offsets. Spaces and tabs are dropped; the offsets
 * tell whether two tokens touch.
 *
 * Every word is classified while it is read: the hash of its lower case is looked up in a
 * WordFlags table, whose flags say which word lists the word may be in. The scanner asks a list
 * about a word only when the word has that list's flag, so most words cost no lower-case copy
 * and no Set lookup.
 */

/** Token kinds. */
export const WORD = 0;
export const NUM = 1;
export const NEWLINE = 2;
export const PUNCT = 3;

/**
 * The word flag the tokenizer sets itself (a WordFlags table gives out the bits above it): the
 * word has a character above ASCII or an apostrophe part, so a pattern may start inside it.
 */
const WIDE = 1;
/**
 * The flags of a word whose lower case is not the lower case of each of its characters: it has
 * a "Σ" (whose lower case depends on what follows it) or an "İ" (whose lower case is two
 * characters). Its hash is not that of its lower case, so it gets every flag: it may be in any
 * list, and every list must be asked.
 */
const UNSURE = ~0;

// What the tokenizer needs to know about each UTF-16 code unit, one table entry per unit: a
// class, or for a letter (or mark) the code unit of its lower case. Every lower-case code unit
// is above ODD, so a value above ODD is a letter.
const SPACE = 1;
const OTHER = 2;
const DIGIT = 3;
const BREAK = 4;
/** A letter whose lower case is not one fixed code unit: "Σ" and "İ" (see UNSURE). */
const ODD = 5;

/** The entry of each code unit; 0 until the unit is first met (ASCII is filled at once). */
const CHARS = new Uint16Array(0x10000);
for (let c = 0; c < 128; c++) {
  CHARS[c] =
    c === 10
      ? BREAK
      : c <= 32
        ? SPACE
        : c >= 48 && c <= 57
          ? DIGIT
          : (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
            ? c | 32
            : OTHER;
}

/** The table entry of a code unit above ASCII, computed on first use. */
function learn(c: number): number {
  const ch = String.fromCharCode(c);
  const low = ch.toLowerCase();
  const v = /[\p{L}\p{M}]/u.test(ch)
    ? low.length === 1 && c !== 0x3a3
      ? low.charCodeAt(0)
      : ODD
    : /\s/.test(ch)
      ? SPACE
      : OTHER;
  CHARS[c] = v;
  return v;
}

function isLetterCode(c: number): boolean {
  return (CHARS[c] || learn(c)) >= ODD;
}

/** The lower case of the character at `k` of a word that is not UNSURE. */
function lowerAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c < 128) return c | 32;
  const v = CHARS[c] || learn(c);
  return v > ODD ? v : c;
}

/** The hash of a lower-case word, as the tokenizer computes it for the words it reads. */
export function wordHash(word: string): number {
  let h = 0;
  for (let k = 0; k < word.length; k++) h = (Math.imul(h, 31) + word.charCodeAt(k)) | 0;
  return h;
}

/**
 * The key of a word's last three lower-case characters in WordFlags.tails: five bits of each,
 * which tell ASCII letters apart and fold other characters onto them.
 */
function tailKey(a: number, b: number, c: number): number {
  return ((a & 31) << 10) | ((b & 31) << 5) | (c & 31);
}

/**
 * A fixed set of word hashes, each with flag bits, looked up with a typed-array probe (open
 * addressing): far cheaper than a Set lookup per word. Each flag stands for one word list.
 * Hashes can collide, so a flag only says the word MAY be in its list; the scanner checks the
 * word itself before relying on it.
 */
export class WordFlags {
  /** Key (hash) and flags of each slot, side by side: a probe reads one cache line. */
  private slots = new Int32Array(2 * 1024);
  /**
   * One bit per slot, set when it is taken: a few hundred bytes that stay in the fastest cache.
   * Most words of a text are in no list and their first slot is empty, which this answers
   * without touching the table.
   */
  private taken = new Int32Array(1024 / 32);
  private size = 0;
  /** Per key of three last characters (tailKey): whether a listed ending ends with them. */
  private tails = new Uint8Array(1 << 15);
  /** The listed endings by that key. */
  private endings = new Map<number, string[]>();
  /** The flag of the words that end with a listed ending (tailFlag). */
  tailBit = 0;
  /** Flags that mark a word (Tokens.marked); WIDE and UNSURE words are marked too. */
  marking = 0;
  /** The flag the next list gets: the bits above WIDE. */
  private next = 2;

  /** A new flag, given to every word of `words` (lower case). */
  flag(words: Iterable<string>): number {
    const f = this.take();
    for (const w of words) this.put(wordHash(w), f);
    return f;
  }

  /**
   * A new flag for the words that end with one of `endings` (lower case, three characters or
   * more) after two characters or more: "Musterstraße", not "straße". A table has one such flag.
   */
  tailFlag(endings: Iterable<string>): number {
    for (const e of endings) {
      const n = e.length;
      const k = tailKey(e.charCodeAt(n - 3), e.charCodeAt(n - 2), e.charCodeAt(n - 1));
      this.tails[k] = 1;
      const list = this.endings.get(k);
      if (list) list.push(e);
      else this.endings.set(k, [e]);
    }
    return (this.tailBit = this.take());
  }

  /**
   * Whether the word text[start, end), which is not UNSURE, ends with a listed ending (tailFlag)
   * after two characters or more. Most words are ruled out by the tails table.
   */
  endsListed(text: string, start: number, end: number): boolean {
    if (end - start < 5) return false;
    const key = tailKey(lowerAt(text, end - 3), lowerAt(text, end - 2), lowerAt(text, end - 1));
    if (this.tails[key] === 0) return false;
    for (const e of this.endings.get(key)!) {
      if (end - start < e.length + 2) continue;
      let k = 0;
      while (k < e.length && lowerAt(text, end - e.length + k) === e.charCodeAt(k)) k++;
      if (k === e.length) return true;
    }
    return false;
  }

  private take(): number {
    const f = this.next;
    // Flags are bits of an Int32Array entry: 30 of them above WIDE.
    if (f > 1 << 30) throw new RangeError('WordFlags: no flag left');
    this.next = f * 2;
    return f;
  }

  private put(h: number, flag: number): void {
    const slots = this.slots;
    const mask = this.taken.length * 32 - 1;
    // Kept at most a quarter full, so probes stay short.
    if ((this.size + 1) * 4 > mask + 1) {
      this.slots = new Int32Array(4 * (mask + 1));
      this.taken = new Int32Array((mask + 1) / 16);
      this.size = 0;
      for (let p = 0; p <= mask; p++)
        if (slots[2 * p + 1] !== 0) this.put(slots[2 * p]!, slots[2 * p + 1]!);
      this.put(h, flag);
      return;
    }
    let p = (h ^ (h >>> 13)) & mask;
    while (slots[2 * p + 1] !== 0 && slots[2 * p] !== h) p = (p + 1) & mask;
    if (slots[2 * p + 1] === 0) this.size++;
    slots[2 * p] = h;
    slots[2 * p + 1] = slots[2 * p + 1]! | flag;
    this.taken[p >>> 5] = this.taken[p >>> 5]! | (1 << (p & 31));
  }

  /** The flags of the word with hash `h`; 0 when it is not listed. */
  get(h: number): number {
    const mask = this.taken.length * 32 - 1;
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
  /** The indices of the marked tokens, in order (Tokens.marked). */
  marked: Int32Array;
}

function buffers(cap: number, old?: Buffers): Buffers {
  const b = {
    starts: new Int32Array(cap),
    ends: new Int32Array(cap),
    kinds: new Uint8Array(cap),
    flags: new Int32Array(cap),
    marked: new Int32Array(cap),
  };
  if (old) {
    b.starts.set(old.starts);
    b.ends.set(old.ends);
    b.kinds.set(old.kinds);
    b.flags.set(old.flags);
    b.marked.set(old.marked);
  }
  return b;
}

/**
 * The buffers kept between scans, or null while a token list holds them. Allocating the typed
 * arrays per text cost more than tokenising a short text; buffers above KEEP_MAX tokens are not
 * kept, so a 1 MB paste does not pin megabytes after its scan.
 */
let spare: Buffers | null = null;
const KEEP_MAX = 1 << 16;

/** The token list of one text. */
export class Tokens {
  // Typed arrays grown by doubling: a 1 MB paste has ~300,000 tokens, and plain arrays of
  // numbers cost several times more to fill and to collect.
  private buf: Buffers;
  private starts: Int32Array;
  private ends: Int32Array;
  private kinds: Uint8Array;
  private flagBits: Int32Array;
  private markedIdx: Int32Array;
  private count = 0;
  private markedCount = 0;

  // A number (with one glued ASCII letter, as in "221B" or "12a", but not "5th"), a word
  // (letters and marks, with an optional apostrophe part as in "d'Alsace"), a line break, or one
  // other visible character. Runs are cut at 12 digits and 40 letters so every token is bounded;
  // one pass over the text, so tokenising is linear.
  constructor(
    readonly text: string,
    table: WordFlags,
  ) {
    const len = text.length;
    const mark = table.marking | WIDE;
    // Most texts have a token per three to four characters; a long text gets that many slots
    // at once instead of growing through copies.
    const want = 16 + (len >> 2) + (len >> 3);
    let b = spare;
    spare = null;
    if (b === null || (want > KEEP_MAX && b.starts.length < want)) b = buffers(want);
    let { starts, ends, kinds, flags, marked } = b;
    let n = 0;
    let m = 0;
    let i = 0;
    while (i < len) {
      let c = text.charCodeAt(i);
      let v = CHARS[c] || learn(c);
      if (v === SPACE) {
        i++;
        continue;
      }
      if (n === starts.length) {
        b = buffers(2 * n, b);
        ({ starts, ends, kinds, flags, marked } = b);
      }
      starts[n] = i;
      let j = i + 1;
      let kind = v === BREAK ? NEWLINE : PUNCT;
      let f = 0;
      if (v >= ODD) {
        kind = WORD;
        // The hash of the word's lower case (see wordHash), computed while its letters are read
        // anyway: at most 40 of them.
        let h = v;
        let all = c;
        let odd = v === ODD;
        const e = i + 40 < len ? i + 40 : len;
        for (; j < e; j++) {
          c = text.charCodeAt(j);
          if (c < 128) {
            // An ASCII letter is its own entry with bit 5 set; other ASCII entries are below ODD.
            v = CHARS[c]!;
            if (v < ODD) break;
          } else {
            v = CHARS[c] || learn(c);
            if (v < ODD) break;
            all = 128;
            if (v === ODD) odd = true;
          }
          h = (Math.imul(h, 31) + v) | 0;
        }
        // An apostrophe and up to 20 letters after it stay in the word: "d'Alsace". No listed
        // word has such a part, so the word gets no list flags. (A run cut at 40 letters ends
        // before a letter; otherwise c is the character that ended it.)
        let listed = true;
        if (j === e) c = text.charCodeAt(j);
        if ((c === 39 || c === 0x2019) && j + 1 < len && isLetterCode(text.charCodeAt(j + 1))) {
          listed = false;
          all = 128;
          let k = j + 1;
          while (k < len && k - j <= 20 && isLetterCode(text.charCodeAt(k))) {
            if (CHARS[text.charCodeAt(k)] === ODD) odd = true;
            k++;
          }
          j = k;
        }
        if (odd) {
          f = UNSURE;
        } else {
          if (all >= 128) f = WIDE;
          if (listed) f |= table.get(h);
          if (table.endsListed(text, i, j)) f |= table.tailBit;
        }
      } else if (v === DIGIT) {
        kind = NUM;
        while (j < len && j - i < 12) {
          const d = text.charCodeAt(j);
          if (d < 48 || d > 57) break;
          j++;
        }
        // One glued ASCII letter that no other letter follows: "221B", "12a", but not "5th".
        const a = text.charCodeAt(j) | 32;
        if (a >= 97 && a <= 122 && !(j + 1 < len && isLetterCode(text.charCodeAt(j + 1)))) j++;
      }
      ends[n] = j;
      kinds[n] = kind;
      flags[n] = f;
      if (kind === NUM || (f & mark) !== 0) marked[m++] = n;
      n++;
      i = j;
    }
    this.buf = b;
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
    this.flagBits = flags;
    this.markedIdx = marked;
    this.markedCount = m;
    this.count = n;
  }

  /**
   * Hands the buffers back for the next token list. The list must not be used afterwards (its
   * arrays are refilled by the next text).
   */
  release(): void {
    if (this.buf.starts.length <= KEEP_MAX) spare = this.buf;
    this.count = 0;
  }

  get length(): number {
    return this.count;
  }

  /** How many tokens are marked: every number, and every word that WordFlags.marking marks. */
  get marks(): number {
    return this.markedCount;
  }

  /** The token index of the m-th marked token (in text order). */
  marked(m: number): number {
    return this.markedIdx[m]!;
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
   * The WordFlags flags of word token i, each saying the word may be in that flag's list (every
   * flag for an UNSURE word); 0 for other tokens.
   */
  flags(i: number): number {
    return i >= 0 && i < this.count ? this.flagBits[i]! : 0;
  }

  /** Whether word token i has a character above ASCII or an apostrophe part (see WIDE). */
  wide(i: number): boolean {
    return (this.flags(i) & WIDE) !== 0;
  }

  /** The token's text. */
  str(i: number): string {
    return this.text.slice(this.start(i), this.end(i));
  }

  /** The token's text in lower case. */
  low(i: number): string {
    return this.str(i).toLowerCase();
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
    return i + 1 < this.count && this.end(i) === this.start(i + 1);
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
    const text = this.text;
    for (let k = this.start(i), e = this.end(i); k < e; k++) {
      const c = text.charCodeAt(k);
      if (c >= 128) {
        const s = this.str(i);
        return s === s.toLowerCase();
      }
      if (c >= 65 && c <= 90) return false;
    }
    return true;
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
    const starts = this.starts;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
