import { describe, expect, it } from 'vitest';
import { MAX_SHINGLES, PREHASH, prehashes, shingles, words } from './fingerprint.ts';

const MESSAGE =
  'Hello, my parcel never arrived and the tracking page has said out for delivery since Monday. ' +
  'Could you please send a replacement to the same place as before? Thank you for your help.';

describe('fingerprint', () => {
  it('normalises case, width and punctuation into words', () => {
    expect(words('Ｈｅｌｌｏ,  WORLD!\n\tagain')).toEqual(['hello', 'world', 'again']);
  });

  it('makes overlapping five-word shingles, none for a short text', () => {
    expect(shingles('one two three four five six')).toEqual([
      'one two three four five',
      'two three four five six',
    ]);
    expect(shingles('only four words here')).toEqual([]);
  });

  it('gives the same pre-hashes whatever the whitespace and case', async () => {
    const reflowed = MESSAGE.toUpperCase().replace(/ /g, '  \n ');
    expect(await prehashes(reflowed)).toEqual(await prehashes(MESSAGE));
    const all = await prehashes(MESSAGE);
    expect(all.length).toBeGreaterThan(20);
    for (const h of all) expect(h).toMatch(PREHASH);
  });

  it('bounds the shingles of a huge text', () => {
    const huge = Array.from({ length: MAX_SHINGLES * 2 }, (_, i) => `w${i}`).join(' ');
    expect(shingles(huge)).toHaveLength(MAX_SHINGLES);
  });
});
