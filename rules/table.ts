/**
 * Tables pasted as text: a CSV or TSV export, or a spreadsheet range copied into a ticket. There
 * the column's header is a value's context, and often its only context: a column of bare
 * national numbers under "Téléphone", of dates under "DOB". `columnHeader` gives a detector the
 * header of the cell a candidate sits in.
 *
 * A table is a block of consecutive lines that split into the same number (two or more) of cells
 * at the same separator: a tab, else a pipe on a line that opens with one (Markdown and ASCII
 * tables), else a semicolon, else a comma, never inside double quotes. Its
 * first line is the header when it holds a letter and no digit; otherwise the block has none. Cells spanning lines (quoted line breaks) are not understood:
 * such a table reads as several blocks, which only loses a header, never invents one.
 */

import { lineStartWithin } from './scan-util.ts';

const TAB = 9;
const NEWLINE = 10;
const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const PIPE = 124;

/** One line's cells: where each starts, and where the line ends. */
interface Row {
  /** The separator's code (TAB, SEMICOLON, COMMA), or 0 when the line is no table row. */
  sep: number;
  /** Where each cell starts; cell i ends one before starts[i + 1] (the separator), the last at `end`. */
  starts: number[];
  end: number;
  /** Whether it reads as a header row; decided when first asked. */
  header?: boolean;
}

/** The last text asked about, and what is known of its lines (by line start). */
let memoText: string | null = null;
let rows = new Map<number, Row>();
/** The first row of the block each table row seen belongs to. */
let tops = new Map<number, number>();
/** The line lineStartOf found last, in memoText: [start, end] (end at its break). */
let lastLineStart = 0;
let lastLineEnd = -1;

/**
 * The header cell (trimmed, without quotes) of the column whose cell text[start, end) fills, or
 * null when that span does not fill one cell of a table row with a header above it. The span must not
 * cross a line break. Linear over a scan: each line is split at most once per text, and the
 * walk up to a block's first row is remembered for every row it passes.
 */
export function columnHeader(text: string, start: number, end: number): string | null {
  // Most values stand in prose: rule them out before any line is read.
  if (!fillsCell(text, start, end)) return alignedHeader(text, start, end);
  remember(text);
  const lineStart = lineStartOf(text, start);
  if (lineStart === 0) return null; // the first line has nothing above it
  const row = rowAt(text, lineStart);
  if (row.sep === 0 || end > row.end) return null;
  let cell = cellIndex(row, start);
  let last = cellIndex(row, Math.max(start, end - 1));
  let top = topOf(text, lineStart, row);
  if (top === lineStart) {
    // A row with a comma too many in a value, each after a space ("Okafor,September 10,
    // 1999,Leeds"), under its table's rows: its cells are counted as if that comma were quoted.
    const above = rowAt(text, lineBefore(text, lineStart));
    if (!isStray(row, above)) return null;
    const merged = mergedCells(text, row, above.starts.length);
    if (merged === null) return null;
    cell = merged[cell]!;
    last = merged[last]!;
    top = topOf(text, lineBefore(text, lineStart), above);
  }
  if (cell !== last) return null;
  const header = rowAt(text, top);
  if (!isHeader(text, header)) return null;
  const name = cellText(text, header, cell);
  if (name === '') return null;
  lastHeader = header;
  return name;
}

/** The header row of the last columnHeader call that found one. */
let lastHeader: Row | null = null;

/**
 * Whether the header row that the last successful columnHeader call on `text` read has a cell
 * that `re` matches: "nombre" heads people when "apellido" stands beside it.
 */
export function headerRowHas(text: string, re: RegExp): boolean {
  const row = lastHeader;
  if (row === null || text !== memoText) return false;
  for (let i = 0; i < row.starts.length; i++) if (re.test(cellText(text, row, i))) return true;
  return false;
}

/**
 * Whether text[start, end) fills what could be a table cell: only spaces and a double quote
 * stand between it and a tab, semicolon, comma or line break (or the text's edge) on each side.
 */
function fillsCell(text: string, start: number, end: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === QUOTE)) k--;
  if (k >= 0 && !isCellEdge(text.charCodeAt(k))) return false;
  k = end;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === QUOTE)) k++;
  return k >= text.length || isCellEdge(text.charCodeAt(k));
}

function isCellEdge(c: number): boolean {
  return c === TAB || c === SEMICOLON || c === COMMA || c === PIPE || c === NEWLINE || c === 13;
}

