import { isTrivialDigits, luhn } from '../checksums.ts';
import { isValidDate } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples, EntityType } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// HL7 version 2 messages, as interface engines, lab systems and EHR logs print them: one segment
// a line, fields parted by "|", components by "^", repetitions by "~". The segment and the
// field's position say what a value is, so no context word is needed: PID-3 is the patient's
// record number, PID-5 their name, PID-7 their birth date. Only the fields that hold a person's
// data are read:
//   PID  3 identifiers, 5 name, 6 mother's maiden name, 7 birth date, 11 address, 13-14 phones,
//        19 SSN
//   NK1  2 name, 4 address, 5-6 phones (next of kin)
//   GT1  3 name, 5 address, 6-7 phones (guarantor)
//   IN1  16 insured's name, 19 insured's address, 36 policy number
//   PV1  7-9 and 17 doctors (id^family^given)
//   MRG  1 prior record number
// A segment line: its name, then "|" (MSH's own separator is the only one in use in practice).
const SEGMENT = /(?:^|\n)[ \t]*(PID|NK1|GT1|IN1|PV1|MRG)\|[^\n]*/g;

type Kind = 'id' | 'name' | 'dob' | 'address' | 'phone' | 'ssn' | 'policy' | 'doctor';

const FIELDS: Readonly<Record<string, Readonly<Record<number, Kind>>>> = {
  PID: {
    3: 'id',
    5: 'name',
    6: 'name',
    7: 'dob',
    11: 'address',
    13: 'phone',
    14: 'phone',
    19: 'ssn',
  },
  NK1: { 2: 'name', 4: 'address', 5: 'phone', 6: 'phone' },
  GT1: { 3: 'name', 5: 'address', 6: 'phone', 7: 'phone' },
  IN1: { 16: 'name', 19: 'address', 36: 'policy' },
  PV1: { 7: 'doctor', 8: 'doctor', 9: 'doctor', 17: 'doctor' },
  MRG: { 1: 'id' },
};

/** A component or a run of them: [start, end) in the text. */
type Range = readonly [number, number];

/** The components of text[start, end) (one repetition of a field), as ranges. */
function components(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let s = start;
  for (let k = start; k <= end; k++) {
    if (k === end || text.charCodeAt(k) === 94 /* ^ */) {
      out.push([s, k]);
      s = k + 1;
    }
  }
  return out;
}

/** The span from the first to the last of `parts` that hold anything, or null. */
function spanOf(parts: readonly Range[]): Range | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]![1] > parts[i]![0]) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? null : [parts[first]![0], parts[last]![1]];
}

const LETTERS = /\p{L}{2}/u;
const ID_VALUE = /^[A-Za-z0-9][A-Za-z0-9-]{3,19}$/;
const DIGITS_ONLY = /\D/g;

/** Patient data in HL7 v2 segments (PID, NK1, GT1, IN1, PV1, MRG), by field position. */
export const hl7: Detector = {
  id: 'hl7',
  types: ['MEDICAL_RECORD', 'PERSON', 'DATE_OF_BIRTH', 'ADDRESS', 'PHONE', 'US_SSN', 'HEALTH_ID'],
  prefilter: /(?:PID|NK1|GT1|IN1|PV1|MRG)\|/,
  detect(text) {
    const out: Candidate[] = [];
    const push = (r: Range | null, type: EntityType, score: number, reason: string) => {
      if (r && r[1] > r[0]) out.push({ start: r[0], end: r[1], type, score, reason });
    };
    for (const m of matchesOf(text, SEGMENT)) {
      const name = m[1]!;
      const fields = FIELDS[name]!;
      const lineEnd = m.index + m[0].length;
      // Field 1 starts after "PID|"; MSH is the one segment whose count starts at the bar.
      let field = 1;
      let start = text.indexOf('|', m.index) + 1;
      while (start <= lineEnd) {
        let end = text.indexOf('|', start);
        if (end < 0 || end > lineEnd) end = lineEnd;
        const kind = fields[field];
        if (kind) {
          // Each repetition of the field on its own ("~" parts them).
          let r = start;
          for (let k = start; k <= end; k++) {
            if (k === end || text.charCodeAt(k) === 126 /* ~ */) {
              read(text, r, k, kind, push);
              r = k + 1;
            }
          }
        }
        if (end >= lineEnd) break;
        start = end + 1;
        field++;
      }
    }
    return out;
  },
};

