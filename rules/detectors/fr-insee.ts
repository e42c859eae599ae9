import { near, NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Sex, year, month, then either a two-character department (2A and 2B for Corsica) and a
// three-digit commune, or an overseas three-digit department (97x, 98x) and a two-digit commune;
// then the three-digit birth order and the two-digit key. Spaces may separate the groups, as on
// the carte Vitale: "1 85 05 78 006 084 91".
const NIR =
  /(?<![\w+.-])([1-478]) ?(\d{2}) ?(\d{2}) ?(?:(\d{2}|2[ABab]) ?(\d{3})|(9[78]\d) ?(\d{2})) ?(\d{3}) ?(\d{2})(?![\w-]|\.\d)/g;

const POSITIVE =
  /s[ée]curit[ée] sociale|\bs[ée]cu\b|\bnir\b|\binsee\b|carte vitale|num[ée]ro de s[ée]curit[ée]|\bn° ?ss\b|social security|\bnss\b/;

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:t[ée]l|t[ée]l[ée]phone|phone|commande|facture|suivi|colis|siret|siren|iban|compte)\b`,
);

/** The remainder of a digit string divided by 97, without big integers. */
function mod97Digits(digits: string): number {
  let rem = 0;
  for (let i = 0; i < digits.length; i++) rem = (rem * 10 + digits.charCodeAt(i) - 48) % 97;
  return rem;
}

// The NIR is also the health insurance number: on a carte Vitale or beside a doctor, a clinic or
// a health insurer it is reported as a health id.
const HEALTH =
  /carte vitale|\bvitale\b|\bameli\b|\bcpam\b|mutuelle|assurance maladie|patient|m[ée]decin|clinique|h[ôo]pital|pharmacie|ordonnance/;

/** Whether the month field is possible: 01-12, or the codes used when it is unknown. */
function monthOk(mm: number): boolean {
  return (mm >= 1 && mm <= 12) || mm === 20 || (mm >= 30 && mm <= 42) || mm >= 50;
}

export const frInsee: Detector = {
  id: 'fr-insee',
  types: ['NATIONAL_ID', 'HEALTH_ID'],
  prefilter: /[1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, NIR)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!monthOk(Number(m[3]))) continue;
      const dept = (m[4] ?? m[6]!).toUpperCase();
      const commune = m[5] ?? m[7]!;
      if (dept === '00' || /^0+$/.test(commune) || m[8] === '000') continue;
      // Corsica's 2A and 2B count as 19 and 18 in the key computation.
      const digits = (m[1]! + m[2]! + m[3]! + dept + commune + m[8]!)
        .replace('2A', '19')
        .replace('2B', '18');
      const key = Number(m[9]);
      if (key < 1 || key > 97 || 97 - mod97Digits(digits) !== key) continue;
      if (!notInLongerNumber(text, start, end)) continue;
      // With a valid key one fifteen-digit number in several hundred passes by chance; the
      // grouped form is how the number is printed and read out.
      // Sex digits 3, 4, 7 and 8 mark rare provisional numbers, while fifteen-digit American
      // Express cards start with 34 or 37, so those need their label.
      const spaces = m[0].split(' ').length - 1;
      const usual = m[1] === '1' || m[1] === '2';
      const base = !usual ? 0.3 : spaces >= 3 ? 0.8 : 0.7;
      const type = near(text, start, end, HEALTH, 80) ? 'HEALTH_ID' : 'NATIONAL_ID';
      out.push(
        checkedCandidate(text, start, end, type, base, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: usual ? 0.2 : 0.45,
        }),
      );
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    '1 85 05 78 006 084 91',
    { text: 'Numéro de sécurité sociale : 292027511432137', value: '292027511432137' },
    { text: 'NIR 1 69 05 99 123 456 15', value: '1 69 05 99 123 456 15' },
    { text: 'né en Corse, NIR 1 85 05 2A 012 345 79', value: '1 85 05 2A 012 345 79' },
    { text: 'carte Vitale: 2 90 01 971 12 033 67', value: '2 90 01 971 12 033 67' },
    { text: 'Patiente : N° de sécu 2 75 03 13 055 120 69', value: '2 75 03 13 055 120 69' },
    { text: 'Assurée 2811121101042 34, merci', value: '2811121101042 34' },
    { text: 'NIR provisoire : 7 85 05 78 006 084 82', value: '7 85 05 78 006 084 82' },
  ],
  noMatch: [
    '1 85 05 78 006 084 36',
    'Commande 185057800608491',
    '1 85 13 78 006 084 91',
    'IMEI 356938035643809',
    'Card 785057800608482 on file',
    'Suivi colis: 2 92 02 75 114 321 37',
    'Amount 1 85 05 78 006 084 91 3',
  ],
};
