import { NON_PERSONAL_NUMBER, tieredScore } from '../context.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { allOf, hasAlnumRun, matchesAtRuns } from '../scan-util.ts';

// Registrant type letter (A/B/F/G practitioners and hospitals, M mid-level practitioners, P/R
// distributors, X buprenorphine waivers, the rest manufacturers, labs and researchers), then the
// first letter of the registrant's surname or 9 for a business, then seven digits.
const DEA = /(?<![\w-])[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}(?![\w-])/g;

const DEA_LABEL = /\bdea\b/;
const DEA_CONTEXT =
  /\b(?:prescriber|prescribing|prescription|rx|controlled substances?|schedule ii|pharmacy|pharmacist|registrant|registration|practitioner|physician|npi)\b/;

/** The DEA check: (d1 + d3 + d5) + 2 * (d2 + d4 + d6) ends in d7. */
function deaChecksum(digits: string): boolean {
  const d = (i: number) => digits.charCodeAt(i) - 48;
  const sum = d(0) + d(2) + d(4) + 2 * (d(1) + d(3) + d(5));
  return sum % 10 === d(6);
}

/** US DEA registration numbers: 2 letters + 7 digits with the DEA check digit; context raises. */
export const usDea: Detector = {
  id: 'us-dea',
  types: ['HEALTH_ID'],
  // A DEA number is a whole nine-character token: most texts have none.
  prefilter: allOf({ test: (text) => hasAlnumRun(text, 9) }, /[A-Z][A-Z9]\d{7}/),
  detect(text) {
    const out: Candidate[] = [];
    // Every match is a whole nine-character token: it is only tried at those.
    for (const m of matchesAtRuns(text, DEA, [9])) {
      // AB1234563 is the example every DEA checksum tutorial uses.
      if (!deaChecksum(m[0].slice(2)) || m[0] === 'AB1234563') continue;
      const start = m.index;
      const end = start + m[0].length;
      // Two letters and seven digits is also the shape of passports, booking references and
      // part numbers, and one in ten passes the check by chance: context decides.
      const { score, reason } = tieredScore(
        text,
        start,
        end,
        { score: 0.4, reason: 'checksum' },
        [
          { words: DEA_LABEL, window: 32, score: 0.9, reason: 'checksum, DEA' },
          { words: DEA_CONTEXT, window: 40, score: 0.75, reason: 'checksum, context' },
        ],
        { words: NON_PERSONAL_NUMBER, window: 24, down: 0.4 },
      );
      out.push({ start, end, type: 'HEALTH_ID', score, reason });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'DEA# BM4820191', value: 'BM4820191' },
    { text: 'Prescriber DEA number: FS7302855, exp 2027', value: 'FS7302855' },
    { text: 'dea MJ2649183', value: 'MJ2649183' },
    { text: 'Controlled substances registrant G95027138 (clinic)', value: 'G95027138' },
    { text: 'Rx signed, prescriber AL9053719.', value: 'AL9053719' },
    { text: 'DEA registration XK4182604', value: 'XK4182604' },
  ],
  noMatch: [
    'DEA# BM4820192',
    'Sample DEA number AB1234563 from the tutorial',
    'Passport AB1234563 expires soon',
    'Booking ref FS7302855 confirmed',
    'Part no. MJ2649183',
    'DEA# QM4820191',
    'serial XAB1234563',
    'The code PR3810466 was applied',
  ],
};