/**
 * Makes `text` the one the memos describe, clearing them when it differs. Equal text may be
 * another string object (each scan normalises anew); holding the current object lets every
 * later call match on identity, where comparing 1 MB character by character on each of
 * thousands of calls cost a 1 MB paste over 400 ms.
 */
function remember(text: string): void {
  if (text !== memoText) {
    rows = new Map();
    tops = new Map();
    lastLineEnd = -1;
  }
  memoText = text;
}

/** The index of the cell holding `pos` in `row` (a binary search: a line may hold many cells). */
function cellIndex(row: Row, pos: number): number {
  const { starts } = row;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Whether `row` is a row of `block`'s table with an unquoted separator or two inside a value (a
 * date, an address or "Surname, Given" in a CSV written by hand): one or two cells too many.
 */
function isStray(row: Row, block: Row): boolean {
  const extra = row.starts.length - block.starts.length;
  return row.sep === block.sep && block.sep !== PIPE && extra >= 1 && extra <= 2;
}

/**
 * For a stray row (isStray), each cell's index in its table's `count` columns when the cells
 * that open with a space are the rest of the value before them; null when that does not give
 * `count` columns.
 */
function mergedCells(text: string, row: Row, count: number): number[] | null {
  const index: number[] = [];
  let column = -1;
  for (let i = 0; i < row.starts.length; i++) {
    if (i === 0 || text.charCodeAt(row.starts[i]!) !== 32) column++;
    index.push(column);
  }
  return column === count - 1 ? index : null;
}

/** The first row of the block (rows split alike) that holds the row at `lineStart`. */
// (And MySQL's box: "+------+-----+".)
const PSQL_RULE = /^[ \t]*(?:-{2,}(?:\+-{2,})+|\+(?:-{2,}\+)+)[ \t]*\r?$/;

function topOf(text: string, lineStart: number, row: Row): number {
  const passed: number[] = [];
  let top = lineStart;
  let known = tops.get(lineStart);
  while (known === undefined) {
    passed.push(top);
    if (top === 0) break;
    const above = lineBefore(text, top);
    const prev = rowAt(text, above);
    if (prev.sep !== row.sep || prev.starts.length !== row.starts.length) {
      // A row with a comma too many in a value ("Okafor,September 10, 1999,Leeds") keeps the
      // rows below it in their block when the row above it splits like them.
      if (isStray(prev, row) && above > 0) {
        const beyond = lineBefore(text, above);
        const next = rowAt(text, beyond);
        if (next.sep === row.sep && next.starts.length === row.starts.length) {
          top = beyond;
          known = tops.get(beyond);
          continue;
        }
      }
      // A psql result's rule ("----+----") parts its header from its rows: the header heads
      // them when it has as many cells.
      if (row.sep === PIPE && above > 0 && top - above <= 400) {
        if (PSQL_RULE.test(text.slice(above, top - 1))) {
          const head = lineBefore(text, above);
          const h = rowAt(text, head);
          if (h.sep === row.sep && h.starts.length === row.starts.length) {
            passed.push(above);
            top = head;
          }
        }
      }
      break;
    }
    top = above;
    known = tops.get(above);
  }
  const answer = known ?? top;
  for (const p of passed) tops.set(p, answer);
  return answer;
}

/**
 * Where the line holding `pos` starts. The last line found is remembered: a detector asks about
 * its candidates in order, and on one long line (a 1 MB paste without a break) searching back
 * from each would cost the line's length every time.
 */
function lineStartOf(text: string, pos: number): number {
  if (pos >= lastLineStart && pos <= lastLineEnd) return lastLineStart;
  lastLineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const end = text.indexOf('\n', pos);
  lastLineEnd = end < 0 ? text.length : end;
  return lastLineStart;
}

/** Where the line before the one starting at `lineStart` (> 0) starts. */
function lineBefore(text: string, lineStart: number): number {
  // lastIndexOf reads a negative position as 0, which would find the break before this line.
  return lineStart < 2 ? 0 : text.lastIndexOf('\n', lineStart - 2) + 1;
}

// Module-level: a regex literal inside a function makes a new RegExp object each time it runs.
const HAS_DIGIT = /\d/;
const HAS_LETTER = /\p{L}/u;

/** Whether `row` reads as column names: no digit anywhere, and a letter (decided once a row). */
function isHeader(text: string, row: Row): boolean {
  if (row.header === undefined) {
    const line = text.slice(row.starts[0], row.end);
    row.header = HAS_LETTER.test(line) && (!HAS_DIGIT.test(line) || wordsInEveryCell(text, row));
  }
  return row.header;
}

