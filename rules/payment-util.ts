/**
 * Helpers shared by the payment detectors: the card-number scanner (used by credit-card, and by
 * card-cvv and card-expiry to recognise "right after a card number"), issuer ranges, well-known
 * test numbers, and the ISO 3166 country list used by the IBAN and BIC checks.
 */
import { isTrivialDigits, luhn } from './checksums.ts';
import { near } from './context.ts';
import { lowerOf, sortShort } from './scan-util.ts';

/**
 * ISO 3166-1 alpha-2 codes plus XK (Kosovo, which SWIFT uses), concatenated. A string keeps the
 * bundle small; the set is built once at load.
 */
const COUNTRY_CODES =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW';

const COUNTRIES = new Set(COUNTRY_CODES.match(/../g));

/** Whether `code` (upper case) is an ISO 3166 country code, or XK. */
export function isCountry(code: string): boolean {
  return COUNTRIES.has(code);
}

/**
 * Issuer ranges: [first prefix, last prefix, allowed lengths]. Prefixes in one entry have the
 * same number of digits. Sources: the card networks' published IIN ranges as summarised in ISO/IEC
 * 7812 listings; the old 15-digit JCB ranges 1800 and 2131 are still issued in places.
 */
const RANGES: ReadonlyArray<readonly [string, string, readonly number[]]> = [
  ['4', '4', [13, 16, 19]], // Visa
  ['51', '55', [16]], // Mastercard
  ['2221', '2720', [16]], // Mastercard 2-series
  ['34', '34', [15]], // Amex
  ['37', '37', [15]],
  ['6011', '6011', [16, 17, 18, 19]], // Discover
  ['644', '649', [16, 17, 18, 19]],
  ['65', '65', [16, 17, 18, 19]], // Discover, RuPay
  ['300', '305', [14, 15, 16, 17, 18, 19]], // Diners Club
  ['3095', '3095', [14, 15, 16, 17, 18, 19]],
  ['36', '36', [14, 15, 16, 17, 18, 19]],
  ['38', '39', [14, 15, 16, 17, 18, 19]],
  ['3528', '3589', [16, 17, 18, 19]], // JCB
  ['1800', '1800', [15]],
  ['2131', '2131', [15]],
  ['62', '62', [16, 17, 18, 19]], // UnionPay
  ['50', '50', [12, 13, 14, 15, 16, 17, 18, 19]], // Maestro, RuPay 508
  ['56', '69', [12, 13, 14, 15, 16, 17, 18, 19]], // Maestro
  ['2200', '2204', [16, 17, 18, 19]], // Mir
  ['60', '60', [16]], // RuPay
  ['81', '82', [16]], // RuPay
];

/** Whether `digits` starts with a known issuer prefix and has a length that issuer uses. */
export function isKnownIssuer(digits: string): boolean {
  const n = digits.length;
  for (const [lo, hi, lengths] of RANGES) {
    const p = digits.slice(0, lo.length);
    if (p >= lo && p <= hi && lengths.includes(n)) return true;
  }
  return false;
}

/**
 * Test numbers published by payment providers (Stripe, Adyen, Braintree, PayPal, card networks)
 * that do not already look synthetic by the repeated-digit rule in isTestLikeCard.
 */
const TEST_CARDS = new Set([
  '4242424242424242',
  '4012888888881881',
  '4000056655665556',
  '4005519200000004',
  '4009348888881881',
  '4012000033330026',
  '4012000077777777',
  '4217651111111119',
  '4263982640269299',
  '4917484589897107',
  '4001919257537193',
  '4007702835532454',
  '4988438843884305',
  '4444333322221111',
  '4000002500003155',
  '4000002760003184',
  '4000003800000446',
  '4000008400001629',
  '5105105105105100',
  '5200828282828210',
  '5425233430109903',
  '2223003122003222',
  '2222400070000005',
  '2223000048400011',
  '5204740009900014',
  '378282246310005',
  '371449635398431',
  '378734493671000',
  '6011000990139424',
  '6011601160116611',
  '6445644564456445',
  '6011981111111113',
  '3056930009020004',
  '36227206271667',
  '30569309025904',
  '38520000023237',
  '36006666333344',
  '3530111333300000',
  '3566002020360505',
  '3569990010095841',
  '6250941006528599',
  '6759649826438453',
]);

