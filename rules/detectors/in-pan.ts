import { documentedAsOwn, NON_PERSONAL_NUMBER } from '../context.ts';
import { contextScore } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { allOf, hasAlnumRun, matchesAtRuns } from '../scan-util.ts';

// Three letters, the holder type (P person, C company, H HUF, F firm, A AOP, T trust, B BOI,
// L local authority, J artificial juridical person, G government), the initial of the name, a
// four-digit serial and a check letter. Always written in capitals.
const PAN = /(?<![A-Za-z0-9])[A-Z]{3}([PCHFATBLJG])[A-Z](\d{4})[A-Z](?![A-Za-z0-9])/g;

const POSITIVE =
  /\bpan\b|permanent account|income tax|\bitr\b|\btds\b|\bform 16\b|\bkyc\b|\btax id\b/;

const EXAMPLE_PAN = 'ABCDE1234F';

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:coupon|promo|voucher|code|flight|pnr|vehicle)\b`,
);

export const inPan: Detector = {
  id: 'in-pan',
  types: ['TAX_ID'],
  // A PAN is a whole ten-character token: most texts have none (one shared pass tells). Its
  // shape is written out, "[A-Z]{5}\d{4}" as single classes: V8 without its optimisations
  // enters a leading repeat at every position (see 'Char-first patterns' in docs/engine.md),
  // 11 ms on 1 MB with no PAN; this way 1.3 (optimised 1.6 -> 1.0).
  prefilter: allOf(
    { test: (text) => hasAlnumRun(text, 10) },
    /[A-Z][A-Z][A-Z][A-Z][A-Z]\d\d\d\d[A-Z]/,
  ),
  detect(text) {
    const out: Candidate[] = [];
    // Every match is a whole ten-character token: it is only tried at those.
    for (const m of matchesAtRuns(text, PAN, [10])) {
      if (m[2] === '0000') continue;
      const start = m.index;
      const end = start + 10;
      // The shape is specific but has no published check, and codes like "ABCDE1234F" turn up
      // as coupon or licence keys. A personal PAN (holder type P) is the common case and the
      // personal one; other holder types need a label.
      const base = m[1] === 'P' ? 0.6 : 0.45;
      const { score, reason } = contextScore(text, start, end, base, {
        positive: POSITIVE,
        negative: NEGATIVE,
        up: 0.3,
      });
      out.push({ start, end, type: 'TAX_ID', score, reason: reason ?? 'format' });
    }
    // The example the tax department prints on its forms, given as someone's ("my PAN is
    // ABCDE1234F"): a made-up customer's in a test ticket. Its fourth letter is no holder type.
    for (let at = text.indexOf(EXAMPLE_PAN); at >= 0; at = text.indexOf(EXAMPLE_PAN, at + 10)) {
      if (/[A-Za-z0-9]/.test(text[at - 1] ?? '') || /[A-Za-z0-9]/.test(text[at + 10] ?? ''))
        continue;
      const own = documentedAsOwn(text, at, at + 10, 'TAX_ID', POSITIVE);
      if (own) out.push(own);
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // The published example, given as someone's own.
    { text: 'My PAN is ABCDE1234F, please update KYC.', value: 'ABCDE1234F' },
    'BKRPS4821L',
    { text: 'PAN: AJWPM7315Q', value: 'AJWPM7315Q' },
    { text: 'Company PAN AADCR2290K for TDS', value: 'AADCR2290K' },
    { text: 'my pan card no is DXOPK6093N.', value: 'DXOPK6093N' },
    { text: 'Permanent Account Number (trust): AAATV3401E', value: 'AAATV3401E' },
    { text: 'Name Ravi, PAN CZSPR1180B, DOB on file', value: 'CZSPR1180B' },
  ],
  noMatch: [
    'A PAN looks like ABCDE1234F: five letters, four digits, a letter.',
    'bkrps4821l',
    'ABCDE1234F',
    'Coupon SAVPE2024X applied',
    'Order BKRPS4821L shipped',
    'AJWPM0000Q',
    'Flight code ABCPD1234E',
    'AJWPM7315',
    'Trust ref AAATV3401E',
  ],
};
