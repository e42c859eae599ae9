import { documentedAsOwn, matchAllNear } from '../context.ts';
import { contextScore } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// Two prefix letters, six digits (written together, in pairs or as one block after a space) and
// a suffix A-D. D, F, I, Q, U and V are never used; O is never the second letter. The
// disallowed pairs (BG, GB, KN, NK, NT, TN, ZZ) are rejected in code. QQ, never issued, is
// the prefix of HMRC's own examples ("QQ 12 34 56 C").
const NINO =
  /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ)( ?)(\d{2})( ?)(\d{2})\4(\d{2})( ?)([A-D])(?![A-Za-z0-9])/gi;
// Where NINO is tried: its digits and suffix, which start two or three characters (NINO_LEAD)
// after the start of every match. Searched over the whole text, NINO tries its letters at
// every letter (the i flag), and V8 without its optimisations (see 'Char-first patterns' in
// docs/engine.md) took 11 ms on 1 MB for it, char-first or not; this way, 2.
const NINO_DIGITS = /\d\d ?\d\d ?\d\d ?[A-D](?![A-Za-z0-9])/gi;
const NINO_LEAD = 3;

const BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

const POSITIVE =
  /\b(?:national insurance|nat\.? ins|ni ?(?:no|number|num|#)|nino|insurance number)|\bni:/;

export const ukNino: Detector = {
  id: 'uk-nino',
  types: ['NATIONAL_ID'],
  prefilter: /[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d]/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchAllNear(text, NINO, NINO_DIGITS, NINO_LEAD)) {
      const start = m.index;
      const end = start + m[0].length;
      const prefix = m[1]!.toUpperCase();
      if (BAD_PREFIX.has(prefix)) continue;
      const digits = m[3]! + m[5]! + m[6]!;
      if (/^(\d)\1{5}$/.test(digits)) continue;
      if (prefix === 'QQ') {
        const own = documentedAsOwn(text, start, end, 'NATIONAL_ID', POSITIVE);
        if (own) out.push(own);
        continue;
      }
      // Written "AB 12 34 56 C", "AB 123456 C" or "AB123456C": spaces after the prefix and
      // before the suffix go together, and pairs are only spaced when both are. A mix of cases
      // is not how anyone writes one either.
      const spaced = m[2] === ' ';
      if (spaced !== (m[7] === ' ') || (m[4] === ' ' && !spaced)) continue;
      const upper = m[0] === m[0].toUpperCase();
      const lower = m[0] === m[0].toLowerCase();
      if (!upper && !lower) continue;
      // The letters-digits-letter shape with these exclusions rarely occurs by chance, but
      // product and booking codes share it, so a lower-case one needs its label.
      const base = upper ? (spaced ? 0.8 : 0.7) : 0.3;
      const { score, reason } = contextScore(text, start, end, base, {
        positive: POSITIVE,
        up: upper ? 0.2 : 0.45,
      });
      out.push({ start, end, type: 'NATIONAL_ID', score, reason: reason ?? 'format' });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // HMRC's example prefix, given as someone's own number.
    { text: 'My national insurance number is QQ 12 34 56 C', value: 'QQ 12 34 56 C' },
    'AB 12 34 56 C',
    { text: 'My NI number is JG103759A.', value: 'JG103759A' },
    { text: 'National Insurance: ce 22 41 07 b', value: 'ce 22 41 07 b' },
    { text: 'nino=SK 650217 D', value: 'SK 650217 D' },
    { text: 'Employee NINO PX 48 19 27 A, starting Monday', value: 'PX 48 19 27 A' },
    { text: 'Payroll: WR 73 55 01 C / tax code 1257L', value: 'WR 73 55 01 C' },
  ],
  noMatch: [
    'Use the format QQ123456C for NI numbers',
    'The HMRC placeholder QQ 12 34 56 C is not valid',
    'GB123456A is not a valid prefix',
    'Order AB123456C shipped',
    'Part number ZZ 12 34 56 D',
    'DA123456A has a D in front',
    'AO123456B has O second',
    'Flight BA123456E boards at gate 5',
    'ab123456c from the catalogue',
  ],
};
