import { weightedSum } from '../checksums.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { anyOf, matchesOf } from '../scan-util.ts';

// 000.000.000-00, as every Brazilian document and form prints it.
const FORMATTED = /(?<![\w+.-])(\d{3})\.(\d{3})\.(\d{3})-(\d{2})(?![\w-]|\.\d)/g;
// Eleven digits, or nine and the two check digits after a dash: only a CPF beside its name.
const LOOSE = /(?<![\w+.-])(\d{9})-?(\d{2})(?![\w-]|\.\d)/g;

const POSITIVE = /\bcpf\b|\bc\.p\.f\b|cadastro de pessoas? f[íi]sicas?/;
const LABEL = /cpf|c\.p\.f|cadastro de pessoa/i;

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:pedido|nota fiscal|rastreio|rastreamento|protocolo|boleto|telefone|celular|whatsapp|conta|ag[êe]ncia|cnpj|renavam)|\b(?:tel|nf)\b`,
);

const FIRST = [10, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];

/** Whether eleven digits are a valid CPF: both mod-11 check digits, not one repeated digit. */
export function isValidCpf(d: string): boolean {
  if (d.length !== 11 || /^(\d)\1{10}$/.test(d)) return false;
  const first = ((weightedSum(d, FIRST) * 10) % 11) % 10;
  const second = ((weightedSum(d, SECOND) * 10) % 11) % 10;
  return first === d.charCodeAt(9) - 48 && second === d.charCodeAt(10) - 48;
}

export const brCpf: Detector = {
  id: 'br-cpf',
  types: ['NATIONAL_ID'],
  prefilter: anyOf(/cpf|cadastro de pessoa/i, /\d\.\d{3}\.\d{3}-\d/),
  detect(text) {
    const out: Candidate[] = [];
    const push = (start: number, end: number, base: number, up: number) => {
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', base, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up,
        }),
      );
    };
    for (const m of matchesOf(text, FORMATTED)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isValidCpf(m[1]! + m[2]! + m[3]! + m[4]!) || !notInLongerNumber(text, start, end)) {
        continue;
      }
      // One number in a hundred carries the right check digits by chance, and nothing else is
      // written 3.3.3-2, so the formatted number stands alone.
      push(start, end, 0.75, 0.2);
    }
    if (!LABEL.test(text)) return out;
    for (const m of matchesOf(text, LOOSE)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isValidCpf(m[1]! + m[2]!) || !notInLongerNumber(text, start, end)) continue;
      push(start, end, 0.3, 0.45);
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    '398.136.146-68',
    { text: 'CPF: 714.602.380-01', value: '714.602.380-01' },
    { text: 'Meu CPF é 06153892361, obrigado', value: '06153892361' },
    { text: 'Cadastro de Pessoas Físicas 853920417-79', value: '853920417-79' },
    { text: 'Titular: Ana Souza, 853.920.417-79', value: '853.920.417-79' },
  ],
  noMatch: [
    // Valid, but bare and without its name.
    '06153892361',
    // Wrong check digits.
    '398.136.146-69',
    'CPF: 714.602.380-10',
    // One repeated digit passes both checks; it is a placeholder.
    'CPF: 111.111.111-11',
    'Pedido 398.136.146-68 enviado',
    'CPF na nota? Protocolo 06153892361',
  ],
};
