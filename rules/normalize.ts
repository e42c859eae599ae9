/**
 * Normalisation before matching, with offsets mapped back to the original text.
 *
 * People (and tools) hide values from detectors with full-width digits, zero-width characters,
 * soft hyphens, look-alike letters from another script, and typographic dashes. We fold those
 * into plain forms one code point at a time, so that every character of the normalised text
 * knows which original characters produced it.
 *
 * One fold is of words, not characters: a camelCase key before its value (`"dateOfBirth":`,
 * `phoneNumber=`, `<passportNo>`) is read as the words it joins ("date of birth"), so that
 * every detector's labels, written as words, find the values of JSON, forms and XML (see
 * keyFolds).
 *
 * Digits said aloud are read as digits too ("oh seven seven double oh ...", see
 * spokenDigitFolds), a run of number words at a time.
 *
 * What is NOT done here, on purpose: separators between digits (`4 5 3 9 ...`) and spelled-out
 * punctuation (`john dot doe at gmail dot com`) are handled by the detectors that care, because
 * removing spaces globally would glue unrelated numbers together.
 */

import { keywords } from './keywords.ts';

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

/*
 * Cyrillic and Greek letters that look like Latin ones. Applied only inside a word that also
 * contains Latin letters or digits, so genuine Cyrillic or Greek text is left as it is.
 * Written as two aligned strings (the i-th letter of the first looks like the i-th of the
 * second): Cyrillic lower then upper case, then Greek; a table of pairs ships three times the
 * bytes.
 */
const LOOKALIKE_FROM = 'авеёкмнорстухіјѕԁԛԝɡАВЕЁКМНОРСТУХІЈЅԀԚԜαορντυικΑΒΕΖΗΙΚΜΝΟΡΤΥΧ';
const LOOKALIKE_TO = 'abeekmhopctyxijsdqwgABEEKMHOPCTYXIJSDQWaopvtuikABEZHIKMNOPTYX';
const LOOKALIKES: ReadonlyMap<string, string> = new Map(
  [...LOOKALIKE_FROM].map((ch, i) => [ch, LOOKALIKE_TO[i]!]),
);

/*
 * The first code point of each block of ten decimal digits that people write numbers in and NFKC
 * leaves alone (it folds only the full-width and mathematical forms): Arabic-Indic (Egypt, the
 * Gulf: "٠١٠٠١٢٣٤٥٦٧"), the Persian and Urdu forms, Devanagari ("९८१२३४५६७०"), Bengali, Gurmukhi,
 * Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam, Thai, Lao, Myanmar ("၀၉ ၄၅၀ ...") and Khmer
 * ("១៥/០៧/១៩៩១"). A phone, a date or an id typed in them is the same value as in ASCII digits.
 */
const DIGIT_BLOCKS = [
  0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0x1040,
  0x17e0,
];

/** The ASCII digit a native decimal digit stands for, or null. */
function nativeDigit(cp: number): string | null {
  for (const z of DIGIT_BLOCKS) if (cp >= z && cp <= z + 9) return String.fromCharCode(48 + cp - z);
  return null;
}

const nfkcCache = new Map<number, string>();

