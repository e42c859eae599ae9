import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { keywords } from '../keywords.ts';
import { matchesOf } from '../scan-util.ts';

// Spanish social security affiliation number (NUSS): the province (2 digits), a sequence (8)
// and a mod-97 control (2), written "28/12345678/40", "28 12345678 40" or in a row.
const NUSS = /(?<![\w+./-])(\d\d)([/ -]?)(\d{8})\2(\d\d)(?![\w-]|[./]\d)/g;

const POSITIVE =
  /seguridad social|\bnuss\b|\bnaf\b|afiliaci[oó]n|\bafil\b|n[uú]mero de afiliado|social security/;
const NEGATIVE = NON_PERSONAL_NUMBER;
const LABELS = keywords(['seguridad social', 'nuss', 'naf', 'afil', 'social security']);

/** The control: province and sequence read as one number (the sequence's own below 10^7), mod 97. */
export function isValidNuss(province: string, sequence: string, control: string): boolean {
  const p = +province;
  const n = +sequence;
  if (p < 1 || p > 66) return false;
  const d = n < 10_000_000 ? n + p * 10_000_000 : p * 100_000_000 + n;
  return d % 97 === +control;
}

/** Spanish social security numbers (NUSS): province, sequence, mod-97 control. */
export const esNuss: Detector = {
  id: 'es-nuss',
  types: ['NATIONAL_ID'],
  // Only a label makes a number count (see below): no label, nothing to read.
  prefilter: LABELS,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, NUSS)) {
      if (!isValidNuss(m[1]!, m[3]!, m[4]!)) continue;
      const start = m.index;
      const end = start + m[0].length;
      // One twelve-digit number in 97 passes by chance, and a reference can be slashed the
      // same way: only a label makes it the number.
      const base = m[2] === '/' ? 0.45 : 0.3;
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', base, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: 0.4,
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
    { text: 'Nº afiliación Seguridad Social: 46/41127866/03', value: '46/41127866/03' },
    { text: 'NUSS | 08/71724911/73', value: '08/71724911/73' },
    { text: 'NIF 12217576E  Nº AFIL. S.S. 50 99965140 20', value: '50 99965140 20' },
    { text: 'número de la Seguridad Social 50 46154721 60', value: '50 46154721 60' },
  ],
  noMatch: [
    'Nº afiliación Seguridad Social: 46/41127866/04',
    'Pedido 461127866803 enviado',
    'Referencia 46/41127866/03 del lote',
    '46/41127866/03',
  ],
};