/**
 * Whether a card number is a published test number or looks made up: six equal digits in a row
 * (4111 1111 1111 1111, 4000 0000 0000 0002) or at most three distinct digits. A real number
 * has either with a probability well under one in a thousand.
 */
export function isTestLikeCard(digits: string): boolean {
  if (TEST_CARDS.has(digits)) return true;
  // Plain loops: this runs on every Luhn-valid reading, and a Set or a back-reference regex
  // costs ten times more.
  let seen = 0;
  let repeat = 1;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    seen |= 1 << (c - 48);
    repeat = i > 0 && c === digits.charCodeAt(i - 1) ? repeat + 1 : 1;
    if (repeat >= 6) return true;
  }
  let distinct = 0;
  for (; seen !== 0; seen &= seen - 1) distinct++;
  return distinct <= 3;
}

/** A card number found by findCardNumbers, scored on its form alone (no context words yet). */
export interface CardSpan {
  start: number;
  /** Exclusive. */
  end: number;
  /** The digits without separators. */
  digits: string;
  /** Score from form, issuer and checksum only; context is applied by the caller. */
  score: number;
  /** Issuer prefix and length are known (otherwise only the Luhn check holds). */
  issuer: boolean;
  /** A published test number or an obviously synthetic one. */
  test: boolean;
}

// A run of digit groups joined by single spaces, dots or dashes. Bounded everywhere so a long
// run of digits costs one pass: a run never starts right after a digit and a separator (that
// is the middle of a run the previous match gave up on), after a word character (an id such as
// ORD4539...), after a letter and a dash or dot (ORD-4539...), or after a plus (a phone number).
// The look-behind sits after the first digit, so the scan only stops at digits instead of
// running the look-behind at every position of the text. Only runs of 12 characters or more can
// hold a card number, and the look-ahead skips the shorter ones (most numbers in a text) without
// building a match for each; the long runs found are the same, since a position inside a run
// never starts one.
const RUN =
  /\d(?<=(?<![\w+]|[A-Za-z_][.-]|\d[ .-])\d)(?=[\d .-]{11})\d{0,18}(?:[ .-]\d{1,19}){0,23}/g;

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Card layouts people actually write, for the groups i..j of a run: one block, digits one by
 * one, blocks of four (the last one shorter for 13, 17, 18 and 19 digits), and the 4-6-5 / 4-6-4
 * layout of Amex and Diners.
 */
function isCardLayout(lens: readonly number[], i: number, j: number): boolean {
  if (i === j) return true;
  if (j - i === 2 && lens[i] === 4 && lens[i + 1] === 6 && (lens[j] === 5 || lens[j] === 4)) {
    return true;
  }
  const first = lens[i];
  if (first === 1) {
    for (let g = i + 1; g <= j; g++) if (lens[g] !== 1) return false;
    return true;
  }
  for (let g = i; g < j; g++) if (lens[g] !== 4) return false;
  return lens[j]! <= 4;
}

/** Score of a Luhn-valid number from its issuer and length alone. */
function formScore(digits: string, issuer: boolean): number {
  if (!issuer) return 0.2;
  const n = digits.length;
  if (n === 16) return 0.8;
  if (n === 15 && (digits.startsWith('34') || digits.startsWith('37'))) return 0.75;
  if (n >= 14) return 0.6;
  // 12 and 13 digits collide with many other identifiers (timestamps, product codes).
  return 0.4;
}

let lastText: string | null = null;
let lastCards: CardSpan[] = [];

/**
 * Luhn-valid card numbers in `text`, best non-overlapping reading of each digit run, scored on
 * form only. A valid number inside a longer unbroken digit run is never returned. Memoised on
 * the last text, because three detectors ask about the same text in one scan.
 */
export function findCardNumbers(text: string): CardSpan[] {
  if (text === lastText) {
    // Equal text may be another string object: keep this one, so the next check is on identity.
    lastText = text;
    return lastCards;
  }
  const out: CardSpan[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const start = m.index;
    const run = m[0];
    const end = start + run.length;
    if (run.length < 12) continue;
    // The run must really end here: not a longer digit block, not a run cut off by the group
    // bound, not glued to a word (4539...abc, 4539...-ext).
    if (isWordAt(text, end)) continue;
    const c = text[end];
    if ((c === ' ' || c === '.' || c === '-') && isDigitAt(text, end + 1)) continue;
    if ((c === '.' || c === '-') && isWordAt(text, end + 1)) continue;
    readRun(run, start, out);
  }
  lastText = text;
  lastCards = out;
  return out;
}

