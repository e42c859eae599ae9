import { cueDistance, valuesNearLabels } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';

// Tax numbers of Latin America and Asia that no detector of their own finds, right after their
// names: Argentina's CUIT and CUIL, Brazil's CNPJ, Peru's RUC, Colombia's NIT, Indonesia's NPWP,
// India's GSTIN, the Philippines' and other countries' TIN. The Americas' and Europe's numbers
// with their own detector (EIN, SSN, CPF, RFC, NIF, Steuer-ID, UTR, VAT) are theirs.
/** A word in lower case, capitals or with a capital first. */
const cased = (w: string) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)].join('|');
const NAMES = [
  ['cuit', 'cuil', 'cnpj', 'ruc', 'nit', 'npwp', 'gstin'].map(cased).join('|'),
  // "TIN" only in capitals or as a key, or spelled out (English "tin" is a metal).
  String.raw`TIN|tin(?= ?[:=#])|[Tt]ax(?:payer)? [Ii]dentification (?:[Nn]umber|[Nn]o\.?)`,
];
const LABEL = new RegExp(String.raw`(?<![A-Za-zÀ-ÿ_])(?:${NAMES.join('|')})(?![A-Za-zÀ-ÿ])`, 'g');
const LABEL_WORDS = keywords([
  'cuit',
  'cuil',
  'cnpj',
  'ruc',
  'nit',
  'npwp',
  'gst',
  'tin',
  'tax identification',
  'taxpayer identification',
]);
const LABEL_LEAD = 16;

// A value: digits (and GSTIN's capitals) in groups joined by dots, dashes, slashes or a blank.
const TOKEN = /(?<![\w+./-])[0-9A-Z]+(?:[-./ ][0-9A-Z]+){0,5}(?![\w/-]|[.-]\w)/g;

/** 8 to 20 characters, most of them digits, or a GSTIN. */
function taxShaped(v: string): boolean {
  const bare = v.replace(/[-./ ]/g, '');
  if (bare.length < 8 || bare.length > 20) return false;
  if (GSTIN.test(bare)) return true;
  const digits = bare.replace(/\D/g, '').length;
  return digits >= bare.length - 5 && !/^(\d)\1+$/.test(bare);
}
/** India's GSTIN: the state code, the holder's PAN, an entity number, "Z" and a check character. */
const GSTIN = /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

// Greece's ΑΦΜ (nine digits) and Hungary's adóazonosító jel (ten, from 8), after their names,
// only when their check digit holds: "Ο ΑΦΜ μου είναι 041900694", "Adóazonosító jelem:
// 8438842909". (A company's Hungarian adószám, 8-1-2 digits, is no person's.) Matched in any
// case; the Greek capitals may be Latin look-alikes where normalise folded them beside digits.
const CHECKED_LABEL =
  /(?:[ΑαA]\.? ?[Φφ]\.? ?[ΜμM]\.?|[Aa]d[óo]azonos[íi]t[óo](?: ?(?:jel(?:e|em|ed|ünk|et|ét|emet)?|sz[áa]m(?:a|om)?)|m|ja|d)?)(?![A-Za-zÀ-ÿͰ-Ͽ])/gi;
const CHECKED_WORDS = keywords(['αφμ', 'α.φ.μ', 'α. φ. μ', 'aφm', 'adóazonosító', 'adoazonosito']);
const CHECKED_VALUE = /(?<![\w+./-])\d{9,10}(?![\w/-]|[.-]\w)/g;

// Russia's ИНН (ten digits for a firm, twelve for a person, with one and two mod-11 checks) and
// Ukraine's РНОКПП, the ІПН of old (ten digits, the first five the birth date as days since
// 1899-12-31, a weighted mod-11 check), after their names. Checked before they count: a
// Russian text is full of ten- and twelve-digit numbers.
const CYRILLIC_LABEL =
  /(?:ИНН|ІПН|ИПН|РНОКПП|(?:реєстраційний номер облікової картки платника податків))(?![А-яЁёІіЇїЄєҐґ])/gi;
const CYRILLIC_WORDS = keywords(['инн', 'іпн', 'ипн', 'рнокпп', 'реєстраційний номер облікової']);
const CYRILLIC_VALUE = /(?<![\w+./-])(?:\d{10}|\d{12})(?![\w/-]|[.-]\w)/g;

/** Russia's ИНН: ten digits with one check, or twelve with two (mod 11, then mod 10). */
export function validInn(d: string): boolean {
  const check = (w: readonly number[], at: number) => {
    let sum = 0;
    for (let i = 0; i < w.length; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
    return (sum % 11) % 10 === d.charCodeAt(at) - 48;
  };
  if (/^(\d)\1+$/.test(d)) return false;
  if (d.length === 10) return check([2, 4, 10, 3, 5, 9, 4, 6, 8], 9);
  return (
    d.length === 12 &&
    check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 10) &&
    check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 11)
  );
}

