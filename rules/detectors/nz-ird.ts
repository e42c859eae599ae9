import { weightedSum } from '../checksums.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedMatches } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// New Zealand IRD number (the tax number, also a business's GST number): eight or nine digits
// from 10,000,000 to 150,000,000, written "49-091-850" or "136-410-132", the last a mod-11 check
// digit (with a second set of weights when the first gives 10).
const IRD = /(?<![\w+.,/-])(\d{2,3})([- ]?)(\d{3})\2(\d{3})(?![\w-]|[.,/]\d)/g;

const POSITIVE = /\bird\b|inland revenue|\bgst (?:number|no|registration)|nz tax|tax number/;
const NEGATIVE = NON_PERSONAL_NUMBER;
const LABELS = keywords(['ird', 'inland revenue', 'gst', 'nz tax', 'tax number'], {
  wholeWord: true,
});

const PRIMARY = [3, 2, 7, 6, 5, 4, 3, 2];
const SECONDARY = [7, 4, 3, 2, 5, 2, 7, 6];

/** Whether eight or nine digits are a valid IRD number (range and check digit). */
export function isValidIrd(digits: string): boolean {
  const n = Number(digits);
  if (n < 10_000_000 || n > 150_000_000) return false;
  const d = digits.padStart(9, '0');
  const check = (weights: readonly number[]) => {
    const r = weightedSum(d, weights) % 11;
    return r === 0 ? 0 : 11 - r;
  };
  let c = check(PRIMARY);
  if (c === 10) c = check(SECONDARY);
  return c !== 10 && c === d.charCodeAt(8) - 48;
}

/** New Zealand IRD numbers: range and mod-11 check digit, beside "IRD" or "Inland Revenue". */
export const nzIrd: Detector = {
  id: 'nz-ird',
  types: ['TAX_ID'],
  // One number in eleven passes the check: without one of its words there is nothing to do.
  prefilter: LABELS,
  detect(text) {
    const valid = (m: RegExpExecArray) => isValidIrd(m[1]! + m[3]! + m[4]!);
    return checkedMatches(text, matchesOf(text, IRD), 'TAX_ID', valid, 0.3, {
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
    { text: 'IRD number: 49-091-850', value: '49-091-850' },
    { text: 'my IRD no is 136410132 thanks', value: '136410132' },
    { text: 'Inland Revenue number 035-901-981', value: '035-901-981' },
  ],
  noMatch: [
    // The check digit fails.
    'IRD number: 136-410-133',
    // Valid, but with no word of its own.
    'Order 49-091-850 shipped',
    'IRD number to follow; invoice 49091850',
  ],
};
