import { contextScore, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { keywords } from '../keywords.ts';
import { matchesOf } from '../scan-util.ts';

// Ten digits, in a row or spaced 5-5 as HMRC letters print them, sometimes with the trailing K
// that online services add.
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const UTR = /(\d(?<![\w+.-]\d)\d{4})( ?)(\d{5})([Kk]?)(?![\w-]|\.\d)/g;

// Labels that name a UTR and nothing else.
const STRONG = /\butrs?\b|unique tax ?payer ref(?:erence)?/;

// Words that make a UTR likely but also sit beside other numbers in tax mail.
const WEAK = /\bhmrc\b|self[- ]assessment|\btax ?payer ref(?:erence)?|\btax ref(?:erence)?\b/;

// NON_PERSONAL_NUMBER without "reference", which is half of "Unique Taxpayer Reference", plus
// the other numbers a UK tax letter carries: phone, account, sort code, VAT and PAYE
// references.
// A word after "on the" or "to my" names the document a value goes on, not the value: in
// "please put my UTR on the invoice: 1984255164" the number is the UTR.
const NEGATIVE =
  /(?<!\b(?:on|onto|in|to) (?:the|my|your|our|this|that|an?) )\b(?:order|orders|tracking|track|shipment|parcel|invoice|inv|ticket|case no|case number|sku|item no|product|part no|part number|model|serial|s\/n|version|ver|build|release|commit|sha|uuid|guid|request id|req|transaction id|txn|confirmation|booking|reservation|po|purchase order|rma|batch|lot|isbn|doi|test card|sandbox|phone|tel|telephone|fax|mobile|call|account|acct|sort code|vat|paye|payment ref(?:erence)?|crn|company number|customer|policy)\b|(?<!tax ?payer |tax )\bref(?:erence)?\b/;

const WEIGHTS = [6, 7, 8, 9, 10, 5, 4, 3, 2];
// The check digit for each remainder of the weighted sum modulo 11.
const CHECK = '21987654321';

/**
 * Whether ten digits are a valid UTR: the first digit is the check digit over the other nine
 * (weights 6, 7, 8, 9, 10, 5, 4, 3, 2; remainder mod 11 mapped through "21987654321"), as in
 * HMRC's own validators. The mapping never yields 0, so no UTR starts with 0.
 */
export function isValidUtr(d: string): boolean {
  if (d.length !== 10 || !/^\d{10}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i + 1) - 48) * WEIGHTS[i]!;
  if (CHECK[sum % 11] !== d[0]) return false;
  // One repeated digit after the check is a placeholder.
  return !/^\d(\d)\1{8}$/.test(d);
}

export const ukUtr: Detector = {
  id: 'uk-utr',
  types: ['TAX_ID'],
  prefilter: keywords(['utr', 'taxpayer', 'tax ref', 'hmrc', 'self-assessment', 'self assessment']),
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, UTR)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isValidUtr(m[1]! + m[3]!)) continue;
      if (!notInLongerNumber(text, start, end)) continue;
      // One ten-digit number in ten passes the check by chance, and ten-digit numbers are
      // everywhere (phone numbers, accounts, order ids), so a label always decides. A strong
      // label lifts it well over the threshold; "HMRC" or "self assessment" alone just over.
      const strong = contextScore(text, start, end, 0.3, {
        positive: STRONG,
        negative: NEGATIVE,
        up: 0.55,
      });
      const found =
        strong.reason === 'context'
          ? strong
          : contextScore(text, start, end, 0.3, { positive: WEAK, negative: NEGATIVE, up: 0.3 });
      out.push({
        start,
        end,
        type: 'TAX_ID',
        score: found.score,
        reason: found.reason ?? 'checksum',
      });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'UTR: 2234567890', value: '2234567890' },
    { text: 'Please put my UTR on the invoice: 2112358132.', value: '2112358132' },
    { text: 'My Unique Taxpayer Reference is 7738204615.', value: '7738204615' },
    { text: 'tax reference (UTR): 85019 27364', value: '85019 27364' },
    { text: 'Self Assessment UTR 1284650193K', value: '1284650193K' },
    { text: 'HMRC wrote to me about 2960371528 last week', value: '2960371528' },
    { text: 'NINO: AB123456C\nUTR: 3417295083\nAddress: 9 The Glebe', value: '3417295083' },
  ],
  noMatch: [
    '2234567890',
    'UTR: 2234567891',
    'UTR to follow. Order number 7738204615',
    'HMRC helpline 0300200331',
    'Invoice 8501927364 (self assessment software)',
    'UTR 2111111111 is a placeholder',
    'Our VAT number 1284650193 is on the HMRC register',
    'Tracking 29603 71528',
  ],
};
