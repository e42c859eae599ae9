/**
 * Generators for made-up sensitive values with valid formats and check digits. Written apart
 * from rules/checksums.ts on purpose: the corpus must not share a bug with the engine it
 * measures. Every value comes from the seeded Rng; none is a real person's data.
 */
import { createHash } from 'node:crypto';
import { keccak_256 } from '@noble/hashes/sha3.js';
import type { Rng } from './random.ts';

export type Locale = 'en_US' | 'en_GB' | 'de' | 'fr' | 'es';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const B64URL = ALNUM + '-_';
const B64 = ALNUM + '+/';

// ---------------------------------------------------------------------------------------------
// Payment cards

/** The Luhn check digit that completes `payload` (digits only). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  // Doubling starts at the rightmost payload digit, because the check digit will follow it.
  for (let i = payload.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = payload.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether a digit string passes the Luhn check. */
export function luhnValid(digits: string): boolean {
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** Well-known test numbers from payment providers' docs: these belong in negatives only. */
export const TEST_CARDS = [
  '4242424242424242',
  '4111111111111111',
  '4000056655665556',
  '5555555555554444',
  '5105105105105100',
  '378282246310005',
  '371449635398431',
  '6011111111111117',
  '4012888888881881',
  '2223003122003222',
];

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover';

/** A Luhn-valid card number (digits only) that is not a well-known test number. */
export function cardNumber(rng: Rng, brand: CardBrand): string {
  for (;;) {
    let prefix: string;
    let length = 16;
    if (brand === 'visa') prefix = '4';
    else if (brand === 'mastercard')
      prefix = rng.chance(0.8) ? String(rng.int(51, 55)) : String(rng.int(2221, 2720));
    else if (brand === 'amex') {
      prefix = rng.pick(['34', '37']);
      length = 15;
    } else prefix = rng.pick(['6011', '65', '644', '649']);
    const payload = prefix + rng.digits(length - 1 - prefix.length);
    const num = payload + String(luhnCheckDigit(payload));
    if (TEST_CARDS.includes(num) || /^(\d)\1+$/.test(num.slice(1))) continue;
    return num;
  }
}

/** Formats a card number the ways people type them. */
export function formatCard(rng: Rng, num: string): string {
  const style = rng.weighted(['space', 'dash', 'plain', 'dot', 'spaced'], [50, 20, 22, 4, 4]);
  const groups =
    num.length === 15
      ? [num.slice(0, 4), num.slice(4, 10), num.slice(10)]
      : (num.match(/.{1,4}/g) ?? [num]);
  switch (style) {
    case 'space':
      return groups.join(' ');
    case 'dash':
      return groups.join('-');
    case 'dot':
      return groups.join('.');
    case 'spaced':
      return num.split('').join(' ');
    default:
      return num;
  }
}

/** An expiry date in the future of the corpus' reference year, as MM/YY or MM/YYYY. */
export function cardExpiry(rng: Rng): string {
  const m = String(rng.int(1, 12)).padStart(2, '0');
  const y = rng.int(2026, 2031);
  return rng.chance(0.8) ? `${m}/${String(y).slice(2)}` : `${m}/${y}`;
}

// ---------------------------------------------------------------------------------------------
// Bank accounts

/** ISO 13616 check digits for a country code and BBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = bban + country + '00';
  let rem = 0;
  for (const ch of rearranged) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return String(98 - rem).padStart(2, '0');
}

/** Whether an IBAN (compact, upper case) passes the mod-97 check. */
export function ibanValid(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of s) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

/** Spanish CCC control digit over 10 digits (weights 1,2,4,8,5,10,9,7,3,6). */
function esControl(ten: string): string {
  const w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
  let s = 0;
  for (let i = 0; i < 10; i++) s += Number(ten[i]) * (w[i] ?? 0);
  const d = 11 - (s % 11);
  return String(d === 11 ? 0 : d === 10 ? 1 : d);
}

/** A BBAN for `country` with its national check digits where the country has them. */
function bban(rng: Rng, country: string): string {
  switch (country) {
    case 'DE':
      return rng.digits(18);
    case 'AT':
      return rng.digits(16);
    case 'CH':
      return rng.digits(17);
    case 'NL':
      return rng.chars(UPPER, 4) + rng.digits(10);
    case 'GB':
      return rng.pick(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL']) + rng.digits(14);
    case 'BE': {
      const ten = rng.digits(10);
      const r = Number(BigInt(ten) % 97n);
      return ten + String(r === 0 ? 97 : r).padStart(2, '0');
    }
    case 'FR': {
      // Bank, branch, account and the RIB key: 97 - (89 bank + 15 branch + 3 account) mod 97.
      const bank = rng.digits(5);
      const branch = rng.digits(5);
      const account = rng.digits(11);
      const n = 89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account);
      const key = 97n - (n % 97n);
      return bank + branch + account + String(key).padStart(2, '0');
    }
    case 'ES': {
      const bank = rng.digits(4);
      const branch = rng.digits(4);
      const account = rng.digits(10);
      return bank + branch + esControl('00' + bank + branch) + esControl(account) + account;
    }
    default:
      throw new Error(`no BBAN rule for ${country}`);
  }
}

/** A valid IBAN (compact, upper case). */
export function iban(rng: Rng, country: string): string {
  const b = bban(rng, country);
  return country + ibanCheckDigits(country, b) + b;
}

/** Formats an IBAN: print format (groups of four) most of the time. */
export function formatIban(rng: Rng, compact: string): string {
  const style = rng.weighted(['print', 'plain', 'lower'], [65, 31, 4]);
  if (style === 'plain') return compact;
  const grouped = (compact.match(/.{1,4}/g) ?? [compact]).join(' ');
  return style === 'lower' ? grouped.toLowerCase() : grouped;
}

/** A BIC with a made-up bank code for a country. */
export function bic(rng: Rng, country: string): string {
  // The second location character is never '0', which marks test BICs.
  const loc = rng.chars(UPPER, 1) + rng.chars(UPPER.replace('O', '') + '123456789', 1);
  const branch = rng.chance(0.5) ? '' : rng.chance(0.5) ? 'XXX' : rng.chars(UPPER + DIGITS, 3);
  return rng.chars(UPPER, 4) + country + loc + branch;
}

/** A US ABA routing number (checksum 3-7-1). */
export function abaRouting(rng: Rng): string {
  {
    const prefix = String(rng.pick([rng.int(1, 12), rng.int(21, 32)])).padStart(2, '0');
    const body = prefix + rng.digits(6);
    const d = body.split('').map(Number);
    const partial =
      3 * ((d[0] ?? 0) + (d[3] ?? 0) + (d[6] ?? 0)) + 7 * ((d[1] ?? 0) + (d[4] ?? 0) + (d[7] ?? 0));
    // The ninth digit closes 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) to a multiple of ten.
    const sum36 = (d[2] ?? 0) + (d[5] ?? 0);
    const check = (10 - ((partial + sum36) % 10)) % 10;
    return body + String(check);
  }
}

// ---------------------------------------------------------------------------------------------
// Government ids

/** A US SSN in a valid range (not 000, 666 or 9xx area; no zero group or serial). */
export function ssn(rng: Rng): string {
  for (;;) {
    const area = rng.int(1, 899);
    if (area === 666) continue;
    const a = String(area).padStart(3, '0');
    const g = String(rng.int(1, 99)).padStart(2, '0');
    const s = String(rng.int(1, 9999)).padStart(4, '0');
    if (`${a}${g}${s}` === '123456789' || `${a}${g}${s}` === '078051120') continue;
    const style = rng.weighted(['dash', 'space', 'plain'], [75, 12, 13]);
    return style === 'dash' ? `${a}-${g}-${s}` : style === 'space' ? `${a} ${g} ${s}` : a + g + s;
  }
}

/** A US ITIN: 9XX-YY-XXXX with YY in the issued ranges. */
export function itin(rng: Rng): string {
  const yy = rng.pick([rng.int(50, 65), rng.int(70, 88), rng.int(90, 92), rng.int(94, 99)]);
  return `9${rng.digits(2)}-${yy}-${rng.digits(4)}`;
}

/** A UK National Insurance number with valid prefix letters. */
export function nino(rng: Rng): string {
  for (;;) {
    const p = rng.chars('ABCEGHJKLMNOPRSTWXYZ', 1) + rng.chars('ABCEGHJKLMNPRSTWXYZ', 1);
    if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(p)) continue;
    const d = rng.digits(6);
    const s = rng.chars('ABCD', 1);
    return rng.chance(0.5)
      ? `${p} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${s}`
      : `${p}${d}${s}`;
  }
}

