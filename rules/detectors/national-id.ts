import { isTrivialDigits, luhn } from '../checksums.ts';
import { matchAllAt, NON_PERSONAL_NUMBER } from '../context.ts';
import { cueDistance, isValidDate, OTHER_ID_LABELS, valuesNearLabels } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import { matchesOf } from '../scan-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// Identity documents that have no check digit to find them by (or whose scheme differs from
// country to country): identity cards, residence permits, citizen cards. Only the value right
// after one of these names counts. Names whose numbers have a check of their own (DNI, NIE,
// codice fiscale, Personalausweis, BSN, ...) are left to those detectors. Latin-1 letter
// classes instead of \p{L} keep this whole-text scan fast (see date-of-birth.ts).
const NAMES = [
  String.raw`national (?:id(?:entity|entification)?|identity|registration)(?: card)?(?: (?:number|no\.?|nr\.?|#))?`,
  String.raw`(?:citizen|resident|residence|voter'?s?) id(?: card)?(?: (?:number|no\.?|#))?`,
  String.raw`id[- ]card(?: (?:number|no\.?|#))?`,
  String.raw`identity (?:card|number|document|no\.?)(?: (?:number|no\.?|#))?`,
  String.raw`(?<!(?:vehicle|tax|taxpayer|employer|bank|product|payer|device|caller|vendor) )identification (?:card|number|document)(?: (?:number|no\.?|#))?`,
  String.raw`(?:biometric )?residen(?:ce|t) (?:permit|card)(?: (?:number|no\.?|#))?`,
  String.raw`brp(?: (?:number|no\.?|#))?`,
  String.raw`permesso di soggiorno`,
  String.raw`(?:titre|carte) de s[ée]jour`,
  String.raw`aufenthalts(?:titel|erlaubnis|karte)(?:-?n(?:umme)?r\.?)?`,
  String.raw`verblijfs(?:vergunning|document)(?:nummer)?`,
  String.raw`tarjeta de residencia`,
  String.raw`ausweis-?n(?:umme)?r\.?`,
  String.raw`identit[äa]tskarte`,
  String.raw`(?:num[ée]ro de )?carte (?:nationale )?d'identit[ée]`,
  String.raw`(?:num[ée]ro|pi[èe]ce) d'identit[ée]`,
  String.raw`documento (?:nacional )?de identi(?:dad|fica[çc][ãa]o)`,
  String.raw`c[ée]dula(?: de (?:identidad|ciudadan[íi]a))?`,
  String.raw`(?:carta|documento) d'identit[àa]`,
  String.raw`cart[ãa]o de cidad[ãa]o`,
  String.raw`bilhete de identidade`,
  String.raw`identiteitskaart|identiteitsbewijs|id-kaart`,
  String.raw`dow[óo]d(?:u)? osobist(?:y|ego)|(?:seria i )?(?:numer|nr\.?) dowodu(?: osobistego)?`,
  // Brazil's RG (registro geral), only before its colon or 'nº': the letters are too short.
  String.raw`rg(?= ?(?:n[º°o]\.?|:))`,
  String.raw`nric|cnic|hkid|emirates id|iqama|mykad|curp`,
  // Indonesia's KTP and its NIK, Vietnam's citizen card (CCCD, the older CMND), the Philippines'
  // PhilSys number, Thailand's identity card, Argentina's and Peru's DNI (digits only: Spain's
  // has its own check), Chile's RUT or RUN.
  String.raw`(?:e-?)?ktp|nik(?= ?:)|cccd|cmnd|c[ăa]n c[ưu][ớo]c(?: c[ôo]ng d[âa]n)?`,
  String.raw`philsys(?: (?:card )?(?:number|no\.?|id))?|thai id(?: card)?(?: (?:number|no\.?))?`,
  String.raw`dni|rut|run(?= ?:)`,
  // A US immigrant's alien registration number; Brazil's PIS/PASEP (before its colon).
  String.raw`a-?number|a ?#|n[úu]mero a(?= (?:es )?A?\d)|alien (?:registration )?(?:number|no\.?|#)|uscis ?(?:number|no\.?|#)`,
  String.raw`pis(?:\/pasep)?(?= ?(?:n[º°o]\.?|:))`,
  // Indonesia's NIK said to be one's own ("NIK saya ..."); Hungary's identity card; the Czech
  // one (občanský průkaz, "číslo OP"); Swahili "namba ya kitambulisho" (the id number) and
  // Tanzania's NIDA number.
  String.raw`nik(?= (?:saya|anda|ku|pemohon|pelanggan)\b)`,
  // Sri Lanka's NIC, only before its shapes: nine digits and V or X, or the birth year, the day
  // of the year and five digits.
  String.raw`nic(?= ?(?:\((?:old|new)\) ?)?(?:no\.?|number|#|:|is)? ?(?:\d{9}[VX]|(?:19|20)\d\d[0-8]\d{7})(?![\w-]))`,
  // Ghana's card and social security (SSNIT) numbers, the Philippines' SSS and UMID numbers,
  // Bangladesh's NID in English (only before its 10, 13 or 17 digits), Singapore's FIN (a
  // foreigner's NRIC: F, G or M, seven digits and a letter).
  String.raw`ghana card(?: (?:number|no\.?|#))?|ssnit(?: (?:number|no\.?|#))?|(?:sss|umid)(?: (?:crn|number|no\.?|#|id))?`,
  String.raw`nid(?= ?(?:no\.?|number|#)? ?(?:is )?:? ?(?:\d{17}|\d{13}|\d{10})(?!\d))|fin(?= ?(?:no\.?|number)? ?: ?[FGM]\d{7}[A-Z](?![\w-]))`,
  // "ID" alone names a person's identity number only as theirs ("my ID 37789718") or as a
  // form's field at the start of its line ("ID No.: 33504811"); "Order ID", "User ID" are not.
  String.raw`(?:(?:my|your|his|her|their) id|(?<=^|\n)id (?:no\.?|number|#))(?: (?:number|no\.?|#))?(?: is)?`,
  String.raw`szem[ée]lyi igazolv[áa]ny(?: ?sz[áa]ma?)?`,
  String.raw`(?:č[íi]slo|č\.) op|občansk[ýé](?:ho)? průkaz(?:u)?`,
  String.raw`(?:namba ya )?kitambulisho(?: cha taifa)?|nida`,
  // In other scripts: Kazakhstan's ЖСН and ИИН, the Greek identity card (ταυτότητα, ΑΔΤ; before
  // its shape, two capitals and six digits), Georgia's personal number, Armenia's ՀԾՀ, the civil
  // and national numbers and identity cards of the Arab states (Saudi Arabia's and Egypt's, which
  // have checks, are read below), Pakistan's identity card (شناختی کارڈ), Cambodia's identity card.
  String.raw`(?<![А-яЁё])(?:жсн|иин)(?![А-яЁё])|(?:ταυτότητα|α\.?δ\.?τ\.?)(?= ?:? ?[Α-ΩA-Z]{1,2}[ -]?\d{6}(?!\d))|პირადი ნომერი|հծհ`,
  String.raw`الرقم (?:المدني|الوطني)|(?:رقم )?(?:ال)?بطاقة (?:ال)?(?:وطنية|تعريف(?: ال\S{3,8})?)|شناختی کارڈ(?: نمبر)?|លេខអត្តសញ្ញាណប័ណ្ណ`,
];
const LABEL = new RegExp(String.raw`(?<![A-Za-zÀ-ÿ])(?:${NAMES.join('|')})(?![A-Za-zÀ-ÿ])`, 'gi');
// Every LABEL match holds one of these at most 14 characters in ("documento nacional de identidad"
// holds "identi" at 24: "documento" is listed); the label pattern is tried only there.
const LABEL_WORDS = keywords([
  'national',
  'citizen',
  'residen',
  'voter',
  'id card',
  'id-card',
  'identit',
  'identifica',
  'brp',
  'permesso',
  'titre de s',
  'carte de s',
  'aufenthalt',
  'verblijf',
  'tarjeta de res',
  'ausweis',
  'documento',
  'dula',
  'carta d',
  'cidad',
  'bilhete',
  'id-kaart',
  'dow',
  'rg:',
  'rg :',
  'rg nº',
  'rg n°',
  'rg no',
  'nr dowodu',
  'seria i',
  'nric',
  'cnic',
  'hkid',
  'emirates',
  'iqama',
  'mykad',
  'curp',
  'ktp',
  'nik:',
  'nik :',
  'cccd',
  'cmnd',
  'căn cước',
  'can cuoc',
  'philsys',
  'thai id',
  'dni',
  'rut',
  'run:',
  'run :',
  'a-number',
  'a#',
  'a #',
  'número a',
  'numero a',
  'anumber',
  'alien',
  'uscis',
  'pis',
  'pièce',
  'piece',
  'numéro',
  'numero',
  'nik saya',
  'nik anda',
  'nik ku',
  'nik pemohon',
  'nik pelanggan',
  'nic',
  'ghana card',
  'ssnit',
  'sss',
  'umid',
  'nid',
  'fin:',
  'fin :',
  'fin no',
  'fin number',
  'my id',
  'your id',
  'his id',
  'her id',
  'their id',
  'id no',
  'id number',
  'id #',
  'igazolv',
  'číslo op',
  'cislo op',
  'č. op',
  'občansk',
  'kitambulisho',
  'nida',
  'жсн',
  'иин',
  'ταυτότητ',
  'α.δ.τ',
  'αδτ',
  'პირადი',
  'հծհ',
  'رقم ال',
  'رقم بطاقة',
  'بطاقة ال',
  'الرقم ال',
  'شناختی کارڈ',
  'លេខអត្ត',
]);
const LABEL_LEAD = 14;
/** The labels' words and "NISS", found by the shared keyword pass. */
const HINT_WORDS = { test: (text: string) => LABEL_WORDS.test(text) || NISS_HINT.test(text) };

