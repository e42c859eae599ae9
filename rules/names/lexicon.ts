/**
 * The name lexicon: the generated census/compromise lists and the hand-written lists, split once
 * at load into sets, and one lookup that classifies a capitalised token.
 */
import {
  COMMON_WORD_NAMES as GENERATED_COMMON,
  ENGLISH_WORDS,
  FIRST_NAMES,
  SURNAMES,
} from './lists.generated.ts';
import {
  COMMON_WORD_NAMES,
  DOTTED_TITLES,
  EXTRA_FIRST_NAMES,
  EXTRA_SURNAMES,
  FUNCTION_WORDS,
  PARTICLES,
  PARTICLES_SECOND,
  STOP_WORDS,
  TITLES,
} from './words.ts';

const split = (s: string): string[] => s.split(' ').filter((w) => w.length > 0);

const foldCache = new Map<string, string>();

/** Strips accents so "José" finds the census "jose" and "Müller" the list's "muller". */
export function fold(word: string): string {
  let out = foldCache.get(word);
  if (out === undefined) {
    out = foldUncached(word);
    // Bounded: a long text of distinct words must not grow the cache without limit.
    if (foldCache.size < 20000) foldCache.set(word, out);
  }
  return out;
}

function foldUncached(word: string): string {
  const lower = word.toLowerCase();
  // Plain ASCII is the common case; skip the NFD round trip for it.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đð]/g, 'd')
    .replace(/þ/g, 'th')
    .replace(/æ/g, 'ae')
    .replace(/[’]/g, "'");
}

/**
 * The folded words of space-separated lists, built at load. The lists are lower-case, and
 * fold() leaves a lower-case ASCII word as it is, so only the other words are folded (and they
 * are not put in fold's cache, which is kept for the words of the texts scanned). Words are read
 * between spaces without split(), which built an array of every word first.
 */
function foldedSet(...lists: string[]): Set<string> {
  const out = new Set<string>();
  for (const list of lists) {
    let from = 0;
    while (from < list.length) {
      let to = list.indexOf(' ', from);
      if (to < 0) to = list.length;
      if (to > from) {
        const w = list.slice(from, to);
        out.add(isLowerAscii(w) ? w : foldUncached(w));
      }
      from = to + 1;
    }
  }
  return out;
}

