import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, isValidDate } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { keywords } from '../keywords.ts';
import { anyOf, matchesOf } from '../scan-util.ts';

// German Sozialversicherungsnummer (the pension insurance number on every payslip): the
// insurer's area (2 digits), the birth date DDMMYY, the first letter of the birth name, a serial
// (2 digits) and a check digit; written in a row or as "12 150973 K 914".
const SVNR = /(?<![\w+.-])(\d\d)( ?)(\d\d)(\d\d)(\d\d)\2([A-Z])\2(\d\d)(\d)(?![\w-]|\.\d)/g;

const POSITIVE =
  /sozialversicherung|\bsv-?(?:nummer|nr|ausweis)\b|rentenversicherung|\brv-?(?:nummer|nr)\b|\bsvnr\b|\bvsnr\b|versicherungsnummer|social security|social insurance/;
const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:artikel|art-?nr|bestellnummer|rechnungsnummer|kundennummer|seriennummer)\b`,
);

const LABELS = keywords([
  'sozialversicherung',
  'sv-nummer',
  'sv-nr',
  'svnr',
  'vsnr',
  'sv nummer',
  'rentenversicherung',
  'rv-nummer',
  'rv-nr',
  'versicherungsnummer',
  'social security',
  'social insurance',
]);

const WEIGHTS = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

/**
 * The check digit: the letter as its place in the alphabet (two digits), the twelve digits
 * weighted 2 1 2 5 7 1 2 1 2 1 2 1, the digit sums of the products added, mod 10.
 */
export function isValidSvnr(digits8: string, letter: string, serial: string, check: string) {
  const d = digits8 + String(letter.charCodeAt(0) - 64).padStart(2, '0') + serial;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const p = (d.charCodeAt(i) - 48) * WEIGHTS[i]!;
    sum += Math.floor(p / 10) + (p % 10);
  }
  return sum % 10 === check.charCodeAt(0) - 48;
}

/** German social insurance numbers: area, birth date, letter, serial, check digit. */
export const deSvnr: Detector = {
  id: 'de-svnr',
  types: ['NATIONAL_ID'],
  // The run of twelve counts only beside a label; the grouped form alone is rare: a search for
  // its middle ("150973 K 914") is cheaper than one for every run of digits.
  prefilter: anyOf(LABELS, / [A-Z] \d{3}/),
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, SVNR)) {
      const [, area, sep, dd, mm, yy, letter, serial, check] = m;
      // The area numbers run from 02 to 89.
      const a = +area!;
      if (a < 2 || a > 89) continue;
      if (!isValidDate(2000 + +yy!, +mm!, +dd!) && !isValidDate(1900 + +yy!, +mm!, +dd!)) continue;
      if (!isValidSvnr(area! + dd! + mm! + yy!, letter!, serial!, check!)) continue;
      const start = m.index;
      const end = start + m[0].length;
      // One such code in ten passes the check by chance; the grouped form is how the number is
      // printed, the run of twelve is as often a product's code, so that one needs a label.
      const base = sep === ' ' ? 0.6 : 0.35;
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', base, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: 0.35,
        }),
      );
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Sozialversicherungsnummer: 12080293N053', value: '12080293N053' },
    { text: 'SV-Nummer: 42 120100 S 141', value: '42 120100 S 141' },
    { text: 'Rentenversicherungsnummer\n23231276G004', value: '23231276G004' },
    { text: 'Meine SV-Nr. ist 13 150973 K 914.', value: '13 150973 K 914' },
  ],
  noMatch: [
    // The check digit fails; no label; a product's code; an impossible birth date.
    'Sozialversicherungsnummer: 12080293N054',
    'Code 12080293N053 im Lager',
    'Art-Nr 42 120100 S 141',
    'SV-Nummer: 12 320293 N 053',
  ],
};
