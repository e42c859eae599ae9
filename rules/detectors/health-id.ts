import {
  clamp,
  documentedAsOwn,
  keyView,
  matchAllAt,
  near,
  NON_PERSONAL_NUMBER,
} from '../context.ts';
import { keywords } from '../keywords.ts';
import { isTrivialDigits, luhn } from '../checksums.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesAtRuns, matchesOf } from '../scan-util.ts';

// US Medicare Beneficiary Identifier (CMS format): 11 characters, digit 1-9, then letters and
// digits in fixed positions, letters never S, L, O, I, B or Z (they read as digits). Printed
// bare or as 4-3-4 with dashes. The fixed mixture is rare enough to score without context.
const MBI_L = '[AC-HJKMNP-RT-Y]';
const MBI_AN = '[AC-HJKMNP-RT-Y0-9]';
const MBI = new RegExp(
  String.raw`[1-9](?<![\w-][1-9])${MBI_L}${MBI_AN}\d(-?)${MBI_L}${MBI_AN}\d\1${MBI_L}{2}\d{2}(?![\w-])`,
  'g',
);
// Where every MBI starts: its first two characters.
const MBI_START = /[1-9][AC-HJKMNP-RT-Y]/;
const MBI_CONTEXT = /\b(?:medicare|mbi|beneficiary|cms|part a|part b|hicn)\b/;

// UK NHS number: 10 digits, bare or 3-3-4, the last a mod-11 check digit.
const NHS = /\d(?<![\w.\-/]\d)\d\d([ -]?)\d{3}\1\d{4}(?![\w]|[.\-/]\d)/g;
const NHS_CONTEXT =
  /\b(?:nhs|national health service|nhs no|nhs number|health and care number|h&c)\b/;

// Scotland's Community Health Index number: ten digits (the holder's birth date, then four), the
// same mod-11 check as the NHS number's, often written 6-4. Counted beside its name only.
const CHI = /\d(?<![\w.\-/]\d)\d{5}[ -]?\d{4}(?![\w]|[.\-/]\d)/g;
const CHI_CONTEXT = /\b(?:chi|community health index)\b/;

// Australia: the Medicare card number (ten digits, the first 2-6, the ninth a weighted check
// digit, written 4-5-1, an issue number after it) and the Individual Healthcare Identifier
// (sixteen digits from 800360, Luhn). France: a doctor's RPPS number (eleven digits from 10,
// Luhn). Each beside its own word.
// (The card's issue number, one digit, may follow in the same grouping: "3540 45698 5 5".)
const AU_MEDICARE = /[2-6](?<![\w.\-/][2-6])\d{3}([ ]?)\d{5}\1\d(?:\1[1-9])?(?![\w]|[.\-/]\d)/g;
const AU_MEDICARE_CONTEXT = /\bmedicare\b/;
const IHI = /8(?<![\w.\-/]8)003[ ]?60\d\d[ ]?\d{4}[ ]?\d{4}(?![\w]|[.\-/]\d)/g;
const IHI_CONTEXT = /\b(?:ihi|healthcare identifier|my health record)\b/;
const RPPS = /1(?<![\w.\-/]1)0\d{9}(?![\w]|[.\-/]\d)/g;
const RPPS_CONTEXT = /\b(?:rpps|adeli|n° rpps)\b/;
// Austria's social insurance number, printed on the e-card: a serial of three digits, a check
// digit, then the holder's birth date (DDMMYY), often written "4424 120389".
const AT_SVNR = /\d(?<![\w.\-/]\d)\d{3} ?\d{6}(?![\w]|[.\-/]\d)/g;
const AT_SVNR_CONTEXT =
  /\b(?:e-card|ecard|sozialversicherungsnummer|sv-nummer|svnr|versicherungsnummer)(?!\w)/;

const BESIDE_WORDS = keywords(
  [
    'chi',
    'community health',
    'medicare',
    'ihi',
    'healthcare identifier',
    'my health record',
    'rpps',
    'adeli',
    'e-card',
    'ecard',
    'sozialversicherungsnummer',
    'sv-nummer',
    'svnr',
    'versicherungsnummer',
  ],
  { wholeWord: true },
);

/** The Austrian number's check: weights 3, 7, 9, (the check), 5, 8, 4, 2, 1, 6, the sum mod 11
 * (10 is never issued); and its last six digits a day and a month. */
