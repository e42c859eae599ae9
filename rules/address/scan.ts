/**
 * The address scanner. It works on a flat token list in three steps:
 *
 * 1. Find street lines ("cores"): a house number and street words with a street-type word
 *    ("10 Downing Street", "12 rue de la Paix", "Calle Mayor 5", "Musterstraße 12a",
 *    "Karl Johans gate 22"), postal boxes, military addresses, "City, ST 12345" lines, and
 *    postcodes after a postcode keyword. Weak shapes (a capitalised word and a number) are
 *    cores too, but with a score that passes only with more evidence.
 * 2. Extend each core over what follows it on the same or the next few lines: unit, city,
 *    region, postcode, country (bounded: a few lines, ~160 characters), so that a whole
 *    address block is one finding.
 * 3. Score: the core's base, plus the parts of the block found, plus address words before it
 *    ("lives at", "ship to", "Address:").
 *
 * Every step looks at a bounded number of tokens around a position, so the scan is linear in
 * the length of the text.
 */
import { postcodeAt, ukPostcodeAt, CA_POSTCODE, UK_POSTCODE_SPACED, isUkArea } from './postcode.ts';
import { NEWLINE, Tokens, WordFlags } from './tokens.ts';
import {
  AMBIGUOUS_PREFIX_TYPES,
  COMPOUND_ENDINGS,
  COMPOUND_EXCEPTIONS,
  COUNTRIES,
  DOTTED_PREFIX_TYPES,
  HOUSE_NUMBER_SUFFIXES,
  NAME_PARTICLES,
  NOT_A_CITY,
  NUMBER_LABELS,
  PO_BOX,
  PREFIX_TYPES,
  PROSE_AFTER_NUMBER,
  REGION_CODES,
  REGION_NAMES,
  SEPARATE_SUFFIX_TYPES,
  STRONG_SUFFIX_TYPES,
  UNIT_WORDS,
  WEAK_SUFFIX_TYPES,
  WEAK_UNIT_WORDS,
} from './words.ts';
import { byFirstLetter, matchesOf, sortShort } from '../scan-util.ts';

/** One address found: offsets into the scanned text, a score and a short reason. */
export interface AddressHit {
  start: number;
  end: number;
  score: number;
  reason: string;
}

interface Cues {
  address: CueIndex;
  other: CueIndex;
}

/** A street line or other address anchor, as token indices (inclusive). */
interface Core {
  first: number;
  last: number;
  base: number;
  reason: string;
  /** Written in lower case: city names after it may be lower case too. */
  lower: boolean;
  /** A weak shape: also lowered by order/ticket words nearby. */
  weak: boolean;
  /** The core already ends with its postcode: the tail takes no other. */
  postcode?: boolean;
}

/** Month names and abbreviations: English, German, French, Spanish. */
const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec januar februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre'.split(
    ' ',
  ),
);

/** Compass points after an English street type ("Pennsylvania Ave NW"), as written. */
const DIRECTIONS = new Set(
  'N S E W NE NW SE SW North South East West Northeast Northwest Southeast Southwest'.split(' '),
);

/** Lower-case words that may follow a street line without making it prose. */
const AFTER_STREET_OK = new Set(
  'in near at and or by off on next between across opposite is was to from with for where which until since please instead as but if so then last this after before tomorrow today yesterday bis ter et y e und en st nan street road avenue most every around tonight now again already too asap abgegeben geliefert geschickt wohne wohnt still will would has had have attached also because when while via thanks thank unless anymore never right are were should could can may might must does did do'.split(
    ' ',
  ),
);

/**
 * German types written as the last part of a hyphenated name: "Karl-Arnold-Str. 65",
 * "Lindenallee" written "Linden-Allee 5". Only types that are also in an anchor list can be
 * here: suffixThenNumber runs on anchor words only.
 */
const GLUED_TYPES = new Set('allee promenade str straße strasse weg'.split(' '));

/** German street names made of a preposition and a noun: "Am Markt 3", "An der Alster 5". */
const GERMAN_PREPOSITIONS = new Set(
  'Am Im An Auf Zum Zur In Unter Hinter Vor Bei Alt Alte Neue Neuer Hohe Lange'.split(' '),
);
const GERMAN_ARTICLES = new Set('der dem den die das'.split(' '));

// Address words before a value: they raise a street line and make a weak shape count. Neither
// this pattern nor NON_ADDRESS_NEAR may match a line break: CueIndex scans them line by line.
// The phrases after a word boundary are grouped by first letter (byFirstLetter), which finds the
// same matches as their plain alternation several times faster; "adresse" and "anschrift" also
// end compounds ("Lieferadresse").
const ADDRESS_CUE = new RegExp(
  `\\b${byFirstLetter([
    'address(?:es)?\\b',
    'address_?(?:line)?_?[12]\\b',
    'street(?:_?address)?["\']?\\s?[:=]',
    'wohnhaft\\b',
    'wohnen?\\b',
    'wohnt\\b',
    'liefer(?:n|ung|t)?\\b[^\\n]{0,20}\\ban\\b',
    'senden\\b[^\\n]{0,20}\\ban\\b',
    'schicken\\b[^\\n]{0,20}\\ban\\b',
    'vivo en\\b',
    'vivimos en\\b',
    'vive en\\b',
    'env[ií](?:a|e|en|ar)\\b[^\\n]{0,25}\\ba\\b',
    'habite\\b',
    'domicili',
    'i am at\\b',
    "i'm at\\b",
    'we are at\\b',
    "we're at\\b",
    'left (?:it |them |(?:the|your|my) [\\w-]+ )?at\\b',
    'pick-?up point\\b',
    'warehouse\\b',
    'offices? at\\b',
    'delivery (?:failed|attempted|attempt) (?:for|at|to)\\b',
    'should go to\\b',
    'must go to\\b',
    'will go to\\b',
    'delivered (?:to|at)\\b',
    'entregaron en\\b',
    'suelo estar en\\b',
    'direcci[oó]n\\b',
    'indirizzo\\b',
    'endere[cç]o\\b',
    'morada\\b',
    'adres\\b',
    'osoite\\b',
    'adresa\\b',
    'c[ií]m\\b',
    'liv(?:e|es|ed|ing) (?:at|on|in)\\b',
    'located (?:at|on|in)\\b',
    'resid(?:e|es|ing) (?:at|in|on)\\b',
    'ship(?:s|ped|ping)? (?:[\\w-]+ ){0,3}to\\b',
    'deliver(?:ed|y)? (?:[\\w-]+ ){0,3}to\\b',
    'sen[dt] (?:[\\w-]+ ){0,3}to\\b',
    'mail(?:ed|ing)? (?:[\\w-]+ ){0,3}to\\b',
    'mov(?:e|ed|ing) to\\b',
    'corner of\\b',
    'return(?:ed)? (?:it |this |them )?to\\b',
    'drops? (?:you |me )?off at\\b',
    'meet (?:me |you |us )?at\\b',
    'taxi to\\b',
    'offices? (?:is|are) (?:at|on|in)\\b',
    'bill(?:ing)? to\\b',
    'invoice[ds]? (?:to|for)\\b',
    'stop by\\b',
    'drop by\\b',
    'billing\\b',
    'shipping\\b',
    'mailing\\b',
    'postal\\b',
    'remit to\\b',
    'visit us at\\b',
    'find us at\\b',
    'stay(?:ing)? at\\b',
    'side of\\b',
    'enter on\\b',
    'station is on\\b',
    'pick(?:ed)? up (?:from|at)\\b',
    'home is\\b',
    'where (?:i|we) live\\b',
  ])}|adresse\\b|anschrift\\b`,
  'gi',
);

/** Endings of street names made of one adjective or genitive (see finish). */
const STREET_ADJECTIVE = /\p{L}{3}(?:sk[aáéý]|ck[áéý]|čka|ov[áa]|ovo|ска|ου)$/u;

/** An address word later in the same sentence (see finish). */
const ADDRESS_AFTER =
  /^[^.!?\n]{0,40}?\b(?:(?:home|billing|shipping|delivery|postal|mailing|new|correct|current|old) address|adresse|direcci[oó]n|indirizzo|adres|anschrift)\b/i;

// Order, tracking, invoice and similar words: a weak shape beside them is an identifier.
const NON_ADDRESS_NEAR = new RegExp(
  `\\b${byFirstLetter(
    'order tracking shipment parcel invoice ticket case ref reference sku item product part model serial version build release commit request transaction confirmation booking reservation batch lot page line row port job run step chapter section episode season level room gate flight platform terminal table figure'.split(
      ' ',
    ),
  )}\\b`,
  'gi',
);

