import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { frInsee } from './fr-insee.ts';

const found = (text: string) =>
  scanWith([frInsee], text).map((f) => [text.slice(f.start, f.end), f.type]);

describe('fr-insee', () => {
  it('computes the key of Corsican numbers with 2A as 19 and 2B as 18', () => {
    expect(found('NIR 1 85 05 2A 012 345 79')).toEqual([['1 85 05 2A 012 345 79', 'NATIONAL_ID']]);
    // The same digits with 2B need another key.
    expect(found('NIR 1 85 05 2B 012 345 79')).toEqual([]);
  });

  it('reports a health id on a carte Vitale, a national id elsewhere', () => {
    expect(found('n° de carte Vitale 1 85 05 78 006 084 91')[0]?.[1]).toBe('HEALTH_ID');
    expect(found('numéro de sécurité sociale : 1 85 05 78 006 084 91')[0]?.[1]).toBe('NATIONAL_ID');
  });

  it('keeps a label on its own line against an invoice on the next', () => {
    expect(found('Mon NIR est le 185057800608491.\nTél. : 01 23 45 67 89')).toEqual([
      ['185057800608491', 'NATIONAL_ID'],
    ]);
  });
});
