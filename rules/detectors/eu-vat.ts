import { luhn, weightedSum } from '../checksums.ts';
import { valuesNearLabels } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// The names of a VAT identification number in the languages of the EU and the UK, as invoices
// and sole traders' signatures print them: "VAT no.", "VAT Reg No", "USt-IdNr.", "TVA
// intracommunautaire", "Partita IVA", "BTW-id", "NIF-IVA". (Not "NIF", "CIF", "UID" or "NIP"
// alone: those name other numbers as often, and Spanish NIFs are the DNI's detector's. The
// Polish NIP, which is the VAT number without its "PL", and the Swedish and Danish "moms"
// numbers count: the check digits decide.)
const LABEL =
  /(?<![A-Za-zÀ-ÿ])(?:vat|v\.a\.t\.?|ust\.?[- ]?id(?:[- ]?nr)?\.?|ust[- ]?idnr\.?|umsatzsteuer[- ]?(?:identifikations)?(?:nummer|id|-id)|tva(?: intra(?:-?communautaire|com)\.?)?|partita iva|p\.? ?iva|btw(?:[- ]?(?:id|nummer|nr)\.?)?|nif[- ]iva|n(?:úmero|umero)? de iva|nip|moms(?:registreringsnummer|[- ]?(?:reg(?:\.|istrerings)?[- ]?)?nr\.?|nummer)?)(?![A-Za-zÀ-ÿ])/gi;
const LABEL_LIST = ['vat', 'v.a.t', 'ust', 'umsatzsteuer', 'tva', 'iva', 'btw', 'nip', 'moms'];
const LABEL_WORDS = keywords(LABEL_LIST);
const LABEL_LEAD = 12;

// A country prefix (optional), then eight to fourteen letters and digits, which may be grouped
// by single spaces or dots ("GB 123 4567 89", "NL 090311641B96", "DE123456789").
const VALUE =
  /(?<![\w.-])(?:(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)[ ]?)?([0-9A-Z](?:[0-9A-Z]|[ .-](?=[0-9A-Z])){7,16})(?![\w-])/g;

// Between the label and the number, words that say the number is something else.
const BAD_GAP = /rate|amount|total|%|excl|incl|invoice|order|phone|tel|iban|account/;

// Which countries a label without a prefix implies.
const LABEL_COUNTRY: readonly [RegExp, readonly string[]][] = [
  [/nip/, ['PL']],
  [/moms/, ['SE', 'DK']],
  [/iva|p\.? ?iva/, ['IT', 'ES', 'PT']],
  [/ust|umsatzsteuer/, ['DE', 'AT']],
  [/tva/, ['FR', 'BE', 'LU']],
  [/btw/, ['NL', 'BE']],
  [/vat|v\.a\.t/, ['GB', 'IE']],
];

/** ISO 7064 MOD 11,10 (German VAT numbers). */
function mod11_10(d: string): boolean {
  let p = 10;
  for (let i = 0; i < d.length - 1; i++) {
    let s = (d.charCodeAt(i) - 48 + p) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  return (11 - p) % 10 === d.charCodeAt(d.length - 1) - 48;
}

/** The remainder of a digit string divided by 97. */
function mod97(d: string): number {
  let r = 0;
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    // Letters count as 10-35, as in an IBAN (the Dutch number's "NL" and "B").
    r = c >= 65 ? (r * 100 + c - 55) % 97 : (r * 10 + c - 48) % 97;
  }
  return r;
}

const DIGITS = /^\d+$/;

/**
 * Whether `body` (no prefix, no blanks) is a valid VAT number of `country`: its shape, and its
 * check digits where the country publishes them; 'shape' when only the shape can be checked.
 */
