import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { isValidPesel, plPesel } from './pl-pesel.ts';

/** A PESEL with its check digit computed here, independently of the detector. */
function pesel(first10: string): string {
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * w[i]!;
  return first10 + String((10 - (sum % 10)) % 10);
}

const found = (t: string) => scanWith([plPesel], t).map((f) => t.slice(f.start, f.end));

describe('pl-pesel', () => {
  it('reads the century from the month', () => {
    expect(isValidPesel(pesel('8503120736'))).toBe(true); // 1985-03-12
    expect(isValidPesel(pesel('0223120736'))).toBe(true); // 2002-03-12
    expect(isValidPesel(pesel('9983120736'))).toBe(true); // 1899-03-12
    expect(isValidPesel(pesel('2543120736'))).toBe(false); // 2125: nobody born yet
    expect(isValidPesel(pesel('2563120736'))).toBe(false); // 2225
    expect(isValidPesel(pesel('0022290736'))).toBe(true); // 29 February 2000
    expect(isValidPesel(pesel('0002290736'))).toBe(false); // 29 February 1900
    expect(isValidPesel(pesel('0082290736'))).toBe(false); // 29 February 1800
  });

  it('finds generated numbers beside their name, and none with another check digit', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 200; i++) {
      const yy = String(rnd(100)).padStart(2, '0');
      const mm = String(1 + rnd(12) + (rnd(2) === 0 ? 0 : 20)).padStart(2, '0');
      const dd = String(1 + rnd(28)).padStart(2, '0');
      const value = pesel(yy + mm + dd + String(rnd(10000)).padStart(4, '0'));
      expect(found(`PESEL: ${value}`), value).toEqual([value]);
      const wrong = value.slice(0, 10) + String((Number(value[10]) + 1 + rnd(9)) % 10);
      expect(found(`PESEL: ${wrong}`), wrong).toEqual([]);
    }
  });
});