// A value: letters in capitals and digits, in groups joined by one space, dot, dash or slash.
const TOKEN = /(?<![\w+./-])[A-Z0-9]+(?:[-./ ][A-Z0-9]+){0,4}(?![\w/-]|[.-]\w)/g;

// Between a name and a number, these words say the number is something else.
const BAD_GAP = new RegExp(
  String.raw`expir|issue|valid|date|datum|fecha|ablauf|g[üu]ltig|d[ée]livr|emisi|caduc|scad|photo|foto|copy|scan|appointment|fee|version|${OTHER_ID_LABELS.source}`,
);

const LEADING_WORD = /^(?:CUIT|CUIL|CNPJ|CPF|RUC|NIT|NIF|TIN|EIN|VAT|GSTIN|NPWP|PAN)[ ]/;
const DATE_LIKE = /^(?:\d{1,4}[-./ ]\d{1,2}[-./ ]\d{1,4})$/;

/** Whether a value is shaped like a document number: 5 to 20 characters (Tanzania's NIDA number
 * has twenty digits), three digits or more. */
function idShaped(v: string): boolean {
  const bare = v.replace(/[-./ ]/g, '');
  if (bare.length < 5 || bare.length > 20) return false;
  let digits = 0;
  for (let i = 0; i < bare.length; i++) {
    const c = bare.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 3 || DATE_LIKE.test(v)) return false;
  return !(digits === bare.length && isTrivialDigits(bare));
}

// Portugal's Cartão de Cidadão: eight digits, a check digit, two letters and a digit, the
// whole read as a Luhn sum with letters worth 10-35 ("21268958 4 ZZ6"): its own shape and
// check find it. And the social security number (NISS) after its name: eleven digits from 1
// or 2, the last a check over the first ten.
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const PT_CC = /\d(?<![\w-]\d)\d{7} ?\d ?[A-Z]{2}\d(?![\w-])/g;
const NISS = /(?<![A-Za-z])niss[ \t]*(?:n\.?[º°o]\.?)?[ \t]*:?[ \t]*([12]\d{10})(?!\d)/gi;