// The patterns of the regex cores below are sticky: regexCores tries them only where a match
// can start (Starts).
// Postcode keywords: "ZIP: 4943", "my zip code is 2371", "PLZ 10115", "code postal 75002".
const POSTCODE_KEYWORD =
  /\b(?:zip(?:\s?code)?|postcode|post\s?code|postal\s?code|plz|code\s?postal|c[oó]digo\s?postal|cap|cep|postnummer|postinumero|postleitzahl)\b(?:\s{0,3}(?:is|was|=|:|#|-|no\.?)){0,2}\s{0,3}/iy;

// Military addresses: "PSC 0725, Box 6031 / APO AP 99241", "Unit 5477 Box 8244 / DPO AP 15730",
// and ships: "USNV Vincent / FPO AA 68422".
const MILITARY =
  /(?<![\p{L}\p{N}])(?:(?:PSC|CMR|Unit)\s{1,3}\d{1,5},?\s{1,3}Box\s{1,3}\d{1,5}|(?:USNS|USNV|USS|USCGC)\s{1,3}[\p{L}][\p{L}'.-]{0,30}(?:[ \t]{1,2}[\p{L}][\p{L}'.-]{0,30}){0,2})[ \t]{0,3},?[ \t]{0,3}\n?[ \t>]{0,4}[ADF]PO[ \t]{1,2}A[AEP][ \t]{1,2}\d{5}(?:-\d{4})?(?![\p{L}\p{N}])/iuy;

// A bare military postcode line: "APO AE 09012".
const MILITARY_LINE =
  /(?<![A-Za-z0-9])[ADF]PO[ \t]{1,2}A[AEP][ \t]{1,2}\d{5}(?:-\d{4})?(?![A-Za-z0-9])/y;

/** Compound endings indexed by their last two characters, so a word is checked in O(1). */
const ENDINGS_BY_TAIL = new Map<string, string[]>();
for (const e of COMPOUND_ENDINGS) {
  const key = e.slice(-2);
  const list = ENDINGS_BY_TAIL.get(key);
  if (list) list.push(e);
  else ENDINGS_BY_TAIL.set(key, [e]);
}

/** Countries indexed by first word. */
const COUNTRIES_BY_FIRST = new Map<string, string[][]>();
for (const c of COUNTRIES) {
  const words = c.split(' ');
  const list = COUNTRIES_BY_FIRST.get(words[0]!);
  if (list) list.push(words);
  else COUNTRIES_BY_FIRST.set(words[0]!, [words]);
}
for (const list of COUNTRIES_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

function compoundEnding(low: string): string | undefined {
  const list = ENDINGS_BY_TAIL.get(low.slice(-2));
  if (!list) return undefined;
  for (const e of list) if (low.length >= e.length + 2 && low.endsWith(e)) return e;
  return undefined;
}

// Patterns the functions below test per token, core or match in every scan. Module-level: a
// regex literal inside a function makes a new RegExp object each time it runs.
// Types that may be capitalised ("Carolines Gata 4", "Henrikssons Väg 4"): no English word.
const BARE_STREET_WORD =
  /^(?:stra(?:ß|ss)e|straat|laan|weg|katu|vej|vei|veg|gade|gata|väg|gränd|utca|iela|tänav|str|sokak|sokağı|caddesi|cadde|cad|bulvarı|bulvar|blv|gatan|vägen|tie|kuja|polku)$/;
const ELIDED_CAPITAL = /^[dl]['’]\p{Lu}/u;
const ZIP_SHAPE = /^\d{5}(?:-\d{4})?$|^[A-Z]\d[A-Z] ?\d[A-Z]\d$|^\d{4}$/;
/** "BP 12", "B.P. 12": the French boîte postale's abbreviation. */
const BOITE_POSTALE = /^B\.?P\b/i;
const BARE_BOX = /^box/i;
const THREE_DIGITS = /^\d{3}(?![\p{L}\p{N}])/u;
const NUMBER_WORD = /^(?:no|nr|nº)$/i;
/** A number's label after a city's words ("Social Security No."); not Norway's "NO". */
const NUMBER_LABEL = /^(?:No|no|Nr|nr|Nº|nº|[Nn]umber|NUMBER|ID)$/;
const ONLY_SPACE_OR_COLON = /^[\s:]*$/;
const SENTENCE_END = /[.!]\s|\n\s*\n/;
const CORNER_OF = /corner of\s{1,3}$/i;

/** The unit words that end a numberNameUnit line ("2505 Heatherleigh Suite 620"). */
const NAME_UNIT_WORDS = new Set('apt apartment suite ste unit flat'.split(' '));

// The word table the tokenizer classifies every word with, one flag per word list. A flag only
// says the hash of the word's lower case is that of a listed word; the exact tests below still
// decide, so a hash collision costs time, never a different result.
const WORDS = new WordFlags();
/** The word list of each flag that inSet asks about. */
const LISTS = new Map<number, ReadonlySet<string>>();

/** A new flag for the words of `set`, which inSet checks a word against. */
function listFlag(set: ReadonlySet<string>): number {
  const f = WORDS.flag(set);
  LISTS.set(f, set);
  return f;
}

/** A street type written before the name (prefixStreet). */
const F_PREFIX = WORDS.flag(PREFIX_TYPES);
/** A street type written after the name (suffixThenNumber). */
const F_SUFFIX = WORDS.flag([
  ...SEPARATE_SUFFIX_TYPES,
  ...STRONG_SUFFIX_TYPES,
  ...WEAK_SUFFIX_TYPES,
  ...GLUED_TYPES,
]);
/** A German preposition that starts a street name (germanPreposition checks the case). */
const F_GERMAN = WORDS.flag([...GERMAN_PREPOSITIONS].map((w) => w.toLowerCase()));
/** A word that ends with a compound ending after two letters or more (compoundEnding). */
const F_TAIL = WORDS.tailFlag(COMPOUND_ENDINGS);
/** A street type after the name or a unit word: numberFirstStreet needs one after its number. */
const F_HINT = WORDS.flag([...STRONG_SUFFIX_TYPES, ...WEAK_SUFFIX_TYPES, ...NAME_UNIT_WORDS]);
/**
 * Every way PO_BOX can start, as the run of letters at its start: "P.O. Box", "PO Box",
 * "POBox", "Post Office Box", "BP", "B.P.", and each form with "No" glued to it ("BoxNo 5").
 */
const F_PO = WORDS.flag(
  'p po pobox post postoffice postofficebox postfach apartado casilla caixa b bp postbus postboks postbox box'
    .split(' ')
    .flatMap((w) => [w, w + 'no']),
);
/** The first word of a military address (MILITARY). */
const F_MIL = WORDS.flag('psc cmr unit usns usnv uss uscgc'.split(' '));
/** Every way POSTCODE_KEYWORD can start, as the run of letters at its start. */
const F_KEY = WORDS.flag(
  'zip zipcode postcode post postal postalcode plz code codepostal codigo codigopostal cap cep postnummer postinumero postleitzahl'.split(
    ' ',
  ),
);
/** "APO", "DPO", "FPO" in any case (MILITARY_LINE checks the case). */
const F_APO = WORDS.flag(['apo', 'dpo', 'fpo']);
/** A region code in any case (REGION_CODES checks the case). */
const F_REGION = WORDS.flag([...REGION_CODES].map((c) => c.toLowerCase()));
/** The first word of a country (COUNTRIES_BY_FIRST). */
const F_COUNTRY = WORDS.flag(COUNTRIES_BY_FIRST.keys());
// The word lists the scanner asks about most, for inSet.
const F_LABEL = listFlag(NUMBER_LABELS);
const F_NOT_CITY = listFlag(NOT_A_CITY);
const F_PROSE = listFlag(PROSE_AFTER_NUMBER);
const F_UNIT = listFlag(UNIT_WORDS);
const F_WEAK_UNIT = listFlag(WEAK_UNIT_WORDS);
const F_MONTH = listFlag(MONTHS);
const F_PARTICLE = listFlag(NAME_PARTICLES);
const F_HOUSE_SUFFIX = listFlag(HOUSE_NUMBER_SUFFIXES);
const F_AFTER_OK = listFlag(AFTER_STREET_OK);
const F_STRONG = listFlag(STRONG_SUFFIX_TYPES);
const F_WEAK_TYPE = listFlag(WEAK_SUFFIX_TYPES);
const F_REGION_NAME = listFlag(REGION_NAMES);
// The words the main loop of scanTokens acts on.
WORDS.marking =
  F_PREFIX | F_SUFFIX | F_GERMAN | F_TAIL | F_HINT | F_PO | F_MIL | F_KEY | F_APO | F_REGION;

/**
 * Whether token i, in lower case, is in the list of `flag` (listFlag). A word without the flag
 * is not, which is decided without making its lower case; numbers and punctuation have no
 * flags, and no list holds their text.
 */
function inSet(t: Tokens, i: number, flag: number): boolean {
  return (t.flags(i) & flag) !== 0 && LISTS.get(flag)!.has(t.low(i));
}

/**
 * How many tokens after its number numberFirstStreet can look for a street type or a unit: the
 * house number spans at most 6 tokens ("12-14 bis" or "14 A 5"), then up to 7 name steps of at
 * most 2 tokens each (an ordinal), with a margin.
 */
const NUMBER_REACH = 24;

/**
 * Where each regex core can start, collected during the token loop so that the regexes run
 * only there (sticky) instead of over the whole text. A match of PO_BOX, MILITARY,
 * MILITARY_LINE or POSTCODE_KEYWORD starts with an ASCII letter that no letter or digit
 * precedes: at the start of an ASCII word with the flag of the regex (F_PO, F_MIL, F_APO,
 * F_KEY), or somewhere inside a word with a character above ASCII or an apostrophe (every
 * position of such a word whose letter can start the regex is a candidate). A match of UK_POSTCODE_SPACED or
 * CA_POSTCODE starts one or two capital letters before the first digit of a number.
 */
interface Starts {
  po: Positions;
  mil: Positions;
  milLine: Positions;
  key: Positions;
  postcode: Positions;
}

/**
 * A list of text positions that is cleared and refilled for each text and keeps its capacity:
 * five fresh arrays a scan, grown push by push, cost about 0.4 KB a scan of a 2 KB prompt. The
 * first `n` entries of `at` are the list.
 */
class Positions {
  readonly at: number[] = [];
  n = 0;

  push(p: number): void {
    this.at[this.n++] = p;
  }
}

/** The Starts of the scan under way (scanTokens is never re-entered), emptied at its start. */
const STARTS: Starts = {
  po: new Positions(),
  mil: new Positions(),
  milLine: new Positions(),
  key: new Positions(),
  postcode: new Positions(),
};

/** Adds the candidate starts inside word token i, which has a character above ASCII. */
function wideStarts(t: Tokens, i: number, starts: Starts): void {
  const text = t.text;
  for (let p = t.start(i), e = t.end(i); p < e; p++) {
    // Inside the word, a regex can start only after a character that is not an ASCII letter
    // (an apostrophe, or a letter or mark above ASCII): every one of them needs a start that
    // no ASCII letter precedes.
    if (p > t.start(i)) {
      const b = text.charCodeAt(p - 1);
      if (b < 128 && b !== 39) continue;
    }
    const u = text.charCodeAt(p);
    const c = u | 32;
    // Only these ASCII letters start the regexes, in any case (no other character folds to
    // them, also under Unicode case folding).
    if (c === 112 || c === 97 || c === 99 || c === 98) starts.po.push(p); // p a c b
    if (c === 112 || c === 99 || c === 117) starts.mil.push(p); // p c u
    if (u === 65 || u === 68 || u === 70) starts.milLine.push(p); // A D F
    if (c === 122 || c === 112 || c === 99) starts.key.push(p); // z p c
  }
}

/** Scans `text` for addresses. */
export function scanAddresses(text: string): AddressHit[] {
  const t = new Tokens(text, WORDS);
  try {
    return scanTokens(t);
  } finally {
    t.release();
  }
}

function scanTokens(t: Tokens): AddressHit[] {
  const text = t.text;
  const cores: Core[] = [];
  const n = t.length;
  const starts = STARTS;
  starts.po.n = starts.mil.n = starts.milLine.n = starts.key.n = starts.postcode.n = 0;
  // The first hint word after the current number (beyond NUMBER_REACH past the end when there
  // is none): a number-first street line needs one within NUMBER_REACH tokens after its number,
  // so numbers with none nearby skip that (costly) test. Hint words have flags, so they are
  // among the marked tokens, and each search starts where the last one stopped.
  let hintAt = -1;
  let hintMark = 0;
  // Only numbers and the words WORDS.marking marks can start a core: the loop visits the marked
  // tokens.
  const marks = t.marks;
  for (let m = 0; m < marks; m++) {
    const i = t.marked(m);
    const f = t.flags(i);
    const st = t.start(i);
    if (f === 0) {
      // A marked word has flags: this is a number.
      const en = t.end(i);
      if (st > 0) {
        const b = text.charCodeAt(st - 1);
        if (b >= 65 && b <= 90) {
          const b2 = st > 1 ? text.charCodeAt(st - 2) : 0;
          starts.postcode.push(b2 >= 65 && b2 <= 90 ? st - 2 : st - 1);
        }
      }
      // Only numbers of up to five digits can be house numbers or postcodes.
      if (en - st > 6) continue;
      if (hintAt <= i) {
        if (hintMark <= m) hintMark = m + 1;
        hintAt = n + NUMBER_REACH + 1;
        for (; hintMark < marks; hintMark++) {
          const j = t.marked(hintMark);
          if ((t.flags(j) & F_HINT) !== 0) {
            hintAt = j;
            break;
          }
        }
      }
      if (hintAt - i <= NUMBER_REACH) pushCore(cores, numberFirstStreet(t, i));
      // The first tests of weakShape and postcodeCity, which most numbers fail.
      if (t.isCap(i - 1) && !t.touches(i - 1)) pushCore(cores, weakShape(t, i));
      if (t.isCap(i + 1)) pushCore(cores, labelledStreet(t, i));
      if (en - st === 5) pushCore(cores, postcodeCity(t, i));
      continue;
    }
    // A word: where the regex cores may start in it, then the street cores its lists allow.
    if (t.wide(i)) {
      wideStarts(t, i, starts);
    } else {
      if ((f & F_PO) !== 0) starts.po.push(st);
      if ((f & F_MIL) !== 0) starts.mil.push(st);
      if ((f & F_APO) !== 0) starts.milLine.push(st);
      if ((f & F_KEY) !== 0) starts.key.push(st);
    }
    // Each street core needs its word in its own list; the function checks the word itself.
    if ((f & (F_PREFIX | F_SUFFIX | F_TAIL)) !== 0) {
      const lw = t.low(i);
      if ((f & F_PREFIX) !== 0) pushCore(cores, prefixStreet(t, i, lw));
      if ((f & F_SUFFIX) !== 0) pushCore(cores, suffixThenNumber(t, i, lw));
      if ((f & F_TAIL) !== 0) pushCore(cores, compoundStreet(t, i, lw));
    }
    if ((f & F_GERMAN) !== 0) pushCore(cores, germanPreposition(t, i));
    // Region codes are two or three upper-case ASCII letters.
    if (
      (f & F_REGION) !== 0 &&
      isUpperAscii(text.charCodeAt(st)) &&
      isUpperAscii(text.charCodeAt(st + 1)) &&
      REGION_CODES.has(t.str(i))
    )
      pushCore(cores, cityStateZip(t, i));
  }
  regexCores(t, cores, starts);

  const hits: AddressHit[] = [];
  if (cores.length === 0) return hits;
  const wholeText = hasLongLine(text);
  const cues: Cues = {
    address: new CueIndex(text, ADDRESS_CUE, wholeText),
    other: new CueIndex(text, NON_ADDRESS_NEAR, wholeText),
  };
  for (const core of cores) {
    const hit = finish(t, core, cues);
    if (hit) hits.push(hit);
  }
  return merge(hits);
}

function pushCore(cores: Core[], c: Core | null): void {
  if (c) cores.push(c);
}

/** A postcode whose digits are all zeros. */
const ZEROS_CODE = /^(?:[A-Z]{1,2}-)?0+(?:[ -]?0+)*(?: ?[A-Z]{2})?$/;

// ---------------------------------------------------------------------------------------------
// House numbers and name words

/** The last token of a house number starting at token i ("12", "221B", "12-14", "3 bis"), or -1. */
function houseNumber(t: Tokens, i: number, maxDigits = 5, labelled = true): number {
  if (!t.isNum(i)) return -1;
  const text = t.text;
  const st = t.start(i);
  const en = t.end(i);
  const lastCode = text.charCodeAt(en - 1);
  const digits = lastCode > 57 ? en - st - 1 : en - st;
  if (digits > maxDigits) return -1;
  const b1 = text.charCodeAt(st - 1);
  const b2 = text.charCodeAt(st - 2);
  // Part of a decimal, a date, a time, a phone number or a price.
  if (isJoiner(b1) && isDigit(b2) && !(b1 === 44 && csvCell(text, st, en))) return -1;
  if (isMoney(b1) || b1 === 43 || ((b1 === 32 || b1 === 160) && isMoney(b2))) return -1;
  // A minus sign: "waitpid(-1, os.WNOHANG)", "seek(-32, os.SEEK_END)".
  if (b1 === 45 && (b2 === 40 || b2 === 32 || b2 === 61 || b2 === 44 || st === 1)) return -1;
  const a1 = text.charCodeAt(en);
  const a2 = text.charCodeAt(en + 1);
  if ((a1 === 46 || a1 === 44 || a1 === 58) && isDigit(a2)) return -1;
  // Percent, degrees, inches and feet: a measure. (A straight double quote before a comma, a
  // bracket or the line's end closes a string: '{"street": "Calle Mayor 5"}'.)
  if (
    a1 === 37 ||
    a1 === 176 ||
    (a1 === 34 && !closesString(a2)) ||
    a1 === 0x201d ||
    a1 === 0x2033 ||
    a1 === 0x2032
  )
    return -1;
  // Glued to a word ("CC0", "v2"), or zero: not a house number.
  if (isLetterBefore(text, st)) return -1;
  if (allZeros(text, st, en)) return -1;
  if (labelled && isLabelled(t, i)) return -1;
  if (digits === 4 && isYearInProse(t, i)) return -1;
  let last = i;
  if ((a1 === 45 || a1 === 47) && t.touches(i) && t.touches(i + 1) && t.isNum(i + 2)) {
    if (t.end(i + 2) - t.start(i + 2) <= 4) last = i + 2;
    else return -1;
    // "12-14" is a range; "12-14-2023" is a date.
    const c = text.charCodeAt(t.end(i + 2));
    if (c === 45 || c === 47 || c === 46) return -1;
  }
  if (inSet(t, last + 1, F_HOUSE_SUFFIX)) last += 1;
  // A Dutch floor or part after a hyphen: "482-III", "221-H", "13-hs".
  else if (
    last === i &&
    a1 === 45 &&
    t.touches(i) &&
    t.touches(i + 1) &&
    t.isWord(i + 2) &&
    /^(?:I{1,3}|IV|[A-H]|hs|huis|bis)$/.test(t.str(i + 2)) &&
    !(t.touches(i + 2) && (t.isNum(i + 3) || t.isPunct(i + 3, '-')))
  )
    last = i + 2;
  // A staircase or entrance letter, and a flat number after it: "14 A 5", "12 B".
  const l = last + 1;
  if (t.isWord(l) && t.end(l) - t.start(l) === 1 && t.isUpper(l) && t.str(l) !== 'I') {
    const nk = t.kind(l + 1);
    // Not before an ordinal: in "3849 N 4th Street" the letter is a compass point.
    if (
      nk === 1 &&
      t.end(l + 1) - t.start(l + 1) <= 3 &&
      !t.isPunct(l + 2, '-') &&
      ordinal(t, l + 1) < 0
    )
      last = l + 1;
    else if (nk === -1 || nk === 2 || t.isPunct(l + 1, ',')) last = l;
  } else if (
    // A German house number's letter in lower case, set apart: "Bahnhofstr. 30 b, 04109".
    t.isWord(l) &&
    t.end(l) - t.start(l) === 1 &&
    /[a-h]/.test(t.str(l)) &&
    (t.kind(l + 1) === -1 || t.kind(l + 1) === 2 || t.isPunct(l + 1, ','))
  ) {
    last = l;
  }
  return last;
}

/** Whether the number token text[st, en) has only zero digits ("0", "00", "0A"). */
/** Whether the character after a double quote (NaN at the end) shows the quote closes a string. */
function closesString(c: number): boolean {
  return Number.isNaN(c) || c === 44 || c === 125 || c === 93 || c === 59 || c === 10 || c === 13;
}

function allZeros(text: string, st: number, en: number): boolean {
  for (let k = st; k < en; k++) {
    const c = text.charCodeAt(k);
    if (c >= 49 && c <= 57) return false;
  }
  return true;
}

function isLetterBefore(text: string, pos: number): boolean {
  if (pos === 0) return false;
  const c = text.charCodeAt(pos - 1);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(text[pos - 1]!);
}

// A year after a copyright sign or a time preposition: "(c) 2013 Gary Court", "in 2019 Main
// Street was closed".
const YEAR_CONTEXT =
  /(?:copyright|\(c\)|©|\b(?:in|since|until|till|from|by|during|of|year|circa|ca\.))\s{0,3}$/i;

function isYearInProse(t: Tokens, i: number): boolean {
  // Four digits starting "19" or "20" (a number token is digits and at most one letter, so
  // four characters ending with a digit are four digits).
  const text = t.text;
  const st = t.start(i);
  if (t.end(i) - st !== 4 || text.charCodeAt(st + 3) > 57) return false;
  const c0 = text.charCodeAt(st);
  const c1 = text.charCodeAt(st + 1);
  if (!((c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48))) return false;
  return YEAR_CONTEXT.test(t.text.slice(Math.max(0, t.start(i) - 12), t.start(i)));
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether the number at [st, en) opens a cell of a comma-separated row, after a cell that ends
 * in digits ("...,+353 85 564 0128,45 Dame Street,Dublin 2"), not a decimal's fraction ("1,45
 * EUR"): a capital follows after one space, and the line holds three commas or more with no
 * space after any of them.
 */
function csvCell(text: string, st: number, en: number): boolean {
  if (text.charCodeAt(en) !== 32) return false;
  const c = text.charCodeAt(en + 1);
  if (!(c >= 65 && c <= 90)) return false;
  const from = text.lastIndexOf('\n', st) + 1;
  let to = text.indexOf('\n', st);
  if (to < 0) to = text.length;
  let commas = 0;
  for (let k = text.indexOf(',', from); k >= 0 && k < to; k = text.indexOf(',', k + 1)) {
    if (text.charCodeAt(k + 1) === 32) return false;
    commas++;
  }
  return commas >= 3;
}

/** . , : / - */
function isJoiner(c: number): boolean {
  return c === 46 || c === 44 || c === 58 || c === 47 || c === 45;
}

function isDigitOrJoiner(c: number): boolean {
  return isDigit(c) || isJoiner(c);
}

/** Whether text[start, end) has an ASCII digit. */
function hasDigit(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isDigit(text.charCodeAt(k))) return true;
  return false;
}

/** $ € £ ¥ */
function isMoney(c: number): boolean {
  return c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5;
}

/** Whether the word right before token i labels it as another kind of number ("Step 3"). */
function isLabelled(t: Tokens, i: number): boolean {
  let p = i - 1;
  // Skip "#", ":" and "." between the label and the number ("Order #123", "No. 5").
  for (let k = 0; k < 2 && p >= 0 && t.kind(p) === 3; k++) {
    const ch = t.text[t.start(p)];
    if (ch !== '#' && ch !== ':' && ch !== '.') break;
    p--;
  }
  return inSet(t, p, F_LABEL);
}

/** An ordinal such as "5th" or "42nd" starting at i: returns its last token, or -1. */
function ordinal(t: Tokens, i: number): number {
  if (!t.isNum(i) || !t.touches(i) || !t.isWord(i + 1) || t.end(i + 1) - t.start(i + 1) > 3)
    return -1;
  return /^(?:st|nd|rd|th|e|er|ème|a|o|º|ª)$/i.test(t.str(i + 1)) ? i + 1 : -1;
}

/** Whether word token i can be part of a street or city name in the given case mode. */
function nameWord(t: Tokens, i: number, lower: boolean): boolean {
  if (!t.isWord(i)) return false;
  if (lower) {
    if (!t.isLower(i)) return false;
    return !inSet(t, i, F_NOT_CITY) && !inSet(t, i, F_PROSE) && !inSet(t, i, F_UNIT);
  }
  if (!t.isCap(i)) return false;
  if (codeCased(t, i)) return false;
  if (t.isUpper(i) && inSet(t, i, F_PROSE)) return false;
  if (inSet(t, i, F_NOT_CITY) && t.low(i) !== 'the') return false;
  if (inSet(t, i, F_UNIT) && !inSet(t, i, F_WEAK_UNIT)) return false;
  return true;
}

/**
 * Whether capitalised word token i is cased as software and brands are, not as streets and
 * towns: a small letter after two capitals or more ("ESLint", "JSONParser"), or a capital
 * inside the word after a small letter ("GitHub", "PostgreSQL"; not at its end), except after
 * the prefixes of names ("McKinley", "MacArthur", "DeKalb", "LaSalle").
 */
function codeCased(t: Tokens, i: number): boolean {
  const text = t.text;
  const s = t.start(i);
  const e = t.end(i);
  let lowerSeen = -1;
  for (let k = s + 1; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) {
      // "ESLint": a small letter after two capitals or more (not "O'Neill": an apostrophe).
      if (
        lowerSeen < 0 &&
        k - s >= 2 &&
        isUpperAscii(text.charCodeAt(k - 1)) &&
        isUpperAscii(text.charCodeAt(k - 2))
      ) {
        return true;
      }
      lowerSeen = k;
    } else if (isUpperAscii(c) && lowerSeen >= 0 && k + 1 < e) {
      return !NAME_PREFIX_CASE.test(text.slice(s, k));
    }
  }
  return false;
}
const NAME_PREFIX_CASE = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)$/;

/** Whether the word after a house number makes it a quantity ("2 times", "5 pm", "3 GB"). */
function proseAfter(t: Tokens, last: number): boolean {
  const nx = last + 1;
  if (!t.isWord(nx)) return false;
  // A unit abbreviation with its dot and number is a flat: "Czajka 53a m. 221".
  if (t.isPunct(nx + 1, '.') && t.touches(nx) && t.isNum(nx + 2) && inSet(t, nx, F_UNIT)) {
    return false;
  }
  return inSet(t, nx, F_PROSE) && (t.isLower(nx) || t.isUpper(nx));
}

/** Skips a dot glued to token i ("St.", "u."): returns the last token. */
function withDot(t: Tokens, i: number): number {
  return t.isPunct(i + 1, '.') && t.touches(i) ? i + 1 : i;
}

// ---------------------------------------------------------------------------------------------
// Cores

/** "1600 Pennsylvania Ave NW", "10 Downing Street", "3911 fourth avenue". */
function numberFirstStreet(t: Tokens, i: number): Core | null {
  const hn = houseNumber(t, i);
  if (hn < 0) return null;
  let j = hn + 1;
  // Two letters or more glued to the number make a code, not a house number ("CM7 4TR. GP Dr
  // Rebecca Sinclair": a postcode's inward part, then a doctor).
  if (t.isWord(j) && t.touches(hn) && t.end(j) - t.start(j) >= 2) return null;
  // "12, Park Street" (India, Ireland): a comma after the number, then a capitalised street
  // with a strong type; weak until a town, a postcode or a cue confirms it.
  const comma = t.isPunct(j, ',');
  if (comma) {
    if (!t.isCap(j + 1)) return null;
    j++;
  }
  const lower = t.isLower(j);
  let names = 0;
  let best = -1;
  let strong = false;
  for (let steps = 0; steps < 7 && j < t.length; steps++) {
    if (t.kind(j) === 3) {
      const ch = t.text[t.start(j)];
      if ((ch === '.' || ch === '-' || ch === "'") && t.touches(j - 1)) {
        j++;
        continue;
      }
      break;
    }
    const ord = ordinal(t, j);
    if (ord >= 0) {
      names++;
      j = ord + 1;
      continue;
    }
    if (!t.isWord(j)) break;
    // A day's number and its month ending a sentence is a date: "Tue, 21 May. Track at ...".
    if (
      names === 0 &&
      inSet(t, j, F_MONTH) &&
      t.isPunct(j + 1, '.') &&
      t.end(hn) - t.start(i) <= 2
    ) {
      return null;
    }
    const isStrong = inSet(t, j, F_STRONG);
    // A type glued to a hyphen is part of a compound word ("24 Hour Drive-Thru").
    const glued = t.touches(j) && (t.isPunct(j + 1, '-') || t.isNum(j + 1) || t.isWord(j + 1));
    if (names >= 1 && (isStrong || inSet(t, j, F_WEAK_TYPE)) && t.isLower(j) === lower && !glued) {
      // Abbreviations of types that are also words need care: "Dr" and "St" before a
      // capitalised name are titles ("Dr. Smith", "St. John"), unless a type follows.
      best = j;
      strong = isStrong;
      names++;
      j++;
      continue;
    }
    if (
      !nameWord(t, j, lower) &&
      !(names > 0 && inSet(t, j, F_PARTICLE) && t.isLower(j)) &&
      !surnameBeforeType(t, j, names, lower)
    ) {
      break;
    }
    names++;
    j++;
  }
  if (best < 0) return comma ? null : numberNameUnit(t, i, hn, lower);
  if (comma && !strong) return null;
  let last = withDot(t, best);
  if (!lower && t.isWord(last + 1) && DIRECTIONS.has(t.str(last + 1))) last = withDot(t, last + 1);
  let base = lower ? (strong ? 0.4 : 0.2) : strong ? 0.65 : 0.35;
  const nx = last + 1;
  if (t.isLower(nx) && !inSet(t, nx, F_AFTER_OK) && !inSet(t, nx, F_UNIT)) base -= 0.25;
  // A weak type after a house number of three to five digits and one or two names, closing
  // the clause, followed by a word of AFTER_STREET_OK or by a unit: "332 Harvey Keys?", "86533
  // Langosh Point,", "325 Crooks Hollow yesterday", "4027 Oak Creek Apt. 109" (a count is
  // rarely that long and then followed by two capitalised words and a street type).
  else if (
    !lower &&
    !strong &&
    names <= 3 &&
    // One or two digits only where no capitalised word stands before the number: "3 Gunnar
    // Ridge", not "Level 3 Data Center" or "Chapter 2 Hidden Valley"; and before a name, not a
    // type word: "3 Key Points" is a count.
    (t.end(hn) - t.start(i) >= 3 ||
      (names <= 2 && !t.isCap(i - 1) && !t.isNum(i - 1) && (t.flags(hn + 1) & F_HINT) === 0)) &&
    !YEAR.test(t.str(i)) &&
    (!t.isWord(nx) || inSet(t, nx, F_AFTER_OK) || (inSet(t, nx, F_UNIT) && unitAt(t, nx) >= 0)) &&
    !t.isNum(nx)
  ) {
    base = 0.5;
  }
  if (comma)
    return { first: i, last, base: Math.min(base, 0.3), reason: 'street', lower, weak: true };
  return { first: i, last, base, reason: 'street', lower, weak: !strong };
}

/**
 * Whether capitalised token j, first after a house number, is a word of NOT_A_CITY that is also
 * a surname streets are named after, right before a capitalised street type: "4027 Will
 * Street", "12 Best Road".
 */
function surnameBeforeType(t: Tokens, j: number, names: number, lower: boolean): boolean {
  return (
    names === 0 &&
    !lower &&
    t.isCap(j) &&
    !t.isUpper(j) &&
    inSet(t, j, F_NOT_CITY) &&
    t.isCap(j + 1) &&
    (inSet(t, j + 1, F_STRONG) || inSet(t, j + 1, F_WEAK_TYPE))
  );
}

/**
 * "2505 Heatherleigh Suite 620": a house number and a capitalised name without a street type,
 * followed by a unit. Weak on its own; the unit and what follows decide.
 */
function numberNameUnit(t: Tokens, i: number, hn: number, lower: boolean): Core | null {
  if (lower) return null;
  let j = hn + 1;
  let names = 0;
  while (names < 3 && t.isCap(j) && nameWord(t, j, false)) {
    names++;
    j++;
  }
  if (names === 0) return null;
  const lw = t.low(j);
  if (!NAME_UNIT_WORDS.has(lw) || unitAt(t, j) < 0) return null;
  return { first: i, last: j - 1, base: 0.4, reason: 'street', lower: false, weak: true };
}

/** "Karl Johans gate 22", "Wesselényi u. 94", "Baker Street 221B", "Augsburger Strasse 36". */
function suffixThenNumber(t: Tokens, j: number, lw: string): Core | null {
  const separate =
    SEPARATE_SUFFIX_TYPES.has(lw) ||
    (GLUED_TYPES.has(lw) && t.isPunct(j - 1, '-') && t.touches(j - 1));
  const english = STRONG_SUFFIX_TYPES.has(lw) || WEAK_SUFFIX_TYPES.has(lw);
  if (!separate && !english) return null;
  // Nordic and Hungarian types are written in lower case; German ones may be capitalised.
  if (
    separate &&
    !english &&
    !t.isLower(j) &&
    !BARE_STREET_WORD.test(lw) &&
    !(GLUED_TYPES.has(lw) && t.isPunct(j - 1, '-') && t.touches(j - 1))
  ) {
    return null;
  }
  if (english && !separate && !t.isCap(j)) return null;
  if (english && separate && !t.isLower(j) && !t.isCap(j)) return null;
  if (lw === 'u' && !t.isPunct(j + 1, '.')) return null;
  // Walk back over the name: capitalised words, hyphens, particles.
  let first = -1;
  let k = j - 1;
  for (let steps = 0; steps < 5 && k >= 0; steps++) {
    if (t.isCap(k) && nameWord(t, k, false)) {
      first = k;
      k--;
      continue;
    }
    // Hyphenated names: "Karl-Arnold-Str.", "Johann-Wirtz-Weg".
    if (t.isPunct(k, '-') && t.touches(k) && t.touches(k - 1)) {
      k--;
      continue;
    }
    if (first >= 0 && t.isLower(k) && NAME_PARTICLES.has(t.low(k))) {
      k--;
      continue;
    }
    // Hungarian streets named after a title or a thing in lower case: "Árpád fejedelem útja",
    // "Szent István körút" is capitalised, "Rákóczi ferenc utca" is not.
    if (
      k === j - 1 &&
      HUNGARIAN_TYPES.has(lw) &&
      t.isWord(k) &&
      t.isLower(k) &&
      t.isCap(k - 1) &&
      !t.touches(k - 1)
    ) {
      k--;
      continue;
    }
    break;
  }
  if (first < 0) return null;
  let n = withDot(t, j) + 1;
  // "Hauptstraße, 5" is German; after an English type a comma starts the next address.
  if (t.isPunct(n, ',') && (separate || !english)) n++;
  // The number's own label after a type no English word shares: "Bağdat Caddesi No: 215",
  // "Atatürk Bulvarı No. 45", "Moda Cad. No:12".
  if (separate && !english && t.isWord(n) && (t.low(n) === 'no' || t.low(n) === 'nr')) {
    const q = afterNumberLabel(t, n);
    if (t.isNum(q)) n = q;
  }
  // The type word itself may look like a label ("gate 23"); the name before it decides.
  const hn = houseNumber(t, n, 5, false);
  if (hn < 0 || proseAfter(t, hn)) return null;
  const nordic = separate && (!english || t.isLower(j));
  const base = nordic ? 0.6 : STRONG_SUFFIX_TYPES.has(lw) ? 0.5 : 0.25;
  return { first, last: hn, base, reason: 'street', lower: false, weak: base < 0.5 };
}

const HUNGARIAN_TYPES = new Set(
  'utca út útja tér tere körút köz sétány fasor rakpart sor'.split(' '),
);

const ACRONYM = /^\p{Lu}{2,}$/u;
// A year, which a changelog's date puts before a name ("Mon Apr 23 09:15:03 2001  Anthony Green").
const YEAR = /^(?:19|20)\d\d$/;

/** "12 rue de la Paix", "Calle Mayor 5", "Via dei Fiorentini 17", "ul. Narewska 94", "C/ Mayor 5". */
function prefixStreet(t: Tokens, j: number, lw: string): Core | null {
  if (!PREFIX_TYPES.has(lw)) return null;
  let n = j + 1;
  if (DOTTED_PREFIX_TYPES.has(lw)) {
    if (lw === 'c' && t.isPunct(j + 1, '/') && t.touches(j)) n = j + 2;
    else if (t.isPunct(j + 1, '.') && t.touches(j)) n = j + 2;
    else return null;
  } else if (t.isPunct(j + 1, '.') && t.touches(j)) {
    n = j + 2;
  }
  const ambiguous = AMBIGUOUS_PREFIX_TYPES.has(lw);
  // Name words after the type.
  let nameEnd = -1;
  let words = 0;
  let firstCap: boolean | null = null;
  let anyCap = false;
  // Whether every name word is an acronym ("via PEP 517" is English: "built via PEP 517").
  let acronyms = true;
  let k = n;
  for (let steps = 0; steps < 7 && k < t.length; steps++) {
    if (t.isWord(k)) {
      const w = t.low(k);
      if (w === 's' && t.isPunct(k + 1, '/')) break;
      if (t.isLower(k) && NAME_PARTICLES.has(w)) {
        k++;
        continue;
      }
      const cap = t.isCap(k) || ELIDED_CAPITAL.test(t.str(k));
      const ok = t.isCap(k) ? nameWord(t, k, false) : cap || (!ambiguous && nameWord(t, k, true));
      if (!ok) break;
      if (firstCap === null) firstCap = cap;
      if (cap) anyCap = true;
      if (acronyms && !ACRONYM.test(t.str(k))) acronyms = false;
      words++;
      nameEnd = withDot(t, k);
      k = nameEnd + 1;
      continue;
    }
    if ((t.isPunct(k, '-') || t.isPunct(k, "'")) && t.touches(k - 1) && words > 0) {
      k++;
      continue;
    }
    // A date as the name, in Spanish-speaking towns: "Paseo 20 de Noviembre", "Calle 5 de Mayo".
    if (
      words === 0 &&
      t.isNum(k) &&
      t.str(k).length <= 2 &&
      t.isWord(k + 1) &&
      t.low(k + 1) === 'de' &&
      t.isCap(k + 2) &&
      inSet(t, k + 2, F_MONTH)
    ) {
      firstCap = anyCap = true;
      words = 1;
      nameEnd = k + 2;
      k += 3;
      continue;
    }
    const ord = ordinal(t, k);
    if (ord >= 0) {
      words++;
      nameEnd = ord;
      k = ord + 1;
      continue;
    }
    break;
  }
  if (words === 0 || nameEnd < 0) return null;
  if (ambiguous && !firstCap) return null;
  if (ambiguous && acronyms && t.isLower(j)) return null;
  const lower = t.isLower(j) && !anyCap;
  const base = lower ? 0.45 : ambiguous ? 0.5 : 0.6;
  // Number before the type: "12 rue de la Paix", "12, rue de la Paix", "12 bis rue ...".
  // One-letter abbreviations ("C.", "R.") are initials when a number comes before them.
  const after = numberAfterName(t, nameEnd);
  const afterCore: Core | null =
    after >= 0 ? { first: j, last: after, base, reason: 'street', lower, weak: base < 0.5 } : null;
  if (lw.length === 1) return afterCore;
  // Italian puts the number after the name; "37416 via Ed Maste" is English ("PR 37416 via").
  if (lw === 'via' && t.isLower(j)) return afterCore;
  let b = j - 1;
  if (t.isPunct(b, ',')) b--;
  if (t.isWord(b) && HOUSE_NUMBER_SUFFIXES.has(t.low(b))) b--;
  let numStart = b;
  if (
    t.isNum(b) &&
    t.isPunct(b - 1, '-') &&
    t.isNum(b - 2) &&
    t.touches(b - 2) &&
    t.touches(b - 1)
  ) {
    numStart = b - 2;
  }
  if (t.isNum(numStart) && houseNumber(t, numStart) >= b - (numStart === b ? 0 : 2)) {
    // With numbers on both sides ("688 rue du Centre 320"), the block runs over both.
    const last = afterCore ? afterCore.last : nameEnd;
    return { first: numStart, last, base, reason: 'street', lower, weak: base < 0.5 };
  }
  return afterCore;
}

/** The number after a prefix street name ("Calle Mayor 5", "Via Roma, 1"): its last token, or -1. */
function numberAfterName(t: Tokens, nameEnd: number): number {
  let a = nameEnd + 1;
  // After a comma, five digits are the postcode, not the house number.
  const comma = t.isPunct(a, ',');
  if (comma) a++;
  // "s/n" (sin número): a Spanish street without a house number.
  if (t.isWord(a) && t.low(a) === 's' && t.isPunct(a + 1, '/') && t.isWord(a + 2)) {
    if (t.low(a + 2) === 'n' && t.touches(a) && t.touches(a + 1)) return withDot(t, a + 2);
  }
  // Romanian "nr. 5" and "Bloc 35" stand for the house number: "Strada Lalelelor nr. 5",
  // "Intrarea Eternitatii, Bloc 35"; so does Indonesian "No. 5": "Jl. Sudirman No. 5".
  if (t.isWord(a) && BUILDING_WORD.test(t.str(a))) {
    const n = houseNumber(t, afterNumberLabel(t, a), 4, false);
    if (n >= 0) return n;
  }
  const after = houseNumber(t, a, comma ? 4 : 5);
  return after >= 0 && !proseAfter(t, after) ? after : -1;
}
const BUILDING_WORD = /^(?:nr|Nr|No|no|Bloc|bloc|Bl|bl)$/;

/** The token after a house number's label at `a` ("nr.", "No:", "Bloc"), past its dot or colon. */
function afterNumberLabel(t: Tokens, a: number): number {
  return t.isPunct(a + 1, ':') ? a + 2 : withDot(t, a) + 1;
}

/** "Musterstraße 12a", "Hauptstr. 5", "Magasinsgatan 7", "Koskikatu 25", "Parijsstraat 8". */
function compoundStreet(t: Tokens, j: number, lw: string): Core | null {
  if (lw.length < 5) return null;
  const ending = compoundEnding(lw);
  if (!ending || COMPOUND_EXCEPTIONS.has(lw)) return null;
  const lower = t.isLower(j);
  if (!lower && !t.isCap(j)) return null;
  let n = withDot(t, j) + 1;
  if (ending === 'str' && n === j + 1) return null;
  if (t.isPunct(n, ',')) n++;
  const hn = houseNumber(t, n, 4);
  if (hn < 0 || proseAfter(t, hn)) return null;
  const base = lower ? 0.45 : 0.6;
  return { first: j, last: hn, base, reason: 'street', lower, weak: false };
}

/** "Am Markt 3", "An der Alster 5", "Auf dem Berg 12". */
function germanPreposition(t: Tokens, j: number): Core | null {
  if (!t.isCap(j) || !GERMAN_PREPOSITIONS.has(t.str(j))) return null;
  let k = j + 1;
  if (t.isWord(k) && GERMAN_ARTICLES.has(t.str(k))) k++;
  let words = 0;
  while (words < 2 && t.isCap(k) && nameWord(t, k, false) && !inSet(t, k, F_MONTH)) {
    words++;
    k++;
  }
  if (words === 0) return null;
  const hn = houseNumber(t, k, 3);
  if (hn < 0 || proseAfter(t, hn)) return null;
  return { first: j, last: hn, base: 0.4, reason: 'street', lower: false, weak: true };
}

/** "Dunajska 56", "Joaquin Suarez 2906": capitalised words and a number, weak on its own. */
function weakShape(t: Tokens, i: number): Core | null {
  const hn = t.isCap(i - 1) && !t.touches(i - 1) ? houseNumber(t, i, 4) : -1;
  if (hn < 0) return null;
  let first = -1;
  let k = i - 1;
  for (let steps = 0; steps < 3 && k >= 0; steps++) {
    if (!t.isCap(k) || !nameWord(t, k, false)) break;
    if (t.isUpper(k) && t.low(k).length > 1) break;
    if (inSet(t, k, F_MONTH) || inSet(t, k, F_LABEL) || inSet(t, k, F_UNIT)) break;
    // A weekday or a word of prose ("Fri 18 2014", "Ticket 18") names no street.
    if (inSet(t, k, F_NOT_CITY)) break;
    first = k;
    k--;
  }
  if (first < 0) return null;
  if (repeatedWithNumber(t, first, i)) return null;
  // What follows must end the value: punctuation, a line break, the end, or "and".
  const nx = hn + 1;
  if (t.isWord(nx) && t.isLower(nx) && !inSet(t, nx, F_AFTER_OK)) return null;
  return { first, last: hn, base: 0.25, reason: 'street', lower: false, weak: true };
}

/**
 * Whether the words [first, i) come again with a number soon after: a list of models or
 * versions ("Radeon 9100; Radeon 9500; Radeon 9200"), not a street.
 */
function repeatedWithNumber(t: Tokens, first: number, i: number): boolean {
  const name = t.text.slice(t.start(first), t.start(i));
  const from = t.end(i);
  // Searched in the 80 characters after only: a search to the text's end for every such core
  // would make a megabyte of them quadratic.
  const window = t.text.slice(from, from + 80 + name.length + 1);
  const at = window.indexOf(name);
  return at >= 0 && isDigit(window.charCodeAt(at + name.length));
}

/**
 * A house number and capitalised words right after an address label, with no street type:
 * "Address: 445 Waterside", '"street": "12 The Hawthorns"', "address_line1=901 Riverside".
 * Its base is low: the label (a cue, see finish) is what makes it count.
 */
function labelledStreet(t: Tokens, i: number): Core | null {
  const text = t.text;
  const st = t.start(i);
  if (t.end(i) - st > 6 || isDigitOrJoiner(text.charCodeAt(st - 1))) return null;
  // The label's separator within three characters before the number (spaces, a quote).
  let p = st - 1;
  while (p > 0 && st - p <= 3 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 34)) p--;
  const sep = text.charCodeAt(p);
  const label = text.slice(Math.max(0, p - 32), p);
  // An element's text ("<street>445 Waterside", "<line>51 Kingsway") or a line's key ('"line1":
  // "51 Kingsway"'): no address word for the cues to find, so the label's own weight.
  let base = 0.3;
  if (sep === 62) {
    const tag = STREET_TAG_BEFORE.exec(label);
    // ("<line>" alone is an order's line as often: only inside an <address> element.)
    const inAddress = ADDRESS_ELEMENT.test(text.slice(Math.max(0, p - 300), p));
    if (tag === null || (tag[1]!.toLowerCase() === 'line' && !inAddress)) return null;
    base = 0.6;
  } else if (sep !== 58 && sep !== 61) {
    return null; // ":" "="
  } else if (!STREET_LABEL_BEFORE.test(label)) {
    if (!LINE_KEY_BEFORE.test(label)) return null;
    base = 0.6;
  }
  if (OTHER_ADDRESS_BEFORE.test(label)) return null;
  let k = i + 1;
  while (k - i <= 4 && t.isCap(k) && nameWord(t, k, false)) {
    k++;
    // A hyphenated name goes on: "Langeskov-Centret".
    if (t.isPunct(k, '-') && t.touches(k - 1) && t.touches(k) && t.isCap(k + 1)) k++;
  }
  if (k === i + 1) return null;
  if (t.isPunct(k - 1, '-')) k--;
  // Not weak: the label says what it is, whatever order or line words are near.
  return { first: i, last: k - 1, base, reason: 'street', lower: false, weak: false };
}
/** Addresses that are no place: "IP address", "email address", "wallet address". */
const OTHER_ADDRESS_BEFORE =
  /(?:ip|e-?mail|mail|mac|web|wallet|ethernet|bitcoin|btc|eth|crypto|server|host|network|memory|url|site|contract|deposit|public)[ _-]?address/i;
