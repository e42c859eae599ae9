import { isTrivialDigits } from '../checksums.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';
import { cueDistance, OTHER_ID_LABELS, valuesNearLabels } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { keywords } from '../keywords.ts';
import { matchesOf } from '../scan-util.ts';

// Labels of the German identity card in German and English. A bare "Ausweis" counts only as a
// word of its own, so "Mitgliedsausweis" or "Studentenausweis" do not label anything. Latin-1
// letter classes instead of \p{L} keep this whole-text scan fast (see date-of-birth.ts).
const LABEL =
  /(?<![A-Za-zÀ-ÿ])(?:personalausweis(?:es|nummer|-?nr\.?|-nummer)?|ausweis(?:es|nummer|-?nr\.?|-nummer)?|perso-?nr\.?|(?:german )?id(?:entity)?[- ]card(?: number| no\.?| #)?|carte d'identit[ée] allemande)(?![A-Za-zÀ-ÿ])/gi;

// The prefilter's words; every LABEL match holds one at most eight characters in ("carte
// d'identité"), so the label pattern is tried only there.
const WORDS = keywords([
  'ausweis',
  'perso',
  'id card',
  'id-card',
  'idcard',
  'identit',
  'idd<<',
  'i<d<<',
]);
const LABEL_LEAD = 8;

// A candidate token: nine characters of the card's alphabet (digits and the consonants
// C F G H J K L M N P R T V W X Y Z, chosen so that no word fits), or ten with the check digit.
const TOKEN = /(?<![\w-])[0-9CFGHJKLMNPRTVWXYZ]{9,10}(?![\w-])/g;

// Between the label and a value, these words say the value is something else: a date of
// validity, a customer or order number, or another document's label.
const BAD_GAP = new RegExp(
  String.raw`g[üu]ltig|ablauf|expir|valid|datum|date|ausgestellt|issued|beh[öo]rde|kunden|bestell|rechnung|auftrag|vorgang|sendung|termin|passport|reisepass|f[üu]hrerschein|licen[cs]e|steuer|${OTHER_ID_LABELS.source}`,
);

// The published specimen cards ("Erika Mustermann"), old and new format.
const SPECIMENS = new Set(['T22000129', 'L01X00T47']);

/** ICAO 9303 check digit (weights 7, 3, 1; A=10 ... Z=35). */
function icaoCheck(s: string): number {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    sum += (c >= 48 && c <= 57 ? c - 48 : c - 55) * w[i % 3]!;
  }
  return sum % 10;
}

/**
 * Whether a token is a German ID card number: nine characters of the card alphabet, or ten whose
 * last digit is the ICAO check digit over the first nine. Specimens and runs of one digit are
 * placeholders.
 */
export function isDeIdCardNumber(t: string): boolean {
  if (!/^[0-9CFGHJKLMNPRTVWXYZ]{9,10}$/.test(t)) return false;
  const nine = t.slice(0, 9);
  if (t.length === 10 && icaoCheck(nine) !== t.charCodeAt(9) - 48) return false;
  if (SPECIMENS.has(nine)) return false;
  return !(/^\d+$/.test(nine) && isTrivialDigits(nine));
}

// The first line of the machine-readable zone of a German ID card (ICAO TD1): "IDD<<", the
// number, its check digit, fifteen optional characters.
const MRZ = /(?<![A-Z0-9<])I[D<]D<<([0-9CFGHJKLMNPRTVWXYZ]{9})(\d)[A-Z0-9<]{15}(?![A-Z0-9<])/g;

export const deIdCard: Detector = {
  id: 'de-id-card',
  types: ['NATIONAL_ID'],
  prefilter: WORDS,
  detect(text) {
    const out: Candidate[] = [];
    for (const v of valuesNearLabels(text, LABEL, TOKEN, {
      maxGap: 32,
      maxValue: 10,
      accept: (m) => isDeIdCardNumber(m[0]),
      badGap: BAD_GAP,
      maxGapAfter: 3,
      // Numbers may have no digit, but every number has a capital or a digit.
      needs: /[0-9A-Z]/,
      anchors: { words: WORDS, lead: LABEL_LEAD },
    })) {
      // "Ausweisnummer: X" is the common form; in "X (Personalausweis)" the words before X may
      // still say it is an order or a customer number.
      let score = 0.8;
      if (!v.labelBefore) {
        const labelled = cueDistance(text, v.start, v.end, NON_PERSONAL_NUMBER, 16) !== Infinity;
        score = labelled ? 0.2 : 0.6;
      }
      out.push({ start: v.start, end: v.end, type: 'NATIONAL_ID', score, reason: 'context' });
    }
    if (text.includes('D<<')) {
      for (const m of matchesOf(text, MRZ)) {
        if (icaoCheck(m[1]!) !== Number(m[2]) || SPECIMENS.has(m[1]!)) continue;
        // The number and its check digit; the rest of the line holds no personal data.
        const start = m.index + 5;
        out.push({ start, end: start + 10, type: 'NATIONAL_ID', score: 0.9, reason: 'mrz' });
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Personalausweisnummer T3YPPZ26L', value: 'T3YPPZ26L' },
    { text: 'Personalausweis-Nr.: LZMJVTC5M0', value: 'LZMJVTC5M0' },
    {
      text: 'Im Formular wurde nach der Nummer meines Personalausweises gefragt: R4KX7PNC2.',
      value: 'R4KX7PNC2',
    },
    { text: 'Ausweisnummer: LMXCTZPN9\nAnschrift: Hauptstr. 5', value: 'LMXCTZPN9' },
    { text: 'ID card number XZ9F3TW8N9 (Germany)', value: 'XZ9F3TW8N9' },
    { text: 'Kopie anbei (MW5LGFTCP9, Personalausweis)', value: 'MW5LGFTCP9' },
    { text: 'IDD<<TNN1303LT4<<<<<<<<<<<<<<<', value: 'TNN1303LT4' },
  ],
  noMatch: [
    'T3YPPZ26L',
    'Personalausweis-Nr.: LZMJVTC5M1',
    'Personalausweis gültig bis 2031, Kundennummer 123456789',
    'Musterausweis: Personalausweisnummer T22000129',
    'Personalausweis und Reisepass-Nr. C7H2K9R41',
    'Mitgliedsausweis 482913765',
    'Ausweis STRUKTUR',
    'Personalausweis 111111111',
    'IDD<<TNN1303LT5<<<<<<<<<<<<<<<',
  ],
};
