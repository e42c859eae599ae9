import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedMatches } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Belgian national register number (rijksregisternummer, numéro de registre national; as a
// social security number NISS / INSZ): the birth date YYMMDD, a serial of three digits and two
// check digits, 97 minus the first nine digits mod 97 (with a 2 before them for births since
// 2000). Written "85.07.30-033.28", "850730 033 28" or in a row.
const NRN = /(?<![\w+.,/-])(\d\d)([. ]?)(\d\d)\2(\d\d)[-. ]?(\d{3})[-. ]?(\d\d)(?![\w-]|[.,/]\d)/g;

const POSITIVE =
  /rijksregister|registre national|\bniss\b|\binsz\b|\brrn\b|num[eé]ro national|national (?:register|number|id)|identificatienummer|\bn° national|identit[eé]itskaart|carte d'identit[eé]|belgian id/;
const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:bestel|factuur|commande|facture|klantnummer|num[eé]ro client)`,
);
const LABELS = keywords([
  'rijksregister',
  'registre national',
  'niss',
  'insz',
  'rrn',
  'numéro national',
  'numero national',
  'national register',
  'national number',
  'national id',
  'identificatienummer',
  'n° national',
  'identiteitskaart',
  "carte d'identité",
  'belgian id',
]);

/** The check: 97 minus the first nine digits mod 97, or the same with a 2 in front of them. */
export function isValidBeNrn(d: string): boolean {
  const check = Number(d.slice(9, 11));
  const body = Number(d.slice(0, 9));
  return 97 - (body % 97) === check || 97 - ((2e9 + body) % 97) === check;
}

/** Whether a match's date fields are possible and its check digits hold. */
function validMatch(m: RegExpExecArray): boolean {
  const [, yy, , mm, dd, serial, check] = m;
  // The month is 0 when the date is unknown, +20 or +40 in a bis number; so is the day 0.
  if (Number(mm) > 52 || Number(mm) % 20 > 12 || Number(dd) > 31) return false;
  return isValidBeNrn(yy! + mm! + dd! + serial! + check!);
}

/** Belgian national register numbers: a birth date, a serial and mod-97 check digits. */
export const beNrn: Detector = {
  id: 'be-nrn',
  types: ['NATIONAL_ID'],
  // Eleven digits pass the check once in 97: the number only counts beside one of its names.
  prefilter: LABELS,
  detect(text) {
    return checkedMatches(text, matchesOf(text, NRN), 'NATIONAL_ID', validMatch, 0.3, {
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
    { text: 'Rijksregisternummer: 85.07.30-033.28', value: '85.07.30-033.28' },
    { text: 'Numéro de registre national 85073003328', value: '85073003328' },
    { text: 'NISS 01020312345 (né en 2001)', value: '01020312345' },
    { text: 'INSZ: 930311 417 63', value: '930311 417 63' },
  ],
  noMatch: [
    // The check fails.
    'Rijksregisternummer: 85.07.30-033.29',
    // Valid, but with no word of its own.
    'Referentie 85073003328',
    'Rijksregisternummer volgt; bestelnummer 85073003328',
  ],
};