/** An address or street label (a key's underscores included) ending right before a value. */
const STREET_LABEL_BEFORE =
  /(?:address|street|adresse|anschrift|direcci[oó]n|indirizzo|endere[cç]o|morada|stra(?:ss|ß)e|domicilio)(?:[ _-]?(?:line)?[ _-]?[12])?["']?[ \t]?$/i;

/** An element holding a street line: "<street", "<line", "<addressLine1", "<address_line_2". */
const STREET_TAG_BEFORE =
  /<(?:[\w-]{1,16}:)?(street|line|(?:address|addr)[ _-]?(?:line)?)[ _-]?[123]?$/i;
const ADDRESS_ELEMENT = /<(?:[\w-]{1,16}:)?(?:postal)?address[\s>]/i;
/** A key for an address's line: '"line1": ', "line_2=". */
const LINE_KEY_BEFORE = /(?:^|[\s{,"'])["']?line[ _-]?[123]["']?[ \t]?$/i;

/** "10115 Berlin", "75002 Paris": a five-digit postcode before a city; weak on its own. */
function postcodeCity(t: Tokens, i: number): Core | null {
  // Five digits: a number token of five characters that does not end with a letter.
  const text = t.text;
  const st = t.start(i);
  if (t.end(i) - st !== 5 || !isDigit(text.charCodeAt(st + 4)) || isLabelled(t, i)) return null;
  if (isDigitOrJoiner(text.charCodeAt(st - 1))) return null;
  let k = i + 1;
  let words = 0;
  while (words < 3 && t.isCap(k) && nameWord(t, k, false) && !t.touches(i)) {
    words++;
    k++;
  }
  if (words === 0) return null;
  const nx = k;
  if (t.isWord(nx) && t.isLower(nx)) return null;
  return { first: i, last: k - 1, base: 0.35, reason: 'postcode', lower: false, weak: true };
}

/**
 * "Washington, DC 20500", "Ottawa, ON K1A 0B1": city, region code and postcode (the comma may
 * be missing: "Austin TX 78701").
 */
function cityStateZip(t: Tokens, j: number): Core | null {
  if (!t.isUpper(j) || !REGION_CODES.has(t.str(j))) return null;
  const pc = t.kind(j + 1) === 1 || t.isWord(j + 1) ? postcodeAt(t.text, t.start(j + 1)) : 0;
  if (pc === 0) return null;
  const pcEnd = t.start(j + 1) + pc;
  const zipShape = ZIP_SHAPE.test(t.text.slice(t.start(j + 1), pcEnd));
  if (!zipShape) return null;
  // The comma after the city is often left out ("Austin TX 78701"): then the line is weaker.
  const comma = t.isPunct(j - 1, ',');
  let first = -1;
  for (let k = comma ? j - 2 : j - 1, steps = 0; steps < 3 && k >= 0; steps++, k--) {
    if (!t.isCap(k) || !nameWord(t, k, false)) break;
    first = k;
  }
  if (first < 0) return null;
  const last = t.indexAt(pcEnd) - 1;
  const base = comma ? 0.55 : 0.45;
  return { first, last, base, reason: 'postcode', lower: false, weak: !comma, postcode: true };
}

/**
 * The matches a global scan with `re` would give, found by trying the sticky `re` only at
 * `starts` (increasing; every position where a match can start must be among them). A match
 * found at a start is the one the global scan finds there, and like the global scan, the next
 * try is at or after its end.
 */
function matchesAt(
  text: string,
  re: RegExp,
  starts: Positions,
  cannotMatch?: (text: string, p: number) => boolean,
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (let k = 0; k < starts.n; k++) {
    const p = starts.at[k]!;
    if (p < from) continue;
    // A start where the regex surely fails is skipped: it would not match, so it moves nothing.
    if (cannotMatch !== undefined && cannotMatch(text, p)) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m) {
      out.push(m);
      from = p + m[0].length;
    }
  }
  return out;
}

/**
 * Whether PO_BOX surely fails at p. Each form has a known second character: "Apartado",
 * "Casilla" and "Caixa" an "a" or "p"; "P.O." a dot, a space or an "o"; "BP", "B.P.", "Box"
 * and "Boîte" a "p", a dot or an "o" (no character above ASCII folds to these letters). And
 * every form that starts with "p" or "b" except "Boîte postale" reaches its number within 23
 * characters ("Post Office Box No. 12"), so without a digit in the next 40 there is no match.
 * (Most candidates are words such as "post", "box" or "b" in prose.)
 */
function noPoBoxAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p) | 32;
  const d = text.charCodeAt(p + 1);
  const e = d | 32;
  if (c === 97) return e !== 112;
  if (c === 99) return e !== 97;
  const space = d <= 32 || d >= 128;
  if (!(e === 111 || d === 46 || (c === 112 ? space : e === 112))) return true;
  const c2 = text.charCodeAt(p + 2);
  if (c2 === 0xee || c2 === 0xce) return false;
  for (let k = p, end = Math.min(text.length, p + 40); k < end; k++) {
    if (isDigit(text.charCodeAt(k))) return false;
  }
  return true;
}