/**
 * Whether every cell of a row with digits in it is a word or words ("Umsatz 12M", "Address line
 * 2"), as a header's are: a row of values holds a cell of digits or mostly digits ("5291963",
 * "08.09.1969", "+49 6221 890227").
 */
function wordsInEveryCell(text: string, row: Row): boolean {
  for (let i = 0; i < row.starts.length; i++) {
    const { start, end } = cellSpan(text, row, i);
    let letters = 0;
    let digits = 0;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c >= 48 && c <= 57) digits++;
      else if (HAS_LETTER.test(text[k]!)) letters++;
    }
    if (start < end && (letters === 0 || digits > letters)) return false;
  }
  return true;
}

function cellText(text: string, row: Row, i: number): string {
  const { start, end } = cellSpan(text, row, i);
  return text.slice(start, end);
}

/** The row starting at `lineStart` (split once per text). */
function rowAt(text: string, lineStart: number): Row {
  let row = rows.get(lineStart);
  if (row !== undefined) return row;
  let end = text.indexOf('\n', lineStart);
  if (end < 0) end = text.length;
  if (end > lineStart && text.charCodeAt(end - 1) === 13) end--; // CRLF
  row = split(text, lineStart, end);
  rows.set(lineStart, row);
  return row;
}

/** Splits text[from, to) at its separator, outside double quotes. */
function split(text: string, from: number, to: number): Row {
  let tabs = 0;
  let semicolons = 0;
  let commas = 0;
  let pipes = 0;
  let quoted = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (c === PIPE) pipes++;
    else if (!quoted) {
      if (c === TAB) tabs++;
      else if (c === SEMICOLON) semicolons++;
      else if (c === COMMA) commas++;
    }
  }
  // A line that opens with a pipe is a row of a Markdown or ASCII table ("| Mylan | 5512 |"),
  // and so is one with two pipes or more between cells ("3 | 40 | Bamboo Ball | 291,62 €"):
  // its cells may hold commas, semicolons and quote marks ('Monitor 27"'), which are text there.
  let first = from;
  while (first < to && text.charCodeAt(first) === 32) first++;
  const piped = tabs === 0 && (text.charCodeAt(first) === PIPE || pipes >= 2);
  const sep = tabs > 0 ? TAB : piped ? PIPE : semicolons > 0 ? SEMICOLON : commas > 0 ? COMMA : 0;
  if (sep === 0 || (quoted && !piped)) return { sep: 0, starts: [from], end: to };
  const starts = [from];
  quoted = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && !piped) quoted = !quoted;
    else if (c === sep && !quoted) starts.push(i + 1);
    else if (c === NEWLINE) break;
  }
  return { sep, starts, end: to };
}

/** A cell's span in the text, trimmed of spaces and of the quotes around it. */
export interface Cell {
  start: number;
  end: number;
}

/**
 * The cells under the header cell holding text[start, end), row by row, when that span is inside
 * one cell of a table's header row (see the module comment); otherwise none. `header` is that
 * header cell's text. A detector whose label heads a column reads each of these cells as a value
 * right after its label.
 */
export function columnBelow(
  text: string,
  start: number,
  end: number,
): { header: string; cells: Cell[] } | null {
  remember(text);
  const lineStart = lineStartOf(text, start);
  const row = rowAt(text, lineStart);
  if (row.sep === 0 && end <= row.end) return alignedBelow(text, lineStart, row.end, start, end);
  if (row.sep === 0 || end > row.end || !isHeader(text, row)) return null;
  const column = cellIndex(row, start);
  if (column !== cellIndex(row, Math.max(start, end - 1))) return null;
  // The header must start its block: the row above, if any, splits otherwise.
  if (lineStart > 0) {
    const above = rowAt(text, lineBefore(text, lineStart));
    if (above.sep === row.sep && above.starts.length === row.starts.length) return null;
  }
  const cells: Cell[] = [];
  let first = true;
  for (let next = row.end; next < text.length;) {
    next = text.indexOf('\n', next) + 1;
    if (next === 0) break;
    // (A psql result's rule under its header: the rows start after it.)
    if (first && row.sep === PIPE) {
      const ruleEnd = text.indexOf('\n', next);
      if (ruleEnd > next && ruleEnd - next <= 400 && PSQL_RULE.test(text.slice(next, ruleEnd))) {
        next = ruleEnd + 1;
      }
    }
    first = false;
    let below = rowAt(text, next);
    if (isStray(below, row)) {
      // A row with a comma too many in a value: its cell counted as columnHeader counts it,
      // or, when that cannot be told, the row is passed over (see topOf).
      const merged = mergedCells(text, below, row.starts.length);
      if (merged !== null) {
        const from = cellSpan(text, below, merged.indexOf(column)).start;
        cells.push({ start: from, end: cellSpan(text, below, merged.lastIndexOf(column)).end });
        next = below.end;
        continue;
      }
      const afterStray = text.indexOf('\n', below.end) + 1;
      const after = afterStray > 0 ? rowAt(text, afterStray) : null;
      if (after !== null && after.sep === row.sep && after.starts.length === row.starts.length) {
        below = after;
      }
    }
    if (below.sep !== row.sep || below.starts.length !== row.starts.length) break;
    cells.push(cellSpan(text, below, column));
    next = below.end;
  }
  return cells.length > 0 ? { header: cellText(text, row, column), cells } : null;
}