/** The ICAO 9303 check digit (weights 7, 3, 1; letters A=10 .. Z=35). */
export function icaoCheckDigit(s: string): string {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const v = /\d/.test(ch) ? Number(ch) : ch === '<' ? 0 : ch.charCodeAt(0) - 55;
    sum += v * (w[i % 3] ?? 1);
  }
  return String(sum % 10);
}

/** A German identity card number (9 characters), sometimes with its check digit. */
export function dePersonalausweis(rng: Rng): string {
  const alphabet = 'CFGHJKLMNPRTVWXYZ0123456789';
  const num = rng.chars('LMNPRTVWXY', 1) + rng.chars(alphabet, 8);
  return rng.chance(0.4) ? num + icaoCheckDigit(num) : num;
}

/** A French NIR (social security number) with its key, spaced or compact. */
export function frNir(rng: Rng): string {
  const sex = rng.pick(['1', '2']);
  const yy = rng.digits(2);
  const mm = String(rng.int(1, 12)).padStart(2, '0');
  const dept = String(rng.pick([rng.int(1, 19), rng.int(21, 95)])).padStart(2, '0');
  const commune = String(rng.int(1, 990)).padStart(3, '0');
  const order = String(rng.int(1, 999)).padStart(3, '0');
  const body = sex + yy + mm + dept + commune + order;
  const key = String(97n - (BigInt(body) % 97n)).padStart(2, '0');
  return rng.chance(0.6) ? `${sex} ${yy} ${mm} ${dept} ${commune} ${order} ${key}` : body + key;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** A Spanish DNI (8 digits and the mod-23 letter) or NIE (X/Y/Z, 7 digits, letter). */
export function esDniOrNie(rng: Rng): string {
  if (rng.chance(0.2)) {
    const p = rng.int(0, 2);
    const d = rng.digits(7);
    const letter = DNI_LETTERS[Number(String(p) + d) % 23] as string;
    return 'XYZ'[p] + d + (rng.chance(0.8) ? '' : '-') + letter;
  }
  const n = rng.digits(8);
  const letter = DNI_LETTERS[Number(n) % 23] as string;
  const style = rng.weighted(['plain', 'dash', 'dots'], [70, 20, 10]);
  if (style === 'dash') return `${n}-${letter}`;
  if (style === 'dots') return `${n.slice(0, 2)}.${n.slice(2, 5)}.${n.slice(5)}-${letter}`;
  return n + letter;
}

/** A German tax id (Steuer-ID): 11 digits, one digit repeated, ISO 7064 MOD 11,10 check. */
export function deSteuerId(rng: Rng): string {
  for (;;) {
    const doubled = rng.int(0, 9);
    const others = rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => d !== doubled));
    const ten = rng.shuffle([doubled, doubled, ...others.slice(0, 8)]);
    if (ten[0] === 0) continue;
    let product = 10;
    for (const d of ten) {
      let sum = (d + product) % 10;
      if (sum === 0) sum = 10;
      product = (sum * 2) % 11;
    }
    let check = 11 - product;
    if (check === 10) check = 0;
    const s = ten.join('') + String(check);
    return rng.chance(0.5) ? `${s.slice(0, 2)} ${s.slice(2, 5)} ${s.slice(5, 8)} ${s.slice(8)}` : s;
  }
}

