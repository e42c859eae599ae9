import { isTrivialDigits, weightedSum } from '../checksums.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Nine digits, grouped 3-3-3 by one separator used throughout or in a row, or the eight digits
// of an older number in a row.
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const TFN =
  /(\d(?<![\w+.-]\d)\d{2})([- ]?)(\d{3})\2(\d{3})(?![\w-]|\.\d)|\d(?<![\w+.-]\d)\d{7}(?![\w-]|\.\d)/g;

const POSITIVE = /\btfns?\b|tax file (?:number|no)/;

// ABNs, ACNs (nine digits, 3-3-3, like a TFN) and Medicare numbers appear on the same forms.
const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:abn|acn|arbn|bsb|crn|medicare|phone|mobile|account|acct|business number|company number)\b|\b(?:tel|ph)\b`,
);

const WEIGHTS = [1, 4, 3, 7, 5, 8, 6, 9, 10];
const WEIGHTS_8 = WEIGHTS.slice(0, 8);

/**
 * Whether eight or nine digits pass the TFN check: the weighted sum (1 4 3 7 5 8 6 9 10, the
 * first eight for an eight-digit number, as python-stdnum and stdnum-js check it) is a
 * multiple of 11.
 */
export function isValidTfn(d: string): boolean {
  if ((d.length !== 8 && d.length !== 9) || isTrivialDigits(d)) return false;
  return weightedSum(d, d.length === 9 ? WEIGHTS : WEIGHTS_8) % 11 === 0;
}

export const auTfn: Detector = {
  id: 'au-tfn',
  types: ['TAX_ID'],
  // One number in eleven passes the check by chance and nothing in a TFN's form sets it apart
  // from any other eight- or nine-digit number, so it only counts beside its name.
  prefilter: /tfn|tax[ _]file/i,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, TFN)) {
      const start = m.index;
      const end = start + m[0].length;
      const digits = m[1] === undefined ? m[0] : m[1] + m[3]! + m[4]!;
      if (!isValidTfn(digits) || !notInLongerNumber(text, start, end)) continue;
      out.push(
        checkedCandidate(text, start, end, 'TAX_ID', 0.3, {
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
    { text: '{"tax_file_number": "635 357 890", "consent": true}', value: '635 357 890' },
    { text: 'TFN: 451 238 767', value: '451 238 767' },
    { text: 'My tax file number is 908172630.', value: '908172630' },
    { text: 'Tax file no. 314-159-262 (employee)', value: '314-159-262' },
    { text: 'Old TFN 45123874 on the 1998 return', value: '45123874' },
    { text: 'Name,TFN,Start\nJo Bloggs,908 172 630,2024-07-01', value: '908 172 630' },
  ],
  noMatch: [
    // Valid, but without its name.
    '451 238 767',
    // Fails the check.
    'TFN: 451 238 768',
    'TFN: 000 000 000',
    'TFN to follow. ACN 908 172 630',
    'TFN on file; invoice 314159262',
    'TFN: 451 238-767',
  ],
};