/**
 * Whether UK_POSTCODE_SPACED surely fails at p, one or two capitals before a digit: the digit
 * and at most one more character are followed by a space and a digit.
 */
function noUkPostcodeAt(text: string, p: number): boolean {
  const q = isDigit(text.charCodeAt(p + 1)) ? p + 1 : p + 2;
  return !spaceDigitAt(text, q + 1) && !spaceDigitAt(text, q + 2);
}

/** Whether a space and a digit are at k. */
function spaceDigitAt(text: string, k: number): boolean {
  return text.charCodeAt(k) === 32 && isDigit(text.charCodeAt(k + 1));
}

/** Whether CA_POSTCODE surely fails at p: it needs a letter, a digit and a letter there. */
function noCaPostcodeAt(text: string, p: number): boolean {
  const l = text.charCodeAt(p + 2);
  return !isDigit(text.charCodeAt(p + 1)) || !(l >= 65 && l <= 90);
}

/**
 * Adds the core of a regex match from `start` to `end`: the tokens that start inside it.
 * `postcode`: the match holds one, so its tail takes none (a postal box's does).
 */
function addMatch(
  t: Tokens,
  cores: Core[],
  start: number,
  end: number,
  base: number,
  reason: string,
  weak = false,
  postcode = true,
): void {
  const first = t.indexAt(start);
  const last = t.indexAt(end) - 1;
  if (last >= first) cores.push({ first, last, base, reason, lower: false, weak, postcode });
}

