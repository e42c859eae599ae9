import { describe, expect, it } from 'vitest';
import { scan } from '../index.ts';
import { scanWith } from '../engine.ts';
import { nlBsn } from './nl-bsn.ts';

const found = (t: string) => scanWith([nlBsn], t).map((f) => t.slice(f.start, f.end));

describe('nl-bsn', () => {
  it('finds generated 11-proof numbers beside their name, and none with another last digit', () => {
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    let checked = 0;
    while (checked < 200) {
      const first8 = String(rnd(100_000_000)).padStart(8, '0');
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += Number(first8[i]) * (9 - i);
      // The last digit counts -1: it must equal the sum mod 11, so a remainder of 10 has none.
      if (sum % 11 === 10) continue;
      const value = first8 + String(sum % 11);
      expect(found(`BSN: ${value}`), value).toEqual([value]);
      const dotted = `${value.slice(0, 4)}.${value.slice(4, 6)}.${value.slice(6)}`;
      expect(found(`burgerservicenummer ${dotted}`), dotted).toEqual([dotted]);
      const wrong = first8 + String((sum + 1 + rnd(9)) % 10);
      if ((sum - Number(wrong[8])) % 11 !== 0) expect(found(`BSN: ${wrong}`), wrong).toEqual([]);
      checked++;
    }
  });

  it('wins over the phone detector beside its name', () => {
    const t = 'BSN: 111222333';
    expect(scan(t).map((f) => [t.slice(f.start, f.end), f.type])).toEqual([
      ['111222333', 'NATIONAL_ID'],
    ]);
  });
});
