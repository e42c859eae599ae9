/**
 * The scan: normalise, run the cheap pattern detectors whose prefilter passes, resolve overlaps,
 * then (when asked) the name pass on what is left, and map every span back to the original text.
 *
 * Pure: everything comes in as arguments. The registry (rules/index.ts) supplies the default
 * detector list, so this file has no import cycle with it.
 */
import { normalise, originalEnd, originalStart } from './normalize.ts';
import { sortShort } from './scan-util.ts';
import {
  TYPE_INFO,
  type Candidate,
  type DetectContext,
  type Detector,
  type EntityType,
  type Finding,
  type Level,
  type Span,
} from './types.ts';

export interface ScanOptions {
  /** Minimum score for a finding to count. Default 0.5. */
  threshold?: number;
  /** Run the name pass (detectors of stage `nlp`). Default true. */
  names?: boolean;
  /** Only report these types (others are not even run when a detector emits none of them). */
  types?: readonly EntityType[];
  /** Extra detectors, e.g. compiled from policy (regex, dictionaries, exact data match). */
  extraDetectors?: readonly Detector[];
  /** Level overrides per type; the defaults are in TYPE_INFO. */
  levels?: Partial<Record<EntityType, Level>>;
  /**
   * Called with each detector's id and the milliseconds it took; used by the benchmark to rank
   * detectors by cost. Leave unset in production: it costs two clock reads a detector.
   */
  onTiming?: (detector: string, ms: number) => void;
  /** Clock for onTiming; defaults to Date.now. */
  now?: () => number;
}

export const DEFAULT_THRESHOLD = 0.5;

const NO_SPANS: readonly Span[] = Object.freeze([]);

/** Scan `text` with `detectors` (plus options.extraDetectors). See ScanOptions. */
export function scanWith(
  detectors: readonly Detector[],
  text: string,
  options: ScanOptions = {},
): Finding[] {
  if (text.length === 0) return [];
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const wanted = options.types ? new Set(options.types) : null;
  const all = options.extraDetectors ? [...detectors, ...options.extraDetectors] : detectors;
  const active = wanted ? all.filter((d) => d.types.some((t) => wanted.has(t))) : all;
  const norm = normalise(text);
  const ntext = norm.text;
  const timing = options.onTiming;
  const now = options.now ?? Date.now;

  // One context object per stage, not one per detector: a scan of a short prompt allocates
  // little enough that it rarely meets a garbage-collection pause (the p99 of 2 KB scans). For
  // the same reason the loops below are indexed and call module-level functions: a closure per
  // scan, and a for-of over the array a detector returns (its kind unknown where the call is
  // megamorphic, so the iterator and its result objects are not optimised away), cost more
  // bytes than the candidates themselves.
  const stage1: DetectContext = { taken: NO_SPANS, threshold };

  // Stage 1: patterns.
  const candidates: Tagged[] = [];
  for (let i = 0; i < active.length; i++) {
    const d = active[i]!;
    if (d.stage !== 'nlp') collect(d, ntext, stage1, wanted, timing, now, candidates);
  }
  let accepted = resolveOverlaps(candidates);

  // Stage 2: the name pass, last and only on what is left.
  if (options.names !== false) {
    const nlp = active.filter((d) => d.stage === 'nlp');
    if (nlp.length > 0) {
      const taken = accepted.map((t) => ({ start: t.c.start, end: t.c.end }));
      const stage2: DetectContext = { taken, threshold };
      const more: Tagged[] = [];
      for (let i = 0; i < nlp.length; i++) {
        collect(nlp[i]!, ntext, stage2, wanted, timing, now, more);
      }
      if (more.length > 0) accepted = resolveOverlaps(accepted.concat(more));
    }
  }

  const levels = options.levels;
  const findings: Finding[] = [];
  for (let i = 0; i < accepted.length; i++) {
    const { c, detector } = accepted[i]!;
    const start = originalStart(norm, c.start);
    const end = originalEnd(norm, c.start, c.end);
    const score = Math.round(c.score * 1000) / 1000;
    const level = levels?.[c.type] ?? TYPE_INFO[c.type].level;
    // Built whole, `reason` last: a property added afterwards costs a second allocation.
    findings.push(
      c.reason === undefined
        ? { start, end, type: c.type, detector, score, level }
        : { start, end, type: c.type, detector, score, level, reason: c.reason },
    );
  }
  return findings;
}

