/**
 * Two small SVG charts, our own rather than a library's: a chart library that renders SVG and
 * prints well (Recharts, ECharts' SVG renderer, Frappe) costs 40 to 300 kB gzipped, or needs
 * React compatibility, for two bar charts; these are about 2 kB. SVG scales in print and keeps
 * text as text. Colours come from CSS classes (the CSP allows no inline styles); the print
 * stylesheet turns them into black and a hatch-free grey. Each chart has a text label, and the
 * same figures are in the table beside it for screen readers and CSV.
 */

export interface SeriesBar {
  label: string;
  value: number;
  /** The matching bucket of the previous period (null: withheld). */
  previous: number | null;
}

const W = 720;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 34, left: 44 };

/** A round axis maximum (1, 2, 5 x 10^n) at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** Vertical bars per bucket: this period solid, the previous period as a thin bar beside it. */
export function SeriesChart({ bars, label }: { bars: SeriesBar[]; label: string }) {
  const max = niceMax(Math.max(0, ...bars.flatMap((b) => [b.value, b.previous ?? 0])));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const slot = bars.length ? iw / bars.length : iw;
  const bw = Math.max(2, slot * 0.55);
  const y = (v: number) => PAD.top + ih - (v / max) * ih;
  const every = Math.ceil(bars.length / 14);
  // A chart without a previous period (Shadow AI's visits) has no comparison to label.
  const compare = bars.some((b) => b.previous !== null);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {[0, 0.5, 1].map((f) => (
        <g>
          <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} />
          <text class="axis" x={PAD.left - 6} y={y(max * f) + 4} text-anchor="end">
            {Math.round(max * f)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const x = PAD.left + i * slot + (slot - bw) / 2;
        return (
          <g>
            <rect class="bar" x={x} y={y(b.value)} width={bw} height={y(0) - y(b.value)}>
              <title>
                {compare
                  ? `${b.label}: ${b.value} (previous period: ${b.previous ?? 'withheld'})`
                  : `${b.label}: ${b.value}`}
              </title>
            </rect>
            {b.previous !== null && (
              <rect
                class="bar-prev"
                x={x + bw + 1}
                y={y(b.previous)}
                width={Math.max(1.5, bw * 0.25)}
                height={y(0) - y(b.previous)}
              />
            )}
            {i % every === 0 && (
              <text class="axis" x={x + bw / 2} y={H - PAD.bottom + 16} text-anchor="middle">
                {b.label.slice(5)}
              </text>
            )}
          </g>
        );
      })}
      {compare && (
        <g class="legend">
          <rect class="bar" x={PAD.left} y={H - 12} width={10} height={10} />
          <text class="axis" x={PAD.left + 14} y={H - 3}>
            this period
          </text>
          <rect class="bar-prev" x={PAD.left + 100} y={H - 12} width={10} height={10} />
          <text class="axis" x={PAD.left + 114} y={H - 3}>
            previous period
          </text>
        </g>
      )}
    </svg>
  );
}

export interface HBar {
  label: string;
  value: number;
  previous: number | null;
}

/** Horizontal bars, one row each, with the previous period as a thin bar under each. */
export function HBarChart({ bars, label }: { bars: HBar[]; label: string }) {
  const rowH = 26;
  const left = 130;
  const width = 360;
  const max = niceMax(Math.max(0, ...bars.flatMap((b) => [b.value, b.previous ?? 0])));
  const x = (v: number) => (v / max) * (width - left - 40);
  const h = Math.max(rowH, bars.length * rowH);
  return (
    <svg class="chart hbar" viewBox={`0 0 ${width} ${h}`} role="img" aria-label={label}>
      {bars.map((b, i) => (
        <g>
          <text class="axis" x={left - 6} y={i * rowH + 14} text-anchor="end">
            {b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}
          </text>
          <rect class="bar" x={left} y={i * rowH + 4} width={x(b.value)} height={12}>
            <title>{`${b.label}: ${b.value} (previous period: ${b.previous ?? 'withheld'})`}</title>
          </rect>
          {b.previous !== null && (
            <rect class="bar-prev" x={left} y={i * rowH + 18} width={x(b.previous)} height={4} />
          )}
          <text class="axis" x={left + x(b.value) + 4} y={i * rowH + 14}>
            {b.value}
          </text>
        </g>
      ))}
    </svg>
  );
}
