import { isValidDate, valuesNearLabels } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// Labels that say the next date is a birth date, in English, German, French, Spanish, Italian,
// Portuguese, Catalan, Dutch and Afrikaans, Polish, Czech, Slovak, Slovenian, Croatian and
// Serbian, Romanian, Greek, the Nordic languages, Icelandic, Finnish, Estonian, Latvian,
// Lithuanian, Hungarian, Turkish, Indonesian and Malay, Tagalog, Vietnamese and Swahili (with
// the possessive and case endings a label takes there: Finnish "syntymäaikani", Hungarian
// "születési dátumom", Polish "datę urodzenia", Turkish "doğum tarihim"). Dates elsewhere in a
// text (tickets, orders, logs) are not personal by themselves.
// The letter class is Latin-1 rather than \p{L}: the label pattern scans the whole text, and the
// Unicode-aware form runs about twice as slow for the same matches in these languages.
// The labels are grouped by first letter (in their original order within a group, so the same
// label wins), each letter followed by the look-behind: the scan then stops at once at any
// position that cannot start a label, instead of testing the look-behind everywhere.
const LABEL =
  /(?:d(?<![A-Za-zÀ-ÿ]d)(?:ob|\.o\.b\.?|ate of birth|ate de naissance|ate et lieu de naissance|ata e luogo di nascita|ate naissance|ata di nascita|ata nascita|ata ur\.?(?![A-Za-zÀ-ÿ])|ata de nascimento|at[aęe] urodzenia|atumu? narozen[íi]|[áa]tum narodenia|ata na[șşs]terii|ata de na[șşs]tere|ata de naixement|atum ro(?:đ|dj|d)enja|atum rojstva|oğum (?:yeri ?\/ ?)?tar[iİ]h[iİ]m?|zim(?:šanas datums|\.))|b(?<![A-Za-zÀ-ÿ]b)(?:irth ?date|irth|irthday|-?day|orn(?: on)?)|g(?<![A-Za-zÀ-ÿ]g)(?:eburtsdatum|eburtstag|eb\. ?datum|eb\.|eb(?=[ \t:]{1,3}\d)|eboren(?: am| op)?|eboortedatum|ebore(?: op)?|imimo data|im\.|im(?:ęs|usi))|n(?<![A-Za-zÀ-ÿ]n)(?:[ée]e? le|[ée]\(e\) le|acid[oa](?:\/[oa]|\([oa]\))? el|at[oa](?:\/[oa]|\([oa]\)) il|ascid[oa](?:\/[oa]|\([oa]\)) em|(?<!d[ei] n)(?:ascimento|acimiento|ascita)|ac[íi] el|aci[óo] el|at[oa] il|ascid[oa] em|asc(?:eu|i) (?:em|a)|arozen[ay]?|aroden[áaýy]|ar\.|[ăa]scut[ăa]?|at[oa] (?:a|in) [A-Za-zÀ-ÿ' ]{2,30}? il|[ée]e?(?:\(e\))? à [A-Za-zÀ-ÿ' -]{2,30}? le|acid[oa] en [A-Za-zÀ-ÿ ]{2,30}? el|gày (?:tháng năm )?sinh|ascuda)|u(?<![A-Za-zÀ-ÿ]u)(?:rodzon[ya]|r\.)|f(?<![A-Za-zÀ-ÿ]f)(?:echa de nacimiento|echa nacimiento|echa de nac\.|\. ?nac\.|echa nac\.?|[öo]delsedatum(?:et)?|[öo]dd|[øo]dselsdato(?:en)?|ødt|æðingardag(?:ur|setning)?|ædd(?:ur)?)|s(?<![A-Za-zÀ-ÿ]s)(?:yntym[äa]a(?:ika|jan)(?:ni|si|nsa|mme|nne)?|yntynyt|ynt\.|zület[ée]si (?:d[áa]tum(?:om|a)?|idő(?:m|je)?|ideje)|zületett|zül\.|inh ngày|ünni(?:aeg|kuupäev))|t(?<![A-Za-zÀ-ÿ]t)(?:anggal lahir|gl\.? ?lahir|arikh lahir|arehe ya kuzaliwa)|p(?<![A-Za-zÀ-ÿ]p)etsa ng kapanganakan|k(?<![A-Za-zÀ-ÿ]k)aarawan|i(?<![A-Za-zÀ-ÿ]i)pinanganak(?: noong)?|r(?<![A-Za-zÀ-ÿ]r)o(?:đen|jen)[ai]?|a(?<![A-Za-zÀ-ÿ]a)lizaliwa|η(?<![A-Za-zÀ-ÿͰ-Ͽ]η)(?:μερομην[ιί]α|μ\/ν[ιί]α|μ\.) ?γ[εέ]ν(?:ν[ηή]σ[ηή]ς|\.)|γ(?<![A-Za-zÀ-ÿͰ-Ͽ]γ)[εέ]νν[ηή](?:θ[ηή]κ[αε]|μ[εέ]ν(?:η|ος))|生年月日|出生日期|出生年月日|생년월일|д(?<![А-яЁёІіЇїЄєҐґ]д)(?:ата рождения|ата народження|ата на раждане|атум на раѓање|\. ?р\.|\. ?н\.|атум рођења)|г(?<![А-яЁёІіЇїЄєҐґ]г)\. ?р\.|т(?<![А-яЁёІіЇїЄєҐґ]т)уған күні|р(?<![А-яЁёІіЇїЄєҐґ]р)(?:одена?(?: съм)? на|одил(?:ся|ась))|დაბადების თარიღი|ծննդյան (?:ամսաթիվ|օր)|تار[يی]خ (?:الميلاد|الولادة|ميلاد|تولد|پیدائش)|مواليد|תאריך לידה|जन्म ?(?:तिथि|तारीख|की तारीख|दिनांक)|জন্ম ?তারিখ|ਜਨਮ ਮਿਤੀ|જન્મ ?તારીખ|ଜନ୍ମ ତାରିଖ|பிறந்த ?(?:தேதி|நாள்)|పుట్టిన ?తేదీ|ಜನ್ಮ ?ದಿನಾಂಕ|ജനന ?തീയതി|උපන් ?දිනය|วัน(?:เดือนปี)?เกิด|เกิดวันที่|ວັນ(?:ເດືອນປີ)?ເກີດ|ថ្ងៃខែឆ្នាំកំណើត|မွေးသက္ကရာဇ်)(?![A-Za-zÀ-ÿͰ-ϿА-яЁё])/gi;