export function vatCheck(country: string, body: string): 'valid' | 'shape' | null {
  const n = body.length;
  const digits = DIGITS.test(body);
  switch (country) {
    case 'GB':
    case 'XI': {
      if (!digits || (n !== 9 && n !== 12)) return null;
      const sum = weightedSum(body.slice(0, 7), [8, 7, 6, 5, 4, 3, 2]) + Number(body.slice(7, 9));
      return sum % 97 === 0 || (sum + 55) % 97 === 0 ? 'valid' : null;
    }
    case 'DE':
      return digits && n === 9 && body[0] !== '0' && mod11_10(body) ? 'valid' : null;
    case 'FR': {
      if (n !== 11 || !DIGITS.test(body.slice(2))) return null;
      if (!DIGITS.test(body.slice(0, 2)))
        return /^[A-HJ-NP-Z0-9]{2}$/.test(body.slice(0, 2)) ? 'shape' : null;
      const siren = Number(body.slice(2));
      return (12 + 3 * (siren % 97)) % 97 === Number(body.slice(0, 2)) ? 'valid' : null;
    }
    case 'IT':
      return digits && n === 11 && luhn(body) ? 'valid' : null;
    case 'NL': {
      if (!/^\d{9}B\d{2}$/.test(body)) return null;
      const nine = body.slice(0, 9);
      const elf =
        (weightedSum(nine.slice(0, 8), [9, 8, 7, 6, 5, 4, 3, 2]) - (nine.charCodeAt(8) - 48)) %
          11 ===
        0;
      return elf || mod97('NL' + body) === 1 ? 'valid' : null;
    }
    case 'BE': {
      const b = n === 9 ? '0' + body : body;
      if (!/^[01]\d{9}$/.test(b)) return null;
      return 97 - (Number(b.slice(0, 8)) % 97) === Number(b.slice(8)) ? 'valid' : null;
    }
    case 'AT': {
      if (!/^U\d{8}$/.test(body)) return null;
      let s = 0;
      for (let i = 1; i < 8; i++) {
        const v = (body.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
        s += v > 9 ? v - 9 : v;
      }
      return (10 - ((s + 4) % 10)) % 10 === body.charCodeAt(8) - 48 ? 'valid' : null;
    }
    case 'PL': {
      if (!digits || n !== 10) return null;
      const s = weightedSum(body.slice(0, 9), [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
      return s !== 10 && s === body.charCodeAt(9) - 48 ? 'valid' : null;
    }
    case 'PT': {
      if (!digits || n !== 9) return null;
      const r = 11 - (weightedSum(body.slice(0, 8), [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
      return (r >= 10 ? 0 : r) === body.charCodeAt(8) - 48 ? 'valid' : null;
    }
    case 'DK':
      return digits && n === 8 && weightedSum(body, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0
        ? 'valid'
        : null;
    case 'SE':
      return digits && n === 12 && body.endsWith('01') && luhn(body.slice(0, 10)) ? 'valid' : null;
    case 'ES':
      return /^[A-Z0-9]\d{7}[A-Z0-9]$/.test(body) ? 'shape' : null;
    case 'IE':
      return /^\d{7}[A-W][A-IW]?$|^\d[A-Z+*]\d{5}[A-W]$/.test(body) ? 'shape' : null;
    default:
      // The other member states: eight to twelve digits (Cyprus and Malta's letter aside).
      return /^\d{8,12}[A-Z]?$/.test(body) ? 'shape' : null;
  }
}

// A company's legal form: "Ltd", "GmbH", "S.r.l.", "SAS", "B.V.", "Sp. z o.o.".
const LEGAL_FORM =
  /(?<![\p{L}\p{N}])(?:Ltd|LTD|Limited|LIMITED|PLC|[Pp]lc|Inc|INC|LLC|LLP|GmbH|GMBH|AG|KG|OHG|UG|SE|S\.?A\.?S?|SARL|S\.?à r\.?l|S\.?L\.?U?|S\.?[Rr]\.?[Ll]|S\.?[Pp]\.?A|B\.?V|N\.?V|Oy|AB|A\/S|ApS|Sp\. z o\.o|s\.r\.o|Lda|Ltda|SNC|BVBA|SPRL)\.?(?![\p{L}\p{N}])/u;

/**
 * Whether a company's legal form stands on the number's line or the line before it (not
 * across a blank line): "Kranwerk GmbH, USt-IdNr. DE...", "ACME LTD\nVAT Reg. No. GB ...".
 */
function firmBeside(text: string, start: number, end: number): boolean {
  let from = text.lastIndexOf('\n', start - 1);
  if (from > 0 && start - from < 120) {
    const prev = text.lastIndexOf('\n', from - 1);
    // (The line before counts unless the number's line is a blank line's neighbour.)
    if (text.slice(prev + 1, from).trim() !== '') from = prev;
  }
  from = Math.max(from + 1, start - 160);
  let to = text.indexOf('\n', end);
  if (to < 0 || to - end > 80) to = Math.min(text.length, end + 80);
  return LEGAL_FORM.test(text.slice(from, start)) || LEGAL_FORM.test(text.slice(end, to));
}

/** VAT identification numbers of the EU's member states and the UK, after their label. */
export const euVat: Detector = {
  id: 'eu-vat',
  types: ['TAX_ID'],
  prefilter: LABEL_WORDS,
  detect(text) {
    const out: Candidate[] = [];
    for (const v of valuesNearLabels(text, LABEL, VALUE, {
      maxGap: 24,
      maxValue: 20,
      accept: (m) => /\d{6}/.test(m[2]!.replace(/[ .-]/g, '')),
      badGap: BAD_GAP,
      anchors: { words: LABEL_WORDS, lead: LABEL_LEAD },
    })) {
      const prefix = v.match[1];
      const body = v.match[2]!.replace(/[ .-]/g, '');
      let check: 'valid' | 'shape' | null = null;
      if (prefix) check = vatCheck(prefix, body);
      else {
        // No prefix: the label says which countries to try ("Partita IVA: 12345678903").
        const label = text.slice(Math.max(0, v.start - 40), v.start).toLowerCase();
        for (const [re, countries] of LABEL_COUNTRY) {
          if (!re.test(label)) continue;
          for (const c of countries) {
            const r = vatCheck(c, body);
            if (r === 'valid' || (r === 'shape' && check === null)) check = r;
          }
          break;
        }
      }
      if (check === null) continue;
      // A firm's number, printed beside its name on every invoice, is public: only a sole
      // trader's is personal data.
      if (firmBeside(text, v.start, v.end)) {
        out.push({ start: v.start, end: v.end, type: 'TAX_ID', score: 0.3, reason: "a firm's" });
        continue;
      }
      out.push({
        start: v.start,
        end: v.end,
        type: 'TAX_ID',
        score: check === 'valid' ? 0.85 : 0.65,
        reason: check === 'valid' ? 'context, checksum' : 'context',
      });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'VAT no: GB 980 7806 84', value: 'GB 980 7806 84' },
    { text: 'VAT Reg No.: GB980780684', value: 'GB980780684' },
    { text: 'USt-IdNr.: DE136695976', value: 'DE136695976' },
    { text: 'Umsatzsteuer-ID DE 136 695 976', value: 'DE 136 695 976' },
    { text: 'N° TVA intracommunautaire : FR40303265045', value: 'FR40303265045' },
    { text: 'Partita IVA: 00743110157', value: '00743110157' },
    { text: 'P.IVA IT00743110157 – Milano', value: 'IT00743110157' },
    { text: 'BTW-id: NL004495445B01', value: 'NL004495445B01' },
    { text: 'TVA BE0403019261', value: 'BE0403019261' },
    { text: 'UID / VAT: ATU13585627', value: 'ATU13585627' },
    { text: 'VAT number PL5260250274', value: 'PL5260250274' },
    { text: 'NIF-IVA: ESB12345678', value: 'ESB12345678' },
    { text: 'jednoosobowa działalność, NIP 526-025-02-74, zwrot na konto', value: '526-025-02-74' },
    { text: 'Momsregistreringsnummer: SE931210466501', value: 'SE931210466501' },
  ],
  noMatch: [
    // Wrong check digits.
    'VAT no: GB 980 7806 85',
    'USt-IdNr.: DE136695977',
    'Partita IVA: 00743110158',
    // Amounts and rates beside the word.
    'VAT 20%: £1,234.56',
    'Total incl. VAT 1234567890',
    'VAT: 12345.67 EUR',
    // No label.
    'Ref GB980780684',
    // A firm's, printed beside its legal form.
    'GREYHAWK ANALYTICS LTD\nVAT Reg. No. GB 980 7806 84 · Company No. 15612078',
    'Lieferant: Kranwerk Systemtechnik GmbH, USt-IdNr. DE136695976, HRB 27717',
  ],
};
