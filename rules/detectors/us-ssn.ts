import { documentedAsOwn, NON_PERSONAL_NUMBER } from '../context.ts';
import { contextScore, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesAtRuns, matchesOf } from '../scan-util.ts';

// AAA-GG-SSSS with one separator used throughout (dash, space or dot). The look-arounds keep it
// from matching inside longer dashed or dotted runs such as "12-345-67-8901".
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const FORMATTED = /(\d(?<![\w+.-]\d)\d{2})([- .])(\d{2})\2(\d{4})(?![\w-]|\.\d)/g;
// Nine digits in a row: only an SSN when the text says so.
const BARE = /(?<![\w+.-])\d{9}(?![\w-]|\.\d)/g;

// "My social is ...", "social #": the number's everyday name ("social media", "social worker"
// are not it).
const POSITIVE =
  /\b(?:ssn|ssns|ss ?no|ssa|soc(?:ial|\.)? ?sec(?:urity)?|social security|(?:my|his|her|your|their|whose) social(?! (?:media|network|networks|worker|workers|event|events|club|care|life|skills|services|account|accounts|profile|profiles|handle|handles|channel|channels|login|feed|post|posts))|social ?(?:#|no\.?|number)|seguro social|seguridad social)\b|\bss ?#|\bsocial ?#/;

// Numbers that are labelled as something else. Phone, account and routing numbers are
// nine-digit look-alikes that NON_PERSONAL_NUMBER does not name.
const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:phone|tel|fax|call|mobile|cell|routing|aba|account|acct|zip|ein|itin|npi|member|customer|employee)\b`,
);

// Values the SSA never issued or that were published in advertising and documentation.
const PUBLISHED = new Set(['078051120', '219099999', '123456789', '457555462']);

/** Whether nine digits are a possible SSN: area, group and serial rules of the SSA. */
export function isValidSsn(d: string): boolean {
  if (d.length !== 9 || PUBLISHED.has(d)) return false;
  const area = d.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (d.slice(3, 5) === '00' || d.slice(5) === '0000') return false;
  // A number made of one repeated digit is a placeholder, even when the rules above pass.
  return !/^(\d)\1{8}$/.test(d);
}

export const usSsn: Detector = {
  id: 'us-ssn',
  types: ['US_SSN'],
  // FORMATTED or BARE with its edges (the character before it consumed instead of looked
  // behind at, which V8 runs faster): a number inside a longer one or glued to a word no
  // longer passes.
  prefilter: /(?:^|[^\w+.-])\d{3}[- .]?\d{2}[- .]?\d{4}(?![\w-]|\.\d)/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, FORMATTED)) {
      const start = m.index;
      const end = start + m[0].length;
      const digits = m[1]! + m[3]! + m[4]!;
      if (!notInLongerNumber(text, start, end)) continue;
      if (PUBLISHED.has(digits)) {
        // A published number ("123-45-6789") given as someone's SSN, with no word presenting
        // it as an example: a made-up customer's in a test ticket, as the test card numbers.
        const own = documentedAsOwn(text, start, end, 'US_SSN', POSITIVE);
        if (own) out.push(own);
        continue;
      }
      if (!isValidSsn(digits)) continue;
      // The dashed form is how SSNs are written; spaces and dots also group phone-like codes.
      const sep = m[2]!;
      const base = sep === '-' ? 0.75 : sep === ' ' ? 0.6 : 0.55;
      const { score, reason } = contextScore(text, start, end, base, {
        positive: POSITIVE,
        negative: NEGATIVE,
        up: 0.2,
      });
      out.push({ start, end, type: 'US_SSN', score, reason: reason ?? 'format' });
    }
    if (!/ss|social|soc/i.test(text)) return out;
    // Every match is a whole nine-character token: it is only tried at those.
    for (const m of matchesAtRuns(text, BARE, [9])) {
      const start = m.index;
      const end = start + 9;
      if (!isValidSsn(m[0]) || !notInLongerNumber(text, start, end)) continue;
      const { score, reason } = contextScore(text, start, end, 0.3, {
        positive: POSITIVE,
        negative: NEGATIVE,
        up: 0.45,
      });
      out.push({ start, end, type: 'US_SSN', score, reason: reason ?? 'pattern' });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'My social is 812810425, please update it.', value: '812810425' },
    // A published number given as someone's.
    { text: 'My SSN is 123-45-6789, please update it.', value: '123-45-6789' },
    { text: "I'd like to confirm my SSN, 078-05-1120.", value: '078-05-1120' },
    // Under its table column's header.
    { text: 'Name,SSN,Order\nAna,514690360,881234567\nBo,460899847,771234568', value: '460899847' },
    '460-89-9847',
    { text: "Here's my SSN: 514-69-0360", value: '514-69-0360' },
    { text: 'His social security number is 853-37-1694.', value: '853-37-1694' },
    { text: 'su número de seguro social es 418-52-7730. Yo no', value: '418-52-7730' },
    { text: 'ssn 536 22 1847 (spouse)', value: '536 22 1847' },
    { text: 'SSN:536221847', value: '536221847' },
    { text: 'Applicant, SS# 401-55-3172, phone on file', value: '401-55-3172' },
    { text: 'soc. sec. 401 55 3172', value: '401 55 3172' },
    { text: 'name,ssn\nJane Roe,219450871', value: '219450871' },
    { text: 'in this case my social security no. is 536221847', value: '536221847' },
  ],
  noMatch: [
    'Modell: PF-73\nTeilenummer               438-83-5261\nNennspannung: 220–240 V',
    // A part number in a purchase order's line.
    '0030  PN 650-43-7863  Modern Rubber Bike  15  A$129.58',
    'my social media id is 812810425',
    'Enter the SSN in the format 123-45-6789.',
    'Social security numbers look like 078-05-1120 (the Woolworth example).',
    'Name,SSN on file,Order\nAna,yes,514690360\nBo,no,460899847',
    'Order 536221847 shipped today',
    'Call me at 555-123-4567',
    'SSN on file. Tracking number 536221847',
    'The sample SSN 078-05-1120 appeared on wallet inserts.',
    'ssn 000-12-3456 and 666-12-3456 and 912-34-5678 are never issued',
    'Routing number 021000021 for the account',
    'Ticket 536-22-1847 was closed',
    'Total: 1 536 221 847 units',
    'Price 536221847.50 USD',
    'ssn placeholder 123-45-6789',
  ],
};