// Every label of LABEL starts with one of these (the i flag: compared without case). They are
// the prefilter, and the label pattern is tried only where one starts.
const LABEL_WORDS = keywords([
  'dob',
  'd.o.b',
  'date of birth',
  'date de naissance',
  'date naissance',
  'data nascita',
  'data ur',
  'data di nascita',
  'birth',
  'bday',
  'b-day',
  'born',
  'geburtsdatum',
  'geburtstag',
  'geb.',
  'geboren',
  'ne le',
  'nee le',
  'né le',
  'née le',
  'ne(e) le',
  'né(e) le',
  'nacido el',
  'nacida el',
  'nacido/a',
  'nacida/o',
  'nacido(a)',
  'nato/a',
  'nata/o',
  'nato(a)',
  'nascido/a',
  'nascida/o',
  'nascido(a)',
  'nascida(o)',
  'nascimento',
  'nasceu',
  'nascido em',
  'nascida em',
  'nacimiento',
  'nascita',
  'date et lieu de naissance',
  'data e luogo di nascita',
  '生年月日',
  '出生日期',
  '出生年月日',
  '생년월일',
  // Russian and Ukrainian ("д.р.", "дата рождения"; "г.р.", the year of birth, after the
  // date: "19.06.2012 г.р."; "д.н.", дата народження), Arabic, Hebrew, Hindi, Thai.
  'дата рождения',
  'дата народження',
  'д.р.',
  'д. р.',
  'д.н.',
  'д. н.',
  'г.р.',
  'г. р.',
  'تاريخ الميلاد',
  'تاريخ الولادة',
  'תאריך לידה',
  'जन्म ति',
  'जन्म ता',
  'जन्म की',
  'जन्मतिथि',
  'วันเกิด',
  'วันเดือนปีเกิด',
  'naci el',
  'nació el',
  'nacio el',
  'nací el',
  'nato il',
  'nata il',
  'nato a ',
  'nata a ',
  'nato in ',
  'nata in ',
  'né à',
  'née à',
  'né(e) à',
  'nacido en',
  'nacida en',
  'fecha nacimiento',
  'fecha de nacimiento',
  'fecha de nac.',
  'f.nac.',
  'f. nac.',
  'fecha nac',
  'data de nascimento',
  'data urodzenia',
  'datum narozen',
  'geboortedatum',
  'nascido em',
  'nascida em',
  'narozen',
  'urodzon',
  'ur.',
  'geb',
  'födelsedatum',
  'fodelsedatum',
  'född',
  'fodd',
  'fødselsdato',
  'fodselsdato',
  'født',
  'syntymäaika',
  'syntymaaika',
  'syntymäajan',
  'syntymaajan',
  'syntynyt',
  'synt.',
  'datę urodzenia',
  'date urodzenia',
  'datumu narozen',
  'dátum narodenia',
  'datum narodenia',
  'naroden',
  'nar.',
  'data nașterii',
  'data naşterii',
  'data nasterii',
  'data de naștere',
  'data de naştere',
  'data de nastere',
  'născut',
  'nascut',
  'ημερομηνία γ',
  'ημερομηνια γ',
  'ημ/νία γ',
  'ημ/νια γ',
  'ημ. γ',
  'ημ.γ',
  'γεννήθηκ',
  'γεννηθηκ',
  'γεννημέν',
  // Portuguese "nasceu em" (was born on), Tagalog "ipinanganak noong".
  'nasceu em',
  'nasci em',
  'ipinanganak',
  'γεννημεν',
  // Bulgarian, Macedonian, Kazakh, Georgian, Armenian, Persian, Urdu, the Indic scripts, Lao,
  // Khmer, Myanmar.
  'дата на р',
  'датум на р',
  'роден',
  'родил',
  'туған к',
  'დაბადების',
  'ծննդյան',
  'تاريخ ميلاد',
  'تاریخ تولد',
  'تاریخ پیدائش',
  'مواليد',
  'जन्मता',
  'जन्म दि',
  'জন্ম',
  'ਜਨਮ ਮਿਤੀ',
  'જન્મ',
  'ଜନ୍ମ ତାରିଖ',
  'பிறந்த',
  'పుట్టిన',
  'ಜನ್ಮ',
  'ജനന',
  'උපන්',
  'เกิดวันที่',
  'ເກີດ',
  'ថ្ងៃខែ',
  'မွေး',
  'születési',
  'szuletesi',
  'született',
  'szül.',
  // Catalan, Croatian, Serbian, Slovenian, Turkish, Latvian, Afrikaans, Lithuanian, Vietnamese,
  // Icelandic, Estonian, Indonesian, Malay, Swahili, Tagalog.
  'data de naixement',
  'nascuda',
  'datum rođenja',
  'datum rodjenja',
  'datum rodenja',
  'datum rojstva',
  'датум рођења',
  'rođen',
  'rojen',
  'doğum',
  'dzimšanas datums',
  'dzim.',
  'gebore',
  'gimimo data',
  'gim.',
  'gimęs',
  'gimusi',
  'ngày sinh',
  'ngày tháng năm sinh',
  'sinh ngày',
  'fæðingardag',
  'fædd',
  'sünniaeg',
  'sünnikuupäev',
  'tanggal lahir',
  'tgl lahir',
  'tgl.lahir',
  'tgl. lahir',
  'tarikh lahir',
  'tarehe ya kuzaliwa',
  'alizaliwa',
  'petsa ng kapanganakan',
  'kaarawan',
]);