// The groups of the run readRun is reading: where each starts in the run, its length, the
// separator before it (a character code; 0 before the first) and where its digits start in the
// run without separators. Module-level and reused: four arrays per run, in every scan, were the
// largest allocation of the card scanner. readRun does not call itself, so nothing else uses
// them while it runs.
const groupStart: number[] = [];
const groupLen: number[] = [];
const groupSep: number[] = [];
const groupAt: number[] = [];
/** The separators a run may hold (RUN): removed to give its digits. */
const SEPARATORS = /[ .-]/g;

/** Appends to `out` all card readings of one run, keeping the best of overlapping ones. */
function readRun(run: string, offset: number, out: CardSpan[]): void {
  let k = 0;
  let digitCount = 0;
  // Split by hand: the run is digits and single separators only, and a matchAll per run costs
  // more than everything else here.
  for (let p = 0; p < run.length;) {
    let q = p;
    while (q < run.length && isDigitAt(run, q)) q++;
    groupStart[k] = p;
    groupLen[k] = q - p;
    groupSep[k] = k > 0 ? run.charCodeAt(p - 1) : 0;
    groupAt[k] = digitCount;
    digitCount += q - p;
    k++;
    p = q + 1;
  }
  // The run without its separators: made once (not group by group), and only for a run that
  // holds a reading to check (most runs are dates, times and phone numbers that hold none).
  let all: string | null = null;
  const first = out.length;
  for (let i = 0; i < k; i++) {
    let count = 0;
    for (let j = i; j < k; j++) {
      // One separator style inside a number: "4539 1488-0343" is two things, not one.
      if (j > i + 1 && groupSep[j] !== groupSep[i + 1]) break;
      count += groupLen[j]!;
      if (count > 19) break;
      if (count < 12 || !isCardLayout(groupLen, i, j)) continue;
      const oneByOne = j > i && groupLen[i] === 1;
      // Digits one by one: only readings that start or end with the run. An inner slice would
      // be penalised below anyway, and skipping it bounds the work on long spaced digit runs.
      if (oneByOne && i > 0 && j < k - 1) continue;
      all ??= k === 1 ? run : run.replace(SEPARATORS, '');
      const digits = all.slice(groupAt[i], groupAt[j]! + groupLen[j]!);
      if (!luhn(digits) || isTrivialDigits(digits)) continue;
      const issuer = isKnownIssuer(digits);
      const test = isTestLikeCard(digits);
      let score = formScore(digits, issuer);
      if (test) score = Math.min(score, 0.55);
      if (j > i && extraGroups(k, i, j) >= (oneByOne ? 1 : 2)) {
        // A slice of a longer evenly separated sequence (a table of numbers, or digits spelled
        // one by one that go on): one Luhn check in ten passes by chance, so it needs context.
        score -= 0.35;
      }
      const s = groupStart[i]!;
      const e = groupStart[j]! + groupLen[j]!;
      out.push({ start: offset + s, end: offset + e, digits, score, issuer, test });
    }
  }
  if (out.length - first <= 1) return;
  // Keep the best of overlapping readings (out[first..] are this run's), in order of start.
  const found = sortShort(out.splice(first), byScoreThenLength);
  for (let f = 0; f < found.length; f++) {
    const x = found[f]!;
    let free = true;
    for (let g = first; g < out.length && free; g++) {
      free = out[g]!.end <= x.start || out[g]!.start >= x.end;
    }
    if (free) out.push(x);
  }
  const kept = sortShort(out.splice(first), byStart);
  for (let f = 0; f < kept.length; f++) out.push(kept[f]!);
}

const byScoreThenLength = (a: CardSpan, b: CardSpan): number =>
  b.score - a.score || b.end - b.start - (a.end - a.start);
const byStart = (a: CardSpan, b: CardSpan): number => a.start - b.start;

/**
 * How many groups join the window [i, j] with its own separator, on both sides (groups 0..k-1
 * of the run being read; the window's separator is the one before group i + 1).
 */
function extraGroups(k: number, i: number, j: number): number {
  const sep = groupSep[i + 1];
  let extra = 0;
  for (let l = i; l >= 1 && groupSep[l] === sep; l--) extra++;
  for (let r = j + 1; r < k && groupSep[r] === sep; r++) extra++;
  return extra;
}

