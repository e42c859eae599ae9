import { strToU8, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractText } from './index.ts';
import { parseToUnicode } from './pdf.ts';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Object bodies in order (object n is bodies[n - 1]); streams are [dict, bytes]. */
type Body = string | [string, Uint8Array];

function buildPdf(bodies: Body[], options: { xref?: boolean; trailer?: string } = {}): Uint8Array {
  const parts: Uint8Array[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (p: Uint8Array) => {
    parts.push(p);
    length += p.length;
  };
  bodies.forEach((body, i) => {
    offsets.push(length);
    if (typeof body === 'string') push(latin1(`${i + 1} 0 obj\n${body}\nendobj\n`));
    else {
      push(latin1(`${i + 1} 0 obj\n<< ${body[0]} /Length ${body[1].length} >>\nstream\n`));
      push(body[1]);
      push(latin1('\nendstream\nendobj\n'));
    }
  });
  if (options.xref !== false) {
    const start = length;
    const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    push(latin1(`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${rows}`));
    push(
      latin1(
        `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${options.trailer ?? ''} >>\nstartxref\n${start}\n%%EOF\n`,
      ),
    );
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0010> <00E9> endbfchar
1 beginbfrange <0024> <0026> <0041> endbfrange
1 beginbfrange <0030> <0031> [<004F> <004B>] endbfrange
endcmap end end`;

const flateContent = zlibSync(
  strToU8(
    'BT /F1 12 Tf 72 700 Td (Ticket 4821: Test Person) Tj 0 -14 Td [(card ) -250 (4111) 10 ( 1111 1111 1111)] TJ ET',
  ),
);
const plainContent = strToU8(
  "BT /F1 11 Tf 72 600 Td (Reply to tester@example.test) Tj T* (paren \\(ok\\) and octal \\101\\102) ' ET\n" +
    'BT /F2 11 Tf 1 0 0 1 72 500 Tm <0024002500260003003000310010> Tj ET',
);

/** Two pages sharing inherited resources: page 1 Flate-compressed, page 2 plain, Type0 + ToUnicode. */
const sample = (options?: { xref?: boolean; trailer?: string }) =>
  buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [8 0 R] >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      '<< /Type /Font /Subtype /Type0 /BaseFont /Embedded /Encoding /Identity-H /ToUnicode 9 0 R >>',
      ['/Filter /FlateDecode', flateContent],
      ['', plainContent],
      ['', strToU8(cmap)],
    ],
    options,
  );

const expected = [
  'Ticket 4821: Test Person',
  'card 4111 1111 1111 1111',
  '',
  'Reply to tester@example.test',
  'paren (ok) and octal AB',
  'ABC OKé',
].join('\n');

describe('pdf', () => {
  it("reads Flate and plain content streams, Tj/TJ/' operators, literal and hex strings, ToUnicode", async () => {
    expect(await extractText({ name: 'ticket.pdf', type: '', bytes: sample() })).toEqual({
      ok: true,
      format: 'pdf',
      truncated: false,
      text: expected,
    });
  });

  it('recovers a PDF without xref or trailer by scanning objects, and says so', async () => {
    const result = await extractText({
      name: 'noxref.pdf',
      type: '',
      bytes: sample({ xref: false }),
    });
    expect(result).toMatchObject({ ok: true, text: expected });
    expect(result.ok && result.note).toMatch(/no cross-reference table/);
  });

  it('reports an encrypted PDF as encrypted', async () => {
    const bytes = sample({ trailer: '/Encrypt 10 0 R /ID [<01> <01>]' });
    expect(await extractText({ name: 'locked.pdf', type: '', bytes })).toMatchObject({
      ok: false,
      reason: 'encrypted',
      format: 'pdf',
    });
  });

  it('returns empty text with a note for an image-only (scanned) PDF', async () => {
    const bytes = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
      ['', strToU8('q 612 0 0 792 0 0 cm /Im0 Do Q')],
      [
        '/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode',
        new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
      ],
    ]);
    const result = await extractText({ name: 'scan.pdf', type: '', bytes });
    expect(result).toMatchObject({ ok: true, text: '', format: 'pdf' });
    expect(result.ok && result.note).toMatch(/scanned or image-only/);
  });

  it('reports a Type0 font without a Unicode map in the note instead of emitting glyph ids', async () => {
    const bytes = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      ['', strToU8('BT /F1 12 Tf <00240025> Tj ET')],
      '<< /Type /Font /Subtype /Type0 /Encoding /Identity-H >>',
    ]);
    const result = await extractText({ name: 'x.pdf', type: '', bytes });
    expect(result).toMatchObject({ ok: true, text: '' });
    expect(result.ok && result.note).toMatch(/no Unicode map/);
  });

  it('reports a PDF cut before any object as unreadable', async () => {
    expect(
      await extractText({ name: 'cut.pdf', type: '', bytes: sample().slice(0, 20) }),
    ).toMatchObject({ ok: false, reason: 'unreadable', format: 'pdf' });
  });

  it('charges Flate streams to the decompression budget', async () => {
    const bomb = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
      ['/Filter /FlateDecode', zlibSync(new Uint8Array(2 * 1024 * 1024))],
    ]);
    expect(
      await extractText(
        { name: 'b.pdf', type: '', bytes: bomb },
        { maxExpandedBytes: 1024 * 1024 },
      ),
    ).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('parses ToUnicode bfchar and both bfrange forms', () => {
    const { codeLength, map } = parseToUnicode(cmap);
    expect(codeLength).toBe(2);
    expect([0x24, 0x25, 0x26, 0x30, 0x31, 0x10, 0x03].map((c) => map.get(c))).toEqual([
      'A',
      'B',
      'C',
      'O',
      'K',
      'é',
      ' ',
    ]);
  });
});
