import { lowerOf, matchesAtRuns } from '../scan-util.ts';
import { isTrivialDigits } from '../checksums.ts';
import { contextWords, NON_PERSONAL_NUMBER, nearBefore } from '../context.ts';
import { columnHeader } from '../table.ts';
import { nearWords } from '../payment-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { keywords } from '../keywords.ts';

// Nine digits as one token: not inside a longer number, a decimal, a date or an id. Every match
// is a whole nine-character token, so it is only tried at those (matchesAtRuns).
// Or a whole cell of a CSV row, between commas or line breaks ("…,021000021,48213377"): thousands
// come in groups of three, and "1,234567890" (a decimal) has no comma after.
const NINE = /(?<![\w.,/-])\d{9}(?![\w]|[.,/-]\d)|(?<=^|[\n,])\d{9}(?=,|\r?\n|$)/g;

// Bounded by any non-alphanumeric character, not \b: a key's underscore too (`routing_number`).
const ROUTING_WORDS =
  /(?<![a-z0-9])(?:routing|aba|rtn|abartn|transit|ach|fedwire|wire|r\/t|bank(?:'s)? routing|routing (?:number|no|#))(?![a-z0-9])/;
// Every match of ROUTING_WORDS is one of these as a whole word: most texts have none, and the
// shared keyword pass says so without a search of the lower-cased text.
const ROUTING_WORD_LIST = keywords(
  ['routing', 'aba', 'rtn', 'abartn', 'transit', 'ach', 'fedwire', 'wire', 'r/t', 'bank'],
  { wholeWord: true },
);

// The keyword right before the number ("Routing number: ", "ABA #", "RTN "): strong enough to
// outweigh an "order" or "ref" elsewhere in the sentence.
const ROUTING_JUST_BEFORE =
  /\b(?:routing|aba|rtn|abartn|transit|r\/t)(?:\s{0,2}(?:number|no\.?|nr\.?|num|code|#|is))?[\s:=#.()-]{0,4}$/;

// A sample's word a few words before the number, on its line.
const SAMPLE_BEFORE =
  /(?<![.@/:_-])\b(?:sample|example|e\.g\.?|dummy|placeholder|fictitious|specimen)\b[^\n\d]{0,30}$/i;

const CANADIAN = /\b(?:cpa ?005|eft|sin|transit|institution|interac|canada|canadian|cad)\b/i;

/**
 * Valid first two digits of an ABA routing number: 00-12 for ordinary banks, 21-32 for thrift
 * institutions, 61-72 for electronic transactions, 80 for traveller's cheques.
 */
function validPrefix(p: number): boolean {
  return p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80;
}

/** The ABA checksum: 3, 7, 1 weights repeated over the nine digits, sum divisible by 10. */
export function abaChecksum(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += w[i % 3]! * (digits.charCodeAt(i) - 48);
  return sum % 10 === 0;
}

/** Whether text[start, end) is a cell of a pasted table's column headed by a routing word. */
function inRoutingColumn(text: string, start: number, end: number): boolean {
  const header = columnHeader(text, start, end);
  return header !== null && ROUTING_WORDS.test(contextWords(header));
}

/** US ABA routing numbers: prefix, 3-7-1 checksum, and a routing keyword nearby. */
export const abaRouting: Detector = {
  id: 'aba-routing',
  types: ['ROUTING_NUMBER'],
  prefilter: /\d{9}/,
  detect(text) {
    const out: Candidate[] = [];
    // Without a routing word anywhere no candidate can pass, so skip the work.
    if (!ROUTING_WORD_LIST.test(text)) return out;
    const lower = lowerOf(text);
    if (!ROUTING_WORDS.test(lower)) return out;
    const nearRouting = nearWords(text, ROUTING_WORDS);
    const nearOther = nearWords(text, NON_PERSONAL_NUMBER);
    // Whether the text speaks of Canadian payments, asked once, at the first candidate that needs it.
    let canadian: boolean | undefined;
    for (const m of matchesAtRuns(text, NINE, [9])) {
      const digits = m[0];
      const start = m.index;
      const end = start + 9;
      if (!validPrefix(Number(digits.slice(0, 2))) || isTrivialDigits(digits)) continue;
      if (!abaChecksum(digits)) {
        // Canada's electronic routing number: 0, the institution's three digits, the branch's
        // five (no check digit), in a routing column or after a routing word, in a text that
        // speaks of Canadian payments ("EFT", "CPA 005", a SIN, "transit").
        if (
          digits[0] === '0' &&
          (canadian ??= CANADIAN.test(text)) &&
          (inRoutingColumn(text, start, end) || nearBefore(text, start, ROUTING_JUST_BEFORE, 24))
        ) {
          out.push({ start, end, type: 'ROUTING_NUMBER', score: 0.75, reason: 'Canadian EFT' });
        }
        continue;
      }
      // One nine-digit number in ten passes the checksum, so the keyword decides.
      let score = 0.25;
      let reason = 'checksum';
      const direct = nearBefore(text, start, ROUTING_JUST_BEFORE, 24);
      if (direct || inRoutingColumn(text, start, end)) {
        score = 0.85;
        reason = 'checksum, context';
      } else if (nearRouting.test(start, end)) {
        score = 0.75;
        reason = 'checksum, context';
      }
      // "Sample routing 011000015", "e.g. routing number 021000021": a form's or a template's.
      if (nearBefore(text, start, SAMPLE_BEFORE, 40)) {
        score = Math.min(score, 0.3);
        reason = 'example';
      } else if (!direct && nearOther.test(start, end)) {
        score -= 0.4;
        reason = 'negative context';
      }
      out.push({ start, end, type: 'ROUTING_NUMBER', score, reason });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    {
      text: 'Name,Bank,Routing number,Account\nAnn Roe,Chase,021000021,48213377',
      value: '021000021',
    },
    { text: 'routing_number=021000021', value: '021000021' },
    { text: '{"routingNumber": "021000021"}', value: '021000021' },
    { text: 'Routing number: 021105832', value: '021105832' },
    { text: 'ABA 311076299, account 12345678', value: '311076299' },
    { text: 'RTN#264083151', value: '264083151' },
    { text: 'wire to routing 072094413 at the credit union', value: '072094413' },
    { text: 'Please use transit no. 611000046 for ACH', value: '611000046' },
    { text: 'Bank routing (ABA): 323271493', value: '323271493' },
    // Canada's electronic format, under a routing column of a payroll file with SINs.
    {
      text: 'EMP_ID,NAME,SIN,ROUTING,ACCOUNT\nE1041,Callum Mac,176-511-723,000304512,8478132',
      value: '000304512',
    },
  ],
  noMatch: [
    '021105832',
    // A template's sample.
    'Direct deposit form (rev. March 2024). Sample routing 011000015 from the template was replaced.',
    'Routing number: 021105833',
    'ROUTING,ACCOUNT\n000304512,8478132',
    'Order 021105832 shipped, tracking attached',
    'routing 412345670',
    'SSN 123-45-6789 and id 311076299',
    'ABA 123456789',
    'routing 0211058321',
    'Amount 311,076,299 routed via wire',
  ],
};
