import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, isValidDate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// DDMMYY, the century sign, the three-digit individual number and the check character.
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const HETU =
  /(\d(?<![\w+.-]\d)\d{5})([-+A-FU-Ya-fu-y])(\d{3})([0-9A-FHJ-NPR-Ya-fhj-npr-y])(?![\w-]|\.\d)/g;

/** The check character for the nine digits DDMMYYZZZ, read as one number, mod 31. */
const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

const POSITIVE =
  /henkil[öo]tunnu|\bhetu\b|\bhtun|sosiaaliturvatunnu|\bsotu\b|personbeteckning|personal identity code|finnish (?:id|personal)/;

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:tilau|lasku|seuranta|l[äa]hetys|puhelin|phone|tilinumer|y-tunnus|asiakasnumer)|\b(?:puh|tel|gsm)\b`,
);

/** The century a sign stands for: "+" the 1800s, "-" and Y..U the 1900s, A..F the 2000s. */
function centuryOf(sign: string): number {
  if (sign === '+') return 1800;
  if (sign === '-' || sign >= 'U') return 1900;
  return 2000;
}

/**
 * Whether DDMMYY, a century sign, ZZZ and a check character (in upper case) make a valid
 * henkilötunnus: a real date, an individual number from 002 (900-999 are temporary numbers, also
 * in use), and the check character.
 */
export function isValidHetu(date: string, sign: string, serial: string, check: string): boolean {
  if (Number(serial) < 2) return false;
  const year = centuryOf(sign) + Number(date.slice(4, 6));
  if (!isValidDate(year, Number(date.slice(2, 4)), Number(date.slice(0, 2)))) return false;
  return CHECK[Number(date + serial) % 31] === check;
}

export const fiHetu: Detector = {
  id: 'fi-hetu',
  types: ['NATIONAL_ID'],
  // HETU's digits start a run (its look-behind is stricter): inside a long run of digits this
  // fails at once instead of reading six digits at every position.
  prefilter: /(?<![0-9])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y]/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, HETU)) {
      const start = m.index;
      const end = start + m[0].length;
      const sign = m[2]!;
      const check = m[4]!;
      if (!isValidHetu(m[1]!, sign.toUpperCase(), m[3]!, check.toUpperCase())) continue;
      if (!notInLongerNumber(text, start, end)) continue;
      // Letters are always printed in upper case; in lower case it is as likely a typo or a
      // code of some other kind, so it needs the label. A valid date and check character leave
      // about one such token in a thousand, so the code stands alone; one written all in
      // digits ("040677-0618") is shaped like a phone number and scores lower.
      const lower = sign !== sign.toUpperCase() || check !== check.toUpperCase();
      const digitsOnly = sign === '-' && check >= '0' && check <= '9';
      const base = lower ? 0.3 : digitsOnly ? 0.6 : 0.75;
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', base, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: lower ? 0.45 : 0.3,
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
    '050387-112P',
    { text: 'Henkilötunnus: 240712A415L', value: '240712A415L' },
    { text: 'hetu 290296-664H, kiitos', value: '290296-664H' },
    { text: 'Asiakas 150645Y271V soitti', value: '150645Y271V' },
    { text: 'syntynyt 1899: 070899+904N', value: '070899+904N' },
    { text: 'HETU 040677-0618', value: '040677-0618' },
    { text: 'henkilötunnus 120503b3317', value: '120503b3317' },
  ],
  noMatch: [
    // Wrong check character.
    '050387-112R',
    // Right check character, no 29 February in 1995.
    '290295-6648',
    // Lower case without its name.
    '240712a415l',
    'Tilausnumero 050387-112P',
    'Laskun viite 240712A415L',
    'SKU 050387X112P',
  ],
};
