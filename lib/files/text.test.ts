import { describe, expect, it } from 'vitest';
import { extractText } from './index.ts';
import { decodeEntities, htmlToText } from './text.ts';

const enc = new TextEncoder();

async function read(name: string, bytes: Uint8Array, limits?: Parameters<typeof extractText>[1]) {
  const result = await extractText({ name, type: '', bytes }, limits);
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.detail}`);
  return result;
}

describe('text files', () => {
  it('reads UTF-8, with or without a BOM', async () => {
    expect((await read('a.txt', enc.encode('Café order 1182'))).text).toBe('Café order 1182');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Zoë')]);
    expect((await read('a.md', bom)).text).toBe('Zoë');
  });

  it('decodes UTF-16 with either BOM, and little-endian without one', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'Jo ä'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...'Jo ä'].flatMap((c) => [0, c.charCodeAt(0)])]);
    const bare = new Uint8Array([...'name,email\r\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect((await read('a.csv', le)).text).toBe('Jo ä');
    expect((await read('a.csv', be)).text).toBe('Jo ä');
    const result = await read('export.csv', bare);
    expect(result.text).toBe('name,email\r\n');
    expect(result.format).toBe('csv');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const bytes = new Uint8Array([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x20, 0x80, 0x35]);
    expect((await read('note.log', bytes)).text).toBe('Résumé €5');
  });

  it('keeps JSON, CSV and XML as written', async () => {
    const json = '{"customer": "Test Person", "email": "test.person@example.test"}';
    expect(await read('t.json', enc.encode(json))).toEqual({
      ok: true,
      text: json,
      format: 'json',
      truncated: false,
    });
    const xml = '<?xml version="1.0"?><order id="7"><note>fragile &amp; urgent</note></order>';
    expect((await read('o.xml', enc.encode(xml))).text).toBe(xml);
  });

  it('truncates at maxChars and says so, without splitting a surrogate pair', async () => {
    const cut = await read('a.txt', enc.encode('x'.repeat(100)), { maxChars: 10 });
    expect(cut).toMatchObject({ text: 'x'.repeat(10), truncated: true });
    const emoji = await read('a.txt', enc.encode('abc😀def'), { maxChars: 4 });
    expect(emoji.text).toBe('abc');
    expect(emoji.truncated).toBe(true);
  });
});

describe('html', () => {
  const page = `<!doctype html><html><head><title>Ticket 88</title>
    <style>body { color: red } .secret { content: "sk_live_style_noise" }</style>
    <script>var token = "js-noise-should-not-appear";</script>
    <script type="application/ld+json">{"email": "ld.person@example.test"}</script>
    </head><body><!-- internal: do not show -->
    <h1>Refund&nbsp;request</h1><p>Customer wrote: &ldquo;please refund&rdquo; &amp; thanks &#8364;12 &#x41;</p>
    <table><tr><th>Name</th><th>Phone</th></tr><tr><td>Test Person</td><td>555&#45;0100</td></tr></table>
    <img src="x.png" alt="signature of Test Person"><a href="mailto:agent@example.test">write</a>
    <input value="typed value 42">
    </body></html>`;

  it('keeps visible text, text attributes and JSON data; drops code, styles and comments', () => {
    const text = htmlToText(page);
    expect(text).toBe(
      [
        'Ticket 88',
        '{"email": "ld.person@example.test"}',
        'Refund request',
        'Customer wrote: “please refund” & thanks €12 A',
        'Name\tPhone',
        'Test Person\t555-0100',
        'signature of Test Person agent@example.test write typed value 42',
      ].join('\n'),
    );
    expect(text).not.toMatch(/js-noise|style_noise|internal/);
  });

  it('honours a meta charset', async () => {
    const bytes = new Uint8Array([
      ...enc.encode('<meta charset="windows-1252"><p>Fran'),
      0xe7,
      ...enc.encode('ois</p>'),
    ]);
    expect((await read('p.html', bytes)).text).toBe('François');
  });

  it('leaves unknown entities as written', () => {
    expect(decodeEntities('&notanentity; &lt;b&gt; &#0; &#xD800;')).toBe(
      '&notanentity; <b> \ufffd \ufffd',
    );
  });
});
