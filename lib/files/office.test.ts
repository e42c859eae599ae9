import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractText } from './index.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (...runs: string[]) =>
  `<w:p>${runs.map((r) => `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`).join('')}</w:p>`;

function zip(files: Record<string, string>): Uint8Array {
  const input: Zippable = {};
  for (const [name, xml] of Object.entries(files)) input[name] = strToU8(xml);
  return zipSync(input);
}

const docxFiles = {
  '[Content_Types].xml': '<Types/>',
  'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>
    ${para('Ticket ', '4821 for Test Person')}
    <w:p><w:r><w:t>Card</w:t></w:r><w:r><w:tab/><w:t>4111 1111 1111 1111</w:t></w:r></w:p>
    <w:tbl><w:tr><w:tc>${para('cell A &amp; B')}</w:tc><w:tc>${para('cell C')}</w:tc></w:tr></w:tbl>
    <w:p><w:del><w:r><w:delText>deleted but present</w:delText></w:r></w:del><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r></w:p>
    <w:p><w:r><w:t>line one</w:t><w:br/><w:t>line two</w:t></w:r></w:p>
  </w:body></w:document>`,
  'word/header1.xml': `<w:hdr ${W}>${para('Confidential header')}</w:hdr>`,
  'word/footer1.xml': `<w:ftr ${W}>${para('Footer page 1')}</w:ftr>`,
  'word/comments.xml': `<w:comments ${W}><w:comment w:id="0">${para('Comment: call back on 555-0100')}</w:comment></w:comments>`,
};

describe('docx', () => {
  it('reads header, body, comments and footer, a paragraph per line', async () => {
    const result = await extractText({ name: 'ticket.docx', type: '', bytes: zip(docxFiles) });
    expect(result).toEqual({
      ok: true,
      format: 'docx',
      truncated: false,
      text: [
        'Confidential header',
        '',
        'Ticket 4821 for Test Person',
        'Card\t4111 1111 1111 1111',
        'cell A & B',
        'cell C',
        'deleted but present',
        'line one\nline two',
        '',
        'Comment: call back on 555-0100',
        '',
        'Footer page 1',
      ].join('\n'),
    });
  });

  it('reads a docx that was renamed to .txt, by its bytes', async () => {
    const result = await extractText({
      name: 'notes.txt',
      type: 'text/plain',
      bytes: zip(docxFiles),
    });
    expect(result.ok && result.format).toBe('docx');
    expect(result.ok && result.text).toContain('Ticket 4821 for Test Person');
  });
});

describe('xlsx', () => {
  const files = {
    'xl/workbook.xml': `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
      <sheet name="Customers" sheetId="1" r:id="rId2"/><sheet name="Notes" sheetId="2" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships>
      <Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet2.xml"/>
      <Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<sst count="4"><si><t>Name</t></si><si><t>Email</t></si>
      <si><r><t>Test </t></r><r><t>Person</t></r><rPh><t>reading-not-content</t></rPh></si><si/>
      <si><t>tester@example.test</t></si></sst>`,
    'xl/worksheets/sheet1.xml': `<worksheet><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>Paid</t></is></c></row>
      <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>42.5</v></c><c r="D2" t="b"><v>1</v></c></row>
      <row r="3"><c r="A3" t="s"><v>3</v></c></row>
      <row r="4"><c r="A4" t="str"><f>A2</f><v>Test Person</v></c></row>
    </sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>refund approved</t></is></c></row></sheetData></worksheet>`,
    'xl/comments1.xml': `<comments><commentList><comment ref="A2"><text><r><t>VIP customer</t></r></text></comment></commentList></comments>`,
  };

  it('reads sheets in workbook order: cells by tabs, rows by lines, strings, numbers, booleans', async () => {
    const result = await extractText({ name: 'book.xlsx', type: '', bytes: zip(files) });
    expect(result).toEqual({
      ok: true,
      format: 'xlsx',
      truncated: false,
      text: [
        'Customers',
        'Name\tEmail\t\tPaid',
        'Test Person\ttester@example.test\t42.5\tTRUE',
        'Test Person',
        '',
        'Notes',
        'refund approved',
        '',
        'VIP customer',
      ].join('\n'),
    });
  });

  it('falls back to worksheet files when the workbook names none', async () => {
    const { 'xl/workbook.xml': _w, ...rest } = files;
    const result = await extractText({
      name: 'book.xlsx',
      type: '',
      bytes: zip({ ...rest, 'xl/workbook.xml': '<workbook/>' }),
    });
    expect(result.ok && result.text.split('\n').slice(0, 2)).toEqual([
      'Name\tEmail\t\tPaid',
      'Test Person\ttester@example.test\t42.5\tTRUE',
    ]);
  });
});

describe('pptx', () => {
  it('reads slides in numeric order, then notes', async () => {
    const slide = (text: string) =>
      `<p:sld><p:txBody><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sld>`;
    const bytes = zip({
      'ppt/presentation.xml': '<p:presentation/>',
      'ppt/slides/slide10.xml': slide('tenth'),
      'ppt/slides/slide2.xml': slide('second'),
      'ppt/slides/slide1.xml': slide('first'),
      'ppt/notesSlides/notesSlide1.xml': slide('speaker note'),
    });
    const result = await extractText({ name: 'deck.pptx', type: '', bytes });
    expect(result.ok && result.text).toBe('first\n\nsecond\n\ntenth\n\nspeaker note');
  });
});

/** Offset of the first central-directory header, found through the end record. */
function centralDirectory(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(bytes.length - 22 + 16, true);
}

describe('broken and hostile office files', () => {
  it('reports a truncated docx as unreadable', async () => {
    const bytes = zip(docxFiles);
    const result = await extractText({
      name: 'cut.docx',
      type: '',
      bytes: bytes.slice(0, bytes.length >> 1),
    });
    expect(result).toMatchObject({ ok: false, reason: 'unreadable', format: 'docx' });
  });

  it('reports random bytes named .docx as unreadable', async () => {
    let seed = 7;
    const bytes = Uint8Array.from(
      { length: 4096 },
      () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24,
    );
    const result = await extractText({ name: 'random.docx', type: '', bytes });
    expect(result).toMatchObject({ ok: false, reason: 'unreadable', format: 'docx' });
  });

  it('stops a zip bomb at the default 50 MB budget', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(51 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const result = await extractText({ name: 'bomb.docx', type: '', bytes: bomb });
    expect(result).toMatchObject({ ok: false, reason: 'too-large', format: 'docx' });
  });

  it('counts the budget across entries', async () => {
    const files: Zippable = { 'word/document.xml': strToU8(`<w:document ${W}/>`) };
    for (let i = 1; i <= 5; i++) files[`word/header${i}.xml`] = new Uint8Array(300);
    const bytes = zipSync(files);
    expect(
      await extractText({ name: 'h.docx', type: '', bytes }, { maxExpandedBytes: 1000 }),
    ).toMatchObject({ ok: false, reason: 'too-large' });
    expect(
      await extractText({ name: 'h.docx', type: '', bytes }, { maxExpandedBytes: 2000 }),
    ).toMatchObject({ ok: true });
  });

  it('treats an entry that inflates past its declared size as damaged, without inflating it all', async () => {
    const bytes = zipSync({ 'word/document.xml': new Uint8Array(1024 * 1024) });
    // Declare 100 bytes in the central directory (uncompressed size at +24).
    new DataView(bytes.buffer).setUint32(centralDirectory(bytes) + 24, 100, true);
    expect(await extractText({ name: 'lie.docx', type: '', bytes })).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
  });

  it('reports encrypted zip entries and password-protected Office files as encrypted', async () => {
    const bytes = zip(docxFiles);
    const cd = centralDirectory(bytes);
    bytes[cd + 8] = (bytes[cd + 8] ?? 0) | 1;
    expect(await extractText({ name: 'x.docx', type: '', bytes })).toMatchObject({
      ok: false,
      reason: 'encrypted',
    });

    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(
      [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]),
      600,
    );
    expect(await extractText({ name: 'locked.xlsx', type: '', bytes: ole })).toMatchObject({
      ok: false,
      reason: 'encrypted',
      format: 'ole',
    });
    ole.fill(0, 600);
    expect(await extractText({ name: 'old.doc', type: '', bytes: ole })).toMatchObject({
      ok: false,
      reason: 'unsupported',
      format: 'ole',
    });
  });

  it('does not read plain archives, images or unknown binaries', async () => {
    expect(
      await extractText({ name: 'a.zip', type: '', bytes: zip({ 'a.txt': 'x' }) }),
    ).toMatchObject({ ok: false, reason: 'unsupported', format: 'zip' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(await extractText({ name: 'shot.png', type: 'image/png', bytes: png })).toMatchObject({
      ok: false,
      reason: 'unsupported',
      format: 'image',
    });
    const bin = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]);
    expect(await extractText({ name: 'tool', type: '', bytes: bin })).toMatchObject({
      ok: false,
      reason: 'unsupported',
      format: 'binary',
    });
    expect(await extractText({ name: 'tool.txt', type: '', bytes: bin })).toMatchObject({
      ok: false,
      reason: 'unreadable',
      format: 'binary',
    });
  });

  it('rejects files over maxBytes before reading them', async () => {
    const big = new Uint8Array(25 * 1024 * 1024 + 1);
    expect(await extractText({ name: 'big.txt', type: '', bytes: big })).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
    expect(
      await extractText(
        { name: 'a.txt', type: '', bytes: strToU8('hello world') },
        { maxBytes: 5 },
      ),
    ).toMatchObject({ ok: false, reason: 'too-large', format: 'txt' });
  });
});
