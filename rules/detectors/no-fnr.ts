import { weightedSum } from '../checksums.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedMatches, isValidDate } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Norwegian national identity number (fødselsnummer, and the D-number with 40 added to the
// day): the birth date DDMMYY, a serial of three digits and two mod-11 check digits. Written in
// a row or "010190 12345".
const FNR = /(?<![\w+.,/-])(\d\d)(\d\d)(\d\d) ?(\d{5})(?![\w-]|[.,/]\d)/g;

const POSITIVE =
  /f[øo]dselsn(?:umme)?r|\bfnr\b|\bd-nummer|personnummer|norwegian (?:id|identity|national)|national identity number/;
// After "og" (and) such a word opens the next item of a list ("fødselsnummeret er X, og
// kontonummeret er Y"): it names the number after it, not this one.
const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|(?<!\bog )\b(?:ordre|faktura|bestilling|kundenummer|telefon|tlf|mobil|kontonummer)`,
);
const LABELS = keywords([
  'fødselsnummer',
  'fodselsnummer',
  'fødselsnr',
  'fnr',
  'd-nummer',
  'personnummer',
  'norwegian id',
  'norwegian identity',
  'norwegian national',
  'national identity number',
]);

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The two mod-11 check digits (a remainder of 1 makes the number invalid). */
export function isValidFnr(d: string): boolean {
  const check = (weights: readonly number[], at: number) => {
    const r = 11 - (weightedSum(d, weights) % 11);
    return (r === 11 ? 0 : r) === d.charCodeAt(at) - 48;
  };
  return check(W1, 9) && check(W2, 10);
}

/** Whether a match is a real date (day + 40 for a D-number) with both check digits right. */
function validMatch(m: RegExpExecArray): boolean {
  const [, dd, mm, yy, rest] = m;
  const day = Number(dd) > 40 ? Number(dd) - 40 : Number(dd);
  return isValidDate(Number(yy), Number(mm), day) && isValidFnr(dd! + mm! + yy! + rest!);
}

/** Norwegian fødselsnummer and D-numbers: a birth date and two check digits, beside a label. */
export const noFnr: Detector = {
  id: 'no-fnr',
  types: ['NATIONAL_ID'],
  // Eleven digits pass both checks about once in 121 and a birth date once in three: the
  // number only counts beside its name.
  prefilter: LABELS,
  detect(text) {
    return checkedMatches(text, matchesOf(text, FNR), 'NATIONAL_ID', validMatch, 0.3, {
      positive: POSITIVE,
      negative: NEGATIVE,
      up: 0.6,
    });
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Fødselsnummer: 15058545640', value: '15058545640' },
    { text: 'fnr 230476 32102 (kunde)', value: '230476 32102' },
    { text: 'Norwegian ID number 12030123466', value: '12030123466' },
    {
      text: 'Fødselsnummeret til Ingrid Bakke er 02119040607, og kontonummeret er 4272.11.30619.',
      value: '02119040607',
    },
  ],
  noMatch: [
    // The second check digit fails.
    'Fødselsnummer: 15058545641',
    // Valid, but with no word of its own.
    'Kundenummer 15058545640',
    // Not a date (month 13).
    'fnr 15138545640',
  ],
};
