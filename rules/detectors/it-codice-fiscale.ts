import { checkedCandidate } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { hasAlnumRun, matchesAtRuns } from '../scan-util.ts';

// Six letters (surname, name), year, month letter, day (+40 for women), birthplace code, check
// letter. Omocodia: when two people would get the same code, digits are replaced from the right
// by the letters L M N P Q R S T U V (standing for 0-9), so every digit position also takes them.
const D = '[0-9LMNPQRSTUV]';
// The look-behind sits after the first letter: tried first, it would run at every position of
// the text; after a letter class it runs only where a letter is.
const CF = new RegExp(
  String.raw`[A-Z](?<![A-Za-z0-9].)[A-Z]{5}${D}{2}[ABCDEHLMPRST]${D}{2}[A-Z]${D}{3}[A-Z](?![A-Za-z0-9])`,
  'gi',
);

const OMOCODIA = 'LMNPQRSTUV';
// Values of characters in odd (1st, 3rd, ...) positions, for 0-9 then A-Z.
const ODD = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
  12, 14, 16, 10, 22, 25, 24, 23,
];

const POSITIVE = /codice fiscale|\bc\.? ?f\.?(?=[\s:])|\bcf\b|tax code|fiscal code|codice/;

/** Index into ODD: digits 0-9, letters 10-35. */
function index(c: number): number {
  return c <= 57 ? c - 48 : c - 55;
}

/** Whether a 16-character upper-case code carries the right check letter. */
export function codiceFiscaleCheck(code: string): boolean {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = code.charCodeAt(i);
    // Even positions (2nd, 4th, ...) count digits as 0-9 and letters as A=0 ... Z=25.
    sum += i % 2 === 0 ? ODD[index(c)]! : c <= 57 ? c - 48 : c - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

/** The digit a position holds, undoing omocodia. */
function digit(ch: string): number {
  const k = OMOCODIA.indexOf(ch);
  return k >= 0 ? k : Number(ch);
}

export const itCodiceFiscale: Detector = {
  id: 'it-codice-fiscale',
  types: ['TAX_ID'],
  // A code is a whole 16-character token, and detect() tries CF only at those: the count of
  // token lengths (one shared pass) says whether there is any.
  prefilter: { test: (text) => hasAlnumRun(text, 16) },
  detect(text) {
    const out: Candidate[] = [];
    // Every match is a whole 16-character token: it is only tried at those.
    for (const m of matchesAtRuns(text, CF, [16])) {
      const raw = m[0];
      const upper = raw === raw.toUpperCase();
      if (!upper && raw !== raw.toLowerCase()) continue;
      const code = raw.toUpperCase();
      if (!codiceFiscaleCheck(code)) continue;
      // Day of birth, plus 40 for women.
      const day = digit(code[9]!) * 10 + digit(code[10]!);
      if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) continue;
      // The check letter and the date rules make chance matches rare; a lower-case code in
      // running text is still slightly less certain.
      const start = m.index;
      const end = start + raw.length;
      out.push(
        checkedCandidate(text, start, end, 'TAX_ID', upper ? 0.9 : 0.7, {
          positive: POSITIVE,
          up: 0.08,
          down: 0.3,
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
    'BNCGLI92D52F205V',
    { text: 'Codice fiscale: VRDLCU78H21L219W', value: 'VRDLCU78H21L219W' },
    { text: 'CF CRSNDR01A41H501U, residente a Roma', value: 'CRSNDR01A41H501U' },
    { text: 'omocodia: RSSMRA85T10A56NH', value: 'RSSMRA85T10A56NH' },
    { text: 'tax code frrpla66c15z404k', value: 'frrpla66c15z404k' },
    { text: 'Intestatario FRRPLA66C15Z404K.', value: 'FRRPLA66C15Z404K' },
  ],
  noMatch: [
    'BNCGLI92D52F205X',
    'VRDLCU78H21L219',
    'ABCDEF12G34H567I',
    'BNCGLI92D92F205V',
    'BncGli92D52F205V',
    'The build tag ABCDEFGH12345678 is unrelated',
  ],
};
