import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { keyView, matchAllAt } from '../context.ts';
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
const KEYWORDS = [
  String.raw`m(?<!\wm)(?:rn|r\s?#|edical[ -]records?(?:\s(?:number|no\.?|nr\.?|#|id))?|ed\.?\s?rec\.?(?:\s?(?:number|no\.?|#))?)`,
  String.raw`h(?<!\wh)(?:ealth[ -]record\s(?:number|no\.?|#|id)|osp(?:\.|ital)?(?:\s(?:record|file|chart))?${ID_WORD}|istoria\scl[ií]nica)`,
  String.raw`p(?<!\wp)(?:atient(?:\s(?:record|file|chart))?${ID_WORD}|atient-id|atienten-?(?:nummer|nr\.?|id)|at\.-?\s?(?:nr\.?|no\.?|id)|ati[eë]nt(?:nummer|nr\.?)|asient(?:nummer|nr\.?))`,
  String.raw`n(?<!\wn)°\s?patient(?:\s\(ipp\))?`,
  String.raw`c(?<!\wc)(?:hart${ID_WORD}|artella\sclinica|linic(?:al)?\s(?:record|file|chart)${ID_WORD})`,
  String.raw`f(?<!\wf)allnummer`,
  String.raw`d(?<!\wd)ossier\s(?:m[ée]dical|patient)`,
  String.raw`n(?<!\wn)(?:(?:um[ée]ro|°|o)\sde\sdossier(?:\s(?:m[ée]dical|patient))?|[úu]mero\sde\shistoria(?:\scl[ií]nica)?|umero\sdi\scartella(?:\sclinica)?)`,
].join('|');

// After the keyword: up to a few spaces, an optional ":", "#", "=", "-" or a verb ("is", German
// "ist", French "est", Spanish "es"), then the id: 5-18 characters of letters, digits and inner
// separators. Every gap is bounded.
// A JSON key's quotes may close the label and open the id (`"mrn": "00731946"`), and so may
// an XML tag (`<mrn>00731946`).
const CONNECT = String.raw`["'>]?\s{0,3}(?:[:#=-]|is|was|ist|war|est|[ée]tait|es|era|n[°º.]|no\.?)?\s{0,3}#?\s{0,2}["']?`;
const ID = String.raw`[A-Za-z0-9][A-Za-z0-9\-/.]{3,16}[A-Za-z0-9]`;

// The keyword must end its word ("patient id" is not the start of "patient identity").
const LABELLED = new RegExp(
  String.raw`(?:${KEYWORDS})(?![A-Za-z])${CONNECT}(${ID})(?![A-Za-z0-9])`,
  'gi',
);
// A table's column of record numbers: its header cell is one of the keywords, whole.
const LABEL_CELL = new RegExp(String.raw`^(?:${KEYWORDS})$`, 'i');
const ID_CELL = new RegExp(String.raw`^${ID}$`);

// French and Spanish acronyms (identifiant permanent du patient, número de historia clínica),
// matched in capitals only: in lower case they are ordinary words or other things.
// So is Australia's UR number (unit record): "UR: 3069312", "UR 147394".
const ACRONYM = new RegExp(
  String.raw`(?<!\w)(?:IPP|NHC|UR(?:N|\s?(?:no\.?|number))?)(?![A-Za-z])${CONNECT}(${ID})(?![A-Za-z0-9])`,
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
  'chart',
  'cartella',
  'clinic',
  'hosp',
  'pat.',
  'historia',
  'fallnummer',
  'dossier',
];
const LABEL_WORDS = keywords(LABEL_LIST);
const LABEL_LEAD = 10;
const WORDS = keywords([...LABEL_LIST, 'ipp', 'nhc']);
/** What the detector needs to run: a label word, or "UR" in capitals (no keyword: "your"). */
const PREFILTER = { test: (text: string) => WORDS.test(text) || UR.test(text) };
// (Found from its letters, the look-behind checked after: a pattern that starts with one is
// tried at every position of the text.)
const UR = /UR(?![a-z])(?<![A-Za-z]UR)/;
const ACRONYM_HINT = /IPP|NHC|UR(?![a-z])(?<![A-Za-z]UR)/;

const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;

function idOk(id: string): boolean {
  const alnum = id.replace(/[^A-Za-z0-9]/g, '');
  const digits = alnum.replace(/\D/g, '').length;
  return alnum.length >= 5 && alnum.length <= 12 && digits >= 3 && !DATE.test(id);
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
  ],
  noMatch: [
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
  ],
};
