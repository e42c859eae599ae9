import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedMatches, isValidDate } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Danish CPR number (personnummer): the birth date DDMMYY and four digits, "010190-1234". The
// old mod-11 check has not held since 2007, so nothing but the date and the label speak for it.
const CPR = /(?<![\w+.,/-])(\d\d)(\d\d)(\d\d)[- ]?(\d{4})(?![\w-]|[.,/]\d)/g;

const POSITIVE = /\bcpr\b|cpr-?n(?:umme)?r|personnummer|danish (?:id|personal)/;
const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:ordre|faktura|bestilling|kundenummer|telefon|tlf|mobil)`,
);
const LABELS = keywords(['cpr', 'personnummer', 'danish id', 'danish personal'], {
  wholeWord: true,
});

/** Danish CPR numbers: a birth date and four digits, only beside "CPR" or "personnummer". */
export const dkCpr: Detector = {
  id: 'dk-cpr',
  types: ['NATIONAL_ID'],
  prefilter: LABELS,
  detect(text) {
    const dated = (m: RegExpExecArray) => isValidDate(Number(m[3]), Number(m[2]), Number(m[1]));
    // No check digit: below the threshold without its label, well above it beside one.
    return checkedMatches(text, matchesOf(text, CPR), 'NATIONAL_ID', dated, 0.2, {
      positive: POSITIVE,
      negative: NEGATIVE,
      up: 0.65,
    });
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'CPR-nr. 010190-1234', value: '010190-1234' },
    { text: 'Mit CPR nummer er 2304761234', value: '2304761234' },
    { text: 'personnummer: 151285-4410', value: '151285-4410' },
  ],
  noMatch: [
    // Not a date.
    'CPR-nr. 320190-1234',
    'Ordrenummer 010190-1234',
    'CPR-nr. følger; ordre 010190-1234',
  ],
};
