import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedMatches } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Detector, DetectorExamples } from '../types.ts';
import { anyOf, matchesOf } from '../scan-util.ts';

// Swiss social security number (AHV / AVS number, AHVN13): 756 (Switzerland's country code),
// nine digits and an EAN-13 check digit, written "756.1234.5678.97" or in a row. No GS1 barcode
// starts with 756, and the dotted form is this number's own, so that form counts alone.
const AHV = /(?<![\w+.,/-])756(\.?)(\d{4})\1(\d{4})\1(\d\d)(?![\w-]|[.,/]\d)/g;
const DOTTED_START = /756\.\d{4}\./;

const POSITIVE =
  /\bahv|\bavs\b|\bavs[- ]?n|sozialversicherungsnummer|versichertennummer|assicurazione vecchiaia|social security|\bsvn\b|\bnss\b/;
const NEGATIVE = NON_PERSONAL_NUMBER;
const LABELS = keywords([
  'ahv',
  'avs',
  'sozialversicherungsnummer',
  'versichertennummer',
  'assicurazione vecchiaia',
  'social security',
  'svn',
  'nss',
]);

/** The EAN-13 check digit: the digits weighted 1 and 3 in turn from the left, mod 10. */
export function isValidAhv(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (d.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === d.charCodeAt(12) - 48;
}

/** Swiss AHV/AVS numbers: 756, nine digits and an EAN-13 check digit. */
export const chAhv: Detector = {
  id: 'ch-ahv',
  types: ['NATIONAL_ID'],
  prefilter: anyOf(LABELS, DOTTED_START),
  detect(text) {
    const valid = (m: RegExpExecArray) => isValidAhv('756' + m[2]! + m[3]! + m[4]!);
    const base = (m: RegExpExecArray) => (m[1] === '.' ? 0.6 : 0.3);
    return checkedMatches(text, matchesOf(text, AHV), 'NATIONAL_ID', valid, base, {
      positive: POSITIVE,
      negative: NEGATIVE,
      up: 0.35,
    });
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'AHV-Nr. 756.1234.5678.97', value: '756.1234.5678.97' },
    { text: 'N° AVS: 7569876543217', value: '7569876543217' },
    { text: 'Versicherte: B. Keller, 756.0000.1111.28', value: '756.0000.1111.28' },
  ],
  noMatch: [
    // The check digit fails.
    'AHV-Nr. 756.1234.5678.98',
    // In a row, with no word of its own: a barcode as far as anyone can tell.
    'EAN 7561234567897',
    'AHV-Nr. folgt; Bestellnummer 7561234567897',
  ],
};