/**
 * Runs detector `d` on `ntext` unless its prefilter fails, and appends to `out` the candidates
 * that count (score at the threshold, non-empty span, a wanted type).
 */
function collect(
  d: Detector,
  ntext: string,
  ctx: DetectContext,
  wanted: ReadonlySet<EntityType> | null,
  timing: ScanOptions['onTiming'],
  now: () => number,
  out: Tagged[],
): void {
  if (d.prefilter && !d.prefilter.test(ntext)) return;
  let found: readonly Candidate[];
  if (!timing) found = d.detect(ntext, ctx);
  else {
    const t0 = now();
    found = d.detect(ntext, ctx);
    timing(d.id, now() - t0);
  }
  for (let k = 0; k < found.length; k++) {
    const c = found[k]!;
    if (c.score >= ctx.threshold && c.end > c.start && (!wanted || wanted.has(c.type))) {
      out.push({ c, detector: d.id });
    }
  }
}

interface Tagged {
  c: Candidate;
  detector: string;
}

/**
 * Keeps the best of overlapping candidates: highest score first, then the longer span, then the
 * earlier one. Returns the kept ones sorted by start.
 *
 * Greedy by score only ever compares candidates that overlap, so it runs per cluster of
 * overlapping spans (found with one sweep over the spans sorted by start). That keeps a 1 MB
 * paste with tens of thousands of findings at O(n log n).
 */
export function resolveOverlaps(items: Tagged[]): Tagged[] {
  if (items.length <= 1) return items.slice();
  const byStart = sortShort(items.slice(), byStartLongerFirst);
  const out: Tagged[] = [];
  // The current cluster is byStart[from, k); clusters are passed as index ranges, not copied
  // into arrays of their own (one per cluster, in every scan).
  let from = 0;
  let clusterEnd = -1;
  for (let k = 0; k < byStart.length; k++) {
    const item = byStart[k]!;
    if (item.c.start >= clusterEnd) {
      keepBest(byStart, from, k, out);
      from = k;
      clusterEnd = item.c.end;
    } else if (item.c.end > clusterEnd) {
      clusterEnd = item.c.end;
    }
  }
  keepBest(byStart, from, byStart.length, out);
  return out;
}

const byStartLongerFirst = (a: Tagged, b: Tagged): number =>
  a.c.start - b.c.start || b.c.end - a.c.end;
const byStartOnly = (a: Tagged, b: Tagged): number => a.c.start - b.c.start;

function better(a: Tagged, b: Tagged): number {
  if (b.c.score !== a.c.score) return b.c.score - a.c.score;
  const la = a.c.end - a.c.start;
  const lb = b.c.end - b.c.start;
  if (lb !== la) return lb - la;
  return a.c.start - b.c.start;
}

/**
 * Appends to `out` what greedy selection keeps of the cluster sorted[from, to): best first
 * (see better), each kept when it overlaps none kept before; the kept ones in order of start.
 */
function keepBest(sorted: readonly Tagged[], from: number, to: number, out: Tagged[]): void {
  if (to - from === 1) out.push(sorted[from]!);
  if (to - from <= 1) return;
  const kept: Tagged[] = [];
  const ranked = sortShort(sorted.slice(from, to), better);
  for (let i = 0; i < ranked.length; i++) {
    const item = ranked[i]!;
    let free = true;
    for (let j = 0; j < kept.length && free; j++) {
      free = kept[j]!.c.end <= item.c.start || kept[j]!.c.start >= item.c.end;
    }
    if (free) kept.push(item);
  }
  sortShort(kept, byStartOnly);
  for (let i = 0; i < kept.length; i++) out.push(kept[i]!);
}
