import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { claimedFormat, sniffFormat } from './sniff.ts';

const text = (s: string) => strToU8(s);
const docx = zipSync({
  'word/document.xml': text('<w:document/>'),
  '[Content_Types].xml': text('<Types/>'),
});

describe('sniffFormat', () => {
  it.each([
    ['notes.txt', '', text('plain words'), 'txt'],
    ['data.CSV', '', text('a,b\n1,2'), 'csv'],
    ['page.htm', '', text('<p>hi</p>'), 'html'],
    ['mail.eml', '', text('From: a@example.test\nSubject: hi\n\nbody'), 'eml'],
    ['report.pdf', '', text('%PDF-1.7\n1 0 obj\n<<>>\nendobj'), 'pdf'],
    // Magic beats the name: a zip called .txt is read as what the zip holds.
    ['renamed.txt', 'text/plain', docx, 'docx'],
    ['archive.txt', '', zipSync({ 'a.txt': text('x') }), 'zip'],
    ['noname', '', text('junk\n%PDF-1.4\n'), 'pdf'],
    ['photo.txt', '', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image'],
    ['old.doc', '', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'ole'],
    ['logs.gz', '', new Uint8Array([0x1f, 0x8b, 8, 0]), 'archive'],
    // A document claim with foreign bytes stays a claim, so its reader reports it unreadable.
    ['fake.docx', '', text('not a zip at all'), 'docx'],
    ['bin.txt', '', new Uint8Array([1, 2, 0, 3, 4, 5]), 'binary'],
    // No name: the MIME type, then the content decides.
    ['', 'application/pdf', text('no magic here'), 'pdf'],
    ['', 'text/csv', text('a,b'), 'csv'],
    ['clipboard', '', text('<!DOCTYPE html><html><body>x</body></html>'), 'html'],
    ['clipboard', '', text('<?xml version="1.0"?><a/>'), 'xml'],
    ['clipboard', '', text('{"a": 1}'), 'json'],
    ['clipboard', '', text('Received: by mx\nFrom: a@example.test\nSubject: s\n\nb'), 'eml'],
    ['clipboard', '', text('From: the desk of nobody, no subject line here'), 'txt'],
  ] as const)('%s (%s) -> %s', (name, type, bytes, expected) => {
    expect(sniffFormat(name, type, bytes)).toBe(expected);
  });

  it('claimedFormat reads extensions case-insensitively and falls back to text/* types', () => {
    expect(claimedFormat('Q3.XLSX', '')).toBe('xlsx');
    expect(claimedFormat('x', 'text/x-whatever; charset=utf-8')).toBe('txt');
    expect(claimedFormat('x.exe', 'application/octet-stream')).toBeUndefined();
  });
});
