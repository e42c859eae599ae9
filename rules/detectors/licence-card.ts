import { matchAllAt } from '../context.ts';
import { keywords } from '../keywords.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// The front of a European driving licence (the card of Directive 2006/126/EC, also the UK's) as
// an OCR or a scan's text layer gives it, field by field: "1." surname, "2." given names, "3."
// birth date and place, "4a."-"4d." issue, expiry, authority, "5." the licence number. Car hire
// desks and identity checks paste it whole.
const CARD =
  /(?:^|\n)[ \t]*1\.[ \t]+([^\n\d]{2,40}?)[ \t]*\r?\n[ \t]*2\.[ \t]+([^\n\d]{2,60}?)[ \t]*\r?\n[ \t]*3\.[ \t]+(\d{1,2}[./-]\d{1,2}[./-]\d{2,4})[^\n]{0,40}\r?\n[ \t]*4a\.[^\n]{0,80}\r?\n(?:[ \t]*4[b-d]\.[^\n]{0,80}\r?\n){0,3}[ \t]*5\.[ \t]+([A-Z0-9][A-Z0-9 ]{4,22}[A-Z0-9])(?=[ \t]*(?:\r?\n|$))/g;

// Every card holds "4a." right after its birth date's line; the pattern is tried from "1." up
// to that far before it.
const FIELD_4A = keywords(['4a.']);
const LEAD = 160;

/** Surname, given names, birth date and number of a driving licence card's text. */
export const licenceCard: Detector = {
  id: 'licence-card',
  types: ['PERSON', 'DATE_OF_BIRTH', 'DRIVER_LICENSE'],
  prefilter: FIELD_4A,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchAllAt(text, CARD, FIELD_4A.at(text), LEAD)) {
      const add = (value: string, type: Candidate['type'], from: number) => {
        const start = text.indexOf(value, from);
        out.push({ start, end: start + value.length, type, score: 0.9, reason: 'licence card' });
        return start + value.length;
      };
      let at = m.index;
      at = add(m[1]!, 'PERSON', at);
      at = add(m[2]!, 'PERSON', at);
      at = add(m[3]!, 'DATE_OF_BIRTH', at);
      add(m[4]!, 'DRIVER_LICENSE', at);
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    {
      text: 'FÜHRERSCHEIN  BUNDESREPUBLIK DEUTSCHLAND\n1. WEILER\n2. RIKE\n3. 18.02.1995 München\n4a. 17.10.2016   4b. 17.10.2031\n4c. Landratsamt Rosenheim\n5. B826JDK8E57\n9. AM/B/L',
      value: 'B826JDK8E57',
    },
    {
      text: 'permis de conduire (recto)\n1. FABRE\n2. Norbert\n3. 12/11/1985 LILLE\n4a. 22/09/2017  4b. 22/09/2032\n4c. Préfecture de Loire-Atlantique\n5. 310429444632\n9. B',
      value: '12/11/1985',
    },
    {
      text: 'UK photocard driving licence\n1. JASKOLSKI\n2. GREEN WESTON\n3. 22.09.1996 UNITED KINGDOM\n4a. 18.10.2017\n4b. 17.10.2027\n4c. DVLA\n5. JASKO960226GW9IJ\n9. B',
      value: 'GREEN WESTON',
    },
  ],
  noMatch: [
    'Steps:\n1. Open the app\n2. Tap Settings\n3. 12/11/2024 update\n4. Restart',
    '1. Intro\n2. Terms\n3. 01.02.2020 version\n4a. scope\n5. Appendix text',
    'permis de conduire: voir 4a. et 5. au dos',
  ],
};
