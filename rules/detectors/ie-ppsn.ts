import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { keywords } from '../keywords.ts';
import { matchesOf } from '../scan-util.ts';

// Irish Personal Public Service Number: seven digits, a check letter (mod 23 of the digits
// weighted 8 down to 2, and of a second letter weighted 9), and for numbers issued since 2013 a
// second letter (A, B, H or W).
const PPSN = /(?<![\w-])(\d{7})([A-W])([ABHW]?)(?![\w-])/gi;

const POSITIVE = /\bpps\b|\bppsn\b|\bpps no\b|personal public service|\brsi\b/;
const NEGATIVE = NON_PERSONAL_NUMBER;
const LABELS = keywords(['pps', 'ppsn', 'personal public service', 'rsi'], { wholeWord: true });

/** Whether the check letter matches the digits (and the second letter). */
export function isValidPpsn(digits: string, check: string, second: string): boolean {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (digits.charCodeAt(i) - 48) * (8 - i);
  if (second !== '') sum += (second.toUpperCase().charCodeAt(0) - 64) * 9;
  const r = sum % 23;
  return (r === 0 ? 'W' : String.fromCharCode(64 + r)) === check.toUpperCase();
}

/** Irish PPS numbers: seven digits and a mod-23 check letter; strong beside "PPS". */
export const iePpsn: Detector = {
  id: 'ie-ppsn',
  types: ['NATIONAL_ID'],
  // Alone a number stays under the threshold: without one of its words there is nothing to do.
  prefilter: LABELS,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, PPSN)) {
      if (!isValidPpsn(m[1]!, m[2]!, m[3]!)) continue;
      const start = m.index;
      const end = start + m[0].length;
      // One such token in 23 passes by chance: alone it stays under the threshold.
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', 0.4, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: 0.5,
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
    { text: 'PPSN: 3140909Q', value: '3140909Q' },
    { text: 'my PPS number is 3140909Q, thanks', value: '3140909Q' },
    { text: 'Personal Public Service No. 3140909q', value: '3140909q' },
  ],
  noMatch: ['PPSN: 3140909R', 'Order 3140909Q shipped', '3140909Q'],
};
