import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { deIdCard, isDeIdCardNumber } from './de-id-card.ts';

describe('de-id-card', () => {
  it('checks the tenth character with ICAO 7-3-1 weights', () => {
    // The published specimen T22000129 has check digit 3 (T=29: 29*7 + 2*3 + 2*1 + 1*7 + 2*3 +
    // 9*1 = 233); it is valid but rejected as a placeholder.
    expect(isDeIdCardNumber('TNN1303LT4')).toBe(true);
    expect(isDeIdCardNumber('TNN1303LT5')).toBe(false);
    expect(isDeIdCardNumber('T220001293')).toBe(false);
    // Vowels and B, D, Q, S are not in the card alphabet.
    expect(isDeIdCardNumber('TAN1303LT')).toBe(false);
  });

  it('takes the value after the nearest label only', () => {
    const found = (t: string) => scanWith([deIdCard], t).map((f) => t.slice(f.start, f.end));
    expect(found('TNN1303LT4')).toEqual([]);
    expect(found('Personalausweisnummer TNN1303LT4\nReisepass-Nr. C7H2K9R41')).toEqual([
      'TNN1303LT4',
    ]);
    expect(found('Personalausweis und Führerschein: TNN1303LT4')).toEqual([]);
  });
});
