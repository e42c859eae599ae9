import { NON_PERSONAL_NUMBER } from '../context.ts';
import { notInLongerNumber } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import { anyOf, matchesOf } from '../scan-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// NN-NNNNNNN, or nine digits in a row. The look-arounds keep it out of longer dashed or dotted
// runs (dates, phone numbers, ids).
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const EIN = /(\d(?<![\w+.-]\d)\d)(-?)(\d{7})(?![\w-]|\.\d)/g;

// The labels a US Employer Identification Number goes by, right before it (a sole
// proprietor's EIN names a person's business): the shape alone is any nine-digit number. Read
// as written: "EIN" in capitals, since German "ein" stands before numbers too. No common word
// goes to the shared keyword pass (rules/keywords.ts): "EIN" is looked for on its own.
// A business's tax id goes by its generic names too ("Tax ID", `tax_id`, "TIN"); a JSON key's
// quotes may stand around the label and before the value, and a bracket may close it ("Tax ID
// (EIN): ...").
const LABEL_WORDS = keywords([
  'employer id',
  'federal tax',
  'federal employer',
  'irs number',
  'tax id',
  'tax_id',
  'taxpayer id',
]);
// (Or a key in lower case: "payer_tin=84-1499179", "ein: ...", a JSON key `"ein": "..."`.)
const HAS_EIN = {
  test: (text: string) =>
    text.includes('EIN') ||
    text.includes('TIN') ||
    /(?:^|[^a-z])(?:tin|ein)["']?[ \t]*[=:]/.test(text),
};
const LABEL_BEFORE =
  /(?<![A-Za-z0-9])(?:F?EIN|TIN|(?:tin|f?ein)(?=["']?[ \t]*[=:])|[Ee]mployer [Ii](?:dentification|D|d)|[Ff]ederal (?:[Tt]ax|[Ee]mployer) (?:ID|[Ii]d|[Ii]dentification|[Nn]umber)|IRS [Nn]umber|(?:[Tt]ax(?:payer)?|TAX)[ _](?:ID|[Ii]d|[Ii]dentification))(?![A-Za-z0-9])\)?(?:[ \t_]*(?:[Nn]umber|[Nn]o\.?|#))?["']?[ \t]*(?:\(?(?:is|was)\)?|:|=|-)?[ \t]*["'>]?$/;

// "EIN" in capitals, then a few small words and "is": "the company EIN on the order is
// 84-3779849".
const EIN_SENTENCE_BEFORE =
  /(?<![A-Za-z0-9])F?EIN(?:[ \t]+[a-z]{1,12}){1,4}[ \t]+(?:is|was)[ \t]*$/;

/**
 * The IRS campus prefixes an EIN can start with; 00, 07-09, 17-19, 28-29, 49, 69, 70, 78-79,
 * 89 and 96-97 are never assigned.
 */
const UNASSIGNED = new Set([0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97]);

/** Whether nine digits are a possible EIN: an assigned prefix and not one digit repeated. */
export function isValidEin(digits: string): boolean {
  if (digits.length !== 9 || UNASSIGNED.has(Number(digits.slice(0, 2)))) return false;
  return !/^(\d)\1{8}$/.test(digits) && digits !== '123456789';
}

/** US Employer Identification Numbers, only right after one of their labels. */
export const usEin: Detector = {
  id: 'us-ein',
  types: ['TAX_ID'],
  prefilter: anyOf(HAS_EIN, LABEL_WORDS),
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, EIN)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isValidEin(m[1]! + m[3]!)) continue;
      if (!notInLongerNumber(text, start, end)) continue;
      const before = text.slice(Math.max(0, start - 40), start);
      if (!LABEL_BEFORE.test(before) && !EIN_SENTENCE_BEFORE.test(before)) continue;
      // "(the form sample)", "ticket": a number named as something else right after it.
      const after = text.slice(end, end + 24).toLowerCase();
      if (NON_PERSONAL_NUMBER.test(after) || /\b(?:sample|example)\b/.test(after)) continue;
      // The dashed form is how the IRS prints it.
      out.push({
        start,
        end,
        type: 'TAX_ID',
        score: m[2] === '-' ? 0.85 : 0.75,
        reason: 'context',
      });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: '{"name": "Acme Supply", "ein": "36-2665005"}', value: '36-2665005' },
    {
      text: 'the employer company EIN on the order is 84-3779849. Disposable earnings',
      value: '84-3779849',
    },
    { text: 'payer_tin=84-1499179 payer=Orbit Freight LLC', value: '84-1499179' },
    { text: 'Tax ID (EIN): 54-2743139\nCAQH ID: 52915660', value: '54-2743139' },
    { text: 'EIN 41-2985302', value: '41-2985302' },
    { text: 'Our Federal Tax ID is 94-3127455.', value: '94-3127455' },
    { text: 'Employer Identification Number: 273948561', value: '273948561' },
    { text: 'W-9 attached (FEIN 06-1482937)', value: '06-1482937' },
    { text: 'Vendor tax ID: 47-2913385', value: '47-2913385' },
    { text: '{"tax_id": "47-2913385", "name": "Acme LLC"}', value: '47-2913385' },
    { text: 'TIN 472913385 on the W-9', value: '472913385' },
  ],
  noMatch: [
    '41-2985302',
    'EIN 07-2985302 has a prefix the IRS never assigns',
    'EIN: 12-3456789 (the form sample)',
    'Ich habe ein 41-2985302 Paket.',
    'Syntax ID 47-2913385',
    'Tin 47-2913385 of beans',
    'Order 41-2985302 shipped; EIN on file.',
    'EIN application pending, ticket 41-2985302',
    'Call 412-985-3020 about the EIN letter',
  ],
};
