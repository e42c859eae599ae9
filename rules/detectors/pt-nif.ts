import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedMatches } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Portuguese tax number (NIF, número de contribuinte): nine digits, the first saying who holds
// it (1-3 and 45 people, 5 companies, 6 the state, 8 sole traders, 9 others), the last a mod-11
// check digit. Nine digits are everywhere (phones, orders), so only its label makes it one.
const NIF = /(?<![\w+.,/-])([1235689]\d{2})( ?)(\d{3})\2(\d{3})(?![\w-]|[.,/]\d)/g;

const POSITIVE =
  /\bnif\b|\bnipc\b|contribuinte|identifica[cç][aã]o fiscal|\bnif-?pt\b|portuguese tax/;
const NEGATIVE = NON_PERSONAL_NUMBER;
const REPEATED = /^(\d)\1{8}$/;
const LABELS = keywords(['nif', 'nipc', 'contribuinte', 'fiscal']);

/** The check: digits 1-8 weighted 9 down to 2, the sum mod 11; 11 - rest, or 0 below 2. */
export function isValidPtNif(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (d.charCodeAt(i) - 48) * (9 - i);
  const r = sum % 11;
  return (r < 2 ? 0 : 11 - r) === d.charCodeAt(8) - 48;
}

/** Portuguese NIF: nine digits with a mod-11 check digit, beside its label. */
export const ptNif: Detector = {
  id: 'pt-nif',
  types: ['TAX_ID'],
  prefilter: LABELS,
  detect(text) {
    const valid = (m: RegExpExecArray) => {
      const digits = m[1]! + m[3]! + m[4]!;
      return isValidPtNif(digits) && !REPEATED.test(digits);
    };
    return checkedMatches(text, matchesOf(text, NIF), 'TAX_ID', valid, 0.3, {
      positive: POSITIVE,
      negative: NEGATIVE,
      up: 0.55,
    });
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Novo titular: Xavier Coelho, NIF 112724604', value: '112724604' },
    { text: 'Número de contribuinte: 197 226 841', value: '197 226 841' },
    { text: 'NIF da falecida: 164964410', value: '164964410' },
  ],
  noMatch: [
    'NIF 112724605',
    'Encomenda 112724604 enviada',
    'telemóvel 912233096',
    'NIF: 111111111',
  ],
};