/** Ukraine's РНОКПП: ten digits weighted -1, 5, 7, 9, 4, 6, 10, 5, 7; the sum mod 11, mod 10. */
export function validRnokpp(d: string): boolean {
  if (d.length !== 10 || /^(\d)\1+$/.test(d)) return false;
  const w = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  return (((sum % 11) + 11) % 11) % 10 === d.charCodeAt(9) - 48;
}

/** Greece's ΑΦΜ: the first eight digits weighted 256, 128, ..., 2; the sum mod 11 mod 10. */
export function validAfm(d: string): boolean {
  if (!/^\d{9}$/.test(d) || /^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (d.charCodeAt(i) - 48) << (8 - i);
  return (sum % 11) % 10 === d.charCodeAt(8) - 48;
}

/** Hungary's tax identification number: 8, nine digits weighted 1..9, the sum mod 11 last. */
export function validHuTaxId(d: string): boolean {
  if (!/^8\d{9}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (i + 1);
  return sum % 11 === d.charCodeAt(9) - 48;
}

/** Argentina's CUIT and CUIL: eleven digits, the last a mod-11 check over the other ten. */
export function validCuit(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  const r = 11 - (sum % 11);
  return (r === 11 ? 0 : r === 10 ? 9 : r) === d.charCodeAt(10) - 48;
}

/** Brazil's CNPJ: fourteen digits, the last two mod-11 checks. */
export function validCnpj(d: string): boolean {
  if (!/^\d{14}$/.test(d) || /^(\d)\1+$/.test(d)) return false;
  const check = (n: number) => {
    const w =
      n === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
    const r = sum % 11;
    return (r < 2 ? 0 : 11 - r) === d.charCodeAt(n) - 48;
  };
  return check(12) && check(13);
}

/** Turkey's vergi kimlik numarası: ten digits, each shifted, doubled and reduced mod 9; a mod-10 check. */
export function validVkn(d: string): boolean {
  if (!/^\d{10}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const t = (d.charCodeAt(i) - 48 + 9 - i) % 10;
    const v = (t * 2 ** (9 - i)) % 9;
    sum += t !== 0 && v === 0 ? 9 : v;
  }
  return (10 - (sum % 10)) % 10 === d.charCodeAt(9) - 48;
}

/** Vietnam's mã số thuế: ten digits (a branch's three after a dash), a weighted mod-11 check. */
export function validMst(d: string): boolean {
  if (!/^\d{10}(?:\d{3})?$/.test(d) || /^(\d)\1+$/.test(d)) return false;
  const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  return 10 - (sum % 11) === d.charCodeAt(9) - 48;
}

/** Croatia's OIB: eleven digits, ISO 7064 MOD 11,10. */
export function validOib(d: string): boolean {
  if (!/^\d{11}$/.test(d) || /^(\d)\1+$/.test(d)) return false;
  let a = 10;
  for (let i = 0; i < 10; i++) {
    a = (a + d.charCodeAt(i) - 48) % 10;
    a = ((a === 0 ? 10 : a) * 2) % 11;
  }
  return (11 - a) % 10 === d.charCodeAt(10) - 48;
}

/** Slovenia's davčna številka: eight digits, the first seven weighted 8..2, a mod-11 check. */
export function validSiTax(d: string): boolean {
  if (!/^[1-9]\d{7}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (d.charCodeAt(i) - 48) * (8 - i);
  const c = 11 - (sum % 11);
  return c !== 11 && c % 10 === d.charCodeAt(7) - 48;
}

/** South Africa's income tax reference number: ten digits from 0-3 or 9, Luhn. */
export function validZaTax(d: string): boolean {
  if (!/^[01239]\d{9}$/.test(d) || /^(\d)\1+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let v = d.charCodeAt(9 - i) - 48;
    if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return sum % 10 === 0;
}

// China's unified social credit code (统一社会信用代码), the tax number of every firm and
// self-employed trader: eighteen characters of an alphabet of 31 (no I, O, S, V or Z), the last
// a check (GB 32100-2015: weights 3^i mod 31, the sum's complement mod 31).
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function validUscc(v: string): boolean {
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    const c = USCC_ALPHABET.indexOf(v[i]!);
    if (c < 0) return false;
    sum += c * w;
    w = (w * 3) % 31;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] === v[17];
}

// More national tax numbers after their names, each with its own shape and check: Turkey's
// vergi numarası (VKN), Vietnam's mã số thuế (MST), Croatia's OIB when named as the tax number
// ("porezni broj"; alone it is the national id), Slovenia's davčna številka, South Africa's
// income tax number in Afrikaans (belastingnommer), Kenya's KRA PIN (a letter, nine digits, a
// letter: no check, but no other number has that shape after that name), China's credit code.
const NATIONAL = [
  {
    words: ['vergi no', 'vergi kimlik', 'vergi numara', 'vkn'],
    label: String.raw`vergi (?:kimlik )?(?:no|numaras[ıi]|numaram)\.?|vkn`,
    value: String.raw`\d{10}`,
    valid: validVkn,
  },
  {
    words: ['mã số thuế', 'ma so thue', 'mst'],
    label: String.raw`(?:mã số thuế|ma so thue|MST)(?: cá nhân| TNCN)?`,
    value: String.raw`\d{10}(?:-\d{3})?`,
    valid: validMst,
  },
  { words: ['porezni broj'], label: 'porezni broj', value: String.raw`\d{11}`, valid: validOib },
  {
    words: ['davčna številka', 'davčne številke', 'davčna št', 'davcna stevilka'],
    label: String.raw`davčn[ae] (?:številk[ae]|št\.)|davcna stevilka`,
    value: String.raw`\d{8}`,
    valid: validSiTax,
  },
  {
    words: ['belastingnommer', 'belastingverwysingsnommer'],
    label: 'belasting(?:verwysings)?nommer',
    value: String.raw`\d{10}`,
    valid: validZaTax,
  },
  {
    words: ['税号', '稅號', '纳税人识别号', '納稅人識別號', '信用代码'],
    label: String.raw`税号|稅號|纳税人识别号|納稅人識別號|(?:统一社会)?信用代码`,
    value: String.raw`[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}`,
    valid: validUscc,
  },
  {
    words: ['kra pin'],
    label: String.raw`kra pin(?: no\.?| number)?`,
    value: String.raw`[AP]\d{9}[A-Z]`,
    valid: () => true,
  },
].map((n) => ({
  words: keywords(n.words),
  label: new RegExp(String.raw`(?:${n.label})(?![A-Za-zÀ-ÿ])`, 'gi'),
  value: new RegExp(String.raw`(?<![\w+./-])(?:${n.value})(?![\w/-]|[.-]\w)`, 'g'),
  maxValue: 14,
  valid: (v: string) => n.valid(v.replace(/-/g, '')),
}));

/** Labels with checked values, each with the words that find it and its value's check. */
const CHECKED_LABELS = [
  {
    words: CYRILLIC_WORDS,
    label: CYRILLIC_LABEL,
    value: CYRILLIC_VALUE,
    maxValue: 12,
    valid: (v: string) => validInn(v) || validRnokpp(v),
  },
  {
    words: CHECKED_WORDS,
    label: CHECKED_LABEL,
    value: CHECKED_VALUE,
    maxValue: 10,
    valid: (v: string) => validAfm(v) || validHuTaxId(v),
  },
  ...NATIONAL,
];

// The issuer or supplier heading a fiscal document in Portuguese or Spanish, a label before a
// firm's name ("Emitente: ... Ltda").
const ISSUER = /\b(?:emitente|emissor|emisor|fornecedor|proveedor|prestador)\s?:/i;

export const taxId: Detector = {
  id: 'tax-id',
  types: ['TAX_ID'],
  prefilter: {
    test: (text: string) =>
      LABEL_WORDS.test(text) || CHECKED_LABELS.some((c) => c.words.test(text)),
  },
  detect(text) {
    const out: Candidate[] = [];
    // The labels whose values carry a check digit: Russia's ИНН, Ukraine's РНОКПП; Greece's
    // ΑΦΜ, Hungary's adóazonosító; the NATIONAL ones.
    for (const c of CHECKED_LABELS) {
      if (!c.words.test(text)) continue;
      for (const v of valuesNearLabels(text, c.label, c.value, {
        maxGap: 20,
        maxValue: c.maxValue,
        accept: (m) => c.valid(m[0]),
        anchors: { words: c.words, lead: 0 },
      })) {
        out.push({
          start: v.start,
          end: v.end,
          type: 'TAX_ID',
          score: 0.9,
          reason: 'label, checksum',
        });
      }
    }
    for (const v of valuesNearLabels(text, LABEL, TOKEN, {
      maxGap: 20,
      maxValue: 24,
      accept: (m) => taxShaped(m[0]),
      maxGapAfter: 0,
      anchors: { words: LABEL_WORDS, lead: LABEL_LEAD },
    })) {
      const value = text.slice(v.start, v.end);
      const digits = value.replace(/\D/g, '');
      // A number whose check holds is surely the one named; others as the label says.
      const checked =
        (digits.length === 11 && validCuit(digits)) || (digits.length === 14 && validCnpj(digits));
      let score = checked ? 0.9 : 0.7;
      // The issuer of an invoice or a receipt is a firm, whose number is printed on every one
      // it issues ("Emitente: ... Ltda\nCNPJ: ...").
      if (ISSUER.test(text.slice(Math.max(0, v.start - 80), v.start))) score = 0.3;
      if (cueDistance(text, v.start, v.end, NON_PERSONAL_NUMBER, 12) !== Infinity) score -= 0.3;
      out.push({
        start: v.start,
        end: v.end,
        type: 'TAX_ID',
        score,
        reason: checked ? 'label, checksum' : 'label',
      });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    {
      text: '开票信息：杭州某某科技有限公司，税号：91330106MA2677847Y',
      value: '91330106MA2677847Y',
    },
    { text: 'titular Martín Sosa, CUIT 20-33864678-0, DNI 33.864.678', value: '20-33864678-0' },
    { text: 'Razão social ok, CNPJ 32.678.511/0001-53, Rua Augusta', value: '32.678.511/0001-53' },
    { text: 'NPWP: 01.040.456.4-772.000', value: '01.040.456.4-772.000' },
    { text: 'PAN BQKPS4437L, GSTIN 27BQKPS4437L1Z5. Shop', value: '27BQKPS4437L1Z5' },
    { text: 'for seller verification: TIN 609-333-728-000', value: '609-333-728-000' },
    { text: 'payer_tin: 609-333-728-000', value: '609-333-728-000' },
    // Greece's ΑΦΜ and Hungary's adóazonosító jel, with their checks.
    { text: 'Ο ΑΦΜ μου είναι 041900694, για την έκδοση τιμολογίου.', value: '041900694' },
    { text: 'ΑΜΚΑ: 05039273692\nΑΦΜ: 037268602\nIBAN: GR57', value: '037268602' },
    { text: 'Α.Φ.Μ. 037268602', value: '037268602' },
    { text: 'Adóazonosító jelem: 8438842909.', value: '8438842909' },
    { text: 'ADÓAZONOSÍTÓ JEL: 8438842909', value: '8438842909' },
    { text: 'TAJ-szám: 857 656 061\nAdóazonosító jel: 8437201616', value: '8437201616' },
    // Russia's ИНН (a person's twelve digits) and Ukraine's РНОКПП, with their checks.
    { text: 'код подразделения 770-045\nИНН: 772914308525\nСНИЛС', value: '772914308525' },
    { text: 'БИК 044525974\nИНН получателя: 502418773363\nДата:', value: '502418773363' },
    { text: 'Отримувач: Шевченко О. П.\nРНОКПП (ІПН): 3291441827\nТел.', value: '3291441827' },
    // Turkey's VKN, Vietnam's MST, Croatia's OIB as the tax number, Slovenia's davčna
    // številka, South Africa's tax number in Afrikaans, Kenya's KRA PIN.
    { text: 'Vergi Dairesi: Kadıköy\nVergi No: 8185298400\nAdres:', value: '8185298400' },
    { text: 'Khách: MST cá nhân: 2853843359', value: '2853843359' },
    { text: 'OIB (porezni broj): 38346452544\nMBO (HZZO): 910221472', value: '38346452544' },
    { text: 'EMŠO: 1809992506374\nDavčna številka: 11263300\nNov naslov', value: '11263300' },
    { text: 'Sy SARS-belastingnommer is 1704165404 en', value: '1704165404' },
    { text: 'Jina: Brian Otieno\nKRA PIN: A603512849A\nNamba ya simu', value: 'A603512849A' },
  ],
  noMatch: [
    // The credit code's check fails.
    '税号：91330106MA2677847X',
    'We ordered 12 tin cans 2024-03-01 and 40 boxes.',
    'RUC del pedido: 1234',
    'NIT error code 0x8004-1002',
    'CUIT: 00000000000',
    // The checks fail.
    'ΑΦΜ: 037268603',
    'Adóazonosító jel: 8437201617',
    'ИНН: 772914308526',
    'РНОКПП: 3291441828',
    'Vergi No: 8185298401',
    'MST: 2853843358',
    'porezni broj: 38346452545',
    'Davčna številka: 11263301',
    'belastingnommer 1704165405',
    // A receipt's issuer is a firm.
    'Emitente: Casas Pedro Comércio de Alimentos Ltda\nCNPJ: 73.018.233/0001-95\nChave',
  ],
};
