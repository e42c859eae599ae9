import { describe, expect, it } from 'vitest';
import { columnBelow, columnHeader } from './table.ts';

/** The header of the column holding the first occurrence of `value` in `text`. */
function headerOf(text: string, value: string): string | null {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`no ${value} in the text`);
  return columnHeader(text, start, start + value.length);
}

describe('columnHeader', () => {
  const csv = [
    'Clients (export):',
    'Nom,E-mail,Téléphone,Commande,Montant',
    'Ana Ruiz,ana@example.org,02 02 40 80 68,90911085,"2 207,50 €"',
    'Bo Li,bo@example.org,07-31-85-53-05,ORD-2023-447987,"333,49 €"',
  ].join('\n');

  it('names the column of a cell in a comma-separated table, quotes respected', () => {
    expect(headerOf(csv, '02 02 40 80 68')).toBe('Téléphone');
    expect(headerOf(csv, '07-31-85-53-05')).toBe('Téléphone');
    expect(headerOf(csv, '90911085')).toBe('Commande');
    expect(headerOf(csv, '"333,49 €"')).toBe('Montant');
    // A value must fill its cell: part of a cell is not labelled by the header.
    expect(headerOf(csv, '333,49')).toBeNull();
  });

  it('reads tabs before semicolons before commas, and CRLF line ends', () => {
    const tsv = 'Name\tPhone, work\tNotes\r\nAna\t0680501210\tcall, after 5\r\nBo\t0783558104\tx';
    expect(headerOf(tsv, '0783558104')).toBe('Phone, work');
    expect(headerOf(tsv, 'call, after 5')).toBe('Notes');
    const semi = 'Name;Teléfono;Pedido\nAna;690 247 010;1.034,99';
    expect(headerOf(semi, '690 247 010')).toBe('Teléfono');
  });

  it('reads a Markdown or ASCII table by its pipes, commas and semicolons inside cells', () => {
    const md = [
      '| Customer | Phone | Notes |',
      '|---|---|---|',
      '| Mylan Veenstra | 06 12345678 | call after 5, please |',
      '| Ana Ruiz | 0680501210 | x; y |',
    ].join('\n');
    expect(headerOf(md, 'Mylan Veenstra')).toBe('Customer');
    expect(headerOf(md, '0680501210')).toBe('Phone');
    expect(headerOf(md, 'call after 5, please')).toBe('Notes');
    // A pipe inside a line of prose opens no table.
    expect(headerOf('Name a | b\nAna | 0680501210', '0680501210')).toBeNull();
  });

  it('takes a row whose cells are words as a header even with a digit in one', () => {
    const md =
      '| Kd.-Nr. | Name | Umsatz 12M |\n|---|---|---|\n| 5291963 | Vitus Gruber | 1.972,90 EUR |';
    expect(headerOf(md, 'Vitus Gruber')).toBe('Name');
    expect(headerOf(md, '1.972,90 EUR')).toBe('Umsatz 12M');
    // A row with a cell of digits is values, not a header.
    expect(headerOf('Ana | 5291963 | x\nBo | 3994268 | y', '3994268')).toBeNull();
  });

  it('reads rows with two pipes or more as a table without outer pipes, quote marks as text', () => {
    const invoice = [
      'Pos. | Menge | Artikel | Einzelpreis',
      '1 | 32 | Zenith Monitor 27" | 485,89 €',
      '2 | 40 | Incredible Bamboo Ball | 291,62 €',
    ].join('\n');
    expect(headerOf(invoice, 'Incredible Bamboo Ball')).toBe('Artikel');
    expect(headerOf(invoice, 'Zenith Monitor 27"')).toBe('Artikel');
    expect(headerOf(invoice, '291,62 €')).toBe('Einzelpreis');
  });

  it('has no header for the header row itself, prose, or a block whose first row holds digits', () => {
    expect(headerOf(csv, 'Commande')).toBeNull();
    expect(headerOf('Call me on 0680501210, or mail me.\nThanks, Ana', '0680501210')).toBeNull();
    const noHeader = 'Ana,0680501210,12\nBo,0783558104,13';
    expect(headerOf(noHeader, '0783558104')).toBeNull();
    // Rows that split differently are another block.
    const mixed = 'Name,Phone\nsee below, please\nAna,Bo,0783558104';
    expect(headerOf(mixed, '0783558104')).toBeNull();
  });

  it('keeps a table whose row has an unquoted comma in a value', () => {
    const stray = [
      'first_name,last_name,dob,city',
      'Amara,Okafor,September 10, 1999,Leeds',
      'Tomasz,Wrobel,1987-03-02,Poznan',
    ].join('\n');
    // The rows below it keep their header...
    expect(headerOf(stray, 'Wrobel')).toBe('last_name');
    expect(headerOf(stray, '1987-03-02')).toBe('dob');
    // ...and its own cells are counted as if the comma (the one before a space) were quoted.
    expect(headerOf(stray, 'Okafor')).toBe('last_name');
    expect(headerOf(stray, 'September 10, 1999')).toBe('dob');
    expect(headerOf(stray, 'Leeds')).toBe('city');
    // Without a space to tell where the value goes on, its cells have no header.
    const unclear = 'a,b,c\nAna,12,4,x\nBo,13,y';
    expect(headerOf(unclear, 'Ana')).toBeNull();
    expect(headerOf(unclear, '13')).toBe('b');
  });

  it('answers null for a span across cells or lines, and on the first line', () => {
    expect(headerOf(csv, 'Ana Ruiz,ana')).toBeNull();
    expect(columnHeader(csv, csv.indexOf('Nom'), csv.indexOf('Ana'))).toBeNull();
    expect(headerOf('a,b\n', 'a')).toBeNull();
  });

  it('stays right when asked about rows out of order and about several texts in turn', () => {
    const long = [
      'Id,Phone',
      ...Array.from({ length: 500 }, (_, i) => `${i},06${String(i).padStart(8, '0')}`),
    ].join('\n');
    expect(headerOf(long, '0600000499')).toBe('Phone');
    expect(headerOf(long, '0600000003')).toBe('Phone');
    expect(headerOf(long, 'Phone')).toBeNull();
    expect(headerOf(csv, '90911085')).toBe('Commande');
    expect(headerOf(long, '0600000250')).toBe('Phone');
  });
});

