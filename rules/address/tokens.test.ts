import { describe, expect, it } from 'vitest';
import { WordFlags, wordHash } from './tokens.ts';

describe('WordFlags', () => {
  it('answers like a map from word hash to the union of its flags, through resizes', () => {
    let seed = 17;
    // A 32-bit linear congruential generator: fixed inputs, no flaky runs.
    const rnd = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % k;
    const word = () => {
      let w = '';
      for (let k = 1 + rnd(9); k > 0; k--) w += String.fromCharCode(97 + rnd(26));
      return w;
    };
    const table = new WordFlags();
    const want = new Map<number, number>();
    // Enough words for several resizes (the table starts with 1024 slots, at most a quarter full).
    for (let i = 0; i < 3000; i++) {
      const w = word();
      const flag = 2 << rnd(20);
      table.add([w], flag);
      const h = wordHash(w, 0, w.length);
      want.set(h, (want.get(h) ?? 0) | flag);
    }
    for (const [h, flags] of want) expect(table.get(h)).toBe(flags);
    // Unlisted hashes have no flags.
    for (let i = 0; i < 20000; i++) {
      const w = word() + 'q';
      const h = wordHash(w, 0, w.length);
      expect(table.get(h)).toBe(want.get(h) ?? 0);
    }
  });
});