/** Cores found by regexes over the text: military, postal boxes, UK/CA postcodes, keywords. */
function regexCores(t: Tokens, cores: Core[], starts: Starts): void {
  const text = t.text;
  // Military matches count only in a text with "PO" or "po" in it (MILITARY ignores case, so
  // its match may be written "Po"); that takes two passes over the text, made only for a match.
  const mil = matchesAt(text, MILITARY, starts.mil);
  const milLine = matchesAt(text, MILITARY_LINE, starts.milLine);
  if (mil.length + milLine.length > 0 && (text.includes('PO') || text.includes('po'))) {
    for (const m of mil) addMatch(t, cores, m.index, m.index + m[0].length, 0.9, 'military');
    for (const m of milLine) addMatch(t, cores, m.index, m.index + m[0].length, 0.55, 'military');
  }
  for (const m of matchesAt(text, PO_BOX, starts.po, noPoBoxAt)) {
    // A bare "Box 12" is a box, not an address; the other forms name a postal box.
    if (BARE_BOX.test(m[0])) continue;
    // "BP 120" is also a blood pressure ("BP 120 mmHg", "BP 128/84"): the French boîte postale
    // counts with its town or an address label.
    const bp = BOITE_POSTALE.test(m[0]);
    if (bp && text.charCodeAt(m.index + m[0].length) === 47) continue;
    addMatch(t, cores, m.index, m.index + m[0].length, bp ? 0.4 : 0.6, 'po box', false, false);
  }
  for (const m of matchesAt(text, UK_POSTCODE_SPACED, starts.postcode, noUkPostcodeAt)) {
    if (!isUkArea(m[1]!)) continue;
    addMatch(t, cores, m.index, m.index + m[0].length, 0.55, 'postcode');
  }
  for (const m of matchesAt(text, CA_POSTCODE, starts.postcode, noCaPostcodeAt))
    addMatch(t, cores, m.index, m.index + m[0].length, 0.4, 'postcode', true);
  for (const m of matchesAt(text, POSTCODE_KEYWORD, starts.key)) {
    const pos = m.index + m[0].length;
    // After the keyword, three digits are a postcode too (Iceland, the Faroes, "zip 880").
    const len = postcodeAt(text, pos) || (THREE_DIGITS.test(text.slice(pos, pos + 4)) ? 3 : 0);
    // All zeros ("00000", "0000 AA") is a form's or a test record's placeholder: no country
    // gives that code.
    if (len === 0 || ZEROS_CODE.test(text.slice(pos, pos + len))) continue;
    addMatch(t, cores, pos, pos + len, 0.75, 'postcode keyword');
  }
}