/** Phrases that say a card number is a test number, whatever it is. */
const TEST_PHRASE =
  /\b(?:test cards?|test numbers?|test mode|testkarte|sandbox|stripe test|test (?:visa|mastercard|amex))\b/;

/** Weaker hints of a made-up number; they only sink numbers that already look synthetic. */
const TEST_HINT =
  /\b(?:test|testing|tests|stripe|braintree|adyen|dummy|sample|fake|demo|example|staging|mock|qa|fixture|fixtures|expect|assert|spec|stub)\b/;

/** How a text presents a card number as a test number: beside a test phrase, or beside a weaker hint. */
export type TestCardKind = 'phrase' | 'hint';

let testText: string | null = null;
let testKinds: ReadonlyMap<number, TestCardKind> = new Map();

/**
 * The card numbers `text` presents as test numbers, by where each ends: beside a test phrase
 * (TEST_PHRASE), or synthetic-looking (CardSpan.test) beside a weaker hint (TEST_HINT).
 * credit-card scores them by it, and the expiry and CVV detectors read it (afterTestCard).
 * Memoised on the last text, like findCardNumbers.
 */
export function testCards(text: string): ReadonlyMap<number, TestCardKind> {
  if (text === testText) {
    // Equal text may be another string object: keep this one (see findCardNumbers).
    testText = text;
    return testKinds;
  }
  const kinds = new Map<number, TestCardKind>();
  const cards = findCardNumbers(text);
  if (cards.length > 0) {
    const nearTest = nearWords(text, TEST_PHRASE);
    const nearHint = nearWords(text, TEST_HINT);
    for (const c of cards) {
      if (nearTest.test(c.start, c.end)) kinds.set(c.end, 'phrase');
      else if (c.test && nearHint.test(c.start, c.end)) kinds.set(c.end, 'hint');
    }
  }
  testText = text;
  testKinds = kinds;
  return kinds;
}

/**
 * Whether a value at `start` follows, within `window` characters, one of the test card numbers
 * of `tests` (testCards): its expiry and code are the test's too ("Test card: 4242 4242 4242
 * 4242, exp 12/34, CVC 123").
 */
export function afterTestCard(
  tests: ReadonlyMap<number, TestCardKind>,
  start: number,
  window = 40,
): boolean {
  for (const end of tests.keys()) if (end <= start && start - end <= window) return true;
  return false;
}

/** Words that say a number is a payment card. Lower-case; tested on a lower-cased window. */
export const CARD_WORDS =
  /\b(?:cards?|card number|cc|ccn|exp|expiry|expires|expiration|cvv|cvv2|cvc|cvc2|declined|visa|master ?card|amex|american express|discover|diners|jcb|union ?pay|maestro|rupay|credit|debit|payment|pay|paid|pan|charge|charged|billing|kreditkarte|karte|kartennummer|carte|tarjeta|cart[ãa]o|carta|kaart)\b/;

/**
 * A `near` test for `words` that is skipped outright when the words occur nowhere in the text
 * (tested on the text lower-cased, which lowerOf shares with every detector that asks, and
 * asked for only then: a text with few candidates is never lower-cased for this). On a long
 * paste full of numbers this replaces two window slices and two regex runs per candidate with
 * one pass over the text. That pass runs only from the WHOLE_TEXT_AFTER-th call on: most texts
 * have a few candidates or none, and a word list tested over a whole 2 KB prompt costs more
 * than a few windows.
 */
export function nearWords(text: string, words: RegExp, window?: number): NearWords {
  return new NearWords(text, words, window);
}

/**
 * What nearWords gives. An object with a method, not a closure: detectors make a dozen of them
 * in every scan, mostly for texts with no candidate, and an object is half the bytes of a
 * closure and its context.
 */
export class NearWords {
  private present: boolean | undefined = undefined;
  private calls = 0;

  constructor(
    private readonly text: string,
    private readonly words: RegExp,
    private readonly window: number | undefined,
  ) {}

  /** Whether the words are near [start, end). */
  test(start: number, end: number): boolean {
    if (this.present === undefined && ++this.calls >= WHOLE_TEXT_AFTER) {
      this.present = this.words.test(lowerOf(this.text));
    }
    return this.present !== false && near(this.text, start, end, this.words, this.window);
  }
}

/** How many windows nearWords tests one by one before it asks whether the words occur at all. */
const WHOLE_TEXT_AFTER = 4;
