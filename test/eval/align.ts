/**
 * Recovers spans from a redactor that only returns redacted text: the output is the input with
 * some substrings replaced by markers, so aligning the literal pieces between markers back to
 * the input tells where each replaced value was.
 *
 * Markers are runs of private-use characters (U+E000..U+E1FF) that the input never contains;
 * a run carries one or more type characters (U+E100 + index). A later pattern may swallow an
 * earlier marker into its own match, or two values may be replaced side by side; a run then
 * stands for one span carrying every type seen in it.
 *
 * Ambiguity is real: in "NAME NAME" the split of "Ann Lee Bo Chan" into two names cannot be
 * known. We place each literal at its earliest occurrence that still lets the rest align
 * (checked by a backward pass), which is exact whenever the literal pieces are distinctive
 * and otherwise errs towards shorter values on the left.
 */

export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const TYPE_BASE = 0xe100;

/** The marker for type number `i` (0..255). */
export function marker(i: number): string {
  return MARK_OPEN + String.fromCharCode(TYPE_BASE + i) + MARK_CLOSE;
}

export interface AlignedSpan {
  start: number;
  end: number;
  /** Indices of the marker types in this run. */
  types: number[];
}

const RUN = /[\uE000-\uE1FF]+/g;

/**
 * Spans of `original` replaced in `redacted`, or null when the two cannot be aligned (the
 * output is not the input with markers substituted, or the input contains marker characters).
 */
export function alignRedacted(original: string, redacted: string): AlignedSpan[] | null {
  if (/[\uE000-\uE1FF]/.test(original)) return null;
  const literals: string[] = [];
  const runs: number[][] = [];
  let last = 0;
  for (const m of redacted.matchAll(RUN)) {
    literals.push(redacted.slice(last, m.index));
    const types: number[] = [];
    for (const ch of m[0]) {
      const code = ch.charCodeAt(0);
      if (code >= TYPE_BASE && !types.includes(code - TYPE_BASE)) types.push(code - TYPE_BASE);
    }
    runs.push(types);
    last = m.index + m[0].length;
  }
  literals.push(redacted.slice(last));
  const k = runs.length;
  if (k === 0) return original === redacted ? [] : null;

  const n = original.length;
  const first = literals[0] as string;
  const tail = literals[k] as string;
  if (!original.startsWith(first)) return null;
  if (!original.endsWith(tail) || n - tail.length < first.length + k) return null;

  // Backward pass: the latest start each middle literal can have while every later value
  // still gets at least one character.
  const latest = new Array<number>(k + 1);
  latest[k] = n - tail.length;
  for (let i = k - 1; i >= 1; i--) {
    const lit = literals[i] as string;
    const limit = (latest[i + 1] as number) - 1 - lit.length;
    const at = limit < 0 ? -1 : original.lastIndexOf(lit, limit);
    if (at < 0) return null;
    latest[i] = at;
  }

  // Forward pass: each literal at its earliest feasible position.
  const spans: AlignedSpan[] = [];
  let cur = first.length;
  for (let i = 1; i <= k; i++) {
    const lit = literals[i] as string;
    const at = i === k ? (latest[k] as number) : original.indexOf(lit, cur + 1);
    if (at < cur + 1 || at > (latest[i] as number)) return null;
    spans.push({ start: cur, end: at, types: runs[i - 1] as number[] });
    cur = at + lit.length;
  }
  return spans;
}