// ---------------------------------------------------------------------------------------------
// Extension and scoring

interface Tail {
  last: number;
  unit: boolean;
  postcode: boolean;
  strongPostcode: boolean;
  /** A postcode and a city written together ("10115 Berlin", "Springfield, IL 62704"). */
  postcodeCity: boolean;
  city: boolean;
  region: boolean;
  country: boolean;
}

/** Extends a core backwards over a building number or a unit written before it. */
function extendBack(t: Tokens, first: number): number {
  for (let round = 0; round < 2; round++) {
    let p = first - 1;
    if (t.isPunct(p, ',')) p--;
    if (!t.isNum(p)) break;
    // A number token is digits and at most one glued letter.
    const glued = !isDigit(t.text.charCodeAt(t.end(p) - 1));
    const unitBefore = inSet(t, p - 1, F_UNIT);
    if (t.end(p) - t.start(p) - (glued ? 1 : 0) > 6 || (isLabelled(t, p) && !unitBefore)) break;
    if (isDigitOrJoiner(t.text.charCodeAt(t.start(p) - 1))) break;
    // A unit before the number ("Apt. 117", "Suite 913", "Flat 3", "#4").
    let q = p - 1;
    if (t.isPunct(q, '.') || t.isPunct(q, '#')) q--;
    if (inSet(t, q, F_UNIT) && !inSet(t, q, F_WEAK_UNIT)) {
      first = q;
      continue;
    }
    if (t.isPunct(p - 1, '#')) {
      first = p - 1;
      continue;
    }
    // A bare number before a street line is its building or block number.
    if (!glued && t.kind(p - 1) !== 1) {
      first = p;
      continue;
    }
    break;
  }
  return unitLinesBack(t, first);
}

/**
 * Where the parts before a street line start that name its flat, floor or building, each set
 * off by a comma on the street's line: "Flat 9, Marlowe Court, 61 Portswood Road", "5th Floor,
 * 22 Bishopsgate", "Room 1203, Building 5, 88 Jianguo Road". A building's name counts only
 * with a unit before it ("Holly Cottage, Church Lane" stays as it is).
 */
function unitLinesBack(t: Tokens, first: number): number {
  // (The bare number before the street may be the unit's: "Level 12, 60 Margaret Street".)
  if (t.isNum(first)) {
    const u = unitBefore(t, first);
    if (u >= 0) first = u;
  }
  for (let round = 0; round < 3; round++) {
    let p = first - 1;
    // (A block and a lot need no comma: "Blk 5 Lot 12 Mabini St.")
    const comma = t.isPunct(p, ',');
    if (comma) p--;
    else if (t.kind(p) !== 1) break;
    const unit = unitBefore(t, p);
    if (unit >= 0) {
      first = unit;
      continue;
    }
    if (!comma) break;
    // A building's name: one to three capitalised words, then a comma and a unit before it.
    let k = p;
    while (p - k < 3 && t.isCap(k) && nameWord(t, k, false)) k--;
    if (k === p || !t.isPunct(k, ',')) break;
    const named = unitBefore(t, k - 1);
    if (named < 0) break;
    first = named;
  }
  return first;
}

/** The first token of a flat or a floor ending at token p ("Flat 9", "Level 12", "5th Floor"), or -1. */
function unitBefore(t: Tokens, p: number): number {
  if (t.isWord(p) && /^(?:floor|fl)$/i.test(t.str(p))) {
    if (ordinal(t, p - 2) === p - 1) return p - 2;
    if (t.isWord(p - 1) && SPELLED_FLOOR.test(t.str(p - 1))) return p - 1;
    return -1;
  }
  // A number, maybe with a letter ("7B", "2/1"), after its unit word.
  let n = p;
  if (t.isWord(n) && t.end(n) - t.start(n) === 1 && t.touches(n - 1) && t.isNum(n - 1)) n--;
  if (t.isNum(n) && t.isPunct(n - 1, '/') && t.touches(n - 2) && t.isNum(n - 2)) n -= 2;
  if (!t.isNum(n) || t.end(n) - t.start(n) > 5) return -1;
  let q = n - 1;
  if (t.isPunct(q, '.') || t.isPunct(q, '#')) q--;
  if (!t.isWord(q) || !inSet(t, q, F_UNIT) || !t.isCap(q)) return -1;
  // "No. 5" is a house number only where a line or a label's colon puts it first.
  if (NUMBER_WORD.test(t.str(q))) {
    const b = t.kind(q - 1);
    if (!(b === -1 || b === 2 || t.isPunct(q - 1, ':'))) return -1;
  }
  return q;
}

