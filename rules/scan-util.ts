/**
 * Facts about the text being scanned that several detectors need, computed once per text and
 * shared: in one scan every pattern detector is handed the same normalised string, so a memo on
 * the last text seen turns N copies into one. The memo holds one text (the last one), so it never
 * grows; a detector called on another text simply recomputes.
 */

let memoText: string | null = null;
let memoLower: string | null = null;

/**
 * `text.toLowerCase()`, computed once for the text of the current scan. A 2 KB prompt costs a
 * few microseconds to copy, and six detectors used to copy it each.
 */
export function lowerOf(text: string): string {
  if (text !== memoText) {
    memoText = text;
    memoLower = null;
  }
  return (memoLower ??= text.toLowerCase());
}

/**
 * The alternation of `words` (regular-expression sources, each starting with a plain lower-case
 * letter), grouped by that letter: "p(?:assword|asswd|...)|k(?:ennwort)". A flat list of thirty
 * words is tried word by word at every position of the text; grouped, a position whose
 * character starts no word is passed at once. Words keep their order inside a group, and words
 * in different groups cannot match at the same position, so the matches are the same as the
 * flat list's, with or without the `i` flag.
 */
export function byFirstLetter(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const rest = groups.get(w[0]!);
    if (rest) rest.push(w.slice(1));
    else groups.set(w[0]!, [w.slice(1)]);
  }
  return `(?:${[...groups].map(([first, rest]) => `${first}(?:${rest.join('|')})`).join('|')})`;
}