/** A French tax number (numéro fiscal, SPI): 13 digits, the last three = first ten mod 511. */
export function frNumeroFiscal(rng: Rng): string {
  const ten = String(rng.int(0, 3)) + rng.digits(9);
  const s = ten + String(Number(BigInt(ten) % 511n)).padStart(3, '0');
  return rng.chance(0.5)
    ? `${s.slice(0, 2)} ${s.slice(2, 4)} ${s.slice(4, 7)} ${s.slice(7, 10)} ${s.slice(10)}`
    : s;
}

/** A UK Unique Taxpayer Reference: 10 digits, the first a weighted check digit. */
export function ukUtr(rng: Rng): string {
  const nine = rng.digits(9);
  const w = [6, 7, 8, 9, 10, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (w[i] ?? 0);
  return '21987654321'[sum % 11] + nine;
}

/** A passport number in the format of the locale's country. */
export function passport(rng: Rng, loc: Locale): string {
  switch (loc) {
    case 'en_US':
      return rng.chance(0.5)
        ? rng.chars(UPPER, 1) + rng.digits(8)
        : String(rng.int(1, 9)) + rng.digits(8);
    case 'en_GB':
      return String(rng.int(1, 9)) + rng.digits(8);
    case 'de':
      return rng.chars('CFGHJK', 1) + rng.chars('CFGHJKLMNPRTVWXYZ0123456789', 8);
    case 'fr':
      return rng.digits(2) + rng.chars(UPPER, 2) + rng.digits(5);
    case 'es':
      return rng.chars(UPPER, 3) + rng.digits(6);
  }
}

/** Folds accents and keeps letters, for ids and user names derived from a name. */
export function asciiFold(s: string): string {
  return s
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '');
}

