import { describe, expect, it } from 'vitest';
import {
  allOf,
  hasAlnumRun,
  matchesAtRuns,
  matchesOf,
  sortShort,
  stickyAtWordStarts,
} from './scan-util.ts';

/** index:text of every match, and the pattern's lastIndex afterwards. */
function run(iter: Iterable<RegExpExecArray>, re: RegExp): string {
  return [...iter].map((m) => `${m.index}:${m[0]}`).join(',') + ` li=${re.lastIndex}`;
}

describe('matchesOf', () => {
  it('gives the matches of matchAll, empty and Unicode ones included', () => {
    const texts = ['', 'abc', 'a😀b😀', '😀😀', 'aaa bbb aaa', '\ud800x\udc00', '12 345 6789'];
    const patterns = [/a*/g, /(?:)/g, /(?:)/gu, /./gu, /\d+/g, /a/gy, /(?<=a)/g, /\b/g, /x*?/g];
    for (const text of texts) {
      for (const re of patterns) {
        for (const start of [0, 1, 3]) {
          re.lastIndex = start;
          const native = run(text.matchAll(re) as Iterable<RegExpExecArray>, re);
          re.lastIndex = start;
          expect(run(matchesOf(text, re), re), `${re} on ${JSON.stringify(text)}`).toBe(native);
        }
      }
    }
  });

  it('is not disturbed by a loop body that uses the same pattern', () => {
    const body = (iter: (t: string, r: RegExp) => Iterable<RegExpExecArray>) => {
      const re = /\d/g;
      const out: string[] = [];
      for (const m of iter('1a2b3', re)) {
        for (const n of iter('45', re)) out.push(m[0] + n[0]);
        re.test('9');
      }
      return `${out.join(' ')} li=${re.lastIndex}`;
    };
    expect(body(matchesOf)).toBe(body((t, r) => t.matchAll(r) as Iterable<RegExpExecArray>));
  });

  it('leaves lastIndex as the body left it when the loop stops early', () => {
    const re = /\d/g;
    for (const m of matchesOf('123', re)) {
      expect(m[0]).toBe('1');
      re.lastIndex = 7;
      break;
    }
    expect(re.lastIndex).toBe(7);
  });

  it('refuses a pattern without the g flag, as matchAll does', () => {
    expect(() => [...matchesOf('a', /a/)]).toThrow(TypeError);
  });

  it('keeps live iterations apart from each other and from searches that find nothing', () => {
    // Iterators that found nothing are reused, and every step returns the same result object:
    // neither may leak from one iteration into another.
    const body = (iter: (t: string, r: RegExp) => Iterable<RegExpExecArray>) => {
      const digits = /\d/g;
      const letters = /[a-z]/g;
      const out: string[] = [];
      for (const m of iter('1a2b3', digits)) {
        for (const none of iter('xyz', digits)) out.push(`never ${none[0]}`);
        for (const n of iter('pq', letters)) {
          for (const none of iter('123', letters)) out.push(`never ${none[0]}`);
          out.push(m[0] + n[0]);
        }
      }
      const outer = iter('1a2', letters);
      for (const m of outer) out.push(`outer ${m[0]}`);
      for (const m of outer) out.push(`again ${m[0]}`);
      return out.join(' ');
    };
    expect(body(matchesOf)).toBe('1p 1q 2p 2q 3p 3q outer a');
    expect(body(matchesOf)).toBe(body((t, r) => t.matchAll(r) as Iterable<RegExpExecArray>));
  });
});

describe('sortShort', () => {
  it('sorts as Array#sort does, stably, below and above the length it sorts itself', () => {
    let s = 9;
    const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x7fffffff);
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    for (let k = 0; k < 500; k++) {
      const items = Array.from({ length: Math.floor(next() * 70) }, (_, i) => ({
        key: Math.floor(next() * 6),
        i,
      }));
      const sorted = sortShort(items.slice(), byKey);
      expect(sorted).toEqual(items.slice().sort(byKey));
    }
  });
});

