import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { isValidItin, usItin } from './us-itin.ts';

describe('us-itin', () => {
  it('accepts only the issued group ranges', () => {
    const ok = (g: number) => isValidItin(`912${String(g).padStart(2, '0')}4821`);
    const issued = [50, 65, 70, 88, 90, 92, 94, 99];
    const never = [0, 49, 66, 69, 89, 93];
    for (const g of issued) expect(ok(g), String(g)).toBe(true);
    for (const g of never) expect(ok(g), String(g)).toBe(false);
    expect(isValidItin('812704821')).toBe(false);
  });

  it('finds the dashed form alone and the bare form only with a label', () => {
    const found = (t: string) => scanWith([usItin], t).map((f) => t.slice(f.start, f.end));
    expect(found('912-70-4821')).toEqual(['912-70-4821']);
    expect(found('912704821')).toEqual([]);
    expect(found('ITIN: 912704821')).toEqual(['912704821']);
    expect(found('Order 912704821, ITIN on file')).toEqual([]);
  });
});
