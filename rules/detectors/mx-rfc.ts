import { NON_PERSONAL_NUMBER } from '../context.ts';
import { contextScore } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { allOf, hasAlnumRun, matchesAtRuns } from '../scan-util.ts';

// Mexico's Registro Federal de Contribuyentes: four letters of a person's names (three of a
// company's), the birth or founding date as YYMMDD, a two-character homoclave and a check
// character. Written in capitals, whole.
const RFC = /[A-Z&]{3,4}(\d\d)(\d\d)(\d\d)[A-Z0-9]{2}[0-9A]/g;

const POSITIVE =
  /\brfc\b|registro federal|contribuyente|\bsat\b|factura|cfdi|tax id|\bnit\b|datos fiscales/;
const NEGATIVE = new RegExp(String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:sku|coupon|promo)\b`);

/** The public generic RFCs of foreign and anonymous buyers on invoices: nobody's. */
const GENERIC = new Set(['XAXX010101000', 'XEXX010101000']);

const CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

/**
 * The SAT check character: the first twelve characters (a company's eleven after a blank) weighed
 * 13 down to 2 by their place in CHECK_ALPHABET, 11 minus the sum mod 11, 10 as "A", 11 as "0".
 */
function checkChar(rfc: string): string {
  const body = (rfc.length === 12 ? ' ' : '') + rfc.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += CHECK_ALPHABET.indexOf(body[i]!) * (13 - i);
  const r = 11 - (sum % 11);
  return r === 11 ? '0' : r === 10 ? 'A' : String(r);
}

export const mxRfc: Detector = {
  id: 'mx-rfc',
  types: ['TAX_ID'],
  // A whole token of twelve or thirteen letters and digits, three or four letters before six
  // digits: most texts have none (one shared pass tells).
  prefilter: allOf({ test: (text) => hasAlnumRun(text, 12, 13) }, /[A-Z]{3}\d{6}/),
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesAtRuns(text, RFC, [12, 13])) {
      const rfc = m[0];
      if (GENERIC.has(rfc)) continue;
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      if (checkChar(rfc) !== rfc[rfc.length - 1]) continue;
      const start = m.index;
      const end = start + rfc.length;
      // A person's RFC (four letters) is personal data and its check makes a chance match
      // rare; a company's needs its label.
      const base = rfc.length === 13 ? 0.6 : 0.45;
      const { score, reason } = contextScore(text, start, end, base, {
        positive: POSITIVE,
        negative: NEGATIVE,
        up: 0.3,
      });
      out.push({ start, end, type: 'TAX_ID', score, reason: reason ?? 'checksum' });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'RFC: HELG850312Q75', value: 'HELG850312Q75' },
    'GODE561231GR8',
    { text: 'Datos fiscales: RFC MAG041126GT8, régimen general', value: 'MAG041126GT8' },
    { text: 'factura a nombre de GODE561231GR8 por favor', value: 'GODE561231GR8' },
  ],
  noMatch: [
    // A wrong check character; the public generic RFCs; an impossible date; lower case.
    'RFC: HELG850312Q74',
    'RFC genérico XAXX010101000 para público en general',
    'RFC: HELG851312Q75',
    'helg850312q75',
    // A company's without its label; a product code's shape.
    'MAG041126GT8',
    'SKU ABCD990101AB1 in stock',
  ],
};
