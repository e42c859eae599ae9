/**
 * The only file that imports compromise: a narrow adapter, so the rest of the engine never
 * depends on its API and the cost of calling it stays visible in one place.
 *
 * Not wired into the person-name detector, by measurement (see the detector's doc comment):
 * as a tie-breaker for segments scored just under the threshold it added about as many false
 * alarms as names (presidio_synth_v2 PERSON F1 0.853 -> 0.854, test/corpus tickets 0.964 ->
 * 0.960, negatives 0 -> 9 false alarms), cost 20-35 ms a call on this machine and about 360 ms
 * to load. findNames() accepts `isPersonAt` as its `tieBreaker` option, so the experiment can be
 * repeated when the corpora or compromise change.
 */
import nlp from 'compromise';
import type { Span } from '../types.ts';

/** People compromise finds in `text`, as UTF-16 spans into `text`. */
export function peopleIn(text: string): Span[] {
  const out: Span[] = [];
  const json = nlp(text).people().json({ offset: true }) as Array<{
    offset?: { start: number; length: number };
  }>;
  for (const p of json) {
    if (p.offset) out.push({ start: p.offset.start, end: p.offset.start + p.offset.length });
  }
  return out;
}

/**
 * Whether compromise sees a person overlapping [start, end) of `text`, judged on at most 120
 * characters either side, so the cost per question is bounded.
 */
export function isPersonAt(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 120);
  const to = Math.min(text.length, end + 120);
  const window = text.slice(from, to);
  return peopleIn(window).some((p) => p.start + from < end && start < p.end + from);
}
