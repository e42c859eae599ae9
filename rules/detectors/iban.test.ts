import { countrySpecs, isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { mod97 } from '../checksums.ts';
import { scanWith } from '../engine.ts';
import { IBAN_LENGTHS, iban } from './iban.ts';

function found(text: string): string[] {
  return scanWith([iban], text).map((f) => text.slice(f.start, f.end));
}

/** A valid IBAN of the right length for `country`, with made-up digits. */
function makeIban(country: string, length: number, seed: number): string {
  let bban = '';
  for (let i = 0; i < length - 4; i++) bban += String((seed * 7 + i * 13 + 3) % 10);
  const check = 98 - mod97(bban + country + '00');
  return country + String(check).padStart(2, '0') + bban;
}

describe('iban', () => {
  it('has the same country lengths as ibantools', () => {
    const ours = Object.fromEntries(
      [...IBAN_LENGTHS.matchAll(/([A-Z]{2})(\d\d)/g)].map((m) => [m[1], Number(m[2])]),
    );
    const theirs = Object.fromEntries(
      Object.entries(countrySpecs)
        .filter(([, spec]) => spec.chars)
        .map(([code, spec]) => [code, spec.chars]),
    );
    expect(ours).toEqual(theirs);
  });

  it('finds a valid IBAN of every country, unbroken and grouped by four', () => {
    for (const m of IBAN_LENGTHS.matchAll(/([A-Z]{2})(\d\d)/g)) {
      const value = makeIban(m[1]!, Number(m[2]), m.index);
      expect(found(`IBAN ${value}.`), value).toEqual([value]);
      const grouped = value.replace(/(.{4})(?=.)/g, '$1 ');
      expect(found(`IBAN ${grouped}.`), grouped).toEqual([grouped]);
    }
  });

  it('agrees with ibantools on valid IBANs', () => {
    const samples = ['DE68210501700012345678', 'GB26MIDL40051512345674', 'NL81RABO0312345678'];
    for (const s of samples) {
      expect(isValidIBAN(s)).toBe(true);
      expect(found(s)).toEqual([s]);
    }
  });

  it('rejects a wrong check digit, a wrong length and an unknown country', () => {
    expect(found('DE68210501700012345677')).toEqual([]);
    expect(found('DE6821050170001234567')).toEqual([]);
    expect(found('DE682105017000123456789')).toEqual([]);
    expect(found('QQ68210501700012345678')).toEqual([]);
  });

  it('rejects irregular grouping and mixed separators', () => {
    expect(found('DE68 21050 170 0012 3456 78')).toEqual([]);
    expect(found('DE68 2105-0170 0012 3456 78')).toEqual([]);
  });

  it('keeps documented example IBANs below the threshold beside "example"', () => {
    expect(found('e.g. DE89 3704 0044 0532 0130 00')).toEqual([]);
    expect(found('Send it to DE89 3704 0044 0532 0130 00')).toEqual([
      'DE89 3704 0044 0532 0130 00',
    ]);
  });
});