function read(
  text: string,
  start: number,
  end: number,
  kind: Kind,
  push: (r: Range | null, type: EntityType, score: number, reason: string) => void,
): void {
  if (end <= start) return;
  const parts = components(text, start, end);
  const first = parts[0]!;
  const value = text.slice(first[0], first[1]);
  switch (kind) {
    case 'id':
    case 'policy':
      if (ID_VALUE.test(value) && /\d/.test(value))
        push(first, kind === 'id' ? 'MEDICAL_RECORD' : 'HEALTH_ID', 0.85, 'HL7 field');
      return;
    case 'name': {
      // Family, given, middle (the suffix and the title after them are no part of it).
      const span = spanOf(parts.slice(0, 3));
      if (span && LETTERS.test(text.slice(span[0], span[1])))
        push(span, 'PERSON', 0.85, 'HL7 name');
      return;
    }
    case 'doctor': {
      // id^family^given: the id is the doctor's NPI when its check holds.
      const digits = value.replace(DIGITS_ONLY, '');
      if (
        digits.length === 10 &&
        digits === value &&
        !isTrivialDigits(digits) &&
        luhn('80840' + digits)
      )
        push(first, 'HEALTH_ID', 0.8, 'HL7 field, NPI checksum');
      const span = spanOf(parts.slice(1, 4));
      if (span && LETTERS.test(text.slice(span[0], span[1])))
        push(span, 'PERSON', 0.85, 'HL7 name');
      return;
    }
    case 'dob': {
      // YYYYMMDD, a time after it at most.
      const d = /^(\d{4})(\d\d)(\d\d)(?:\d{2,6})?$/.exec(value);
      if (d && isValidDate(+d[1]!, +d[2]!, +d[3]!))
        push(first, 'DATE_OF_BIRTH', 0.85, 'HL7 birth date');
      return;
    }
    case 'address': {
      // street^other^city^state^zip (the country after them is left out).
      const span = spanOf(parts.slice(0, 5));
      if (
        span &&
        /\d/.test(text.slice(span[0], span[1])) &&
        LETTERS.test(text.slice(span[0], span[1]))
      )
        push(span, 'ADDRESS', 0.85, 'HL7 address');
      return;
    }
    case 'phone': {
      // The number as written in the first component, or area code and local number in the
      // sixth and seventh.
      const own = value.replace(DIGITS_ONLY, '');
      if (own.length >= 7 && own.length <= 15) push(first, 'PHONE', 0.85, 'HL7 phone');
      else if (parts.length >= 7) {
        const area = parts[5]!;
        const local = parts[6]!;
        const digits = text.slice(area[0], local[1]).replace(DIGITS_ONLY, '');
        if (digits.length >= 7 && digits.length <= 15)
          push([area[0], local[1]], 'PHONE', 0.85, 'HL7 phone');
      }
      return;
    }
    case 'ssn': {
      const digits = value.replace(DIGITS_ONLY, '');
      if (digits.length === 9 && /^\d{3}-?\d{2}-?\d{4}$/.test(value) && !isTrivialDigits(digits))
        push(first, 'US_SSN', 0.85, 'HL7 field');
      return;
    }
  }
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    {
      text: 'MSH|^~\\&|EPIC|HOSP|LAB|HOSP|202501011200||ADT^A08|123|P|2.5.1\nPID|1||M022042049^^^MRN^MR||DOE^JANE^Q||19770908|F',
      value: 'M022042049',
    },
    { text: 'PID|1||88213^^^MRN^MR||YOST^TRENT^N||19770908|M', value: 'YOST^TRENT^N' },
    { text: 'PID|1||88213^^^MRN^MR||YOST^TRENT^N||19770908|M', value: '19770908' },
    {
      text: 'PID|1||88213||ROE^ANA||19800101|F|||5268 JEFFERSON DR^^DAYTON^OH^45480||5035461145',
      value: '5268 JEFFERSON DR^^DAYTON^OH^45480',
    },
    {
      text: 'PID|1||88213||ROE^ANA||19800101|F|||5268 JEFFERSON DR^^DAYTON^OH^45480||5035461145',
      value: '5035461145',
    },
    { text: 'PV1|1|O|CLINIC^^^||||1987654328^WALSH^LEXIE', value: 'WALSH^LEXIE' },
    { text: 'PV1|1|O|CLINIC^^^||||1987654328^WALSH^LEXIE', value: '1987654328' },
    {
      text: 'NK1|1|ROE^MARTA^^^MRS|MTH|12 ELM ST^^SPRINGFIELD^IL^62704|(217)555-0142',
      value: 'ROE^MARTA',
    },
  ],
  noMatch: [
    // The segment names in prose, and other segments' fields.
    'The PID| segment carries the patient; OBX|1|NM|GLU^Glucose||105|mg/dL',
    'OBR|1|845512|99321|CBC^COMPLETE BLOOD COUNT|||202501011200',
    'MSH|^~\\&|EPIC|HOSP|LAB|HOSP|202501011200||ADT^A08|123|P|2.5.1',
    // Empty fields.
    'PID|1||||||',
  ],
};
