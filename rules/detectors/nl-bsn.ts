import { isTrivialDigits, weightedSum } from '../checksums.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesAtRuns, matchesOf } from '../scan-util.ts';

// Nine digits in a row, or dotted 4.2.3 as on Dutch passports and identity cards.
const BARE = /(?<![\w+.-])\d{9}(?![\w-]|\.\d)/g;
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const DOTTED = /(\d(?<![\w+.-]\d)\d{3})\.(\d{2})\.(\d{3})(?![\w-]|\.\d)/g;

// The sofinummer was the BSN's name until 2007 and is still used by payroll.
const POSITIVE =
  /\bbsn\b|burger ?service ?nummer|\bsofi[- ]?(?:nummer|nr)|\bsofinr|citizen service number/;

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:bestel|factuur|zending|pakket|klantnummer|ordernummer|telefoon|mobiel|phone|rekening|iban)|\b(?:tel|kvk|btw)\b`,
);

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2];

/** Whether nine digits pass the BSN "11-proof": weights 9..2 and -1 for the last digit. */
export function isValidBsn(d: string): boolean {
  if (d.length !== 9 || isTrivialDigits(d)) return false;
  return (weightedSum(d, WEIGHTS) - (d.charCodeAt(8) - 48)) % 11 === 0;
}

export const nlBsn: Detector = {
  id: 'nl-bsn',
  types: ['NATIONAL_ID'],
  // One nine-digit run in eleven passes the 11-proof by chance, and nine-digit runs are
  // everywhere (phone numbers, orders, accounts), so the number only counts beside its name.
  prefilter: /bsn|burger[ _]?service|sofi[- _]?n|sofinr|citizen[ _]service/i,
  detect(text) {
    const out: Candidate[] = [];
    const push = (start: number, end: number, digits: string) => {
      if (!isValidBsn(digits) || !notInLongerNumber(text, start, end)) return;
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', 0.3, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: 0.45,
        }),
      );
    };
    // Every bare match is a whole nine-character token: it is only tried at those.
    for (const m of matchesAtRuns(text, BARE, [9])) push(m.index, m.index + 9, m[0]);
    for (const m of matchesOf(text, DOTTED)) {
      push(m.index, m.index + m[0].length, m[1]! + m[2]! + m[3]!);
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'BSN: 615029371', value: '615029371' },
    { text: 'Mijn burgerservicenummer is 172483591.', value: '172483591' },
    { text: 'sofinummer 038214714 (oud)', value: '038214714' },
    { text: 'BSN 4567.81.237 staat in het paspoort', value: '4567.81.237' },
    { text: 'Naam;BSN;Plaats\nJan de Vries;234567892;Utrecht', value: '234567892' },
  ],
  noMatch: [
    // Valid, but without its name.
    '615029371',
    // Fails the 11-proof.
    'BSN: 615029372',
    'BSN bekend; bestelnummer 172483591',
    'BSN volgt, telefoon 038214714',
    'BSN: 000000000',
    'BSN 1615029371',
  ],
};
