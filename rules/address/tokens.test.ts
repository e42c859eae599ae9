import { describe, expect, it } from 'vitest';
import { Tokens, WordFlags, wordHash } from './tokens.ts';
import { COMPOUND_ENDINGS, PREFIX_TYPES, STRONG_SUFFIX_TYPES, UNIT_WORDS } from './words.ts';

// A 32-bit linear congruential generator: fixed inputs, no flaky runs.
function random(seed: number): (k: number) => number {
  return (k) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % k;
}

describe('WordFlags', () => {
  it('answers like a map from word hash to the union of its flags, through resizes', () => {
    const rnd = random(17);
    const word = () => {
      let w = '';
      for (let k = 1 + rnd(9); k > 0; k--) w += String.fromCharCode(97 + rnd(26));
      return w;
    };
    const table = new WordFlags();
    const want = new Map<number, number>();
    // Enough words for several resizes (the table starts with 1024 slots, at most a quarter full),
    // in 20 lists, each with its flag; some words are in several lists.
    for (let k = 0; k < 20; k++) {
      const list = Array.from({ length: 150 }, word);
      const f = table.flag(list);
      for (const w of list) want.set(wordHash(w), (want.get(wordHash(w)) ?? 0) | f);
    }
    for (const [h, f] of want) expect(table.get(h)).toBe(f);
    // Unlisted hashes have no flags.
    for (let i = 0; i < 20000; i++) {
      const h = wordHash(word() + 'q');
      expect(table.get(h)).toBe(want.get(h) ?? 0);
    }
  });

  it('tells the words that end with a listed ending after two letters or more', () => {
    const table = new WordFlags();
    table.tailFlag(['straße', 'gatan', 'vej']);
    const ends = (w: string) => table.endsListed(w, 0, w.length);
    expect(['musterstraße', 'magasinsgatan', 'hersnapvej'].map(ends)).toEqual([true, true, true]);
    // The ending alone, or with one letter before it, is no compound; neither is a near miss.
    expect(['straße', 'xstraße', 'gatas', 'invoice'].map(ends)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('Tokens', () => {
  const table = new WordFlags();
  const lists = [PREFIX_TYPES, STRONG_SUFFIX_TYPES, UNIT_WORDS].map((set) => ({
    set,
    flag: table.flag(set),
  }));
  table.tailFlag(COMPOUND_ENDINGS);

  // Spellings the scanner must not lose: any case, the Kelvin sign for "k", an "İ" or a "Σ"
  // (whose lower case is not that of each letter), an apostrophe part, letters above ASCII.
  const spell = (w: string, k: number): string =>
    [
      w,
      w.toUpperCase(),
      w[0]!.toUpperCase() + w.slice(1),
      w.replace(/k/g, '\u212A'),
      'İ' + w,
      w + 'Σ',
      "d'" + w,
      w + 'é',
    ][k % 8]!;

  it('gives every word of a list that list’s flag, however it is written', () => {
    const rnd = random(5);
    const words = [...lists.flatMap((l) => [...l.set]), ...COMPOUND_ENDINGS.map((e) => 'xy' + e)];
    for (let round = 0; round < 40; round++) {
      const text = Array.from({ length: 200 }, () => spell(words[rnd(words.length)]!, rnd(8)))
        .map((w, k) => (k % 7 === 3 ? `${w}, 12` : w))
        .join(' ');
      const t = new Tokens(text, table);
      try {
        for (let i = 0; i < t.length; i++) {
          if (!t.isWord(i)) continue;
          const low = t.low(i);
          for (const { set, flag } of lists) if (set.has(low)) expect(t.flags(i) & flag).toBe(flag);
          const compound = COMPOUND_ENDINGS.some(
            (e) => low.length >= e.length + 2 && low.endsWith(e),
          );
          if (compound) expect(t.flags(i) & table.tailBit).toBe(table.tailBit);
        }
      } finally {
        t.release();
      }
    }
  });

  it('marks the numbers and the words with a marking flag, in order', () => {
    table.marking = lists[2]!.flag;
    const text = 'Apt 4, Floor 12 at the rue de Rivoli';
    const t = new Tokens(text, table);
    try {
      const marked = Array.from({ length: t.marks }, (_, m) => t.str(t.marked(m)));
      expect(marked).toEqual(['Apt', '4', 'Floor', '12']);
    } finally {
      t.release();
      table.marking = 0;
    }
  });
});
