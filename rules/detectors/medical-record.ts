import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { contextWords, keyView, matchAllAt } from '../context.ts';
import { keywords } from '../keywords.ts';
import { matchesOf } from '../scan-util.ts';
import { cellsUnderHeaders } from '../gov-util.ts';

// Medical record numbers have no common format (each hospital system numbers its own), so the
// label is the evidence: a record keyword, an optional connector, then the id itself. Keywords
// that are ordinary words on their own ("patient", "chart") count only with an id word.
// Grouped by first letter, in the original order within a group (so the same keyword wins),
// each letter followed by the "not inside a word" look-behind: the scan stops at once at any
// position that cannot start a keyword, instead of testing the look-behind everywhere.
const ID_WORD = String.raw`\s?(?:identifier|id|number|no\.?|nr\.?|#)`;
// A number's word after a Nordic or Dutch record word ("journal-nr.", "journal nr", "nummer").
const NR = String.raw`(?:nummer|-?nr\.?|\snr\.?|\snummer)`;
const KEYWORDS = [
  String.raw`m(?<!\wm)(?:rn|r\s?#|edical[ -]records?(?:\s(?:number|no\.?|nr\.?|#|id))?|ed\.?\s?rec\.?(?:\s?(?:number|no\.?|#))?)`,
  // Polish "historia choroby" (the case history), in the genitive after "nr": "nr historii
  // choroby".
  String.raw`h(?<!\wh)(?:ealth[ -]record\s(?:number|no\.?|#|id)|osp(?:\.|ital)?(?:\s(?:record|file|chart))?${ID_WORD}|istoria\scl[ií]nica|istori[ai]\schoroby|asta\s(?:dosya|protokol)(?:\s(?:no\.?|numaras[ıi]))?)`,
  // Portuguese "processo clínico"; Finnish "potilasnumero" and "potilastunnus"; the Nordic
  // patient's record ("pasientjournal nr.", "patientjournalnummer").
  String.raw`p(?<!\wp)(?:atient(?:\s(?:record|file|chart))?${ID_WORD}|ractice\srecord${ID_WORD}|atient-id|atienten-?(?:nummer|nr\.?|id)|at\.-?\s?(?:nr\.?|no\.?|id)|ati[eë]nt(?:nummer|nr\.?)|asient(?:nummer|nr\.?)|a[st]ientjournal(?:${NR})?|rocesso\scl[íi]nico|otilas(?:numero|tunnus|nro)|rontu[áa]rio)`,
  String.raw`n(?<!\wn)°\s?patient(?:\s\(ipp\))?`,
  // Czech "chorobopis" (the case record): "číslo chorobopisu".
  // "Chart:" with its colon, or "Chart" right before a code of letters and digits ("Chart
  // CH933094"); a bare chart is a graph ("chart 2024 sales").
  String.raw`c(?<!\wc)(?:hart${ID_WORD}|hart(?=\s?:)|hart(?=\s[A-Z]{1,4}-?\d{4,})|artella\sclinica|linic(?:al)?\s(?:record|file|chart)${ID_WORD}|horobopisu?)`,
  // Romanian "foaie de observație" (the in-patient record), "nr. foii de observație".
  String.raw`f(?<!\wf)(?:allnummer|o(?:aie|ii)\sde\sobserva[țţt]ie(?:\sclinic[ăa])?)`,
  String.raw`d(?<!\wd)ossier\s(?:m[ée]dical|patient)`,
  String.raw`n(?<!\wn)(?:(?:um[ée]ro|°|o)\sde\sdossier(?:\s(?:m[ée]dical|patient))?|[úu]mero\sde\shistoria(?:\scl[ií]nica)?|umero\s(?:di\s|della\s)?cartella(?:\sclinica)?)`,
  // Turkish "hasta dosya no" (in the h group above), Portuguese "prontuário" (p), Indonesian
  // "rekam medis", Serbian "istorija bolesti", Vietnamese "(mã) bệnh án".
  String.raw`r(?<!\wr)ekam\smedi[sk]`,
  String.raw`i(?<!\wi)storij[ae]\sbolesti`,
  String.raw`b(?<!\wb)ệnh\sán`,
  // Hungarian "kórlap" (the patient's chart), "kórlapszám", "kórlap száma"; "betegazonosító".
  String.raw`k(?<!\wk)[óo]rlap(?:\s?sz[áa]ma?)?`,
  String.raw`b(?<!\wb)etegazonos[íi]t[óo](?:\s?(?:sz[áa]m|jel))?`,
  // Dutch "ziekenhuisnummer" (hospital number).
  String.raw`z(?<!\wz)iekenhuis(?:nummer|nr\.?)`,
  // Chinese in-patient, case and out-patient numbers; Japanese chart numbers; Korean record and
  // patient numbers; Hebrew "מספר תיק רפואי"; Arabic "رقم الملف الطبي"; Russian "номер
  // медицинской карты", "мед. карта", "амбулаторная карта" and "история болезни"; Ukrainian
  // "медична картка".
  String.raw`住院号|病历号|病案号|门诊号|住院號|病歷號|カルテ(?:番号|No\.?)|診察券番号|患者ID|병록번호|환자번호|(?:מספר )?תיק רפואי|(?:رقم )?الملف الطبي|(?:номер )?(?:медицинск(?:ой|ая) карт[ыа]|мед\.\s?карт[ыа]|медкарт[ыа]|амбулаторн(?:ой|ая) карт[ыа]|медичн(?:а|ої) картк[аи])|(?:номер )?истории болезни|карт[аыу] пациента|রোগী আইডি|रोगी आईडी|హాస్పిటల్ నంబర్`,
].join('|');
// Record words that name a file of any kind, not only a patient's: a Dutch "dossiernummer" is
// as often a claim's or a case's ("onder dossiernummer GV-2024-118204" in a train delay claim),
// and a Danish or Norwegian "journalnummer" (the "j.nr." of every authority's letter) is as often
// a case's. They count only in a text about a patient or a clinic (MEDICAL_NEAR).
// So are the file numbers of Swahili, Arabic, Persian, Greek and Macedonian.
const FILE_KEYWORDS = [
  String.raw`d(?<!\wd)ossier(?:nummer|\s?nr\.?)`,
  String.raw`j(?<!\wj)ournal${NR}`,
  String.raw`n(?<!\wn)amba\sya\sfaili`,
  String.raw`رقم الملف|شماره پرونده|αριθμ[όο]ς? φακ[έε]λου|број на досие`,
].join('|');