// Month names and common abbreviations, to month numbers. The date pattern matches any short
// word where a month name goes and the word is looked up here: a pattern listing a hundred names
// case-insensitively takes V8 about 90 ms to compile on the first scan.
const MONTHS = new Map<string, number>();
const NAMES: ReadonlyArray<readonly [number, string]> = [
  [1, 'january jan januar jänner jaenner janvier janv enero ene gennaio genn gen januari janeiro'],
  [2, 'february feb februar février fevrier févr fevr febrero febbraio februari fevereiro fev'],
  [3, 'march mar märz maerz mrz mars marzo maart março marco marts'],
  [4, 'april apr avril avr abril abr aprile'],
  [5, 'may mai mayo maggio mag mei maio maj'],
  [6, 'june jun juni juin junio giugno giu junho'],
  [7, 'july jul juli juillet juil julio luglio lug julho'],
  [8, 'august aug août aout agosto ago augustus augusti'],
  [9, 'september sept sep septembre septiembre setiembre settembre sett set setembro'],
  [10, 'october oct oktober okt octobre octubre ottobre ott outubro'],
  [11, 'november nov novembre noviembre novembro'],
  [12, 'december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro'],
  // Turkish, Indonesian and Malay, Tagalog, Swahili, Catalan, Afrikaans, Slovenian, Serbian and
  // Croatian (Latin), Slovak (the genitive a date takes), Icelandic, Estonian.
  [1, 'ocak januarie gener janúar jaanuar januára'],
  [2, 'şubat februarie pebrero febrer febrúar veebruar februára'],
  [3, 'maret mac mart marso març marec märts marca machi'],
  [4, 'nisan aprili apríl aprill apríla'],
  [5, 'mayıs maig maí mája'],
  [6, 'haziran junie hunyo juny júní juuni júna junij'],
  [7, 'temmuz julai julie hulyo juliol júlí juuli júla julij'],
  [8, 'ağustos agustus ogos agosti agost ágúst augusta avgust'],
  [9, 'eylül septemba setyembre setembre septembar septembra'],
  [10, 'ekim oktoba oktubre október oktoober oktobar októbra'],
  [11, 'kasım novemba nobyembre nóvember novembar novembra'],
  [12, 'aralık desember disember desemba disyembre desembre detsember decembar decembra'],
];
for (const [n, words] of NAMES) for (const w of words.split(' ')) MONTHS.set(w, n);

