/**
 * rules/phone/metadata.ts is what scripts/build-phone-metadata.mjs writes from the installed
 * libphonenumber-js, and reading it back (rules/phone/validate.ts) gives every field the
 * validator uses exactly as the library holds it. rules/phone/validate.test.ts then checks that
 * the validator answers as the library does with those plans.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types.
import { DIALLED_FROM, render, subset } from '../../scripts/build-phone-metadata.mjs';
import { OTHER_CALLING_CODES, PHONE_PLANS } from './metadata.ts';
import { WITH_ZERO, WITHOUT_ZERO } from './national.ts';
import { numbersOf, PhonePlans, readPlans, type NumberType, type PlanFields } from './validate.ts';

const require = createRequire(import.meta.url);
const full = require('libphonenumber-js/metadata.min.json') as {
  country_calling_codes: Record<string, string[]>;
};

/** A country's entry in libphonenumber-js's "version 4" layout (metadata.min.json). */
type Entry = [
  string, // 0 calling code
  string, // 1 IDD prefix
  string, // 2 national number pattern
  number[], // 3 possible lengths
  unknown, // 4 formats
  (string | 0)?, // 5 national prefix
  unknown?, // 6 national prefix formatting rule
  (string | 0)?, // 7 national prefix for parsing
  (string | 0)?, // 8 national prefix transform rule
  unknown?, // 9 national prefix optional when formatting
  (string | 0)?, // 10 leading digits
  (([string, number[]?] | 0)[] | 0)?, // 11 number types
];

const { metadata } = subset(full) as {
  metadata: { country_calling_codes: Record<string, string[]>; countries: Record<string, Entry> };
};

/** What validate.ts reads of a library entry, as it reads it. */
function expected(entry: Entry, shared: boolean): PlanFields {
  const types: (NumberType | null)[] = (Array.isArray(entry[11]) ? entry[11] : []).map((t) =>
    Array.isArray(t) && t[0] ? { pattern: t[0], lengths: t[1] ?? entry[3] } : null,
  );
  // A type missing at the end and one never listed read the same: as no such type.
  while (types.length > 0 && types[types.length - 1] === null) types.pop();
  return {
    code: entry[0],
    idd: entry[1],
    national: entry[2],
    lengths: entry[3],
    // libphonenumber-js parses with the national prefix where a plan has no prefix for parsing.
    prefix: entry[7] || entry[5] || '',
    transform: entry[8] || '',
    // Leading digits only choose between countries sharing a calling code.
    leading: shared ? entry[10] || '' : '',
    types,
  };
}

describe('phone metadata', () => {
  it('matches the installed libphonenumber-js (run node scripts/build-phone-metadata.mjs)', () => {
    const committed = readFileSync(new URL('./metadata.ts', import.meta.url), 'utf8');
    expect(committed).toBe(render(full));
  });

  it('reads back every field the validator uses as the library holds it', () => {
    const read = readPlans(PHONE_PLANS);
    const codes = metadata.country_calling_codes;
    const countries = Object.keys(metadata.countries);
    expect([...read.keys()].sort()).toEqual(countries.sort());
    expect(countries.length).toBeGreaterThan(60);
    for (const list of Object.values(codes)) {
      for (const country of list) {
        expect(read.get(country), country).toEqual(
          expected(metadata.countries[country]!, list.length > 1),
        );
      }
    }
  });

  it('keeps the countries of a shared calling code in the library order', () => {
    const plans = new PhonePlans(PHONE_PLANS);
    for (const [code, list] of Object.entries(metadata.country_calling_codes)) {
      expect(plans.countries(code), code).toEqual(list);
    }
    expect(plans.countries('1')).toEqual(['US', 'CA']);
  });

  it('lists every other calling code the library knows, once', () => {
    const others = numbersOf(OTHER_CALLING_CODES).map(String);
    const shipped = Object.keys(metadata.country_calling_codes);
    expect(new Set([...others, ...shipped]).size).toBe(others.length + shipped.length);
    expect([...others, ...shipped].sort()).toEqual(Object.keys(full.country_calling_codes).sort());
  });

  it('keeps the international prefix of every country the detector dials from', () => {
    const dialled = DIALLED_FROM as string[];
    for (const country of [...WITH_ZERO, ...WITHOUT_ZERO])
      expect(dialled, country).toContain(country);
    const read = readPlans(PHONE_PLANS);
    const libraryIdd = (c: string) =>
      (full as unknown as { countries: Record<string, Entry> }).countries[c]![1];
    for (const country of dialled)
      expect(read.get(country)?.idd, country).toBe(libraryIdd(country));
  });

  it('reads lists of numbers with ranges', () => {
    expect(numbersOf('4,6-9')).toEqual([4, 6, 7, 8, 9]);
    expect(numbersOf('10')).toEqual([10]);
    expect(numbersOf('7,10')).toEqual([7, 10]);
  });
});
