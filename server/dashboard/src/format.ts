/** Number, date and change formatting shared by the pages (one locale: the browser's). */

const int = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

export const fmtInt = (n: number) => int.format(n);
export const fmtPct = (n: number) => pct.format(n);

/** "2026-11-28 14:05 UTC" from an ISO time (UTC, so every reader and the CSV agree). */
export function fmtTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The change against the previous period, as text: "+12 (+40%)", "−3 (−10%)", "new", "=". */
export function fmtChange(now: number, before: number | null): string {
  if (before === null) return 'withheld';
  if (now === before) return '=';
  if (before === 0) return 'new';
  const d = now - before;
  const sign = d > 0 ? '+' : '−';
  return `${sign}${fmtInt(Math.abs(d))} (${sign}${pct.format(Math.abs(d) / before)})`;
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a time in ms (UTC). */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The default period: the 28 days ending today (UTC), both included. */
export function defaultPeriod(now = Date.now()): { from: string; to: string } {
  return { from: dayOf(now - 27 * DAY_MS), to: dayOf(now) };
}

/** The previous period of the same length (as the server computes it, summary.ts). */
export function previousOf(p: { from: string; to: string }): { from: string; to: string } {
  const from = Date.parse(`${p.from}T00:00:00Z`);
  const to = Date.parse(`${p.to}T00:00:00Z`);
  const n = Math.round((to - from) / DAY_MS) + 1;
  return { from: dayOf(from - n * DAY_MS), to: dayOf(from - DAY_MS) };
}
