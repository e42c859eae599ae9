/**
 * A data table with a caption and a "Download CSV" button: every table in the dashboard is one of
 * these, so every table can be exported (issue 6). The CSV holds the raw values (full ids, ISO
 * times, plain numbers), not the formatted text on screen.
 */
import type { ComponentChildren } from 'preact';
import { downloadCsv, toCsv, type Cell } from '../csv.ts';

export interface Column<R> {
  /** Header text (also the CSV header). */
  label: string;
  /** The raw value, used for the CSV and, without `render`, shown as is. */
  value: (row: R) => Cell;
  /** What the cell shows, when not the raw value. */
  render?: (row: R) => ComponentChildren;
  numeric?: boolean;
}

export interface TableProps<R> {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  /** File name of the CSV export, without extension. */
  csvName: string;
  /** Shown instead of the table body when there are no rows. */
  empty?: string;
  /** Rows after the data (totals, "other"), included in the CSV. */
  footer?: R[];
}

export function Table<R>({ caption, columns, rows, csvName, empty, footer }: TableProps<R>) {
  const all = [...rows, ...(footer ?? [])];
  const exportCsv = () =>
    downloadCsv(
      `${csvName}.csv`,
      toCsv(
        columns.map((c) => c.label),
        all.map((r) => columns.map((c) => c.value(r))),
      ),
    );
  const cells = (r: R, i: number) => (
    <tr key={i}>
      {columns.map((c) => (
        <td class={c.numeric ? 'num' : undefined}>{c.render ? c.render(r) : c.value(r)}</td>
      ))}
    </tr>
  );
  return (
    <div class="table-block">
      <div class="table-tools">
        <button type="button" class="secondary" onClick={exportCsv}>
          Download CSV<span class="sr-only">: {caption}</span>
        </button>
      </div>
      <div class="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" class={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} class="empty">
                  {empty ?? 'Nothing in this period.'}
                </td>
              </tr>
            ) : (
              rows.map(cells)
            )}
          </tbody>
          {footer && footer.length > 0 && <tfoot>{footer.map(cells)}</tfoot>}
        </table>
      </div>
    </div>
  );
}