describe('hasAlnumRun', () => {
  it('answers whether a whole token of letters and digits has a length in range', () => {
    const text = 'ab_cd RSSMRA85T10A562S x-y 0123456789 ' + 'z'.repeat(70);
    expect(hasAlnumRun(text, 16)).toBe(true);
    expect(hasAlnumRun(text, 10)).toBe(true);
    // "ab_cd": the underscore splits it, as it does not belong to [A-Za-z0-9].
    expect(hasAlnumRun(text, 5)).toBe(false);
    expect(hasAlnumRun(text, 2)).toBe(true);
    expect(hasAlnumRun(text, 3, 9)).toBe(false);
    // Runs longer than the counted maximum still answer "or longer".
    expect(hasAlnumRun(text, 65, 99)).toBe(true);
    expect(hasAlnumRun('RSSMRA85T10A562S', 16)).toBe(true);
    expect(hasAlnumRun('', 1)).toBe(false);
  });

  it('agrees with a regular expression on random texts', () => {
    let s = 11;
    const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x7fffffff);
    for (let k = 0; k < 200; k++) {
      const text = Array.from({ length: 80 }, () => 'a1Z _-.é'[Math.floor(next() * 8)]).join('');
      for (const n of [1, 2, 3, 5, 8]) {
        const re = new RegExp(`(?<![A-Za-z0-9])[A-Za-z0-9]{${n}}(?![A-Za-z0-9])`);
        expect(hasAlnumRun(text, n), `${n} in ${text}`).toBe(re.test(text));
      }
    }
  });
});

describe('allOf', () => {
  it('passes only when every test passes, and stops at the first that fails', () => {
    let asked = 0;
    const counting = { test: () => (asked++, true) };
    expect(allOf(/a/, counting).test('abc')).toBe(true);
    expect(allOf(/x/, counting).test('abc')).toBe(false);
    expect(asked).toBe(1);
  });
});

describe('matchesAtRuns', () => {
  it('gives the matches of matchesOf for patterns that only match whole tokens', () => {
    const patterns: [RegExp, number[]][] = [
      [/(?<![\w+.-])\d{9}(?![\w-]|\.\d)/g, [9]],
      [
        /[A-Za-z](?<![A-Za-z0-9_-].)[A-Za-z]{5}[A-Za-z0-9]{2}(?:[A-Za-z0-9]{3})?(?![A-Za-z0-9_-])/g,
        [8, 11],
      ],
      [/(?<!\w)[13][1-9A-HJ-NP-Za-km-z]{25,34}(?!\w)/g, [26, 27, 28, 29, 30, 31, 32, 33, 34, 35]],
    ];
    let s = 5;
    const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x7fffffff);
    const found = patterns.map(() => 0);
    const from = (alphabet: string, n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const tokens = [
      () => from('0123456789', 8 + Math.floor(next() * 3)),
      () => from('ABCDEFGHabc', [8, 9, 11][Math.floor(next() * 3)]!),
      () =>
        from('13', 1) +
        from(
          '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz',
          24 + Math.floor(next() * 13),
        ),
    ];
    for (let k = 0; k < 300; k++) {
      let text = '';
      while (text.length < 200) {
        text += tokens[Math.floor(next() * tokens.length)]!();
        text += ' _-.+'[Math.floor(next() * 5)];
      }
      for (const [p, [re, lengths]] of patterns.entries()) {
        const slow = [...matchesOf(text, re)].map((m) => `${m.index}:${m[0]}`);
        found[p]! += slow.length;
        const fast = matchesAtRuns(text, re, lengths).map((m) => `${m.index}:${m[0]}`);
        expect(fast, `${re} on ${text}`).toEqual(slow);
      }
    }
    // The generated texts hold matches of every pattern, so the comparison means something.
    for (const n of found) expect(n).toBeGreaterThan(20);
  });
});

describe('stickyAtWordStarts', () => {
  it('tries the pattern only at the given places that start a word, in order', () => {
    const text = 'blog: a/b1; login: jdoe/x2 and relogin: c/d3';
    const re = /log(?:in)?: (\w+)\/(\w+)/y;
    const places = [...text.matchAll(/log/g)].map((m) => m.index);
    expect(stickyAtWordStarts(text, re, places).map((m) => m[1])).toEqual(['jdoe']);
    expect(stickyAtWordStarts(text, re, [])).toEqual([]);
  });
});
