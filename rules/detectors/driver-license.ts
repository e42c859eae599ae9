import { isTrivialDigits } from '../checksums.ts';
import { contextScore, isValidDate, OTHER_ID_LABELS, valuesNearLabels } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { keywords } from '../keywords.ts';
import { anyOf, matchesOf } from '../scan-util.ts';

// "Driver's license" in the languages we support (also Portuguese, Polish, Nordic, Finnish,
// Czech, Slovak, Hungarian, Romanian and Greek). "DL" is matched separately and only in
// capitals, because "dl" is also a download, a decilitre and an HTML tag. Latin-1 letter classes
// instead of \p{L} keep this whole-text scan fast (see date-of-birth.ts).
const LABEL =
  /(?<![A-Za-zÀ-ÿ])(?:driver'?s?'? ?licen[cs]es?|driving licen[cs]es?|driver'?s? permit|licen[cs]e de conduire|f[üu]hrerschein(?:nummer)?|fuehrerschein(?:nummer)?|fahrerlaubnis(?:nummer|-nr\.?)?|permis de conduire|licencia de conducir|licencia de manejo|permiso de conducir|carn[ée]t? de conducir|patente(?: di guida)?|rijbewijs(?:nummer|nr\.?)?|carta de condu[çc][ãa]o|carteira de motorista|carteira nacional de habilita[çc][ãa]o|prawo jazdy|prawa jazdy|k[öo]rkort(?:snummer)?|k[øo]rekort(?:nummer)?|f[øo]rerkort(?:nummer)?|ajokortti|ajokortin numero|řidičsk(?:ý|ého) průkaz(?:u)?|ridicsk(?:y|eho) prukaz(?:u)?|vodi[čc]sk(?:[ýy]|[ée]ho) preukaz(?:u)?|jogos[íi]tv[áa]ny(?:sz[áa]m)?|permis(?:ul)? de conducere|[άα]δει[αά]ς? οδ[ηή]γ[ηή]σ[ηή]ς|δ[ίι]πλ[ωώ]μα(?:τος)? οδ[ηή]γ[ηή]σ[ηή]ς|водительское удостоверение|шофьорска книжка|lisensya(?: sa pagmamaneho)?|водительского удостоверения|посвідчення водія|водійське посвідчення|運転免許証?(?:番号)?|驾驶证(?:号码?)?|驾照|駕照|운전면허(?:증)?(?: ?번호)?|ड्राइविंग लाइसेंस|ड्राइविंग लाइसेन्स|ड्रायव्हिंग लाय?सेन्स|ड्रायव्हिंग लायसन्स|वाहन(?: चालक| चालविण्याचा)? परवान[ाे]|चालक अनुज्ञप्ति|ড্রাইভিং লাইসেন্স|ஓட்டுநர் உரிமம்|רישיון נהיגה|رخصة (?:ال)?(?:قيادة|سياقة)|ใบขับขี่)(?![A-Za-zÀ-ÿͰ-Ͽ])/gi;
// Russia's and Ukraine's abbreviation, "ВУ" (водительское удостоверение), in capitals as "DL".
const VU_LABEL = /(?<![А-яЁёІіЇїЄєҐґ])ВУ(?![А-яЁёІіЇїЄєҐґ])/g;
const VU_WORDS = keywords(['ВУ']);
// A key in lower case names its number ("dl_number", `dlNo` read as "dl no").
const DL_LABEL = /(?<![A-Za-z0-9])(?:DL|D\/L|CDL|dl (?:number|no|num|nr)|dl ?#)(?![A-Za-z])/g;
const HAS_DL = /DL|dl[ _](?:number|no|num|nr)|dl ?#/;
// "Licence" alone, right before its number, in a text about a vehicle or a driver: a motor
// claim's "Driver: ... Licence 794484166 (VIC)", "ID ..., licence 70434977KE46, reg ...".
// Spoken forms may put a verb between ("licence number is 190482731", "NSW licence, it's
// 18473920").
const BARE_LABEL =
  /(?<![A-Za-zÀ-ÿ])licen[cs]e(?: (?:no\.?|number|nr\.?|#))?(?:,? (?:is|it's|it is|was|reads))?(?![A-Za-zÀ-ÿ])/gi;
// In the same texts, the number may come a few words after the licence is named, with its own
// "number" ("showed me a license that said Cody J. Harlan, number D4829173"). The words between
// may not name another thing that has a number (a plate, a key, a fee, an order) nor end a
// sentence (a dot only after an initial).
const LATER_LABEL =
  /(?<![A-Za-zÀ-ÿ])licen[cs]e(?![A-Za-zÀ-ÿ])(?:(?!plate|key|fee|class|categor|expir|renew|valid|test|exam|point|order|invoice|ticket|ref|polic|claim|case|phone|tel|mobile|account|regist|rego|vin|serial|insur)(?:[^.!?\n\d]|(?<=(?<![A-Za-z])[A-Z])\.)){1,40}?(?<![A-Za-zÀ-ÿ])(?:number|no\.|#)(?![A-Za-zÀ-ÿ])/gi;
const BARE_WORDS = keywords(['licence', 'license', 'licencia']);
// Or the issuing country's or state's code in capitals after the word: "licence DE F0317KX9M42",
// "license CA D4821937" (case-sensitive: "licence is" is BARE_LABEL's).
const BARE_COUNTRY_LABEL =
  /(?<![A-Za-zÀ-ÿ])[Ll]icen[cs]e(?: (?:[Nn]o\.?|[Nn]umber|#))? [A-Z]{2}(?=[ \t:#])/g;
// A state's or a province's code in capitals before "license" names a driving licence
// anywhere: "ID on file: PA license 13963342", "WA license WDLXN8EB9D7T", "NSW licence".
const STATE_LABEL =
  /(?<![A-Za-z])(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|NSW|VIC|QLD|TAS|ACT|ON|QC|BC|AB|MB|SK|NS|NB)(?: driver'?s?)? licen[cs]e(?: (?:no\.?|number|nr\.?|#))?(?:,? (?:is|it's|it is))?(?![A-Za-z])|(?<![A-Za-z])(?:[Nn][úu]mero de )?licencia(?: de)? (?:[A-Z]{2}|Texas|California|Florida|Nueva York|Illinois|Arizona|Nuevo México|Georgia|Colorado|Nevada|Washington|Oregón|Carolina del (?:Norte|Sur))(?: es)?(?![A-Za-z])/g;
// (Or a text that asks for a form of identity: "I'll need one form of ID." "I've got my NSW
// licence, it's 18473920.")
const VEHICLE =
  /\b(?:driver|driving|vehicle|rego|reg(?:istration)?|vin|car|motor|accident|collision|kenteken|plate|fahrzeug|véhicule|vehículo|veicolo|(?:form|proof)s? of (?:id|identification|identity)|photo id)\b/i;

// Weaker labels. In French "permis" alone is the driving licence (other permits name
// themselves); in English "my license" is one when the value has a licence's shape (software
// licence keys mix letters into dashed groups and fail that shape).
const WEAK_LABEL =
  /(?<![A-Za-zÀ-ÿ])(?:permis(?! de (?:construire|s[ée]jour|travail|chasse|port|lotir|d[ée]molir|am[ée]nager))|(?:my|your|his|her|their) licen[cs]e(?! (?:key|plate|agreement|fee|server|file)))(?![A-Za-zÀ-ÿ])/gi;

// Every LABEL match holds one of these at most three characters in ("fuehrerschein"), every
// WEAK_LABEL match one at most six in ("their licence"): the label patterns are tried only there.
const EXTRA_LABEL_WORDS = [
  // Bulgarian; Tagalog ("lisensya", the licence people are asked for: a driver's).
  'шофьорска книжка',
  'lisensya',
  'carta de cond',
  'carteira de mot',
  'carteira nacional',
  'prawo jazdy',
  'prawa jazdy',
  'körkort',
  'korkort',
  'kørekort',
  'korekort',
  'førerkort',
  'forerkort',
  'ajokort',
  'řidičsk',
  'ridicsk',
  'jogosítv',
  'jogositv',
  'vodičsk',
  'vodicsk',
  'άδεια οδ',
  'αδεια οδ',
  'άδειας οδ',
  'αδειας οδ',
  'δίπλωμα',
  'διπλωμα',
  'διπλώματος οδ',
  // Russian and Ukrainian, Japanese, Chinese, Korean, Hindi and Marathi, Bengali, Tamil,
  // Hebrew, Arabic, Thai.
  'водительск',
  'посвідчення водія',
  'водійське посвідчення',
  '運転免許',
  '驾驶证',
  '驾照',
  '駕照',
  '운전면허',
  'ड्राइविंग लाइसें',
  'ड्रायव्हिंग लाय',
  'वाहन परवान',
  'वाहन चालक परवान',
  'वाहन चालविण्याचा',
  'चालक अनुज्ञप्ति',
  'ড্রাইভিং লাইসেন্স',
  'ஓட்டுநர் உரிமம்',
  'רישיון נהיגה',
  'رخصة',
  'ใบขับขี่',
];
const LABEL_WORDS = keywords([
  'fahrerlaubnis',
  'driv',
  'licen',
  'hrerschein',
  'permis',
  'carn',
  'patente',
  'rijbewijs',
  ...EXTRA_LABEL_WORDS,
]);
const WEAK_WORDS = keywords(['permis', 'licenc', 'licens']);
// The prefilter's words (it also passes on a capital "DL" and on a DVLA number's start).
const WORDS = keywords([
  'fahrerlaubnis',
  'licenc',
  'licens',
  'hrerschein',
  'permis',
  'patente',
  'conducir',
  'rijbewijs',
  ...EXTRA_LABEL_WORDS,
]);

// A candidate token: letters, digits and single dashes, or digit groups split by single spaces
// ("605 711 621" NY, "34 514 284" PA, "E4925 55360 11593" NJ); its shape is checked in code.
// (Also an Indian licence's state and office before its year and number: "KA14 20214190493",
// "MH12 2015 0012345".) Portugal's carta de condução: the district's letters, the number and a
// check digit apart ("P-482913 6"); Poland's: number, year, office ("04817/15/1209"); the Czech
// řidičský průkaz: two letters and six digits ("EB 482913"), Ukraine's three Cyrillic ones
// ("ВХН 482917"); Russia's: region, series and number ("99 21 483920", "7712 345678").
const TOKEN =
  /(?<![\wЀ-ӿ-])(?:\d{2} ?\d{2} \d{6}|[A-Z]{1,3}-\d{5,8} \d|[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){5,18}|[A-Z]?\d{2,5}(?: \d{2,5}){1,3}|[A-Z]{2}\d{2}[ -]\d{4} ?\d{7}|\d{5}\/\d{2}\/\d{4}|[A-ZА-ЯЁІЇЄҐ]{2,3} \d{6})(?![\w-])/g;

// Between the label and the value, these words say the value is something else (a claim's
// number: "my licence was suspended. Claim number 48213377"), and so does another id's label
// ("driver's license and passport: ...").
const BAD_GAP = new RegExp(
  String.raw`class|categor|klasse|expir|issue|valid|date|datum|fecha|points|renew|fee|appointment|test|exam|photo|claim|passport|reisepass|passeport|pasaporte|${OTHER_ID_LABELS.source}`,
);

// Units and counts after a number: it is a quantity.
const UNIT_AFTER =
  /^\s?(?:bytes?|[kmgt]i?b\b|[kmg]bps|files?|items?|times|users|downloads?|rows|records|%)/i;

// UK DVLA licence number: five letters of the surname padded with 9s, the decade digit, the
// birth month (plus 50 for women), the day, the year digit, two initials (padded with 9), an
// arbitrary digit and two check letters. Distinctive enough to stand without a label.
// (Char-first: the look-behind after the first capital; see 'Char-first patterns' in
// docs/engine.md.)
const DVLA =
  /([A-Z](?<![A-Za-z0-9][A-Z])[A-Z9]{4}) ?(\d)([05][1-9]|[16][0-2])(0[1-9]|[12]\d|3[01])(\d) ?([A-Z][A-Z9])(\d)([A-Z]{2})(?![A-Za-z0-9])/g;

const POSITIVE =
  /driv(?:er|ing)|licen[cs]e|\bdl\b|dvla|f[üu]hrerschein|permis|licencia|carn[ée]t|patente|rijbewijs|prawo jazdy|k[öo]rkort|ajokort/;

const PT_OR_PL = /^(?:[A-Z]{1,3}-\d{5,8} \d|\d{5}\/\d{2}\/\d{4})$/;

/** Whether a token is shaped like a driving licence number (US states and European formats). */
function licenceShaped(token: string): boolean {
  if (PT_OR_PL.test(token)) return true;
  const t = token.replace(/ /g, '');
  const digits = t.replace(/\D/g, '').length;
  if (/^\d+$/.test(t)) return t.length >= 7 && t.length <= 13 && !isTrivialDigits(t);
  // A letter or two and digits: CA, FL, IL, NJ, WI, MI, MN, MD and others.
  if (/^[A-Z]{1,2}\d{6,14}$/.test(t)) return true;
  if (t.includes('-')) {
    // Dashed digit groups (WA "2270-66-1551", FL "S530-460-56-123-0"), never a date; Ontario's
    // letter and 4-5-5 digits ("K4829-17356-80512").
    if (/^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}-\d{1,2}-\d{4}$/.test(t)) return false;
    // Korea's: region, year, serial and check ("11-92-048213-61"); India's: state, office,
    // year and number ("MH-12-2015-0012345").
    if (/^[A-Z]\d{4}-\d{5}-\d{5}$|^\d{2}-\d{2}-\d{6}-\d{2}$/.test(t)) return true;
    if (/^[A-Z]{2}-?\d{2}-\d{4}-?\d{7}$/.test(t)) return true;
    // The Philippines': the office's letter and two digits, the year, six digits
    // ("N68-26-935788").
    if (/^[A-Z]\d{2}-\d{2}-\d{6}$/.test(t)) return true;
    // Wyoming's six digits and three ("109382-471").
    if (/^\d{6}-\d{3}$/.test(t)) return true;
    return /^[A-Z]?\d{2,4}(?:-\d{1,4}){1,4}$/.test(t) && digits >= 8;
  }
  // Washington's: seven letters of the names, three digits, two check characters
  // ("DOEJOHN123AB"), or "WDL" and nine since 2018.
  if (/^[A-Z]{7}\d{3}[A-Z0-9]{2}$|^WDL[A-Z0-9]{9}$/.test(t)) return true;
  // European licences mix letters and digits (DE "B072RRE2I55"); ask for mostly digits, or for
  // a German number's eleven characters with four digits or more ("E151RX4AZ2X").
  return (
    t.length >= 8 &&
    t.length <= 13 &&
    digits >= 4 &&
    (digits * 2 >= t.length || (t.length === 11 && /^[A-Z0-9]+$/.test(t)))
  );
}

/** Whether a DVLA match has the surname padding and a possible day of birth. */
function dvlaOk(m: RegExpMatchArray): boolean {
  if (!/^[A-Z]+9*$/.test(m[1]!)) return false;
  const month = Number(m[3]) % 50;
  return isValidDate(2000, month, Number(m[4]));
}

export const driverLicense: Detector = {
  id: 'driver-license',
  types: ['DRIVER_LICENSE'],
  // "DL" counts only in capitals, as in DL_LABEL (case-blind, every "handle" and "middle"
  // passed). The DVLA branch starts at its leading capital, rare in prose; found from its
  // digits and checked backwards, it cost 100 ms on a megabyte of digits.
  prefilter: anyOf(WORDS, VU_WORDS, /DL|dl[ _](?:number|no|num|nr)|dl ?#|[A-Z][A-Z9]{4} ?\d{6}/),
  detect(text) {
    const out: Candidate[] = [];
    const dvla = new Set<number>();
    for (const m of matchesOf(text, DVLA)) {
      if (!dvlaOk(m)) continue;
      const start = m.index;
      const end = start + m[0].length;
      dvla.add(start);
      const { score, reason } = contextScore(text, start, end, 0.8, {
        positive: POSITIVE,
        up: 0.15,
      });
      out.push({ start, end, type: 'DRIVER_LICENSE', score, reason: reason ?? 'format' });
    }
    const opts = {
      maxGap: 32,
      maxValue: 20,
      accept: (m: RegExpExecArray) => licenceShaped(m[0]),
      badGap: BAD_GAP,
      maxGapAfter: 3,
    };
    // "Licence" alone, right before its number: after a state's code, or in a text about a
    // vehicle (each asked once).
    const bare = BARE_WORDS.test(text);
    const vehicle = bare && VEHICLE.test(text);
    const nearBare = (label: RegExp, lead: number) =>
      valuesNearLabels(text, label, TOKEN, {
        ...opts,
        maxGap: 3,
        maxGapAfter: 0,
        anchors: { words: BARE_WORDS, lead },
      });
    // Strong labels first, so that a value found by both keeps the higher score.
    const found = [
      ...valuesNearLabels(text, LABEL, TOKEN, {
        ...opts,
        anchors: { words: LABEL_WORDS, lead: 3 },
      }).map((v) => ({ v, strong: true })),
      ...(HAS_DL.test(text) ? valuesNearLabels(text, DL_LABEL, TOKEN, opts) : []).map((v) => ({
        v,
        strong: true,
      })),
      ...(VU_WORDS.test(text)
        ? valuesNearLabels(text, VU_LABEL, TOKEN, {
            ...opts,
            anchors: { words: VU_WORDS, lead: 0 },
          })
        : []
      ).map((v) => ({
        v,
        strong: true,
      })),
      ...(bare ? nearBare(STATE_LABEL, 12) : []).map((v) => ({ v, strong: true })),
      ...(vehicle ? nearBare(BARE_LABEL, 0) : []).map((v) => ({ v, strong: true })),
      ...(vehicle ? nearBare(BARE_COUNTRY_LABEL, 0) : []).map((v) => ({ v, strong: true })),
      ...(vehicle ? nearBare(LATER_LABEL, 0) : []).map((v) => ({ v, strong: false })),
      ...(WEAK_WORDS.test(text)
        ? valuesNearLabels(text, WEAK_LABEL, TOKEN, {
            ...opts,
            anchors: { words: WEAK_WORDS, lead: 6 },
          })
        : []
      ).map((v) => ({ v, strong: false })),
    ];
    for (const { v, strong } of found) {
      if (dvla.has(v.start)) continue;
      // "DL 7355910 bytes": a quantity, not an identifier.
      if (UNIT_AFTER.test(text.slice(v.end, v.end + 12))) continue;
      dvla.add(v.start);
      // "Driver's license number: X" is the common form; "X (DL)" and the weak labels less so.
      const score = v.labelBefore ? (strong ? 0.8 : 0.65) : 0.6;
      out.push({ start: v.start, end: v.end, type: 'DRIVER_LICENSE', score, reason: 'context' });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // Tagalog and Bulgarian names of the licence; the Philippines' shape.
    {
      text: 'Email ko jomar.v@yahoo.com, lisensya N68-26-935788. Salamat po!',
      value: 'N68-26-935788',
    },
    { text: 'шофьорска книжка № 975307822\nпаспорт № 111826587', value: '975307822' },
    { text: 'Verified 03/2025; ID on file: PA license 13963342.', value: '13963342' },
    // In Spanish with the state; Wyoming's shape.
    { text: 'Mi licencia de Texas es 41208375 y se me perdió.', value: '41208375' },
    { text: 'Driver License No: 204417-385\nDate of Birth', value: '204417-385' },
    { text: 'ID on file: WA license WDLXN8EB9D7T.', value: 'WDLXN8EB9D7T' },
    // "Licence" alone before its number in a motor claim; the Dutch abbreviation; India's.
    {
      text: 'Driver: Aidan Hills   DOB 27/06/1994   Licence 794484166 (VIC)\nRego SBJ-844',
      value: '794484166',
    },
    {
      text: 'Bestuurder A: idem, rijbewijsnr. 8491036701\nPolis A: 3-ION-52',
      value: '8491036701',
    },
    { text: 'Engine No: QF39137457\nDL No: KA14 20214190493', value: 'KA14 20214190493' },
    { text: 'Hamburg, Fahrerlaubnis-Nr. R008X068842, Kfz MZ-SP 8786E', value: 'R008X068842' },
    { text: '- dl# D3470956 confirmed', value: 'D3470956' },
    // The issuing country's code between the word and the number, in a rental's text.
    {
      text: 'Vehicle: Toyota RAV4\nPrimary driver: Benedikt Auer — licence DE F0317KX9M42 (IDP presented)',
      value: 'F0317KX9M42',
    },
    // Russian, Japanese, Hindi and Korean labels.
    {
      text: 'д.р. 28.02.1979\nВУ: 99 21 483920 (кат. B, выдано 15.05.2019)',
      value: '99 21 483920',
    },
    { text: 'Водительское удостоверение 7712 345678', value: '7712 345678' },
    { text: '運転免許証番号：第 301218472600 号', value: '301218472600' },
    { text: 'ड्राइविंग लाइसेंस: GJ01 20150012345', value: 'GJ01 20150012345' },
    { text: '운전면허번호: 11-92-048213-61', value: '11-92-048213-61' },
    { text: 'यांचा वाहन परवाना क्र. MH12 20150012345 असा आहे', value: 'MH12 20150012345' },
    { text: 'DL No: MH-12-2015-0012345', value: 'MH-12-2015-0012345' },
    { text: 'Водій: Литвиненко Сергій, посвідчення водія ВХН 482917, видане', value: 'ВХН 482917' },
    // A German number of eleven characters; the Italian "patente" alone.
    {
      text: 'Führerscheinnummer laut Scan: E151RX4AZ2X, Reisepass-Nr. CFWG254LW.',
      value: 'E151RX4AZ2X',
    },
    { text: 'secondo conducente, patente n. U12223152F rilasciata', value: 'U12223152F' },
    { text: '{"dl_number": "D4821377", "state": "CA"}', value: 'D4821377' },
    { text: 'NJ driver license: E4925 55360 11593', value: 'E4925 55360 11593' },
    { text: "PA driver's license 34 514 284", value: '34 514 284' },
    { text: 'WA driver license IDXNPWR414CE', value: 'IDXNPWR414CE' },
    { text: 'driver_license: D4821377', value: 'D4821377' },
    { text: 'driversLicenseNumber=S530-460-56-123-0', value: 'S530-460-56-123-0' },
    { text: 'carta de condução n.º 73920461', value: '73920461' },
    // Portugal's, Poland's and the Czech Republic's own formats.
    { text: 'Carta de condução n.º: P-482913 6\nMorada: Avenida da Boavista', value: 'P-482913 6' },
    { text: 'Nr prawa jazdy: 04817/15/1209', value: '04817/15/1209' },
    { text: 'Číslo řidičského průkazu: EB 482913', value: 'EB 482913' },
    { text: 'Permis de conducere nr. 104829173', value: '104829173' },
    { text: 'Αριθμός άδειας οδήγησης: 48291736', value: '48291736' },
    // Ontario's format; spoken forms in a text about a vehicle or an identity check.
    {
      text: 'rear-ended by a vehicle driven by Kevin Osei (Ontario licence K4829-17356-80512).',
      value: 'K4829-17356-80512',
    },
    { text: "The car was stationary. Seamus's licence number is 190482731.", value: '190482731' },
    {
      text: "I'll need one form of ID.\nCustomer: I've got my NSW licence, it's 18473920.",
      value: '18473920',
    },
    {
      text: 'The other driver showed me a license that said Cody J. Harlan, number D4829173.',
      value: 'D4829173',
    },
    { text: 'Numer prawa jazdy: 7392046118', value: '7392046118' },
    { text: 'körkortsnummer: AB12345678', value: 'AB12345678' },
    { text: "my driver's license number is 2270-66-1551", value: '2270-66-1551' },
    { text: "My driver's license number is 6940579", value: '6940579' },
    { text: 'Drivers License: F162823540116', value: 'F162823540116' },
    { text: 'DL# U62928788557186', value: 'U62928788557186' },
    { text: 'Führerscheinnummer B072RRE2I55', value: 'B072RRE2I55' },
    { text: 'HARRI802154JD9AB', value: 'HARRI802154JD9AB' },
    { text: 'Driving licence: LEE99 857309 AM1XY', value: 'LEE99 857309 AM1XY' },
    { text: 'numéro de permis de conduire 120375100548', value: '120375100548' },
    { text: 'FL DL S530-460-56-123-0 on file', value: 'S530-460-56-123-0' },
    { text: "L'agence a enregistré mon permis 61AH72977.", value: '61AH72977' },
    { text: 'Carné de conducir n.º 21828149E', value: '21828149E' },
    { text: 'The rental desk has my license on file: 605 711 621.', value: '605 711 621' },
    { text: 'They have my licence on file: U922-3994-7068', value: 'U922-3994-7068' },
  ],
  noMatch: [
    'CA license fee 2024 paid',
    // A content licence's code in a text about cars.
    'Car photos in this guide: license CC BY-SA 4.0, vehicle images by the author',
    // "ВУ" inside a word is no label.
    'ВУЗ: 99 21 483920',
    'посвідчення водія видане 2019 р., замовлення ВХН 4829170',
    'MIT license 2.0, see LICENSE',
    // "Licence" alone about software, in a text that names a car.
    'Software licence 12345678 renewed for the car fleet app',
    'la patente è scaduta nel 2021, pratica 12345678',
    "driver's license renewal: 12 03 2024",
    'Driver license test: 3 of 10 passed, 2 weeks left',
    'CNH Industrial reported 7392046 units this quarter.',
    '6940579',
    'Download 2270-66-1551',
    "driver's license expires 2027-08-14",
    "Driver's license class C, order 6940579",
    'The dl element holds 6940579 items',
    'Download DL 7355910 bytes',
    'DL: 1234567890',
    'License key 6940579-ABCDE',
    'HARRI813254JD9AB has month 13',
    "driver's license renewal fee 35",
    'Order: VB37823775\nDriving licence no.: pending',
    'permis de construire PC07512345',
    "Driver's license and passport: 536221847",
    'Please send my license key 4821-3377-9012',
    'my license: ABCDE-12345-FGHIJ-67890',
    'my license expired on 2024-03-01',
    // The plate's number, or another number, after a licence is named.
    'The car that hit me had a license plate, number 7ABC1234.',
    'After the accident my licence was suspended. Claim number 48213377.',
    'Vehicle check: licence valid, policy number 48213377',
  ],
};
