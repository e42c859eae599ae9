import { luhn } from '../checksums.ts';
import { documentedAsOwn, NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Nine digits, grouped 3-3-3 by one separator used throughout, or in a row.
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const SIN = /(\d(?<![\w+.-]\d)\d{2})([- ]?)(\d{3})\2(\d{3})(?![\w-]|\.\d)/g;

const POSITIVE =
  /\b(?:sin|s\.i\.n\.?|social insurance|nas|n\.a\.s\.?|assurance sociale|num[ée]ro d'assurance|insurance number)\b/;

// Labelled numbers of other kinds look exactly like a SIN.
const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:phone|tel|fax|mobile|cell|routing|transit|account|acct|bn|business number|gst|hst|total|amount|balance|revenue|population)\b`,
);

// Amounts written with a space as the thousands separator ("$123 456 789", "123 456 789 CAD").
const MONEY_BEFORE = /[$€£¥]\s?$/;
const MONEY_AFTER = /^\s?(?:\$|€|£|cad|usd|eur|dollars?|k\$)/i;

export const caSin: Detector = {
  id: 'ca-sin',
  types: ['NATIONAL_ID'],
  // SIN with its edges (the character before it consumed instead of looked behind at, which
  // V8 runs faster): a number inside a longer one or glued to a word no longer passes.
  prefilter: /(?:^|[^\w+.-])\d{3}[- ]?\d{3}[- ]?\d{3}(?![\w-]|\.\d)/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, SIN)) {
      const start = m.index;
      const end = start + m[0].length;
      const digits = m[1]! + m[3]! + m[4]!;
      if (!luhn(digits) || /^(\d)\1{8}$/.test(digits)) continue;
      // First digit 0 is never issued (the government's own example, 046 454 286, starts so)
      // and 8 is reserved for business numbers.
      if (digits[0] === '0') {
        const own = documentedAsOwn(text, start, end, 'NATIONAL_ID', POSITIVE);
        if (own && notInLongerNumber(text, start, end)) out.push(own);
        continue;
      }
      if (digits[0] === '8') continue;
      if (!notInLongerNumber(text, start, end)) continue;
      if (MONEY_BEFORE.test(text.slice(Math.max(0, start - 2), start))) continue;
      if (MONEY_AFTER.test(text.slice(end, end + 9))) continue;
      // One Luhn-valid nine-digit run in ten is chance, so an ungrouped one needs its label.
      // Spaced 3-3-3 is also how Spanish, Portuguese and other phone numbers are written, so
      // only the dashed form stands alone.
      const sep = m[2]!;
      const base = sep === '-' ? 0.6 : sep === ' ' ? 0.45 : 0.25;
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', base, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: sep === '-' ? 0.35 : 0.45,
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
    // A form's tab-separated rows: the home address on the next line is no phone's label.
    {
      text: 'Social Insurance Number:\t163-585-581\nHome address:\t1812 Lang Coves',
      value: '163-585-581',
    },
    // A SIN starting with 0 is never issued: the government's example, given as someone's.
    { text: 'My SIN is 046 454 286', value: '046 454 286' },
    '718-446-123',
    { text: 'SIN: 130 692 544', value: '130 692 544' },
    { text: 'mon NAS est 130692544', value: '130692544' },
    { text: "Numéro d'assurance sociale : 527 431 985", value: '527 431 985' },
    { text: 'Social insurance number 943-018-507 (temporary resident)', value: '943-018-507' },
    { text: 'Employee SIN 527431985, start date Monday', value: '527431985' },
  ],
  noMatch: [
    'SIN format: 046 454 286',
    '130692544',
    'Order 130-692-544 shipped',
    'SIN: 130 692 545',
    'Revenue was $527 431 985 last year',
    'Population 1 527 431 985',
    'Call 527-431-9850 today',
    'A SIN such as 046 454 286 starts with 0',
    'Tracking: 527 431 985',
    "They're not answering at 527 431 985",
  ],
};
