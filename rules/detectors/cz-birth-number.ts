import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, isValidDate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { anyOf, matchesOf } from '../scan-util.ts';

// YYMMDD, an optional slash, and a serial of four digits (three for people born before 1954).
const RC = /(?<![\w+./-])(\d{2})(\d{2})(\d{2})(\/?)(\d{3,4})(?![\w/-]|\.\d)/g;

// "rodné číslo" in every case ("rodného čísla", "rodným číslem"), with or without diacritics,
// and its abbreviation "RČ" / "r. č.".
const POSITIVE =
  /rodn[a-zá-ž]*\s+[čc][íi]sl|(?<![a-z0-9á-ž])r\. ?č\.?(?![a-z0-9á-ž])|(?<![a-z0-9á-ž])rč(?![a-z0-9á-ž])|birth number/;
const LABEL = /rodn|r\.? ?č|birth number/i;

// Czech bank accounts are also written NUMBER/BANK CODE ("123456/0800").
const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:objedn[aá]v|faktur|z[aá]silk|telefon|mobil|phone|account|bank|k[óo]d banky|iban|variabiln)|(?<![a-z])[úu][čc](?:et|tu)|\b(?:tel|vs)\b`,
);

/**
 * Whether YYMMDD and a serial make a valid rodné číslo: a real date, with 50 added to a
 * woman's month and, for numbers issued from 2004, 20 more to anyone's; and for the ten-digit
 * form (from 1954) the whole number divisible by 11, or a remainder of 10 and a final 0 (until
 * 1985).
 */
export function isValidBirthNumber(date: string, serial: string): boolean {
  const yy = Number(date.slice(0, 2));
  let month = Number(date.slice(2, 4));
  const day = Number(date.slice(4, 6));
  let year: number;
  if (serial.length === 3) {
    // Nine digits: no check digit, only issued to people born until 1953.
    if (yy >= 54) return false;
    year = 1900 + yy;
  } else {
    year = yy >= 54 ? 1900 + yy : 2000 + yy;
    const rem = Number(date + serial.slice(0, 3)) % 11;
    const check = serial.charCodeAt(3) - 48;
    if (!(rem === check || (rem === 10 && check === 0 && year < 1986))) return false;
    if (Number(serial) === 0) return false;
  }
  if (month > 50) month -= 50;
  if (month > 20) {
    if (year < 2004) return false;
    month -= 20;
  }
  return isValidDate(year, month, day);
}

export const czBirthNumber: Detector = {
  id: 'cz-birth-number',
  types: ['NATIONAL_ID'],
  // The slash found first and the digits before it looked behind at: a pattern that starts with
  // \d{6} reads six digits at every position of a long run of them.
  prefilter: anyOf(/\/(?<=\d{6}.)\d{3}/, LABEL),
  detect(text) {
    const out: Candidate[] = [];
    const labelled = LABEL.test(text);
    for (const m of matchesOf(text, RC)) {
      const start = m.index;
      const end = start + m[0].length;
      const slash = m[4] === '/';
      const serial = m[5]!;
      // Without a slash and without the label nothing here can reach the threshold.
      if (!slash && !labelled) continue;
      if (!isValidBirthNumber(m[1]! + m[2]! + m[3]!, serial)) continue;
      if (!notInLongerNumber(text, start, end)) continue;
      // About one slashed ten-digit number in a hundred has a possible date and passes the
      // mod-11 check, and the slash is how the number is written on every Czech and Slovak
      // document, so that form stands alone; the nine-digit form has no check at all.
      const checked = slash && serial.length === 4;
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', checked ? 0.55 : 0.3, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: checked ? 0.4 : 0.45,
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
    '760917/0833',
    { text: 'rodné číslo 855312/4327', value: '855312/4327' },
    { text: 'RČ: 0452081190', value: '0452081190' },
    { text: 'Rodného čísla 125722/3847 se to týká.', value: '125722/3847' },
    { text: 'r. č. 087124/5617', value: '087124/5617' },
    { text: 'rodne cislo 495312/123 (narozena 1949)', value: '495312/123' },
    { text: 'Birth number: 720415/2110', value: '720415/2110' },
  ],
  noMatch: [
    // Bare, without its name.
    '7609170833',
    // Not divisible by 11.
    '760917/0834',
    // Divisible by 11, but 30 February.
    '780230/1111',
    // The nine-digit form needs its name.
    '495312/123',
    'Číslo účtu 760917/0833',
    'Faktura 855312/4327',
    // Remainder 10 and a final 0 was only allowed until 1985.
    'Birth number: 100415/1050',
  ],
};