// Latin-1 and Latin Extended-A letters: Turkish months ('Ağustos', 'Kasım') need the latter.
const WORD = '[A-Za-zÀ-ſ]{3,10}(?![A-Za-zÀ-ſ])';
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|er|º|°)?`;
const YEAR = String.raw`(\d{4}|'\d{2})`;
// "12 March 1985", "12. März 1985", "12 de marzo de 1985", "3rd of May, 1990", "12-Mar-85".
const DAY_MONTH = String.raw`${DAY}(?:\s{1,3}(?:of|de)\s{1,3}|[\s.,/-]{0,3})(${WORD})(?:\s{1,3}(?:de|del)\s{1,3}|[\s.,/-]{0,4})(\d{4}|'?\d{2})`;
// "March 12, 1985", "Mar. 12th 1985".
const MONTH_DAY = String.raw`(${WORD})[\s.,/-]{0,3}${DAY}[\s.,/-]{1,4}${YEAR}`;
// "12/03/1985", "1985-03-12", "3.12.85", "19850312".
// Czech, Slovak and Hungarian write a space after each dot: "7. 4. 1984", "1984. 04. 07.".
const NUMERIC = String.raw`(\d{1,4})(\. |[./-])(\d{1,2})\8(\d{2,4})|(\d{8})`;
// "1989年8月20日" (Japanese, Chinese), "1989년 8월 20일" (Korean).
const CJK = String.raw`(\d{4})[年년] ?(\d{1,2})[月월] ?(\d{1,2})[日일]`;
// "平成8年6月3日": a Japanese era's name and its year (元, the first), as Japanese forms write a
// birth date. The eras' first Gregorian years less one.
const ERA = String.raw`(大正|昭和|平成|令和|民國|民国)(\d{1,3}|元)年 ?(\d{1,2})月 ?(\d{1,2})日`;
const ERA_BASE: Readonly<Record<string, number>> = {
  大正: 1911,
  昭和: 1925,
  平成: 1988,
  令和: 2018,
  // Taiwan's Minguo (Republic) years, as its forms write a birth date: 民國75年 is 1986.
  民國: 1911,
  民国: 1911,
};
// "15 Μαΐου 1948", "٣ آذار ٢٠١٧", "14 กุมภาพันธ์ 2535", "9 ต.ค. 2498": a month named in Greek (the
// genitive a date takes), Arabic (the Levantine and the Egyptian names) or Thai (in full or
// abbreviated; the year is the Buddhist era's, 543 ahead).
const NATIVE_MONTHS = new Map<string, number>();
for (const [n, words] of [
  [1, 'ιανουαρίου ιαν. يناير كانون_الثاني มกราคม ม.ค.'],
  [2, 'φεβρουαρίου φεβ. فبراير شباط กุมภาพันธ์ ก.พ.'],
  [3, 'μαρτίου μαρ. مارس آذار มีนาคม มี.ค.'],
  [4, 'απριλίου απρ. أبريل إبريل نيسان เมษายน เม.ย.'],
  [5, 'μαΐου μαΐ. مايو أيار พฤษภาคม พ.ค.'],
  [6, 'ιουνίου ιουν. يونيو حزيران มิถุนายน มิ.ย.'],
  [7, 'ιουλίου ιουλ. يوليو تموز กรกฎาคม ก.ค.'],
  [8, 'αυγούστου αυγ. أغسطس آب สิงหาคม ส.ค.'],
  [9, 'σεπτεμβρίου σεπ. سبتمبر أيلول กันยายน ก.ย.'],
  [10, 'οκτωβρίου οκτ. أكتوبر تشرين_الأول ตุลาคม ต.ค.'],
  [11, 'νοεμβρίου νοε. نوفمبر تشرين_الثاني พฤศจิกายน พ.ย.'],
  [12, 'δεκεμβρίου δεκ. ديسمبر كانون_الأول ธันวาคม ธ.ค.'],
] as const) {
  for (const w of words.split(' ')) NATIVE_MONTHS.set(w.replace('_', ' '), n);
}
const NATIVE = String.raw`(\d{1,2}) ?([Ͱ-Ͽ\u0600-\u06ff\u0e00-\u0e7f.]{2,12}(?: [\u0600-\u06ff]{5,6})?) ?(\d{4})`;
const DATE = new RegExp(
  // A time may follow an ISO date directly ("1986-04-12T00:00:00Z"); any other letter or digit
  // means the match is part of a longer token.
  String.raw`(?<![A-Za-zÀ-ÿ0-9]|\d[./-])(?:${DAY_MONTH}|${MONTH_DAY}|${NUMERIC}|${CJK}|${ERA}|${NATIVE})(?!(?!T\d)[A-Za-zÀ-ÿ0-9]|[./-]\d)`,
  'gi',
);

// Between the label and the date, these words say the date is about something else: an order,
// a change to the record, a party. So does "<verb>ed ... on" right before the date ("DOB
// verified by the agent on 4/20/2024"), and so do a reply header ("Nestor wrote on 09/05/2024")
// and the start of a quoted message ("\n> El 11/12/2024"): the label was a question. A bound
// ("born after 1 January 2000", "born between ...") is a rule's, no one's birth date.
const BAD_GAP =
  /\b(?:order|ship|deliver|purchas|creat|updat|modif|chang|issu|expir|valid|since|until|after|before|between|prior to|appoint|visit|admi|join|hire|sign|regist|today|now|last|next|party|sale|ends?|event|offer|deal|promo|discount|gift|celebrat|bestell|liefer|commande|livr|pedido|env[íi]o)|\b[a-z]{3,}ed\b(?:\s+[a-z]+){0,3}\s+(?:on|at)\s*$|\bwrote\b|escribi[óo]|a [ée]crit|schrieb|\n[ \t]*>/;

/** The year as a number; two digits stay two digits (isValidDate reads them as 20xx). */
function fullYear(y: string): number {
  return Number(y.replace("'", ''));
}

/** Whether a four-digit year is a plausible birth year. */
function yearOk(y: string): boolean {
  const digits = y.replace("'", '');
  if (digits.length !== 4) return digits.length === 2;
  const n = Number(digits);
  return n >= 1900 && n <= 2099;
}

// 1 January 1900, the "no date" of many databases and forms (a null written as the epoch of
// their date type): a test record's or an unknown birth date, no one's.
const NULL_DATE = /^(?:1900[-./]0?1[-./]0?1|0?1[-./]0?1[-./]1900|19000101|01011900)$/;

/** Whether the groups of a DATE match form a real calendar date. */
function dateOk(m: RegExpExecArray): boolean {
  if (NULL_DATE.test(m[0])) return false;
  if (m[1] !== undefined) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    return !!month && yearOk(m[3]!) && isValidDate(fullYear(m[3]!), month, Number(m[1]));
  }
  if (m[4] !== undefined) {
    const month = MONTHS.get(m[4].toLowerCase());
    return !!month && yearOk(m[6]!) && isValidDate(fullYear(m[6]!), month, Number(m[5]));
  }
  if (m[7] !== undefined) {
    const a = m[7];
    const b = Number(m[9]);
    const c = m[10]!;
    if (a.length === 4) {
      // Year first: always year-month-day. A year from 1300 to 1420 is Iran's solar calendar
      // ("تاریخ تولد: ۱۳۷۰/۰۴/۱۸"), whose first six months have 31 days and the rest 30.
      if (c.length > 2) return false;
      const y = Number(a);
      if (y >= 1300 && y <= 1420) return b >= 1 && b <= 12 && +c >= 1 && +c <= (b <= 6 ? 31 : 30);
      return yearOk(a) && isValidDate(y, b, Number(c));
    }
    if (a.length > 2 || c.length === 3 || !yearOk(c)) return false;
    const y = fullYear(c);
    // Day-month or month-day: either reading that is a real date will do.
    return isValidDate(y, b, Number(a)) || isValidDate(y, Number(a), b);
  }
  if (m[12] !== undefined) return yearOk(m[12]) && isValidDate(+m[12], +m[13]!, +m[14]!);
  if (m[19] !== undefined) {
    const month = NATIVE_MONTHS.get(m[20]!.toLowerCase());
    // The Buddhist era's years (Thai) are 543 ahead of the common era's.
    const y = +m[21]! > 2400 ? +m[21]! - 543 : +m[21]!;
    return !!month && y >= 1900 && y <= 2099 && isValidDate(y, month, +m[19]);
  }
  if (m[15] !== undefined) {
    const year = ERA_BASE[m[15]]! + (m[16] === '元' ? 1 : Number(m[16]));
    return isValidDate(year, +m[17]!, +m[18]!);
  }
  const d = m[11]!;
  // Eight digits: YYYYMMDD or DDMMYYYY.
  const ymd = yearOk(d.slice(0, 4)) && isValidDate(+d.slice(0, 4), +d.slice(4, 6), +d.slice(6));
  const dmy = yearOk(d.slice(4)) && isValidDate(+d.slice(4), +d.slice(2, 4), +d.slice(0, 2));
  return ymd || dmy;
}

