import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, type Cell } from './csv.ts';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and reads back the same', () => {
    const rows = [['a,b', 'say "hi"', 'two\nlines', 3, null]];
    const csv = toCsv(['x', 'y', 'z', 'n', 'empty'], rows);
    expect(csv).toBe('x,y,z,n,empty\r\n"a,b","say ""hi""","two\nlines",3,');
    expect(Papa.parse(csv, { newline: '\r\n' }).data[1]).toEqual([
      'a,b',
      'say "hi"',
      'two\nlines',
      '3',
      '',
    ]);
  });

  it('neutralises spreadsheet formulas with a leading apostrophe, numbers stay numbers', () => {
    const cells = ['=1+2', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=cmd\nmore', 'plain', 'a=b'];
    const csv = toCsv(['c'], [...cells.map((c): Cell[] => [c]), [-3]]);
    const back = (Papa.parse<string[]>(csv, { newline: '\r\n' }).data as string[][])
      .slice(1)
      .map((r) => r[0]);
    expect(back).toEqual([
      "'=1+2",
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "'=cmd\nmore",
      'plain',
      'a=b',
      '-3',
    ]);
  });
});
