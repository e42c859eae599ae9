import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { frSpi, isValidSpi } from './fr-spi.ts';

describe('fr-spi', () => {
  it('checks the last three digits against the first ten mod 511', () => {
    // 3023217600 = 511 * 5916277 + 53.
    expect(isValidSpi('3023217600053')).toBe(true);
    expect(isValidSpi('3023217600054')).toBe(false);
    // A first digit above 3 is never issued.
    expect(isValidSpi('4023217600' + String(4023217600 % 511).padStart(3, '0'))).toBe(false);
  });

  it('needs a label; the document a value goes on is not its label', () => {
    const found = (t: string) => scanWith([frSpi], t).map((f) => t.slice(f.start, f.end));
    expect(found('3023217600053')).toEqual([]);
    expect(found('Mon SPI sur la facture : 3023217600053')).toEqual(['3023217600053']);
    expect(found('Facture 3023217600053 (numéro fiscal à part)')).toEqual([]);
  });
});