describe('columnBelow', () => {
  const tsv =
    'Name\tDOB\tNotes\nAna Ruiz\t1985-03-12\tcalled twice\nBo Li\t"04/07/1990"\t\n\nlater text';

  it('gives the cells under a header cell, trimmed and unquoted, down to the end of the block', () => {
    const at = tsv.indexOf('DOB');
    const below = columnBelow(tsv, at, at + 3);
    expect(below?.header).toBe('DOB');
    expect(below?.cells.map((c) => tsv.slice(c.start, c.end))).toEqual([
      '1985-03-12',
      '04/07/1990',
    ]);
  });

  it('reads a row with an unquoted comma in a value as columnHeader does', () => {
    const csv = 'Name,DOB,City\nAna,March 3, 1985,Lyon\nBo,1990-07-04,Metz\nCy,12,3,x';
    const at = csv.indexOf('DOB');
    expect(columnBelow(csv, at, at + 3)?.cells.map((c) => csv.slice(c.start, c.end))).toEqual([
      'March 3, 1985',
      '1990-07-04',
    ]);
    const skip = 'Name,DOB\nAna,1985-03-12\nBo,12,3\nCy,1990-07-04';
    const dob = skip.indexOf('DOB');
    expect(columnBelow(skip, dob, dob + 3)?.cells.map((c) => skip.slice(c.start, c.end))).toEqual([
      '1985-03-12',
      '1990-07-04',
    ]);
  });

  it('gives nothing for a cell that is not in a header row, or a header with nothing below', () => {
    const at = tsv.indexOf('1985');
    expect(columnBelow(tsv, at, at + 4)).toBeNull();
    expect(columnBelow('Name,DOB', 5, 8)).toBeNull();
    expect(columnBelow('The DOB, as asked, is below.\n1985-03-12', 4, 7)).toBeNull();
    // A row above that splits the same way: this is a data row that happens to hold no digit.
    const data = 'Name,City\nAna,Lyon\nBo,Born\nCy,Metz';
    expect(columnBelow(data, data.indexOf('Born'), data.indexOf('Born') + 4)).toBeNull();
  });
});

