import { isTrivialDigits } from '../checksums.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedMatches } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Detector, DetectorExamples } from '../types.ts';
import { matchesAtRuns } from '../scan-util.ts';

// Turkish identity number (T.C. Kimlik No): eleven digits, the first not 0; the tenth is seven
// times the sum of the odd places minus the sum of the even ones, mod 10; the eleventh the sum
// of the first ten, mod 10.
const TCKN = /(?<![\w+.,/-])[1-9]\d{10}(?![\w-]|[.,/]\d)/g;

const POSITIVE =
  /kimlik|\btckn\b|\bt\.? ?c\.? ?(?:no|numaras)|vatanda[sş]l[ıi]k|turkish (?:id|identity)|\btcno\b/;
const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:sipari[sş]|fatura|telefon|gsm)|\b(?:tel|cep)\b`,
);
const LABELS = keywords([
  'kimlik',
  'tckn',
  'tc no',
  't.c. no',
  'tc numaras',
  't.c. numaras',
  'tcno',
  'vatandaşlık',
  'vatandaslik',
  'turkish id',
  'turkish identity',
]);

/** The two check digits of a T.C. Kimlik number. */
export function isValidTckn(d: string): boolean {
  const n = (i: number) => d.charCodeAt(i) - 48;
  const odd = n(0) + n(2) + n(4) + n(6) + n(8);
  const even = n(1) + n(3) + n(5) + n(7);
  if ((((odd * 7 - even) % 10) + 10) % 10 !== n(9)) return false;
  return (odd + even + n(9)) % 10 === n(10);
}

/** Turkish T.C. Kimlik numbers: eleven digits with two check digits, beside their name. */
export const trTckn: Detector = {
  id: 'tr-tckn',
  types: ['NATIONAL_ID'],
  // One run of eleven digits in a hundred passes the checks by chance (phone numbers are
  // eleven digits in Turkey): the number only counts beside its name.
  prefilter: LABELS,
  detect(text) {
    const valid = (m: RegExpExecArray) => isValidTckn(m[0]) && !isTrivialDigits(m[0]);
    return checkedMatches(text, matchesAtRuns(text, TCKN, [11]), 'NATIONAL_ID', valid, 0.3, {
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
    { text: 'T.C. Kimlik No: 38701562978', value: '38701562978' },
    { text: 'TCKN 12345678950, doğum tarihi 1990', value: '12345678950' },
    { text: 'Turkish ID number 50123456758 on the form', value: '50123456758' },
  ],
  noMatch: [
    // The checks fail.
    'T.C. Kimlik No: 38701562979',
    // Valid, but with no word of its own.
    'Sipariş 38701562978',
    'TC Kimlik No yok; sipariş 38701562978',
  ],
};