export const dateOfBirth: Detector = {
  id: 'date-of-birth',
  types: ['DATE_OF_BIRTH'],
  prefilter: LABEL_WORDS,
  detect(text) {
    const out: Candidate[] = [];
    for (const v of valuesNearLabels(text, LABEL, DATE, {
      maxGap: 40,
      maxValue: 40,
      accept: dateOk,
      badGap: BAD_GAP,
      maxGapAfter: 3,
      anchors: { words: LABEL_WORDS, lead: 0 },
    })) {
      out.push({
        start: v.start,
        end: v.end,
        type: 'DATE_OF_BIRTH',
        score: v.labelBefore ? 0.85 : 0.7,
        reason: 'context',
      });
    }
    // Born somewhere after the date: "Ich bin am 23.09.1993 in Dortmund geboren".
    if (text.includes('geboren')) pushShort(text, GEBOREN_AFTER, out);
    return out;
  },
};

/** A date before "in <town> geboren": German puts the participle last. */
const GEBOREN_AFTER = new RegExp(
  String.raw`(?<![\d./-])(\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\. ?[A-Za-zÄäÖöÜü]{3,9} \d{4})(?= in \p{Lu}[\p{L}-]{1,30}(?: (?:an der |am |im )?\p{Lu}[\p{L}-]{1,30})? geboren\b)`,
  'gu',
);

