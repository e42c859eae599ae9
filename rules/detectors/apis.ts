import { keywords } from '../keywords.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchAllAt } from '../context.ts';

// A booking's travel document (APIS) as airline systems print it, an SSR DOCS element:
// "SSR DOCS LH HK1 P/USA/790878827/USA/02MAY57/M/20MAY32/CASPER/JACOB/P1" (Amadeus writes
// "SRDOCS YY HK1-P-GBR-012345678-GBR-30JUN73-M-14APR29-SMITH-JOHN"): the document's type,
// issuing country, number, nationality, birth date, sex and expiry, then the names (the name
// pass reads those). Travel agents paste whole booking screens into tickets.
const DOCS =
  /DOCS[ \t]+[A-Z0-9]{2}[ \t]+[A-Z]{2}\d{1,2}[ \t]*[/-]?(P|PT|I|ID|IP|C|A|F|M|V)([/-])[A-Z]{3}\2([A-Z0-9]{5,20})\2[A-Z]{3}\2(\d{2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d{2})\2[MFXU]I?\2\d{2}[A-Z]{3}\d{2}\2/g;

const WORDS = keywords(['docs']);

/** Travel documents and birth dates in airline systems' SSR DOCS elements. */
export const apis: Detector = {
  id: 'apis',
  types: ['PASSPORT', 'NATIONAL_ID', 'DATE_OF_BIRTH'],
  prefilter: WORDS,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchAllAt(text, DOCS, WORDS.at(text), 0)) {
      const [all, kind, , number, birth] = m;
      // The number and the birth date, each after the separators before it.
      const numberAt = m.index + all.indexOf(`${m[2]}${number}${m[2]}`) + 1;
      const birthAt = m.index + all.lastIndexOf(`${m[2]}${birth}${m[2]}`) + 1;
      const passport = kind!.startsWith('P');
      out.push(
        {
          start: numberAt,
          end: numberAt + number!.length,
          type: passport ? 'PASSPORT' : 'NATIONAL_ID',
          score: 0.95,
          reason: 'docs',
        },
        {
          start: birthAt,
          end: birthAt + birth!.length,
          type: 'DATE_OF_BIRTH',
          score: 0.95,
          reason: 'docs',
        },
      );
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    {
      text: '  8 SSR DOCS LH HK1 P/USA/790878827/USA/02MAY57/M/20MAY32/CASPER/JACOB/P1',
      value: '790878827',
    },
    {
      text: '  8 SSR DOCS LH HK1 P/USA/790878827/USA/02MAY57/M/20MAY32/CASPER/JACOB/P1',
      value: '02MAY57',
    },
    {
      text: 'SRDOCS YY HK1-P-GBR-012345678-GBR-30JUN73-M-14APR29-SMITH-JOHN/P1',
      value: '012345678',
    },
    {
      text: 'SSR DOCS BA HK1/I/FRA/X4RTBPFW4/FRA/12JUL80/F/15JAN30/DUPONT/MARIE',
      value: 'X4RTBPFW4',
    },
  ],
  noMatch: [
    'SSR DOCS LH HK1 P/USA/790878827/USA/02XYZ57/M/20MAY32',
    'SSR DOCS required for all passengers before check-in',
    'DOCS LH HK1 pending',
  ],
};