// Tables aligned with spaces, as a report, a booking screen or a PDF's table copied as text
// prints them ("Name                     Sex  DOB         Passport"): no separator character, the
// columns are where the header's words start. A header line holds three cells or more parted by
// two spaces or more, letters and no digit; the rows under it are the lines down to a blank one,
// each with two spaces somewhere; a row's cell is what stands between its column's start and the
// next column's, when a blank is right before it (values wider than their column shift the rest
// of their row, whose cells are then not read).

/** Up to how many lines a row may stand under its header. */
const ALIGNED_REACH = 200;
/** Lines longer than this are prose or data, not an aligned table's. */
const ALIGNED_LINE_MAX = 400;
const GAP = /[ ]{2,}/g;
const GAP_ONCE = /\S[ ]{2,}\S/;

/** The cells of an aligned header line [from, to): where each starts and ends; null if none. */
function alignedCells(text: string, from: number, to: number): Cell[] | null {
  if (to - from > ALIGNED_LINE_MAX) return null;
  const line = text.slice(from, to);
  if (HAS_DIGIT.test(line) || !HAS_LETTER.test(line)) return null;
  const cells: Cell[] = [];
  let at = 0;
  while (at < line.length && line.charCodeAt(at) === 32) at++;
  GAP.lastIndex = at;
  for (let m; (m = GAP.exec(line)) !== null;) {
    if (m.index > at) cells.push({ start: from + at, end: from + m.index });
    at = m.index + m[0].length;
  }
  let last = line.length;
  while (last > at && line.charCodeAt(last - 1) === 32) last--;
  if (last > at) cells.push({ start: from + at, end: from + last });
  return cells.length >= 3 ? cells : null;
}

/** Whether the line [from, to) may be an aligned table's row: two spaces between words. */
function alignedRow(text: string, from: number, to: number): boolean {
  return to > from && to - from <= ALIGNED_LINE_MAX && GAP_ONCE.test(text.slice(from, to));
}

/** The cell of an aligned row [from, to) under header cell i of `cells`, or null. */
function alignedCell(
  text: string,
  from: number,
  to: number,
  cells: Cell[],
  i: number,
  headerAt: number,
): Cell | null {
  const colStart = cells[i]!.start - headerAt;
  const colEnd = i + 1 < cells.length ? cells[i + 1]!.start - headerAt : Infinity;
  let a = from + colStart;
  if (a >= to) return null;
  if (a > from && text.charCodeAt(a - 1) !== 32) return null;
  let b = Math.min(to, from + colEnd);
  while (a < b && text.charCodeAt(a) === 32) a++;
  while (b > a && text.charCodeAt(b - 1) === 32) b--;
  if (a === b) return null;
  // The cell must end in the gap before the next column, not run into it.
  if (b < to && b === from + colEnd && text.charCodeAt(b) !== 32) return null;
  return { start: a, end: b };
}

