/**
 * The finder's shortcuts must not change what it finds: each cheap check that decides whether
 * a pattern runs may only reject texts the pattern rejects too, and the word cache must give
 * the same answers once it is full. rules/detectors/person-name.test.ts tests the behaviour;
 * `npx tsx test/bench/golden.ts compare` checks the whole corpus against a recording.
 */
import { describe, expect, it } from 'vitest';
import { PARTICLE_SECOND_SET, PARTICLE_SET } from './lexicon.ts';
import {
  CUE_AFTER_AS_ROLE,
  CUE_AFTER_PAREN_ROLE,
  CUE_WROTE,
  EMAIL_AFTER,
  endsLineAfter,
  findNames,
  hasTextBetween,
  NOT_BLANK_OR_QUOTE,
  mayAsRole,
  mayEmail,
  mayParenRole,
  mayWrote,
  particleGap,
} from './finder.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The characters the checks decide on, the letters the patterns start with, and characters
// beyond ASCII that are white space or fold to ASCII letters under the `i` and `u` flags.
const PIECES = [
  ' ',
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '(',
  ')',
  '<',
  '>',
  ',',
  ';',
  ':',
  '|',
  '"',
  "'",
  '@',
  '.',
  'a',
  'A',
  's',
  'w',
  'r',
  'x',
  'Z',
  '1',
  '\u00a0',
  '\u2028',
  '\u017f',
  '\u212a',
  'é',
  'as ',
  'as a beneficiary',
  'wrote',
  'Wrote',
  'said',
  'a écrit',
  'agent)',
  '(agent)',
  'jo@',
  ', jo@example.org',
  'van',
  'de',
  'la',
  'der',
  'della',
  'and',
  'ibn',
  'zu',
];

function randomText(next: () => number): string {
  let s = '';
  const n = 1 + Math.floor(next() * 8);
  for (let k = 0; k < n; k++) s += PIECES[Math.floor(next() * PIECES.length)]!;
  return s;
}

describe('finder shortcuts reject only what their pattern rejects', () => {
  const next = random(20240611);
  const samples = Array.from({ length: 30000 }, () => randomText(next));
  // The texts a pattern matches, to show the samples reach every pattern.
  const hits = { wrote: 0, email: 0, paren: 0, as: 0, line: 0, particle: 0 };

  it.each([
    ['mayWrote', mayWrote, CUE_WROTE, 'wrote'],
    ['mayEmail', mayEmail, EMAIL_AFTER, 'email'],
    ['mayParenRole', mayParenRole, CUE_AFTER_PAREN_ROLE, 'paren'],
    ['mayAsRole', mayAsRole, CUE_AFTER_AS_ROLE, 'as'],
  ] as const)('%s', (_name, check, pattern, key) => {
    for (const sample of samples) {
      // The check reads the text after `end`; the pattern sees the 48 characters from there.
      const text = 'Name' + sample;
      const window = text.slice(4, 4 + 48);
      if (pattern.test(window)) {
        hits[key]++;
        expect(check(text, 4), JSON.stringify(sample)).toBe(true);
      }
    }
    expect(hits[key]).toBeGreaterThan(20);
  });

  it('endsLineAfter is /^[ \\t]*(?:\\r?\\n|$)/ on the 48 characters after the name', () => {
    const long = ' '.repeat(47) + 'x';
    for (const sample of [...samples, long, ' '.repeat(48) + 'x', ' '.repeat(47) + '\r\n']) {
      const text = 'Name' + sample;
      const expected = /^[ \t]*(?:\r?\n|$)/.test(text.slice(4, 4 + 48));
      if (expected) hits.line++;
      expect(endsLineAfter(text, 4), JSON.stringify(sample)).toBe(expected);
    }
    expect(hits.line).toBeGreaterThan(20);
  });

  it('hasTextBetween is NOT_BLANK_OR_QUOTE, or trim(), on the slice', () => {
    const extra = ['>', ' > ', '\u3000', '\ufeff', '\u200b', '\u2029x', ''];
    for (const sample of [...samples, ...extra]) {
      const text = `A${sample}B`;
      const to = 1 + sample.length;
      expect(hasTextBetween(text, 1, to, true), JSON.stringify(sample)).toBe(
        NOT_BLANK_OR_QUOTE.test(sample),
      );
      expect(hasTextBetween(text, 1, to, false), JSON.stringify(sample)).toBe(
        sample.trim().length > 0,
      );
    }
  });

  it('particleGap agrees with the string test it replaces', () => {
    // The test in joined(): trim the gap, split it at spaces, look the words up.
    const slow = (gap: string): boolean => {
      const words = gap.trim().split(' ');
      if (words.length === 1) return PARTICLE_SET.has(words[0]!);
      return (
        words.length === 2 && PARTICLE_SET.has(words[0]!) && PARTICLE_SECOND_SET.has(words[1]!)
      );
    };
    const gaps = [
      ...samples.map((s) => ` ${s} `),
      ' van ',
      ' van der ',
      ' de la ',
      ' della ',
      '  van  ',
      ' van  der ',
      ' \u00a0van ',
      ' van\tder ',
      ' Van ',
      ' vanderx ',
    ];
    for (const gap of gaps) {
      const text = `A${gap}B`;
      const fast = particleGap(text, 1, 1 + gap.length);
      // -1 leaves the gap to the string test; otherwise the answers must agree.
      if (fast !== -1) expect(fast === 1, JSON.stringify(gap)).toBe(slow(gap));
      if (slow(gap)) hits.particle++;
    }
    expect(hits.particle).toBeGreaterThan(5);
  });
});

describe('the word cache', () => {
  it('gives the same findings once it is full', () => {
    const text =
      'Dear Mr. Okonkwo, thank you. I spoke with Ludwig van Dijk and Sarah Connor.\n' +
      'Best regards,\nMatthías Traustason';
    const before = findNames(text, []);
    expect(before.length).toBeGreaterThan(2);
    // Forty thousand distinct capitalised words fill the cache (its limit is 32,768).
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words: string[] = [];
    for (let k = 0; k < 40000; k++) {
      let w = 'Q';
      for (let v = k; v > 0 || w.length < 4; v = Math.floor(v / 26)) w += letters[v % 26];
      words.push(w);
    }
    findNames(words.join(' '), []);
    expect(findNames(text, [])).toEqual(before);
  });
});
