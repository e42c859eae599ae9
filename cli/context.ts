/**
 * The context line of a finding in plain output: the text around it with the value, and every
 * other found value in view, replaced by `[TYPE]`. Plain output must never carry a matched
 * value, or `hush scan notes.txt > report.txt` would copy the secrets into the report.
 */
import type { Finding } from '../rules/api.ts';

/** Characters of context shown on each side. */
export const CONTEXT_WIDTH = 32;

/**
 * `...card [CREDIT_CARD] expires...` for findings[index]. `findings` must be sorted by start
 * and not overlap (as scan returns them). Whitespace runs become one space, so a finding is
 * always one line; the caller quotes the result.
 */
export function maskedContext(
  text: string,
  findings: readonly Finding[],
  index: number,
  width = CONTEXT_WIDTH,
): string {
  const f = findings[index]!;
  const from = Math.max(0, f.start - width);
  const to = Math.min(text.length, f.end + width);
  let out = from > 0 ? '...' : '';
  let cursor = from;
  // Neighbours can start before the window or end after it; any part of one in view is masked.
  let k = index;
  while (k > 0 && findings[k - 1]!.end > from) k--;
  for (; k < findings.length && findings[k]!.start < to; k++) {
    const g = findings[k]!;
    if (g.end <= cursor) continue;
    out += clean(text.slice(cursor, Math.max(cursor, g.start)));
    out += `[${g.type}]`;
    cursor = Math.max(cursor, g.end);
  }
  if (cursor < to) out += clean(text.slice(cursor, to));
  if (to < text.length) out += '...';
  return out;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ');
}