function foldCodePoint(cp: number, ch: string): string {
  if (cp < 0xa0) return ch;
  if (isInvisible(cp)) return '';
  if (DASHES.has(cp)) return '-';
  const digit = nativeDigit(cp);
  if (digit !== null) return digit;
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

/**
 * Whether BMP code unit `c` (from U+00A0 on) is in a range normalisation leaves alone: Latin
 * letters with diacritics and basic Greek and Cyrillic letters, which NFKC leaves alone (their
 * look-alikes are handled separately, per word). Accented European text therefore takes the
 * fast path. (U+0387 is inside and folds under NFKC; it has always been kept as written.)
 */
function inKeptRange(c: number): boolean {
  if (c < 0x386) {
    return (
      (c >= 0xc0 && c <= 0xd6) ||
      (c >= 0xd8 && c <= 0xf6) ||
      (c >= 0xf8 && c <= 0x131) ||
      (c >= 0x134 && c <= 0x13e) ||
      (c >= 0x141 && c <= 0x148) ||
      (c >= 0x14a && c <= 0x17e)
    );
  }
  return c <= 0x3ce || (c >= 0x400 && c <= 0x45f);
}

/**
 * What is known about each BMP code unit from U+00A0 on (surrogates excepted): 0 not yet asked,
 * 1 never changes, 2 changes (foldCodePoint gives something else). Filled on first sight, so a
 * text costs one table read per character above ASCII instead of a regex step and a Map lookup;
 * 64 KB, fixed.
 */
const FOLD_STATE = new Uint8Array(0x10000);

/** Whether the BMP code unit `c` (U+00A0 or above, not a surrogate) changes when folded. */
function bmpFolds(c: number): boolean {
  let s = FOLD_STATE[c]!;
  if (s === 0) {
    const ch = String.fromCharCode(c);
    s = inKeptRange(c) || foldCodePoint(c, ch) === ch ? 1 : 2;
    FOLD_STATE[c] = s;
  }
  return s === 2;
}

/**
 * The width (1 or 2 UTF-16 units) of the code point at `p`, whose first unit `c` is a
 * surrogate: 2 for a well-formed pair, 1 for a lone surrogate (read as its own code point).
 */
function surrogateWidth(input: string, p: number, c: number): number {
  if (c > 0xdbff || p + 1 >= input.length) return 1;
  const d = input.charCodeAt(p + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Whether the code point at `p` (first unit `c`, a surrogate, width `w`) changes when folded. */
function surrogateFolds(input: string, p: number, w: number): boolean {
  const ch = w === 2 ? input.slice(p, p + 2) : input[p]!;
  return foldCodePoint(ch.codePointAt(0)!, ch) !== ch;
}

/** A character from U+00A0 on (UTF-16 units; surrogates are handled by the caller). */
const ABOVE_C1 = /[^\x00-\x9f]/g;

// A camelCase key right before its value: a JSON or YAML key, a form field, an XML element's
// opening tag; or a cell of a table's header row. Found from a small letter before a capital,
// rare in prose, then read in code: a regex that starts at the key is tried at every position
// of every text (30 µs a 2 KB prompt for one with look-behinds), and so is one that starts at
// each separator (20 ms a megabyte of tickets).
const CAMEL_PAIR = /[a-z][A-Z]/g;
/** What ends a header cell (besides ":", "=" and ">"). */
const CELL_ENDS = new Set([62, 44, 59, 9, 124, 10, 13]); // ">" and the cell edges (isCellEdge)
/** A whole camelCase identifier: words of small letters after a first, capitalised ones after. */
const CAMEL = /^[a-z][a-z0-9]*(?:[A-Z](?:[a-z0-9]+|[A-Z]+(?![a-z])))+$/;
/**
 * A PascalCase key (.NET's JSON, Go's structs: `"DateOfBirth":`, `CardNumber:"..."`), read as
 * words only where it is plainly a key (see keyFolds): a speaker's name before a colon in a
 * chat ("McDonald: hi") is written the same way.
 */
const PASCAL = /^[A-Z][a-z0-9]+(?:[A-Z](?:[a-z0-9]+|[A-Z]+(?![a-z])))+$/;
/** What may not follow a key's ":" or "=": a comparison, a scope, a URL. */
const KEY_SEP_NEXT = new Set([58, 61, 47]);
/** What may stand before a key: the text's or a line's start, a space, a quote, a bracket. */
const KEY_OPENERS = new Set([...' \t\n\r"\'{([,;&?|'].map((c) => c.charCodeAt(0)));
// Keys of secrets stay as written: the secret detectors read them whole (`apiKey`,
// `publicKey`, `NEXT_PUBLIC_...`), and so keep their exceptions.
const SECRET_KEY_WORD =
  /key|token|secret|pass(?!port)|pwd|auth|credential|signature|session|cookie|hash/i;
/** Where a key after "?" or "&" is in a URL's query (`?retryWrites=true`), left as written. */
const URL_BEFORE = /:\/\/\S*$/;

/**
 * A camelCase key's words, in small letters: a capital starts a word after a small letter or a
 * digit, or before a small letter ("clientIPAddress" gives "client ip address").
 */
function keyWords(key: string): string {
  let out = '';
  let from = 0;
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 65 || c > 90) continue;
    const prev = key.charCodeAt(i - 1);
    const next = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
    if ((prev >= 65 && prev <= 90 && !(next >= 97 && next <= 122)) || i === from) continue;
    out += key.slice(from, i) + ' ';
    from = i;
  }
  return (out + key.slice(from)).toLowerCase();
}

// What wordsOfKey answered: a JSON text repeats its keys, record after record.
const keyCache = new Map<string, string | null>();

/**
 * A key's words (keyWords), or null when it is no camelCase key (nor a PascalCase one, when
 * `pascal` allows those) or a secret's.
 */
function wordsOfKey(key: string, pascal: boolean): string | null {
  const upper = key.charCodeAt(0) <= 90;
  if (upper && !pascal) return null;
  let words = keyCache.get(key);
  if (words === undefined) {
    words = (upper ? PASCAL : CAMEL).test(key) && !SECRET_KEY_WORD.test(key) ? keyWords(key) : null;
    // A key has a few words: a line of base64 before its padding ("jRpIsP3Uck1K7fTjy0QDHw8=")
    // has a dozen.
    if (words !== null && words.split(' ').length > MAX_KEY_WORDS) words = null;
    if (keyCache.size >= 512) keyCache.clear();
    keyCache.set(key, words);
  }
  return words;
}

/** The most words a key read as words has ("patientMedicalRecordNumberOnFile" has six). */
const MAX_KEY_WORDS = 6;

/** The longest key read as words, in characters. */
const MAX_KEY = 48;

/** Whether code unit c is an ASCII letter or digit. */
function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whether text[start, end) is a whole cell of a line that could head a table: the cell holds
 * only it (quotes and spaces aside), and its line holds a tab, comma, semicolon or pipe between
 * cells and no digit (table.ts reads a table's first line as its header on the same terms), and
 * the line above is not split at the same separator.
 */
function isHeaderCell(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && isCellPadding(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && isCellPadding(text.charCodeAt(b))) b++;
  if (a > 0 && !isCellEdge(text.charCodeAt(a - 1))) return false;
  if (b < text.length && !isCellEdge(text.charCodeAt(b))) return false;
  // The line, if it is no longer than a header can be: the walks stay bounded on a long line.
  let from = start;
  while (from > 0 && text.charCodeAt(from - 1) !== 10)
    if (start - --from > MAX_HEADER) return false;
  let to = end;
  while (to < text.length && text.charCodeAt(to) !== 10) if (++to - from > MAX_HEADER) return false;
  const line = text.slice(from, to);
  if (!CELL_LINE.test(line)) return false;
  // A header opens its table: a line above split into as many cells at the same separator
  // makes this a row of values ("| password | nLFPlVASJXGJCe |" under "|---|---|").
  if (from > 0) {
    const above = text.slice(
      Math.max(text.lastIndexOf('\n', from - 2) + 1, from - MAX_HEADER),
      from,
    );
    const sep = CELL_SEPARATOR.exec(line)?.[0];
    if (sep !== undefined && countOf(above, sep) === countOf(line, sep)) return false;
  }
  return true;
}
const CELL_SEPARATOR = /[,;\t|]/;

/** How many times `ch` occurs in `s`. */
function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
const CELL_LINE = /^[^\d\n]*[,;\t|][^\d\n]*$/;
const MAX_HEADER = 2000;

function isCellPadding(c: number): boolean {
  return c === 32 || c === 34 || c === 39; // space, double and single quote
}

function isCellEdge(c: number): boolean {
  return c !== 62 && CELL_ENDS.has(c); // , ; tab | line breaks
}

/**
 * The camelCase keys of `input` with their words: start, end and replacement ("dateOfBirth"
 * gives "date of birth"), in order. Not a member (`user.firstName =`), a variable (`$x`), a
 * path, a comparison (`==`) or a URL's query. Empty for most texts.
 */
function keyFolds(input: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  CAMEL_PAIR.lastIndex = 0;
  for (let m = CAMEL_PAIR.exec(input); m !== null; m = CAMEL_PAIR.exec(input)) {
    // The identifier holding this small letter and capital. Keys are short: a longer run is no
    // key, and the search goes on after its end (a run of "aAaA..." is read once).
    let start = m.index;
    while (start > 0 && m.index - start <= MAX_KEY && isIdentChar(input.charCodeAt(start - 1))) {
      start--;
    }
    let end = m.index + 2;
    while (end < input.length && isIdentChar(input.charCodeAt(end))) end++;
    if (CAMEL_PAIR.lastIndex < end) CAMEL_PAIR.lastIndex = end;
    if (end - start > MAX_KEY) continue;
    // What follows it: a quote, spaces, then the separator.
    let j = end;
    const q = input.charCodeAt(j);
    if (q === 34 || q === 39) j++;
    const spaces = j;
    while (j < input.length && j - spaces < 8 && input.charCodeAt(j) === 32) j++;
    const c = j < input.length ? input.charCodeAt(j) : 10;
    const key = c === 58 || c === 61; // ":" "="
    if (key ? j - spaces > 3 || KEY_SEP_NEXT.has(input.charCodeAt(j + 1)) : !CELL_ENDS.has(c)) {
      continue;
    }
    // "=" closing its line or the text is a base64 line's padding ("...oIdtyXlW0=\n"), not a
    // key before its value.
    if (
      c === 61 &&
      (j + 1 >= input.length ||
        isLineEnd(input.charCodeAt(j + 1)) ||
        (input.charCodeAt(j + 1) === 92 && input.charCodeAt(j + 2) === 110)) // "\n" in JSON
    ) {
      continue;
    }
    const before = start === 0 ? 32 : input.charCodeAt(start - 1);
    // A PascalCase key: quoted ('"DateOfBirth":'), before "=", or with its value right after
    // the colon ('CardNumber:"4539..."').
    const next = input.charCodeAt(j + 1);
    const pascal =
      key &&
      (((q === 34 || q === 39) && before === q) ||
        c === 61 ||
        (j === end && next > 32 && next !== 92)); // no space, line break or "\\" after ":"

    const words = wordsOfKey(input.slice(start, end), pascal);
    if (words === null) continue;
    if (c === 62) {
      if (before !== 60 || j !== end) continue; // "<dateOfBirth>"
    } else if (!key) {
      // A cell of a table's header row ("firstName,dateOfBirth,ssn"): see isHeaderCell.
      if (!isHeaderCell(input, start, end)) continue;
    } else if (!KEY_OPENERS.has(before)) continue;
    if (
      (before === 63 || before === 38) &&
      URL_BEFORE.test(input.slice(Math.max(0, start - 2000), start))
    ) {
      continue;
    }
    out.push([start, end, words]);
  }
  return out;
}

/** Whether code unit c ends a line. */
function isLineEnd(c: number): boolean {
  return c === 10 || c === 13;
}

/** A form key's characters: letters, digits and `_ . - [ ]`. */
function isFormKeyChar(c: number): boolean {
  return isIdentChar(c) || c === 95 || c === 46 || c === 45 || c === 91 || c === 93;
}

/** The value of a hex digit's code unit, or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * The folds of URL-encoded form values (`name=Aminata+Ndiaye&email=a%40example.org`, a query
 * string, a POST body): a `+` reads as a space and a run of `%XX` escapes as the characters it
 * encodes, each fold its own segment, so a finding in a value maps back to exactly its
 * characters. A pair counts as a form's when "&" or "?" stands before its key or "&" after its
 * value; a lone `k=v` is left as written, and so is a value with a raw "@" or "://" in it, which
 * no form encodes that way. A `+` that starts a value is a phone number's, since
 * a form encodes a real plus as `%2B`. Appended to `out`, in order.
 */
function formFolds(input: string, out: [number, number, string][]): void {
  for (let eq = input.indexOf('='); eq > 0; eq = input.indexOf('=', eq + 1)) {
    let start = eq;
    while (start > 0 && eq - start <= MAX_KEY && isFormKeyChar(input.charCodeAt(start - 1))) {
      start--;
    }
    let end = eq + 1;
    let escaped = false;
    let plain = false;
    for (; end < input.length; end++) {
      const c = input.charCodeAt(end);
      if (c === 38 || c <= 32) break; // "&", a space or a control
      if (c === 43 || c === 37) escaped = true; // "+", "%"
      // A raw "@" or "://" is no encoded value's: "email=ana+news@mail.test", "db=mongodb+srv://".
      if (c === 64 || (c === 58 && input.charCodeAt(end + 1) === 47)) plain = true;
    }
    const pairOfForm =
      start < eq &&
      (input.charCodeAt(start - 1) === 38 ||
        input.charCodeAt(start - 1) === 63 ||
        input.charCodeAt(end) === 38);
    if (escaped && !plain && pairOfForm) valueFolds(input, eq + 1, end, out);
    eq = end - 1; // a value's own "=" is no key's
  }
}

/** The folds of one form value, input[from, to): see formFolds. */
function valueFolds(input: string, from: number, to: number, out: [number, number, string][]) {
  for (let i = from; i < to; i++) {
    const c = input.charCodeAt(i);
    if (c === 43 && i > from) out.push([i, i + 1, ' ']);
    if (c !== 37) continue;
    // A run of escapes, decoded as UTF-8; one that does not decode is left as written.
    let j = i;
    let hex = '';
    while (j + 3 <= to && input.charCodeAt(j) === 37) {
      const hi = hexValue(input.charCodeAt(j + 1));
      const lo = hexValue(input.charCodeAt(j + 2));
      if (hi < 0 || lo < 0) break;
      hex += input.slice(j, j + 3);
      j += 3;
    }
    if (j === i) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(hex);
    } catch {
      i = j - 1;
      continue;
    }
    // A control character is no text a detector reads; "%0A" and the like stay as written.
    if (!/[\x00-\x1f\x7f]/.test(decoded)) out.push([i, j, decoded]);
    i = j - 1;
  }
}

/**
 * Where the value of an object or a list of objects that holds a person's name in parts
 * starts, when `n` is the "n" of a key's closing 'name"': `"name": {"first": ...}`,
 * `"customerName": {`, FHIR's `"name": [{"family": ..., "given": [...]}]`. -1 otherwise.
 */
function nameParentEnd(input: string, n: number): number {
  if ((input.charCodeAt(n) | 32) !== 110) return -1; // "n" or "N"
  // The key: up to 24 letters, an underscore or a space, then the name; its opening quote.
  let k = n;
  while (k > 0 && n - k <= 25 && isKeyLetter(input.charCodeAt(k - 1))) k--;
  if (input.charCodeAt(k - 1) !== 34) return -1;
  let j = n + 5; // after 'name"'
  while (input.charCodeAt(j) === 32 || input.charCodeAt(j) === 9) j++;
  if (input.charCodeAt(j) !== 58) return -1;
  j++;
  while (input.charCodeAt(j) === 32 || input.charCodeAt(j) === 9) j++;
  const c = input.charCodeAt(j);
  return c === 123 || c === 91 ? j + 1 : -1;
}

/** A letter, an underscore or a space: what a parent key holds before its "name". */
function isKeyLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 32;
}
/** A part's key inside it, and what stands before its value (a list's "[" included). */
const NAME_PART = /"(first|last|given|family|middle)"[ \t]*:[ \t]*(\[?)/g;
/** How far after the parent's key its parts are looked for. */
const NAME_PARTS_REACH = 300;

/**
 * The folds of a name's parts under a name key: "first" is read as "first name", and so on,
 * and a list's "[" before a part's value as a space, so the name pass's labels find the value
 * (`"name": {"first": "Ana"}` reads as `"name": {"first name": "Ana"}`). Only up to the
 * bracket that closes the parent's object or list, and within NAME_PARTS_REACH characters;
 * in YAML, on the next lines indented deeper than the parent's key.
 * Appended to `out`, in order.
 */
function namePartFolds(input: string, out: [number, number, string][]): void {
  // A parent's key ends in 'name"' (any case): found with indexOf, then read back and forth
  // (a regex starting at every quote of a JSON text backtracks over each key).
  const brackets = input.indexOf('{') >= 0 || input.indexOf('[') >= 0;
  for (let at = brackets ? input.indexOf('ame"') : -1; at > 0; at = input.indexOf('ame"', at + 4)) {
    const from = nameParentEnd(input, at - 1);
    if (from < 0) continue;
    // The parent's value ends where its bracket closes.
    let depth = 1;
    let to = from;
    const max = Math.min(input.length, from + NAME_PARTS_REACH);
    for (; to < max && depth > 0; to++) {
      const c = input.charCodeAt(to);
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) depth--;
    }
    const value = input.slice(from, to);
    NAME_PART.lastIndex = 0;
    for (let p = NAME_PART.exec(value); p !== null; p = NAME_PART.exec(value)) {
      const key = from + p.index + 1;
      out.push([key, key + p[1]!.length, p[1]! + ' name']);
      if (p[2]) out.push([from + NAME_PART.lastIndex - 1, from + NAME_PART.lastIndex, ' ']);
    }
    at = Math.max(at, to - 4);
  }
  // YAML: the parts on the lines under a "name:" that ends its line, indented deeper. Found
  // from 'ame:' with indexOf: a regex pass costs more than the rest of this function.
  for (let at = input.indexOf('ame:'); at > 0; at = input.indexOf('ame:', at + 4)) {
    if ((input.charCodeAt(at - 1) | 32) !== 110) continue; // "n" or "N"
    let eol = at + 4;
    while (input.charCodeAt(eol) === 32 || input.charCodeAt(eol) === 9) eol++;
    if (input.charCodeAt(eol) === 13) eol++;
    if (input.charCodeAt(eol) !== 10) continue;
    const lineStart = input.lastIndexOf('\n', at) + 1;
    let indent = lineStart;
    while (input.charCodeAt(indent) === 32 || input.charCodeAt(indent) === 9) indent++;
    // The key is the line's first word ("  customer_name:"), not the end of a sentence.
    if (!YAML_PARENT_KEY.test(input.slice(indent, at - 1))) continue;
    let line = eol + 1;
    for (let lines = 0; lines < 6 && line < input.length; lines++) {
      const part = YAML_NAME_PART.exec(input.slice(line, line + 40));
      if (part === null || part[1]!.length <= indent - lineStart) break;
      const key = line + part[1]!.length;
      out.push([key, key + part[2]!.length, part[2]! + ' name']);
      const next = input.indexOf('\n', line);
      if (next < 0) break;
      line = next + 1;
    }
  }
}
/** What a YAML parent key holds before its "name": up to 24 letters, then "_" or a space. */
const YAML_PARENT_KEY = /^(?:[A-Za-z]{0,24}[_ ]?)?$/;
/** A part's line under a YAML name key: its indentation and key. */
const YAML_NAME_PART = /^([ \t]+)(first|last|given|family|middle):/;

