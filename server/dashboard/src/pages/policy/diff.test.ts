/** The Policy page's line diff: edits, insertions, deletions, context cuts and the size fallback. */
import { describe, expect, it } from 'vitest';
import { hunks, lineDiff, type DiffLine } from './diff.ts';

const show = (d: DiffLine[]) =>
  d.map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'add' ? '+' : '-'}${l.text}`);

describe('lineDiff', () => {
  it('marks nothing when the texts are equal, and everything when one is empty', () => {
    expect(show(lineDiff('a\nb\n', 'a\nb\n'))).toEqual([' a', ' b']);
    expect(show(lineDiff('', 'a\nb\n'))).toEqual(['+a', '+b']);
    expect(show(lineDiff('a\n', ''))).toEqual(['-a']);
  });

  it('finds a changed line, an inserted line and a removed line with their numbers', () => {
    const d = lineDiff(
      '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n',
      '{\n  "a": 1,\n  "b": 5,\n  "x": 0,\n  "c": 3\n}\n',
    );
    expect(show(d)).toEqual([
      ' {',
      '   "a": 1,',
      '-  "b": 2,',
      '+  "b": 5,',
      '+  "x": 0,',
      '   "c": 3',
      ' }',
    ]);
    expect(d.find((l) => l.kind === 'del')).toMatchObject({ oldNo: 3 });
    expect(d.filter((l) => l.kind === 'add').map((l) => l.newNo)).toEqual([3, 4]);
    expect(d.at(-1)).toMatchObject({ oldNo: 5, newNo: 6 });
    expect(show(lineDiff('a\nb\nc\n', 'a\nc\n'))).toEqual([' a', '-b', ' c']);
  });

  it('keeps the order of both texts when the middle is too large for the table', () => {
    const a = Array.from({ length: 2100 }, (_, i) => `old ${i}`).join('\n');
    const b = Array.from({ length: 2100 }, (_, i) => `new ${i}`).join('\n');
    const d = lineDiff(`head\n${a}\ntail\n`, `head\n${b}\ntail\n`);
    expect(d).toHaveLength(2 + 4200);
    expect(d[1]).toMatchObject({ kind: 'del', text: 'old 0', oldNo: 2 });
    expect(d[2101]).toMatchObject({ kind: 'add', text: 'new 0', newNo: 2 });
    expect(d.at(-1)).toMatchObject({ kind: 'same', text: 'tail' });
  });
});

describe('hunks', () => {
  it('cuts unchanged stretches to the context around each change', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const b = [...a];
    b[10] = 'changed';
    const h = hunks(lineDiff(a.join('\n'), b.join('\n')), 2);
    expect(h).toEqual([{ skipped: 8 }, { lines: expect.any(Array) }, { skipped: 7 }]);
    const run = (h[1] as { lines: DiffLine[] }).lines;
    expect(show(run)).toEqual([
      ' line 8',
      ' line 9',
      '-line 10',
      '+changed',
      ' line 11',
      ' line 12',
    ]);
  });
});
