import { describe, expect, it } from 'vitest';
import { alignRedacted, marker } from './align.ts';

const A = marker(0);
const B = marker(1);

/** Replaces each [start, end, type] of `text` by its marker, as a redactor would. */
function redact(text: string, spans: Array<[number, number, number]>): string {
  let out = '';
  let last = 0;
  for (const [s, e, t] of spans) {
    out += text.slice(last, s) + marker(t);
    last = e;
  }
  return out + text.slice(last);
}

describe('alignRedacted', () => {
  it('returns no spans for untouched text and null for text that changed otherwise', () => {
    expect(alignRedacted('hello', 'hello')).toEqual([]);
    expect(alignRedacted('hello', 'hullo')).toBeNull();
  });

  it('recovers one and several replaced values, at the edges too', () => {
    const text = 'Call 555-0100 or mail a@b.io';
    const spans: Array<[number, number, number]> = [
      [5, 13, 0],
      [22, 28, 1],
    ];
    expect(alignRedacted(text, redact(text, spans))).toEqual([
      { start: 5, end: 13, types: [0] },
      { start: 22, end: 28, types: [1] },
    ]);
    expect(alignRedacted('secret', A)).toEqual([{ start: 0, end: 6, types: [0] }]);
    expect(alignRedacted('Ann, hi', `${A}, hi`)).toEqual([{ start: 0, end: 3, types: [0] }]);
  });

  it('keeps the rest alignable when a literal also occurs inside a value', () => {
    // The closing literal " x" also occurs inside the value; the last literal is a suffix.
    const text = 'a 1 x 2 x';
    expect(alignRedacted(text, `a ${A} x`)).toEqual([{ start: 2, end: 7, types: [0] }]);
    // The earliest "-" after the first value would leave no character for the second value
    // before the final "-"; the backward pass rules that placement out.
    expect(alignRedacted('1-2-', `${A}-${B}-`)).toEqual([
      { start: 0, end: 1, types: [0] },
      { start: 2, end: 3, types: [1] },
    ]);
    expect(alignRedacted('1--', `${A}-${B}-`)).toBeNull();
    const t2 = 'id: 12 34, 56';
    expect(alignRedacted(t2, `id: ${A}, ${B}`)).toEqual([
      { start: 4, end: 9, types: [0] },
      { start: 11, end: 13, types: [1] },
    ]);
  });

  it('treats adjacent or nested markers as one span with every type', () => {
    expect(alignRedacted('x AB y', `x ${A}${B} y`)).toEqual([{ start: 2, end: 4, types: [0, 1] }]);
    // A later pattern swallowed part of an earlier marker: the run still has both types.
    const broken = `x \uE000${String.fromCharCode(0xe100)}${B} y`;
    expect(alignRedacted('x password: AB y', broken)).toEqual([
      { start: 2, end: 14, types: [0, 1] },
    ]);
  });

  it('refuses inputs it cannot align', () => {
    expect(alignRedacted('abc', `zz${A}`)).toBeNull();
    expect(alignRedacted('abc', `${A}abcd`)).toBeNull();
    expect(alignRedacted('a\uE000b', `a${A}`)).toBeNull();
    // Every marker stands for at least one character.
    expect(alignRedacted('ab', `a${A}${'b'}${B}`)).toBeNull();
  });

  it('round-trips random redactions', () => {
    let seed = 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const words = ['the', 'order', '42', 'Ann', 'Lee', ',', '.', 'x@y.io', '+1 555', 'id'];
    for (let round = 0; round < 300; round++) {
      const parts = Array.from(
        { length: 3 + Math.floor(rand() * 12) },
        () => words[Math.floor(rand() * words.length)],
      );
      const text = parts.join(' ');
      // Replace whole words, never two neighbours (so literals separate the values).
      const spans: Array<[number, number, number]> = [];
      let pos = 0;
      let prev = false;
      for (const w of parts) {
        const take: boolean = !prev && rand() < 0.35;
        if (take) spans.push([pos, pos + (w as string).length, Math.floor(rand() * 3)]);
        prev = take;
        pos += (w as string).length + 1;
      }
      const got = alignRedacted(text, redact(text, spans));
      expect(got).not.toBeNull();
      // Every recovered span covers text that was replaced (alignment can shift a boundary
      // only when a literal repeats inside a value; whole-word values separated by a space
      // and a word are unambiguous here except for repeated words, so compare coverage).
      const covered = (s: number) => spans.some(([a, b]) => s >= a && s < b);
      for (const sp of got ?? []) expect(covered(sp.start)).toBe(true);
      expect(got?.length).toBe(spans.length);
    }
  });
});