/** Whether `w` is ASCII with no capital letter (so that fold(w) === w). */
function isLowerAscii(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** The word lists as folded sets, built on first use, not at import. */
interface Lists {
  first: Set<string>;
  last: Set<string>;
  common: Set<string>;
  stop: Set<string>;
  functionWords: Set<string>;
  /** The stop and common words with a letter beyond ASCII, lower-case but not folded. */
  ordinaryForeign: Set<string>;
}
let built: Lists | null = null;

/**
 * The lists, built on first use: a content script imports the engine in every frame of a
 * matched page, and most frames never scan; building the sets (~10 ms) waits for a scan (or the
 * guard's warm-up) instead of slowing every frame's start.
 */
function lists(): Lists {
  return (built ??= {
    first: foldedSet(FIRST_NAMES, EXTRA_FIRST_NAMES),
    last: foldedSet(SURNAMES, EXTRA_SURNAMES),
    common: foldedSet(GENERATED_COMMON, COMMON_WORD_NAMES),
    stop: foldedSet(STOP_WORDS),
    functionWords: foldedSet(FUNCTION_WORDS),
    ordinaryForeign: new Set(
      [STOP_WORDS, GENERATED_COMMON, COMMON_WORD_NAMES]
        .flatMap(split)
        .filter((w) => NON_ASCII_LETTER.test(w))
        .map((w) => w.toLowerCase()),
    ),
  });
}

/**
 * Letters that no word of the languages behind the common-word lists uses (English, German,
 * French, Spanish, Italian, Portuguese, Dutch, Nordic), only Central and Eastern European,
 * Baltic and Turkish spellings. Folding makes the surname "Bašić" the English word "basic"; a
 * word with one of these letters is an ordinary word only when the list spells it with the same
 * letters (the Czech greeting "Vážený" is in the stop list as it is).
 */
const FOREIGN_LETTER = /[ășțşğıčćďěľĺňřšťůžźżśńłđőűąęėįųūāēīķļņ]/iu;

/** Whether folded `k` of `word` is in an ordinary-word set as that word, not a look-alike. */
function ordinary(set: Set<string>, k: string, word: string, foreign: Set<string>): boolean {
  if (!set.has(k)) return false;
  if (FOREIGN_LETTER.test(word)) return foreign.has(word.toLowerCase());
  // A listed name spelt with an accent the ordinary word lacks: "Germán" is not "German",
  // "Ángel" not "angel" (the lists spell every accented ordinary word as it is written).
  if (NON_ASCII_LETTER.test(word) && !foreign.has(word.toLowerCase())) {
    const { first, last } = lists();
    if (first.has(k) || last.has(k)) return false;
  }
  return true;
}
const NON_ASCII_LETTER = /[\u00c0-\u024f]/;

/** Honorifics, lower-case and without their full stop. */
export const TITLE_SET: ReadonlySet<string> = new Set(split(TITLES));
/** Honorifics that are titles only with their full stop ("Ing."), lower-case. */
export const DOTTED_TITLE_SET: ReadonlySet<string> = new Set(split(DOTTED_TITLES));
/** Name particles ("van", "de", "al"), lower-case. */
export const PARTICLE_SET: ReadonlySet<string> = new Set(split(PARTICLES));
/** Words that may follow a particle ("van der", "de la"). */
export const PARTICLE_SECOND_SET: ReadonlySet<string> = new Set(split(PARTICLES_SECOND));

/**
 * What the lists say about one capitalised word:
 * - `first`: a first name that is not an ordinary word (it may also be a surname: "Thomas");
 * - `last`: a surname only;
 * - `common`: a name that is also an ordinary word or place ("Grant", "Rose", "Jordan");
 * - `stop`: never part of a name (greetings, products, places, support vocabulary);
 * - `unknown`: none of these (most international names land here).
 */
export type NameClass = 'first' | 'last' | 'common' | 'stop' | 'unknown';

/** Classifies a word (any case); see NameClass. */
export function classify(word: string): NameClass {
  const { first, last, common, stop, ordinaryForeign } = lists();
  const k = fold(word);
  if (ordinary(stop, k, word, ordinaryForeign)) return 'stop';
  if (ordinary(common, k, word, ordinaryForeign)) return 'common';
  if (first.has(k)) return 'first';
  if (last.has(k)) return 'last';
  // Hyphenated names count when a part is known: "Jean-Pierre" is a first name, but
  // "Müller-Lüdenscheidt" and "Ellis-Ingram" (a company, as often as not) only a surname.
  if (k.includes('-')) {
    const parts = k.split('-');
    // "Sol-Team", "Durand-Modelle": a compound ending in an ordinary word is not a name.
    if (stop.has(parts[parts.length - 1]!)) return 'stop';
    if (parts.every((p) => first.has(p) && !last.has(p))) return 'first';
    if (parts.some((p) => first.has(p) || last.has(p))) return 'last';
  }
  // Surname endings no ordinary word of these languages has ("Vitorović", "Szczepańska",
  // "Shervashidze", "Popescu", "Usamov", "Papadopoulos"): the lists cannot hold every surname.
  if (k.length >= 6 && SURNAME_ENDING.test(k)) return 'last';
  // Cyrillic surnames and patronymics by their endings ("Петров", "Коваленко", "Олегович").
  if (k.length >= 5 && CYRILLIC_SURNAME_ENDING.test(k)) return 'last';
  return 'unknown';
}

/**
 * Endings of Slavic, Baltic, Georgian, Romanian, Greek, Turkish, Nordic, German ("Werrmann"),
 * Finnish ("Heikkinen") and Italian ("Mazzotti", "Cirelli", "Bertolucci") surnames (folded).
 * (English words with these endings, "spaghetti", "confetti", are rarely capitalised.)
 */
const SURNAME_ENDING =
  /(?:[oae]vic|[oe]vich|wicz|[sc]ki|[sc]ka|dzki|czyk|enko|shvili|dze|escu|eanu|opoulos|akis|oglu|[bcdfgklmnprstvz][oe]va?|sson|ssen|[^s]sen|mann|[ai]nen|[oe]tti|elli|ucci)$/;

/**
 * Endings of Russian, Ukrainian, Belarusian, Bulgarian and Georgian surnames and of East Slavic
 * patronymics, folded (й and ї lose their marks): -ов/-ев(а), -енко, -чук/-юк, -швили, -дзе,
 * -ович/-евич, -овна/-евна/-ична/-івна. (-ин and -ский are left out: "Магазин", "Корзина",
 * "Невский" are a shop, a basket and a street.)
 */
const CYRILLIC_SURNAME_ENDING =
  /(?:[бвгджзклмнпрстфхцчшщ][ое]ва?|енко|чук|юк|швили|дзе|ович|евич|овна|евна|ична|івна|ьович)$/;

/** Whether a word is in the given-name lists, even if it is also an ordinary word ("Summer"). */
export function isGivenName(word: string): boolean {
  return lists().first.has(fold(word));
}

/** Whether a word is in the surname lists (a first name that is also a surname is weaker alone). */
export function isSurname(word: string): boolean {
  return lists().last.has(fold(word));
}

/** Whether a word is in the name lists at all, even if it is also a stop or ordinary word. */
export function inNameLists(word: string): boolean {
  const { first, last } = lists();
  const k = fold(word);
  return first.has(k) || last.has(k);
}

/** Whether a lower-case word is a known first name or surname (for lower-case names after a cue). */
export function isKnownName(word: string): boolean {
  const { first, last, common, stop } = lists();
  const k = fold(word);
  return (first.has(k) || last.has(k)) && !common.has(k) && !stop.has(k);
}

/** Whether a word is a function word: an article, a pronoun, a preposition ("the", "who"). */
export function isGrammarWord(word: string): boolean {
  return lists().functionWords.has(fold(word));
}

/** Whether a word is a function word or one of the stop words (not a lower-case name). */
export function isFunctionWord(word: string): boolean {
  const { functionWords, stop, common } = lists();
  const k = fold(word);
  return functionWords.has(k) || stop.has(k) || common.has(k);
}

let english: Set<string> | null = null;

/**
 * Whether a word (any case) is an ordinary English word in no name list: "Summary", "Weird",
 * "Noted" are; "Warrane", "Jouni", "Grant" (a listed name) are not. For capitalised words the
 * lists do not know, which are as often English words as names.
 */
export function isEnglishWord(word: string): boolean {
  english ??= frontDecoded(ENGLISH_WORDS);
  return english.has(word.toLowerCase());
}

/** The words of a front-coded list (see scripts/build-name-lists.mjs). */
function frontDecoded(coded: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  for (let i = 0; i < coded.length;) {
    const shared = coded.charCodeAt(i) - 48;
    let j = i + 1;
    while (j < coded.length && coded.charCodeAt(j) > 57) j++;
    prev = prev.slice(0, shared) + coded.slice(i + 1, j);
    out.add(prev);
    i = j;
  }
  return out;
}
