import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedMatches } from '../gov-util.ts';
import type { Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Eleven digits, never starting with 0, written in a row or as on tax letters: "12 345 678 901".
const IDNR = /(?<![\w+.-])([1-9]\d)( ?)(\d{3})\2(\d{3})\2(\d{3})(?![\w-]|\.\d)/g;

const POSITIVE =
  /steuer-?identifikationsnummer|identifikationsnummer|steuer[- ]?id(?:-?nr)?|steuerliche|\bidnr\b|\bid-nr\b|\bst-?idnr\b|\btin\b|\btax ?id\b|tax identification|taxpayer id/;

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:tel|telefon|phone|fax|mobil|handy|kundennummer|bestellnummer|rechnungsnummer|auftragsnummer|sendungsnummer|konto|iban|blz)\b`,
);

const IDNR_OR_SLASHED =
  /(?:^|[^\w+.-])[1-9]\d ?\d{3} ?\d{3} ?\d{3}(?![\w-]|\.\d)|\d\/\d{3,4}\/\d{4}/;

// The Steuernummer a tax office gives (not the lifelong Steuer-ID): ten or eleven digits in
// three slashed groups, as each Land writes it ("21/815/08150", "181/815/08155",
// "960/0917/6884"), after its label. It has no check digit the Länder share.
const STEUERNUMMER =
  /(?<![\p{L}])(?:steuernummer|steuer-nr\.?|st\.-?nr\.?|stnr\.?)[\s:.]{0,4}(\d{2,3}\/\d{3,4}\/\d{4,5})(?![\d/])/giu;
const SLASHED = /\d\/\d{3,4}\/\d{4}/;

/** ISO 7064 MOD 11,10 check digit over the first ten digits. */
function checkDigit(d: string): number {
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (d.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/**
 * The repetition rule of the Bundeszentralamt für Steuern: in the first ten digits exactly one
 * digit occurs twice or three times, every other digit at most once, and a digit that occurs
 * three times never does so in three adjacent positions.
 */
function repetitionOk(d: string): boolean {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[d.charCodeAt(i) - 48]!++;
  let repeated = -1;
  for (let k = 0; k < 10; k++) {
    const n = counts[k]!;
    if (n > 3) return false;
    if (n > 1) {
      if (repeated !== -1) return false;
      repeated = k;
    }
  }
  if (repeated === -1) return false;
  if (counts[repeated] === 3 && d.slice(0, 10).includes(String(repeated).repeat(3))) return false;
  return true;
}

/** Whether eleven digits are a valid Steuerliche Identifikationsnummer. */
export function isValidDeTaxId(d: string): boolean {
  return (
    d.length === 11 && d[0] !== '0' && repetitionOk(d) && checkDigit(d) === d.charCodeAt(10) - 48
  );
}

export const deTaxId: Detector = {
  id: 'de-tax-id',
  types: ['TAX_ID'],
  // IDNR with its edges (the character before it consumed instead of looked behind at, which
  // V8 runs faster): a number inside a longer one or glued to a word no longer passes.
  // (Or a Steuernummer's slashes.)
  prefilter: IDNR_OR_SLASHED,
  detect(text) {
    const valid = (m: RegExpExecArray) => isValidDeTaxId(m[1]! + m[3]! + m[4]! + m[5]!);
    // About one eleven-digit number in fifteen passes both checks by chance, so even the
    // grouped form stays under the threshold until a label names it.
    const base = (m: RegExpExecArray) => (m[2] === ' ' ? 0.4 : 0.3);
    const out = checkedMatches(text, matchesOf(text, IDNR), 'TAX_ID', valid, base, {
      positive: POSITIVE,
      negative: NEGATIVE,
      up: 0.5,
    });
    if (SLASHED.test(text)) {
      for (const m of matchesOf(text, STEUERNUMMER)) {
        const end = m.index + m[0].length;
        out.push({ start: end - m[1]!.length, end, type: 'TAX_ID', score: 0.8, reason: 'label' });
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Steuer-ID: 39170342364', value: '39170342364' },
    {
      text: 'Ihre Steuerliche Identifikationsnummer lautet 41 372 159 010.',
      value: '41 372 159 010',
    },
    { text: 'IdNr 28365461076', value: '28365461076' },
    { text: 'German tax id 45575918360 for the payroll form', value: '45575918360' },
    { text: 'TIN (DE): 49 931 582 792', value: '49 931 582 792' },
    { text: 'Identifikationsnummer\n62941307876', value: '62941307876' },
    { text: 'Steuernummer: 960/0917/6884\nIdentifikationsnummer: folgt', value: '960/0917/6884' },
    { text: 'Finanzamt Heidelberg, St.-Nr. 32/619/04605', value: '32/619/04605' },
    { text: '{"steuer_id":"49827130354","iban":"DE02120300000000202051"}', value: '49827130354' },
  ],
  noMatch: [
    '39170342364',
    'Steuer-ID: 39170342365',
    'Steuer-ID: 12345678903',
    'Bestellnummer 41372159010, Steuer-ID folgt',
    'Telefon 01713721590',
    'Sendungsnummer 28 365 461 076',
    'Tax id pending; invoice 45575918360',
    'Aktenzeichen 960/0917/6884; Steuernummer folgt',
  ],
};
