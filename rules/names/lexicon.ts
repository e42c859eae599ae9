/**
 * The name lexicon: the generated census/compromise lists and the hand-written lists, split once
 * at load into sets, and one lookup that classifies a capitalised token.
 */
import { COMMON_WORD_NAMES as GENERATED_COMMON, FIRST_NAMES, SURNAMES } from './lists.generated.ts';
import {
  COMMON_WORD_NAMES,
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

const first = foldedSet(FIRST_NAMES, EXTRA_FIRST_NAMES);
const last = foldedSet(SURNAMES, EXTRA_SURNAMES);
const common = foldedSet(GENERATED_COMMON, COMMON_WORD_NAMES);
const stop = foldedSet(STOP_WORDS);
const functionWords = foldedSet(FUNCTION_WORDS);

/** Honorifics, lower-case and without their full stop. */
export const TITLE_SET: ReadonlySet<string> = new Set(split(TITLES));
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
  const k = fold(word);
  if (stop.has(k)) return 'stop';
  if (common.has(k)) return 'common';
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
  return 'unknown';
}

/** Whether a word is in the surname lists (a first name that is also a surname is weaker alone). */
export function isSurname(word: string): boolean {
  return last.has(fold(word));
}

/** Whether a word is in the name lists at all, even if it is also a stop or ordinary word. */
export function inNameLists(word: string): boolean {
  const k = fold(word);
  return first.has(k) || last.has(k);
}

/** Whether a lower-case word is a known first name or surname (for lower-case names after a cue). */
export function isKnownName(word: string): boolean {
  const k = fold(word);
  return (first.has(k) || last.has(k)) && !common.has(k) && !stop.has(k);
}

/** Whether a word is a function word or one of the stop words (not a lower-case name). */
export function isFunctionWord(word: string): boolean {
  const k = fold(word);
  return functionWords.has(k) || stop.has(k) || common.has(k);
}
