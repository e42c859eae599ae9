/**
 * CSV export of a table (issue 6: "CSV export of every table"). Papa Parse writes the CSV (RFC
 * 4180 quoting of commas, quotes and line breaks). Cells that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or carriage return, per OWASP's CSV injection advice) get a
 * leading apostrophe. Papa's own `escapeFormulae: true` pattern, /^[=+\-@\t\r].*$/, misses a cell
 * whose text has a line break (`.` stops at the newline and `$` then fails), so a pattern of our
 * own, anchored at the start only, is passed instead. Numbers are written as numbers, so -3 stays
 * a number.
 */
import Papa from 'papaparse';

/** A spreadsheet would treat a cell starting with one of these as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean | null | undefined;

/** The CSV text of a header row and data rows (CRLF line ends, as RFC 4180 says). */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const clean = (c: Cell) => (c === null || c === undefined ? '' : c);
  return Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map(clean)) },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  );
}

/** Offers the CSV as a download named `name` (a UTF-8 BOM so spreadsheets read accents). */
export function downloadCsv(name: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
