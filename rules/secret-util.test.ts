import { describe, expect, it } from 'vitest';
import { looksRandom, wordiness } from './secret-util.ts';

describe('wordiness', () => {
  it('is the share of the matches of /[A-Z]?[a-z]{2,}/g, which it counts by hand', () => {
    expect(wordiness('mustBeStringOrUint8Array')).toBeCloseTo(19 / 24); // must, String, Uint, Array
    expect(wordiness('')).toBe(0);
    let s = 17;
    const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x7fffffff);
    for (let k = 0; k < 2000; k++) {
      const value = Array.from({ length: Math.floor(next() * 16) }, () =>
        'aAbZz09_é q'.charAt(Math.floor(next() * 11)),
      ).join('');
      let n = 0;
      for (const m of value.matchAll(/[A-Z]?[a-z]{2,}/g)) n += m[0].length;
      expect(wordiness(value), value).toBe(value.length === 0 ? 0 : n / value.length);
    }
  });
});

describe('looksRandom', () => {
  it('takes random 32-hex keys whatever their measured entropy, not stand-ins', () => {
    // Seeded hex strings: about one in five measures under 3.5 bits a character.
    let s = 7;
    const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x7fffffff);
    let taken = 0;
    for (let k = 0; k < 1000; k++) {
      const hex = Array.from(
        { length: 32 },
        () => '0123456789abcdef'[Math.floor(next() * 16)],
      ).join('');
      if (looksRandom(hex)) taken++;
    }
    expect(taken).toBeGreaterThanOrEqual(990);
    expect(looksRandom('a5aaf90f25faa664c5132e43a4ca9767')).toBe(true);
    expect(looksRandom('00000000000000000000000000000000')).toBe(false);
    expect(looksRandom('0123456789abcdef0123456789abcdef')).toBe(false);
  });
});
