/**
 * The scan: normalise, run the cheap pattern detectors whose prefilter passes, resolve overlaps,
 * then (when asked) the name pass on what is left, and map every span back to the original text.
 *
 * Pure: everything comes in as arguments. The registry (rules/index.ts) supplies the default
 * detector list, so this file has no import cycle with it.
 */
import { normalise, toOriginalSpan } from './normalize.ts';
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
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);

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
  // little enough that it rarely meets a garbage-collection pause (the p99 of 2 KB scans).
  const stage1: DetectContext = { taken: NO_SPANS, threshold };
  const run = (d: Detector, ctx: DetectContext): readonly Candidate[] => {
    if (d.prefilter && !d.prefilter.test(ntext)) return NO_CANDIDATES;
    if (!timing) return d.detect(ntext, ctx);
    const t0 = now();
    const out = d.detect(ntext, ctx);
    timing(d.id, now() - t0);
    return out;
  };

  const keep = (c: Candidate) =>
    c.score >= threshold && c.end > c.start && (!wanted || wanted.has(c.type));

  // Stage 1: patterns.
  const candidates: Tagged[] = [];
  for (const d of active) {
    if (d.stage === 'nlp') continue;
    for (const c of run(d, stage1)) if (keep(c)) candidates.push({ c, detector: d.id });
  }
  let accepted = resolveOverlaps(candidates);

  // Stage 2: the name pass, last and only on what is left.
  if (options.names !== false) {
    const nlp = active.filter((d) => d.stage === 'nlp');
    if (nlp.length > 0) {
      const taken = accepted.map((t) => ({ start: t.c.start, end: t.c.end }));
      const stage2: DetectContext = { taken, threshold };
      const more: Tagged[] = [];
      for (const d of nlp) {
        for (const c of run(d, stage2)) if (keep(c)) more.push({ c, detector: d.id });
      }
      if (more.length > 0) accepted = resolveOverlaps([...accepted, ...more]);
    }
  }

  const findings: Finding[] = [];
  for (const { c, detector } of accepted) {
    const [start, end] = toOriginalSpan(norm, c.start, c.end);
    const f: Finding = {
      start,
      end,
      type: c.type,
      detector,
      score: Math.round(c.score * 1000) / 1000,
      level: options.levels?.[c.type] ?? TYPE_INFO[c.type].level,
    };
    if (c.reason !== undefined) f.reason = c.reason;
    findings.push(f);
  }
  return findings;
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
  const byStart = items.slice().sort((a, b) => a.c.start - b.c.start || b.c.end - a.c.end);
  const out: Tagged[] = [];
  let cluster: Tagged[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 1) out.push(cluster[0]!);
    else if (cluster.length > 1) out.push(...greedy(cluster));
    cluster = [];
  };
  for (const item of byStart) {
    if (item.c.start >= clusterEnd) {
      flush();
      clusterEnd = item.c.end;
    } else if (item.c.end > clusterEnd) {
      clusterEnd = item.c.end;
    }
    cluster.push(item);
  }
  flush();
  return out;
}

function better(a: Tagged, b: Tagged): number {
  if (b.c.score !== a.c.score) return b.c.score - a.c.score;
  const la = a.c.end - a.c.start;
  const lb = b.c.end - b.c.start;
  if (lb !== la) return lb - la;
  return a.c.start - b.c.start;
}

/** Greedy selection inside one cluster (small in practice); result sorted by start. */
function greedy(cluster: Tagged[]): Tagged[] {
  const kept: Tagged[] = [];
  for (const item of cluster.slice().sort(better)) {
    if (kept.every((k) => k.c.end <= item.c.start || k.c.start >= item.c.end)) kept.push(item);
  }
  return kept.sort((a, b) => a.c.start - b.c.start);
}