/** A unit part at token q ("Apt. 4", "Suite 500", "#12", "2nd Floor"): its last token, or -1. */
function unitAt(t: Tokens, q: number): number {
  if (t.isPunct(q, '#') && t.touches(q) && t.isNum(q + 1)) {
    // Singapore's floor and unit: "#03-494".
    const r = q + 3;
    if (t.isPunct(q + 2, '-') && t.touches(q + 1) && t.touches(q + 2) && t.isNum(r)) return r;
    return q + 1;
  }
  const ord = ordinal(t, q);
  if (
    ord >= 0 &&
    t.isWord(ord + 1) &&
    /^(?:floor|fl|etage|étage|piso|andar|stock|og)$/i.test(t.str(ord + 1))
  ) {
    return withDot(t, ord + 1);
  }
  // A floor in words: "Fifth Floor", "ground floor".
  if (
    t.isWord(q) &&
    SPELLED_FLOOR.test(t.str(q)) &&
    t.isWord(q + 1) &&
    /^(?:floor|fl)$/i.test(t.str(q + 1))
  ) {
    return withDot(t, q + 1);
  }
  // German floors: "3 OG", "3. OG", "2. Stock", "EG"; Danish floor and side: "2. th.", "st. tv.".
  const text = t.text;
  if (t.isNum(q) && t.end(q) - t.start(q) <= 2) {
    const dot = t.isPunct(q + 1, '.');
    const f = dot ? q + 2 : q + 1;
    if (
      t.isCap(f) &&
      isUpperAscii(text.charCodeAt(t.start(f))) &&
      /^(?:OG|UG|DG|Stock|Etage|Obergeschoss)$/.test(t.str(f))
    )
      return f;
    if (dot && t.isWord(f) && /^(?:th|tv|mf)$/.test(t.str(f))) return withDot(t, f);
    // Spanish floor and door as two numbers: "Calle Mayor, 70, 4-4, 50001 Zaragoza" (only
    // before another number, the postcode: "4-4" alone is a score).
    if (
      t.isPunct(q + 1, '-') &&
      t.touches(q) &&
      t.touches(q + 1) &&
      t.isNum(q + 2) &&
      t.end(q + 2) - t.start(q + 2) <= 2 &&
      t.isPunct(q + 3, ',') &&
      t.isNum(q + 4)
    )
      return q + 2;
  }
  // Indonesian neighbourhood units: "RT 004/RW 011", "RT 03 RW 05".
  if (t.isWord(q) && t.str(q) === 'RT' && t.isNum(q + 1)) {
    let k = q + 2;
    if (t.isPunct(k, '/')) k++;
    if (t.isWord(k) && t.str(k) === 'RW') k++;
    return t.isNum(k) && k > q + 2 ? k : q + 1;
  }
  // "4ºB": the folded sign and the door glued to the floor make one word.
  if (
    t.isNum(q) &&
    t.end(q) - t.start(q) <= 2 &&
    t.touches(q) &&
    t.isWord(q + 1) &&
    /^[oa][A-Z]$/.test(t.str(q + 1))
  )
    return q + 1;
  // "3.º B", "2.º Esq.": the ordinal's dot before its folded sign.
  if (
    t.isNum(q) &&
    t.end(q) - t.start(q) <= 2 &&
    t.isPunct(q + 1, '.') &&
    t.touches(q) &&
    t.touches(q + 1) &&
    t.isWord(q + 2) &&
    /^[oa]$/.test(t.str(q + 2))
  ) {
    const d = q + 3;
    if (t.isWord(d) && !t.touches(q + 2) && SIDE_WORD.test(t.str(d))) return withDot(t, d);
    if (t.isWord(d) && t.end(d) - t.start(d) <= 2 && !t.touches(q + 2) && t.isUpper(d)) return d;
    return q + 2;
  }
  // Spanish and Portuguese floor and door: "3º B", "2ª izq.", "1º". Normalisation folds "º"
  // and "ª" to "o" and "a", which the tokenizer glues to the digits ("3o"): one or two digits
  // and the letter, as a number token is digits and at most one letter.
  const last = text.charCodeAt(t.end(q) - 1);
  if (t.isNum(q) && t.end(q) - t.start(q) <= 3 && (last === 111 || last === 97)) {
    const d = q + 1;
    // The door glued to the floor: "4ºB".
    if (t.isWord(d) && t.touches(q) && t.end(d) - t.start(d) === 1 && t.isUpper(d)) return d;
    if (t.isWord(d) && !t.touches(q) && SIDE_WORD.test(t.str(d))) return withDot(t, d);
    if (t.isWord(d) && t.end(d) - t.start(d) <= 4 && !t.touches(q) && !t.isLower(d))
      return withDot(t, d);
    return q;
  }
  const o = text.charCodeAt(t.start(ord));
  if (ord >= 0 && t.end(ord) - t.start(ord) === 1 && (o === 0xba || o === 0xaa)) {
    const d = ord + 1;
    if (t.isWord(d) && t.end(d) - t.start(d) <= 4 && !t.touches(ord)) return withDot(t, d);
    return ord;
  }
  if (!t.isWord(q) || !inSet(t, q, F_UNIT)) return -1;
  let k = withDot(t, q) + 1;
  if (t.isPunct(k, '#')) k++;
  else if (t.isWord(k) && NUMBER_WORD.test(t.str(k))) k = withDot(t, k) + 1;
  if (t.isNum(k) && t.end(k) - t.start(k) <= 6) {
    let last = k;
    if (t.isPunct(k + 1, '-') && t.touches(k) && t.isNum(k + 2) && t.touches(k + 1)) last = k + 2;
    return last;
  }
  if (t.isWord(k) && t.end(k) - t.start(k) <= 2 && t.isUpper(k)) {
    // A block's letter and number: "bl. A3".
    return t.touches(k) && t.isNum(k + 1) && t.end(k + 1) - t.start(k + 1) <= 3 ? k + 1 : k;
  }
  return -1;
}

/** The side of a Spanish or Portuguese floor: "3º izquierda", "2º dcha.", "1º esq.". */
const SIDE_WORD =
  /^(?:izquierda|izda|izq|derecha|dcha|dch|drcha|centro|ctro|esquerdo|esquerda|esq|direito|direita|dto|dta|frente)$/i;

const SPELLED_FLOOR =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|ground|top|upper|lower)$/i;

/** A country at token q (one or more words): its last token, or -1. */
function countryAt(t: Tokens, q: number, lower: boolean): number {
  if (!t.isWord(q) || (t.isLower(q) && !lower)) return -1;
  if ((t.flags(q) & F_COUNTRY) === 0) return -1;
  const list = COUNTRIES_BY_FIRST.get(t.low(q));
  if (!list) return -1;
  for (const words of list) {
    let k = q;
    let ok = true;
    for (let w = 0; w < words.length; w++) {
      if (w > 0) k++;
      // "U.S.A" style dots between letters.
      while (t.isPunct(k, '.') && w > 0) k++;
      if (!t.isWord(k) || t.low(k) !== words[w]) {
        ok = false;
        break;
      }
    }
    if (ok) return k;
  }
  return -1;
}

/** A region at token q ("CA", "NSW", "Ontario"): its last token, or -1. */
function regionAt(t: Tokens, q: number): number {
  if (!t.isWord(q)) return -1;
  // Region codes are two or three letters.
  const code = t.isUpper(q) && t.end(q) - t.start(q) <= 3;
  if (code && REGION_CODES.has(t.str(q))) return q;
  if (t.isCap(q) && inSet(t, q, F_REGION_NAME)) return q;
  // Any short upper-case code right before a postcode ("VWV 04494").
  if (code) {
    let k = q + 1;
    while (t.kind(k) === 2 || t.isPunct(k, ',')) k++;
    if (t.kind(k) === 1 && postcodeAt(t.text, t.start(k)) > 0) return q;
  }
  return -1;
}

/** A city name at token q (1-4 words): its last token, or -1. */
function cityAt(t: Tokens, q: number, lower: boolean, afterPostcode = false): number {
  let k = q;
  let last = -1;
  for (let words = 0; words < 4 && k < t.length;) {
    if (t.isWord(k)) {
      // "London SW1A 2AA": the city stops where a code glued to digits starts.
      if (t.isNum(k + 1) && t.touches(k)) break;
      // After a hyphen any word continues the name: "Issy-les-Moulineaux".
      if (last >= 0 && t.isPunct(k - 1, '-') && t.touches(k - 1)) {
        last = k;
        k++;
        continue;
      }
      // In lower-case text the city is lower case too; capitals are always fine.
      const ok = t.isCap(k)
        ? !inSet(t, k, F_NOT_CITY) && !inSet(t, k, F_UNIT) && !inSet(t, k, F_MONTH)
        : lower &&
          t.isLower(k) &&
          !inSet(t, k, F_NOT_CITY) &&
          !inSet(t, k, F_UNIT) &&
          !inSet(t, k, F_PROSE);
      // A single letter starts no city; after a city word it is a district ("København N").
      if (ok && (last >= 0 || t.end(k) - t.start(k) > 1)) {
        last = k;
        words++;
        k++;
        continue;
      }
      if (last >= 0 && t.isLower(k) && inSet(t, k, F_PARTICLE) && t.isCap(k + 1)) {
        k++;
        continue;
      }
      break;
    }
    if (last >= 0 && (t.isPunct(k, '-') || t.isPunct(k, "'")) && t.touches(k - 1) && t.touches(k)) {
      k++;
      continue;
    }
    if (last >= 0 && t.isPunct(k, '.') && t.touches(k - 1) && t.isWord(k + 1) && t.touches(k)) {
      k++;
      continue;
    }
    if (last >= 0 && t.isPunct(k, '(')) {
      // "Cyprus (Greek)"
      if (t.isWord(k + 1) && t.isPunct(k + 2, ')')) {
        last = k + 2;
        k += 3;
        continue;
      }
    }
    break;
  }
  if (last < 0) return -1;
  // A city ends the line or is followed by more address parts, not by prose, nor by a number's
  // label: "CA 92152, Social Security No. 095-61-5688", "Tax Nr: ...".
  const nx = last + 1;
  if (t.isWord(nx) && NUMBER_LABEL.test(t.str(nx)) && !isDigit(t.text.charCodeAt(t.end(nx)))) {
    return -1;
  }
  if (t.isWord(nx) && t.isLower(nx) && !lower && !afterPostcode && !inSet(t, nx, F_AFTER_OK)) {
    return -1;
  }
  return last;
}

/** Extends a core forwards over unit, city, region, postcode and country parts. */
function extendTail(t: Tokens, core: Core): Tail {
  const tail: Tail = {
    last: core.last,
    unit: false,
    postcode: false,
    strongPostcode: false,
    postcodeCity: false,
    city: false,
    region: false,
    country: false,
  };
  const limit = t.end(core.last) + 160;
  let lines = 0;
  let cities = 0;
  let justPostcode = false;
  let sure = core.last;
  let pending = false;
  let p = core.last + 1;
  for (let parts = 0; parts < 10 && p < t.length && t.start(p) < limit; parts++) {
    // Separators: commas, line breaks, quote markers, a dot glued to the previous part.
    const linesBefore = lines;
    let q = p;
    let blank = false;
    for (let s = 0; s < 8 && q < t.length; s++) {
      const k = t.kind(q);
      if (k === 2) {
        if (t.kind(q - 1) === 2 || (t.kind(q - 1) === 3 && t.kind(q - 2) === 2)) blank = true;
        lines++;
        q++;
        continue;
      }
      if (k === 3) {
        const ch = t.text[t.start(q)];
        if (ch === ',' || ch === ';' || ch === '>' || ch === '|' || ch === '?' || ch === '/') {
          q++;
          continue;
        }
        // A dot ends an abbreviation or a Hungarian house number ("u. 94."); before a
        // capitalised word on the same line it ends a sentence, and the address with it.
        if (ch === '.' && t.touches(q - 1)) {
          const nk = t.kind(q + 1);
          const shortWord = t.isWord(q - 1) && t.end(q - 1) - t.start(q - 1) <= 3;
          const afterNumber = t.isNum(q - 1);
          // (After a whole postcode the dot ends the sentence: "London N1 7GR. VAT No. GB ...".)
          const postcodeDone = tail.postcode || core.postcode;
          if (
            (afterNumber && (nk === 2 || t.isPunct(q + 1, ','))) ||
            (shortWord && nk !== 2 && !postcodeDone)
          ) {
            q++;
            continue;
          }
        }
        // A spaced dash before a number or a state's code: "São Paulo - SP, 01304-001".
        if (
          ch === '-' &&
          !t.touches(q) &&
          (t.isNum(q + 1) || (t.isUpper(q + 1) && t.end(q + 1) - t.start(q + 1) <= 3))
        ) {
          q++;
          continue;
        }
      }
      break;
    }
    if (lines > 5 || q >= t.length || t.start(q) >= limit) break;
    let end: number;
    let isCity = false;
    // A city on the same line right after a postcode: "10115 Berlin".
    const sameLinePostcode = justPostcode && lines === linesBefore;
    const u = unitAt(t, q);
    const takesPostcode = !core.postcode && !tail.postcode;
    const pc =
      u < 0 && takesPostcode && (t.isNum(q) || t.isWord(q)) ? postcodeAt(t.text, t.start(q)) : 0;
    if (u >= 0) {
      // A unit on a new line after the postcode, or after a blank line, starts the next
      // address ("Redmond, WA 98052\nUnit 5, 12-14 George St").
      const endsInPostcode =
        tail.postcode || (p === core.last + 1 && core.reason.startsWith('postcode'));
      if (lines > linesBefore && (blank || endsInPostcode)) break;
      end = u;
      tail.unit = true;
    } else if (pc > 0 && (t.isNum(q) || hasDigit(t.text, t.start(q), t.start(q) + pc))) {
      end = t.indexAt(t.start(q) + pc) - 1;
      tail.postcode = true;
      const v = t.text.slice(t.start(q), t.start(q) + pc);
      if (
        ukPostcodeAt(t.text, t.start(q)) > 0 ||
        /^\d{5}-\d{4}$|^[A-Z]\d[A-Z] ?\d[A-Z]\d$/.test(v)
      ) {
        tail.strongPostcode = true;
      }
    } else if ((end = countryAt(t, q, core.lower)) >= 0) {
      tail.country = true;
    } else if ((end = regionAt(t, q)) >= 0) {
      tail.region = true;
    } else if (!blank && cities < 2 && (end = cityAt(t, q, core.lower, sameLinePostcode)) >= 0) {
      tail.city = true;
      isCity = true;
      if (sameLinePostcode) tail.postcodeCity = true;
      cities++;
    } else {
      break;
    }
    if (blank && !tail.country && !tail.postcode) break;
    // A city on a line of its own is only sure once a postcode, region or country follows it;
    // otherwise it may be the greeting or the label that follows the address ("Gruß",
    // "Notes", "Telefon"). A city after a postcode or on the street's own line is sure.
    const tentative: boolean = isCity && ((lines > linesBefore && !sameLinePostcode) || pending);
    pending = tentative;
    justPostcode = pc > 0;
    if (!tentative) sure = end;
    tail.last = end;
    p = end + 1;
  }
  if (sure < tail.last) {
    tail.last = sure;
    if (sure === core.last) tail.city = false;
  }
  return tail;
}

