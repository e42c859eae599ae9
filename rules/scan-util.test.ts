import { describe, expect, it } from 'vitest';
import { matchesOf } from './scan-util.ts';

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
});
