import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedMatches } from '../gov-util.ts';
import type { Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Thirteen digits starting 0-3, in a row or grouped 2-2-3-3-3 as on the avis d'impôt
// ("30 23 217 600 053"); one separator used throughout.
const SPI = /(?<![\w+.-])([0-3]\d)( ?)(\d{2})\2(\d{3})\2(\d{3})\2(\d{3})(?![\w-]|\.\d)/g;

// French labels, and the English ones used for a French tax number. "NIF" is also the Spanish
// and Portuguese tax id, but neither has thirteen digits with this check.
const POSITIVE =
  /num[ée]ro fiscal|n[°ºo]\.? ?fiscal|\bnum\.? fiscal|identifiant fiscal|identification fiscale|\bspi\b|\bnif\b|r[ée]f[ée]rence de l'avis|r[ée]f[ée]rence fiscale|\btin\b|\btax ?id\b|tax identification|taxpayer id|french tax (?:number|id)/;

// Look-alikes in French mail: order, invoice, parcel and customer numbers, company ids
// (SIREN, SIRET, TVA) and phone numbers. A word after "sur la" or "on the" names the document a
// value goes on, not the value: in "faire figurer mon SPI sur la facture : 2485045076465" the
// number is the SPI.
const NEGATIVE = new RegExp(
  String.raw`(?<!\b(?:on|onto|in|to|sur|dans) (?:the|my|your|our|this|an?|la|le|ma|mon|votre|notre|cette|ce) )(?:${NON_PERSONAL_NUMBER.source}|\b(?:commande|facture|colis|suivi|client|dossier|contrat|siren|siret|tva|vat|t[ée]l|t[ée]l[ée]phone|phone|portable|fax|compte|iban|rib|ean|gtin|barcode|code-barres)\b)`,
);

/**
 * Whether thirteen digits are a valid numéro fiscal (SPI): the first digit is 0-3 and the last
 * three are the first ten modulo 511, zero-padded.
 */
export function isValidSpi(d: string): boolean {
  if (d.length !== 13 || !/^[0-3]\d{12}$/.test(d)) return false;
  // The first ten digits fit in a double exactly (< 2^53), so no BigInt is needed.
  const key = Number(d.slice(0, 10)) % 511;
  if (key !== Number(d.slice(10))) return false;
  // All zeros passes the check and is a placeholder.
  return !/^0+$/.test(d);
}

export const frSpi: Detector = {
  id: 'fr-spi',
  types: ['TAX_ID'],
  prefilter: /[0-3]\d ?\d{2} ?\d{3} ?\d{3} ?\d{3}/,
  detect(text) {
    const valid = (m: RegExpExecArray) => isValidSpi(m[1]! + m[3]! + m[4]! + m[5]! + m[6]!);
    // The check passes for one thirteen-digit number in a thousand, but EAN-13 barcodes
    // starting 0-3 (US, Canada, France) are common in shop mail, so the label decides. The
    // 2-2-3-3-3 grouping is the tax office's own and gets a little more.
    const base = (m: RegExpExecArray) => (m[2] === ' ' ? 0.4 : 0.3);
    return checkedMatches(text, matchesOf(text, SPI), 'TAX_ID', valid, base, {
      positive: POSITIVE,
      negative: NEGATIVE,
      up: 0.5,
    });
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'numéro fiscal : 30 23 217 600 053', value: '30 23 217 600 053' },
    {
      text: 'Mon numéro fiscal de référence est le 1190203116312.',
      value: '1190203116312',
    },
    { text: 'SPI : 0965531271348', value: '0965531271348' },
    {
      text: 'Merci de faire figurer mon SPI sur la facture : 2485045076465.',
      value: '2485045076465',
    },
    {
      text: "Numéro d'identification fiscale (NIF) 04 71 829 365 070",
      value: '04 71 829 365 070',
    },
    { text: 'French tax id: 1357924680434', value: '1357924680434' },
  ],
  noMatch: [
    '3023217600053',
    'numéro fiscal : 30 23 217 600 054',
    'SPI : 4965531271348',
    'Commande 1190203116312, numéro fiscal à venir',
    'EAN 3108642975025 pour la lampe',
    'Colis suivi 24 85 045 076 465',
    'numéro fiscal 0000000000000',
  ],
};