/**
 * The folds that put a key right before its value where a syntax sets them apart, so that every
 * detector's labels read them as "key: value". Appended to `out`, in order of kind, each kind
 * in order:
 * - a PHP or Ruby pair's arrow after a quoted key or a symbol (`'account_number' => '48...'`,
 *   `:mrn => "58..."`) reads as ": ";
 * - an HTML element's `value` attribute reads as the words of its `name` attribute's value
 *   (`<input name="account_number" value="48...">` reads `... account number="48..."`).
 */
function pairFolds(input: string, out: [number, number, string][]): void {
  for (let at = input.indexOf('=>'); at > 0; at = input.indexOf('=>', at + 2)) {
    let k = at;
    while (k > 0 && at - k < 2 && input.charCodeAt(k - 1) === 32) k--;
    const q = input.charCodeAt(k - 1);
    if (q === 34 || q === 39) {
      // A quoted key of key characters: 'account_number', "mrn".
      let open = k - 2;
      while (open >= 0 && k - open < 50 && isFormKeyChar(input.charCodeAt(open))) open--;
      if (open < 0 || open === k - 2 || input.charCodeAt(open) !== q) continue;
    } else {
      // A Ruby symbol: ":mrn =>".
      let open = k - 1;
      while (open >= 0 && k - open < 50 && isFormKeyChar(input.charCodeAt(open))) open--;
      if (open < 0 || open === k - 1 || input.charCodeAt(open) !== 58) continue;
    }
    out.push([at, at + 2, ': ']);
  }
  for (let at = input.indexOf('value='); at > 0; at = input.indexOf('value=', at + 6)) {
    if (input.charCodeAt(at - 1) !== 32) continue;
    const open = input.lastIndexOf('<', at);
    if (open < 0 || at - open > 300 || input.lastIndexOf('>', at) > open) continue;
    const name = INPUT_NAME.exec(input.slice(open, at));
    if (name === null) continue;
    const key = name[1]!;
    // (A secret's field stays as written: the secret detectors read `type="password" value=`.)
    if (SECRET_KEY_WORD.test(key)) continue;
    const words = /[a-z][A-Z]/.test(key)
      ? keyWords(key)
      : key.replace(KEY_SEPARATORS, ' ').trim().toLowerCase();
    out.push([at, at + 5, words]);
  }
}
/** An element's name attribute, quoted, of key characters. */
const INPUT_NAME = /\sname=["']([A-Za-z][\w.\-[\]]{0,47})["']/;
const KEY_SEPARATORS = /[_.\-[\]]+/g;

// An SQL INSERT with its columns named: `INSERT INTO customers (first_name, dob) VALUES (`.
const SQL_INSERT =
  /\binsert\s+into\s+[\w."`[\]]{1,128}\s*\(([\w\s,"`[\]]{1,2000})\)\s*values\s*(?=\()/gi;
/** How many rows of one INSERT are read, and how far. */
const SQL_MAX_ROWS = 1000;
const SQL_MAX_CHARS = 200_000;

/**
 * The folds that name each value of an SQL INSERT's rows after its column: the "(" or "," before
 * the value reads as itself, the column's words and ": " (`VALUES ('Ana', '1984-03-12')` under
 * `(first_name, date_of_birth)` reads `VALUES (first name: 'Ana', date of birth: '1984-...')`),
 * so every detector's labels find it, as in a JSON record. Appended to `out`, in order.
 */
/**
 * HTML's formatting tags without attributes, in a message pasted as markup ("My name is
 * <b>Ravindra Wickramasinghe</b>", "Thanks,<br>Ravi</p>"): an inline tag is dropped, so the
 * words it wraps stand where the cues before them expect; a block's tag or a line break reads
 * as a line break, a table cell's as a tab. A tag with attributes is left as written (its
 * attributes may hold an address: '<a href="mailto:...">'), and so are code's type arguments
 * ("List<String>"), which name no HTML element.
 */
function htmlFolds(input: string, out: [number, number, string][]): void {
  const folds: [number, number, string][] = [];
  HTML_TAG.lastIndex = 0;
  for (let m = HTML_TAG.exec(input); m !== null; m = HTML_TAG.exec(input)) {
    const name = m[2]!.toLowerCase();
    const cell = name === 'td' || name === 'th';
    const fold = cell ? (m[1] === '' ? '\t' : '') : HTML_BLOCK.has(name) ? '\n' : '';
    folds.push([m.index, m.index + m[0].length, fold]);
  }
  // Markup, not a snippet of code that writes a tag or two ("c.html('<h1>Hello Hono!</h1>')",
  // "// 'Liechi <b>Berry</b>'"), whose words the folds would run together into prose.
  if (folds.length >= MIN_HTML_TAGS) out.push(...folds);
}
const MIN_HTML_TAGS = 4;
const HTML_TAG =
  /<(\/?)(b|i|u|em|strong|small|mark|span|font|p|div|br|li|ul|ol|td|th|tr|table|tbody|thead|h[1-6]|blockquote|section|article|header|footer)[ \t]*\/?>/gi;
const HTML_BLOCK = new Set(
  'p div br li ul ol tr table tbody thead h1 h2 h3 h4 h5 h6 blockquote section article header footer'.split(
    ' ',
  ),
);

/**
 * The character references that hide an address's "@" and dots in HTML ("anna&#64;posteo.de",
 * "&#x40;", "&commat;", "&#46;") read as the characters they stand for.
 */
function entityFolds(input: string, out: [number, number, string][]): void {
  ENTITY.lastIndex = 0;
  for (let m = ENTITY.exec(input); m !== null; m = ENTITY.exec(input)) {
    const ref = m[0].toLowerCase();
    const at = ref === '&#64;' || ref === '&#x40;' || ref === '&commat;';
    out.push([m.index, m.index + m[0].length, at ? '@' : '.']);
  }
}
const ENTITY = /&(?:#(?:64|x40|46|x2e)|commat|period);/gi;

/**
 * Addresses "defanged" the way security reports write them, so that no one clicks: a dot or an
 * "@" in brackets between letters or digits ("84[.]152[.]17[.]203", "evil[.]example[.]com",
 * "ann[@]corp(.)io") reads as the character.
 */
function defangFolds(input: string, out: [number, number, string][]): void {
  DEFANGED.lastIndex = 0;
  for (let m = DEFANGED.exec(input); m !== null; m = DEFANGED.exec(input)) {
    out.push([m.index, m.index + 3, m[0][1]!]);
    DEFANGED.lastIndex = m.index + 3;
  }
}
const DEFANGED = /(?<=[A-Za-z0-9])(?:\[[.@]\]|\([.@]\))(?=[A-Za-z0-9])/g;

/**
 * Digits read aloud, as a call's transcript writes them: "oh seven seven double oh nine double
 * oh four eight one", "four five five six, seven three oh two, ...", "one nine two dot one six
 * eight dot oh dot one", "o four slash twenty eight". A run of number words (and digits)
 * becomes its digits, word by word, so every detector reads the value and each finding maps
 * back to the words: a word gives its digits, a blank between two words gives nothing, a comma
 * between groups a blank, and "dot", "slash", "dash" and a leading "plus" their signs. Only runs
 * of three number words or more that make four digits or more, so prose's "one or two" and
 * "twenty minutes" stay words. English, and the digits of German, Spanish and French ("D E
 * vier vier, fünf null null eins, ..."); "o" and "oh" only in English ("o" is Spanish and
 * Portuguese for "or").
 */
function spokenDigitFolds(input: string, out: [number, number, string][]): void {
  // (From the number words the shared keyword pass finds, which the detectors' lists reuse on
  // the same text: a whole-text search of SPOKEN_PAIR cost 5 ms a megabyte.)
  let done = 0;
  for (const at of NUMBER_WORDS.at(input)) {
    if (at < done) continue;
    SPOKEN_PAIR.lastIndex = at;
    if (!SPOKEN_PAIR.test(input)) continue;
    done = Math.max(spokenRun(input, at, out), at + 1);
  }
}

/**
 * A day spoken as an ordinal beside its month: "the eighth of march", "march eighth", "twenty
 * ninth February", "thirtieth of january". The ordinal becomes its digits and suffix ("8th"),
 * as the date patterns read them; the year after it is a run of number words (above).
 */
function spokenOrdinalFolds(input: string, out: [number, number, string][]): void {
  let done = 0;
  for (let at of ORDINAL_WORDS.at(input)) {
    // (From the ordinal; a "twenty " or "thirty " before it joins: "twenty ninth".)
    const tens = TENS_BEFORE.exec(input.slice(Math.max(0, at - 7), at));
    if (tens !== null) at -= tens[0].length;
    if (at < done) continue;
    SPOKEN_ORDINAL.lastIndex = at;
    const m = SPOKEN_ORDINAL.exec(input);
    if (m === null) continue;
    const end = m.index + m[0].length;
    done = end;
    if (
      !MONTH_AFTER.test(input.slice(end, end + 14)) &&
      !MONTH_BEFORE.test(input.slice(Math.max(0, m.index - 15), m.index))
    ) {
      continue;
    }
    let day = ORDINAL_DAY[m[2]!.toLowerCase()]!;
    if (m[1] !== undefined) day += m[1].toLowerCase() === 'twenty' ? 20 : 30;
    if (day > 31) continue;
    const last = day % 10;
    const suffix =
      last === 1 && day !== 11
        ? 'st'
        : last === 2 && day !== 12
          ? 'nd'
          : last === 3 && day !== 13
            ? 'rd'
            : 'th';
    out.push([m.index, end, `${day}${suffix}`]);
  }
}
const ORDINAL_DAY: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};
const ORDINAL_WORDS = keywords(
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth'.split(
    ' ',
  ),
  { wholeWord: true },
);
const TENS_BEFORE = /(?<![A-Za-z])(?:twenty|thirty)[ -]$/i;
const SPOKEN_ORDINAL =
  /\b(?:(twenty|thirty)[ -])?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b/iy;
const MONTH_WORDS =
  'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_AFTER = new RegExp(String.raw`^[ \t]+(?:of[ \t]+)?(?:${MONTH_WORDS})(?![\p{L}])`, 'iu');
const MONTH_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:${MONTH_WORDS})[ \t]+(?:the[ \t]+)?$`,
  'iu',
);

/** What joins two tokens: blanks, a comma or a hyphen. */
const SPOKEN_GAP = /[ \t]{0,2}(?:[,-][ \t]{0,2})?/y;
/** German, Spanish and French digits, one word each (their tens are compounds: not read). */
const FOREIGN_VALUE: Readonly<Record<string, string>> = {
  null: '0',
  eins: '1',
  zwei: '2',
  zwo: '2',
  drei: '3',
  vier: '4',
  fünf: '5',
  fuenf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
  cero: '0',
  uno: '1',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
  seis: '6',
  siete: '7',
  ocho: '8',
  nueve: '9',
  zéro: '0',
  deux: '2',
  trois: '3',
  quatre: '4',
  cinq: '5',
  sept: '7',
  huit: '8',
  neuf: '9',
};
const SPOKEN_VALUE: Readonly<Record<string, string>> = {
  ...FOREIGN_VALUE,
  zero: '0',
  oh: '0',
  o: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '2',
  thirty: '3',
  forty: '4',
  fifty: '5',
  sixty: '6',
  seventy: '7',
  eighty: '8',
  ninety: '9',
  dot: '.',
  point: '.',
  slash: '/',
  dash: '-',
};
const SPOKEN_SIGN = /^(?:dot|point|slash|dash)$/i;
/** German, Spanish and French digit words: "o" and "oh" are no zeros beside them. */
const FOREIGN_DIGIT = new RegExp(`^(?:${Object.keys(FOREIGN_VALUE).join('|')})$`);
/** The words that may open and continue a run (every digit word, "double" and "triple"). */
const DIGIT_WORDS = [
  ...Object.keys(SPOKEN_VALUE).filter((w) => !SPOKEN_SIGN.test(w)),
  'double',
  'triple',
];
const DIGIT_WORD = DIGIT_WORDS.join('|');
/**
 * Two number words in a row: where a run may start, tried where the shared keyword pass found
 * the first (ASCII word boundaries: Unicode look-arounds made the pattern six times slower).
 */
const SPOKEN_PAIR = new RegExp(String.raw`\b(?:${DIGIT_WORD})[ \t]{1,2}(?:${DIGIT_WORD})\b`, 'iy');
const NUMBER_WORDS = keywords(DIGIT_WORDS, { wholeWord: true });
/** One token of a run: a number word, digits, or a spoken sign. */
const SPOKEN_TOKEN = new RegExp(
  String.raw`(${DIGIT_WORD}|\d{1,6}|dot|point|slash|dash)(?![\p{L}\p{N}])`,
  'iuy',
);
const SPOKEN_TENS = /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/i;
const SPOKEN_UNIT = /^(?:one|two|three|four|five|six|seven|eight|nine)$/i;
const PLUS_BEFORE = /(?<![\p{L}])plus[ \t]{1,2}$/iu;

/** A capital letter spelled alone before a run: after a blank, a colon or the line's start. */
const LETTER_BEFORE_RUN = /(?<=^|[\s:,(])[A-Z][ \t]{1,2}$/;
/** A capital spelled alone among digits: then a number word, a digit, a capital or the clause's end. */
const SPELLED_LETTER =
  /[A-Z](?=[ \t]{1,2}(?:[A-Z](?![\p{L}\p{N}])|\d|(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?![\p{L}]))|[ \t]*(?:[.,;)\]]|\r?\n|$))/uy;
