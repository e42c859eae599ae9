/**
 * Scoring of findings against labelled spans. Pure: no I/O, no engine import, so it is unit
 * tested on its own and shared by the eval and any future comparison script.
 *
 * Two modes:
 * - exact: a finding counts only when a labelled span of the same type has exactly its
 *   offsets; findings and labelled spans are matched one to one.
 * - overlap: precision counts findings that overlap a labelled span of the same type (two
 *   findings on one span are both right); recall counts labelled spans overlapped by at least
 *   one finding of that type.
 */

/** A labelled span. Offsets are UTF-16 indices, end exclusive. */
export interface GoldSpan {
  start: number;
  end: number;
  label: string;
}

/** A finding (from Hush or a peer), already mapped to the engine's vocabulary. */
export interface PredSpan {
  start: number;
  end: number;
  type: string;
  detector?: string;
}

export type Mode = 'exact' | 'overlap';

/**
 * Raw counts for one type. Recall uses the gold side (tpGold of gold), precision the finding
 * side (tpPred of pred); in exact mode the two true-positive counts are equal.
 */
export interface Counts {
  gold: number;
  pred: number;
  tpGold: number;
  tpPred: number;
}

export interface Metrics {
  /** True positives as shown in tables: findings that were right. */
  tp: number;
  fp: number;
  fn: number;
  /** Null when there is nothing to divide by (no findings, no labelled spans). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export const emptyCounts = (): Counts => ({ gold: 0, pred: 0, tpGold: 0, tpPred: 0 });

/** Whether two half-open spans share at least one character. */
export function overlaps(
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Per-type counts for one record. */
export function scoreRecord(
  gold: readonly GoldSpan[],
  pred: readonly PredSpan[],
  mode: Mode,
): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const at = (t: string) => {
    let c = out.get(t);
    if (!c) out.set(t, (c = emptyCounts()));
    return c;
  };
  for (const g of gold) at(g.label).gold++;
  for (const p of pred) at(p.type).pred++;

  if (mode === 'exact') {
    const unmatched = new Map<string, number>();
    const key = (t: string, s: number, e: number) => `${t}\u0000${s}\u0000${e}`;
    for (const g of gold) {
      const k = key(g.label, g.start, g.end);
      unmatched.set(k, (unmatched.get(k) ?? 0) + 1);
    }
    for (const p of pred) {
      const k = key(p.type, p.start, p.end);
      const left = unmatched.get(k) ?? 0;
      if (left > 0) {
        unmatched.set(k, left - 1);
        const c = at(p.type);
        c.tpGold++;
        c.tpPred++;
      }
    }
    return out;
  }

  for (const p of pred) {
    if (gold.some((g) => g.label === p.type && overlaps(g, p))) at(p.type).tpPred++;
  }
  for (const g of gold) {
    if (pred.some((p) => p.type === g.label && overlaps(g, p))) at(g.label).tpGold++;
  }
  return out;
}

/** Adds `from` into `into`, type by type. */
export function addCounts(into: Map<string, Counts>, from: ReadonlyMap<string, Counts>): void {
  for (const [t, c] of from) {
    const d = into.get(t) ?? emptyCounts();
    d.gold += c.gold;
    d.pred += c.pred;
    d.tpGold += c.tpGold;
    d.tpPred += c.tpPred;
    into.set(t, d);
  }
}

/** The micro total over every type. */
export function micro(byType: ReadonlyMap<string, Counts>): Counts {
  const total = emptyCounts();
  for (const c of byType.values()) {
    total.gold += c.gold;
    total.pred += c.pred;
    total.tpGold += c.tpGold;
    total.tpPred += c.tpPred;
  }
  return total;
}

/** Precision, recall and F1 from counts. */
export function metrics(c: Counts): Metrics {
  const precision = c.pred > 0 ? c.tpPred / c.pred : null;
  const recall = c.gold > 0 ? c.tpGold / c.gold : null;
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { tp: c.tpPred, fp: c.pred - c.tpPred, fn: c.gold - c.tpGold, precision, recall, f1 };
}

/** Words as the eval counts them: whitespace-separated tokens. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** False alarms per 10,000 words; null for an empty corpus. */
export function per10k(falseAlarms: number, words: number): number | null {
  return words > 0 ? (falseAlarms * 10000) / words : null;
}
