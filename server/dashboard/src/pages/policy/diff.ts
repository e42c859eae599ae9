/**
 * A line diff for the Policy page's "changes against the published revision". Policy documents
 * are a few hundred lines of formatted JSON, and an edit touches a few of them, so: strip the
 * lines both ends share, then a longest-common-subsequence table over what is left. When that
 * middle is too large for the table (a replaced dictionary of thousands of words), it is shown as
 * removed then added, which is still correct, only less fine-grained. No library: this is the
 * whole of what the page needs.
 */

/** One line of the diff: unchanged, only in the old text, or only in the new one. */
export interface DiffLine {
  kind: 'same' | 'del' | 'add';
  text: string;
  /** 1-based line number in the old text (same, del). */
  oldNo?: number;
  /** 1-based line number in the new text (same, add). */
  newNo?: number;
}

/** The largest middle (old lines x new lines) given to the LCS table: 16 MB of Uint32 at most. */
const MAX_CELLS = 4_000_000;

function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out.at(-1) === '') out.pop();
  return out;
}

/** The diff of two texts, line by line, in order. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = lines(before);
  const b = lines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++)
    out.push({ kind: 'same', text: a[i]!, oldNo: i + 1, newNo: i + 1 });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) out.push({ kind: 'del', text: a[i]!, oldNo: i + 1 });
    for (let j = start; j < endB; j++) out.push({ kind: 'add', text: b[j]!, newNo: j + 1 });
  } else {
    // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          a[start + i] === b[start + j]
            ? lcs[(i + 1) * w + j + 1]! + 1
            : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        out.push({ kind: 'same', text: a[start + i]!, oldNo: start + i + 1, newNo: start + j + 1 });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        // Removals before additions on a tie, so a changed line reads as "- old" then "+ new".
        out.push({ kind: 'del', text: a[start + i]!, oldNo: start + i + 1 });
        i++;
      } else {
        out.push({ kind: 'add', text: b[start + j]!, newNo: start + j + 1 });
        j++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++) {
    out.push({ kind: 'same', text: a[endA + k]!, oldNo: endA + k + 1, newNo: endB + k + 1 });
  }
  return out;
}

/** A run of diff lines to show, or a count of unchanged lines left out between runs. */
export type Hunk = { lines: DiffLine[] } | { skipped: number };

/** The diff with unchanged stretches cut to `context` lines around each change. */
export function hunks(diff: DiffLine[], context = 3): Hunk[] {
  const keep = diff.map(() => false);
  diff.forEach((l, i) => {
    if (l.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(diff.length - 1, i + context); k++) {
      keep[k] = true;
    }
  });
  const out: Hunk[] = [];
  let run: DiffLine[] = [];
  let skipped = 0;
  diff.forEach((l, i) => {
    if (keep[i]) {
      if (skipped) out.push({ skipped });
      skipped = 0;
      run.push(l);
    } else {
      if (run.length) out.push({ lines: run });
      run = [];
      skipped++;
    }
  });
  if (run.length) out.push({ lines: run });
  if (skipped) out.push({ skipped });
  return out;
}