function atSvnrChecksum(d: string): boolean {
  const w = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  const day = +d.slice(4, 6);
  const month = +d.slice(6, 8);
  return sum % 11 === d.charCodeAt(3) - 48 && day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** The Medicare card's check: digits 1-8 weighted 1, 3, 7, 9, 1, 3, 7, 9; the sum mod 10. */
function auMedicareChecksum(d: string): boolean {
  const w = [1, 3, 7, 9, 1, 3, 7, 9];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  return sum % 10 === d.charCodeAt(8) - 48;
}

// The first six digits of an NHS number; a KVNR holds them too.
const SIX_DIGITS = /\d{3}[ -]?\d{3}/;

// German Krankenversichertennummer: one capital letter, eight digits, a check digit.
const KVNR = /[A-Z](?<![\w-][A-Z])\d{9}(?![\w-])/g;
const KVNR_CONTEXT =
  /\b(?:kvnr|krankenversichertennummer|versichertennummer|versicherten-?nr|versicherten-?nummer|krankenversicherung|krankenkasse|gesundheitskarte|egk|aok|barmer|dak|techniker|ikk|bkk|knappschaft|health insurance|insurance number|insured)\b/;

// Labels for the European Health Insurance Card and for insurer member numbers. The id follows
// the label, as on the card itself and on claim forms.
const CARD_KEYWORDS = [
  String.raw`ehic|ghic|ceam|ekvk`,
  String.raw`european health insurance card`,
  String.raw`global health insurance card`,
  String.raw`carte europ[ée]enne d'assurance maladie`,
  String.raw`tarjeta sanitaria europea`,
  String.raw`europ[äa]ische krankenversicherungskarte`,
  String.raw`tessera (?:sanitaria )?europea`,
].join('|');
const MEMBER_KEYWORDS = [
  String.raw`(?:member|subscriber|insured|beneficiary|enrollee|policyholder)\s?(?:id|number|no\.?|nr\.?|#|identifier)`,
  String.raw`cardholder\sid`,
  String.raw`(?:health\s)?plan\sid(?:\scard)?`,
  String.raw`policy\s?\/\s?id`,
  // Not the UK's National Insurance number, which is no health id (uk-nino finds it).
  String.raw`(?<!(?:national|social)\s)(?:health\s)?insurance\s(?:id|number|no\.?|#|member\s(?:id|number))`,
  String.raw`health\splan\s(?:id|number|no\.?|#|member\sid)`,
  // Provincial and national health cards: Ontario's OHIP, Spain's TSI, Italy's tessera.
  String.raw`health\scard(?:\s(?:number|no\.?|#|id))?`,
  String.raw`ohip(?:\s(?:card|number|no\.?|#))?`,
  // British Columbia's personal health number, Quebec's RAMQ card, Spain's CIP (the regional
  // health card's code), Australia's veterans' (DVA) file number.
  String.raw`(?:personal\shealth\snumber|phn)(?:\s(?:number|no\.?|#))?`,
  String.raw`ramq(?:\s(?:card|number|no\.?|#)){0,2}`,
  String.raw`cip(?:\s(?:number|no\.?|#))?`,
  String.raw`dva\s(?:file\s)?(?:number|no\.?|#)`,
  String.raw`tarjeta\ssanitaria(?:\sindividual)?(?:\s(?:n[úu]mero|no\.?|#))?`,
  String.raw`(?:numero\s(?:di\s|della\s)?)?tessera\ssanitaria`,
  // Medicaid's id, after the word alone too ("NY Medicaid CIN HZ89140D", "Medicaid 74612102");
  // South Africa's medical aid number; Australia's NDIS participant number; New Zealand's NHI.
  String.raw`medicaid(?:\s(?:cin|id|number|no\.?|#))?`,
  String.raw`medical\said\s(?:number|no\.?|#|membership\s(?:number|no\.?))`,
  String.raw`ndis\s(?:participant|number|no\.?)(?:\s(?:number|no\.?|#))?`,
  String.raw`nhi(?:\s(?:number|no\.?|#))?`,
  // An insurer's name before its member's id: "Cigna 19892097644", "Delta Dental ID 4956...".
  String.raw`(?:cigna|aetna|humana|anthem|kaiser(?:\spermanente)?|delta\sdental|blue\scross(?:\sblue\sshield)?|bcbs|unitedhealthcare|united\shealthcare|uhc|medibank|bupa)(?:\s(?:member\s)?(?:id|number|no\.?|#))?`,
  String.raw`medicare\s(?:card\s)?(?:id|number|no\.?|#)`,
  String.raw`(?:versicherten|versicherungs|mitglieds)-?(?:nummer|nr\.?)`,
  // A South African medical scheme's member number, in Afrikaans.
  String.raw`mediese\sfonds\s?(?:nommer|no\.?|lidnommer)`,
  String.raw`vers\.-?\s?nr\.?`,
  String.raw`mbr\.?\s?(?:id|#|no\.?|number)`,
  // With the insurer's name between: "N° adhérent Harmonie Mutuelle : M43508467".
  String.raw`(?:num[ée]ro|n°|no\.?)\s?(?:d['’]\s?)?adh[ée]rent(?:\s[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*){0,3}`,
  String.raw`n[úu]mero de (?:afiliado|afiliaci[óo]n|asegurado)`,
  // India's Ayushman Bharat Health Account number (14 digits, 2-4-4-4).
  String.raw`abha(?:\s(?:health\s)?(?:number|no\.?|id|#))?`,
  // Portugal's SNS user number ("N.º de utente SNS", "número nacional de utente"): normalise
  // reads "º" as "o".
  String.raw`(?:n[úu]mero|n\.?[º°o]\.?|no\.?)\s?(?:(?:de|do)\s)?utente(?:\s(?:do\s)?sns)?`,
  String.raw`n[úu]mero\snacional\sde\sutente|utente\s(?:do\s)?sns`,
  // Korea's national health insurance card number, Japan's insurance card (its symbol and
  // number), China's medical and social insurance cards, Russia's compulsory insurance policy
  // (ОМС), Israel's health fund (קופת חולים) member number.
  String.raw`건강보험(?:증)?\s?번호|保険証(?:\s?(?:記号・番号|記号|番号))?|被保険者(?:証)?番号|[医社]保卡号|(?:номер\s)?полиса?\sОМС|מספר\sחבר\sבקופת\sחולים`,
].join('|');
// A JSON key's quotes may close the label and open the id (`"mrn": "00731946"`), and so may
// an XML tag (`<mrn>00731946`).
// A short name of the card in brackets may follow (two of them: "(SHA/NHIF)") the label ("Health card (OHIP): ..."), and dot
// leaders may stand for the colon ("Cardholder ID ...... RPM273245686").
// ("n.:" and "No.:" write both a number's sign and a colon; Portuguese says "é" for "is".)
const CONNECT = String.raw`(?:\s?\([A-Za-z /]{2,12}\))?(?:\s?\.{2,16})?["'>]?\s{0,3}(?:(?:n[°º.]|no\.?)\s?:?|[:#=|-]|is|was|says|é)?\s{0,3}#?\s{0,2}["']?`;
const ID = String.raw`[A-Za-z0-9][A-Za-z0-9\- ]{4,22}[A-Za-z0-9]`;
const CARD = new RegExp(
  String.raw`(?<!\w)(?:${CARD_KEYWORDS})(?:\s(?:card|number|no\.?|id|kartennummer|karte|nummer|nr\.?|num[ée]ro|n[úu]mero)){0,2}${CONNECT}(${ID})(?![A-Za-z0-9])`,
  'gi',
);
const MEMBER = new RegExp(
  String.raw`(?<!\w)(?:${MEMBER_KEYWORDS})${CONNECT}(${ID})(?![A-Za-z0-9])`,
  'gi',
);

// Every MEMBER label contains one of these; without them the label regex cannot match.
// Every CARD match starts with one of these, and every MEMBER match holds one at most ten
// characters in ("número de afiliado"): the label patterns are tried only there.
const CARD_STARTS = keywords([
  'ehic',
  'ghic',
  'ceam',
  'ekvk',
  'european health insurance card',
  'global health insurance card',
  'carte europ',
  'tarjeta sanitaria europea',
  'europäische krankenversicherungskarte',
  'europaische krankenversicherungskarte',
  'tessera',
]);
const MEMBER_WORDS = keywords([
  'member',
  'subscriber',
  'insured',
  'beneficiary',
  'enrollee',
  'policyholder',
  'cardholder',
  'plan id',
  'policy',
  'insurance',
  'health',
  'medicaid',
  'medical aid',
  'ndis',
  'nhi',
  'cigna',
  'aetna',
  'humana',
  'anthem',
  'kaiser',
  'delta dental',
  'blue cross',
  'bcbs',
  'unitedhealthcare',
  'united healthcare',
  'uhc',
  'medibank',
  'bupa',
  '건강보험',
  '保険証',
  '被保険者',
  '医保卡',
  '社保卡',
  'полис',
  'בקופת חולים',
  'medicare',
  'versicherten',
  'versicherungs',
  'vers.',
  'mbr',
  'mitglieds',
  'mediese fonds',
  'adhérent',
  'adherent',
  'afilia',
  'asegurado',
  'ohip',
  'tarjeta sanitaria',
  'tessera sanitaria',
  'numero',
  'phn',
  'personal health',
  'ramq',
  'cip',
  'dva',
  'abha',
  'utente',
  'nacional de ut',
]);
const MEMBER_LEAD = 10;

const X12_MEMBER = /NM1\*(?:IL|QC|03)\*[^~\n]{0,80}?\*MI\*([A-Z0-9]{6,20})(?=[~*\n]|$)/g;
/** Words of a text about health cover, claims and care. */
const HEALTH_COVER =
  /\b(?:medicaid|medicare|medi-cal|insurance|insurer|claim|copay|deductible|eob|prior auth|pharmacy|patient|dental|vision|payer|coverage|eligibility|elig|cigna|aetna|humana|anthem|bcbs|molina|ambetter|optum|caremark|wellcare|kaiser)\b/i;
/** A member's word, or "ID", then the value: capitals and digits, six digits or more. */
const BARE_MEMBER =
  /(?<![\w-])(?:[Mm]ember|MEMBER|[Mm]br|MBR|[Ss]ub(?:scriber)?\.? ?ID|ID)[ \t]{0,2}:?[ \t]{1,3}([A-Z]{0,4}\d[A-Z0-9]{5,14}(?:-\d{2})?)(?![\w-])/g;
const BARE_MEMBER_WORDS = keywords(['member', 'mbr', 'sub id', 'subscriber id', 'sub. id', 'id']);
/** A plan's or an insurer's name right before an "ID". */
const PLAN_BEFORE =
  /(?:medicaid|medicare|medi-cal|insurance|plan|cigna|aetna|humana|anthem|bcbs|molina|ambetter|optum|caremark|wellcare|kaiser|oscar|guardian|delta dental|vsp|bh|member[^\n,]{0,30},[^\n]{0,20})[ \t]*(?:\(|,)?[ \t]*$/i;

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const SAMPLES = new Set(['1EG4TE5MK73', '9434765919']);
const LOYALTY =
  /loyalty|reward|points|club|bonus|treue|fidélité|fidelite|fidelidad|fitness|gym|verein/i;
const LOYALTY_NEAR =
  /\b(?:loyalty|rewards?|points|club|bonus|treue\w*|fidélité|fidelite|fidelidad|fitness\w*|gym|verein\w*)\b/;

// Hungary's TAJ number (társadalombiztosítási azonosító jel): nine digits, often 3-3-3, the
// last a check over the others (weights 3 and 7 in turn, the sum mod 10). Only after its name:
// "TAJ" in capitals, or with its "szám" ("TAJ-szám", "Taj szám", "TAJ-számom").
const TAJ =
  /(?<![A-Za-zÀ-ÿ])(?:TAJ|[Tt]aj(?=[- ]?sz[áa]m)|[Tt][áa]rsadalombiztos[íi]t[áa]si azonos[íi]t[óo](?: jel)?)(?:[- ]?sz[áa]m(?:a|om|ot|át|omat)?)?(?![A-Za-zÀ-ÿ0-9])[\s:=#.-]{0,4}(?:(?:is|es|:)\s{1,3})?(\d{3}([ -]?)\d{3}\2\d{3})(?!\d|[ -]\d)/g;
const TAJ_WORDS = keywords(['taj', 'társadalombiztosítási azonosító', 'tarsadalombiztositasi']);

// National health insurance numbers with a shape of their own, after their card's or scheme's
// name: the Philippines' PhilHealth number (12 digits, 2-9-1), Indonesia's BPJS Kesehatan card
// (13 digits), Vietnam's health insurance card (thẻ BHYT: two letters, 13 digits), Brazil's
// Cartão Nacional de Saúde (15 digits, a mod-11 check), Croatia's MBO (HZZO, 9 digits), Serbia's
// LBO (11 digits), Slovenia's health insurance card (ZZZS, 9 digits), Kenya's NHIF/SHA number
// (Swahili "namba ya bima"), Ireland's Individual Health Identifier (10 digits). The short
// names (MBO, LBO, CNS, IHI) mean other things too, so each takes only its own number's shape.
const NATIONAL: ReadonlyArray<{ label: string; value: string; check?: (d: string) => boolean }> = [
  {
    label: String.raw`philhealth(?:\s(?:id|pin|number|no\.?|#))?`,
    value: String.raw`\d\d-?\d{9}-?\d`,
  },
  {
    label: String.raw`bpjs(?:\skesehatan|\skes\.?)?(?:\s(?:saya|anda|pasien))?(?:\s(?:no\.?|nomor|number))?`,
    value: String.raw`\d{13}`,
  },
  { label: String.raw`bhyt`, value: String.raw`[A-Z]{2}\d{13}` },
  {
    label: String.raw`cart[ãa]o\snacional\sde\ssa[úu]de|cart[ãa]o\s(?:do\s)?sus|cns`,
    value: String.raw`[1-9]\d\d ?\d{4} ?\d{4} ?\d{4}`,
    check: cnsChecksum,
  },
  { label: String.raw`(?:mbo|hzzo)(?:\s(?:hzzo|mbo|broj))?`, value: String.raw`\d{9}` },
  { label: String.raw`lbo`, value: String.raw`\d{11}` },
  { label: String.raw`zdravstvenega\szavarovanja|zzzs`, value: String.raw`\d{9}` },
  { label: String.raw`nhif|namba\sya\sbima`, value: String.raw`\d{6,12}` },
  { label: String.raw`ihi(?:\s(?:number|no\.?|#))?`, value: String.raw`\d{10}` },
  // Kenya's Social Health Authority number (NHIF's successor: CR, ten digits and a check),
  // Ghana's NHIS card, Ireland's medical card (digits and a letter or two).
  {
    label: String.raw`sha(?:\smember)?(?:\s(?:no\.?|number|#))?`,
    value: String.raw`CR\d{10}-?\d`,
  },
  { label: String.raw`nhis(?:\scard)?(?:\s(?:no\.?|number|#))?`, value: String.raw`\d{8,10}` },
  {
    label: String.raw`medical\scard(?:\s(?:no\.?|number|#))?`,
    value: String.raw`\d{6,8}[A-Z]{1,2}`,
  },
  // India's ABHA number (14 digits, 2-4-4-4) after its name with "number" in Hindi, Telugu,
  // Bengali or Tamil; Taiwan's NHI card (健保卡, 12 digits); North Macedonia's health card; Iran's
  // social security insurance number; a Gulf health insurance card (الضمان الصحي).
  {
    label: String.raw`(?:abha|आभा)\s(?:संख्या|नंबर|నంబర్|নম্বর|எண்)`,
    value: String.raw`\d\d-?\d{4}-?\d{4}-?\d{4}`,
  },
  { label: String.raw`健保卡(?:號碼?|号码?)?`, value: String.raw`\d{12}` },
  { label: String.raw`здравствена\sкартичка(?:\sбр\.?)?`, value: String.raw`\d{8,13}` },
  {
    label: String.raw`شماره\sبیمه(?:\sتأمین\sاجتماعی)?|(?:رقم\s)?بطاقة\sالضمان\sالصحي`,
    value: String.raw`\d{4}-?\d{6,7}`,
  },
];
const NATIONAL_LABEL = new RegExp(
  String.raw`(?:${NATIONAL.map((n) => `(${n.label})`).join('|')})${CONNECT}`,
  'gi',
);
const NATIONAL_VALUE = NATIONAL.map(
  (n) => new RegExp(String.raw`(?:${n.value})(?![A-Za-z0-9]|[.\-/]\d)`, 'iy'),
);
// Where each NATIONAL label starts.
const NATIONAL_WORDS = keywords(
  [
    'philhealth',
    'sha no',
    'sha member',
    'sha number',
    'nhis',
    'medical card',
    'bpjs',
    'bhyt',
    'cartão nacional de saúde',
    'cartao nacional de saude',
    'cartão sus',
    'cartao sus',
    'cartão do sus',
    'cartao do sus',
    'cns',
    'mbo',
    'hzzo',
    'lbo',
    'zdravstvenega zavarovanja',
    'zzzs',
    'nhif',
    'namba ya bima',
    'ihi',
    'abha',
  ],
  { wholeWord: true },
);
// The labels in other scripts (no whole-word test: that is for ASCII words).
const NATIONAL_SCRIPT_WORDS = keywords([
  'आभा',
  '健保卡',
  'здравствена картичка',
  'شماره بیمه',
  'بطاقة الضمان',
]);

/** Brazil's CNS check: the 15 digits weighted 15 down to 1; the sum is a multiple of 11. */
function cnsChecksum(d: string): boolean {
  if (!'12789'.includes(d[0]!)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += (d.charCodeAt(i) - 48) * (15 - i);
  return sum % 11 === 0;
}

// A policy of another line of insurance (household, car, liability, life, travel): its number
// is the insurer's, not a health id.
const OTHER_INSURANCE =
  /\b(?:hausrat\w*|kfz|haftpflicht\w*|rechtsschutz\w*|wohngeb[äa]ude\w*|lebensversicherung|(?:car|auto|motor|vehicle|home|household|contents|travel|pet|life|renters?)\s(?:insurance|policy)|assurance\s(?:habitation|auto)|seguro\sde\s(?:hogar|coche|auto|viaje|vida))\b/;

/** The TAJ check: the first eight digits weighted 3, 7, 3, 7, ...; the sum mod 10 is the ninth. */
function tajChecksum(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (d.charCodeAt(i) - 48) * (i % 2 === 0 ? 3 : 7);
  return sum % 10 === d.charCodeAt(8) - 48;
}

/** UK NHS check: weights 10..2 on the first nine digits, 11 - (sum mod 11), 11 -> 0, 10 invalid. */
function nhsChecksum(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === d.charCodeAt(9) - 48;
}

/**
 * Krankenversichertennummer check: the letter becomes its two-digit position (A=01 .. Z=26),
 * the ten digits before the check digit are weighted 1,2,1,2,..., products' digit sums are added,
 * and the sum mod 10 is the check digit.
 */
function kvnrChecksum(value: string): boolean {
  const s = String(value.charCodeAt(0) - 64).padStart(2, '0') + value.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let v = (s.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2);
    if (v > 9) v -= 9;
    sum += v;
  }
  return sum % 10 === value.charCodeAt(9) - 48;
}

const RAMQ = /^[A-Z]{4} \d{4} \d{4}(?!\w)/;

/**
 * The id that follows a label may run into the next words ("1234 5678 valid until"): keep the
 * leading groups while they hold digits, then check length and digit count.
 */
function trimId(id: string, minDigits: number): string | null {
  const parts = id.split(' ');
  // "AOK 123456789": an insurer's name before the number is not part of it (but a RAMQ card's
  // four letters are: "JOHF 9352 0596").
  if (
    parts.length > 1 &&
    /^[A-Za-z]{2,}$/.test(parts[0]!) &&
    /\d/.test(parts[1]!) &&
    !RAMQ.test(id)
  ) {
    parts.shift();
  }
  let keep = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    if (!/\d/.test(parts[i]!) || /^[A-Za-z]{2,}$/.test(parts[i]!)) break;
    keep += ' ' + parts[i]!;
  }
  keep = keep.replace(/[-\s]+$/, '');
  const alnum = keep.replace(/[^A-Za-z0-9]/g, '');
  const digits = alnum.replace(/\D/g, '');
  if (alnum.length < 6 || alnum.length > 20 || digits.length < minDigits) return null;
  if (isTrivialDigits(digits) && digits.length === alnum.length) return null;
  return keep;
}

/** Health insurance ids: Medicare MBI, NHS number, EHIC, German KVNR, labelled member ids. */
export const healthId: Detector = {
  id: 'health-id',
  types: ['HEALTH_ID'],
  // Every id here ends in or holds at least two digits in a row.
  prefilter: /\d\d/,
  detect(text, ctx) {
    const out: Candidate[] = [];
    // Without their context words nearby, NHS and KVNR candidates score at most 0.35 (and the
    // negative context only lowers that): below a higher threshold they are skipped, never more.
    // Checking each candidate's own window is cheaper than lower-casing and searching the whole
    // text for the words, since checksum-valid candidates are rare.
    const bareCounts = ctx.threshold <= 0.35;
    const push = (start: number, end: number, score: number, reason: string) => {
      let s = score;
      let r = reason;
      // (The European card's label names nothing else, whatever its words: "EHIC Kartennummer";
      // nor does a national scheme's name right before its number's shape: "(SHA/NHIF)".)
      if (
        reason !== 'EHIC label' &&
        reason !== 'national health label' &&
        near(text, start, end, NON_PERSONAL_NUMBER, 20)
      ) {
        s -= 0.45;
        r += ', negative context';
      }
      out.push({ start, end, type: 'HEALTH_ID', score: clamp(s), reason: r });
    };

    // Quick tests before the full patterns: a digit right before one of the MBI's letters, and
    // six digits in a row (NHS numbers, KVNR) are both rare in prose.
    for (const m of MBI_START.test(text) ? matchesOf(text, MBI) : []) {
      const start = m.index;
      const end = start + m[0].length;
      if (SAMPLES.has(m[0].replace(/-/g, ''))) {
        const own = documentedAsOwn(text, start, end, 'HEALTH_ID', MBI_CONTEXT);
        push(start, end, own ? own.score : 0.2, own ? own.reason! : 'documentation sample');
        continue;
      }
      const context = near(text, start, end, MBI_CONTEXT, 40);
      push(start, end, context ? 0.95 : 0.75, context ? 'MBI format, context' : 'MBI format');
    }

    const sixDigits = SIX_DIGITS.test(text);
    for (const m of sixDigits ? matchesOf(text, NHS) : []) {
      const digits = m[0].replace(/\D/g, '');
      if (isTrivialDigits(digits) || !nhsChecksum(digits)) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (SAMPLES.has(digits)) {
        const own = documentedAsOwn(text, start, end, 'HEALTH_ID', NHS_CONTEXT);
        if (own) out.push(own);
        continue;
      }
      // One in eleven 10-digit numbers passes mod 11 by chance, and 10-digit numbers are
      // phones and order ids, so the check only counts beside NHS words.
      const context = near(text, start, end, NHS_CONTEXT, 40);
      if (!context && !bareCounts) continue;
      const grouped = m[1] !== '';
      const score = context ? (grouped ? 0.9 : 0.85) : grouped ? 0.35 : 0.3;
      push(start, end, score, context ? 'checksum, NHS' : 'checksum');
    }

    // Every KVNR match is a whole ten-character token: it is only tried at those.
    for (const m of sixDigits ? matchesAtRuns(text, KVNR, [10]) : []) {
      if (!kvnrChecksum(m[0])) continue;
      const start = m.index;
      const end = start + m[0].length;
      const context = near(text, start, end, KVNR_CONTEXT, 48);
      if (!context && !bareCounts) continue;
      push(start, end, context ? 0.85 : 0.35, context ? 'checksum, context' : 'checksum');
    }

    // The national numbers that count only beside their own word (each passes its check by
    // chance one time in ten or eleven, and such digits are as often phones or orders).
    const beside = (
      re: RegExp,
      context: RegExp,
      check: (d: string) => boolean,
      why: string,
      reach = 40,
    ) => {
      for (const m of matchesOf(text, re)) {
        const digits = m[0].replace(/\D/g, '');
        if (isTrivialDigits(digits) || !check(digits)) continue;
        const start = m.index;
        const end = start + m[0].length;
        if (near(text, start, end, context, reach)) push(start, end, 0.85, why);
      }
    };
    // (Their words, in any case, are rare: one test of the text spares four scans of it.)
    if (sixDigits && BESIDE_WORDS.test(text)) {
      beside(CHI, CHI_CONTEXT, nhsChecksum, 'checksum, CHI');
      beside(AU_MEDICARE, AU_MEDICARE_CONTEXT, auMedicareChecksum, 'checksum, Medicare');
      beside(IHI, IHI_CONTEXT, luhn, 'checksum, IHI');
      beside(RPPS, RPPS_CONTEXT, luhn, 'checksum, RPPS');
      // (A sentence may name the holder between the card and its number.)
      beside(AT_SVNR, AT_SVNR_CONTEXT, atSvnrChecksum, 'checksum, e-card', 64);
    }

    const labelled = (
      re: RegExp,
      anchors: readonly number[],
      lead: number,
      score: number,
      reason: string,
      minDigits: number,
    ) => {
      for (const m of matchAllAt(keyView(text), re, anchors, lead)) {
        const id = trimId(m[1]!, minDigits);
        if (!id) continue;
        const start = m.index + m[0].length - m[1]!.length + m[1]!.indexOf(id);
        push(start, start + id.length, score, reason);
      }
    };
    labelled(CARD, CARD_STARTS.at(text), 0, 0.8, 'EHIC label', 6);
    for (const m of sixDigits ? matchAllAt(text, TAJ, TAJ_WORDS.at(text), 0) : []) {
      const digits = m[1]!.replace(/\D/g, '');
      if (isTrivialDigits(digits) || !tajChecksum(digits)) continue;
      const end = m.index + m[0].length;
      push(end - m[1]!.length, end, 0.9, 'label, checksum');
    }
    for (const m of sixDigits
      ? matchAllAt(
          keyView(text),
          NATIONAL_LABEL,
          [...NATIONAL_WORDS.at(text), ...NATIONAL_SCRIPT_WORDS.at(text)].sort((a, b) => a - b),
          0,
        )
      : []) {
      let k = 0;
      while (m[k + 1] === undefined) k++;
      const value = NATIONAL_VALUE[k]!;
      value.lastIndex = m.index + m[0].length;
      const v = value.exec(text);
      if (v === null) continue;
      const digits = v[0].replace(/\D/g, '');
      const check = NATIONAL[k]!.check;
      if (isTrivialDigits(digits) || (check !== undefined && !check(digits))) continue;
      push(v.index, v.index + v[0].length, 0.85, 'national health label');
    }
    // (A shop's loyalty or rewards member number is no insurer's: "Loyalty sign-up — Member
    // no. 918801141538".)
    const loyalty = LOYALTY.test(text);
    const before = out.length;
    labelled(MEMBER, MEMBER_WORDS.at(text), MEMBER_LEAD, 0.75, 'member label', 4);
    // A member's id without "id" or "number" ("Member YRH913847562", "(mbr H61927384)", "Sub
    // ID: DLT907731245"), or an "ID" right after a plan's or an insurer's name ("Medi-Cal, ID
    // 93847261A", "Caremark ID ZCM88103942"), in a text about health cover.
    // An X12 name segment's member id after its "MI" qualifier: "NM1*IL*1*OSEI*DANIEL****MI*963018274~".
    if (text.includes('*MI*')) {
      for (const m of matchesOf(text, X12_MEMBER)) {
        const end = m.index + m[0].length;
        push(end - m[1]!.length, end, 0.8, 'X12 member');
      }
    }
    if (HEALTH_COVER.test(text)) {
      for (const m of matchAllAt(text, BARE_MEMBER, BARE_MEMBER_WORDS.at(text), 0)) {
        const id = m[1]!;
        if (countDigits(id) < 6 || isTrivialDigits(id.replace(/\D/g, ''))) continue;
        if (m[0].startsWith('ID') || m[0].startsWith('id')) {
          const line = text.slice(
            Math.max(text.lastIndexOf('\n', m.index) + 1, m.index - 40),
            m.index,
          );
          if (!PLAN_BEFORE.test(line)) continue;
        }
        const end = m.index + m[0].length;
        push(end - id.length, end, 0.7, 'member');
      }
    }
    // ("Vers.-Nr.: HR-448-2210937 (Hausrat)": a household policy's number.)
    for (let i = before; i < out.length; i++) {
      const c = out[i]!;
      if (near(text, c.start, c.end, OTHER_INSURANCE, 40)) {
        out[i] = { ...c, score: Math.min(c.score, 0.3), reason: 'other insurance' };
      }
    }
    if (loyalty) {
      for (let i = before; i < out.length; i++) {
        const c = out[i]!;
        if (near(text, c.start, c.end, LOYALTY_NEAR, 60)) {
          out[i] = { ...c, score: Math.min(c.score, 0.3), reason: 'loyalty member' };
        }
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'HL*3*2*22*0~NM1*IL*1*OSEI*KOFI****MI*963018511~N3*12 MAIN ST~', value: '963018511' },
    { text: 'Patient Ada Rowe | Member YRH913840077 | DOB 01/27/1966', value: 'YRH913840077' },
    { text: 'your insurance (Medi-Cal, ID 93840021A) processed the claim', value: '93840021A' },
    // Kenya's SHA, Ghana's NHIS, Ireland's medical card.
    {
      text: 'KRA PIN on file\nSHA No.: CR0071234408-5\nPayroll No.: 20418',
      value: 'CR0071234408-5',
    },
    { text: 'NHIS No: 51177320  (expired 30/06/2024)', value: '51177320' },
    { text: 'Medical Card No.: 8820451K\nClinic: Rheumatology', value: '8820451K' },
    // Austria's e-card number (its check), BPJS said to be one's own, ABHA in Hindi and Telugu,
    // Taiwan's NHI card, North Macedonia's health card, Iran's insurance, a Gulf health card.
    {
      text: 'Die Nummer auf der e-card von Frau Mag. Magdalena Pichler ist 4424 120389, ihr Reisepass',
      value: '4424 120389',
    },
    { text: 'Nomor BPJS Kesehatan saya 0001477762410, tanggal lahir', value: '0001477762410' },
    { text: 'यूएचआईडी UHID06297416, आभा संख्या 91-6179-3729-8034, को', value: '91-6179-3729-8034' },
    { text: 'ABHA నంబర్: 91-0900-7078-4471', value: '91-0900-7078-4471' },
    { text: '出生日期：民國75年8月20日\n健保卡號：439236946488\n手機', value: '439236946488' },
    { text: 'Здравствена картичка бр.: 09187183764', value: '09187183764' },
    { text: 'و شماره بیمه تأمین اجتماعی ۷۴۷۶۲۷۴۹۳۲ ساعت ۸ صبح', value: '۷۴۷۶۲۷۴۹۳۲' },
    { text: 'رقم بطاقة الضمان الصحي: 9066-551930', value: '9066-551930' },
    { text: 'DOB 12-Oct-1972 | Medicaid 74612102 | Provider Dr Marcus Bell', value: '74612102' },
    // Korean, Japanese and Russian insurance cards after their names.
    { text: '환자명: 오민석\n건강보험증번호: 31204715823\n진료 예약일', value: '31204715823' },
    { text: '被保険者氏名：伊藤 さくら\n保険証 記号・番号：00381942・27', value: '00381942' },
    { text: 'Полис ОМС: 7755 2210 4471 2093', value: '7755 2210 4471 2093' },
    { text: 'Rx hydrocodone, NY Medicaid CIN HZ89140D', value: 'HZ89140D' },
    { text: 'Chart CH933094. Insurance: Cigna 19892097644', value: '19892097644' },
    { text: 'SSN on file, Delta Dental ID 49560893869.', value: '49560893869' },
    { text: 'NDIS participant 432404782, support coordinator Tessa', value: '432404782' },
    { text: 'Patient Aroha Ngata, NHI CZC8709, born 1979', value: 'CZC8709' },
    { text: 'Medicare card 3540 45698 5 5, DVA file', value: '3540 45698 5 5' },
    { text: 'Medicare card no.: 4591 11713 2    IRN: 2', value: '4591 11713 2' },
    { text: 'Tessera sanitaria n. 80380259288356980159', value: '80380259288356980159' },
    { text: 'Tessera sanitaria n.: 80380165317628134010', value: '80380165317628134010' },
    { text: 'EHIC Kartennummer: 80276878305592942006', value: '80276878305592942006' },
    { text: 'Patient: Mollie Conroy   PHN 9641 584 056   DOB 1972-04-15', value: '9641 584 056' },
    { text: 'visiting from Quebec, RAMQ card JOHF 9352 0596 exp 2026/04', value: 'JOHF 9352 0596' },
    { text: 'receta electrónica (CIP CPOK1268442680) no dispensable', value: 'CPOK1268442680' },
    { text: 'DVA file no WX371408 (Gold Card)', value: 'WX371408' },
    // The card's short name in brackets, dot leaders, membership and plan labels.
    { text: 'Health card (OHIP): 4853-959-569-XR', value: '4853-959-569-XR' },
    { text: 'Cardholder ID ...... RPM273245686', value: 'RPM273245686' },
    { text: 'the Part D plan ID card says CWKW62751036.', value: 'CWKW62751036' },
    { text: 'ABHA no.: 91-4821-7730-1196 (linked to mobile)', value: '91-4821-7730-1196' },
    { text: 'nhs_number: 140 375 7488', value: '140 375 7488' },
    // Under its column's header in a pasted table, however far along the row.
    {
      text: 'patient,dob,nhs_number,gp_surgery\nAmelia Thornbury,12/05/1948,612 483 0973,Castle Street Surgery',
      value: '612 483 0973',
    },
    // Provincial and national health cards.
    { text: 'Health card number: 1234-567-890-AB', value: '1234-567-890-AB' },
    { text: 'My OHIP number is 4829113375', value: '4829113375' },
    { text: 'Tarjeta sanitaria: BBBB123456789012', value: 'BBBB123456789012' },
    { text: '{"medicareId": "1EG4TE5MK73"}', value: '1EG4TE5MK73' },
    // The documentation's NHS number, given as someone's own.
    { text: 'My NHS number is 943 476 5919.', value: '943 476 5919' },
    '5TQ7-AM4-RX29',
    { text: 'Medicare MBI: 3WP9HN2CK41 (new card)', value: '3WP9HN2CK41' },
    { text: 'NHS number 401 023 2137', value: '401 023 2137' },
    { text: 'nhs no: 4857773457', value: '4857773457' },
    { text: 'Versichertennummer der Krankenkasse: T582739460', value: 'T582739460' },
    { text: 'KVNR M904172635', value: 'M904172635' },
    { text: 'EHIC card number 80276001234567890123', value: '80276001234567890123' },
    // Found since the labels are searched by their own words (no shorter hint list to miss).
    { text: 'tessera europea 80380001234567890123', value: '80380001234567890123' },
    { text: 'Member ID: XJH482019377 (Blue Plan)', value: 'XJH482019377' },
    { text: 'subscriber # W2846 0019 73 valid until 2026', value: 'W2846 0019 73' },
    { text: 'Medicaid ID 9912004836', value: '9912004836' },
    { text: 'His insurance number is AOK 623045981', value: '623045981' },
    // Australia's Medicare card and IHI, Scotland's CHI, a French doctor's RPPS number.
    { text: 'Medicare: 2607 25286 9 (IRN 1)', value: '2607 25286 9' },
    { text: 'IHI 8003 6018 4814 3629, born 10/05/1989', value: '8003 6018 4814 3629' },
    { text: 'CHI: 2103973917', value: '2103973917' },
    { text: 'Dr Paulette Prevost (RPPS 10106264236)', value: '10106264236' },
    { text: 'N° adhérent Harmonie Mutuelle : M43508467', value: 'M43508467' },
    { text: 'Signal Iduna, Versicherungsnummer KV352289095', value: 'KV352289095' },
    { text: 'Vers.-Nr. O889782078', value: 'O889782078' },
    { text: 'verified dob + mbr id 762397569', value: '762397569' },
    { text: 'Medicare card no. | 3243273354 / 2', value: '3243273354' },
    // Portugal's SNS number; Hungary's TAJ after its name, with its check.
    { text: 'Utente: Maria Alves\nN.º de utente SNS: 287463915', value: '287463915' },
    { text: 'o meu número de utente é 198765432', value: '198765432' },
    { text: 'Número nacional de utente: 204718353', value: '204718353' },
    { text: 'Beteg neve: Szabó Katalin\nTAJ: 349 943 691', value: '349 943 691' },
    { text: 'TAJ-szám: 857 656 061\nAdóazonosító jel: 8437201616', value: '857 656 061' },
    { text: 'a TAJ-számom 857-656-061', value: '857-656-061' },
    // National schemes' numbers after their names, each in its own shape.
    { text: 'TIN: 915-035-531-000\nPhilHealth No.: 69-243295570-1', value: '69-243295570-1' },
    { text: '- No. Kartu BPJS Kesehatan: 0001292976519\n', value: '0001292976519' },
    { text: 'Mã bệnh án: BA24-0031587\nSố thẻ BHYT: HT3790518563512', value: 'HT3790518563512' },
    {
      text: 'Cartão Nacional de Saúde (CNS): 780 4970 7032 5583\nData de nascimento',
      value: '780 4970 7032 5583',
    },
    { text: 'OIB (porezni broj): 38346452544\nMBO (HZZO): 910221472', value: '910221472' },
    { text: 'Broj istorije bolesti: 2024/06/4407\nLBO: 64759713423', value: '64759713423' },
    {
      text: 'številka kartice zdravstvenega zavarovanja 270846413. Povratni klic',
      value: '270846413',
    },
    { text: 'Namba ya bima (SHA/NHIF): 49644851\nNdugu wa karibu', value: '49644851' },
    { text: 'PPS: 5469458L   IHI: 9261134706\nNOK:', value: '9261134706' },
    { text: 'en mediese fondsnommer 647888637 (Bonitas)', value: '647888637' },
  ],
  noMatch: [
    'Patient claim: Order ID 12345678 shipped, Patient ID 87654321 on file',
    // The e-card's check fails.
    'Die Nummer auf der e-card ist 4425 120389.',
    'Medicaid 2024 expansion: 12 states',
    // A car's insurance policy is no health id.
    'Полис ОСАГО ХХХ 0123456789',
    'Cigna 2023 annual report',
    'FitWerk Fitnessstudio: Ihre Mitgliedsnr. 004812 wurde verlängert.',
    // The same number under another column's header: no NHS word names it.
    'customer,dob,order_ref,store\nAmelia Thornbury,12/05/1948,612 483 0973,Castle Street',
    // A shop's loyalty member number.
    'Loyalty sign-up (in store, tablet) — Member no. 918801141538\nPoints: 1 240',
    // An airline's loyalty membership.
    'Zephyr Air Miles statement\nMembership no. 661933182  Tier: Gold',
    'The health card was renewed in 2021',
    'National Insurance number: ZZ 79 95 42 C',
    'NHS numbers look like 943 476 5919 (a sample).',
    'Order 401 023 2137 shipped',
    '4010232138 is not an NHS number',
    'Serial A123456781 printed on the box',
    'Member since 2019, loyal customer',
    'Insurance number pending',
    'SKU 5TQ7-AM4-RX29 in stock',
    'NHS appointment ref 401 023 2137',
    'Code K305928175 applied at checkout',
    'Reference KVNR-like code M904172636 for the Krankenkasse',
    'The code 1SL4-TO5-MB73 has forbidden letters',
    'The CMS sample MBI is 1EG4-TE5-MK73',
    'Example NHS number: 943 476 5919',
    // The check digits fail, or no word names the number.
    'Medicare: 2607 25287 9 (IRN 1)',
    'Order 2607 25286 9 shipped',
    'CHI: 2103973918',
    'RPPS 10106264237',
    'Invoice 8003 6018 4814 3629',
    // A TAJ with a wrong check; nine digits with no TAJ name; the Taj Mahal.
    'TAJ: 349 943 692',
    'Rendelésszám: 349 943 691',
    'Taj Mahal tour 349943691',
    // A CNS with a wrong check; the short names beside other numbers; a household policy.
    'Cartão Nacional de Saúde (CNS): 780 4970 7032 5584',
    'CNS involvement noted on MRI 2024-03-12, follow-up in 6 weeks',
    'MBO Q3 2024-25 targets: 12 accounts',
    'Vers.-Nr.: HR-448-2210937 (Hausrat)\nGeburtsdatum: 11.11.1966',
  ],
};