/** The Cartão de Cidadão's check: Luhn over its twelve characters, letters worth 10-35. */
function ptCitizenCard(v: string): boolean {
  let sum = 0;
  let second = false;
  for (let i = v.length - 1; i >= 0; i--) {
    const c = v.charCodeAt(i);
    if (c === 32) continue;
    let d = c <= 57 ? c - 48 : c - 55;
    if (second) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    second = !second;
  }
  return sum % 10 === 0;
}

/** The NISS check: the first ten digits weighted 29, 23, 19, 17, 13, 11, 7, 5, 3, 2. */
function ptNiss(d: string): boolean {
  const w = [29, 23, 19, 17, 13, 11, 7, 5, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  return 9 - (sum % 10) === d.charCodeAt(10) - 48;
}

// South Africa's identity number: the birth date (YYMMDD), four digits, citizenship (0 or 1),
// a digit and a Luhn check: thirteen digits that count after an "ID" (a barcode's thirteen
// digits pass the date, the citizenship digit and Luhn one time in a hundred or so).
const ZA_ID = /(?<![\w-])\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{4}[01]\d\d(?![\w-])/g;
const ZA_ID_HINT = /\d{13}/;
const ID_BEFORE =
  /\b(?:id|identity|sa id|rsa id)(?:\/passport)?(?: (?:no\.?|number|nr|#))?(?: (?:supplied|provided|given|is))?[ \t]*[:#]?[ \t]*$/i;

/** What the detector needs to run: a label, or the citizen card's two capitals after digits. */
const PREFILTER = {
  test: (text: string) =>
    HINT_WORDS.test(text) ||
    EU_ID_NAME_WORDS.test(text) ||
    EU_ID_WORDS.test(text) ||
    PT_CC_HINT.test(text) ||
    ZA_ID_HINT.test(text) ||
    CHECKED_WORDS.test(text) ||
    AE_EID_HINT.test(text) ||
    MY_NUMBER_HINT.test(text) ||
    CJK_ID_HINT.test(text),
};
const PT_CC_HINT = /\d ?[A-Z]{2}\d(?![\w-])/;
const NISS_HINT = keywords(['niss']);
// Japan's My Number (個人番号): twelve digits, the last a check over the other eleven, after its
// name ("マイナンバー", "個人番号", "My Number"), in groups of four or not.
const MY_NUMBER =
  /(?:マイナンバー|個人番号|my ?number)(?:カード)?[^\d\n]{0,12}?(\d{4}[ -]?\d{4}[ -]?\d{4})(?![\d-])/giu;
const MY_NUMBER_HINT = keywords(['マイナンバー', '個人番号', 'my number', 'mynumber']);

// China's resident identity number: the area (six digits), the birth date (YYYYMMDD), three
// digits and an ISO 7064 check (a digit or X); Korea's resident registration number: the birth
// date (YYMMDD), a dash, the sex digit and six more. Both only after their names.
const CN_ID =
  /(?:身份证号码|身份证号|身份证|公民身份号码|居民身份证)[^\dXx\n]{0,6}?(\d{17}[\dXx])(?![\dA-Za-z])/gu;
const KR_RRN =
  /(?:주민등록번호|주민번호|외국인등록번호|RRN|[Rr]esident [Rr]egistration [Nn]umber)[^\d\n]{0,6}?(\d{6}-?[1-8]\d{6})(?![\d-])/gu;
// Taiwan's national identification number (身分證字號): a capital for the place of first
// registration, the sex digit (1 or 2), seven digits and a check over the letter's two-digit
// value and the nine digits.
const TW_ID =
  /(?:身分證|身份證)(?:字號|號碼|統一編號)?[^\dA-Za-z\n]{0,6}?([A-Z][12]\d{8})(?![\dA-Za-z])/gu;
const CJK_ID_HINT = keywords([
  '身分證',
  '身份證',
  '身份证',
  '公民身份',
  '주민등록',
  '주민번호',
  '외국인등록',
  'rrn',
  'resident registration',
]);

// Romania's personal numeric code (CNP): the sex and century digit, the birth date (YYMMDD), the
// county (01-52, or 70 for a number given abroad), three digits and a check digit; Greece's
// social security number (ΑΜΚΑ): the birth date (DDMMYY), five digits, the last a Luhn check;
// Nigeria's National Identification Number (NIN) and Bank Verification Number (BVN, a person's
// id across banks): eleven digits, no public check; Uganda's NIN: C, the sex (M or F) and twelve
// capitals and digits. Each only
// after its name ("CNP-ul meu este ...", "Α.Μ.Κ.Α.: ...", "Her NIN is ..."), the names found by
// the keyword pass and the patterns tried there: a thirteen-digit number alone is as often a
// barcode's.
const EU_ID_NAME_WORDS = keywords(['cnp', 'amka', 'nin', 'bvn'], { wholeWord: true });
const EU_ID_WORDS = keywords(['cod numeric personal', 'codul numeric personal', 'αμκα', 'α.μ.κ.α']);
const CNP =
  /(?<![A-Za-z])(?:CNP|cnp(?=[-: ])|[Cc]od(?:ul)? [Nn]umeric [Pp]ersonal)(?:-?ul(?:ui)?)?(?![A-Za-z])[^\d\n]{0,16}?(?<!\d)([1-9]\d{12})(?!\d)/g;
const AMKA =
  /(?<![A-Za-zͰ-Ͽ])[ΑA]\.?[ΜM]\.?[ΚK]\.?[ΑA]\.?(?![A-Za-zͰ-Ͽ])[^\d\n]{0,16}?(?<!\d)(\d{11})(?!\d)/gi;
const NIN =
  /(?<![A-Za-z])(?:NIN|BVN)(?![A-Za-z])[^\d\n]{0,16}?(?<![\dA-Z])(\d{11}|C[MF][0-9A-Z]{12})(?![\dA-Z])/g;

// National numbers with a check digit, after their names in their own scripts (and in English):
// Russia's СНИЛС (nine digits and a two-digit check), Israel's teudat zehut (ת.ז., nine digits,
// a Luhn-like check with weights 1 and 2), Thailand's citizen id (thirteen digits, a mod-11
// check), Saudi Arabia's national id and iqama (ten digits from 1 or 2, Luhn), Egypt's national
// number (fourteen digits: the century, the birth date, the governorate, a serial and a check
// whose scheme is not published, so the date and the governorate are checked), Ukraine's УНЗР
// (the birth date, four digits and a check with weights 7, 3, 1) and India's voter id (EPIC:
// three capitals and seven digits, no public check). Each pattern's first group is its value.
const SNILS = /(?:СНИЛС|SNILS)[^\d\n]{0,16}?(?<!\d)(\d{3}-\d{3}-\d{3}[ -]\d{2}|\d{11})(?![\d-])/gi;
const IL_ID =
  /(?:ת\.ז\.?|ת"ז|תעודת זהות|מספר זהות|teudat zehut|israeli id(?: (?:number|no\.?))?)[^\d\n]{0,24}?(?<!\d)(\d{8,9})(?![\d-])/gi;
const TH_ID =
  /(?:เลขประจ\u0e4d\u0e32ตัวประชาชน|เลขบัตรประชาชน|บัตรประชาชน|thai (?:national )?id(?: card)?(?: (?:number|no\.?))?)[^\d\n]{0,32}?(?<!\d)(\d-?\d{4}-?\d{5}-?\d{2}-?\d)(?![\d-])/gi;
const SA_ID =
  /(?:رقم الهوية(?: الوطنية)?|الهوية الوطنية|رقم الإقامة|رقم الاقامة|saudi (?:national )?id(?: (?:number|no\.?))?)[^\d\n]{0,16}?(?<!\d)([12]\d{9})(?!\d)/gi;
const EG_ID =
  /(?:الرقم القومي|الرقم القومى|رقم قومي|egyptian (?:national )?id(?: (?:number|no\.?))?)[^\d\n]{0,16}?(?<!\d)([23]\d{13})(?!\d)/gi;
const UA_UNZR = /(?:УНЗР|UNZR)[^\d\n]{0,16}?(?<!\d)(\d{8}-?\d{5})(?![\d-])/gi;
// Bulgaria's ЕГН (the birth date, three digits, a check with weights 2, 4, 8, 5, 10, 9, 7, 3,
// 6, mod 11, 10 read as 0), the JMBG of Serbia and the other former Yugoslav states (ЈМБГ,
// ЕМБГ, JMB: the birth date as DDMMYYY, region, serial and a mod-11 check), Iran's national
// code (کد ملی: ten digits, the last a check over the nine before, weights 10..2), Bangladesh's
// NID (জাতীয় পরিচয়পত্র: 10, 13 or 17 digits, no public check) and Greece's identity card
// (δελτίο ταυτότητας, ΑΔΤ: one or two capitals and six digits, no check).
const BG_EGN = /(?<![A-Za-zЀ-ӿ])(?:ЕГН|EGN)(?![A-Za-zЀ-ӿ])[^\d\n]{0,16}?(?<!\d)(\d{10})(?!\d)/gi;
const YU_JMBG =
  /(?<![A-Za-zЀ-ӿ])(?:ЈМБГ|JMBG|ЕМБГ|EMBG|ЈМБ|JMB)(?![A-Za-zЀ-ӿ])[^\d\n]{0,16}?(?<!\d)(\d{13})(?!\d)/gi;
const IR_MELLI =
  /(?:کد ?مل[یي]|شماره مل[یي]|کد مل[یي]ّ|(?:iranian )?(?:national|melli) code)[^\d\n]{0,24}?(?<!\d)(\d{10})(?!\d)/gi;
const BD_NID = /(?:জাতীয় পরিচয়(?:পত্র)?|এনআইডি)[^\d\n]{0,16}?(?<!\d)(\d{17}|\d{13}|\d{10})(?!\d)/g;
const GR_ADT =
  /(?:(?:δελτ[ίι]ου?|αστυνομικ[ήη]ς?|αριθμ[όο]ς) ταυτ[όο]τητας|α\.?δ\.?τ\.?(?![α-ωά-ώ]))[^\d\n]{0,24}?(?<![\wͰ-Ͽ])([Α-ΩA-Z]{1,2}[ -]?\d{6})(?![\d-])/gi;
const IN_EPIC =
  /(?:EPIC|मतदाता पहचान पत्र|मतदाता पहचान|[Vv]oter'?s? (?:[Ii][Dd]|card)(?: (?:number|no\.?))?)[^\dA-Za-z\n]{0,20}?([A-Z]{3}\d{7})(?![\dA-Za-z])/g;
const CHECKED_WORDS = keywords([
  'снилс',
  'snils',
  'ת.ז',
  'ת"ז',
  'תעודת זהות',
  'מספר זהות',
  'teudat zehut',
  'israeli id',
  // (ประจำ as normalise leaves it: NFKC parts the vowel SARA AM in two.)
  'เลขประจ\u0e4d\u0e32ตัวประชาชน',
  'เลขบัตรประชาชน',
  'บัตรประชาชน',
  'thai id',
  'thai national id',
  'رقم الهوية',
  'الهوية الوطنية',
  'رقم الإقامة',
  'رقم الاقامة',
  'saudi id',
  'saudi national id',
  'الرقم القومي',
  'الرقم القومى',
  'رقم قومي',
  'egyptian id',
  'egyptian national id',
  'унзр',
  'unzr',
  'epic',
  'मतदाता पहचान',
  'voter',
  'егн',
  'egn',
  'јмбг',
  'jmbg',
  'ембг',
  'embg',
  'јмб',
  'jmb',
  'کد ملی',
  'کدملی',
  'کد ملي',
  'کدملي',
  'شماره ملی',
  'شماره ملي',
  'national code',
  'melli code',
  'iranian national code',
  'জাতীয় পরিচয়',
  'এনআইডি',
  'δελτίου ταυτότητας',
  'δελτιου ταυτοτητας',
  'δελτίο ταυτότητας',
  'δελτιο ταυτοτητας',
  'αστυνομικής ταυτότητας',
  'αστυνομικης ταυτοτητας',
  'αριθμός ταυτότητας',
  'αριθμος ταυτοτητας',
  'α.δ.τ',
  'αδτ',
]);
// The UAE's Emirates ID, "784", the birth year, seven digits and a Luhn check over the fifteen:
// in its dashed form it needs no label (a Luhn-valid run with that shape is no order number).
// (Its first digit consumed before the look-behind: a pattern that opens with one is tried
// at every position of the text.)
const AE_EID = /7(?<![\d-]7)84-(?:19|20)\d{2}-\d{7}-\d(?![\d-])/g;
const AE_EID_HINT = keywords(['784-']);

/** Russia's СНИЛС: the first nine digits weighted 9..1; the sum, mod 101 from 101 on, 100 as 0. */
export function validSnils(v: string): boolean {
  const d = v.replace(/\D/g, '');
  if (isTrivialDigits(d.slice(0, 9))) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (9 - i);
  let check = sum < 100 ? sum : sum % 101;
  if (check === 100) check = 0;
  return check === Number(d.slice(9));
}

/** Bulgaria's ЕГН: a real birth date (months +20 for the 1800s, +40 for the 2000s) and its check. */
export function validEgn(d: string): boolean {
  const w = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  if ((sum % 11) % 10 !== d.charCodeAt(9) - 48) return false;
  const m = Number(d.slice(2, 4));
  const century = m > 40 ? 2000 : m > 20 ? 1800 : 1900;
  return isValidDate(century + Number(d.slice(0, 2)), m % 20, Number(d.slice(4, 6)));
}

/** The JMBG: a real birth date (DDMMYYY, 9xx the 1900s) and the mod-11 check, weights 7..2 twice. */
export function validJmbg(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (d.charCodeAt(i) - 48) * (7 - (i % 6));
  const r = 11 - (sum % 11);
  if ((r > 9 ? 0 : r) !== d.charCodeAt(12) - 48) return false;
  const y = Number(d.slice(4, 7));
  return isValidDate(y + (y >= 800 ? 1000 : 2000), Number(d.slice(2, 4)), Number(d.slice(0, 2)));
}

/** Iran's national code: weights 10..2 over nine digits; the sum mod 11, 11 less it from 2 on. */
export function validMelli(d: string): boolean {
  if (isTrivialDigits(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  const r = sum % 11;
  return (r < 2 ? r : 11 - r) === d.charCodeAt(9) - 48;
}

/** Israel's teudat zehut: nine digits (padded with a 0), weights 1, 2, 1, ...; digit sums mod 10. */
export function validIsraeliId(v: string): boolean {
  const d = v.padStart(9, '0');
  if (isTrivialDigits(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const p = (d.charCodeAt(i) - 48) * (i % 2 === 1 ? 2 : 1);
    sum += p > 9 ? p - 9 : p;
  }
  return sum % 10 === 0;
}

/** Thailand's citizen id: twelve digits weighted 13..2; 11 less the sum mod 11, mod 10. */
export function validThaiId(v: string): boolean {
  const d = v.replace(/\D/g, '');
  if (d.length !== 13 || d[0] === '0') return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (d.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10 === d.charCodeAt(12) - 48;
}

/** Egypt's national number: the century (2: 1900s, 3: 2000s), a real birth date, a governorate. */
export function validEgyptianId(d: string): boolean {
  const year = (d[0] === '2' ? 1900 : 2000) + Number(d.slice(1, 3));
  const gov = Number(d.slice(7, 9));
  const govOk = (gov >= 1 && gov <= 4) || (gov >= 11 && gov <= 35) || gov === 88;
  return govOk && isValidDate(year, Number(d.slice(3, 5)), Number(d.slice(5, 7)));
}

/** Ukraine's УНЗР: a real birth date (YYYYMMDD), four digits, and the 7-3-1 weighted check. */
export function validUnzr(v: string): boolean {
  const d = v.replace(/\D/g, '');
  if (!isValidDate(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8)))) {
    return false;
  }
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (d.charCodeAt(i) - 48) * w[i % 3]!;
  return sum % 10 === d.charCodeAt(12) - 48;
}

/** The CNP's check (weights 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9; the sum mod 11, 10 read as 1),
 * its birth date and its county. */
export function validCnp(d: string): boolean {
  const w = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  const r = sum % 11;
  if ((r === 10 ? 1 : r) !== d.charCodeAt(12) - 48) return false;
  // 1-2 born in the 1900s, 3-4 in the 1800s, 5-6 in the 2000s; 7-9 residents, either century
  // (only 29 February could tell, and 2000 was a leap year).
  const sex = d.charCodeAt(0) - 48;
  const year = (sex <= 2 ? 1900 : sex <= 4 ? 1800 : 2000) + Number(d.slice(1, 3));
  const county = Number(d.slice(7, 9));
  const countyOk = (county >= 1 && county <= 52) || county === 70;
  return countyOk && isValidDate(year, Number(d.slice(3, 5)), Number(d.slice(5, 7)));
}

/** The ΑΜΚΑ's birth date (DDMMYY) and Luhn check. */
export function validAmka(d: string): boolean {
  return (
    isValidDate(Number(d.slice(4, 6)), Number(d.slice(2, 4)), Number(d.slice(0, 2))) && luhn(d)
  );
}

/** The Chinese identity number's date and check character. */
function cnId(v: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (v.charCodeAt(i) - 48) * w[i]!;
  const year = Number(v.slice(6, 10));
  const month = Number(v.slice(10, 12));
  const day = Number(v.slice(12, 14));
  const dated = year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  return dated && '10X98765432'[sum % 11] === v[17]!.toUpperCase();
}

/** Taiwan's id: the letter's value (A=10 ... in the issuing order), then weights 8..1 and 1. */
function twId(v: string): boolean {
  const n = 'ABCDEFGHJKLMNPQRSTUVXYWZIO'.indexOf(v[0]!) + 10;
  let sum = Math.floor(n / 10) + (n % 10) * 9;
  for (let i = 1; i < 9; i++) sum += (v.charCodeAt(i) - 48) * (9 - i);
  return (sum + v.charCodeAt(9) - 48) % 10 === 0;
}

/** The Korean number's birth date (its month and day). */
function krRrn(v: string): boolean {
  const month = Number(v.slice(2, 4));
  const day = Number(v.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The My Number check: weights 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 over the first eleven digits. */
function myNumber(d: string): boolean {
  const w = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === d.charCodeAt(11) - 48;
}

/**
 * The numbers `re` finds after their names (its first group, which ends the match) that pass
 * `check`, as NATIONAL_ID findings; `re` is tried only at the `anchors` given (where its names
 * start), or everywhere without.
 */
function labelledChecked(
  text: string,
  re: RegExp,
  check: (value: string) => boolean,
  score: number,
  reason: string,
  out: Candidate[],
  anchors?: readonly number[],
): void {
  for (const m of anchors ? matchAllAt(text, re, anchors, 0) : matchesOf(text, re)) {
    if (!check(m[1]!)) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end, type: 'NATIONAL_ID', score, reason });
  }
}

/** Identity card, residence permit and citizen card numbers, right after their names. */
export const nationalId: Detector = {
  id: 'national-id',
  types: ['NATIONAL_ID'],
  prefilter: PREFILTER,
  detect(text) {
    const out: Candidate[] = [];
    if (PT_CC_HINT.test(text)) {
      for (const m of matchesOf(text, PT_CC)) {
        if (!ptCitizenCard(m[0])) continue;
        const end = m.index + m[0].length;
        out.push({ start: m.index, end, type: 'NATIONAL_ID', score: 0.8, reason: 'checksum' });
      }
    }
    if (CJK_ID_HINT.test(text)) {
      labelledChecked(text, CN_ID, cnId, 0.9, 'label, check', out);
      labelledChecked(text, KR_RRN, krRrn, 0.9, 'label, check', out);
      labelledChecked(text, TW_ID, twId, 0.9, 'label, check', out);
    }
    if (MY_NUMBER_HINT.test(text)) {
      const check = (v: string) => {
        const digits = v.replace(/\D/g, '');
        return !isTrivialDigits(digits) && myNumber(digits);
      };
      labelledChecked(text, MY_NUMBER, check, 0.85, 'label, checksum', out);
    }
    if (NISS_HINT.test(text)) labelledChecked(text, NISS, ptNiss, 0.85, 'label, checksum', out);
    if (CHECKED_WORDS.test(text)) {
      const at = CHECKED_WORDS.at(text);
      const reason = 'label, checksum';
      labelledChecked(text, SNILS, validSnils, 0.9, reason, out, at);
      labelledChecked(text, IL_ID, validIsraeliId, 0.85, reason, out, at);
      labelledChecked(text, TH_ID, validThaiId, 0.9, reason, out, at);
      labelledChecked(text, SA_ID, luhn, 0.85, reason, out, at);
      labelledChecked(text, EG_ID, validEgyptianId, 0.85, 'label, date', out, at);
      labelledChecked(text, UA_UNZR, validUnzr, 0.9, reason, out, at);
      labelledChecked(text, IN_EPIC, () => true, 0.8, 'label', out, at);
      labelledChecked(text, BG_EGN, validEgn, 0.9, reason, out, at);
      labelledChecked(text, YU_JMBG, validJmbg, 0.9, reason, out, at);
      labelledChecked(text, IR_MELLI, validMelli, 0.9, reason, out, at);
      labelledChecked(text, BD_NID, (v) => !isTrivialDigits(v), 0.8, 'label', out, at);
      labelledChecked(text, GR_ADT, (v) => /^[Α-ΩA-Z]{1,2}[ -]?\d/.test(v), 0.8, 'label', out, at);
    }
    if (AE_EID_HINT.test(text)) {
      for (const m of matchesOf(text, AE_EID)) {
        if (!luhn(m[0].replace(/-/g, ''))) continue;
        const end = m.index + m[0].length;
        out.push({ start: m.index, end, type: 'NATIONAL_ID', score: 0.85, reason: 'checksum' });
      }
    }
    if (EU_ID_NAME_WORDS.test(text) || EU_ID_WORDS.test(text)) {
      const at = [...EU_ID_NAME_WORDS.at(text), ...EU_ID_WORDS.at(text)].sort((a, b) => a - b);
      labelledChecked(text, CNP, validCnp, 0.9, 'label, checksum', out, at);
      labelledChecked(text, AMKA, validAmka, 0.9, 'label, checksum', out, at);
      const nin = (v: string) => !isTrivialDigits(v);
      labelledChecked(text, NIN, nin, 0.75, 'label', out, at);
    }
    if (ZA_ID_HINT.test(text)) {
      for (const m of matchesOf(text, ZA_ID)) {
        if (!luhn(m[0])) continue;
        const labelled = ID_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index));
        const end = m.index + m[0].length;
        out.push({
          start: m.index,
          end,
          type: 'NATIONAL_ID',
          score: labelled ? 0.85 : 0.4,
          reason: labelled ? 'label, checksum' : 'checksum',
        });
      }
    }
    if (!LABEL_WORDS.test(text)) return out;
    for (const v of valuesNearLabels(text, LABEL, TOKEN, {
      maxGap: 24,
      maxValue: 22,
      // (Not a value opened by a tax number's name: "CUIT 20-33864678-0, DNI ..." is the CUIT's.)
      accept: (m) => idShaped(m[0]) && !LEADING_WORD.test(m[0]),
      badGap: BAD_GAP,
      maxGapAfter: 3,
      anchors: { words: LABEL_WORDS, lead: LABEL_LEAD },
    })) {
      let score = 0.75;
      // In "X (ID card)" the words before X may still say it is an order or a booking.
      if (!v.labelBefore) {
        score = cueDistance(text, v.start, v.end, NON_PERSONAL_NUMBER, 16) !== Infinity ? 0.2 : 0.6;
      }
      out.push({ start: v.start, end: v.end, type: 'NATIONAL_ID', score, reason: 'context' });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'KTP 1271040405915996, name Hendra', value: '1271040405915996' },
    // Indonesian, Hungarian, Czech, Swahili and Tanzanian, Sri Lankan labels; labels in
    // Kazakh, Greek, Georgian, Armenian, Arabic, Urdu and Khmer.
    { text: 'Halo kak NIK saya 3173056506900025 dan NPWP', value: '3173056506900025' },
    { text: 'Budapest, Váci utca 18., személyi igazolvány: 581252TJ.', value: '581252TJ' },
    { text: 'datum narození 12. 4. 1988, číslo OP 203358131.', value: '203358131' },
    { text: 'Amina Wanjiru, namba ya kitambulisho 53092097, KRA PIN', value: '53092097' },
    { text: 'namba yake ya NIDA ni 19880312-92009-09968-74, na', value: '19880312-92009-09968-74' },
    { text: 'පාරිභෝගිකයා: නුවන් පෙරේරා, NIC 198804802430', value: '198804802430' },
    { text: 'Туған күні: 30.06.1994\nЖСН: 940630431106\nМекенжайы', value: '940630431106' },
    { text: 'ναι, 2019/56245 νομίζω. Ταυτότητα ΑΚ 989099', value: '989099' },
    { text: 'პირადი ნომერი: 01233903466', value: '01233903466' },
    { text: 'Անձնագիր՝ AN7629363\nՀԾՀ՝ 4574782621', value: '4574782621' },
    { text: 'المريض خالد، الرقم المدني 269100214913، مواليد', value: '269100214913' },
    { text: 'رقم بطاقة التعريف الوطنية: 04305974', value: '04305974' },
    { text: 'رقم البطاقة الوطنية (CIN): BE704015', value: 'BE704015' },
    { text: 'شناختی کارڈ نمبر: 35202-6160296-2', value: '35202-6160296-2' },
    { text: 'លេខអត្តសញ្ញាណប័ណ្ណ: ៣០៣២៩១៤០៩', value: '៣០៣២៩១៤០៩' },
    { text: 'Họ tên Lê Văn Hùng, số CCCD 079089701721, ngày sinh', value: '079089701721' },
    { text: 'Santiago. RUT 17.799.633-5. Mi cel', value: '17.799.633-5' },
    { text: 'resident registration number 950314-2119577 in chat', value: '950314-2119577' },
    { text: 'National ID: 8812-4471-203', value: '8812-4471-203' },
    // Ghana, Nigeria, Uganda, the Philippines, Bangladesh, Singapore, Sri Lanka; "ID" as one's own.
    { text: 'Ghana Card No.: GHA-508812347-2\nDate of birth', value: 'GHA-508812347-2' },
    { text: 'the details on your BVN (22190457718) do not match', value: '22190457718' },
    { text: 'NIN: CM90017734PKWD\nPhone: 0772 000111', value: 'CM90017734PKWD' },
    { text: 'SSS: 34-5512093-8\nPhilHealth: on file', value: '34-5512093-8' },
    { text: 'Please block it. NID 4407815523, name on file', value: '4407815523' },
    { text: 'Work pass holder\nFIN: G7731046K\nEmployer', value: 'G7731046K' },
    { text: 'NIC (old): 853301987V', value: '853301987V' },
    { text: 'the swap was done with my ID 30917745 but I', value: '30917745' },
    { text: 'Full name: Otieno Okoth\nID No.: 27710934\nKRA PIN', value: '27710934' },
    // A US immigrant's A-number as a form and a Spanish speaker write it.
    { text: 'Subject of record: self\nA#: A201448327\nCountry of birth', value: 'A201448327' },
    { text: 'Mi número A es A209915534 y el recibo es', value: 'A209915534' },
    { text: 'Identity card no. X4471203Q', value: 'X4471203Q' },
    { text: 'BRP number ZX1234567', value: 'ZX1234567' },
    {
      text: 'Queixoso: Mia Fonseca, n.º CC 21268958 4 ZZ6, natural de Braga',
      value: '21268958 4 ZZ6',
    },
    { text: 'NIF 271423900   NISS 15160465346\nVencimento base', value: '15160465346' },
    // China's and Korea's identity numbers after their names.
    {
      text: '持卡人：王芳\n身份证号：11010519491231002X\n卡号：见附件',
      value: '11010519491231002X',
    },
    { text: '피보험자: 권민기\n주민등록번호: 970216-1996217\n진료 병원', value: '970216-1996217' },
    { text: '身分證字號：A228056478\n手機：0932-618-405', value: 'A228056478' },
    // Japan's My Number after its name, grouped or not.
    {
      text: '本人確認書類：マイナンバーカード（個人番号 3982 5979 1905）',
      value: '3982 5979 1905',
    },
    { text: 'My Number: 398259791905', value: '398259791905' },
    {
      text: 'Claimant: Tanya Chetty   ID 8707151970086   Cell +27 72 071 1269',
      value: '8707151970086',
    },
    { text: 'Passport #: U2336326, exp 02/08/2032\nA-Number: A839760617', value: 'A839760617' },
    { text: 'RG: 62.251.482-9 SSP/SP\nPIS/PASEP: 134.15108.76-6', value: '134.15108.76-6' },
    { text: 'Residence permit: RA 1234567', value: 'RA 1234567' },
    { text: 'Cartão de Cidadão 12345678 9 ZZ4', value: '12345678 9 ZZ4' },
    { text: "Carta d'identità: CA12345BX", value: 'CA12345BX' },
    { text: 'Cédula de identidad: 12.345.678-5', value: '12.345.678-5' },
    { text: 'Numer dowodu osobistego ABC123456', value: 'ABC123456' },
    { text: 'weryfikacja: PESEL 43030735331, seria i nr dowodu VFS848518', value: 'VFS848518' },
    { text: 'CPF: 624.372.756-49\nRG: 39.809.488-3 SSP/SP', value: '39.809.488-3' },
    { text: '{"national_id_number": "72-481930-K-19"}', value: '72-481930-K-19' },
    // Romania's CNP and Greece's ΑΜΚΑ after their names, with their dates and checks; Nigeria's
    // NIN after its name.
    { text: 'Sector 3, București. CNP-ul meu este 2880903409954.', value: '2880903409954' },
    { text: 'Pacient: Elena Dumitrescu\nCNP: 2610730229627\nNr. foaie', value: '2610730229627' },
    { text: 'Codul numeric personal: 1890219129448', value: '1890219129448' },
    { text: 'Ασθενής: Δημήτρης Αντωνίου\nΑΜΚΑ: 14115815780', value: '14115815780' },
    { text: 'Α.Μ.Κ.Α. 05039273692, ΑΦΜ 037268602', value: '05039273692' },
    { text: 'Her NIN is 38461920573 and her passport number is A07839214', value: '38461920573' },
    // Checked numbers after their names in their scripts: Russia's СНИЛС, Israel's teudat
    // zehut, Thailand's citizen id, Saudi Arabia's id, Egypt's national number, Ukraine's
    // УНЗР, India's voter id; the UAE's Emirates ID in its dashed form needs no name.
    { text: 'ИНН: 772914308525\nСНИЛС: 156-218-739 75\nТелефон', value: '156-218-739 75' },
    { text: 'המטופל: משה אברהם, ת.ז. 058372616\nמספר תיק', value: '058372616' },
    { text: 'Teudat zehut for verification: 205947187\nPhone:', value: '205947187' },
    { text: 'เลขประจำตัวประชาชน: 1-1037-02819-46-8\nเบอร์โทร', value: '1-1037-02819-46-8' },
    { text: 'رقم الهوية الوطنية: 1084726353\nالعنوان الوطني', value: '1084726353' },
    { text: 'الاسم: محمود\nالرقم القومي: 28803152101318\n', value: '28803152101318' },
    { text: 'запис № (УНЗР) 19880517-04124\nРНОКПП', value: '19880517-04124' },
    { text: 'मतदाता पहचान पत्र (EPIC): GJN7351906\n', value: 'GJN7351906' },
    { text: 'Spouse: Mrs Aisha Al-Zaabi, EID 784-1982-7720153-3', value: '784-1982-7720153-3' },
    { text: 'His Thai ID for the warranty form is 3-1098-37141-70-4', value: '3-1098-37141-70-4' },
    // Bulgaria's ЕГН, the JMBG, Iran's national code (in Persian digits too), Bangladesh's
    // NID and Greece's identity card after their names.
    { text: 'Име: Георги Димитров\nЕГН: 8411059967\nАдрес', value: '8411059967' },
    { text: 'Име и презиме: Милица\nЈМБГ: 0508992715573\nАдреса', value: '0508992715573' },
    { text: 'کد ملی: ۰۰۶۰۹۱۱۰۸۵\nشماره همراه', value: '۰۰۶۰۹۱۱۰۸۵' },
    { text: 'کد ملی صاحب حساب: 4487719178. ممنون', value: '4487719178' },
    { text: 'জাতীয় পরিচয়পত্র নং: 4606377743\nমোবাইল', value: '4606377743' },
    { text: 'αριθμός δελτίου ταυτότητας ΑΚ 482193. Η πελάτισσα', value: 'ΑΚ 482193' },
    { text: 'Α.Δ.Τ.: AB123456', value: 'AB123456' },
  ],
  noMatch: [
    // NIC is also a name, and a NIK not said to be one's own needs its colon.
    'Nic 4471203 left the team',
    'nik 3173056506900025 di dokumen',
    // Thirteen digits without an ID's label: a barcode's as often.
    'EAN 8707151970086 (carton of 12)',
    'National ID card expires 2031-05-01',
    // A Chinese number with a wrong check; a Korean one with no date.
    '身份证号：110105194912310021',
    '주민등록번호: 971316-1996217',
    '身分證字號：A228056479',
    // My Number with a wrong check.
    '個人番号 3982 5979 1904',
    // The citizen card's shape with a wrong check; NISS with a wrong check.
    'Ref 21268958 4 ZZ7',
    'NISS 15160465347',
    'Vehicle identification number 1HGCM82633A004352',
    'National Express coach 2041 to Leeds',
    'ID card photo order 44120931',
    'residence permit appointment on 12.03.2025',
    'identity card valid until 12/2030',
    'National ID: 1234567',
    // "ID" that is no one's identity number: another thing's, or not at the start of a form's line.
    'Order ID 30917746 shipped',
    'User ID No. 27710935 reset',
    'fin: 2025-03-31, début: 2025-01-01',
    'Section A #3 of the form, plan a # 12345678',
    // A CNP or an ΑΜΚΑ whose check or date fails; thirteen digits without the name.
    'CNP: 2880903409955',
    'ΑΜΚΑ: 14115815781',
    'ΑΜΚΑ: 32135815780',
    'Cod produs 2880903409954',
    // The same numbers with a wrong check, a date that does not exist, or no name.
    'СНИЛС: 156-218-739 76',
    'ת.ז.: 314827602',
    'เลขประจำตัวประชาชน: 1-1037-02819-46-9',
    'رقم الهوية الوطنية: 1084726354',
    'الرقم القومي: 28813152101318',
    'УНЗР 19880517-04125',
    'Order 784-1982-7720153-4',
    'Ticket 19880517-04124 and 28803152101318',
    'An EPIC adventure, chapter ABC1234567',
    // The same with a wrong check or date, or a value of another shape.
    'ЕГН: 8411059968',
    'ЕГН: 8413059960',
    'ЈМБГ: 0508992715574',
    'کد ملی: 0060911086',
    'کد ملی: 1111111111',
    'αριθμός δελτίου ταυτότητας 4821934',
    'ΑΔΤ εκδόθηκε το 2019, παραγγελία ΑΚ 4821937',
  ],
};