/** columnBelow for an aligned table whose header line is [lineStart, lineEnd). */
function alignedBelow(
  text: string,
  lineStart: number,
  lineEnd: number,
  start: number,
  end: number,
): { header: string; cells: Cell[] } | null {
  const cells = alignedCells(text, lineStart, lineEnd);
  if (cells === null) return null;
  const i = cells.findIndex((c) => c.start <= start && end <= c.end);
  if (i < 0) return null;
  const out: Cell[] = [];
  let next = lineEnd;
  if (alignedMemo !== text) {
    alignedMemo = text;
    alignedTops = new Map();
    alignedBudget = ALIGNED_BUDGET;
  }
  for (let n = 0; n < ALIGNED_REACH && next < text.length && alignedBudget-- > 0; n++) {
    const from = next + 1;
    // (Bounded: a row is short; a long line ends the table without being read to its end.)
    const eol = text.slice(from, from + ALIGNED_LINE_MAX + 2).indexOf('\n');
    if (eol < 0 && from + ALIGNED_LINE_MAX + 2 < text.length) break;
    const to = eol < 0 ? text.length : from + eol;
    next = to;
    const lineTo = to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to;
    if (!alignedRow(text, from, lineTo)) break;
    const cell = alignedCell(text, from, lineTo, cells, i, lineStart);
    if (cell !== null) out.push(cell);
  }
  if (out.length === 0) return null;
  const h = cells[i]!;
  return { header: text.slice(h.start, h.end), cells: out };
}

/** The header line of the aligned table holding each row line seen (-1: none). */
let alignedTops = new Map<number, number>();
let alignedMemo: string | null = null;
/**
 * How many rows under headers a text may have read (alignedBelow): a header's rows are read
 * for each label in it, and a text of nothing but header-like lines would read the same rows
 * again for every one. A real table's header is read once.
 */
const ALIGNED_BUDGET = 5000;
let alignedBudget = ALIGNED_BUDGET;

/**
 * columnHeader for a value in an aligned table: two spaces (or the line's edge) on each side of
 * it, and a header line above, through rows of the table only, whose column holds its start.
 */
function alignedHeader(text: string, start: number, end: number): string | null {
  const before = start === 0 ? 10 : text.charCodeAt(start - 1);
  const after = end >= text.length ? 10 : text.charCodeAt(end);
  const edgeBefore =
    before === 10 ||
    (before === 32 &&
      (start < 2 || text.charCodeAt(start - 2) === 32 || text.charCodeAt(start - 2) === 10));
  const edgeAfter =
    after === 10 || after === 13 || (after === 32 && text.charCodeAt(end + 1) === 32);
  if (!edgeBefore || !edgeAfter) return null;
  if (alignedMemo !== text) {
    alignedMemo = text;
    alignedTops = new Map();
    alignedBudget = ALIGNED_BUDGET;
  }
  // (Bounded: on a long line every candidate would search back to its start.)
  const lineStart = lineStartWithin(text, start, ALIGNED_LINE_MAX);
  if (lineStart < 0) return null;
  let top = alignedTops.get(lineStart);
  if (top === undefined) {
    const passed: number[] = [];
    top = -1;
    let at = lineStart;
    for (let n = 0; n < ALIGNED_REACH && at > 0; n++) {
      passed.push(at);
      const above = at < 2 ? 0 : text.lastIndexOf('\n', at - 2) + 1;
      const aboveEnd = at - 1 > above && text.charCodeAt(at - 2) === 13 ? at - 2 : at - 1;
      const known = alignedTops.get(above);
      if (known !== undefined) {
        top = known;
        break;
      }
      if (alignedCells(text, above, aboveEnd) !== null) {
        top = above;
        break;
      }
      if (!alignedRow(text, above, aboveEnd)) break;
      at = above;
    }
    for (const p of passed) alignedTops.set(p, top);
  }
  if (top < 0) return null;
  const topEnd = text.indexOf('\n', top); // (a header line is short: see alignedCells)
  const cells = alignedCells(text, top, topEnd < 0 ? text.length : topEnd);
  if (cells === null) return null;
  const col = start - lineStart;
  for (let i = cells.length - 1; i >= 0; i--) {
    if (cells[i]!.start - top <= col) {
      const c = cells[i]!;
      return text.slice(c.start, c.end);
    }
  }
  return null;
}

/** Cell i of `row`, trimmed of spaces and of the double quotes around it. */
function cellSpan(text: string, row: Row, i: number): Cell {
  let from = row.starts[i]!;
  let to = i + 1 < row.starts.length ? row.starts[i + 1]! - 1 : row.end;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (to - from >= 2 && text.charCodeAt(from) === QUOTE && text.charCodeAt(to - 1) === QUOTE) {
    from++;
    to--;
  }
  return { start: from, end: to };
}

function isSpace(c: number): boolean {
  return c === 32 || c === TAB || c === 13 || c === 0xa0;
}