describe('psql results', () => {
  const psql = [
    'prod=> SELECT id, full_name, birth_date FROM customers LIMIT 2;',
    '   id   |    full_name     | birth_date',
    '--------+------------------+------------',
    '  62363 | Dillon Miller    | 1978-04-04',
    '  40921 | Meaghan Jacobson | 1960-11-18',
    '(2 rows)',
  ].join('\n');

  it('reads the header above the rule, from a cell and from the header', () => {
    expect(headerOf(psql, '1960-11-18')).toBe('birth_date');
    expect(headerOf(psql, 'Dillon Miller')).toBe('full_name');
    const at = psql.indexOf('birth_date', psql.indexOf('\n'));
    expect(columnBelow(psql, at, at + 10)?.cells.map((c) => psql.slice(c.start, c.end))).toEqual([
      '1978-04-04',
      '1960-11-18',
    ]);
  });

  it('takes no rule of dashes alone, nor a rule that splits otherwise, for a header', () => {
    const plain = '   id   |    full_name\n----------------\n  62363 | Dillon Miller';
    expect(headerOf(plain, 'Dillon Miller')).toBeNull();
    const other = ' a | b | c\n---+---\n 1 | Dillon Miller';
    expect(headerOf(other, 'Dillon Miller')).toBeNull();
  });
});

describe('MySQL results', () => {
  const mysql = [
    'mysql> SELECT first_name, last_name, birth_date FROM users LIMIT 2;',
    '+------------+-----------+------------+',
    '| first_name | last_name | birth_date |',
    '+------------+-----------+------------+',
    '| Annika     | Reuter    | 1984-12-02 |',
    '| Selin      | Öztürk    | 1977-08-25 |',
    '+------------+-----------+------------+',
    '2 rows in set (0.01 sec)',
  ].join('\n');

  it('reads the header inside the box, above its rule, from a cell and from the header', () => {
    expect(headerOf(mysql, 'Öztürk')).toBe('last_name');
    expect(headerOf(mysql, '1984-12-02')).toBe('birth_date');
    const at = mysql.indexOf('first_name', mysql.indexOf('\n'));
    expect(columnBelow(mysql, at, at + 10)?.cells.map((c) => mysql.slice(c.start, c.end))).toEqual([
      'Annika',
      'Selin',
    ]);
  });
});

describe('tables after blank lines', () => {
  it('finds a header on the second line after an empty first line', () => {
    const text = '\nName\tPhone\nAna\t0680501210\nBo\t0783558104';
    expect(headerOf(text, '0783558104')).toBe('Phone');
    expect(headerOf(text, '0680501210')).toBe('Phone');
    const at = text.indexOf('Phone');
    expect(columnBelow(text, at, at + 5)?.cells.length).toBe(2);
    expect(headerOf('\n\nA,B\n1,2', '2')).toBe('B');
  });
});

describe('tables aligned with spaces', () => {
  const list = [
    'Rooming list',
    '',
    'Rm  Type  Name                     Sex  DOB         Passport',
    '1   TWN   ITO/YUTO                 M    13/06/1945  TK7585582',
    '1         SATO/HIROSHI             M    08/10/1986  TS0426947',
    '2   DBL   KATO/YOKO                F    08/07/1957  TR9663144',
    '',
    'Notes: 2 pax  no pork',
  ].join('\n');

  it('gives the cells under a header word, row by row, down to a blank line', () => {
    const at = list.indexOf('DOB');
    const below = columnBelow(list, at, at + 3);
    expect(below?.header).toBe('DOB');
    expect(below?.cells.map((c) => list.slice(c.start, c.end))).toEqual([
      '13/06/1945',
      '08/10/1986',
      '08/07/1957',
    ]);
  });

  it("gives a cell's header, also under an empty cell of another column", () => {
    expect(headerOf(list, 'TS0426947')).toBe('Passport');
    expect(headerOf(list, '08/10/1986')).toBe('DOB');
    expect(headerOf(list, 'SATO/HIROSHI')).toBe('Name');
  });

  it('reads prose, a single gap and a header with digits as no table', () => {
    expect(headerOf('We met on  13/06/1945  at noon', '13/06/1945')).toBeNull();
    const prose = 'Name and DOB below\n13/06/1945  TK7585582';
    expect(headerOf(prose, 'TK7585582')).toBeNull();
    const digits = 'Q1  Q2  Q3\n10  20  30';
    expect(headerOf(digits, '20')).toBeNull();
    const after = list.indexOf('no pork');
    expect(columnHeader(list, after, after + 7)).toBeNull();
  });
});
