import { describe, expect, it } from 'vitest';
import { scanWith } from './engine.ts';
import { scan } from './index.ts';
import type { Candidate, Detector, EntityType } from './types.ts';

function fixed(
  id: string,
  type: EntityType,
  spans: Array<[number, number, number]>,
  stage?: 'nlp',
): Detector & { seen: number[][] } {
  const seen: number[][] = [];
  return {
    id,
    types: [type],
    description: 'test detector',
    stage,
    seen,
    detect(_text, ctx) {
      seen.push(ctx.taken.flatMap((s) => [s.start, s.end]));
      return spans.map(([start, end, score]): Candidate => ({ start, end, score, type }));
    },
  };
}

describe('overlap resolution', () => {
  it('keeps the higher score, then the longer span', () => {
    const a = fixed('a', 'PHONE', [[0, 10, 0.6]]);
    const b = fixed('b', 'CREDIT_CARD', [[2, 12, 0.9]]);
    const c = fixed('c', 'US_SSN', [
      [20, 25, 0.7],
      [20, 28, 0.7],
    ]);
    const out = scanWith([a, b, c], 'x'.repeat(40));
    expect(out.map((f) => [f.detector, f.start, f.end])).toEqual([
      ['b', 2, 12],
      ['c', 20, 28],
    ]);
  });

  it('drops candidates under the threshold before they can shadow others', () => {
    const weak = fixed('weak', 'PHONE', [[0, 10, 0.3]]);
    const ok = fixed('ok', 'US_SSN', [[5, 12, 0.6]]);
    expect(scanWith([weak, ok], 'x'.repeat(20)).map((f) => f.detector)).toEqual(['ok']);
  });

  it('runs the nlp stage last, with what the pattern stage took, and can be turned off', () => {
    const pattern = fixed('p', 'EMAIL', [[0, 5, 0.9]]);
    const nlp = fixed(
      'n',
      'PERSON',
      [
        [3, 8, 0.95],
        [10, 14, 0.8],
      ],
      'nlp',
    );
    const out = scanWith([nlp, pattern], 'x'.repeat(20));
    expect(nlp.seen).toEqual([[0, 5]]);
    // The nlp finding scored higher, so it wins the overlap: the engine does not favour a stage.
    expect(out.map((f) => f.detector)).toEqual(['n', 'n']);
    expect(
      scanWith([nlp, pattern], 'x'.repeat(20), { names: false }).map((f) => f.detector),
    ).toEqual(['p']);
  });

  it('skips a detector whose prefilter fails and reports timings when asked', () => {
    const d = { ...fixed('d', 'EMAIL', [[0, 1, 0.9]]), prefilter: /@/ };
    const timings: string[] = [];
    expect(scanWith([d], 'no at sign', { onTiming: (id) => timings.push(id) })).toEqual([]);
    expect(timings).toEqual([]);
    expect(scanWith([d], 'a@b', { onTiming: (id) => timings.push(id) })).toHaveLength(1);
    expect(timings).toEqual(['d']);
  });
});

describe('overlap resolution at scale', () => {
  it('matches the global greedy result on random spans', () => {
    let seed = 1;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const spans: Array<[number, number, number]> = [];
    for (let i = 0; i < 400; i++) {
      const start = Math.floor(rand() * 2000);
      spans.push([start, start + 1 + Math.floor(rand() * 30), Math.round(rand() * 100) / 100]);
    }
    const d = fixed('r', 'PHONE', spans);
    const got = scanWith([d], 'x'.repeat(2100), { threshold: 0 }).map((f) => [f.start, f.end]);
    // Reference: plain global greedy by score, then length, then start.
    const order = spans
      .slice()
      .sort((a, b) => b[2] - a[2] || b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
    const kept: Array<[number, number, number]> = [];
    for (const s of order) if (kept.every((k) => k[1] <= s[0] || k[0] >= s[1])) kept.push(s);
    const want = kept
      .filter((s) => s[1] > s[0])
      .sort((a, b) => a[0] - b[0])
      .map((s) => [s[0], s[1]]);
    expect(got).toEqual(want);
  });

  it('matches it on few spans too, with tied scores and lengths', () => {
    // Up to 32 candidates are sorted by insertion (sortShort), not by Array#sort.
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 300; trial++) {
      const spans: Array<[number, number, number]> = [];
      const n = 1 + Math.floor(rand() * 30);
      for (let i = 0; i < n; i++) {
        const start = Math.floor(rand() * 60);
        spans.push([start, start + 1 + Math.floor(rand() * 4) * 3, [0.5, 0.7, 0.9][i % 3]!]);
      }
      const d = fixed('r', 'PHONE', spans);
      const got = scanWith([d], 'x'.repeat(80), { threshold: 0 }).map((f) => [f.start, f.end]);
      const order = spans
        .slice()
        .sort((a, b) => b[2] - a[2] || b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
      const kept: Array<[number, number, number]> = [];
      for (const s of order) if (kept.every((k) => k[1] <= s[0] || k[0] >= s[1])) kept.push(s);
      const want = kept.sort((a, b) => a[0] - b[0]).map((s) => [s[0], s[1]]);
      expect(got).toEqual(want);
    }
  });
});

describe('the whole engine where detectors compete for a value', () => {
  // Made-up values; each is also a valid national phone number somewhere.
  const typeOf = (text: string, value: string): string | undefined => {
    const start = text.indexOf(value);
    return scan(text).find((f) => f.start === start && f.end === start + value.length)?.type;
  };

  it('gives a labelled id its own type, not a phone label on the next line', () => {
    const sin = 'Social Insurance Number:\t163-585-581\nHome address:\t1812 Lang Coves';
    expect(typeOf(sin, '163-585-581')).toBe('NATIONAL_ID');
    const ssn = 'Social Security No.: 880164104\nPhone: 919.921.8619';
    expect(typeOf(ssn, '880164104')).toBe('US_SSN');
    expect(typeOf(ssn, '919.921.8619')).toBe('PHONE');
  });

  it('gives a routing number after its abbreviation its type beside a phone word', () => {
    const text = 'direct dep info over the phone: rtn 064375205 acct 121665307765.';
    expect(typeOf(text, '064375205')).toBe('ROUTING_NUMBER');
    expect(typeOf(text, '121665307765')).toBe('BANK_ACCOUNT');
  });
});
