import { describe, expect, it } from 'vitest';
import {
  addCounts,
  countWords,
  metrics,
  micro,
  per10k,
  scoreRecord,
  type Counts,
  type GoldSpan,
  type PredSpan,
} from './score.ts';

const g = (start: number, end: number, label = 'PHONE'): GoldSpan => ({ start, end, label });
const p = (start: number, end: number, type = 'PHONE'): PredSpan => ({ start, end, type });
const at = (m: Map<string, Counts>, t: string) =>
  metrics(m.get(t) ?? { gold: 0, pred: 0, tpGold: 0, tpPred: 0 });

describe('scoreRecord', () => {
  it('exact mode needs the same offsets and type; overlap mode only needs shared characters', () => {
    const gold = [g(10, 20)];
    const shifted = [p(12, 20)];
    expect(at(scoreRecord(gold, shifted, 'exact'), 'PHONE')).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(at(scoreRecord(gold, shifted, 'overlap'), 'PHONE')).toMatchObject({
      tp: 1,
      fp: 0,
      fn: 0,
    });
    expect(at(scoreRecord(gold, [p(10, 20)], 'exact'), 'PHONE')).toMatchObject({
      tp: 1,
      fp: 0,
      fn: 0,
    });
    // Touching is not overlapping: end is exclusive.
    expect(at(scoreRecord(gold, [p(20, 25)], 'overlap'), 'PHONE')).toMatchObject({
      tp: 0,
      fp: 1,
      fn: 1,
    });
  });

  it('a finding of another type is a false positive for its type and a miss for the gold type', () => {
    const m = scoreRecord([g(0, 9, 'US_SSN')], [p(0, 9, 'PHONE')], 'overlap');
    expect(at(m, 'PHONE')).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(at(m, 'US_SSN')).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });

  it('two findings on one span: both right in overlap mode, one right in exact mode', () => {
    const gold = [g(0, 30, 'ADDRESS')];
    const preds = [p(0, 12, 'ADDRESS'), p(14, 30, 'ADDRESS')];
    const ov = micro(scoreRecord(gold, preds, 'overlap'));
    expect(metrics(ov)).toMatchObject({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1 });
    const same = [p(0, 30, 'ADDRESS'), p(0, 30, 'ADDRESS')];
    expect(metrics(micro(scoreRecord(gold, same, 'exact')))).toMatchObject({
      tp: 1,
      fp: 1,
      fn: 0,
      precision: 0.5,
      recall: 1,
    });
  });

  it('one finding across two labelled spans finds both in overlap mode', () => {
    const gold = [g(0, 5, 'PERSON'), g(6, 11, 'PERSON')];
    const m = metrics(micro(scoreRecord(gold, [p(0, 11, 'PERSON')], 'overlap')));
    expect(m).toMatchObject({ tp: 1, fp: 0, fn: 0, recall: 1 });
    expect(metrics(micro(scoreRecord(gold, [p(0, 11, 'PERSON')], 'exact')))).toMatchObject({
      tp: 0,
      fp: 1,
      fn: 2,
    });
  });

  it('sums records and types into micro figures with F1', () => {
    const total = new Map<string, Counts>();
    addCounts(
      total,
      scoreRecord([g(0, 4), g(10, 14, 'EMAIL')], [p(0, 4), p(20, 24, 'EMAIL')], 'exact'),
    );
    addCounts(total, scoreRecord([g(0, 4)], [], 'exact'));
    const m = metrics(micro(total));
    expect(m).toMatchObject({ tp: 1, fp: 1, fn: 2 });
    expect(m.precision).toBeCloseTo(0.5);
    expect(m.recall).toBeCloseTo(1 / 3);
    expect(m.f1).toBeCloseTo(0.4);
  });

  it('reports null precision without findings and null recall without labels', () => {
    expect(metrics({ gold: 3, pred: 0, tpGold: 0, tpPred: 0 })).toMatchObject({
      precision: null,
      recall: 0,
      f1: null,
    });
    expect(metrics({ gold: 0, pred: 2, tpGold: 0, tpPred: 0 })).toMatchObject({
      precision: 0,
      recall: null,
      f1: null,
    });
  });
});

describe('negatives rate', () => {
  it('counts whitespace-separated words and scales false alarms to 10,000 words', () => {
    expect(countWords('  Order #123 shipped\non\tMonday. ')).toBe(5);
    expect(countWords('')).toBe(0);
    expect(per10k(3, 20000)).toBeCloseTo(1.5);
    expect(per10k(0, 500)).toBe(0);
    expect(per10k(1, 0)).toBeNull();
  });
});
