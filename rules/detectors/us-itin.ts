import { NON_PERSONAL_NUMBER } from '../context.ts';
import { contextScore, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// 9XX-GG-SSSS with one separator used throughout (dash, space or dot), or nine digits in a row.
// The look-arounds keep it from matching inside longer dashed or dotted runs.
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const ITIN = /(9(?<![\w+.-]9)\d{2})([- .]?)(\d{2})\2(\d{4})(?![\w-]|\.\d)/g;

const POSITIVE =
  /\b(?:itins?|individual taxpayer|taxpayer id(?:entification)?|tax ?id(?:entification)?|tins?)\b/;

// Numbers labelled as something else. Phone, account and routing numbers are nine-digit
// look-alikes that NON_PERSONAL_NUMBER does not name. A word after "on the" or "to my" names
// the document a value goes on, not the value: in "please put my ITIN on the invoice:
// 912-70-4821" the number is the ITIN.
const NEGATIVE = new RegExp(
  String.raw`(?<!\b(?:on|onto|in|to) (?:the|my|your|our|this|that|an?) )(?:${NON_PERSONAL_NUMBER.source}|\b(?:phone|tel|fax|call|mobile|cell|routing|aba|account|acct|zip|member|customer|employee|npi)\b)`,
);

/**
 * Whether nine digits are a possible ITIN: the IRS issues them as 9XX-GG-XXXX with the group
 * digits GG in 50-65, 70-88, 90-92 or 94-99. Other 9XX numbers (93, 89, 66-69, 00-49) are not
 * ITINs, which removes most random nine-digit runs that start with 9.
 */
export function isValidItin(d: string): boolean {
  if (d.length !== 9 || d[0] !== '9') return false;
  const g = Number(d.slice(3, 5));
  const inRange = (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94;
  if (!inRange || d.slice(5) === '0000') return false;
  // A number made of one repeated digit is a placeholder.
  return !/^(\d)\1{8}$/.test(d);
}

export const usItin: Detector = {
  id: 'us-itin',
  types: ['TAX_ID'],
  // ITIN with its edges (the character before it consumed instead of looked behind at, which
  // V8 runs faster): a number inside a longer one or glued to a word no longer passes.
  prefilter: /(?:^|[^\w+.-])9\d{2}[- .]?\d{2}[- .]?\d{4}(?![\w-]|\.\d)/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, ITIN)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isValidItin(m[1]! + m[3]! + m[4]!)) continue;
      if (!notInLongerNumber(text, start, end)) continue;
      // The dashed 3-2-4 form is how the IRS prints ITINs and SSNs, and the group ranges make
      // a chance match rare, so it stands alone. Spaced, dotted and bare nine-digit runs are
      // also phone-like codes, amounts and order numbers, so they need a label.
      const sep = m[2]!;
      const base = sep === '-' ? 0.7 : sep === '' ? 0.25 : 0.35;
      const { score, reason } = contextScore(text, start, end, base, {
        positive: POSITIVE,
        negative: NEGATIVE,
        up: sep === '-' ? 0.2 : 0.5,
      });
      out.push({ start, end, type: 'TAX_ID', score, reason: reason ?? 'format' });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    '912-70-4821',
    { text: 'My ITIN is 953-84-1207.', value: '953-84-1207' },
    { text: 'Individual Taxpayer Identification Number: 997-85-6690', value: '997-85-6690' },
    { text: 'ITIN 941 92 3385 (spouse)', value: '941 92 3385' },
    { text: 'taxpayer ID (ITIN): 934545808', value: '934545808' },
    { text: 'W-7 approved, tax id 900.70.1234 on the return', value: '900.70.1234' },
    { text: 'Please put my ITIN on the invoice: 906-90-0597.', value: '906-90-0597' },
  ],
  noMatch: [
    '934545808',
    'ITIN 912-93-4821 has group 93, never issued',
    'ITIN: 912-40-4821',
    'Order 912-70-4821 shipped',
    'Tracking: 953 84 1207',
    'Call 912-704-8213 today',
    'Invoice 953841207 for the ITIN application fee',
    'Total: 1 953 841 207 units',
    'ITIN placeholder 999-99-9999',
  ],
};