// After the keyword: up to a few spaces, an optional ":", "#", "=", "-" or a verb ("is", German
// "ist", French "est", Spanish "es"), then the id: 5-18 characters of letters, digits and inner
// separators. Every gap is bounded.
// A JSON key's quotes may close the label and open the id (`"mrn": "00731946"`), and so may
// an XML tag (`<mrn>00731946`).
const CONNECT = String.raw`["'>]?\s{0,3}(?:[:#=-]|is|was|ist|war|est|[ée]tait|es|era|n[°º.]|no\.?)?\s{0,3}#?\s{0,2}["']?`;
// A short prefix in capitals may stand apart from the number ("FO 2024/11873"): idOk takes it
// only in capitals (the pattern's i flag lets small letters through), and never a connecting
// word of CONNECT ("ist 40917733"). A Cyrillic clinic's prefix is Cyrillic ("ОРТ-38970/24").
const ID = String.raw`(?:(?<![A-Za-z])(?!(?:is|ist|est|es|era|was|war|no|nr)\s)[A-Za-z]{1,4}\s)?[A-Za-z0-9А-ЯЁ][A-Za-z0-9А-ЯЁ\-/.]{3,16}[A-Za-z0-9]`;

// The keyword must end its word ("patient id" is not the start of "patient identity"), unless
// it ends in "#", which the id may follow at once ("Chart #TOR-2281946").
const END = String.raw`(?:(?<=#)|(?![A-Za-z]))`;
const LABELLED = new RegExp(
  String.raw`(?:${KEYWORDS})${END}${CONNECT}(${ID})(?![A-Za-z0-9])`,
  'gi',
);
const FILE_LABELLED = new RegExp(
  String.raw`(?:${FILE_KEYWORDS})${END}${CONNECT}(${ID})(?![A-Za-z0-9])`,
  'gi',
);
// A table's column of record numbers: its header cell is one of the keywords, whole.
const LABEL_CELL = new RegExp(String.raw`^(?:${KEYWORDS})$`, 'i');
const ID_CELL = new RegExp(String.raw`^${ID}$`);
// A patient or a place of care, in the languages of FILE_KEYWORDS and around them.
const MEDICAL_NEAR =
  /\b(?:patients?|pati[eë]nt(?:e|en)?|pasient(?:en)?|potila[as]\w*|pacient\w*|pacjent\w*|ziekenhuis|dagziekenhuis|huisarts|kliniek|klinik(?:ken)?|poli(?:kliniek|klinisk\w*)|ambulatori\w*|sjukhus\w*|sykehus\w*|sygehus\w*|hospital\w*|vårdcentral\w*|legekontor\w*|l[äæ]kare|l[æe]ge(?:n|r)?|sjuksköterska|distriktssköterska|sykepleier|sygeplejerske|indlæggelse|innleggelse|opname\w*|diagnos\w*|behandeling|mgonjwa|hospitali|daktari|kliniki|zahanati)\b|مري[ضض]|الدكتور|طبيب|عيادة|مستشفى|بیمار|پزشک|دکتر|ασθεν|γιατρ|νοσοκομ|κλινικ|пациент|болниц|лекар|клиник|д-р/;
