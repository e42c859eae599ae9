import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { fiHetu, isValidHetu } from './fi-hetu.ts';

const TABLE = '0123456789ABCDEFHJKLMNPRSTUVWXY';
/** The check character, computed here independently of the detector. */
const check = (date: string, serial: string) => TABLE[Number(date + serial) % 31]!;

const found = (t: string) => scanWith([fiHetu], t).map((f) => t.slice(f.start, f.end));

describe('fi-hetu', () => {
  it('reads the century from the sign', () => {
    // 29 February 2000 ("A") existed; in 1900 ("-", "Y") and 1800 ("+") it did not.
    const q = check('290200', '664');
    expect(isValidHetu('290200', 'A', '664', q)).toBe(true);
    expect(isValidHetu('290200', 'F', '664', q)).toBe(true);
    expect(isValidHetu('290200', '-', '664', q)).toBe(false);
    expect(isValidHetu('290200', 'Y', '664', q)).toBe(false);
    expect(isValidHetu('290200', '+', '664', q)).toBe(false);
    expect(isValidHetu('290296', 'U', '664', check('290296', '664'))).toBe(true);
    // Individual numbers start at 002.
    expect(isValidHetu('050387', '-', '001', check('050387', '001'))).toBe(false);
  });

  it('finds generated codes alone, and none with another check character', () => {
    let seed = 9;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const signs = '-YXWVUABCDEF';
    for (let i = 0; i < 200; i++) {
      const date =
        String(1 + rnd(28)).padStart(2, '0') +
        String(1 + rnd(12)).padStart(2, '0') +
        String(rnd(100)).padStart(2, '0');
      const serial = String(2 + rnd(898)).padStart(3, '0');
      const q = check(date, serial);
      const value = date + signs[rnd(signs.length)] + serial + q;
      expect(found(`Asiakas ${value}`), value).toEqual([value]);
      const wrong = value.slice(0, 10) + TABLE[(TABLE.indexOf(q) + 1 + rnd(30)) % 31];
      expect(found(`Asiakas ${wrong}`), wrong).toEqual([]);
    }
  });
});
