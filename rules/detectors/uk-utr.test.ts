import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { isValidUtr, ukUtr } from './uk-utr.ts';

describe('uk-utr', () => {
  it('checks the first digit against the weighted sum of the other nine', () => {
    // By hand: 2*6 + 3*7 + 4*8 + 5*9 + 6*10 + 7*5 + 8*4 + 9*3 + 0*2 = 264; 264 mod 11 = 0 -> '2'.
    expect(isValidUtr('2234567890')).toBe(true);
    for (let c = 0; c <= 9; c++) if (c !== 2) expect(isValidUtr(`${c}234567890`)).toBe(false);
    // Remainder 1 and 10 both map to '1'; no remainder maps to '0'.
    expect(isValidUtr('1284650193')).toBe(true);
    expect(isValidUtr('0284650193')).toBe(false);
  });

  it('needs a label, and a closer non-personal label wins', () => {
    const found = (t: string) => scanWith([ukUtr], t).map((f) => t.slice(f.start, f.end));
    expect(found('2234567890')).toEqual([]);
    expect(found('UTR: 2234567890')).toEqual(['2234567890']);
    expect(found('Unique Taxpayer Reference: 2234567890')).toEqual(['2234567890']);
    expect(found('HMRC: UTR pending. Account number 2234567890')).toEqual([]);
  });
});