const MEDICAL_REACH = 240;

// French and Spanish acronyms (identifiant permanent du patient, número de historia clínica),
// matched in capitals only: in lower case they are ordinary words or other things.
// So is Australia's UR number (unit record): "UR: 3069312", "UR 147394", and an Indian
// hospital's UHID (unique hospital id) and MRD number (its medical records department's), and a
// Thai hospital's HN (hospital number).
const ACRONYM = new RegExp(
  String.raw`(?<!\w)(?:IPP|NHC|UHID|HN|MRD(?:\s?no\.?)?|UR(?:N|\s?(?:no\.?|number))?)(?![A-Za-z])${CONNECT}(${ID})(?![A-Za-z0-9])`,
  'g',
);

// Every LABELLED match holds one of these at most ten characters in ("numéro de dossier",
// "medical record"): the pattern is tried only there. With the capitals' acronyms they are the
// prefilter ("mr" stands for "mrn" and "mr #", "rec" for "record").
const LABEL_LIST = [
  'mr',
  'pasient',
  'n° pat',
  'rec',
  'pati',
  'practice rec',
  'chart',
  'cartella',
  'clinic',
  'hosp',
  'pat.',
  'historia',
  'fallnummer',
  'dossier',
  'historii',
  'processo cl',
  'potilas',
  'chorobopis',
  'foaie de',
  'foii de',
  'kórlap',
  'korlap',
  'betegazonos',
  'ziekenhuis',
  '住院',
  '病历',
  '病案',
  '门诊号',
  '病歷',
  'カルテ',
  '診察券',
  '患者id',
  '병록',
  '환자번호',
  'תיק רפואי',
  'الملف الطبي',
  'медицинской карт',
  'медицинская карт',
  'мед. карт',
  'мед.карт',
  'медкарт',
  'амбулаторн',
  'медична картк',
  'медичної картк',
  'истории болезни',
  'hasta dosya',
  'hasta protokol',
  'prontu',
  'rekam medi',
  'istorij',
  'bệnh án',
  'карта пациента',
  'карты пациента',
  'карту пациента',
  'রোগী আইডি',
  'रोगी आईडी',
  'హాస్పిటల్',
];
const LABEL_WORDS = keywords(LABEL_LIST);
const LABEL_LEAD = 10;
// Every FILE_LABELLED match starts with one of these.
const FILE_LIST = [
  'dossier',
  'journal',
  'namba ya faili',
  'رقم الملف',
  'شماره پرونده',
  'αριθμός φακ',
  'αριθμό φακ',
  'αριθμος φακ',
  'αριθμο φακ',
  'број на досие',
];
const FILE_WORDS = keywords(FILE_LIST);
const WORDS = keywords([...LABEL_LIST, ...FILE_LIST, 'ipp', 'nhc', 'uhid', 'mrd']);
/** What the detector needs to run: a label word, or "UR" or "HN" in capitals (no keyword:
 * "your", "john"). */
