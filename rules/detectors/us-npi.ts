import { NON_PERSONAL_NUMBER, tieredScore } from '../context.ts';
import { isTrivialDigits, luhn } from '../checksums.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Ten digits starting with 1 or 2, bare or grouped 4-3-3 / 3-3-4 as some forms print them.
const NPI =
  /(?<![\w.\-/])[12](?:\d{3}[ -]?\d{3}[ -]?\d{3}|\d{2}[ -]?\d{3}[ -]?\d{4})(?!\w|[.\-/]\d)/g;

const NPI_CONTEXT =
  /\b(?:npi|npis|national provider|provider|prescriber|physician|practitioner|clinician|doctor|dr|md|billing provider|rendering|referring|attending|taxonomy|nppes|cms 1500|ub-04)\b/;
const NPI_LABEL = /\bnpi\b/;

/** US National Provider Identifier: 10 digits, Luhn with the 80840 prefix, needs context. */
export const usNpi: Detector = {
  id: 'us-npi',
  types: ['HEALTH_ID'],
  prefilter: /[12]\d{3}/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, NPI)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length !== 10 || isTrivialDigits(digits) || !luhn('80840' + digits)) continue;
      // The example printed in the CMS documentation: pasted from the docs, not a provider.
      if (digits === '1234567893') continue;
      const start = m.index;
      const end = start + m[0].length;
      // One random 10-digit number in ten passes the check, and 10-digit numbers are common
      // (phones, order ids), so the checksum alone is not enough.
      const { score, reason } = tieredScore(
        text,
        start,
        end,
        { score: 0.3, reason: 'checksum' },
        [
          { words: NPI_LABEL, window: 32, score: 0.9, reason: 'checksum, NPI' },
          { words: NPI_CONTEXT, window: 40, score: 0.75, reason: 'checksum, context' },
        ],
        { words: NON_PERSONAL_NUMBER, window: 24, down: 0.4 },
      );
      // An X12 claim's or remittance's NPI qualifier right before it: "NM1*82*1*...*XX*1701846531~".
      if (text.startsWith('*XX*', start - 4) && score < 0.9) {
        out.push({ start, end, type: 'HEALTH_ID', score: 0.9, reason: 'checksum, X12 NPI' });
        continue;
      }
      out.push({ start, end, type: 'HEALTH_ID', score, reason });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'NM1*82*1*WHITCOMBE*PAUL****XX*1245319599~', value: '1245319599' },
    { text: 'NPI: 1987654328', value: '1987654328' },
    { text: 'Billing provider NPI 2739501841, taxonomy 207Q00000X', value: '2739501841' },
    { text: 'Referring physician: Dr. Okafor (1604829576)', value: '1604829576' },
    { text: 'npi# 1459-023-762 on the claim', value: '1459-023-762' },
    { text: 'The prescriber 1827364591 signed it.', value: '1827364591' },
    { text: 'Provider NPI=2983104755;', value: '2983104755' },
  ],
  noMatch: [
    'NPI: 1987654327',
    'Call 1987654328 tomorrow',
    'Order 1604829576 shipped',
    'NPI 3739501841',
    'Tracking 1Z1604829576',
    'provider ticket 1459023762 closed',
    'NPI 1111111111 is a placeholder',
    'Example from the CMS guide: NPI 1234567893',
  ],
};
