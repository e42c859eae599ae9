import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { auTfn } from './au-tfn.ts';

const found = (t: string) => scanWith([auTfn], t).map((f) => t.slice(f.start, f.end));

describe('au-tfn', () => {
  it('accepts the number worked through in the ATO check-digit explanations', () => {
    // 1x1 + 2x4 + 3x3 + 4x7 + 5x5 + 6x8 + 7x6 + 8x9 + 2x10 = 253 = 23 x 11.
    expect(found('TFN 123 456 782')).toEqual(['123 456 782']);
    expect(found('TFN 123 456 783')).toEqual([]);
  });

  it('finds generated nine-digit numbers beside their name only', () => {
    const w = [1, 4, 3, 7, 5, 8, 6, 9, 10];
    let seed = 3;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    let checked = 0;
    while (checked < 200) {
      const first8 = String(10_000_000 + rnd(90_000_000));
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += Number(first8[i]) * w[i]!;
      // The last digit d must make sum + 10d a multiple of 11, so d = sum mod 11 (10 has none).
      if (sum % 11 === 10) continue;
      const value = first8 + String(sum % 11);
      expect(found(`Tax file number: ${value}`), value).toEqual([value]);
      expect(found(`Number: ${value}`), value).toEqual([]);
      checked++;
    }
  });
});