const PREFILTER = {
  test: (text: string) => WORDS.test(text) || UR.test(text) || text.includes('HN'),
};
// (Found from its letters, the look-behind checked after: a pattern that starts with one is
// tried at every position of the text.)
const UR = /UR(?![a-z])(?<![A-Za-z]UR)/;
const ACRONYM_HINT = /IPP|NHC|UHID|HN|MRD|UR(?![a-z])(?<![A-Za-z]UR)/;

const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;

const SPACED_PREFIX = /^[A-Z]{1,4} /;
const SEPARATOR = /[-/. ]/;

/**
 * Whether an id is shaped like a record number: 5 to 12 letters and digits, three digits or
 * more, not a date; up to 16 when separators cut it into parts ("LUTH/2024/118245",
 * "CC-2023-0045127"), as hospitals write a year or a site code into the number.
 */
function idOk(id: string): boolean {
  if (id.includes(' ') && !SPACED_PREFIX.test(id)) return false;
  const alnum = id.replace(/[^A-Za-z0-9]/g, '');
  const digits = alnum.replace(/\D/g, '').length;
  const most = SEPARATOR.test(id) ? 16 : 12;
  return alnum.length >= 5 && alnum.length <= most && digits >= 3 && !DATE.test(id);
}

/** Medical record numbers: an id right after an MRN / patient id / chart number label. */
export const medicalRecord: Detector = {
  id: 'medical-record',
  types: ['MEDICAL_RECORD'],
  prefilter: PREFILTER,
  detect(text) {
    const out: Candidate[] = [];
    const add = (m: RegExpMatchArray, score: number, reason: string) => {
      const id = m[1]!;
      if (!idOk(id)) return;
      const end = m.index! + m[0].length;
      out.push({ start: end - id.length, end, type: 'MEDICAL_RECORD', score, reason });
    };
    for (const m of matchAllAt(keyView(text), LABELLED, LABEL_WORDS.at(text), LABEL_LEAD)) {
      add(m, 0.85, 'label');
    }
    for (const m of matchAllAt(keyView(text), FILE_LABELLED, FILE_WORDS.at(text), 0)) {
      const around = text.slice(Math.max(0, m.index - MEDICAL_REACH), m.index + MEDICAL_REACH);
      if (MEDICAL_NEAR.test(contextWords(around))) add(m, 0.8, 'label, medical context');
    }
    if (ACRONYM_HINT.test(text)) for (const m of matchesOf(text, ACRONYM)) add(m, 0.75, 'label');
    // A column of record numbers under its label, in a pasted table.
    for (const { start, end } of cellsUnderHeaders(text, LABEL_WORDS.at(text), LABEL_CELL)) {
      const id = text.slice(start, end);
      if (ID_CELL.test(id) && idOk(id)) {
        out.push({ start, end, type: 'MEDICAL_RECORD', score: 0.8, reason: 'column' });
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Kathleen Murphy, PA-C. Chart CH933094. Insurance: Cigna', value: 'CH933094' },
    { text: 'Pediatric clinic, Mount Sinai. Your chart: 939435097.', value: '939435097' },
    { text: 'your practice record number is PR11843. If you need', value: 'PR11843' },
    { text: 'Hospital record no.: 6104662159\nDate of service: 17/02/2024', value: '6104662159' },
    { text: 'Clinic file no.: C5197959', value: 'C5197959' },
    { text: 'Patient,MRN,Ward\nAnn Roe,00731946,4B', value: '00731946' },
    { text: '{"mrn": "00731946"}', value: '00731946' },
    { text: 'medical_record_number=00731946', value: '00731946' },
    { text: '<input name="mrn" value="00731946" readonly>', value: '00731946' },
    { text: '| Field | Value |\n|---|---|\n| MRN | 00731946 |', value: '00731946' },
    { text: '{ :mrn => "00731946" }', value: '00731946' },
    { text: 'MRN: 00482913', value: '00482913' },
    { text: 'NHS No 602-998-5981, Hosp No 99058535', value: '99058535' },
    { text: 'Pat.: Hess, geb. 30.4.2004, Pat.-Nr. 8596213', value: '8596213' },
    { text: 'Time\tPatient\tHosp No\n17:30\tAnn Roe\tR376427', value: 'R376427' },
    { text: 'Patient ID A7720193 was admitted', value: 'A7720193' },
    { text: 'medical record number 4471-2209 (St. Mary)', value: '4471-2209' },
    { text: 'Chart # 12-4471-9', value: '12-4471-9' },
    { text: 'Patientennummer: 2023118845', value: '2023118845' },
    // Chinese, Hebrew and Russian labels; an Indian hospital's UHID.
    {
      text: '身份证：330106196208091536\n住院号：ZY20240315-0087\n就诊医院',
      value: 'ZY20240315-0087',
    },
    { text: 'ת.ז. 058372616\nמספר תיק רפואי: 00482217\nהתור', value: '00482217' },
    { text: 'Номер медицинской карты: 2024-11873', value: '2024-11873' },
    { text: 'пациент Белов, мед. карта № 2023/11847, СНИЛС', value: '2023/11847' },
    { text: 'Kamala Rao, 67 वर्ष\nUHID: AH0012874356\nABHA', value: 'AH0012874356' },
    { text: 'N° de dossier 77A41209, dossier médical', value: '77A41209' },
    { text: 'Historia clínica 0981245', value: '0981245' },
    { text: 'mrn#882019344.', value: '882019344' },
    { text: 'IPP 503228190', value: '503228190' },
    { text: 'opgenomen in ziekenhuis in Antalya, patiëntnr. 9757267.', value: '9757267' },
    { text: 'Behandlet ved Hospiten Lanzarote, pasientnr. 7211704', value: '7211704' },
    { text: 'Innlagt: Phuket International Hospital, patient-id 29751710', value: '29751710' },
    { text: 'Hospitalisé à Bangkok Hospital, n° patient (IPP) 797431872', value: '797431872' },
    { text: 'Patient: FARRELL, Alexis     UR: 1300277     DOB: 01/05/1941', value: '1300277' },
    { text: 'post #NOF day 1, obs stable, UR 147394.', value: '147394' },
    { text: 'Cartella clinica n. 2024/895381\nRicovero dal 19/02/2025', value: '2024/895381' },
    { text: 'Patient identifier MX-4471-2209-B', value: 'MX-4471-2209-B' },
    { text: 'Patient record no. QX7730214', value: 'QX7730214' },
    { text: 'Meine Patientennummer ist 40917733.', value: '40917733' },
    { text: 'Le numéro de dossier patient est 8842106.', value: '8842106' },
    { text: 'Mi número de historia clínica es 73302918.', value: '73302918' },
    // Record numbers with a year or a site in them, cut by separators; "#" right before the id.
    { text: 'Numero cartella clinica: CC-2023-0045127', value: 'CC-2023-0045127' },
    { text: 'hospital number LUTH/2024/118245, admitted on 2 March', value: 'LUTH/2024/118245' },
    { text: 'refer to GI if no improvement. Chart #TOR-2281946.', value: 'TOR-2281946' },
    // Portuguese, Polish, Finnish, Czech, Romanian, Hungarian, Norwegian and Dutch labels.
    { text: 'Utente: Ana Reis\nProcesso clínico: PC-118204', value: 'PC-118204' },
    { text: 'Nr historii choroby: HCh/2023/07/4411', value: 'HCh/2023/07/4411' },
    { text: 'Potilasnumero: P-0048812', value: 'P-0048812' },
    // Turkish, Indonesian, Vietnamese, Portuguese, Serbian, Swahili (beside a hospital),
    // Russian, Macedonian, Persian, Bengali and Telugu labels; a Thai hospital number.
    { text: 'Hasta dosya no: 2024-118204', value: '2024-118204' },
    { text: '- No. Rekam Medis: RM-00482913', value: 'RM-00482913' },
    { text: 'Mã bệnh án: BA2024-00871', value: 'BA2024-00871' },
    { text: 'Prontuário nº 4471209', value: '4471209' },
    { text: 'Broj istorije bolesti: 2024/11873', value: '2024/11873' },
    { text: 'Namba ya faili 2024/11873 katika hospitali ya Mnazi Mmoja', value: '2024/11873' },
    { text: 'Тема: Перенос приёма / карта пациента № 24-288227', value: '24-288227' },
    { text: 'Број на досие: ОРТ-38970/24\nУпатен од: д-р Марија', value: 'ОРТ-38970/24' },
    { text: 'خانم مریم احمدی با شماره پرونده ۳۳۶۱۷۶۵ در بیمارستان', value: '۳۳۶۱۷۶۵' },
    { text: 'রোগী আইডি: KOL/788421', value: 'KOL/788421' },
    { text: 'హాస్పిటల్ నంబర్: HYD-7142777', value: 'HYD-7142777' },
    { text: 'ผู้ป่วยชาย นายสมศักดิ์ HN 61-236567 เกิดวันที่', value: '61-236567' },
    { text: 'Číslo chorobopisu: CH-2024-00731', value: 'CH-2024-00731' },
    { text: 'Nr. foaie de observație: FO 2024/11873', value: 'FO 2024/11873' },
    { text: 'Kórlapszám: KL-2024/00381', value: 'KL-2024/00381' },
    { text: 'Pasientjournal nr.: HB-2024-001872', value: 'HB-2024-001872' },
    { text: 'Ziekenhuisnummer 7730214', value: '7730214' },
    // A file's number counts in a text about a patient or a clinic.
    { text: 'Patient: Karin Nilsson\nJournalnummer: J-2023-88412', value: 'J-2023-88412' },
    { text: 'Region Hovedstaden, ambulatoriet\nJournal-nr.: RH-5521-0093', value: 'RH-5521-0093' },
    { text: 'Patiënt: Lotte Janssens\nDossiernummer: PAT-0448213', value: 'PAT-0448213' },
  ],
  noMatch: [
    // A file number with no patient or clinic near: a case's, a claim's.
    'Namba ya faili 2024/11873 ya mkopo wako imepokelewa.',
    'رقم الملف 2024/11873 الخاص بطلب القرض',
    'See the chart 2024 sales by region',
    'мед. карта выдана 12.03.2024',
    // "UHID" in small letters is no label; a medical record's date is no number.
    'uhid 4471209 in the log',
    '住院号：2024-03-15',
    'Patient,Ward,Beds\nAnn Roe,4B,00731946',
    'MRN pending, will update',
    'The medical record was updated on 2024-05-01',
    'Patient ID: 2024-05-01',
    'patient 3 of 12 in chart 4',
    'Order 00482913 for the patient',
    'Patient ID card lost',
    'MRN 12',
    'ipp 503228190 is a stock code',
    'YOUR 503228190 order; ur 503228190',
    // A product code that starts with the letters.
    'SKU;name\nURS-81951-WHT;Basmati rice 1 kg',
    'patient identity 20240501 confirmed',
    'patient record no. pending',
    'Le numéro de dossier patient est en cours, 3 pages',
    // A claim's or an authority's file number, with no patient or clinic in the text.
    'Ik heb al een aanvraag gedaan onder dossiernummer GV-2024-118204 maar kreeg een fout.',
    'Kommunen, Teknik og Miljø\nJournalnummer: 2023-118204\nVedr. byggetilladelse',
    // A word in small letters is no prefix of the id; a long number without separators.
    'patient id card 1234567',
    'Patient ID 2024118204773312',
  ],
};
