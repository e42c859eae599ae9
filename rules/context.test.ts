import { describe, expect, it } from 'vitest';
import {
  after,
  anchorsOf,
  before,
  matchAllAt,
  matchAllNear,
  near,
  NON_PERSONAL_NUMBER,
} from './context.ts';

describe('context windows', () => {
  it('never cut a word at the window edge', () => {
    const text = 'Please contact the dpo 555 0100';
    const i = text.indexOf('555');
    // A window of 3 would cut "dpo" to "po"; the partial word is dropped instead.
    expect(before(text, i, 3)).toBe(' ');
    expect(near(text, i, i + 3, NON_PERSONAL_NUMBER, 3)).toBe(false);
    expect(after('555 Toronto', 3, 3)).toBe(' ');
    expect(after('555 Toronto', 3, 20)).toBe(' toronto');
    expect(before('order 12', 6, 20)).toBe('order ');
  });

  it('read each text afresh where another had the same window', () => {
    // The last windows are kept; a window at the same place in another text is not the same.
    expect(before('ORDER 12', 6, 20)).toBe('order ');
    expect(before('SERIE 12', 6, 20)).toBe('serie ');
    expect(after('12 Main', 2, 20)).toBe(' main');
    expect(after('12 Elm.', 2, 20)).toBe(' elm.');
  });
});

describe('matchAllAt and matchAllNear', () => {
  // Every match of each pattern has a match of its anchor within `lead` characters of its start,
  // as both functions require; they must then give what matchAll gives, also when the loop body
  // runs the same searches (iterators that find nothing are reused).
  const cases: [RegExp, RegExp, number][] = [
    [/\d+[a-z]*/g, /\d/g, 0],
    [/[a-z]\d\d/g, /\d\d/g, 1],
    [/x?y/g, /y/g, 1],
  ];

  it('give the matches of matchAll, with nested searches in the loop body', () => {
    let s = 13;
    const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x7fffffff);
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: 30 }, () => 'ab1 2xy'[Math.floor(next() * 7)]).join('');
      for (const [re, anchor, lead] of cases) {
        const want = [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
        const run = (iter: () => Iterable<RegExpExecArray>) => {
          const got: string[] = [];
          for (const m of iter()) {
            got.push(`${m.index}:${m[0]}`);
            for (const n of iter()) if (n.index < 0) got.push('never');
            for (const none of matchAllAt(text, re, [], lead)) got.push(`never ${none[0]}`);
          }
          return got;
        };
        expect(run(() => matchAllAt(text, re, anchorsOf(text, anchor), lead))).toEqual(want);
        expect(run(() => matchAllNear(text, re, anchor, lead))).toEqual(want);
      }
    }
  });
});
