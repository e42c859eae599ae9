import { documentedAsOwn, NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, cueDistance } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// DNI: eight digits (also dotted "12.345.678") and the control letter, optionally after a dash
// or space. NIE: X, Y or Z, seven digits and the control letter.
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const DNI = /(\d(?<![\w+.-]\d)(?:\d{7}|\d\.\d{3}\.\d{3}))[- ]?([A-Za-z])(?![\w-])/g;
const NIE = /(?<![\w+.-])([XYZxyz])[- ]?(\d{7})[- ]?([A-Za-z])(?![\w-])/g;

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

const POSITIVE =
  /\b(?:dni|nie|nif|d\.n\.i|n\.i\.e|n\.i\.f|documento nacional|documento de identidad|n[úu]mero de identidad|identificaci[óo]n|id card|national id|fiscal)/;

// A person's NIF (tax number) is their DNI or NIE; when the text calls it that, it is a tax id.
const TAX_LABEL = /\b(?:nif|n\.i\.f|fiscal|tax)/;
const ID_LABEL =
  /\b(?:dni|nie|d\.n\.i|n\.i\.e|documento|n[úu]mero de identidad|id card|national id)/;

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:pedido|factura|env[íi]o|seguimiento|referencia|tel[ée]fono|tel|phone|cuenta)\b`,
);

/** The control letter for a number (NIE prefixes already replaced by 0, 1, 2). */
function controlLetter(n: number): string {
  return LETTERS[n % 23]!;
}

export const esDni: Detector = {
  id: 'es-dni',
  types: ['NATIONAL_ID', 'TAX_ID'],
  // DNI or NIE whole, with its edges (the character before it consumed instead of looked behind
  // at, which V8 runs faster). Without the edges any number before a word passed.
  prefilter: /(?:^|[^\w+.-])(?:\d{8}|\d\d\.\d{3}\.\d{3}|[XYZxyz][- ]?\d{7})[- ]?[A-Za-z](?![\w-])/,
  detect(text) {
    const out: Candidate[] = [];
    const push = (start: number, end: number, letter: string, base: number) => {
      // The control letter is almost always written in upper case; a lower-case one is as
      // likely a unit or a typo, so it needs the label.
      const upper = letter === letter.toUpperCase();
      const tax =
        cueDistance(text, start, end, TAX_LABEL) < cueDistance(text, start, end, ID_LABEL);
      const type = tax ? 'TAX_ID' : 'NATIONAL_ID';
      out.push(
        checkedCandidate(text, start, end, type, upper ? base : 0.3, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: upper ? 0.2 : 0.45,
        }),
      );
    };
    for (const m of matchesOf(text, DNI)) {
      const digits = m[1]!.replace(/\./g, '');
      if (digits === '12345678' && m[2] === 'Z') {
        // The ministry's own example, given as someone's ("Mi DNI es 12345678Z"): a made-up
        // customer's in a test ticket, as the test card numbers are.
        const own = documentedAsOwn(text, m.index, m.index + m[0].length, 'NATIONAL_ID', ID_LABEL);
        if (own) out.push(own);
        continue;
      }
      if (/^(\d)\1{7}$/.test(digits) || digits === '12345678') continue;
      const letter = m[2]!;
      if (controlLetter(Number(digits)) !== letter.toUpperCase()) continue;
      // One eight-digit number in 23 carries the right letter by chance, so the shape plus the
      // check is a solid but not certain signal.
      push(m.index, m.index + m[0].length, letter, 0.75);
    }
    for (const m of matchesOf(text, NIE)) {
      const prefix = 'XYZ'.indexOf(m[1]!.toUpperCase());
      const letter = m[3]!;
      if (controlLetter(Number(prefix + m[2]!)) !== letter.toUpperCase()) continue;
      if (m[1] !== m[1]!.toUpperCase()) continue;
      push(m.index, m.index + m[0].length, letter, 0.8);
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // The published example, given as someone's own.
    { text: 'Mi DNI es 12345678Z, gracias.', value: '12345678Z' },
    '48291736Q',
    { text: 'DNI: 05831946-C', value: '05831946-C' },
    { text: 'Mi NIE es X4829173R', value: 'X4829173R' },
    { text: 'NIE Y-0583194-C, residente', value: 'Y-0583194-C' },
    { text: 'documento nacional de identidad 71.325.084-Z', value: '71.325.084-Z' },
    { text: 'dni 71325084z', value: '71325084z' },
    { text: 'Titular: Z7132508Y', value: 'Z7132508Y' },
    { text: 'NIE: Y0583194C\nNIF: 48291736Q', value: '48291736Q' },
  ],
  noMatch: [
    'El DNI tiene el formato 12345678Z (ocho cifras y una letra).',
    '12345678Z',
    '48291736A',
    'Pedido 48291736Q enviado',
    '00000000T',
    '71325084z',
    'Build 20240315T done',
    'X4829173A',
    'Factura n.º 05831946-C',
  ],
};
