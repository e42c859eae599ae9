import type { Candidate } from '../types.ts';

/**
 * Names spelled out letter by letter, as a call's transcript writes them: "Radcliffe, that's
 * R A D C L I F F E", "Surname's Smith, s as in sierra m i t h", "Is that N I A M H?". A run of
 * three letters or more, each alone ("R", "s as in sierra", "P for papa"), separated by spaces,
 * commas or hyphens, is a name when its letters spell a word of a name found in the same text:
 * the spelling repeats the name, so it is as personal. Other spelled runs (a postcode's letters,
 * a reference, "A B C" in a list) spell nothing found and stay alone.
 */
export function spelledNames(
  text: string,
  names: readonly Candidate[],
  threshold: number,
): Candidate[] {
  const words = new Set<string>();
  for (const n of names) {
    if (n.score < threshold) continue;
    for (const w of text.slice(n.start, n.end).split(NOT_LETTERS)) {
      if (w.length >= 3) words.add(w.toLowerCase());
    }
  }
  if (words.size === 0) return [];
  const out: Candidate[] = [];
  // A plain pattern finds where three characters stand alone in a row (3 ms a megabyte; the
  // Unicode run pattern over the whole text cost 80); the run is read from there.
  RUN_START.lastIndex = 0;
  for (let m = RUN_START.exec(text); m !== null; m = RUN_START.exec(text)) {
    const start = m.index + (m[0].charCodeAt(0) === m[1]!.charCodeAt(0) ? 0 : 1);
    SPELLED_RUN.lastIndex = start;
    const run = SPELLED_RUN.exec(text);
    if (run === null) continue;
    const end = start + run[0].length;
    RUN_START.lastIndex = end;
    let letters = '';
    for (const u of run[0].matchAll(UNIT_LETTER)) letters += u[1]!;
    if (!words.has(letters.toLowerCase())) continue;
    if (names.some((f) => f.start < end && start < f.end)) continue;
    out.push({ start, end, type: 'PERSON', score: 0.8, reason: 'spelled' });
  }
  return out;
}

// A character alone (no space, digit or punctuation) after a space, a bracket or the start,
// then two more, or its word for clarity ("s as in sierra").
const ALONE = String.raw`[^\s\d,.:;!?()"'’@-]`;
const RUN_START = new RegExp(
  String.raw`(?:^|[\s,(:;"])(${ALONE})(?:[ ,-]{1,2}${ALONE}[ ,-]{1,2}${ALONE}(?=[\s,.?!;:)"-]|$)| (?:as in|for) )`,
  'g',
);
const NOT_LETTERS = /[^\p{L}]+/u;
// One letter standing alone, with its word for clarity ("s as in sierra", "P for papa").
const UNIT = String.raw`\p{L}(?![\p{L}\p{N}])(?: (?:as in|for) \p{L}+)?`;
const SPELLED_RUN = new RegExp(
  String.raw`${UNIT}(?:(?:, ?| |-)${UNIT}){2,}(?![\p{L}\p{N}@]|\.\p{L})`,
  'yu',
);
const UNIT_LETTER = new RegExp(String.raw`(?:^|[ ,-])(\p{L})(?![\p{L}\p{N}])`, 'gu');