/** A driving licence number in the format of the locale's country. */
export function driverLicense(
  rng: Rng,
  loc: Locale,
  person: {
    last: string;
    first: string;
    female: boolean;
    dob: { y: number; m: number; d: number };
  },
): { value: string; region?: string } {
  switch (loc) {
    case 'en_US': {
      const state = rng.pick(['CA', 'NY', 'FL', 'TX', 'IL', 'PA']);
      if (state === 'CA')
        return { value: rng.chars(UPPER, 1) + rng.digits(7), region: 'California' };
      if (state === 'NY') {
        const d = rng.digits(9);
        return {
          value: rng.chance(0.5) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : d,
          region: 'New York',
        };
      }
      if (state === 'FL') {
        const d = rng.digits(12);
        const l = rng.chars(UPPER, 1);
        return {
          value: rng.chance(0.5)
            ? `${l}${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 11)}-${d.slice(11)}`
            : l + d,
          region: 'Florida',
        };
      }
      if (state === 'IL') {
        const d = rng.digits(11);
        return {
          value: `${rng.chars(UPPER, 1)}${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`,
          region: 'Illinois',
        };
      }
      if (state === 'PA') return { value: rng.digits(8), region: 'Pennsylvania' };
      return { value: rng.digits(8), region: 'Texas' };
    }
    case 'en_GB': {
      // DVLA: surname (5, padded with 9), decade, month (+50 for women), day, year digit,
      // two initials (padded with 9), an arbitrary digit and two check characters.
      const sur = (asciiFold(person.last).toUpperCase() + '99999').slice(0, 5);
      const y = String(person.dob.y);
      const month = String(person.dob.m + (person.female ? 50 : 0)).padStart(2, '0');
      const day = String(person.dob.d).padStart(2, '0');
      const init = (
        asciiFold(person.first).toUpperCase().slice(0, 1) + rng.chars(UPPER + '9', 1)
      ).slice(0, 2);
      return {
        value: sur + y[2] + month + day + y[3] + init + rng.int(0, 9) + rng.chars(UPPER, 2),
      };
    }
    case 'de': {
      const body = rng.chars(UPPER, 1) + rng.chars(UPPER + DIGITS, 3) + rng.digits(5);
      return { value: body + rng.chars(DIGITS + 'X', 1) + rng.chars(UPPER + DIGITS, 1) };
    }
    case 'fr':
      return {
        value: rng.chance(0.6)
          ? rng.digits(12)
          : rng.digits(2) + rng.chars(UPPER, 2) + rng.digits(5),
      };
    case 'es': {
      const n = rng.digits(8);
      return { value: n + (DNI_LETTERS[Number(n) % 23] as string) };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Health

/** A UK NHS number (mod-11 check digit), spaced 3-3-4 or compact. */
export function nhsNumber(rng: Rng): string {
  for (;;) {
    const nine = rng.digits(9);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
    const r = 11 - (sum % 11);
    if (r === 10) continue;
    const s = nine + String(r === 11 ? 0 : r);
    return rng.chance(0.6) ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}` : s;
  }
}

/** A German health insurance number (KVNR): letter, eight digits, check digit. */
export function deKvnr(rng: Rng): string {
  const letter = rng.chars(UPPER, 1);
  const eight = String(rng.int(1, 9)) + rng.digits(7);
  const ten = String(letter.charCodeAt(0) - 64).padStart(2, '0') + eight;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const p = Number(ten[i]) * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return letter + eight + String(sum % 10);
}

/** A US Medicare Beneficiary Identifier (11 characters, fixed character classes). */
export function medicareMbi(rng: Rng): string {
  const L = 'ACDEFGHJKMNPQRTUVWXY';
  const AN = L + DIGITS;
  const s =
    String(rng.int(1, 9)) +
    rng.chars(L, 1) +
    rng.chars(AN, 1) +
    rng.digits(1) +
    rng.chars(L, 1) +
    rng.chars(AN, 1) +
    rng.digits(1) +
    rng.chars(L, 2) +
    rng.digits(2);
  return rng.chance(0.5) ? `${s.slice(0, 4)}-${s.slice(4, 7)}-${s.slice(7)}` : s;
}

/** A medical record number as hospitals print them. */
export function mrn(rng: Rng): string {
  return rng.weighted(
    [
      rng.digits(rng.int(7, 9)),
      `${rng.int(10, 99)}-${rng.digits(6)}`,
      `${rng.chars(UPPER, 2)}${rng.digits(7)}`,
    ],
    [60, 20, 20],
  );
}

// ---------------------------------------------------------------------------------------------
// Network

/** A public unicast IPv4 address (no private, loopback, link-local, CGNAT or documentation range). */
export function ipv4(rng: Rng): string {
  for (;;) {
    const a = rng.int(1, 223);
    const b = rng.int(0, 255);
    if (a === 10 || a === 127 || a === 0) continue;
    if (a === 100 && b >= 64 && b <= 127) continue;
    if (a === 169 && b === 254) continue;
    if (a === 172 && b >= 16 && b <= 31) continue;
    if (a === 192 && (b === 168 || b === 0)) continue;
    if (a === 198 && (b === 18 || b === 19 || b === 51)) continue;
    if (a === 203 && b === 0) continue;
    return `${a}.${b}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  }
}

/** A global unicast IPv6 address, sometimes compressed. */
export function ipv6(rng: Rng): string {
  const groups = [rng.pick(['2a02', '2a01', '2001', '2600', '2804', '2a00'])];
  for (let i = 0; i < 7; i++) groups.push(rng.chars(HEX, rng.int(1, 4)).replace(/^0+(?=.)/, ''));
  if (rng.chance(0.5)) return `${groups.slice(0, 4).join(':')}::${groups.slice(6).join(':')}`;
  return groups.join(':');
}

/** A MAC address in one of the usual notations. */
export function mac(rng: Rng): string {
  const bytes = Array.from({ length: 6 }, () => rng.chars(HEX, 2));
  const style = rng.weighted(['colon', 'COLON', 'dash', 'cisco'], [45, 25, 20, 10]);
  if (style === 'colon') return bytes.join(':');
  if (style === 'COLON') return bytes.join(':').toUpperCase();
  if (style === 'dash') return bytes.join('-').toUpperCase();
  const h = bytes.join('');
  return `${h.slice(0, 4)}.${h.slice(4, 8)}.${h.slice(8)}`;
}

// ---------------------------------------------------------------------------------------------
// Secrets

/** An API key in the format of a well-known provider (made up, never issued). */
export function apiKey(rng: Rng): { value: string; vendor: string } {
  const kind = rng.pick([
    'stripe',
    'github',
    'aws',
    'slack',
    'google',
    'openai',
    'gitlab',
    'sendgrid',
    'generic',
  ]);
  switch (kind) {
    case 'stripe':
      return {
        value: `${rng.pick(['sk_live_', 'rk_live_'])}${rng.chars(ALNUM, 24)}`,
        vendor: 'Stripe',
      };
    case 'github':
      return { value: `ghp_${rng.chars(ALNUM, 36)}`, vendor: 'GitHub' };
    case 'aws':
      return { value: `AKIA${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, vendor: 'AWS' };
    case 'slack':
      return {
        value: `xoxb-${rng.digits(12)}-${rng.digits(13)}-${rng.chars(ALNUM, 24)}`,
        vendor: 'Slack',
      };
    case 'google':
      return { value: `AIza${rng.chars(B64URL, 35)}`, vendor: 'Google' };
    case 'openai':
      return { value: `sk-proj-${rng.chars(B64URL, 48)}`, vendor: 'OpenAI' };
    case 'gitlab':
      return { value: `glpat-${rng.chars(B64URL, 20)}`, vendor: 'GitLab' };
    case 'sendgrid':
      return { value: `SG.${rng.chars(B64URL, 22)}.${rng.chars(B64URL, 43)}`, vendor: 'SendGrid' };
    default:
      return { value: rng.chars(HEX, 32), vendor: 'API' };
  }
}

/** A password a person might choose, or a generated one. */
export function password(rng: Rng): string {
  const words = [
    'Sommer',
    'Winter',
    'Soleil',
    'Verano',
    'Sunshine',
    'Dragon',
    'Monkey',
    'Falcon',
    'Katze',
    'Bonjour',
    'Azul',
    'Tiger',
    'Maple',
    'Orange',
  ];
  const style = rng.weighted(['word', 'leet', 'random', 'phrase'], [40, 15, 35, 10]);
  if (style === 'word')
    return rng.pick(words) + rng.int(1, 2025) + rng.pick(['!', '?', '#', '$', '', '*']);
  if (style === 'leet')
    return (
      rng.pick(['P@ssw0rd', 'S3cur1ty', 'Tr0ub4dor', 'W3lc0me', 'L0nd0n', 'M@rseille']) +
      rng.int(10, 99) +
      rng.pick(['!', '&3', '#'])
    );
  if (style === 'phrase')
    return (
      [rng.pick(words), rng.pick(words), rng.pick(words)].join(rng.pick(['-', '.', '_'])) +
      rng.int(1, 99)
    );
  return rng.chars(ALNUM + '!#$%&*+-=?@^_', rng.int(10, 18));
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

/** A JWT with a plausible header and payload and a random (unverifiable) signature. */
export function jwt(rng: Rng): string {
  const header = b64url(JSON.stringify({ alg: rng.pick(['HS256', 'RS256']), typ: 'JWT' }));
  const iat = 1700000000 + rng.int(0, 60000000);
  const payload = b64url(
    JSON.stringify({
      sub: rng.digits(rng.int(6, 10)),
      role: rng.pick(['customer', 'admin', 'user']),
      iat,
      exp: iat + 3600,
    }),
  );
  return `${header}.${payload}.${rng.chars(B64URL, 43)}`;
}

/** A PEM private key block with random body lines. */
export function privateKey(rng: Rng): string {
  const kind = rng.pick([
    'RSA PRIVATE KEY',
    'PRIVATE KEY',
    'EC PRIVATE KEY',
    'OPENSSH PRIVATE KEY',
  ]);
  const lines = [`-----BEGIN ${kind}-----`];
  const n = rng.int(4, 9);
  for (let i = 0; i < n; i++) lines.push(rng.chars(B64, 64));
  lines.push(rng.chars(B64, rng.int(8, 60)) + rng.pick(['', '=', '==']));
  lines.push(`-----END ${kind}-----`);
  return lines.join('\n');
}

/** A URL with a user and password in it. */
export function urlWithCredentials(rng: Rng, host: string, user: string): string {
  const pw = rng.chars(ALNUM, rng.int(8, 16));
  const scheme = rng.pick([
    'postgres',
    'postgresql',
    'mysql',
    'mongodb+srv',
    'https',
    'ftp',
    'redis',
    'amqp',
  ]);
  const port: Record<string, string> = {
    postgres: ':5432',
    postgresql: ':5432',
    mysql: ':3306',
    redis: ':6379',
    amqp: ':5672',
  };
  const path =
    scheme === 'https' || scheme === 'ftp'
      ? rng.pick(['/', '/export/', '/api/v1/'])
      : `/${rng.pick(['shop', 'prod', 'crm', 'orders'])}`;
  return `${scheme}://${user}:${pw}@${host}${rng.chance(0.6) ? (port[scheme] ?? '') : ''}${path}`;
}

// ---------------------------------------------------------------------------------------------
// Crypto wallets

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function sha256(b: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(b).digest());
}

function base58(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

function randomBytes(rng: Rng, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => rng.int(0, 255));
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function bech32Polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i] ?? 0;
  }
  return chk;
}

/** A Bitcoin address: legacy base58check (P2PKH) or bech32 (P2WPKH). */
export function bitcoinAddress(rng: Rng): string {
  const program = randomBytes(rng, 20);
  if (rng.chance(0.5)) {
    const payload = new Uint8Array([0, ...program]);
    const check = sha256(sha256(payload)).slice(0, 4);
    return base58(new Uint8Array([...payload, ...check]));
  }
  // Witness version 0, then the program regrouped from 8-bit to 5-bit words.
  const words = [0];
  let acc = 0;
  let bits = 0;
  for (const b of program) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      words.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) words.push((acc << (5 - bits)) & 31);
  const hrp = 'bc';
  const expand = [...hrp]
    .map((c) => c.charCodeAt(0) >> 5)
    .concat(
      [0],
      [...hrp].map((c) => c.charCodeAt(0) & 31),
    );
  const mod = bech32Polymod([...expand, ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return hrp + '1' + [...words, ...checksum].map((w) => BECH32[w]).join('');
}

/** An Ethereum address with its EIP-55 mixed-case checksum. */
export function ethereumAddress(rng: Rng): string {
  const hex = rng.chars(HEX, 40);
  const hash = keccak_256(new TextEncoder().encode(hex));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = ((hash[i >> 1] ?? 0) >> (i % 2 === 0 ? 4 : 0)) & 15;
    const ch = hex[i] as string;
    out += nibble >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Look-alikes (never labelled)

export const lookalike = {
  /** An order number in one of the shapes shops use. */
  order(rng: Rng): string {
    return rng.weighted(
      [
        `${rng.digits(3)}-${rng.digits(7)}-${rng.digits(7)}`,
        `#${rng.int(100000, 9999999)}`,
        String(rng.int(100000000, 999999999)),
        `ORD-${rng.int(2023, 2025)}-${rng.digits(6)}`,
        `${rng.chars(UPPER, 2)}${rng.digits(8)}`,
        `${rng.int(10000000, 99999999)}`,
      ],
      [15, 25, 15, 20, 10, 15],
    );
  },
  tracking(rng: Rng): string {
    return rng.weighted(
      [
        `1Z${rng.chars(UPPER + DIGITS, 6)}${rng.digits(10)}`,
        `94${rng.digits(20)}`,
        `${rng.digits(10)}`,
        `JJD${rng.digits(18)}`,
        `${rng.chars(UPPER, 2)}${rng.digits(9)}${rng.pick(['DE', 'FR', 'ES', 'GB', 'US'])}`,
        `${rng.digits(12)}`,
      ],
      [25, 15, 15, 15, 15, 15],
    );
  },
  invoice(rng: Rng): string {
    return rng.weighted(
      [
        `INV-${rng.int(2023, 2025)}-${rng.digits(5)}`,
        `RE${rng.digits(8)}`,
        `F-${rng.digits(6)}`,
        `${rng.int(2023, 2025)}/${rng.digits(5)}`,
        `FAC-${rng.digits(7)}`,
      ],
      [30, 20, 20, 15, 15],
    );
  },
  rma(rng: Rng): string {
    return `RMA-${rng.digits(rng.int(6, 8))}`;
  },
  ticket(rng: Rng): string {
    return rng.weighted(
      [
        `#${rng.int(10000, 999999)}`,
        `CS-${rng.digits(6)}`,
        `INC${rng.digits(7)}`,
        `SR-${rng.int(2024, 2025)}-${rng.digits(5)}`,
      ],
      [40, 20, 20, 20],
    );
  },
  sku(rng: Rng): string {
    return rng.weighted(
      [
        `${rng.chars(UPPER, 3)}-${rng.digits(4)}-${rng.chars(UPPER, 2)}`,
        `${rng.digits(3)}-${rng.digits(4)}-${rng.digits(2)}`,
        `SKU ${rng.digits(8)}`,
        `${rng.chars(UPPER, 2)}${rng.digits(4)}${rng.chars(UPPER, 1)}`,
      ],
      [30, 25, 20, 25],
    );
  },
  serial(rng: Rng): string {
    return rng.weighted(
      [
        `SN${rng.chars(UPPER + DIGITS, 10)}`,
        `${rng.chars(UPPER, 3)}${rng.digits(9)}`,
        `${rng.digits(4)}-${rng.digits(4)}-${rng.digits(4)}`,
      ],
      [40, 35, 25],
    );
  },
  uuid(rng: Rng): string {
    const h = rng.chars(HEX, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
  },
  sha(rng: Rng, n = 40): string {
    return rng.chars(HEX, n);
  },
  version(rng: Rng): string {
    return rng.weighted(
      [
        `${rng.int(1, 12)}.${rng.int(0, 30)}.${rng.int(0, 20)}`,
        `v${rng.int(1, 5)}.${rng.int(0, 19)}.${rng.int(0, 9)}`,
        `${rng.int(1, 20)}.${rng.int(0, 9)}.${rng.int(0, 99)}.${rng.int(0, 9999)}`,
        `${rng.int(2023, 2025)}.${rng.int(1, 12)}.${rng.int(1, 9)}`,
      ],
      [35, 25, 25, 15],
    );
  },
  errcode(rng: Rng): string {
    return rng.weighted(
      [
        `0x${rng.chars('0123456789ABCDEF', 8)}`,
        `E-${rng.digits(4)}`,
        `ERR_${rng.pick(['CONNECTION_RESET', 'TIMEOUT', 'SSL_PROTOCOL', 'NAME_NOT_RESOLVED', 'CERT_DATE_INVALID'])}`,
        `HTTP ${rng.pick(['500', '502', '503', '404', '403', '429'])}`,
        `code ${rng.int(1000, 9999)}`,
      ],
      [25, 25, 20, 15, 15],
    );
  },
};
