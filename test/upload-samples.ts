/**
 * Made-up documents for the upload tests (unit and end to end): the smallest valid DOCX, XLSX and
 * text PDF that carry a given text, built with fflate like lib/files' own tests. Values in them
 * are invented (a Luhn-valid test-range card, an email on an invented domain).
 */
import { strToU8, zipSync } from 'fflate';

export const EMAIL = 'jane.roe@mailbox-example.net';
export const CARD = '4539 1488 0343 6467';
export const SSN = '536-22-8726';
/** A ticket line with a customer's email and card. */
export const TICKET = `Customer wrote from ${EMAIL}; card ${CARD} was charged twice.`;
export const CLEAN = 'Please summarise the delivery delay policy in two lines.';
/** Every spelling of the raw values that must never be in a request. */
export const RAW = [EMAIL, CARD, CARD.replace(/ /g, ''), 'mailbox-example'];

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A DOCX with one paragraph a line. */
export function docx(text: string): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paras = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(line)}</w:t></w:r></w:p>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${paras}</w:body></w:document>`,
    ),
  });
}

/** An XLSX with one sheet, one row a line and one cell a tab-separated field (inline strings). */
export function xlsx(text: string): Uint8Array {
  const rows = text
    .split('\n')
    .map(
      (line, r) =>
        `<row r="${r + 1}">${line
          .split('\t')
          .map(
            (cell, c) =>
              `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${xmlEscape(cell)}</t></is></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  return zipSync({
    'xl/workbook.xml': strToU8(
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tickets" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
  });
}

/** A one-page PDF showing `text` (ASCII) in Helvetica, one line a text-showing operator. */
export function pdf(text: string): Uint8Array {
  const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 700 Td 14 TL ${text
    .split('\n')
    .map((line) => `(${escape(line)}) Tj T*`)
    .join(' ')} ET`;
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}
