import { mod97 } from '../checksums.ts';
import { near } from '../context.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { anyOf, matchesOf } from '../scan-util.ts';
import { keywords } from '../keywords.ts';

/**
 * IBAN length per country (SWIFT IBAN registry plus the partial-IBAN countries listed by
 * ibantools 4.5). Kept as one string rather than importing ibantools: that library also carries
 * per-country BBAN formats and weighs about 4 KB gzipped, while the length and the mod-97 check
 * below already leave one random string in ~10^4 passing. iban.test.ts checks this table
 * against ibantools so the two cannot drift apart silently.
 */
export const IBAN_LENGTHS =
  'AD24AE23AL28AO25AT20AX18AZ28BA20BE16BF28BG22BH22BI27BJ28BL27BR29BY28CF27CG27CH21CI28CM27CR22CV25CY28CZ24DE22DJ27DK18DO28DZ26EE20EG29ES24FI18FK18FO18FR27GA27GB22GE22GF27GI23GL18GP27GQ27GR27GT28GW25HN28HR21HU28IE22IL23IQ23IR26IS26IT27JO30KM27KW30KZ20LB28LC32LI21LT20LU20LV21LY25MA28MC27MD24ME22MF27MG27MK19ML28MN20MQ27MR27MT31MU30MZ25NC27NE28NI28NL18NO15OM23PF27PK24PL28PM27PS29PT25QA29RE27RO24RS22RU33SA24SC31SD18SE24SI19SK24SM27SN28SO23ST25SV28TD27TF27TG28TL23TN24TR26UA29VA22VG24WF27XK20YE30YT27';

const LENGTH = new Map<string, number>();
for (const m of IBAN_LENGTHS.matchAll(/([A-Z]{2})(\d\d)/g)) LENGTH.set(m[1]!, Number(m[2]));

// Country code and check digits at the start of a token; the rest is read by hand in detect()
// so that the exact country length decides where the IBAN ends.
// (Char-first, and "\d\d" rather than "\d{2}", since most positions hold a letter; see
// 'Char-first patterns' in docs/engine.md: 10 ms on 1 MB without V8's optimisations, now 2.)
const HEAD = /[A-Za-z](?<![A-Za-z0-9][A-Za-z])[A-Za-z]\d\d(?=[ -]?[A-Za-z0-9])/g;

/**
 * IBANs printed in documentation, bank websites and library READMEs. They are valid, so they
 * still count, but lower, and beside "example" they drop out.
 */
const SAMPLE_IBANS = new Set([
  'DE89370400440532013000',
  'DE75512108001245126199',
  'GB82WEST12345698765432',
  'GB29NWBK60161331926819',
  'GB33BUKB20201555555555',
  'FR1420041010050500013M02606',
  'FR7630006000011234567890189',
  'NL91ABNA0417164300',
  'CH9300762011623852957',
  'BE68539007547034',
  'ES9121000418450200051332',
  'IT60X0542811101000000123456',
  'AT611904300234573201',
  'NO9386011117947',
  'PL61109010140000071219812874',
  'SE4550000000058398257466',
  'LU280019400644750000',
]);

const IBAN_WORDS =
  /\b(?:iban|bank|account|konto|compte|cuenta|conto|rekening|transfer|wire|sepa|überweisung|virement|transferencia)\b/;
const SAMPLE_HINT =
  /\b(?:example|e\.g|sample|test|testing|dummy|fake|placeholder|demo|format|such as)\b/;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Reads an IBAN of `length` characters starting at `start`: either unbroken, or in the printed
 * form (groups of four separated by one space or dash). Returns the end offset or -1.
 */
function readIban(text: string, start: number, length: number): number {
  let i = start + 4;
  let count = 4;
  let group = 4;
  let sep = 0;
  while (count < length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45) {
      // A separator only between groups of four, and always the same one.
      if (group !== 4 || (sep !== 0 && c !== sep)) return -1;
      if (sep === 0 && count !== 4) return -1;
      sep = c;
      group = 0;
      i++;
      continue;
    }
    if (!isAlnum(c)) return -1;
    if (sep !== 0 && group === 4) return -1;
    count++;
    group++;
    i++;
  }
  // It must end here: not glued to more letters or digits, nor followed by another group of
  // digits (then the country length does not match what was written). A word may follow.
  if (isAlnum(text.charCodeAt(i))) return -1;
  const next = text.charCodeAt(i + 1);
  if (sep !== 0 && text.charCodeAt(i) === sep && next >= 48 && next <= 57) return -1;
  return i;
}

/**
 * Reads an IBAN of `length` characters whose characters start at `from` (the country and check
 * digits, `head` characters of them, already read), in groups of any size: "DE89 37040044
 * 0532013000" as a bank's letter prints it, "DE 89 3704 ...". Each group at least two characters
 * of digits or capitals, one separator between them; the length must end at a group's end.
 * Returns the end offset or -1. Looser than readIban, so only read beside an IBAN word.
 */
function readGrouped(text: string, from: number, head: number, length: number): number {
  let i = from;
  let count = head;
  let group = 0;
  let previous = 0;
  while (count < length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45) {
      if (group < 2 && count > head) return -1;
      previous = group;
      group = 0;
      i++;
      if (!isUpperOrDigit(text.charCodeAt(i))) return -1;
      continue;
    }
    if (!isUpperOrDigit(c)) return -1;
    count++;
    group++;
    i++;
  }
  // The last group may be shorter after one of four ("CH 66 0500 7203 5610 8759 G").
  return (group >= 2 || previous === 4) && !isAlnum(text.charCodeAt(i)) ? i : -1;
}

function isUpperOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

// IBAN_WORDS as the shared keyword pass finds them: without one, no spaced head can count.
const IBAN_WORD_LIST = keywords([
  'iban',
  'bank',
  'account',
  'konto',
  'compte',
  'cuenta',
  'conto',
  'rekening',
  'transfer',
  'wire',
  'sepa',
  'überweisung',
  'virement',
  'transferencia',
]);
// The head of an IBAN written with a space after its country ("DE 89 3704 ..."), in capitals.
// (Char-first, as HEAD: the look-behind after the first capital. Tried first at every position, it
// cost more than the rest; after "[A-Z]{2}", 7 ms on 1 MB without V8's optimisations, now 2.)
const SPACED_HEAD = /[A-Z](?<![A-Za-z0-9][A-Z])[A-Z] \d\d[ -](?=[A-Z0-9])/g;
/** How far after an IBAN word a spaced head may start. */
const SPACED_REACH = 32;

/** IBANs: country, per-country length and the ISO 7064 mod-97 check, grouped or not. */
export const iban: Detector = {
  id: 'iban',
  types: ['IBAN'],
  // (The spaced head in capitals only: "at 10" and "on 12" are everywhere.)
  prefilter: anyOf(/[A-Za-z]{2}\d\d/, /[A-Z]{2} \d\d[ -][A-Z0-9]/),
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, HEAD)) {
      const start = m.index;
      const country = m[0].slice(0, 2).toUpperCase();
      const length = LENGTH.get(country);
      if (length === undefined) continue;
      let end = readIban(text, start, length);
      // Other groupings count beside an IBAN word (readGrouped).
      if (end < 0) {
        end = readGrouped(text, start + 4, 4, length);
        if (end >= 0 && !near(text, start, start + 4, IBAN_WORDS)) continue;
      }
      if (end < 0) continue;
      push(out, text, start, end);
    }
    // A spaced head is looked for only in the few characters after an IBAN word ("IBAN DE 89
    // ...", "Bank: DE 89 ..."): searched over the whole text it cost three times the rest.
    let after = -1;
    for (const a of IBAN_WORD_LIST.at(text)) {
      if (a < after) continue;
      SPACED_HEAD.lastIndex = a;
      const m = SPACED_HEAD.exec(text);
      if (m === null) break;
      after = m.index + 1;
      if (m.index > a + SPACED_REACH) continue;
      const start = m.index;
      const length = LENGTH.get(m[0].slice(0, 2));
      if (length === undefined || !near(text, start, start + 5, IBAN_WORDS)) continue;
      const end = readGrouped(text, start + m[0].length, 4, length);
      if (end >= 0) push(out, text, start, end);
    }
    return out;
  },
};

/** Checks and scores the IBAN written at [start, end), and adds it to `out`. */
function push(out: Candidate[], text: string, start: number, end: number): void {
  const value = text.slice(start, end).replace(/[ -]/g, '').toUpperCase();
  // mod97 over the BBAN followed by the country code and check digits must leave 1.
  if (mod97(value.slice(4) + value.slice(0, 4)) !== 1) return;
  let score = 0.9;
  let reason = 'checksum';
  if (near(text, start, end, IBAN_WORDS)) {
    score = 0.95;
    reason = 'checksum, context';
  }
  if (SAMPLE_IBANS.has(value)) {
    score = near(text, start, end, SAMPLE_HINT) ? 0.1 : 0.55;
    reason = 'documented example';
  }
  out.push({ start, end, type: 'IBAN', score, reason });
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'IBAN: DE68 21050170 0012345678', value: 'DE68 21050170 0012345678' },
    { text: 'Bank: DE 68 2105 0170 0012 3456 78', value: 'DE 68 2105 0170 0012 3456 78' },
    'DE68210501700012345678',
    {
      text: 'My IBAN is DE68 2105 0170 0012 3456 78, thanks',
      value: 'DE68 2105 0170 0012 3456 78',
    },
    { text: 'iban: gb26midl40051512345674', value: 'gb26midl40051512345674' },
    {
      text: 'Virement sur FR32 3000 4028 3700 0123 4567 889.',
      value: 'FR32 3000 4028 3700 0123 4567 889',
    },
    {
      text: 'cuenta ES60-0049-1500-0512-3456-7892 (Santander)',
      value: 'ES60-0049-1500-0512-3456-7892',
    },
    { text: 'Pay to NL81RABO0312345678 before Friday', value: 'NL81RABO0312345678' },
    {
      text: 'IBAN DE68 2105 0170 0012 3456 78 and BIC HUSHDEFF',
      value: 'DE68 2105 0170 0012 3456 78',
    },
    { text: 'IT61X0306909606100000012345', value: 'IT61X0306909606100000012345' },
    { text: 'Kontonummer NO71 1234 5678 903', value: 'NO71 1234 5678 903' },
  ],
  noMatch: [
    'IBAN DE68 21050170 0012345679',
    'DE68 21050170 0012345678',
    'DE68210501700012345679',
    'For example DE89 3704 0044 0532 0130 00 is the IBAN format',
    'Flight DE2105 leaves at 10:00',
    'Part number GB26MIDL40051512345674X',
    'ES12 the quick brown fox jumps over',
    'XX12345678901234567890',
    'Serial AB12 3456 7890 1234 56',
    'DE68 2105 0170 0012 3456 78 90',
    'Room FR32, shelf 3000 4028 3700',
  ],
};
