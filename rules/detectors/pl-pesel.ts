import { isTrivialDigits, weightedSum } from '../checksums.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, isValidDate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesAtRuns } from '../scan-util.ts';

// Eleven digits in a row: the PESEL is never grouped.
const PESEL = /(?<![\w+.-])\d{11}(?![\w-]|\.\d)/g;

// "PESEL", "numer PESEL", "nr PESEL", "numeru PESEL", "peselu".
const POSITIVE = /\bpesel/;

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:zam[óo]wieni|faktur|przesy[łl]k|paczk|telefon|tel\b|tel\.|kom[óo]rk|phone|konto|rachun|nip\b|regon|krs\b)`,
);

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/**
 * Whether eleven digits are a valid PESEL: a real birth date, its century written into the
 * month (01-12 for the 1900s, +20 for the 2000s, +80 for the 1800s), and the mod-10 check digit.
 */
export function isValidPesel(d: string): boolean {
  if (d.length !== 11 || isTrivialDigits(d)) return false;
  const sum = weightedSum(d, WEIGHTS);
  if ((10 - (sum % 10)) % 10 !== d.charCodeAt(10) - 48) return false;
  const coded = Number(d.slice(2, 4));
  // The 2100s (+40) and 2200s (+60) are defined too, but nobody is born there yet.
  if (coded > 40 && coded <= 80) return false;
  const century = coded > 80 ? 1800 : coded > 20 ? 2000 : 1900;
  return isValidDate(century + Number(d.slice(0, 2)), coded % 20, Number(d.slice(4, 6)));
}

export const plPesel: Detector = {
  id: 'pl-pesel',
  types: ['NATIONAL_ID'],
  // One eleven-digit run in ten carries the right check digit and a possible date by chance, so
  // the number only counts beside its name, which every Polish form prints next to it.
  prefilter: /pesel/i,
  detect(text) {
    const out: Candidate[] = [];
    // Every match is a whole eleven-character token: it is only tried at those.
    for (const m of matchesAtRuns(text, PESEL, [11])) {
      const start = m.index;
      const end = start + 11;
      if (!isValidPesel(m[0]) || !notInLongerNumber(text, start, end)) continue;
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', 0.3, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: 0.45,
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
    { text: 'PESEL: 85031207369', value: '85031207369' },
    { text: 'numer PESEL 02270803624, matka', value: '02270803624' },
    { text: 'Pacjent (nr PESEL) 90120517391', value: '90120517391' },
    { text: 'Imię,Nazwisko,PESEL\nAnna,Nowak,71092843916', value: '71092843916' },
    { text: 'PESEL of the applicant: 87891511217 (born 1887)', value: '87891511217' },
  ],
  noMatch: [
    // Valid, but without its name.
    '85031207369',
    // Wrong check digit.
    'PESEL: 85031207365',
    // Right check digits, impossible dates: month 13, the 2100s (month + 40), 30 February.
    'PESEL: 85131207362',
    'PESEL: 85451207363',
    'PESEL: 85023007362',
    'PESEL podany wcześniej; numer zamówienia 85031207369',
    'PESEL: 00000000000',
    'PESEL pending, telefon 85031207369',
  ],
};