function spelledLetterAt(input: string, at: number): boolean {
  SPELLED_LETTER.lastIndex = at;
  return SPELLED_LETTER.test(input);
}

/** The fold of the gap between two tokens of a run: nothing, or a blank for a comma. */
function gapFold(input: string, from: number, to: number): [number, number, string] {
  return [from, to, input.slice(from, to).includes(',') ? ' ' : ''];
}

/**
 * Reads the run of number words from `start`; adds its folds to `out` when it is long enough.
 * Returns where the run ends.
 */
function spokenRun(input: string, start: number, out: [number, number, string][]): number {
  const folds: [number, number, string][] = [];
  let words = 0;
  let digits = 0;
  let at = start;
  let end = start;
  let pending: string | null = null; // a "double"/"triple" waiting for its digit
  let foreign = false; // a German, Spanish or French digit read
  let prevEnd = -1;
  for (;;) {
    // A letter spelled among the digits, in capitals: "G B twenty one L O Y D three ...", a
    // licence's "D", an insurance number's closing "C".
    if (words > 0 && spelledLetterAt(input, at)) {
      if (prevEnd >= 0 && at > prevEnd) folds.push(gapFold(input, prevEnd, at));
      folds.push([at, at + 1, input[at]!]);
      end = at + 1;
      prevEnd = at + 1;
      SPOKEN_GAP.lastIndex = at + 1;
      at = at + 1 + SPOKEN_GAP.exec(input)![0].length;
      continue;
    }
    SPOKEN_TOKEN.lastIndex = at;
    const t = SPOKEN_TOKEN.exec(input);
    if (t === null) break;
    const word = t[1]!;
    const low = word.toLowerCase();
    const tokEnd = at + word.length;
    // "o" and "oh" are zeros in English runs only ("uno o dos" is "one or two").
    if (FOREIGN_DIGIT.test(low)) foreign = true;
    else if ((low === 'o' || low === 'oh') && foreign) break;
    // A sign only between number words; "o" and "oh" only after one ("oh" opens a run too).
    if (SPOKEN_SIGN.test(low)) {
      if (words === 0) break;
    } else if (
      low === 'o' &&
      words === 0 &&
      !/^o[ \t]{1,2}(?:one|two|three|four|five|six|seven|eight|nine)\b/i.test(
        input.slice(at, at + 9),
      )
    ) {
      break;
    }
    // The gap before this token: nothing between words, a blank for a comma.
    if (prevEnd >= 0 && at > prevEnd) {
      const digitBoth = /\d$/.test(input.slice(prevEnd - 1, prevEnd)) && /^\d/.test(word);
      // (Between two groups of digits as written the blank stays: "4539 1488".)
      if (!digitBoth) folds.push(gapFold(input, prevEnd, at));
    }
    let value: string;
    if (/^\d/.test(word)) {
      value = word;
      digits += word.length;
    } else if (low === 'double' || low === 'triple') {
      pending = low;
      value = '';
    } else {
      value = SPOKEN_VALUE[low]!;
      // "twenty eight" is 28: the tens word gives its digit and the unit the next; "twenty"
      // alone gives 20.
      if (SPOKEN_TENS.test(low)) {
        SPOKEN_GAP.lastIndex = tokEnd;
        const g = SPOKEN_GAP.exec(input)![0];
        SPOKEN_TOKEN.lastIndex = tokEnd + g.length;
        const next = SPOKEN_TOKEN.exec(input);
        if (next === null || !SPOKEN_UNIT.test(next[1]!) || g.includes(',')) value += '0';
      }
      if (pending !== null && /^\d$/.test(value)) {
        value = value.repeat(pending === 'double' ? 2 : 3);
        pending = null;
      }
      if (!SPOKEN_SIGN.test(low)) digits += value.length;
      words++;
    }
    folds.push([at, tokEnd, value]);
    end = tokEnd;
    prevEnd = tokEnd;
    SPOKEN_GAP.lastIndex = tokEnd;
    at = tokEnd + SPOKEN_GAP.exec(input)![0].length;
  }
  // A sign or "double" left hanging ends nothing: drop it with its gap.
  while (folds.length > 0) {
    const last = folds[folds.length - 1]!;
    const w = input.slice(last[0], last[1]).toLowerCase();
    if (!SPOKEN_SIGN.test(w) && w !== 'double' && w !== 'triple' && last[2] !== '') break;
    folds.pop();
    end = folds.length > 0 ? folds[folds.length - 1]![1] : start;
  }
  if (words < 3 || digits < 4) return end;
  const plus = PLUS_BEFORE.exec(input.slice(Math.max(0, start - 8), start));
  if (plus !== null) out.push([start - plus[0].length, start, '+']);
  // Letters spelled before the first number word: "Z five four two ...", "J T four eight ...".
  const lead: [number, number, string][] = [];
  let k = start;
  for (
    let m = LETTER_BEFORE_RUN.exec(input.slice(Math.max(0, k - 4), k));
    m !== null && lead.length < 8;
  ) {
    const letterAt = k - m[0].length;
    lead.unshift([letterAt, letterAt + 1, input[letterAt]!], [letterAt + 1, k, '']);
    k = letterAt;
    m = LETTER_BEFORE_RUN.exec(input.slice(Math.max(0, k - 4), k));
  }
  for (const f of lead) if (f[1] > f[0]) out.push(f);
  for (const f of folds) if (f[1] > f[0]) out.push(f);
  return end;
}

