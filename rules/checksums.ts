/**
 * Check-digit algorithms shared by detectors. Pure functions over digit strings; every caller
 * strips separators first.
 */

/** Luhn (mod 10): payment cards, Canadian SIN, US NPI (with prefix 80840). */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff: Indian Aadhaar. */
export function verhoeff(digits: string): boolean {
  let c = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const d = digits.charCodeAt(n - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![d]!]!;
  }
  return n > 0 && c === 0;
}

/** ISO 7064 mod 97-10 over an alphanumeric string (letters A=10..Z=35): IBAN. */
export function mod97(value: string): number {
  let rem = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      rem = (rem * 10 + (c - 48)) % 97;
    } else if (c >= 65 && c <= 90) {
      rem = (rem * 100 + (c - 55)) % 97;
    } else {
      return -1;
    }
  }
  return rem;
}

// Module-level patterns for the helpers below, which run per candidate in every scan: a regex
// literal inside a function makes a new RegExp object each time it runs.
const NON_DIGITS = /\D+/g;
const ONE_DIGIT_REPEATED = /^(\d)\1+$/;

/** Keeps only ASCII digits. */
export function digitsOf(value: string): string {
  return value.replace(NON_DIGITS, '');
}

/** True when every digit is the same, or the digits run up or down (123456789): not real ids. */
export function isTrivialDigits(digits: string): boolean {
  if (digits.length < 2) return true;
  if (ONE_DIGIT_REPEATED.test(digits)) return true;
  const asc = '01234567890123456789';
  const desc = '98765432109876543210';
  return asc.includes(digits) || desc.includes(digits);
}

/**
 * The sum of each digit times its weight, over the first `weights.length` digits (NaN when one
 * of them is not a digit): the weighted sums of PESEL, BSN, CPF and the Australian TFN, which
 * differ only in their weights and modulus.
 */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return NaN;
    sum += d * weights[i]!;
  }
  return sum;
}