/** DATE without its global flag, compiled at its first use (most texts never need it). */
let dateOnce: RegExp | null = null;
/** The first group of each match of `re` as a birth date, when it is a real date. */
function pushShort(text: string, re: RegExp, out: Candidate[]): void {
  for (const m of text.matchAll(re)) {
    dateOnce ??= new RegExp(DATE.source, 'i');
    const d = dateOnce.exec(m[1]!);
    if (d === null || d[0] !== m[1] || !dateOk(d)) continue;
    out.push({
      start: m.index,
      end: m.index + m[1]!.length,
      type: 'DATE_OF_BIRTH',
      score: 0.85,
      reason: 'context',
    });
  }
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Ich bin am 14.02.1991 in Bochum geboren und wohne', value: '14.02.1991' },
    { text: 'invito a Vaishno Nair, nacido/a el 19/06/1958 en Mumbai', value: '19/06/1958' },
    { text: 'Menor: Raul, nascido(a) em 24/10/2017, CPF 804.246.815-60', value: '24/10/2017' },
    { text: 'Date et lieu de naissance : 25/01/1966 à Bristol', value: '25/01/1966' },
    { text: 'CPF: 985.934.846-46\nNascimento: 03/03/2002', value: '03/03/2002' },
    { text: '旅券番号：TZ1256236　生年月日：1945/01/10', value: '1945/01/10' },
    { text: '氏名：山本 花子\n生年月日：1989年8月20日\n', value: '1989年8月20日' },
    { text: '생년월일: 1991년 3월 7일', value: '1991년 3월 7일' },
    { text: '被保険者氏名：伊藤 さくら\n生年月日：平成8年6月3日\n診療科', value: '平成8年6月3日' },
    // Russian, Ukrainian, Arabic (its own digits too), Hebrew, Hindi and Thai labels.
    { text: 'ФИО: Кузнецов Дмитрий Олегович\nДата рождения: 14.07.1985\n', value: '14.07.1985' },
    { text: 'Водитель: Никитин Сергей Павлович, д.р. 28.02.1979\nВУ:', value: '28.02.1979' },
    { text: 'Застрахованный — сын, Петров Максим, 19.06.2012 г.р.\n', value: '19.06.2012' },
    { text: 'ПІБ: Бондаренко Тарас Іванович\nДата народження: 17.05.1988', value: '17.05.1988' },
    { text: 'تاريخ الميلاد: ١٩٩٢/٠٧/٢٣\nرقم الحجز', value: '١٩٩٢/٠٧/٢٣' },
    { text: 'שם משפחה: ברק\nתאריך לידה: 03/09/1994\n', value: '03/09/1994' },
    { text: 'नाम: रमेश पटेल\nजन्म तिथि: 12/08/1975', value: '12/08/1975' },
    { text: 'ชื่อ: สมชาย ใจดี\nวันเกิด: 14/02/1988', value: '14/02/1988' },
    // More scripts' labels, their own digits and calendars: Iran's solar years, Taiwan's
    // Minguo years, Thai Buddhist years, months named in Greek, Arabic and Thai.
    { text: 'Туған күні: 30.06.1994\nЖСН:', value: '30.06.1994' },
    { text: 'роден съм на 22.11.1986 г.', value: '22.11.1986' },
    { text: 'დაბადების თარიღი: 12.09.1988', value: '12.09.1988' },
    { text: 'Ծննդյան ամսաթիվ՝ 25.12.1995', value: '25.12.1995' },
    { text: 'کد ملی: ۹۲۱۹۶۲۸۶۷۸\nتاریخ تولد: ۱۳۷۰/۰۴/۱۸', value: '۱۳۷۰/۰۴/۱۸' },
    { text: 'الرقم المدني 269100214913، مواليد 02/10/1969، رقم', value: '02/10/1969' },
    { text: 'જન્મ તારીખ ૧૨/૦૩/૧૯૯૨', value: '૧૨/૦૩/૧૯૯૨' },
    { text: 'ਜਨਮ ਮਿਤੀ: 04-01-1984', value: '04-01-1984' },
    { text: 'ಜನ್ಮ ದಿನಾಂಕ: 30-10-1987', value: '30-10-1987' },
    { text: 'ថ្ងៃខែឆ្នាំកំណើត: ១៥/០៧/១៩៩១', value: '១៥/០៧/១៩៩១' },
    { text: 'မွေးသက္ကရာဇ်: ၁၂-၀၃-၁၉၈၅', value: '၁၂-၀၃-၁၉၈၅' },
    { text: '出生日期：民國75年8月20日', value: '民國75年8月20日' },
    { text: 'Ελένη Μαυρίδη, γεννημένη 15 Μαΐου 1948', value: '15 Μαΐου 1948' },
    { text: 'تاريخ ميلادها؟\nالمتصل: ٣ آذار ٢٠١٧', value: '٣ آذار ٢٠١٧' },
    { text: 'วันเกิด: 14 กุมภาพันธ์ 2535', value: '14 กุมภาพันธ์ 2535' },
    { text: 'HN 61-236567 เกิดวันที่ 9 ต.ค. 2498 มาด้วย', value: '9 ต.ค. 2498' },
    // The answer in a chat's next turn, under its header or after its time stamp.
    { text: 'Great, and DOB please\nUser  5:43 PM\n29th march 1997', value: '29th march 1997' },
    {
      text: 'And date of birth?\n\nCustomer · 12:08 PM\n7/3/1999\n\nMe · 12:09 PM\nThanks',
      value: '7/3/1999',
    },
    // Born in a place on a date; a snake_case header; a table whose header holds a digit.
    { text: 'Tabita Vercesi, nata a Genova il 28/06/1963, codice fiscale', value: '28/06/1963' },
    { text: 'Oriane Gerard, née à Lyon le 12/03/1980', value: '12/03/1980' },
    {
      text: 'nombre;fecha_nacimiento;parentesco\nSantiago Olivera;26/06/1979;titular',
      value: '26/06/1979',
    },
    {
      text: '| Kd.-Nr. | Name | Geburtsdatum | Umsatz 12M |\n|---|---|---|---|\n| 5291963 | Vitus Gruber | 08.09.1969 | 1.972,90 EUR |',
      value: '08.09.1969',
    },
    // A key in snake_case: its words are a label's in any language.
    { text: '{"nom": "Roe", "date_de_naissance": "12/03/1984"}', value: '12/03/1984' },
    // A row of an SQL INSERT, under its column.
    {
      text: "INSERT INTO patients (id, full_name, dob) VALUES (7, 'Ann Roe', '1984-03-12');",
      value: '1984-03-12',
    },
    // A PascalCase key (.NET's JSON), read as words by normalise.
    { text: '{"Id": 7, "DateOfBirth": "1984-03-12"}', value: '1984-03-12' },
    { text: 'fullName,dateOfBirth\nAnn Roe,1984-03-12', value: '1984-03-12' },
    { text: '{"dateOfBirth": "1984-03-12"}', value: '1984-03-12' },
    { text: 'date_of_birth,plan\n03/12/1984,gold', value: '03/12/1984' },
    { text: 'She was born on 2/8/1935. Her maiden name is Doe.', value: '2/8/1935' },
    { text: "Please tell me your date of birth. It's 6/24/1991", value: '6/24/1991' },
    { text: 'DOB: 1985-03-12', value: '1985-03-12' },
    // A column of a pasted table, under its header.
    { text: 'Name\tDOB\tCity\nAna\t1985-03-12\tLyon\nBo\t1990-07-04\tMetz', value: '1990-07-04' },
    { text: '"dob": "1985-03-12T00:00:00Z"', value: '1985-03-12' },
    { text: 'D.O.B. 12 March 1985', value: '12 March 1985' },
    { text: 'Geburtsdatum: 03.07.1985', value: '03.07.1985' },
    { text: 'Max Muster, geb. 12. März 1985 in Köln', value: '12. März 1985' },
    { text: 'Elisabeth, geb 02.11.1987, wegen dem Termin', value: '02.11.1987' },
    { text: 'PESEL 03281992174, ur. 19.08.2003', value: '19.08.2003' },
    {
      text: 'n_domanda,cognome_nome,data_nascita,email\nSCH20250872,Cappelli Giulia,01.05.2007,g@alice.it',
      value: '01.05.2007',
    },
    { text: 'née le 1er janvier 1990 à Lyon', value: '1er janvier 1990' },
    { text: 'fecha de nacimiento: 5 de mayo de 1978', value: '5 de mayo de 1978' },
    { text: 'Para la verificación: nací el 31/03/1995.', value: '31/03/1995' },
    { text: 'Mi esposo Efraín Mora nació el 9 de julio de 1978 y', value: '9 de julio de 1978' },
    { text: 'je suis né(e) le 19/03/1958.', value: '19/03/1958' },
    { text: 'Birthday: March 3rd, 1992', value: 'March 3rd, 1992' },
    { text: '29/02/2000 (DOB)', value: '29/02/2000' },
    { text: 'Name | DOB\nJane Roe | 12/31/1979', value: '12/31/1979' },
    { text: 'geboortedatum: 12-03-1985', value: '12-03-1985' },
    { text: 'data de nascimento: 12 de março de 1985', value: '12 de março de 1985' },
    { text: 'Data urodzenia: 12.03.1985', value: '12.03.1985' },
    { text: 'Födelsedatum: 1985-03-12', value: '1985-03-12' },
    { text: 'Születési dátum: 1985.03.12.', value: '1985.03.12' },
    { text: 'syntymäaika 12.3.1985', value: '12.3.1985' },
    // Possessive and case endings; a space after each dot (Czech, Slovak, Hungarian).
    { text: 'passin numero on FP1938475 ja syntymäaikani 22.10.1993.', value: '22.10.1993' },
    { text: 'Petr Svoboda\nDatum narození: 7. 4. 1984\nRodné číslo', value: '7. 4. 1984' },
    { text: 'Jan Novák, nar. 12. 11. 1979, bytem Brno', value: '12. 11. 1979' },
    { text: 'Születési dátumom: 1993. 11. 02.', value: '1993. 11. 02' },
    { text: 'Proszę podać datę urodzenia: 05.06.1971', value: '05.06.1971' },
    { text: 'fødselsdatoen min er 12.07.1988', value: '12.07.1988' },
    // Romanian and Greek.
    { text: 'Ionescu Mihai\nData nașterii: 19.02.1989\nCNP: 1890219129448', value: '19.02.1989' },
    { text: 'Andreea Popescu, născută la 03.09.1988 în Iași', value: '03.09.1988' },
    { text: 'Ημερομηνία γέννησης: 05/03/1992', value: '05/03/1992' },
    { text: 'ΗΜ/ΝΙΑ ΓΕΝΝΗΣΗΣ: 27.06.1990', value: '27.06.1990' },
    { text: 'Γεννήθηκα στις 14/11/1958 στην Πάτρα.', value: '14/11/1958' },
    // Turkish, Indonesian, Malay, Vietnamese, Tagalog, Swahili, Catalan, the South Slavic
    // languages, the Baltic ones, Icelandic and Afrikaans.
    { text: 'Hasta Ayşe Kaya (doğum tarihi 22/06/1958) randevuya', value: '22/06/1958' },
    { text: 'Doğum yeri / tarihi: Trabzon / 09.02.1994', value: '09.02.1994' },
    { text: 'Doğum tarihi: 3 Ağustos 1987', value: '3 Ağustos 1987' },
    { text: '- Tanggal lahir: 17 Agustus 1976\n- No. Rekam Medis', value: '17 Agustus 1976' },
    { text: 'H. Ahmad Fauzi – paspor C2684093 – tgl lahir 02-03-1962', value: '02-03-1962' },
    { text: 'Tarikh lahir: 14 Ogos 2001', value: '14 Ogos 2001' },
    { text: 'Số CCCD: 036090151197\nNgày sinh: 07/09/1990\nGiới tính: Nam', value: '07/09/1990' },
    { text: 'Petsa ng kapanganakan: Marso 3, 1992', value: 'Marso 3, 1992' },
    { text: 'Mgonjwa: Amina Juma\nTarehe ya kuzaliwa: 12/04/1985', value: '12/04/1985' },
    { text: 'Pacient: Jordi Puig\nData de naixement: 12/05/1964', value: '12/05/1964' },
    { text: 'Pacijent: Ana Horvat\nDatum rođenja: 19.03.1979.', value: '19.03.1979' },
    { text: 'Datum rojstva: 4. 7. 1982', value: '4. 7. 1982' },
    { text: 'Klients Jānis Ozoliņš (dzim. 07.10.1975) lūdz atmaksu', value: '07.10.1975' },
    { text: 'Dzimšanas datums: 1975-10-07', value: '1975-10-07' },
    { text: 'Gimimo data: 1988-04-19', value: '1988-04-19' },
    { text: 'Sünniaeg: 12.03.1985', value: '12.03.1985' },
    { text: 'Fæðingardagur: 12.03.1985', value: '12.03.1985' },
    { text: 'Kliënt: Wikus Botha, gebore op 12 Maart 1985', value: '12 Maart 1985' },
    // Portuguese and Tagalog: born on.
    { text: 'Nasceu em 30/09/1975, em Braga.', value: '30/09/1975' },
    { text: 'Ako si Maria, ipinanganak noong Marso 3, 1990. Ang TIN ko', value: 'Marso 3, 1990' },
  ],
  noMatch: [
    'Das Paket wurde am 14.02.2024 in Bochum geliefert.',
    'Lugar de nacimiento: Madrid\nFecha de emisión: 12/03/2020',
    // A blank line with no chat turn in it parts a label from a later date.
    'DOB: unknown\n\nOrder date: 12/03/1984',
    'Date of birth?\n[10:02] Agent: order placed 12/03/1984',
    'Order,Date,Total\n881234,2024-05-01,10.00\n881235,2024-05-02,12.00',
    'Name,Birthday party date\nAna,2024-05-01\nBo,2024-06-01',
    'Ticket opened 2024-03-04 10:22',
    'I ordered on 3/4/2024 and it has not arrived',
    'DOB: 31/02/1985',
    'DOB: 13/13/1985',
    'DOB on file; order placed on 3/4/2024',
    'The DOB field was updated on 3/4/2024',
    'born in 1985',
    'DOB 1985-3-4-5',
    'Birthday sale ends 3 June 2024!',
    'DOB verified by agent on 4/20/2024',
    'Please confirm your date of birth and postcode.\n> On 09/05/2024 Ana wrote:',
    'Please confirm your date of birth.\nNestor Metz wrote on 09/05/2024:',
    // Dotted with spaces, but no real date; or no birth word.
    'Datum narození: 31. 2. 1984',
    'Kapitola 7. 4. 1984 popisuje změny.',
    'Ημερομηνία: 16/05/2024, 09:30, Καρδιολογικό',
    'Eligible: students born after 1 January 2000 enrolled in a STEM degree.',
    'row 2  member_no=NL-000119  naam="[test record]"  dob=1900-01-01  national_id=000000000',
    // A city ("г. Ростов") is no year of birth; an era date that does not exist.
    'Доставка: г. Ростов, 12.03.2024',
    // Other dates near the new labels' languages: a visit, a travel date, an issue date.
    'Seyahat tarihi: 14.08.2024 – 28.08.2024 (Lizbon)',
    'Ngày cấp: 15/04/2021 – Nơi cấp: Cục CS QLHC',
    'Tanggal transaksi: 17 Agustus 2024',
    '生年月日：平成8年2月30日',
    // A solar-calendar day 31 in its second half; a Thai month with no real year.
    'تاریخ تولد: ۱۳۷۰/۰۸/۳۱',
    'วันเกิด: 14 กุมภาพันธ์ 3535',
  ],
};