function sqlFolds(input: string, out: [number, number, string][]): void {
  SQL_INSERT.lastIndex = 0;
  for (let m = SQL_INSERT.exec(input); m !== null; m = SQL_INSERT.exec(input)) {
    // A bare "name" names a person only in a table of people: in "currencies" or "products" it
    // reads "item name" (a thing's name, to the name pass).
    const table = SQL_TABLE.exec(m[0])?.[1] ?? '';
    const people = PEOPLE_TABLE.test(table.toLowerCase()) || PEOPLE_TABLE_CAMEL.test(table);
    const columns = m[1]!.split(',').map((c) => {
      const key = c.trim().replace(SQL_QUOTES, '');
      const words = /[a-z][A-Z]/.test(key)
        ? keyWords(key)
        : key.replace(KEY_SEPARATORS, ' ').toLowerCase();
      return words === 'name' && !people ? 'item name' : words;
    });
    let i = SQL_INSERT.lastIndex;
    const max = Math.min(input.length, i + SQL_MAX_CHARS);
    for (let row = 0; row < SQL_MAX_ROWS && i < max && input.charCodeAt(i) === 40; row++) {
      // One row: values between "(" and ")", quoted strings read whole ('' escapes a quote).
      let col = 0;
      let sep = i; // the "(" or "," before the current value
      // A function's brackets in a value ("NOW()", "COALESCE(a, b)") hold no row's end.
      let depth = 0;
      for (i++; i < max; i++) {
        const c = input.charCodeAt(i);
        if (c === 39 || c === 34) {
          const close = sqlStringEnd(input, i, max);
          if (close < 0) return;
          i = close;
        } else if (c === 40) depth++;
        else if (depth > 0) {
          if (c === 41) depth--;
        } else if (c === 44 || c === 41) {
          if (col < columns.length && columns[col] !== '') {
            out.push([
              sep,
              sep + 1,
              (input.charCodeAt(sep) === 44 ? ', ' : '(') + columns[col] + ': ',
            ]);
          }
          col++;
          sep = i;
          if (c === 41) break;
        }
      }
      // The next row: ", (" after spaces.
      i++;
      while (i < max && isSqlBlank(input.charCodeAt(i))) i++;
      if (input.charCodeAt(i) !== 44) break;
      i++;
      while (i < max && isSqlBlank(input.charCodeAt(i))) i++;
    }
    SQL_INSERT.lastIndex = Math.max(SQL_INSERT.lastIndex, i);
  }
}
const SQL_QUOTES = /["`[\]]/g;
const SQL_TABLE = /into\s+(?:[\w"`[\]]{1,64}\.)?["`[]?(\w{1,64})/i;
/** Tables of people, by the last word of their name ("customers", "crm_contacts"). */
const PEOPLE_TABLE =
  /(?:^|_)(?:customers?|clients?|users?|people|persons?|employees?|staff|patients?|contacts?|members?|students?|guests?|passengers?|tenants?|applicants?|candidates?|authors?|owners?|leads?|subscribers?|accounts?|recipients?|drivers?|agents?|participants?|attendees?|beneficiar(?:y|ies)|policyholders?|insureds?|claimants?|borrowers?|holders?)$/;
/** The same in camelCase ("tblCustomer", "AppUsers"). */
const PEOPLE_TABLE_CAMEL =
  /[a-z](?:Customer|Client|User|People|Person|Employee|Staff|Patient|Contact|Member|Student|Guest|Passenger|Tenant|Applicant|Candidate|Subscriber|Recipient|Participant|Borrower)s?$/;

/** A space, a tab or a line break (CR or LF) between an INSERT's rows. */
function isSqlBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Where the SQL string opened by the quote at `open` closes, or -1: a doubled quote escapes it
 * (standard SQL), and so does a backslash before it (MySQL).
 */
function sqlStringEnd(input: string, open: number, max: number): number {
  const q = input.charCodeAt(open);
  for (let j = open + 1; j < max; j++) {
    const c = input.charCodeAt(j);
    if (c === 92)
      j++; // "\" escapes the next character
    else if (c !== q) continue;
    else if (input.charCodeAt(j + 1) === q) j++;
    else return j;
  }
  return -1;
}

// The header of a two-column table of fields and their values ("| Field | Value |"), and the
// rule under it; its rows are folded by verticalTableFolds.
const VERTICAL_HEADER =
  /^[ \t]*\|[^|\n]{1,40}\|[ \t]*(?:values?|details?|data|info|information|wert|werte|valeur|valeurs|valor|valores|valore|waarde)[ \t]*\|[ \t]*\r?\n[ \t]*\|[ \t:-]+\|[ \t:-]+\|[ \t]*(?:\r?\n|$)/gim;
/** A row of such a table: its two cells. */
const VERTICAL_ROW = /^([ \t]*\|[^|\n]+)\|[^|\n]*\|[ \t]*\r?$/;

/**
 * The folds of a Markdown table of fields and their values: the pipe between a row's field and
 * its value reads as ":" ("| Account number | 48213377 |" reads "| Account number : 48213377
 * |"), so every detector's labels find the value as after "Account number:". Only under a
 * header whose second cell names values ("| Field | Value |"); a table of records keeps its
 * columns for the detectors that read headers (rules/table.ts). Appended to `out`, in order.
 */
function verticalTableFolds(input: string, out: [number, number, string][]): void {
  VERTICAL_HEADER.lastIndex = 0;
  for (let m = VERTICAL_HEADER.exec(input); m !== null; m = VERTICAL_HEADER.exec(input)) {
    let line = VERTICAL_HEADER.lastIndex;
    while (line < input.length) {
      let end = input.indexOf('\n', line);
      if (end < 0) end = input.length;
      const row = VERTICAL_ROW.exec(input.slice(line, end));
      if (row === null) break;
      const pipe = line + row[1]!.length;
      out.push([pipe, pipe + 1, ':']);
      line = end + 1;
    }
    VERTICAL_HEADER.lastIndex = Math.max(VERTICAL_HEADER.lastIndex, line);
  }
}

/**
 * Normalise `input`; no copy and no offset maps when nothing folds (the common case). One pass
 * over the character codes finds the first character that changes (and whether any Greek or
 * Cyrillic letter is there to fold); text without one is returned as it is.
 */
export function normalise(input: string): Normalised {
  const len = input.length;
  const keys = keyFolds(input);
  const camelKeys = keys.length;
  if (input.indexOf('=') > 0) {
    formFolds(input, keys);
    pairFolds(input, keys);
  }
  namePartFolds(input, keys);
  if (input.indexOf('|') >= 0 && input.indexOf('---') >= 0) verticalTableFolds(input, keys);
  if (input.indexOf('INSERT') >= 0 || input.indexOf('insert') >= 0) sqlFolds(input, keys);
  if (input.indexOf('</') >= 0 || input.indexOf('<br') >= 0) htmlFolds(input, keys);
  if (input.indexOf('&#') >= 0 || input.indexOf('&commat;') >= 0) entityFolds(input, keys);
  if (input.indexOf('[.]') >= 0 || input.indexOf('(.)') >= 0 || input.indexOf('[@]') >= 0) {
    defangFolds(input, keys);
  }
  spokenDigitFolds(input, keys);
  spokenOrdinalFolds(input, keys);
  if (keys.length > camelKeys && keys.length > 1) {
    // Each list is in order and their folds seldom meet (camelCase keys end before their "=",
    // form values start after one); a fold that would overlap the one before it is dropped.
    keys.sort((a, b) => a[0] - b[0]);
    let kept = 0;
    for (const fold of keys) if (kept === 0 || fold[0] >= keys[kept - 1]![1]) keys[kept++] = fold;
    keys.length = kept;
  }
  let greekOrCyrillic = false;
  let first = 0;
  for (; first < len; first++) {
    let c = input.charCodeAt(first);
    // ASCII and the C1 controls never change; a regex skips runs of them faster than a loop.
    if (c < 0xa0) {
      ABOVE_C1.lastIndex = first;
      if (!ABOVE_C1.test(input)) {
        first = len;
        break;
      }
      first = ABOVE_C1.lastIndex - 1;
      c = input.charCodeAt(first);
    }
    if (c >= 0x370 && c <= 0x52f) greekOrCyrillic = true;
    if (c >= 0xd800 && c <= 0xdfff) {
      const w = surrogateWidth(input, first, c);
      if (surrogateFolds(input, first, w)) break;
      first += w - 1;
    } else if (bmpFolds(c)) break;
  }
  if (keys.length > 0 && keys[0]![0] < first) first = keys[0]![0];
  if (first === len) {
    if (!greekOrCyrillic) return { text: input, starts: null, ends: null };
    const folded = foldLookalikes(input);
    if (folded === input) return { text: input, starts: null, ends: null };
    // Look-alike folding is one UTF-16 unit for one: one identity run.
    return new Folded(folded, [0], [0], [0]);
  }
  // The offset maps as segments of the normalised text: identity runs (width 0) and the output
  // of one folded character (width = its UTF-16 length). Per-character arrays cost two
  // allocations of the text's size on every scan of a text with one en dash in it; segments
  // cost one entry per fold, and the arrays are only made if someone reads them.
  const normAt: number[] = [];
  const origAt: number[] = [];
  const widths: number[] = [];
  const parts: string[] = [];
  let n = 0; // output length so far
  let last = 0; // input copied up to here
  let k = 0; // the next key fold
  let above = 0; // the next character from U+00A0 on, once searched
  // Code point by code point from the first character that changes; characters that cannot
  // change are passed over on their code alone.
  for (let i = first; i <= len;) {
    let out = '';
    let w = 1;
    const key = k < keys.length ? keys[k]! : null;
    if (key !== null && i === key[0]) {
      // A key's words: ASCII, so never inside a character fold.
      out = key[2];
      w = key[1] - key[0];
      k++;
    } else if (i < len) {
      const c = input.charCodeAt(i);
      if (c < 0xa0) {
        // The next character from U+00A0 on, searched again only once it is passed: between
        // key folds of an ASCII text the search would otherwise read to its end every time.
        if (above <= i) {
          ABOVE_C1.lastIndex = i;
          above = ABOVE_C1.test(input) ? ABOVE_C1.lastIndex - 1 : len;
        }
        i = key !== null && key[0] < above ? key[0] : above;
        continue;
      }
      if (c >= 0x370 && c <= 0x52f) greekOrCyrillic = true;
      if (c >= 0xd800 && c <= 0xdfff) w = surrogateWidth(input, i, c);
      else if (!bmpFolds(c)) {
        i++;
        continue;
      }
      const ch = w === 2 ? input.slice(i, i + 2) : input[i]!;
      out = foldCodePoint(ch.codePointAt(0)!, ch);
      if (out === ch) {
        i += w;
        continue;
      }
      // A fold can produce Greek ("µ" gives "μ"); the look-alike pass must then look.
      for (let j = 0; j < out.length; j++) {
        const o = out.charCodeAt(j);
        if (o >= 0x370 && o <= 0x52f) greekOrCyrillic = true;
      }
    }
    // The unchanged run [last, i), then the fold of [i, i + w).
    if (i > last) {
      normAt.push(n);
      origAt.push(last);
      widths.push(0);
      parts.push(input.slice(last, i));
      n += i - last;
    }
    if (i === len) break;
    if (out.length > 0) {
      normAt.push(n);
      origAt.push(i);
      widths.push(w);
      parts.push(out);
      n += out.length;
    }
    i += w;
    last = i;
  }
  const text = parts.join('');
  return new Folded(greekOrCyrillic ? foldLookalikes(text) : text, normAt, origAt, widths);
}

/**
 * A normalised text that differs from its original. The offset maps are kept as segments (see
 * normalise); `starts` and `ends` are made from them on first use, and toOriginalSpan reads
 * the segments directly.
 */
class Folded implements Normalised {
  private startsArr: Int32Array | null = null;
  private endsArr: Int32Array | null = null;

  constructor(
    readonly text: string,
    /** Per segment, in order: where it starts in `text`, where its source starts in the
     * original, and the source's width for a folded character (0 for an identity run). */
    private readonly normAt: readonly number[],
    private readonly origAt: readonly number[],
    private readonly widths: readonly number[],
  ) {}

  get starts(): Int32Array {
    if (this.startsArr === null) this.materialise();
    return this.startsArr!;
  }

  get ends(): Int32Array {
    if (this.endsArr === null) this.materialise();
    return this.endsArr!;
  }

  private materialise(): void {
    const len = this.text.length;
    const starts = new Int32Array(len);
    const ends = new Int32Array(len);
    for (let i = 0; i < len; i++) {
      starts[i] = this.origStart(i);
      ends[i] = this.origEnd(i);
    }
    this.startsArr = starts;
    this.endsArr = ends;
  }

  /** The segment holding index i of the text (binary search). */
  private segment(i: number): number {
    const at = this.normAt;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** starts[i]: where the character that produced text[i] starts in the original. */
  origStart(i: number): number {
    const k = this.segment(i);
    return this.widths[k] === 0 ? this.origAt[k]! + i - this.normAt[k]! : this.origAt[k]!;
  }

  /** ends[i]: where the character that produced text[i] ends in the original (exclusive). */
  origEnd(i: number): number {
    const k = this.segment(i);
    const w = this.widths[k]!;
    return w === 0 ? this.origAt[k]! + i - this.normAt[k]! + 1 : this.origAt[k]! + w;
  }
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
      const mapped = LOOKALIKES.get(ch);
      out += mapped !== undefined && ch.length === 1 ? mapped : ch;
    }
    return out;
  });
}

/** Maps a span of the normalised text back to the original text. */
export function toOriginalSpan(n: Normalised, start: number, end: number): [number, number] {
  return [originalStart(n, start), originalEnd(n, start, end)];
}

/**
 * Where the span [start, end) of the normalised text starts in the original: toOriginalSpan's
 * first number, without the pair (the engine maps every finding, in every scan).
 */
export function originalStart(n: Normalised, start: number): number {
  if (n instanceof Folded) {
    const len = n.text.length;
    if (len === 0) return 0;
    return start < len ? n.origStart(start) : n.origEnd(len - 1);
  }
  if (n.starts === null || n.ends === null) return start;
  const len = n.starts.length;
  if (len === 0) return 0;
  return start < len ? n.starts[start]! : n.ends[len - 1]!;
}

/** Where the span [start, end) of the normalised text ends in the original: the second number. */
export function originalEnd(n: Normalised, start: number, end: number): number {
  if (n instanceof Folded) {
    const len = n.text.length;
    if (len === 0) return 0;
    const s = originalStart(n, start);
    return Math.max(s, end > 0 ? n.origEnd(Math.min(end, len) - 1) : s);
  }
  if (n.starts === null || n.ends === null) return end;
  const len = n.starts.length;
  if (len === 0) return 0;
  const s = originalStart(n, start);
  return Math.max(s, end > 0 ? n.ends[Math.min(end, len) - 1]! : s);
}