/** Hits below this are dropped early: far under any useful threshold, and numerous. */
const MIN_SCORE = 0.3;

/** Lines longer than this make a cue index scan the whole text once instead of line by line. */
const MAX_CUE_LINE = 4096;

/**
 * Where the matches of a word list end in the text, so that asking "is there a cue before this
 * value?" costs a binary search instead of a regex run per value. No cue pattern can match a
 * line break, and a scan restarts fresh at each line start, so the matches of one line are the
 * same whether the regex runs over the whole text or over that line alone. The index therefore
 * scans only the lines it is asked about (each at most once): on a 1 MB paste with a few
 * hundred street-like values this skips most of the text. When some line is very long, it scans
 * the whole text once instead: finding the start of a huge line again for every value on it
 * would make the scan quadratic.
 */
class CueIndex {
  /**
   * Match ends per scanned line, keyed by the line's start offset; made on the first question
   * (most scans ask one of a text's two indexes nothing).
   */
  private lines: Map<number, number[]> | null = null;
  /** Match ends over the whole text, in whole-text mode. */
  private readonly all: number[] | null = null;

  /** `wholeText`: some line is longer than MAX_CUE_LINE (see hasLongLine). */
  constructor(
    private readonly text: string,
    private readonly re: RegExp,
    wholeText: boolean,
  ) {
    if (wholeText) {
      this.all = [];
      for (const m of matchesOf(text, re)) this.all.push(m.index + m[0].length);
    }
  }

  /** The match ends of the line starting at `ls`, in increasing order (offsets into the text). */
  private lineEnds(ls: number): number[] {
    this.lines ??= new Map();
    let ends = this.lines.get(ls);
    if (ends === undefined) {
      ends = [];
      let nl = this.text.indexOf('\n', ls);
      if (nl < 0) nl = this.text.length;
      // exec on the shared global regex: matchAll would clone the regex for every line.
      const line = this.text.slice(ls, nl);
      const re = this.re;
      re.lastIndex = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        ends.push(ls + m.index + m[0].length);
        if (m[0].length === 0) re.lastIndex++;
      }
      this.lines.set(ls, ends);
    }
    return ends;
  }

  /** The end of the last match ending at or before `pos`, or -1 when none ends at or after `lo`. */
  private lastEnd(pos: number, lo: number): number {
    if (this.all) return lastAtMost(this.all, pos);
    const text = this.text;
    // Lines from the one holding pos back to the one holding lo; a match ends after its line's
    // start and at or before the line break.
    let ls = pos > 0 ? text.lastIndexOf('\n', pos - 1) + 1 : 0;
    for (;;) {
      const e = lastAtMost(this.lineEnds(ls), pos);
      if (e >= 0) return e;
      if (ls === 0 || ls - 1 < lo) return -1;
      ls = ls >= 2 ? text.lastIndexOf('\n', ls - 2) + 1 : 0;
    }
  }

  /**
   * Whether a match ends within `window` characters before `pos`, in the same sentence: a
   * sentence end or a blank line between them means the cue was about something else.
   */
  before(pos: number, window: number): boolean {
    const e = this.lastEnd(pos, pos - window);
    if (e < 0 || pos - e > window) return false;
    const between = this.text.slice(e, pos);
    // "Please ship it to:\n\n42 Elm Street": a colon and blank lines still introduce the value.
    if (ONLY_SPACE_OR_COLON.test(between)) return true;
    return !SENTENCE_END.test(between);
  }
}

/** Whether some line of `text` is longer than MAX_CUE_LINE. */
function hasLongLine(text: string): boolean {
  if (text.length <= MAX_CUE_LINE) return false;
  for (let ls = 0; ls < text.length;) {
    let nl = text.indexOf('\n', ls);
    if (nl < 0) nl = text.length;
    if (nl - ls > MAX_CUE_LINE) return true;
    ls = nl + 1;
  }
  return false;
}

/** The last value of sorted `ends` that is <= pos, or -1. */
function lastAtMost(ends: number[], pos: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? ends[lo - 1]! : -1;
}

/**
 * After "the corner of X", the second street: "and Y Road", "& Y St.". Returns the last token of
 * the second street, or `last` when there is none.
 */
function cornerSecondStreet(t: Tokens, last: number, lower: boolean): number {
  let p = last + 1;
  if (t.isPunct(p, '.')) p++;
  if (!(t.isWord(p) && t.low(p) === 'and') && !t.isPunct(p, '&')) return last;
  p++;
  let end = -1;
  for (let words = 0; words < 4; words++) {
    if (!(lower ? t.isLower(p) : t.isCap(p)) || !nameWord(t, p, lower)) break;
    // Keep the dot of an abbreviation ("St."), not a full stop.
    end = t.end(p) - t.start(p) <= 3 ? withDot(t, p) : p;
    p = end + 1;
  }
  return end >= 0 ? end : last;
}

function finish(t: Tokens, core: Core, cues: Cues): AddressHit | null {
  const street = core.reason === 'postcode' ? streetBeforeTown(t, core.first) : core.first;
  const first = extendBack(t, street);
  const tail = extendTail(t, core);
  const start = t.start(first);
  if (CORNER_OF.test(t.text.slice(Math.max(0, start - 14), start))) {
    tail.last = cornerSecondStreet(t, tail.last, core.lower);
  }
  const end = t.end(tail.last);
  let score = core.base;
  let reason = core.reason;
  // A town line with a street line before it is a postal block.
  let bonus = street !== core.first ? 0.1 : 0;
  if (tail.unit) bonus += 0.1;
  if (tail.postcode) {
    bonus += tail.postcodeCity
      ? 0.15
      : tail.strongPostcode || tail.city || tail.region || tail.country
        ? 0.1
        : 0.03;
  }
  if (tail.city && (tail.postcode || tail.region || tail.country))
    bonus += tail.postcodeCity ? 0.1 : 0.05;
  if (tail.region) bonus += 0.05;
  if (tail.country) bonus += 0.1;
  // A postal block: a bare name and number, then a town and its postcode, region or country
  // on the lines below ("Kaevu 94\nNicosia\n61089").
  if (
    core.weak &&
    tail.city &&
    (tail.postcode || tail.region || tail.country) &&
    t.text.slice(t.end(core.last), t.start(tail.last)).includes('\n')
  ) {
    bonus += 0.1;
  }
  // One word and a number before a town, the word with the ending of a Czech, Slovak or
  // Croatian street name (an adjective: "Dolská 44, Letohrad", "Brijunska 44, Metković") or a
  // Greek one (a genitive: "Ιωάννου 68, Σπάρτη"): those languages name streets so, with no type.
  if (
    core.weak &&
    tail.city &&
    core.last === core.first + 1 &&
    STREET_ADJECTIVE.test(t.str(core.first))
  ) {
    bonus += 0.25;
  }
  if (bonus > 0) reason += ' block';
  score += Math.min(bonus, 0.35);
  if (score + 0.35 < MIN_SCORE) return null;
  if (cues.address.before(start, 80)) {
    score += 0.35;
    reason += ' context';
  } else if (ADDRESS_AFTER.test(t.text.slice(end, end + 60))) {
    // Named an address later in its sentence: "Is Celsiova 71, Duchcov still the correct
    // billing address?", "... 14 Elm Road is my new address".
    score += 0.3;
    reason += ' context';
  }
  if (core.weak && cues.other.before(start, 12)) score -= 0.3;
  score = Math.max(0, Math.min(0.97, score));
  if (score < MIN_SCORE) return null;
  return { start, end, score, reason };
}

/**
 * Where an address starts whose town line begins at token `first` ("Austin, TX 78701"): at the
 * house number of a street line before it with no type the lists know: on the same line before
 * a comma ("796 Nels Wall, Austin, TX 78701", "14 Birchwood, Leeds LS6 2AB"), or alone on the
 * line above ("4027 Harvey Wall\nAustin, TX 78701"): a number, one to four capitalised words.
 * Otherwise `first` itself.
 */
function streetBeforeTown(t: Tokens, first: number): number {
  const text = t.text;
  const comma = t.isPunct(first - 1, ',');
  if (!comma && t.kind(first - 1) !== NEWLINE) return first;
  let k = first - 2;
  let words = 0;
  while (words < 4 && t.isCap(k) && nameWord(t, k, false)) {
    words++;
    k--;
  }
  if (words === 0 || !t.isNum(k) || t.end(k) - t.start(k) > 6 || isLabelled(t, k)) return first;
  if (isDigitOrJoiner(text.charCodeAt(t.start(k) - 1))) return first;
  if (comma) return text.slice(t.start(k), t.start(first)).includes('\n') ? first : k;
  // On a line of its own the number opens the line, and is no year ("2024 Annual Report").
  const lineStart = text.lastIndexOf('\n', t.start(k) - 1) + 1;
  if (text.slice(lineStart, t.start(k)).trim() !== '' || YEAR.test(t.str(k))) return first;
  return k;
}

/** Orders hits by start, the longer first. */
function byPosition(a: AddressHit, b: AddressHit): number {
  return a.start - b.start || b.end - a.end;
}

/** Joins overlapping hits into one, keeping the highest score. Input in any order. */
function merge(hits: AddressHit[]): AddressHit[] {
  if (hits.length <= 1) return hits;
  sortShort(hits, byPosition);
  const out: AddressHit[] = [];
  let cur = hits[0]!;
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.start < cur.end) {
      // Overlapping hits share tokens, so they are parts of one address block: keep the union.
      // (Every hit is a fresh object, so updating it in place is safe.)
      if (h.end > cur.end) cur.end = h.end;
      if (h.score > cur.score) {
        cur.score = h.score;
        cur.reason = h.reason;
      }
      continue;
    }
    out.push(cur);
    cur = h;
  }
  out.push(cur);
  return out;
}
